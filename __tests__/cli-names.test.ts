/**
 * A use-case name becomes TypeScript identifiers: one that would start with a digit is refused
 * (exit 2, one line, nothing written) rather than written as code that does not compile.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

describe("use-case names that cannot be identifiers", () => {
  it.each(["123 import", "2FA setup", "3D secure challenge"])("%s: exit 2, one line saying why, nothing written", async (name) => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", name, "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^mjoplan: --name "?${name}"?: must start with a letter: it names TypeScript types`));
    expect(await readdir(dest)).toEqual([]);
  });

  it("a digit inside the name is fine", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Set up 2FA", "--dest", dest, "--date", "2026-01-01", "--json"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stdout)).toContain("src/features/set-up-2-fa/set-up-2-fa.handler.ts");
  });
});

describe("the route a use-case gets when none is given", () => {
  // A GET named for listing a collection is the collection, not a verb in a REST path (TRIAL4 V19).
  it.each([
    ["List invoices", "GET", "/api/invoices"],
    ["Search products", "GET", "/api/products"],
    ["List invoices", "POST", "/api/list-invoices"],
    ["Cancel booking", "POST", "/api/cancel-booking"],
  ])("%s (%s): %s", async (name, method, route) => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", name, "--method", method, "--dest", dest, "--date", "2026-01-01", "--format", "never", "--tests", "domain"]);
    expect(run.exitCode).toBe(0);
    const folder = name.replace(/ (\w)/g, (_m, c: string) => c.toUpperCase());
    const plan = await readFile(path.join(dest, "docs/features/api", folder, `${folder}-plan.md`), "utf8");
    expect(plan).toContain(`${method} ${route}`);
  });
});
