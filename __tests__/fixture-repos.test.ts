/**
 * Repositories that look like real ones (__tests__/fixtures/repos): a NestJS-style
 * CommonJS service (jest with *.spec.ts and globals, Prettier 2, its own base
 * classes, modules with a context level), an Express ES-module service (vitest,
 * Biome, the strictest tsconfig flags) and a library on node's own test runner.
 * For each: `init`, then plan, grow and sync, then the repository's own tsc, test
 * runner, format check (and the NestJS one's ESLint) pass over the result with no template ejected, and
 * `check` passes.
 */
import { cp, mkdir, readdir, symlink } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa, type Result } from "execa";
import { cli, readTree, ROOT, tempDir } from "./support/project.js";

const NODE_MODULES = path.join(ROOT, "node_modules");
const TYPESCRIPT_5 = path.join(ROOT, "__tests__/fixtures/lint/typescript-5.cjs");

/** A copy of a fixture repository, with node_modules as its package.json would install them (Prettier 2 where it asks for 2). */
async function repository(name: string, swap: Record<string, string> = {}): Promise<string> {
  const dir = path.join(await tempDir(`mjoplan-${name}-`), name);
  await cp(path.join(ROOT, "__tests__/fixtures/repos", name), dir, { recursive: true });
  await mkdir(path.join(dir, "node_modules"));
  for (const entry of await readdir(NODE_MODULES)) {
    if (entry === ".bin" || entry in swap) continue;
    await symlink(path.join(NODE_MODULES, entry), path.join(dir, "node_modules", entry), "dir");
  }
  for (const [as, real] of Object.entries(swap)) await symlink(path.join(NODE_MODULES, real), path.join(dir, "node_modules", as), "dir");
  return dir;
}

const run = (dir: string, file: string, args: string[]): Promise<Result> =>
  execa("node", [path.join(dir, "node_modules", file), ...args], { cwd: dir, reject: false, env: { NO_COLOR: "1", FORCE_COLOR: "0" } });

/** Plans, grows, syncs and checks the password reset; `planWarning` is the one warning the plan run must give, if any. */
async function planGrowSync(dir: string, context: string[] = [], planWarning?: RegExp): Promise<void> {
  const plan = await cli(["plan", "--answers", path.join(ROOT, "examples/request-password-reset.answers.json"), "--date", "2026-01-01", ...context], { cwd: dir });
  if (planWarning) expect(plan.stderr).toMatch(planWarning);
  else expect(plan.stderr).toBe("");
  expect(plan.exitCode).toBe(0);
  const grow = await cli(["value-object", "--use-case", "Request password reset", "--value-object", "DisplayName:string(1..40)", ...context], { cwd: dir });
  expect(grow.stderr).toBe("");
  expect(grow.exitCode).toBe(0);
  const sync = await cli(["sync"], { cwd: dir });
  expect(sync.exitCode).toBe(0);
  const check = await cli(["check"], { cwd: dir });
  expect(check.stdout).not.toMatch(/FAIL/);
  expect(check.exitCode).toBe(0);
}

describe("in repositories that look like real ones", () => {
  it("a NestJS-style CommonJS service: jest *.spec.ts with globals, Prettier 2, modules with a context level", async () => {
    const dir = await repository("nest-cjs", { prettier: "prettier2", "typescript-eslint": "fixture-lint/node_modules/typescript-eslint" });
    const init = await cli(["init"], { cwd: dir });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toMatch(/CommonJS; importExtension ""/);
    expect(init.stdout).toMatch(/test runner jest with globals/);
    expect(init.stdout).toMatch(/test files end in "\.spec\.ts"/);
    expect(init.stdout).toMatch(/formatter Prettier 2\.8\.8/);
    expect(init.stdout).toMatch(/layout: modules with a context level \(src\/modules\/\{context\}\/domain\)/);
    expect(init.stdout).toMatch(/a ValueObject base class of the repository's own\n\s+evidence: src\/libs\/ddd\/value-object\.base\.ts/);
    // The repository has a ValueObject base of its own and no kernelImport: the run says once that it wrote mjoplan's beside it.
    await planGrowSync(dir, ["--context", "User"], /^mjoplan: warning: src\/shared\/domain\/value-object\.ts is mjoplan's kernel, written beside the repository's own ValueObject \(src\/libs\/ddd\/value-object\.base\.ts\)[^\n]*\n?$/);

    const tree = await readTree(dir);
    const generated = [...tree.keys()];
    expect(generated).toContain("src/modules/user/request-password-reset/request-password-reset.domain.spec.ts");
    expect(generated).toContain("src/modules/user/domain/value-objects/display-name.value-object.ts");
    expect(generated).toContain("src/modules/user/domain/events/password-reset-requested.domain-event.ts");
    expect(tree.get("src/modules/user/request-password-reset/request-password-reset.domain.spec.ts")).not.toContain("@jest/globals");

    expect((await run(dir, "typescript/bin/tsc", ["-p", ".", "--noEmit", "--pretty", "false"])).stdout).toBe("");
    // The build leaves the generated tests out, as it leaves out every *spec.ts.
    const build = await run(dir, "typescript/bin/tsc", ["-p", "tsconfig.build.json", "--listFilesOnly"]);
    expect(build.stdout).toContain("display-name.value-object.ts");
    expect(build.stdout).not.toMatch(/\.spec\.ts/);
    const jest = await run(dir, "jest/bin/jest.js", ["--ci"]);
    expect(jest.stderr).toMatch(/Tests:\s+\d+ todo, \d+ passed, \d+ total/);
    expect(jest.exitCode).toBe(0);
    const prettier = await run(dir, "prettier/bin-prettier.js", ["--check", "src/**/*.ts", "docs/**/*.md"]);
    expect(prettier.stderr).toBe("");
    expect(prettier.exitCode).toBe(0);
    // Its ESLint (typescript-eslint recommended + eslint-config-prettier), run on TypeScript 5 as the repository declares.
    const eslint = await execa("node", ["-r", TYPESCRIPT_5, path.join(dir, "node_modules/eslint/bin/eslint.js"), "src/**/*.ts"], { cwd: dir, reject: false, env: { NO_COLOR: "1", FORCE_COLOR: "0" } });
    expect(eslint.stdout).toBe("");
    expect(eslint.stderr).toBe("");
    expect(eslint.exitCode).toBe(0);
  });

  it("an Express ES-module service: vitest, Biome, the strictest tsconfig flags", async () => {
    const dir = await repository("express-esm");
    const init = await cli(["init"], { cwd: dir });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toMatch(/ES modules; importExtension "\.js"/);
    expect(init.stdout).toMatch(/test runner vitest/);
    expect(init.stdout).toMatch(/formatter Biome 2\.\d+\.\d+/);
    await planGrowSync(dir);

    expect((await run(dir, "typescript/bin/tsc", ["-p", ".", "--pretty", "false"])).stdout).toBe("");
    const vitest = await run(dir, "vitest/vitest.mjs", ["run"]);
    // The pending handler tests are vitest's expected failures (it.fails), the infrastructure ones its todos.
    expect(vitest.stdout).toMatch(/Tests\s+\d+ passed \| \d+ expected fail \| \d+ todo/);
    expect(vitest.exitCode).toBe(0);
    const biome = await run(dir, "@biomejs/biome/bin/biome", ["check", "--max-diagnostics=200", "src", "docs"]);
    expect(biome.stderr).not.toMatch(/lint\/|format/);
    expect(biome.exitCode).toBe(0);
  });

  it("a library on node's own test runner", async () => {
    const dir = await repository("node-runner");
    const init = await cli(["init"], { cwd: dir });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toMatch(/test runner node/);
    await planGrowSync(dir);

    const tsc = await run(dir, "typescript/bin/tsc", ["-p", ".", "--pretty", "false"]);
    expect(tsc.stdout).toBe("");
    const tests = [...(await readTree(path.join(dir, "build"))).keys()].filter((p) => p.endsWith(".test.js")).map((p) => path.join("build", p));
    expect(tests.length).toBeGreaterThan(4);
    const node = await execa("node", ["--test", "--test-reporter=tap", ...tests], { cwd: dir, reject: false });
    expect(node.stdout).toMatch(/^# fail 0$/m);
    expect(node.stdout).toMatch(/^# todo [1-9]\d*$/m);
    expect(node.exitCode).toBe(0);
  });
});
