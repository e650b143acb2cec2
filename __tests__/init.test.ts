/** `mjoplan init`: findings with evidence, --dry-run writing nothing, an existing config merged and the change shown. */
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, repoWith, ROOT, tempDir } from "./support/project.js";

async function copyOf(name: string): Promise<string> {
  const dir = path.join(await tempDir("mjoplan-init-"), name);
  await cp(path.join(ROOT, "__tests__/fixtures/repos", name), dir, { recursive: true });
  return dir;
}

describe("init", () => {
  it("with --dry-run prints each finding and its evidence, and the config it would write, writing nothing", async () => {
    const dir = await copyOf("nest-cjs");
    const before = await readTree(dir);
    const run = await cli(["init", "--dry-run", "--dest", dir]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/- CommonJS; importExtension ""\n\s+evidence: package\.json has no "type" \(CommonJS\); tsconfig\.json module commonjs, moduleResolution unset; 0 relative import\(s\) end in \.js, 2 have no extension/);
    expect(run.stdout).toMatch(/- test runner jest with globals\n\s+evidence: test script: jest; jest \^30\.0\.0 in package\.json; jest\.config\.js; @types\/jest in package\.json and no test imports @jest\/globals/);
    expect(run.stdout).toMatch(/- test files end in "\.spec\.ts"\n\s+evidence: 1 \*\.spec\.ts against 0 \*\.test\.ts/);
    expect(run.stdout).toMatch(/- formatter Prettier\n\s+evidence: \.prettierrc; prettier \^2\.8\.8 in package\.json; not installed/);
    expect(run.stdout).toContain('Would write mjoplan.config.json:\n{\n  "$schema": "./node_modules/mjoplan/dist/mjoplan.config.schema.json",\n  "importExtension": "",');
    expect(await readTree(dir)).toEqual(before);
  });

  it("takes jest's globals only on evidence that the repository's tests use them, not from a missing @jest/globals (TRIAL5 U5)", async () => {
    // Neither @types/jest nor @jest/globals: tsc knows no global describe, and @jest/globals comes installed with jest.
    const pkg = JSON.stringify({ type: "module", scripts: { test: "jest" }, devDependencies: { jest: "^30.0.0", typescript: "^5.0.0" } });
    const bare = await repoWith({ "package.json": pkg });
    const run = await cli(["init", "--dry-run", "--dest", bare]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/- test runner jest\n\s+evidence: .*neither @types\/jest nor @jest\/globals in package\.json and no test to follow: tests import from @jest\/globals/);
    expect(run.stdout).not.toContain('"testGlobals"');
    // A test of the repository's own that calls describe with no import: its tests use the globals.
    const using = await repoWith({ "package.json": pkg, "src/a.test.ts": 'describe("a", () => {\n  it("b", () => {});\n});\n' });
    const withTests = await cli(["init", "--dry-run", "--dest", using]);
    expect(withTests.stdout).toMatch(/- test runner jest with globals\n\s+evidence: .*1 test file\(s\) call describe or it with no import: tests use jest's globals/);
    expect(withTests.stdout).toContain('"testGlobals": true');
  });

  it("reports the formatter a run formats with: Biome only where a biome.json is, not for the dependency alone", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ devDependencies: { "@biomejs/biome": "^2.0.0", prettier: "^3.0.0" } }), ".prettierrc": "{}\n" });
    const run = await cli(["init", "--dry-run", "--dest", dir]);
    expect(run.stdout).toMatch(/- formatter Prettier\n\s+evidence: \.prettierrc; prettier \^3\.0\.0 in package\.json; not installed; @biomejs\/biome \^2\.0\.0 in package\.json but no biome\.json, so runs do not format with Biome/);
    await writeFile(path.join(dir, "biome.json"), "{}\n");
    const withConfig = await cli(["init", "--dry-run", "--dest", dir]);
    expect(withConfig.stdout).toMatch(/- formatter Biome\n\s+evidence: biome\.json; @biomejs\/biome \^2\.0\.0 in package\.json; not installed/);
  });

  it("does not report mjoplan's own kernel as a ValueObject base class of the repository's own, and still reports the team's", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ type: "module" }) });
    expect((await cli(["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--dest", dir, "--format", "never"])).exitCode).toBe(0);
    const own = path.join(dir, "src/shared/domain/value-object.ts");
    expect(await readFile(own, "utf8")).toMatch(/^export abstract class ValueObject\b/m);
    const run = await cli(["init", "--dry-run", "--dest", dir]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain("ValueObject base class");
    await writeFile(path.join(dir, "src/shared/domain/money-base.ts"), "/** Our own base. */\nexport abstract class ValueObject<T> {\n  protected constructor(readonly value: T) {}\n}\n");
    expect((await cli(["init", "--dry-run", "--dest", dir])).stdout).toMatch(/a ValueObject base class of the repository's own\n\s+evidence: src\/shared\/domain\/money-base\.ts/);
  });

  it("names the system after the package, so a plan says the repository's system, not mjoplan's demo product (TRIAL3 U16)", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "catalog-api", type: "module" }) });
    const init = await cli(["init", "--dest", dir]);
    expect(init.stdout).toMatch(/- system "catalog-api"\n\s+evidence: package\.json "name": "catalog-api"/);
    expect((await cli(["plan", "--name", "Add product", "--dest", dir, "--format", "never", "--date", "2026-01-01"])).exitCode).toBe(0);
    const plan = (await readTree(dir)).get("docs/features/api/AddProduct/AddProduct-plan.md")!;
    expect(plan).toMatch(/^system: "?catalog-api"?$/m);
    expect(plan).not.toContain("MjoMeet");
    // A workspace root's placeholder name (Nx's @acme/source) gives its scope.
    const nx = await repoWith({ "package.json": JSON.stringify({ name: "@acme/source", private: true }) });
    expect((await cli(["init", "--dry-run", "--dest", nx])).stdout).toMatch(/- system "acme"\n/);
    // A scoped package's name without its npm scope: plans say "billing-api", not "@acme/billing-api" (TRIAL4 V19).
    const scoped = await repoWith({ "package.json": JSON.stringify({ name: "@acme/billing-api" }) });
    expect((await cli(["init", "--dry-run", "--dest", scoped])).stdout).toMatch(/- system "billing-api"\n\s+evidence: package\.json "name": "@acme\/billing-api" \(without its npm scope\)/);
  });

  it("merges into an existing config: what a person set stays, the change is shown as a diff, and plan accepts the result", async () => {
    const dir = await copyOf("express-esm");
    await writeFile(path.join(dir, "mjoplan.config.json"), `${JSON.stringify({ system: "Acme", testRunner: "jest" }, null, 2)}\n`);
    const run = await cli(["init", "--dest", dir]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('- kept from your config: testRunner stays "jest" (found "vitest")');
    expect(run.stdout).toMatch(/Updated mjoplan\.config\.json \(merged: what you set is kept\):\n[\s\S]*\+  "\$schema": "\.\/node_modules\/mjoplan\/dist\/mjoplan\.config\.schema\.json",/);
    const config = JSON.parse(await readFile(path.join(dir, "mjoplan.config.json"), "utf8")) as Record<string, unknown>;
    expect(config).toEqual({ system: "Acme", testRunner: "jest", $schema: "./node_modules/mjoplan/dist/mjoplan.config.schema.json", importExtension: ".js" });
    const again = await cli(["init", "--dest", dir]);
    expect(again.stdout).toContain("mjoplan.config.json already says all of this; nothing to change.");
    const plan = await cli(["plan", "--name", "Book room", "--dest", dir, "--format", "never"]);
    expect(plan.stderr).toBe("");
    expect(plan.exitCode).toBe(0);
  });
});
