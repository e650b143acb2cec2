/**
 * The README's flag tables come from the schemas; when one changes without the other, this fails
 * (`npm run readme` mends it). Its quick start, run as written, leaves the clone as it was.
 */
import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { readmeTables, replaceTables } from "../lib/cli/readme-tables.js";
import { generators } from "../generators/index.js";
import { execa } from "execa";
import { cli, ROOT, tempDir } from "./support/project.js";

describe("README", () => {
  it("holds the flag table of every command exactly as the schema describes it", async () => {
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    expect(replaceTables(readme, readmeTables(generators))).toBe(readme);
  });

  it("has the quick start write its first plan where git ignores it", async () => {
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    const quickStart = readme.slice(readme.indexOf("## Quick start"));
    const line = /^npm ci && npm run plop (plan\b[^#\n]*?)\s*(#.*)?$/m.exec(quickStart)?.[1];
    expect(line).toBeDefined();
    // The clone as a newcomer has it: the repository's .gitignore, nothing else untracked.
    const clone = await tempDir("mjoplan-clone-");
    await execa("git", ["init", "-q"], { cwd: clone });
    await copyFile(path.join(ROOT, ".gitignore"), path.join(clone, ".gitignore"));
    // Without a terminal the use-case's name is given; everything else as the README has it.
    const args = line!.replace(" -- ", " ").split(/\s+/);
    const run = await cli([...args, "--name", "Request password reset"], { cwd: clone });
    expect(run.exitCode).toBe(0);
    const status = await execa("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: clone });
    expect(String(status.stdout).split("\n")).toEqual(["?? .gitignore"]);
  });
});
