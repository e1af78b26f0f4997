// A time budget for one call into the core. The core is synchronous and the
// server answers requests one at a time, so a request that runs long holds up
// every request behind it. The features' long walks call `checkBudget()`; past
// the deadline it throws `BudgetExceeded`, which the caller (the server) turns
// into a clear "too large" answer. Analysis never checks the budget: it fills
// caches, and stopping it halfway would leave them inconsistent. Features only
// read the analysis, so stopping one loses nothing but its own answer.

export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`gave up after ${budgetMs} ms: the input is too large for this request`);
    this.name = 'BudgetExceeded';
  }
}

let deadline = Number.POSITIVE_INFINITY;
let current = 0;
let calls = 0;

/** Runs `fn` with a deadline `ms` from now (nested budgets keep the outer one once they end). */
export function withBudget<T>(ms: number, fn: () => T): T {
  const outer = { deadline, current };
  deadline = Math.min(deadline, performance.now() + ms);
  current = ms;
  try {
    return fn();
  } finally {
    ({ deadline, current } = outer);
  }
}

/** Throws `BudgetExceeded` once the deadline has passed (looks at the clock every 1,024 calls). */
export function checkBudget(): void {
  if ((++calls & 1023) !== 0 || deadline === Number.POSITIVE_INFINITY) return;
  if (performance.now() > deadline) throw new BudgetExceeded(current);
}
