// A run task's grants against what its component imports: unused grants warn,
// imports granted nothing are noted (on the committed C command and library components).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readComponent } from '../../common/component/reader';
import { capabilitiesOf } from '../../common/component/capabilities';
import { grantProblems, grantsFor } from '../../client/src/tasks/grants';
import type { RunPlan } from '../../client/src/tasks/commandLines';

const fixtures = path.resolve(__dirname, '..', 'fixtures');
const reportOf = (rel: string) => capabilitiesOf(readComponent(fs.readFileSync(path.join(fixtures, rel))));
const plan = (over: Partial<RunPlan>): RunPlan => ({
  runtime: 'wasmtime',
  runtimePath: 'wasmtime',
  mode: 'cli',
  program: 'x.wasm',
  args: [],
  addr: '127.0.0.1:0',
  dirs: [],
  env: {},
  wasi: [],
  ...over,
});

test('a command that imports files and the environment: its grants are used; a missing folder is noted', () => {
  const hello = reportOf('cli/hello.component.wasm');
  assert.deepEqual(grantProblems(plan({ dirs: ['.'], env: { A: '1' } }), hello), { warnings: [], notes: [] });
  assert.deepEqual(grantProblems(plan({}), hello).notes, [
    'the component imports wasi:filesystem but the task grants no "dirs": it sees no files',
  ]);
  assert.match(
    grantProblems(plan({ wasi: ['inherit-network'] }), hello).warnings.join('\n'),
    /grants the network, but the component imports no wasi:sockets/,
  );
});

test('a component that imports no WASI: every grant is one it cannot use; jco runs are not judged', () => {
  const adder = reportOf('components/adder.wasm');
  const { warnings } = grantProblems(plan({ dirs: ['data'], env: { A: '1' }, wasi: ['http', 'inherit-env'] }), adder);
  assert.equal(warnings.length, 4, warnings.join('\n'));
  assert.match(warnings[0], /"dirs" grants data, but the component imports no wasi:filesystem/);
  assert.deepEqual(grantProblems(plan({ runtime: 'jco', dirs: ['data'] }), adder), { warnings: [], notes: [] });
});

test('an offered run task asks for what it imports that needs a choice, and is granted nothing else', () => {
  const hello = reportOf('cli/hello.component.wasm');
  // Files and the environment: asked for at the first run (grantQuestions.test.ts), no `--dir .` or inherit-env granted up front.
  assert.deepEqual(grantsFor(hello), { grants: 'ask' });
  assert.deepEqual(grantProblems(plan({}), hello).warnings, []);
  assert.deepEqual(grantsFor(reportOf('components/adder.wasm')), {});
});
