/**
 * USER21 V4: a run killed (kill -9) while it renamed a batch's files into place leaves some with their new content.
 * The next writing run removed the temporary files and said only that, so a half-applied batch (89 of 2,000 plans in
 * place, 81 of them passing check) read as cleaned up. The line now says how many files the dead run had put in
 * place, names the first, and that running it again finishes it. The dead run's disk is made as commit.ts makes it
 * (its temporary names, its journal line, a lock of a process that is gone); the real bin recovers it.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";
import { tempName } from "../lib/write/commit.js";

const TAG = "12345.deadrun";

describe("the run after a batch killed while placing its files", () => {
  it("names the files the dead run had put in place, not only the temporary ones it removed", async () => {
    const dest = await tempDir("mjoplan-u21-");
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
    await mkdir(path.join(dest, "docs/a"), { recursive: true });
    await mkdir(path.join(dest, "docs/b"), { recursive: true });
    // 0: a create renamed into place; 1: a create still staged; 2: an overwrite renamed into place (its original kept
    // as .old); 3: an overwrite staged, its original not yet linked aside.
    const files = ["docs/a/A-plan.md", "docs/b/B-plan.md", "docs/kept.md", "docs/other.md"];
    await writeFile(path.join(dest, files[0]!), "new A\n");
    await writeFile(path.join(dest, tempName(files[1]!, TAG, 1, "new")), "new B\n");
    await writeFile(path.join(dest, files[2]!), "new kept\n");
    await writeFile(path.join(dest, tempName(files[2]!, TAG, 2, "old")), "old kept\n");
    await writeFile(path.join(dest, files[3]!), "old other\n");
    await writeFile(path.join(dest, tempName(files[3]!, TAG, 3, "new")), "new other\n");
    const journal = { files: [tempName(files[0]!, TAG, 0, "new"), tempName(files[1]!, TAG, 1, "new"), tempName(files[2]!, TAG, 2, "new"), tempName(files[2]!, TAG, 2, "old"), tempName(files[3]!, TAG, 3, "new"), tempName(files[3]!, TAG, 3, "old")], dirs: ["docs/a", "docs/b"] };
    const dead = Number(execFileSync("node", ["-e", "process.stdout.write(String(process.pid))"]));
    await writeFile(path.join(dest, `.mjoplan-journal.${dead}.deadrun.json`), `${JSON.stringify(journal)}\n`);
    await writeFile(path.join(dest, ".mjoplan.lock"), JSON.stringify({ pid: dead, host: os.hostname(), token: "deadrun", command: "plan --answers backlog.json", started: "2026-01-01T00:00:00.000Z" }));

    const r = await cli(["plan", "--name", "Book room", "--dest", dest, "--format", "never", "--date", "2026-01-01"]);
    expect(r.exitCode).toBe(0);
    const lines = String(r.stderr).split("\n").filter((l) => l.includes("interrupted run"));
    expect(lines).toEqual([
      `mjoplan: removed the lock of an interrupted run (pid ${dead}, "plan --answers backlog.json", since 2026-01-01T00:00:00.000Z): it is no longer running`,
      `mjoplan: removed 3 temporary file(s) and 1 empty folder(s) left by an interrupted run (pid ${dead}); 2 file(s) it had already put in place stay with its content (docs/a/A-plan.md, docs/kept.md): run it again to finish it`,
    ]);
    // Only temporaries were removed: the placed files stay, the staged ones' targets keep their old content.
    expect((await readdir(path.join(dest, "docs"))).sort()).toEqual(["a", "features", "kept.md", "other.md"]);
  });

  it("says nothing of placed files after a run killed while staging", async () => {
    const dest = await tempDir("mjoplan-u21-");
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
    await mkdir(path.join(dest, "docs/a"), { recursive: true });
    // Journaled before staging: one staged, one never written; the overwrite's target has its old content.
    await writeFile(path.join(dest, tempName("docs/a/A-plan.md", TAG, 0, "new")), "new A\n");
    await writeFile(path.join(dest, "docs/old.md"), "old\n");
    const journal = { files: [tempName("docs/a/A-plan.md", TAG, 0, "new"), tempName("docs/a/B-plan.md", TAG, 1, "new"), tempName("docs/old.md", TAG, 2, "new"), tempName("docs/old.md", TAG, 2, "old")], dirs: ["docs/a"] };
    const dead = Number(execFileSync("node", ["-e", "process.stdout.write(String(process.pid))"]));
    await writeFile(path.join(dest, `.mjoplan-journal.${dead}.deadrun.json`), `${JSON.stringify(journal)}\n`);
    const r = await cli(["plan", "--name", "Book room", "--dest", dest, "--format", "never", "--date", "2026-01-01"]);
    expect(r.exitCode).toBe(0);
    expect(String(r.stderr).split("\n").filter((l) => l.includes("interrupted run"))).toEqual([`mjoplan: removed 1 temporary file(s) and 1 empty folder(s) left by an interrupted run (pid ${dead})`]);
  });
});
