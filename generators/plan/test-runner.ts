/**
 * What the generated tests say to their runner, in one place: where the test
 * functions come from (or none, with the runner's globals), and the runner's own
 * markers for a test that is pending (expected to fail until the use-case is
 * implemented) and one that is a todo: jest `it.failing`, vitest `it.fails`
 * (its `test.fails`), node's runner `it.todo` with a body (it runs, and its
 * failure is reported as a todo, not as a failure).
 */
import type { TestRunner as RunnerName } from "../../lib/config/config.js";

export interface TestRunner {
  name: RunnerName;
  /** The module the test functions are imported from. */
  module: string;
  /** The runner's globals are in scope: no import line. */
  globals: boolean;
  /** Calls a test expected to fail: the runner reports it as passing while it fails, and as failing once it passes. */
  pending: string;
  /** Calls a test that only names what to prove. */
  todo: string;
  /** Why a pending test is marked, and what to do when the runner says it passes. */
  pendingNote: string;
}

const RUNNERS: Record<RunnerName, Omit<TestRunner, "globals">> = {
  jest: {
    name: "jest",
    module: "@jest/globals",
    pending: "it.failing",
    todo: "it.todo",
    pendingNote: "Each it.failing test passes while the handler is not implemented; once jest reports it failing because it passed, change it to it.",
  },
  vitest: {
    name: "vitest",
    module: "vitest",
    pending: "it.fails",
    todo: "it.todo",
    pendingNote: "Each it.fails test passes while the handler is not implemented; once vitest reports it failing because it passed, change it to it.",
  },
  node: {
    name: "node",
    module: "node:test",
    pending: "it.todo",
    todo: "it.todo",
    pendingNote: "Each it.todo test with a body runs, and node reports its failure as a todo while the handler is not implemented; once it passes, change it to it.",
  },
};

/** The runner a repository's config names, with or without its globals. */
export function testRunnerOf(name: RunnerName, globals = false): TestRunner {
  return { ...RUNNERS[name], globals: globals && name !== "node" };
}

/**
 * The lines that give a shared test helper (expectProblem) the runner's assertions. It is a plain .ts
 * file beside the code, so a build tsconfig that leaves test files out by name and lists its own
 * types (Nx's tsconfig.lib.json, NestJS's tsconfig.build.json) compiles it too: with globals it names
 * their types itself, as a test tsconfig does (installed wherever the tests use them); without, the import.
 */
export function helperImport(runner: TestRunner, names: readonly string[]): string {
  if (!runner.globals) return runnerImport(runner, names);
  return `/// <reference types="${runner.name === "vitest" ? "vitest/globals" : "jest"}" />`;
}

/**
 * The import lines of the runner's test functions: none with globals; for node,
 * node:test, and node:assert in place of expect (the node rewrite turns expect into assert).
 */
export function runnerImport(runner: TestRunner, names: readonly string[]): string {
  if (runner.globals) return "";
  if (runner.name === "node") {
    const own = names.filter((n) => n !== "expect");
    const assert = names.includes("expect") ? ['import { strict as assert } from "node:assert";'] : [];
    return [...(own.length ? [`import { ${[...own].sort().join(", ")} } from "node:test";`] : []), ...assert].join("\n");
  }
  return `import { ${[...names].sort().join(", ")} } from ${JSON.stringify(runner.module)};`;
}
