// The time budget of a long menu run. Apps Script ends an execution at 6 minutes
// (SHEETS-FACTS.md §13) without letting it save anything; setup and protection therefore check
// this clock between tabs and stop by themselves, saving their progress, once the budget is spent.
// The clock is Date.now(): in the emulator it is the virtual clock, which tests and the bench move
// with each service call (docs/DECISIONS.md 55).

/** 4 of Apps Script's 6 minutes: the tab under way and the closing writes fit in the rest. */
const RUN_BUDGET_MS = 240_000;

export interface RunClock {
  /** True once the run has used its budget. */
  over(): boolean;
}

export function startClock(budgetMs = RUN_BUDGET_MS): RunClock {
  const started = Date.now();
  return { over: () => Date.now() - started > budgetMs };
}
