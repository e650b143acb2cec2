/**
 * A repository's build tsconfig leaves its test files out by name and lists its own types (Nx's
 * tsconfig.lib.json: types ["node"], exclude *.spec.ts; NestJS's tsconfig.build.json): the code
 * mjoplan writes beside the sources must compile there too, the shared test helpers included (they
 * are plain .ts files). With the runner's globals, expectProblem used `expect` with no import, and
 * `nx build` failed on it (TRIAL3 U2).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { asProject, cli, tempDir, typecheck } from "./support/project.js";

const HELPER = "src/shared/testing/expect-problem.ts";

/** tsconfig.json as the repository's build has it: its own types, test files left out. */
async function buildTsconfig(dir: string, types: string[], include: string[]): Promise<void> {
  const file = path.join(dir, "tsconfig.json");
  const config = JSON.parse(await readFile(file, "utf8")) as { compilerOptions: Record<string, unknown>; include: string[]; exclude?: string[] };
  config.compilerOptions["types"] = types;
  config.include = include;
  config.exclude = ["src/**/*.test.ts", "src/**/*.spec.ts"];
  await writeFile(file, JSON.stringify(config));
}

describe("the code mjoplan writes compiles under a build tsconfig that leaves tests out", () => {
  it.each([
    ["jest", ["jest"]],
    ["vitest", ["vitest/globals"]],
  ] as const)("%s with globals: the build (types node only) and the tests (the globals' types) both compile", async (runner, testTypes) => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ testRunner: runner, testGlobals: true }));
    const run = await cli(["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--event", "RoomBooked:roomId", "--dest", dest, "--date", "2026-01-01", "--format", "never"]);
    expect(String(run.stderr)).toBe("");
    expect(run.exitCode).toBe(0);
    expect(await readFile(path.join(dest, HELPER), "utf8")).toContain("expect(");
    await asProject(dest, "module");
    await buildTsconfig(dest, ["node"], ["src/**/*.ts"]);
    const build = await typecheck(dest);
    expect(String(build.stdout)).toBe("");
    expect(build.exitCode).toBe(0);
    // The test files, with the globals' types as a test tsconfig lists them, still compile beside the helper.
    await asProject(dest, "module");
    const file = path.join(dest, "tsconfig.json");
    const config = JSON.parse(await readFile(file, "utf8")) as { compilerOptions: Record<string, unknown> };
    config.compilerOptions["types"] = [...testTypes];
    await writeFile(file, JSON.stringify(config));
    const tests = await typecheck(dest);
    expect(String(tests.stdout)).toBe("");
    expect(tests.exitCode).toBe(0);
  }, 90_000);
});
