/**
 * USER19 U6: a workspace whose root names no test runner, its projects each running vitest by their own test script,
 * was inspected as "test runner not found; jest assumed", and its plans' tests imported @jest/globals, which no project
 * could run. init reads the projects' own package.json (or Nx project.json) where the root says nothing; a root that
 * names its runner keeps it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, repoWith } from "./support/project.js";

const project = (name: string, pkg: object) => ({ [`packages/${name}/package.json`]: JSON.stringify({ name, ...pkg }), [`packages/${name}/src/index.ts`]: "export const x = 1;\n" });
const configOf = async (dir: string) => JSON.parse(await readFile(path.join(dir, "mjoplan.config.json"), "utf8")) as { testRunner?: string };

describe("init in a workspace whose root names no test runner", () => {
  it("takes the runner its projects' test scripts run, and plans tests for it", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ name: "@acme/source", private: true, type: "module", workspaces: ["packages/*"] }),
      ...project("rooms", { scripts: { test: "vitest run" }, devDependencies: { vitest: "^4.0.0" } }),
      ...project("billing", { scripts: { test: "vitest run" } }),
    });
    const init = await cli(["init", "--dest", dir]);
    expect(init.exitCode).toBe(0);
    expect(String(init.stdout)).toContain("- test runner vitest\n      evidence: packages/billing/package.json test script: vitest run; packages/rooms/package.json test script: vitest run\n");
    expect(String(init.stdout)).not.toContain("jest assumed");
    expect((await configOf(dir)).testRunner).toBe("vitest");

    const plan = await cli(["plan", "--dest", dir, "--name", "Book room", "--context", "rooms", "--date", "2026-01-01", "--format", "never"]);
    expect(plan.exitCode).toBe(0);
    const test = await readFile(path.join(dir, "packages/rooms/src/book-room/book-room.domain.test.ts"), "utf8");
    expect(test).toContain('from "vitest"');
    expect(test).not.toContain("@jest/globals");
  });

  it("reads an Nx project's test executor, and says so where projects differ", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ name: "@acme/source", private: true, workspaces: ["packages/*"] }),
      ...project("a", {}),
      "packages/a/project.json": JSON.stringify({ targets: { test: { executor: "@nx/jest:jest" } } }),
      ...project("b", { scripts: { test: "jest" } }),
      ...project("c", { scripts: { test: "vitest run" } }),
    });
    const init = await cli(["init", "--dest", dir, "--dry-run"]);
    expect(init.exitCode).toBe(0);
    expect(String(init.stdout)).toContain("- test runner jest\n      evidence: packages/a/project.json executor @nx/jest:jest; packages/b/package.json test script: jest; 1 project(s) name another runner, and get tests written for jest too");
  });

  it("keeps the runner a root names, and still assumes jest where nothing names one", async () => {
    const rooted = await repoWith({
      "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"], devDependencies: { jest: "^30.0.0" } }),
      ...project("rooms", { scripts: { test: "vitest run" } }),
    });
    expect(String((await cli(["init", "--dest", rooted, "--dry-run"])).stdout)).toMatch(/- test runner jest\n\s+evidence: jest \^30\.0\.0 in package\.json/);
    const bare = await repoWith({ "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"] }), ...project("rooms", {}) });
    expect(String((await cli(["init", "--dest", bare, "--dry-run"])).stdout)).toContain("test runner not found; jest assumed");
  });
});
