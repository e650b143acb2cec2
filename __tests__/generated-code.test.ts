/**
 * The generated TypeScript, type-checked by a real tsc (strict and the strictest
 * extra flags, NodeNext) as an
 * ES-module and as a CommonJS project, and its tests run by a real jest: a
 * template that does not compile, or a stub that fails its own tests, fails here.
 */
import { cp } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { asProject, cli, jestSummary, ROOT, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const cases = {
  "the reference use-case": path.join(ROOT, "examples/request-password-reset.answers.json"),
  "a batch with every rule and hostile text": path.join(ROOT, "__tests__/fixtures/varied.answers.json"),
  "corners: an event of personal data only, domain tests with nothing to test": path.join(ROOT, "__tests__/fixtures/strict-corners.answers.json"),
  // Every flow (create, change, delete, query, async) and every built-in capability: each test body compiles strict and stays pending.
  "six dissimilar use-cases": path.join(ROOT, "__tests__/fixtures/use-cases.answers.json"),
  "a use-case per capability": path.join(ROOT, "__tests__/fixtures/capabilities.answers.json"),
  // List rules (uuid[](1..100)) of every item kind, bounds from 1 and above: each validates for real (TRIAL10 X14).
  "list inputs of every item kind": path.join(ROOT, "__tests__/fixtures/list-rules.answers.json"),
};

describe.each(Object.entries(cases))("generated code of %s", (_name, answers) => {
  let dest: string;

  beforeAll(async () => {
    dest = await tempDir();
    const run = await cli(["plan", "--answers", answers, "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
  });

  it.each(["module", "commonjs"] as const)("passes tsc --strict, noUnused*, exactOptionalPropertyTypes, noUncheckedIndexedAccess and verbatimModuleSyntax with NodeNext in a %s project", async (kind) => {
    const project = await tempDir();
    await cp(dest, project, { recursive: true });
    await asProject(project, kind);
    const result = await typecheck(project);
    expect(result.stdout).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("runs green under jest, with real domain assertions and todos for the rest", async () => {
    await asProject(dest, "module");
    const result = await runGeneratedTests(dest);
    const summary = jestSummary(result);
    expect(summary.failed).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(summary.passed).toBeGreaterThan(10);
    expect(summary.todo).toBeGreaterThan(0);
  });
});
