/**
 * What the generated tests say to their runner, in one place: where the test
 * functions come from, and the runner's own markers for a test that is pending
 * (expected to fail until the use-case is implemented) and one that is a todo.
 * Another runner (vitest `test.fails`, node's `todo` option) maps here.
 */
export interface TestRunner {
  name: string;
  /** The module the test functions are imported from. */
  globals: string;
  /** Calls a test expected to fail: the runner reports it as passing while it fails, and as failing once it passes. */
  pending: string;
  /** Calls a test that only names what to prove. */
  todo: string;
  /** Why a pending test is marked, and what to do when the runner says it passes. */
  pendingNote: string;
}

export const JEST: TestRunner = {
  name: "jest",
  globals: "@jest/globals",
  pending: "it.failing",
  todo: "it.todo",
  pendingNote: "Each it.failing test passes while the handler is not implemented; once jest reports it failing because it passed, change it to it.",
};

/** The import line of the runner's test functions. */
export function runnerImport(runner: TestRunner, names: readonly string[]): string {
  return `import { ${[...names].sort().join(", ")} } from ${JSON.stringify(runner.globals)};`;
}
