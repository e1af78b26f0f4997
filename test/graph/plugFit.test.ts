// Plug fit between real components: what fits, and why a near miss does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { componentSide, plugFit, versionsCompatible } from '../../common/component/plugFit';
import { readFixture } from './fixtures';

const calculatorNeeds = () => componentSide(readFixture('calculator'), 'imports', 'calculator');

test("the adder satisfies the calculator's adder import; the logger is missing", () => {
  const fit = plugFit(calculatorNeeds(), componentSide(readFixture('adder'), 'exports', 'adder'));
  assert.deepEqual(
    fit.matches.map((m) => [m.import, m.status, m.export]),
    [
      ['docs:calc/adder@0.1.0', 'satisfied', 'docs:calc/adder@0.1.0'],
      ['docs:calc/logger@0.1.0', 'missing', undefined],
    ],
  );
  assert.deepEqual(fit.matches[1].reasons, ['interface missing: adder does not export docs:calc/logger']);
});

test('an adder at 0.2.0 is a near miss: version mismatch', () => {
  const fit = plugFit(calculatorNeeds(), componentSide(readFixture('adder-v2'), 'exports', 'adder-v2'));
  const adder = fit.matches[0];
  assert.equal(adder.status, 'near-miss');
  assert.equal(adder.export, 'docs:calc/adder@0.2.0');
  assert.deepEqual(adder.reasons, ['version mismatch: needs 0.1.0, adder-v2 exports 0.2.0']);
});

test('an adder with u64 numbers is a near miss that names the function and the difference', () => {
  const fit = plugFit(calculatorNeeds(), componentSide(readFixture('adder-wide'), 'exports', 'adder-wide'));
  assert.equal(fit.matches[0].status, 'near-miss');
  assert.deepEqual(fit.matches[0].reasons, ['function `add` differs: needs func(a: u32, b: u32) -> u32, gets func(a: u64, b: u64) -> u64']);
});

test('the composed component still needs exactly a logger', () => {
  const composed = componentSide(readFixture('composed'), 'imports', 'composed');
  assert.deepEqual(
    composed.interfaces.map((i) => [...i.functions].map(([n, sig]) => [n, sig.text])),
    [[['log', 'func(msg: string)']]],
  );
});

test('component-model version compatibility', () => {
  assert.ok(versionsCompatible('0.2.0', '0.2.3'));
  assert.ok(versionsCompatible('1.0.0', '1.4.0'));
  assert.ok(!versionsCompatible('0.1.0', '0.2.0'));
  assert.ok(!versionsCompatible('1.0.0', '2.0.0'));
  assert.ok(!versionsCompatible('0.3.0-rc', '0.3.0'));
});
