/**
 * Where stdout is a file or /dev/null, the bin writes its output itself (bin/run.ts), without
 * Node's stream: what lands in the file is what a pipe receives, multi-byte text included.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, ROOT, tempDir } from "./support/project.js";

const ANSWERS = path.join(ROOT, "examples/request-password-reset.answers.json");

describe("stdout to a file", () => {
  it("holds what a pipe receives", async () => {
    const dir = await tempDir();
    const args = [BIN, "plan", "--name", "Réserver une salle", "--dest", "out", "--dry-run", "--json"];
    const piped = await execa("node", args, { cwd: dir, stdin: "ignore" });
    const file = path.join(dir, "out.json");
    const toFile = await execa("node", args, { cwd: dir, stdin: "ignore", stdout: { file } });
    expect(toFile.exitCode).toBe(0);
    const text = await readFile(file, "utf8");
    expect(text).toBe(`${piped.stdout}\n`);
    // The use-case's name, and its files' paths, hold a character beyond ASCII.
    expect(/[^\x00-\x7f]/.test(text)).toBe(true);
  });

  it("a writing run with stdout to /dev/null writes its files and exits 0", async () => {
    const dir = await tempDir();
    const run = await execa("node", [BIN, "plan", "--answers", ANSWERS, "--dest", "out"], { cwd: dir, stdin: "ignore", stdout: "ignore" });
    expect(run.exitCode).toBe(0);
    expect(existsSync(path.join(dir, "out/docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md"))).toBe(true);
  });
});
