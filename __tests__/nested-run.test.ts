/**
 * Run without --dest from a folder below the repository's root (`cd src && mjoplan plan`): the
 * config's paths are laid out from the root, so the files would land in src/src/... and src/docs/...
 * It is refused with one line and the way out; a package of its own (a workspace package) and an
 * explicit --dest run as before; the dry run names where it would write (TRIAL3 U22).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, repoWith } from "./support/project.js";
import { snapshot } from "./support/tree.js";

const PLAN = ["plan", "--name", "Cancel order", "--format", "never", "--date", "2026-01-01"];

describe("a run without --dest below the repository's root", () => {
  it("in a folder that is no package: refused naming the config and the way out, nothing written", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "shop" }), "mjoplan.config.json": JSON.stringify({ system: "shop" }), "src/index.ts": "export {};\n" });
    const before = await snapshot(dir);
    const run = await cli(PLAN, { cwd: path.join(dir, "src") });
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([
      `mjoplan: --dest: not given, and ${path.join(dir, "src")} is no package of its own: the config at ../mjoplan.config.json lays files out from ${dir} (src/..., docs/...), so they would land below this folder; run from ${dir}, give --dest .., or --dest . to write here anyway`,
    ]);
    expect(await snapshot(dir)).toEqual(before);
    // The way out works: --dest .. writes where the config means.
    const there = await cli([...PLAN, "--dest", ".."], { cwd: path.join(dir, "src") });
    expect(there.exitCode).toBe(0);
    expect((await readTree(dir)).has("src/features/cancel-order/cancel-order.handler.ts")).toBe(true);
  });

  it("in a package of its own (a workspace package), runs as before; the dry run names where it would write", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "root", workspaces: ["packages/*"] }), "packages/orders/package.json": JSON.stringify({ name: "orders" }) });
    await mkdir(path.join(dir, "packages/orders/src"), { recursive: true });
    await writeFile(path.join(dir, "mjoplan.config.json"), "{}\n");
    const pkg = path.join(dir, "packages/orders");
    const dry = await cli([...PLAN, "--dry-run"], { cwd: pkg });
    expect(dry.exitCode).toBe(0);
    expect(String(dry.stdout)).toMatch(new RegExp(`file\\(s\\) would be written in ${pkg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}, 0 conflict\\(s\\)`));
  });

  it("in a workspace package whose folder the root config's paths start with (Nx libs/{context}): refused, it would land in libs/orders/libs/orders (TRIAL4 V11)", async () => {
    const paths = { source: "libs/{context}/src/lib/{use-case}", tests: "libs/{context}/src/lib/{use-case}", plan: "docs/{context}/{use-case}-plan.md" };
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "ws", workspaces: ["libs/*"] }), "mjoplan.config.json": JSON.stringify({ paths }), "libs/orders/package.json": JSON.stringify({ name: "orders" }), "libs/orders/project.json": "{}", ".git/HEAD": "ref: refs/heads/main\n" });
    const before = await snapshot(dir);
    const pkg = path.join(dir, "libs/orders");
    const run = await cli([...PLAN, "--context", "orders"], { cwd: pkg });
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([
      `mjoplan: --dest: not given, and the config at ../../mjoplan.config.json's paths start at ${dir} (libs/{context}/src/lib/{use-case}), so from ${pkg} they would land in libs/orders/libs/orders/...; run from ${dir}, or give --dest ../..`,
    ]);
    expect(await snapshot(dir)).toEqual(before);
    // The way out: from the root the files land in the package.
    expect((await cli([...PLAN, "--context", "orders", "--dest", "../.."], { cwd: pkg })).exitCode).toBe(0);
    expect((await readTree(dir)).has("libs/orders/src/lib/cancel-order/cancel-order.handler.ts")).toBe(true);
  });
});
