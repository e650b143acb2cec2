/**
 * A run ends as soon as its work is done (bin/run.ts exits rather than wait for Node to free its heap): what it
 * printed still arrives whole, through a pipe read slowly too, with its exit code; and a server (mjoplan mcp) is
 * left to end as Node ends it.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, ROOT, tempDir } from "./support/project.js";

const ANSWERS = path.join(ROOT, "examples/request-password-reset.answers.json");

describe("the end of a run", () => {
  it("more output than a pipe holds, read slowly, arrives whole, with exit 0", async () => {
    const dir = await tempDir();
    const rich = (await import(ANSWERS, { with: { type: "json" } })).default as { name: string };
    await writeFile(path.join(dir, "batch.json"), JSON.stringify(Array.from({ length: 60 }, (_, i) => ({ ...rich, name: `${rich.name} ${i}` }))));
    // The reader sleeps before reading: the bin's writes fill the pipe (64 KiB) and wait for it.
    const run = await execa("bash", ["-c", `node ${JSON.stringify(BIN)} plan --answers batch.json --dest out --dry-run --json | { sleep 1; cat; }; exit "\${PIPESTATUS[0]}"`], { cwd: dir, stdin: "ignore" });
    expect(run.exitCode).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(64 * 1024);
    const report = JSON.parse(run.stdout) as { ok: boolean; useCases: string[] };
    expect(report.ok).toBe(true);
    expect(report.useCases).toHaveLength(60);
  });

  it("a failing run's line on stderr and its exit code come through pipes", async () => {
    const dir = await tempDir();
    const run = await execa("bash", ["-c", `node ${JSON.stringify(BIN)} plan --answers missing.json --dest out 2>&1 | cat; exit "\${PIPESTATUS[0]}"`], { cwd: dir, stdin: "ignore", reject: false });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toMatch(/^mjoplan: .*missing\.json/);
  });
});
