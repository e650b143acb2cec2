/**
 * Every test body, under vitest and node's runner too: the plans of six dissimilar use-cases and
 * of one use-case per capability compile strict for each runner and run without a failure (the
 * pending bodies are vitest's expected failures and node's todos). test-runners.test covers the
 * runners' imports, globals and titles on the reference use-case.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { asProject, cli, NODE_MODULES, readTree, ROOT, tempDir, typecheck } from "./support/project.js";

async function withTypes(dir: string, types: string[], extra: object = {}): Promise<void> {
  const file = path.join(dir, "tsconfig.json");
  const tsconfig = JSON.parse(await readFile(file, "utf8")) as { compilerOptions: Record<string, unknown> };
  Object.assign(tsconfig.compilerOptions, { types }, extra);
  await writeFile(file, JSON.stringify(tsconfig));
}
const SETS = [path.join(ROOT, "__tests__/fixtures/capabilities.answers.json"), path.join(ROOT, "__tests__/fixtures/use-cases.answers.json")];
describe.each(SETS)("all bodies of %s", (answers) => {
  it("vitest", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ testRunner: "vitest" }));
    expect((await cli(["plan", "--answers", answers, "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const result = await execa("node", [path.join(NODE_MODULES, "vitest/vitest.mjs"), "run", "--root", dest, "--reporter=json"], { cwd: dest, reject: false });
    const summary = JSON.parse(String(result.stdout)) as { numFailedTestSuites: number; testResults: { name: string; status: string; message: string; assertionResults: { title: string; status: string }[] }[] };
    expect(summary.testResults.flatMap((r) => r.assertionResults.filter((a) => a.status === "failed").map((a) => a.title))).toEqual([]);
    // A file vitest cannot load has no assertion results at all: only its suite says it failed.
    expect(summary.testResults.filter((r) => r.status === "failed").map((r) => `${path.relative(dest, r.name)}: ${r.message}`)).toEqual([]);
    expect(summary.numFailedTestSuites).toBe(0);
  }, 120_000);
  it("node", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ testRunner: "node" }));
    expect((await cli(["plan", "--answers", answers, "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const tests = new Map([...(await readTree(dest))].filter(([p]) => p.endsWith(".test.ts")));
    await asProject(dest, "module");
    await withTypes(dest, ["node"], { noEmit: false, outDir: "build", rootDir: "src" });
    expect((await typecheck(dest)).stdout).toBe("");
    const files = [...tests.keys()].map((p) => path.join(dest, "build", p.replace(/^src\//, "").replace(/\.ts$/, ".js")));
    const result = await execa("node", ["--test", "--test-reporter=tap", ...files], { cwd: dest, reject: false });
    expect(/^# fail (\d+)$/m.exec(String(result.stdout))?.[1]).toBe("0");
  }, 120_000);
});
