/**
 * How generated tests speak to the repository's test runner: the import lines
 * templates place, the printf token a table-driven title shows a value with, and
 * the step that rewrites jest-style assertions for node's own runner. Computed
 * once from the config, so templates only place `testing.*`.
 */
import type { TestRunner } from "../../lib/config/config.js";
import { GenerationError } from "../../lib/errors.js";
import type { Renderer } from "../../lib/render/engine.js";
import { toNodeTest } from "../../lib/render/node-test.js";
import { runnerImport, testRunnerOf } from "./test-runner.js";

export interface TestingModel {
  runner: TestRunner;
  /** The runner's globals are in scope (no import lines). */
  globals: boolean;
  /** Import lines of a test file that only declares tests (describe, it); empty with globals. */
  imports: string;
  /** Import lines of a test file that also asserts (expect, or node:assert). */
  importsWithExpect: string;
  /** The it.each title token that shows one value readably: jest's %p, vitest's %o (node's loop prints it with inspect). */
  anyValue: string;
}

export function testingOf(runner: TestRunner, globals: boolean): TestingModel {
  const r = testRunnerOf(runner, globals);
  return { runner, globals: r.globals, imports: runnerImport(r, ["describe", "it"]), importsWithExpect: runnerImport(r, ["describe", "expect", "it"]), anyValue: runner === "vitest" ? "%o" : "%p" };
}

/** Import lines of any runner, so code that merges test files can leave them to the file's own. */
export const RUNNER_IMPORT = /^import .* from "(@jest\/globals|vitest|node:test|node:assert|node:util)";$/;

/** A rendered test file as the runner wants it: unchanged for jest and vitest, rewritten onto node:assert for node. */
export function forRunner(code: string, testing: TestingModel, template = "a test template"): string {
  if (testing.runner !== "node") return code;
  try {
    return toNodeTest(code);
  } catch (e) {
    throw new GenerationError(`${template}: ${(e as Error).message}`, { cause: e });
  }
}

/** A test template rendered with the runner's imports and made ready for the runner. */
export function renderTest(renderer: Renderer, template: string, context: object, testing: TestingModel): string {
  return forRunner(renderer.render(template, { ...context, testing }), testing, template);
}
