/**
 * `init` reads where the repository's test runner looks for tests (jest's roots, rootDir and testMatch,
 * vitest's test.include) and puts the generated tests there: in a repository whose tests live under
 * test/, tests written to src/features/.../__tests__ were never run while check said ok (TRIAL3 U44).
 */
import { readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { cli, NODE_MODULES, readTree, repoWith } from "./support/project.js";

const configOf = async (dir: string): Promise<{ paths?: Record<string, string> }> => JSON.parse(await readFile(path.join(dir, "mjoplan.config.json"), "utf8")) as { paths?: Record<string, string> };

describe("init puts the tests where the runner looks", () => {
  it("jest roots: test/ -> paths.tests test/features/{use-case}; the repository's own jest then runs the generated tests, green", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ name: "roots-one", scripts: { test: "jest" }, devDependencies: { jest: "^29.7.0", "@types/jest": "^29.5.0" } }),
      "jest.config.js": 'module.exports = {\n  testEnvironment: "node",\n  transform: { "^.+\\\\.ts$": ["@swc/jest", {}] },\n  testRegex: "(/__tests__/.*|\\\\.spec)\\\\.ts$",\n  roots: ["<rootDir>/test"],\n};\n',
      "src/a.ts": "export const a = 1;\n",
      "test/x.spec.ts": 'import { a } from "../src/a";\n\ndescribe("a", () => {\n  it("is 1", () => {\n    expect(a).toBe(1);\n  });\n});\n',
    });
    await symlink(NODE_MODULES, path.join(dir, "node_modules"), "dir");
    const init = await cli(["init", "--dest", dir]);
    expect(init.exitCode).toBe(0);
    expect(String(init.stdout)).toMatch(/- tests in test\/ \(paths\.tests "test\/features\/\{use-case\}"\)\n\s+evidence: jest\.config\.js roots \["<rootDir>\/test"\]: jest looks for tests only in test\/; in src\/features\/\{use-case\}\/__tests__ they would never run/);
    expect((await configOf(dir)).paths).toEqual({ tests: "test/features/{use-case}" });
    const plan = await cli(["plan", "--dest", dir, "--format", "never", "--name", "Roots one", "--value-object", "Email:email", "--date", "2026-01-01"]);
    expect(plan.exitCode).toBe(0);
    const files = [...(await readTree(dir)).keys()];
    expect(files).toContain("test/features/roots-one/roots-one.domain.spec.ts");
    expect(files.filter((f) => /\.spec\.ts$/.test(f) && !f.startsWith("test/"))).toEqual([]);
    // The repository's own jest, its own config: the generated suites are among those it runs, and they pass.
    const run = await execa("node", [path.join(NODE_MODULES, "jest/bin/jest.js"), "--ci", "--json"], { cwd: dir, reject: false });
    const json = JSON.parse(String(run.stdout)) as { numFailedTests: number; testResults: { name: string }[] };
    expect(json.numFailedTests).toBe(0);
    const ran = json.testResults.map((r) => path.relative(dir, r.name).split(path.sep).join("/")).sort();
    expect(ran).toEqual(expect.arrayContaining(["test/x.spec.ts", "test/features/roots-one/roots-one.domain.spec.ts", "test/features/roots-one/roots-one.security.spec.ts"]));
    expect((await cli(["check", "--dest", dir])).exitCode).toBe(0);
  }, 120_000);

  it("jest testMatch in package.json, a __tests__-only pattern: the folder is kept", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ devDependencies: { jest: "^29.7.0" }, jest: { testMatch: ["<rootDir>/tests/**/__tests__/**/*.ts"] } }),
      "src/a.ts": "export const a = 1;\n",
    });
    const init = await cli(["init", "--dest", dir]);
    expect(init.exitCode).toBe(0);
    expect(String(init.stdout)).toMatch(/evidence: package\.json "jest" testMatch \["<rootDir>\/tests\/\*\*\/__tests__\/\*\*\/\*\.ts"\]: jest looks for tests only in tests\//);
    expect((await configOf(dir)).paths).toEqual({ tests: "tests/features/{use-case}/__tests__" });
  });

  it("vitest test.include (coverage's include is not the tests'); a modules layout keeps its module level", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ type: "module", devDependencies: { vitest: "^3.0.0" } }),
      "vitest.config.ts": 'import { defineConfig } from "vitest/config";\n\nexport default defineConfig({\n  test: {\n    coverage: { include: ["src/**"] },\n    include: ["spec/**/*.test.ts"],\n  },\n});\n',
      "src/modules/billing/domain/invoice.ts": "export const x = 1;\n",
    });
    const init = await cli(["init", "--dest", dir]);
    expect(init.exitCode).toBe(0);
    expect(String(init.stdout)).toMatch(/- tests in spec\/ \(paths\.tests "spec\/modules\/\{context\}\/\{use-case\}"\)\n\s+evidence: vitest\.config\.ts test\.include \["spec\/\*\*\/\*\.test\.ts"\]: vitest looks for tests only in spec\//);
    expect((await configOf(dir)).paths?.["tests"]).toBe("spec/modules/{context}/{use-case}");
  });

  it("leaves the tests where the runner already looks: NestJS's rootDir src, include src/**, no setting at all", async () => {
    const cases: Record<string, string>[] = [
      { "package.json": JSON.stringify({ devDependencies: { jest: "^29.7.0" }, jest: { rootDir: "src", testRegex: ".*\\.spec\\.ts$" } }), "src/a.ts": "" },
      { "package.json": JSON.stringify({ devDependencies: { vitest: "^3.0.0" } }), "vitest.config.ts": 'export default { test: { include: ["src/**/*.test.ts"] } };\n', "src/a.ts": "" },
      { "package.json": JSON.stringify({ devDependencies: { jest: "^29.7.0" } }), "jest.config.js": 'module.exports = { testEnvironment: "node" };\n', "src/a.ts": "" },
    ];
    for (const files of cases) {
      const dir = await repoWith(files);
      const init = await cli(["init", "--dest", dir]);
      expect(init.exitCode).toBe(0);
      expect(String(init.stdout)).not.toContain("- tests in ");
      expect((await configOf(dir)).paths).toBeUndefined();
    }
  });
});
