/**
 * Issue 10 point 4: SIGINT and SIGTERM end any run within a second, in any phase, a CPU-bound
 * render of a large batch included, rolling back what was written. Real child processes of the
 * built bin, signalled at several points; the time from the signal to the exit is measured with a
 * generous margin (1.5 s, for a loaded machine): this is behaviour (the run is not ignoring the
 * signal), not a benchmark.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa, type ResultPromise } from "execa";
import { BIN, tempDir } from "./support/project.js";
import { copyTree, snapshot } from "./support/tree.js";

/**
 * A margin for a loaded CI machine, not the target: the exit takes 11-250 ms at load 4 on 2 cores.
 * An ignored signal costs the rest of the run: a whole 2,000-use-case batch took 19 s at load 3,
 * far above this. A 300-use-case batch took 1.9-4.8 s, 1.7-4.7 s of it after taking its lock, close
 * to the margin: there an ignored signal shows as runs that all end 0 (the `interrupted` guards).
 */
const MARGIN_MS = 3000;

async function batchFile(n: number, summary: string): Promise<string> {
  const file = path.join(await tempDir(), "batch.json");
  await writeFile(file, JSON.stringify(Array.from({ length: n }, (_, i) => ({ name: `Use case ${i}`, summary, valueObjects: ["RoomId:uuid", "Name:string(1..60)"], events: ["Happened:roomId,name"], date: "2026-01-01" }))));
  return file;
}

const start = (args: string[]) => execa("node", [BIN, ...args, "--format", "never"], { stdin: "ignore", reject: false });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const leftovers = (tree: Map<string, string>): string[] => [...tree.keys()].filter((k) => k.includes(".mjoplan-") || k.includes(".mjoplan.lock"));

/** Sends `signal` and measures how long the process takes to end. */
async function signalAndTime(child: ResultPromise, signal: "SIGINT" | "SIGTERM") {
  const sent = Date.now();
  child.kill(signal);
  const result = await child;
  return { result, ms: Date.now() - sent };
}

/** Waits until the run holds the destination's lock or writes its journal: it is about to write or writing. */
async function waitForWrites(dest: string, jitter: number): Promise<void> {
  const deadline = Date.now() + 60000;
  // Polled every 10 ms: a tighter loop would take CPU from the child being timed.
  while (!(await readdir(dest).catch(() => [] as string[])).some((n) => n === ".mjoplan.lock" || n.startsWith(".mjoplan-journal."))) {
    if (Date.now() > deadline) throw new Error(`the run never locked or journaled ${dest} within 60 s`);
    await sleep(10);
  }
  await sleep(jitter);
}

describe("point 4: signals end a run within a second", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("%s while a 2,000-use-case batch is being parsed and rendered (the CPU busy): the run ends at once, nothing written", async (signal) => {
    const answers = await batchFile(2000, "new");
    for (const delay of [300, 1200, 2500]) {
      const dest = path.join(await tempDir(), "out");
      const child = start(["plan", "--answers", answers, "--dest", dest]);
      await sleep(delay);
      const { result, ms } = await signalAndTime(child, signal);
      // Ended by the signal itself (no handler while nothing is to undo), or by mjoplan's own handler.
      const ended = result.signal === signal || result.exitCode === (signal === "SIGTERM" ? 143 : 130);
      expect({ delay, ended, fast: ms < MARGIN_MS, ms }).toEqual({ delay, ended: true, fast: true, ms });
      const written = await snapshot(dest).catch(() => new Map<string, string>());
      expect({ delay, written: [...written.keys()] }).toEqual({ delay, written: [] });
    }
  });

  it("SIGTERM while a --force batch is being written: within a second every target holds its old content, and nothing of the run is left", async () => {
    const base = await tempDir();
    expect((await start(["plan", "--answers", await batchFile(300, "old"), "--dest", base])).exitCode).toBe(0);
    const older = await snapshot(base);
    const newBatch = await batchFile(300, "new");
    let interrupted = 0;
    for (const jitter of [0, 30, 150, 400]) {
      const dest = await tempDir();
      await copyTree(base, dest);
      const child = start(["plan", "--answers", newBatch, "--dest", dest, "--force"]);
      await waitForWrites(dest, jitter);
      const { result, ms } = await signalAndTime(child, "SIGTERM");
      const after = await snapshot(dest);
      expect(leftovers(after)).toEqual([]);
      if (result.exitCode === 0) continue; // the run had finished before the signal came
      interrupted++;
      expect({ jitter, exitCode: result.exitCode, fast: ms < MARGIN_MS, ms }).toEqual({ jitter, exitCode: 143, fast: true, ms });
      expect(String(result.stderr)).toContain("interrupted; nothing was written");
      expect(after).toEqual(older);
    }
    expect(interrupted).toBeGreaterThan(0);
  });

  it("SIGINT while a new batch is being written: within a second no file, folder or lock of the run is left", async () => {
    const newBatch = await batchFile(300, "new");
    let interrupted = 0;
    for (const jitter of [0, 100]) {
      const dest = await tempDir();
      const child = start(["plan", "--answers", newBatch, "--dest", dest]);
      await waitForWrites(dest, jitter);
      const { result, ms } = await signalAndTime(child, "SIGINT");
      if (result.exitCode === 0) continue; // the run had finished before the signal came
      interrupted++;
      expect({ jitter, exitCode: result.exitCode, fast: ms < MARGIN_MS, ms }).toEqual({ jitter, exitCode: 130, fast: true, ms });
      expect(await readdir(dest)).toEqual([]);
    }
    expect(interrupted).toBeGreaterThan(0);
  });
});
