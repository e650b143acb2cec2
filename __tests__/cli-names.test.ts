/**
 * A use-case name becomes TypeScript identifiers: one that would start with a digit is refused
 * (exit 2, one line, nothing written) rather than written as code that does not compile.
 */
import { readdir } from "node:fs/promises";
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
