/**
 * `init` in a monorepo whose projects keep their own sources (Nx: nx.json, libs/<name>/src/lib,
 * project.json; a workspace's packages/<name>/src): the default src/ at the root would be part of
 * no project, so the generated tests ran under no project's jest and `check` still said ok. init
 * proposes the project's folder, named by the use-case's context, with the evidence (TRIAL3 U1).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { symlink } from "node:fs/promises";
import { asProject, cli, jestSummary, NODE_MODULES, readTree, repoWith, runGeneratedTests, typecheck } from "./support/project.js";

/** An Nx workspace as `create-nx-workspace` and `nx g @nx/js:lib` leave it: two libraries, jest with its globals. */
function nxLib(name: string): Record<string, string> {
  return {
    [`libs/${name}/project.json`]: JSON.stringify({ name, sourceRoot: `libs/${name}/src`, projectType: "library" }),
    [`libs/${name}/src/index.ts`]: `export * from "./lib/${name}";\n`,
    [`libs/${name}/src/lib/${name}.ts`]: `export function ${name}(): string {\n  return "${name}";\n}\n`,
    [`libs/${name}/src/lib/${name}.spec.ts`]: `import { ${name} } from "./${name}";\n\ndescribe("${name}", () => {\n  it("works", () => {\n    expect(${name}()).toEqual("${name}");\n  });\n});\n`,
  };
}

describe("init in a monorepo", () => {
  it("Nx: proposes libs/{context}/src/lib/{use-case}, with the evidence; a plan for a project lands in it, where its jest runs the tests green", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ name: "@acme/source", private: true, devDependencies: { jest: "^29.7.0", "@types/jest": "^29.5.0", nx: "20.0.0" } }),
      "nx.json": JSON.stringify({ $schema: "./node_modules/nx/schemas/nx-schema.json", defaultBase: "main" }),
      "tsconfig.base.json": JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "node", target: "es2015", paths: { "@acme/booking": ["libs/booking/src/index.ts"] } } }),
      ...nxLib("booking"),
      ...nxLib("billing"),
    });
    const init = await cli(["init", "--dest", dir]);
    expect(String(init.stderr)).toBe("");
    expect(init.exitCode).toBe(0);
    expect(String(init.stdout)).toMatch(/layout: a monorepo's projects, the context naming the project \(libs\/\{context\}\/src\/lib\)\n\s+evidence: nx\.json; libs\/ has 2 project\(s\) with src\/: billing, booking; libs\/billing\/project\.json sourceRoot libs\/billing\/src; .*--context billing/);
    expect(String(init.stdout)).toContain("tsconfig.base.json module esnext");
    const config = JSON.parse(await readFile(path.join(dir, "mjoplan.config.json"), "utf8")) as { paths: Record<string, string> };
    expect(config.paths).toEqual({ plan: "docs/features/{context}/{use-case}-plan.md", source: "libs/{context}/src/lib/{use-case}", tests: "libs/{context}/src/lib/{use-case}", kernel: "libs/{context}/src/lib/shared/domain" });

    const plan = await cli(["plan", "--dest", dir, "--format", "never", "--name", "Book room", "--context", "Booking", "--method", "POST", "--route", "/api/rooms/:roomId/bookings", "--resource", "Room", "--value-object", "RoomId:uuid", "--event", "RoomBooked:roomId", "--date", "2026-01-01"]);
    expect(String(plan.stderr)).toBe("");
    expect(plan.exitCode).toBe(0);
    const files = [...(await readTree(dir)).keys()];
    // Everything but the plan inside the project.
    expect(files.filter((f) => f.endsWith(".ts") && !f.startsWith("libs/"))).toEqual([]);
    expect(files).toContain("libs/booking/src/lib/book-room/book-room.domain.spec.ts");
    expect(files).toContain("docs/features/booking/book-room-plan.md");

    // The project's own jest (its folder as root, jest's globals) runs the generated tests beside the project's own, green.
    await asProject(dir, "commonjs", ["libs/booking/src/**/*.ts"]);
    const run = await runGeneratedTests(path.join(dir, "libs/booking"));
    const summary = jestSummary(run);
    expect(summary.failed).toBe(0);
    expect(summary.suites).toBeGreaterThanOrEqual(4);
    // And the project compiles with jest's types, as its tsconfig.spec.json has them.
    const tsconfig = path.join(dir, "tsconfig.json");
    const compiled = JSON.parse(await readFile(tsconfig, "utf8")) as { compilerOptions: Record<string, unknown> };
    compiled.compilerOptions["types"] = ["jest"];
    await writeFile(tsconfig, JSON.stringify(compiled));
    const check = await typecheck(dir);
    expect(String(check.stdout)).toBe("");
  }, 120_000);

  it("a workspace's packages/<name>/src: packages/{context}/src/{use-case}", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"], devDependencies: { vitest: "^3.0.0" } }),
      "packages/orders/package.json": JSON.stringify({ name: "orders" }),
      "packages/orders/src/index.ts": "export const x = 1;\n",
    });
    const init = await cli(["init", "--dest", dir]);
    expect(init.exitCode).toBe(0);
    expect(String(init.stdout)).toMatch(/layout: a monorepo's projects, the context naming the project \(packages\/\{context\}\/src\)\n\s+evidence: package\.json "workspaces"; packages\/ has 1 project\(s\) with src\/: orders/);
    const config = JSON.parse(await readFile(path.join(dir, "mjoplan.config.json"), "utf8")) as { paths: Record<string, string> };
    expect(config.paths["source"]).toBe("packages/{context}/src/{use-case}");
  });

  it("inside a workspace package: the tools installed at the root are found, $schema reaches mjoplan there, and the root's paths are said to apply from here (TRIAL3 U17)", async () => {
    const dir = await repoWith({
      "package.json": JSON.stringify({ name: "@acme/source", private: true, devDependencies: { prettier: "^3.0.0", mjoplan: "^0.1.0" } }),
      "nx.json": "{}",
      ".prettierrc": "{}\n",
      "mjoplan.config.json": JSON.stringify({ paths: { source: "libs/{context}/src/lib/{use-case}" } }),
      "node_modules/mjoplan/package.json": JSON.stringify({ name: "mjoplan", version: "0.1.0" }),
      ...nxLib("billing"),
    });
    await symlink(path.join(NODE_MODULES, "prettier"), path.join(dir, "node_modules/prettier"), "dir");
    const prettier = JSON.parse(await readFile(path.join(NODE_MODULES, "prettier/package.json"), "utf8")) as { version: string };
    const init = await cli(["init", "--dry-run"], { cwd: path.join(dir, "libs/billing") });
    expect(init.exitCode).toBe(0);
    const out = String(init.stdout);
    expect(out).toMatch(new RegExp(`- formatter Prettier ${prettier.version.replace(/\./g, "\\.")}\n\s+evidence: \.\./\.\./\.prettierrc|- formatter Prettier ${prettier.version.replace(/\./g, "\\.")}\n`));
    expect(out).not.toContain("not installed");
    expect(out).toContain('"$schema": "../../node_modules/mjoplan/dist/mjoplan.config.schema.json"');
    expect(out).toContain('- note: the paths of ../../mjoplan.config.json apply here, taken from this folder, so paths.source "libs/{context}/src/lib/{use-case}" writes to libs/billing/libs/{context}/src/lib/{use-case}: set paths in this folder\'s config, or run mjoplan from ../..');
  });

  it("a repository with its own src/ keeps it, workspace or not", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"] }), "src/main.ts": "export {};\n", "packages/a/src/index.ts": "export {};\n" });
    const init = await cli(["init", "--dest", dir]);
    expect(init.exitCode).toBe(0);
    expect(String(init.stdout)).toContain("layout: sources in src/");
  });
});
