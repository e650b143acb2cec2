/**
 * init's testGlobals for vitest: `globals: true` in its config lets tests run without imports, but
 * the repository's tsc knows describe/it only through vitest/globals types. Where the tests import
 * from "vitest", or the tsconfig's types leave vitest/globals out, imports are kept (trial2 T16).
 */
import { readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, NODE_MODULES, repoWith, typecheck } from "./support/project.js";

const tsconfig = (types: string[]) => JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true, types }, include: ["src/**/*.ts"] });

async function repo(types: string[], spec: string): Promise<string> {
  const dir = await repoWith({
    "package.json": JSON.stringify({ name: "x", type: "module", scripts: { test: "vitest run" }, devDependencies: { vitest: "^3.0.0" } }),
    "vitest.config.ts": 'import { defineConfig } from "vitest/config";\n\nexport default defineConfig({ test: { globals: true } });\n',
    "tsconfig.json": tsconfig(types),
    "src/billing/invoice.ts": "export const total = (a: number, b: number): number => a + b;\n",
    "src/billing/invoice.spec.ts": spec,
  });
  await symlink(NODE_MODULES, path.join(dir, "node_modules"), "dir");
  return dir;
}

const config = async (dir: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(path.join(dir, "mjoplan.config.json"), "utf8")) as Record<string, unknown>;

describe("init's testGlobals for vitest with globals: true", () => {
  it("keeps imports where the tests import from vitest and tsconfig's types leave vitest/globals out: the generated specs pass the repository's tsc", async () => {
    const dir = await repo(["node"], 'import { describe, expect, it } from "vitest";\nimport { total } from "./invoice.js";\n\ndescribe("total", () => it("adds", () => expect(total(1, 2)).toBe(3)));\n');
    const init = await cli(["init", "--dest", dir]);
    expect(init.stdout).toMatch(/test runner vitest\n\s+evidence: .*vitest\.config\.ts sets globals: true, but 1 test file\(s\) import from "vitest": imports kept/);
    expect((await config(dir))["testGlobals"]).toBeUndefined();
    expect((await cli(["plan", "--name", "Glob test", "--value-object", "Code:string(1..9)", "--dest", dir, "--format", "never", "--date", "2026-01-01"])).exitCode).toBe(0);
    const tsc = await typecheck(dir);
    expect(String(tsc.stdout)).toBe("");
    expect(tsc.exitCode).toBe(0);
  });

  it("uses the globals where tsconfig's types include vitest/globals and the tests import nothing", async () => {
    const dir = await repo(["node", "vitest/globals"], 'import { total } from "./invoice.js";\n\ndescribe("total", () => it("adds", () => expect(total(1, 2)).toBe(3)));\n');
    const init = await cli(["init", "--dest", dir]);
    expect(init.stdout).toMatch(/test runner vitest with globals\n\s+evidence: .*vitest\.config\.ts sets globals: true; tsconfig\.json's types include vitest\/globals/);
    expect((await config(dir))["testGlobals"]).toBe(true);
    expect((await cli(["plan", "--name", "Glob test", "--value-object", "Code:string(1..9)", "--dest", dir, "--format", "never", "--date", "2026-01-01"])).exitCode).toBe(0);
    const tsc = await typecheck(dir);
    expect(String(tsc.stdout)).toBe("");
    expect(tsc.exitCode).toBe(0);
  });
});
