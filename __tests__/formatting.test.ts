/**
 * Output through Prettier: with the repository's own config where it has one, with
 * Prettier's defaults on request; `prettier --check` agrees both ways, and the
 * formatted plan still checks clean against its formatted files.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { asProject, cli, readTree, ROOT, tempDir, typecheck } from "./support/project.js";

const ANSWERS = path.join(ROOT, "examples/request-password-reset.answers.json");
const prettierCheck = (dir: string) => execa("node", [path.join(ROOT, "node_modules/prettier/bin/prettier.cjs"), "--check", "docs", "src"], { cwd: dir, reject: false });
const VO = "src/features/request-password-reset/domain/email.value-object.ts";

describe("formatting", () => {
  it("uses the repository's Prettier config where it has one", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, ".prettierrc"), JSON.stringify({ singleQuote: true, printWidth: 100 }));
    expect((await cli(["plan", "--answers", ANSWERS, "--dest", dest])).exitCode).toBe(0);
    const formatted = await prettierCheck(dest);
    expect(formatted.stderr).toBe("");
    expect(formatted.exitCode).toBe(0);
    expect((await readTree(dest)).get(VO)).toContain("from '../../../shared/domain/result.js';");
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);
    await asProject(dest, "module");
    expect((await typecheck(dest)).exitCode).toBe(0);
  });

  it("uses Prettier's defaults where the repository depends on Prettier but has no config", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "team", devDependencies: { prettier: "^3.0.0" } }));
    expect((await cli(["plan", "--answers", ANSWERS, "--dest", dest])).exitCode).toBe(0);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
    expect((await readTree(dest)).get(VO)).toContain('from "../../../shared/domain/result.js";');
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);
  });

  it("uses Prettier's defaults with --format always where the repository does not use Prettier", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--answers", ANSWERS, "--dest", dest, "--format", "always"])).exitCode).toBe(0);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);
  });

  it("leaves output as the templates make it where the repository does not use Prettier", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--answers", ANSWERS, "--dest", dest])).exitCode).toBe(0);
    const golden = await readTree(path.join(ROOT, "examples/request-password-reset"));
    expect((await readTree(dest)).get(VO)).toBe(golden.get(VO));
  });
});
