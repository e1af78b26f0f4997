// The request budget (core/budget.ts): a feature's long walk stops with
// BudgetExceeded once the deadline has passed; outside a budget nothing stops;
// a nested budget gives the outer one back when it ends.
// suite: stress
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture } from '../helpers';
import { BudgetExceeded, withBudget } from '../../../server/src/core/budget';
import { printSyntaxTree } from '../../../server/src/core/features/syntaxTree';
import { formatText } from '../../../server/src/core/features/formatting';

const big = `package a:b;\n\ninterface i {\n${Array.from({ length: 20_000 }, (_, k) => `    type t${k} = list<u32>;`).join('\n')}\n}\n`;

test('a walk past its deadline throws BudgetExceeded; without a budget it finishes', async () => {
  const doc = (await fixture({ 'a.wit': big })).doc('a.wit');
  assert.throws(
    () => withBudget(0, () => printSyntaxTree(doc)),
    (e) => e instanceof BudgetExceeded && /too large/.test(e.message),
  );
  assert.throws(() => withBudget(0, () => formatText(doc)), BudgetExceeded);
  assert.equal(formatText(doc), big);
  assert.ok(withBudget(60_000, () => printSyntaxTree(doc)).length > 0);
});

test('a nested budget ends with its call, and the outer deadline still holds inside it', async () => {
  const doc = (await fixture({ 'a.wit': big })).doc('a.wit');
  assert.throws(() => withBudget(0, () => withBudget(60_000, () => printSyntaxTree(doc))), BudgetExceeded);
  withBudget(60_000, () => {
    assert.throws(() => withBudget(0, () => printSyntaxTree(doc)), BudgetExceeded);
    assert.ok(printSyntaxTree(doc).length > 0);
  });
});
