/**
 * The generated tests under each runner a repository may use, run for real:
 * jest (imports from @jest/globals), vitest (imports from vitest, or its
 * globals) and node's own runner (node:test with node:assert, compiled by tsc
 * first, as a node-runner repository builds before it tests). One
 * representative use-case each; the full matrix of use-cases runs under jest in
 * generated-code.test.ts.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { asProject, checkJson, cli, jestSummary, readTree, ROOT, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

const ANSWERS = path.join(ROOT, "examples/request-password-reset.answers.json");
const NODE_MODULES = path.join(ROOT, "node_modules");

async function planWith(config: object): Promise<{ dest: string; tests: Map<string, string> }> {
  const dest = await tempDir();
  await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify(config));
  const run = await cli(["plan", "--answers", ANSWERS, "--dest", dest, "--date", "2026-01-01"]);
  expect(run.stderr).toBe("");
  expect(run.exitCode).toBe(0);
  const tree = await readTree(dest);
  return { dest, tests: new Map([...tree].filter(([p]) => p.endsWith(".test.ts"))) };
}

/** tsconfig for the project: the runner's types where its tests use globals or node's modules. */
async function withTypes(dir: string, types: string[], extra: object = {}): Promise<void> {
  const file = path.join(dir, "tsconfig.json");
  const tsconfig = JSON.parse(await readFile(file, "utf8")) as { compilerOptions: Record<string, unknown> };
  Object.assign(tsconfig.compilerOptions, { types }, extra);
  await writeFile(file, JSON.stringify(tsconfig));
}

describe("generated tests under each test runner", () => {
  it.each(["result", "throw"] as const)("jest: imports from @jest/globals and passes, value objects in the %s style", async (valueObjectStyle) => {
    const { dest, tests } = await planWith({ testRunner: "jest", valueObjectStyle });
    const stub = (await readTree(dest)).get("src/features/request-password-reset/domain/email.value-object.ts")!;
    expect(stub).toContain(valueObjectStyle === "throw" ? "  constructor(raw: unknown) {" : "  static create(raw: unknown): Result<Email, ValidationError> {");
    for (const code of tests.values()) expect(code).toContain('from "@jest/globals";');
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const result = await runGeneratedTests(dest);
    const summary = jestSummary(result);
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(10);
    expect(summary.todo).toBeGreaterThan(0);
  });

  it.each([
    ["imports from vitest", false],
    ["uses vitest's globals", true],
  ] as const)("vitest: %s, titles without jest's %%p, and passes", async (_how, globals) => {
    const { dest, tests } = await planWith({ testRunner: "vitest", testGlobals: globals, valueObjectStyle: globals ? "throw" : "result" });
    for (const code of tests.values()) {
      expect(code).not.toContain("@jest/globals");
      expect(code.includes('from "vitest";')).toBe(!globals);
    }
    expect([...tests.values()].join("\n")).not.toContain("%p");
    await asProject(dest, "module");
    await withTypes(dest, globals ? ["vitest/globals"] : []);
    const check = await typecheck(dest);
    expect(check.stdout).toBe("");
    const result = await execa("node", [path.join(NODE_MODULES, "vitest/vitest.mjs"), "run", "--root", dest, "--reporter=json", ...(globals ? ["--globals"] : [])], { cwd: dest, reject: false });
    const summary = JSON.parse(String(result.stdout)) as { numPassedTests: number; numFailedTests: number; numTodoTests: number; testResults: { assertionResults: { title: string }[] }[] };
    expect(summary.numFailedTests).toBe(0);
    expect(summary.numPassedTests).toBeGreaterThan(10);
    expect(summary.numTodoTests).toBeGreaterThan(0);
    // A value in a title reads as the value, quoted as code would write it.
    const titles = summary.testResults.flatMap((r) => r.assertionResults.map((a) => a.title));
    expect(titles).toContain("DOM-1 Email accepts 'ada@example.com'");
    expect(result.exitCode).toBe(0);
  });

  it.each(["result", "throw"] as const)("node: node:test with node:assert, compiled by tsc, passes under node --test, also after growing (%s style)", async (valueObjectStyle) => {
    const { dest } = await planWith({ testRunner: "node", valueObjectStyle });
    const grow = await cli(["value-object", "--use-case", "Request password reset", "--value-object", "DisplayName:string(1..40)", "--dest", dest]);
    expect(grow.stderr).toBe("");
    const tests = new Map([...(await readTree(dest))].filter(([p]) => p.endsWith(".test.ts")));
    const all = [...tests.values()].join("\n");
    expect(all).toContain('from "node:test";');
    expect(all).toContain('import { strict as assert } from "node:assert";');
    expect(all).not.toMatch(/@jest\/globals|\bexpect\(|\.each\b|%p/);
    await asProject(dest, "module");
    await withTypes(dest, ["node"], { noEmit: false, outDir: "build", rootDir: "src" });
    const compiled = await typecheck(dest);
    expect(compiled.stdout).toBe("");
    expect(compiled.exitCode).toBe(0);
    const files = [...tests.keys()].map((p) => path.join(dest, "build", p.replace(/^src\//, "").replace(/\.ts$/, ".js")));
    const result = await execa("node", ["--test", "--test-reporter=tap", ...files], { cwd: dest, reject: false });
    const count = (what: string): number => Number(new RegExp(`^# ${what} (\\d+)$`, "m").exec(String(result.stdout))?.[1] ?? NaN);
    expect(count("fail")).toBe(0);
    expect(count("pass")).toBeGreaterThan(10);
    expect(count("todo")).toBeGreaterThan(0);
    expect(String(result.stdout)).toContain("DOM-1 Email accepts 'ada@example.com'");
    expect(String(result.stdout)).toMatch(/ok \d+ - DOM-\d+ DisplayName rejects 41 characters with a clear error/);
    expect(result.exitCode).toBe(0);
  });

  it("marks the pending test bodies with each runner's own expected-failure marker, and check counts the same pending tests under all three", async () => {
    const marker = { jest: "it.failing(", vitest: "it.fails(", node: "it.todo(" } as const;
    const pendingBy = new Map<string, string[]>();
    for (const testRunner of ["jest", "vitest", "node"] as const) {
      const { dest, tests } = await planWith({ testRunner });
      const integration = [...tests].find(([p]) => p.endsWith(".integration.test.ts"))![1];
      // A pending test has a body: the runner's marker, its title, then the test function.
      expect(integration).toMatch(new RegExp(`${marker[testRunner].replace(/[.(]/g, "\\$&")}"INT-\\d+ [^"]*", async \\(\\) => \\{`));
      for (const other of Object.values(marker)) if (other !== marker[testRunner] && other !== "it.todo(") expect(integration).not.toContain(other);
      const check = await checkJson(dest);
      expect(check.code).toBe(0);
      pendingBy.set(testRunner, check.plans[0]!.pending);
    }
    expect(pendingBy.get("jest")!.length).toBeGreaterThan(3);
    expect(pendingBy.get("vitest")).toEqual(pendingBy.get("jest"));
    expect(pendingBy.get("node")).toEqual(pendingBy.get("jest"));
  });

  it("refuses globals for node's runner, which has none (exit 2, one line naming the key)", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ testRunner: "node", testGlobals: true }));
    const run = await cli(["plan", "--name", "Book room", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^mjoplan: .*mjoplan\.config\.json\.testGlobals: node's test runner has no globals/);
    expect((await readTree(dest)).size).toBe(1);
  });
});
