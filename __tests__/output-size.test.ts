/**
 * What a run prints stays readable at any size: a batch prints its summary (the
 * whole tree with --verbose), and output piped into `head` ends quietly.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, cli, tempDir } from "./support/project.js";

async function batch(size: number): Promise<{ dir: string; answers: string }> {
  const dir = await tempDir();
  const answers = path.join(dir, "backlog.json");
  await writeFile(answers, JSON.stringify(Array.from({ length: size }, (_, i) => ({ name: `Use case ${i}`, tests: ["domain"] }))));
  return { dir, answers };
}

describe("output size", () => {
  it("a batch prints a summary, not a line per file; --verbose prints the tree", async () => {
    const { dir, answers } = await batch(200);
    const run = await cli(["plan", "--answers", answers, "--dest", path.join(dir, "out"), "--format", "never"]);
    expect(run.exitCode).toBe(0);
    const lines = String(run.stdout).trimEnd().split("\n");
    expect(lines.length).toBeLessThan(10);
    expect(run.stdout).toContain("200 use-cases: ");
    expect(run.stdout).toContain("--verbose lists every one");
    const verbose = await cli(["plan", "--answers", answers, "--dest", path.join(dir, "again"), "--format", "never", "--verbose"]);
    expect(String(verbose.stdout).split("\n").length).toBeGreaterThan(400);
    expect(verbose.stdout).toMatch(/UseCase_?199-plan\.md/);
  });

  it("output piped into head ends quietly, without a stack trace", async () => {
    const { dir, answers } = await batch(60);
    expect((await cli(["plan", "--answers", answers, "--dest", path.join(dir, "out")])).exitCode).toBe(0);
    // A dry run of a change to all of them: megabytes of diffs, of which head reads one line.
    const run = await execa("bash", ["-c", `node ${JSON.stringify(BIN)} plan --answers ${JSON.stringify(answers)} --summary changed --force --dest out --dry-run | head -n 1`], { cwd: dir, reject: false, env: { NO_COLOR: "1" } });
    expect(run.stdout).toMatch(/^overwrite\s/);
    expect(run.stderr).toBe("");
  });
});
