/**
 * A batch rendered on worker threads (issue 16, lib/run/render-threads.ts) does what one thread
 * does: the same files byte for byte, the same report in the same order, the same failure when a
 * use-case cannot be rendered (the first in the batch's order, nothing written), and an interrupt
 * still leaves nothing. Real runs of the built bin; MJOPLAN_THREADS sets the worker threads (0: the
 * main thread renders), so the threaded path is taken whatever the machine's load.
 */
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { fewestBusyNow } from "../lib/busy-cores.js";
import { renderThreads, THREADS_FROM } from "../lib/run/render-threads.js";
import { BIN, ROOT, readTree, tempDir } from "./support/project.js";

/** The bin in `cwd` writing to `.`, so that its report names no temporary folder. */
const plan = (cwd: string, threads: number, args: string[]) =>
  execa("node", [BIN, "plan", "--dest", ".", "--format", "never", ...args], { cwd, stdin: "ignore", reject: false, env: { NO_COLOR: "1", MJOPLAN_THREADS: String(threads) } });

const fixture = async (file: string): Promise<Record<string, unknown>[]> => [JSON.parse(await readFile(path.join(ROOT, file), "utf8"))].flat();

/** A team's own template and pack: the workers must render with the run's context, not the built-in one. */
const TEAM = {
  ".mjoplan/templates/domain/event.ts.hbs": "// the team's event template\nexport class {{ev.names.pascal}} {}\n",
  ".mjoplan/packs/payments.yaml": `name: payments
description: Money moves
when: { capability: payment }
requirements:
  - { kind: nfr, text: "Amounts of {useCase} are integers in minor units" }
`,
};

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await tempDir("mjoplan-threads-");
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

describe("how many render threads a batch gets", () => {
  it("none below THREADS_FROM use-cases or with MJOPLAN_THREADS=0; MJOPLAN_THREADS otherwise, at most two and at most the batch; else 0 to 2 by the idle cores", () => {
    expect(renderThreads(THREADS_FROM - 1, {})).toBe(0);
    expect(renderThreads(1000, { MJOPLAN_THREADS: "0" })).toBe(0);
    expect(renderThreads(1000, { MJOPLAN_THREADS: "1" })).toBe(1);
    expect(renderThreads(1000, { MJOPLAN_THREADS: "8" })).toBe(2);
    expect(renderThreads(1, { MJOPLAN_THREADS: "2" })).toBe(1);
    expect([0, 1, 2]).toContain(renderThreads(1000, { MJOPLAN_THREADS: "many" }));
  });
});

describe("a batch rendered on worker threads", () => {
  it("writes the same files and prints the same report as one thread, planned afresh and planned again over its own output", async () => {
    const rich = (await fixture("examples/request-password-reset.answers.json"))[0]!;
    const varied = [
      ...(await fixture("__tests__/fixtures/varied.answers.json")),
      ...(await fixture("__tests__/fixtures/use-cases.answers.json")),
      ...(await fixture("__tests__/fixtures/capabilities.answers.json")),
      ...(await fixture("examples/export-recording.answers.json")),
    ];
    const seen = new Set<string>();
    const entries = [...varied, ...Array.from({ length: 40 }, (_, i) => ({ ...rich, name: `${String(rich["name"])} ${i}`, ...(i % 3 === 0 ? { capabilities: ["payment"] } : {}) }))].filter((e) => {
      const name = String(e["name"]);
      return !seen.has(name) && seen.add(name);
    });
    const base = await repo({ ...TEAM, "batch.json": JSON.stringify(entries) });
    // Planned again with other answers for some: each plan keeps its answers, read from the disk by whichever thread renders it.
    await writeFile(path.join(base, "again.json"), JSON.stringify(entries.map((e, i) => (i % 4 === 0 ? { ...e, summary: `Changed ${i}.` } : e))));
    const one = await tempDir();
    const many = await tempDir();
    await cp(base, one, { recursive: true });
    await cp(base, many, { recursive: true });
    for (const answers of ["batch.json", "again.json"]) {
      const single = await plan(one, 0, ["--answers", answers, "--verbose"]);
      const threaded = await plan(many, 2, ["--answers", answers, "--verbose"]);
      expect(single.exitCode).toBe(0);
      // The report names the destination, which differs: the rest is the same, line for line.
      expect({ exitCode: threaded.exitCode, stdout: threaded.stdout.replaceAll(many, "<dest>"), stderr: threaded.stderr }).toEqual({ exitCode: single.exitCode, stdout: single.stdout.replaceAll(one, "<dest>"), stderr: single.stderr });
      const [a, b] = [await readTree(one), await readTree(many)];
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [file, content] of a) if (b.get(file) !== content) expect({ file, content: b.get(file) }).toEqual({ file, content });
    }
    // The team's template and pack were used.
    const tree = await readTree(many);
    expect([...tree.entries()].some(([file, text]) => file.endsWith(".event.ts") && text.startsWith("// the team's event template"))).toBe(true);
    expect([...tree.values()].some((text) => text.includes(`Amounts of ${String(rich["name"])} 3 are integers in minor units`))).toBe(true);
  }, 240_000);

  it("stops at the first use-case in the batch's order that cannot be rendered, as one thread does, writing nothing", async () => {
    // A team template that fails for two use-cases only, each at its own spot: entry 70 (line 1), entry 75 (line 2).
    const template = '{{#if (eq ev.names.pascal "FailsHere")}}{{md ev.nothing}}{{/if}}\n{{#if (eq ev.names.pascal "FailsThere")}}{{md ev.nothing}}{{/if}}\nexport class {{ev.names.pascal}} {}\n';
    const entries = Array.from({ length: 80 }, (_, i) => ({ name: `Remind member ${i}`, summary: "Reminds a member.", date: "2026-01-01", events: [i === 70 ? "FailsHere" : i === 75 ? "FailsThere" : "Reminded"] }));
    const results = [];
    for (const threads of [0, 2, 3]) {
      const dest = await repo({ ".mjoplan/templates/domain/event.ts.hbs": template, "batch.json": JSON.stringify(entries) });
      const run = await plan(dest, threads, ["--answers", "batch.json"]);
      expect((await readdir(dest)).sort()).toEqual([".mjoplan", "batch.json"]);
      results.push({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr });
    }
    expect(results[0]).toEqual({ exitCode: 2, stdout: "", stderr: expect.stringMatching(/^mjoplan: \.mjoplan\/templates\/domain\/event\.ts\.hbs:1:\d+: helper "md" was given a value that is not defined/) });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  }, 120_000);

  it("SIGINT while a threaded batch is being written: no file, folder or lock of the run is left", async () => {
    const answers = path.join(await tempDir(), "batch.json");
    await writeFile(answers, JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ name: `Use case ${i}`, summary: "new", valueObjects: ["RoomId:uuid"], date: "2026-01-01" }))));
    let interrupted = 0;
    for (const jitter of [0, 100, 300]) {
      const dest = await tempDir();
      const child = execa("node", [BIN, "plan", "--answers", answers, "--dest", dest, "--format", "never"], { stdin: "ignore", reject: false, env: { MJOPLAN_THREADS: "2" } });
      const deadline = Date.now() + 60_000;
      while (!(await readdir(dest)).some((n) => n.startsWith(".mjoplan-journal.")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, jitter));
      child.kill("SIGINT");
      const result = await child;
      if (result.exitCode === 0) continue; // finished before the signal came
      interrupted++;
      expect({ jitter, exitCode: result.exitCode, stderr: result.stderr }).toEqual({ jitter, exitCode: 130, stderr: "mjoplan: interrupted; nothing was written" });
      expect(await readdir(dest)).toEqual([]);
    }
    expect(interrupted).toBeGreaterThan(0);
  }, 240_000);
});

describe("the idle cores a batch's render threads are counted from", () => {
  it("are the fewest busy over a few looks: a look that sees a passing thread does not cost the batch its thread", () => {
    const seen = (looks: number[]) => {
      const queue = [...looks];
      const waits: number[] = [];
      return { busy: () => fewestBusyNow(4, 5, () => queue.shift() ?? 9, (ms) => waits.push(ms)), waits, left: () => queue.length };
    };
    // A thread runs at the first look only: no core is busy.
    const passing = seen([1, 0, 1, 1]);
    expect(passing.busy()).toBe(0);
    // An idle look ends the looking: none can be fewer, and the batch waits no longer.
    expect(passing.left()).toBe(2);
    expect(passing.waits).toEqual([5]);
    // Work that holds a core is seen by every look.
    const held = seen([1, 2, 1, 1]);
    expect(held.busy()).toBe(1);
    expect(held.waits).toEqual([5, 5, 5]);
    // renderThreads counts from it: one render thread on two cores when the looks found one free beside the main thread's.
    const cores = os.availableParallelism();
    expect(renderThreads(1000, {}, () => 0)).toBe(Math.max(0, Math.min(2, cores - 1)));
    expect(renderThreads(1000, {}, () => cores)).toBe(0);
  });
});
