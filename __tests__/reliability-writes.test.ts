/**
 * Reliability, issue 10 points 2 and 3: a kill -9 at any instant leaves every
 * target with its old or its new content, never nothing; a full disk leaves no
 * trace; the next run removes what a crashed run left and says so; two runs at
 * once never both succeed with one's output lost; a folder swapped for a link
 * during the writes sends nothing outside --dest.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { planGenerator } from "../generators/plan/index.js";
import { planSchema } from "../generators/plan/schema.js";
import { DEFAULT_CONFIG } from "../lib/config/config.js";
import { TEMPLATES_DIR } from "../lib/paths.js";
import { withFallbacks } from "../lib/schema/resolve.js";
import { decide, mergeBatch, type Change } from "../lib/write/changes.js";
import { commit, nodeIo, type CommitIo } from "../lib/write/commit.js";
import { checkNoEscape } from "../lib/write/inside.js";
import { BIN, tempDir } from "./support/project.js";
import { copyTree, snapshot } from "./support/tree.js";

const context = { today: "2026-01-01", version: "test", templatesDir: TEMPLATES_DIR, config: DEFAULT_CONFIG };

async function batchFile(n: number, summary: string): Promise<string> {
  const file = path.join(await tempDir(), "batch.json");
  await writeFile(file, JSON.stringify(Array.from({ length: n }, (_, i) => ({ name: `Use case ${i}`, summary, valueObjects: ["RoomId:uuid"], date: "2026-01-01" }))));
  return file;
}

const run = (args: string[]) => execa("node", [BIN, ...args, "--format", "never"], { stdin: "ignore", reject: false });
const leftovers = (tree: Map<string, string>): string[] => [...tree.keys()].filter((k) => k.includes(".mjoplan-") || k.includes(".mjoplan.lock"));
const emptyFolders = (tree: Map<string, string>): string[] => [...tree.keys()].filter((k) => k.endsWith("/") && ![...tree.keys()].some((o) => o !== k && o.startsWith(k)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the run has started writing (it holds the lock; before it, nothing is written), then `jitter` ms more, give or take. */
async function waitForCommit(dest: string, jitter: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 60000) {
    if ((await readdir(dest).catch(() => [] as string[])).some((n) => n === ".mjoplan.lock" || n.startsWith(".mjoplan-journal."))) break;
    await sleep(1);
  }
  await sleep(Math.floor(jitter / 2 + (Math.random() * jitter) / 2));
}

function overwriteChanges(existing: Map<string, string>): Change[] {
  const inputs = ["Book room", "Cancel booking"].map((name) => withFallbacks(planSchema, { name, summary: "new", valueObjects: [{ name: "RoomId", rule: { kind: "uuid" } }] }));
  return decide(mergeBatch(planGenerator.build(inputs, context)), existing, "overwrite");
}

async function olderCopy(): Promise<{ dir: string; changes: Change[] }> {
  const dir = await tempDir();
  const older = ["Book room", "Cancel booking"].map((name) => withFallbacks(planSchema, { name, summary: "old", valueObjects: [{ name: "RoomId", rule: { kind: "uuid" } }] }));
  const files = mergeBatch(planGenerator.build(older, context));
  await commit(dir, decide(files, new Map(), "overwrite"));
  // Every file gets a new version: each one is an overwrite.
  return { dir, changes: files.map((f) => ({ path: f.path, action: "overwrite", before: f.content, after: `${f.content}// new\n` })) };
}

describe("point 2: crash-safe writes", () => {
  it("no target path is ever empty: at every file-system call of an overwrite, every target exists", async () => {
    const { dir, changes } = await olderCopy();
    const targets = changes.filter((c) => c.action === "overwrite").map((c) => path.join(dir, c.path));
    expect(targets.length).toBeGreaterThan(5);
    const missingAt: string[] = [];
    const watch = <A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        const result = await f(...a);
        for (const t of targets) if (!existsSync(t)) missingAt.push(`${name}: ${t}`);
        return result;
      };
    const io: CommitIo = { ...nodeIo, rename: watch("rename", nodeIo.rename), unlink: watch("unlink", nodeIo.unlink), writeFile: watch("writeFile", nodeIo.writeFile) };
    await commit(dir, changes, { io });
    expect(missingAt).toEqual([]);
  });

  it.each(["ENOSPC", "EIO"])("%s half way through a write (the file created, its content not) leaves the folder as it was", async (code) => {
    for (const n of [1, 2, 5, 9, 14]) {
      const { dir, changes } = await olderCopy();
      // New folders too: a use-case the older run did not have.
      const extra = decide(mergeBatch(planGenerator.build([withFallbacks(planSchema, { name: `Extra ${n}` })], context)), new Map(), "overwrite");
      const all = [...changes, ...extra.filter((e) => !changes.some((c) => c.path === e.path))];
      expect(all.length).toBeGreaterThan(14);
      const before = await snapshot(dir);
      let calls = 0;
      const io: CommitIo = {
        ...nodeIo,
        writeFile: async (p, data, opts) => {
          if (++calls === n) {
            await nodeIo.writeFile(p, "", opts); // the disk filled up after the file was made
            throw Object.assign(new Error(`${code}: no space left on device, write`), { code });
          }
          return nodeIo.writeFile(p, data, opts);
        },
      };
      await expect(commit(dir, all, { io })).rejects.toThrow(/nothing was changed/);
      expect({ n, tree: await snapshot(dir) }).toEqual({ n, tree: before });
    }
  });

  it("kill -9 at random instants of a real --force batch: every target holds its old or its new content; the next run cleans up and says so", async () => {
    const base = await tempDir();
    expect((await run(["plan", "--answers", await batchFile(60, "old"), "--dest", base])).exitCode).toBe(0);
    const older = await snapshot(base);
    const newBatch = await batchFile(60, "new");
    const reference = await tempDir();
    await copyTree(base, reference);
    expect((await run(["plan", "--answers", newBatch, "--dest", reference, "--force"])).exitCode).toBe(0);
    const newer = await snapshot(reference);
    let cleaned = 0;
    for (const jitter of [1, 40, 120, 400]) {
      const dest = await tempDir();
      await copyTree(base, dest);
      const child = run(["plan", "--answers", newBatch, "--dest", dest, "--force"]);
      await waitForCommit(dest, jitter);
      child.kill("SIGKILL");
      await child;
      const after = await snapshot(dest);
      for (const [p, content] of newer) {
        if (p.endsWith("/")) continue;
        const now = after.get(p);
        // A file the older batch had is never missing; a new one is there whole or not at all.
        if (older.has(p)) expect({ p, ok: now === older.get(p) || now === content }).toEqual({ p, ok: true });
        else expect({ p, ok: now === undefined || now === content }).toEqual({ p, ok: true });
      }
      const again = await run(["plan", "--answers", newBatch, "--dest", dest, "--force"]);
      expect(again.exitCode).toBe(0);
      if (leftovers(after).length) {
        cleaned++;
        expect(String(again.stderr)).toMatch(/removed .* left by an interrupted run|removed the lock of an interrupted run/);
      }
      const final = await snapshot(dest);
      expect(leftovers(final)).toEqual([]);
      expect(final).toEqual(newer);
    }
    expect(cleaned).toBeGreaterThan(0);
  });

  it("kill -9 during a new batch: the next run, of another use-case, removes every temporary file and empty folder the dead one left", async () => {
    const batch = await batchFile(80, "new");
    for (const jitter of [5, 60, 250]) {
      const dest = await tempDir();
      const child = run(["plan", "--answers", batch, "--dest", dest]);
      await waitForCommit(dest, jitter);
      child.kill("SIGKILL");
      await child;
      const other = await run(["plan", "--name", "Something else", "--dest", dest]);
      expect(other.exitCode).toBe(0);
      const tree = await snapshot(dest);
      expect(leftovers(tree)).toEqual([]);
      expect(emptyFolders(tree)).toEqual([]);
    }
  });
});

describe("point 3: two runs at once", () => {
  it("two runs writing the same new folder at once never both succeed; the loser names the other run or the file", async () => {
    let atOnce = 0;
    for (let attempt = 0; attempt < 8 && atOnce < 4; attempt++) {
      const dest = await tempDir();
      const [a, b] = await Promise.all([
        run(["plan", "--answers", await batchFile(40, "first"), "--dest", dest]),
        run(["plan", "--answers", await batchFile(40, "second"), "--dest", dest]),
      ]);
      const plans = [...(await snapshot(dest)).entries()].filter(([p]) => p.endsWith("-plan.md"));
      expect(plans).toHaveLength(40);
      const holds = (summary: string): void => {
        for (const [, b64] of plans) expect(Buffer.from(b64, "base64").toString("utf8")).toContain(summary);
      };
      if (a.exitCode === 0 && b.exitCode === 0) {
        // Not at once: a loaded machine ran one after the other (seen in a landing at load 10). The later run found
        // the earlier one's plans untouched and re-planned them, as a re-plan does, and said so: nothing was lost unsaid.
        const later = [a, b].find((r) => /\b40 overwritten\b/.test(String(r.stdout)));
        expect(later).toBeDefined();
        holds(later === a ? "first" : "second");
        continue;
      }
      atOnce++;
      expect([a.exitCode, b.exitCode].sort()).toEqual([0, 1]);
      const loser = a.exitCode === 1 ? a : b;
      expect(String(loser.stderr)).toMatch(/another mjoplan run \(pid \d+, "plan --answers .*"|exist and differ/);
      holds(a.exitCode === 0 ? "first" : "second");
    }
    expect(atOnce).toBeGreaterThan(0);
  });

  it("a lock held by a live process stops the run, naming it; a lock of a dead process is removed, and the run says so", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, ".mjoplan.lock"), JSON.stringify({ pid: process.pid, host: os.hostname(), token: "jest", command: "plan --name Other", started: "2026-01-01T00:00:00.000Z" }));
    const held = await run(["plan", "--name", "Book room", "--dest", dest]);
    expect(held.exitCode).toBe(1);
    expect(String(held.stderr).trim()).toBe(
      `mjoplan: another mjoplan run (pid ${process.pid}, "plan --name Other", since 2026-01-01T00:00:00.000Z) is writing to ${dest}; nothing was written. Run again once it is done (if no such run exists, remove ${path.join(dest, ".mjoplan.lock")})`,
    );
    expect([...(await snapshot(dest)).keys()]).toEqual([".mjoplan.lock"]);
    const dead = Number(execFileSync("node", ["-e", "process.stdout.write(String(process.pid))"]));
    await writeFile(path.join(dest, ".mjoplan.lock"), JSON.stringify({ pid: dead, host: os.hostname(), token: "gone", command: "plan --name Crashed", started: "2026-01-01T00:00:00.000Z" }));
    const after = await run(["plan", "--name", "Book room", "--dest", dest]);
    expect(after.exitCode).toBe(0);
    expect(String(after.stderr)).toContain(`removed the lock of an interrupted run (pid ${dead}, "plan --name Crashed"`);
    expect(leftovers(await snapshot(dest))).toEqual([]);
  });

  it("a folder swapped for a link to outside --dest during the writes: nothing lands outside, nothing is left", async () => {
    const dest = await tempDir();
    const outside = await tempDir();
    const changes = overwriteChanges(new Map());
    const victim = path.join(dest, "src/features/book-room");
    await mkdir(path.join(victim, "domain"), { recursive: true });
    const writes = changes.filter((c) => c.action === "create").length;
    let staged = 0;
    const io: CommitIo = {
      ...nodeIo,
      writeFile: async (p, data, opts) => {
        await nodeIo.writeFile(p, data, opts);
        if (++staged === writes) {
          // Once everything is staged, before anything is placed, the folder becomes a link to another place.
          await rename(victim, path.join(outside, "moved"));
          await symlink(path.join(outside, "moved"), victim);
        }
      },
    };
    await expect(commit(dest, changes, { io, guard: (rel) => checkNoEscape(dest, rel) })).rejects.toThrow(/outside --dest/);
    const escaped = [...(await snapshot(outside)).keys()].filter((k) => !k.endsWith("/"));
    expect(escaped).toEqual([]);
  });
});
