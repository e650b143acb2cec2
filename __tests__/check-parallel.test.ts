/**
 * check over many plans spreads them over worker threads (lib/check/check-parallel.ts). What a
 * user sees must not change: the same findings in the same order, the same exit code, and, when
 * plans are bad input, the same first bad plan named. A folder of 450 plans (the golden example's
 * plan copied beside itself, some changed to drift, lose a file, or be approved) is checked by the
 * built CLI and by the built module with every batch in workers, and compared with one thread.
 */
import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BusyCores, busyElsewhere } from "../lib/busy-cores.js";
import { workersWanted } from "../lib/check/check-parallel.js";
import { checkJson } from "../lib/cli/check-command.js";
import { findPlans } from "../lib/check/find-plans.js";
import { checkAll } from "../lib/check/run-check.js";
import type { PlanFindings } from "../lib/check/check-plan.js";
import { cli, ROOT, tempDir } from "./support/project.js";

const EXAMPLE = path.join(ROOT, "examples/request-password-reset");
const PLAN = "docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md";
const COUNT = 450;
const name = (i: number): string => `docs/features/api/P${String(i).padStart(3, "0")}/P${String(i).padStart(3, "0")}-plan.md`;

/** The example's repository with COUNT copies of its plan, at the same depth so that every link still reaches its file. */
async function manyPlans(change: (i: number, plan: string) => string = (_, p) => p): Promise<string> {
  const dir = await tempDir("mjoplan-parallel-");
  await cp(EXAMPLE, dir, { recursive: true });
  await writeFile(path.join(dir, "package.json"), '{ "name": "many-plans", "private": true }\n');
  const plan = await readFile(path.join(dir, PLAN), "utf8");
  for (let i = 0; i < COUNT; i++) {
    await mkdir(path.dirname(path.join(dir, name(i))), { recursive: true });
    await writeFile(path.join(dir, name(i)), change(i, plan));
  }
  return dir;
}

/** The built module (dist), whose worker script exists beside it. */
async function builtParallel(): Promise<typeof import("../lib/check/check-parallel.js")> {
  return import(pathToFileURL(path.join(ROOT, "dist/lib/check/check-parallel.js")).href);
}

describe("check over many plans, on several threads", () => {
  let dir: string;
  let oneThread: PlanFindings[];
  beforeAll(async () => {
    dir = await manyPlans((i, plan) => {
      // Some plans disagree with their files, so the findings differ from plan to plan.
      if (i === 37) return plan.replace(/(\.security\.test\.ts\)\n\n```ts\n)/, "$1// changed in the plan only\n");
      if (i === 200) return plan.replace("](../../../../src/shared/domain/result.ts)", "](../../../../src/shared/domain/gone.ts)");
      if (i === 311) return plan.replace(/^status: .*$/m, "status: approved");
      return plan;
    });
    oneThread = checkAll(await findPlans([], dir), dir);
  }, 120_000);

  it("the CLI reports what one thread finds, plan by plan, in the same order, with the same exit code", async () => {
    expect(oneThread).toHaveLength(COUNT + 1);
    // The changes show: one plan drifts, one misses a file, one is approved.
    expect(oneThread.filter((f) => f.drift.length).map((f) => path.relative(dir, f.plan))).toEqual([name(37)]);
    expect(oneThread.filter((f) => f.missing.length).map((f) => path.relative(dir, f.plan))).toEqual([name(200)]);
    const run = await cli(["check", "--dest", dir, "--json", "--require", "approved"]);
    const expected = checkJson(oneThread, dir, false, true);
    expect(JSON.parse(String(run.stdout))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(run.exitCode).toBe(1);
    // With a worker whatever the load (the bundled worker script, dist/bin/mjoplan-check.cjs), and on one thread: the same bytes.
    const threads = async (n: string) =>
      execa("node", [path.join(ROOT, "dist/bin/mjoplan.js"), "check", "--dest", dir, "--json", "--require", "approved"], { cwd: ROOT, stdin: "ignore", reject: false, env: { NO_COLOR: "1", MJOPLAN_THREADS: n } });
    for (const n of ["2", "0"]) {
      const other = await threads(n);
      expect(other.stdout).toBe(run.stdout);
      expect(other.exitCode).toBe(1);
    }
  }, 120_000);

  it("with every batch checked in workers, the findings are one thread's", async () => {
    const { checkAllParallel } = await builtParallel();
    const inWorkers = await checkAllParallel(await findPlans([], dir), dir, [], { workers: 2, from: 1, mainTakes: false });
    expect(inWorkers).toEqual(oneThread);
    // With what the walk saw handed to the workers (as the CLI does), the same.
    const walked = { folders: new Map<string, string>(), files: new Map<string, string[]>() };
    const plans = await findPlans([], dir, walked);
    expect(await checkAllParallel(plans, dir, [], { workers: 2, from: 1, mainTakes: false }, walked)).toEqual(oneThread);
  }, 120_000);

  it("with the workers checking batches while the walk still finds plans, the findings are one thread's", async () => {
    const { walkAndCheck } = await builtParallel();
    // Every batch in the workers, started at the first plan found; then the main thread taking batches beside them.
    expect(await walkAndCheck([], dir, [], { workers: 2, from: 1, mainTakes: false })).toEqual(oneThread);
    expect(await walkAndCheck([], dir, [], { workers: 1, from: 1 })).toEqual(oneThread);
    // A path named on the command line is a root of its own, as with one thread.
    const named = path.join(dir, "docs/features/api");
    expect(await walkAndCheck([named], dir, [named], { workers: 1, from: 1 })).toEqual(checkAll(await findPlans([named], dir), dir, [named]));
    // The workers are told each plan's folder as the walk saw it (its realpath): through a folder that is a link, and
    // beside plans named one by one (which the walk did not list), the findings are still one thread's.
    const linked = path.join(dir, "linked-plans");
    await symlink(named, linked);
    const mixed = [linked, path.join(dir, name(37)), path.join(dir, name(311))];
    expect(await walkAndCheck(mixed, dir, [], { workers: 2, from: 1, mainTakes: false })).toEqual(checkAll(await findPlans(mixed, dir), dir));
  }, 120_000);

  it("the plans found before the workers start are cut into batches too, and so are all after: every thread can take a share", async () => {
    const { walkAndCheck } = await builtParallel();
    // Workers from the 120th plan (more than a batch): a run once sent every plan found after the start as one batch,
    // which one thread took whole while the others idled.
    const sizes: number[] = [];
    expect(await walkAndCheck([], dir, [], { workers: 2, from: 120, mainTakes: false, sent: (n) => sizes.push(n) })).toEqual(oneThread);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(COUNT + 1);
    expect(sizes.slice(0, -1).every((n) => n === 50)).toBe(true);
    expect(sizes.length).toBe(Math.ceil((COUNT + 1) / 50));
  }, 120_000);

  it("counts as busy the cores other threads are running on now, not the last minute's average nor this process's own threads", async () => {
    // /proc/loadavg: three averages, then the threads runnable now (this one among them) over all threads.
    const ownNotAsked = (): number => {
      throw new Error("this process's threads need no look when only one thread runs");
    };
    expect(busyElsewhere("1.50 1.20 0.90 1/250 4321\n", ownNotAsked)).toBe(0);
    expect(busyElsewhere("0.10 0.20 0.30 12/300 4321\n", () => 1)).toBe(11);
    // Two of the three runnable are this process's (its main thread and a V8 compiler thread): one core busy elsewhere.
    expect(busyElsewhere("0.10 0.20 0.30 3/300 4321\n", () => 2)).toBe(1);
    expect(busyElsewhere("0.10 0.20 0.30 2/300 4321\n", () => 2)).toBe(0);
    // This process's own count, read from /proc where there is one: this thread runs, at least.
    expect(busyElsewhere("0.10 0.20 0.30 2/300 4321\n")).toBeLessThanOrEqual(1);
  });

  it("a core is busy when every look of the last few saw it so; a thread running a moment is not work holding a core", () => {
    const seen = [1, 0, 1, 1, 1, 1, 1];
    const busy = new BusyCores(4, () => seen.shift()!);
    for (let i = 0; i < 3; i++) busy.look();
    expect(busy.fewest()).toBe(0);
    // Four more looks, all busy: the idle one has dropped out of the last four.
    for (let i = 0; i < 4; i++) busy.look();
    expect(busy.fewest()).toBe(1);
  });

  it("starts a worker per idle core beyond the main thread's, at most 4 threads; MJOPLAN_THREADS sets the workers (0: one thread)", () => {
    expect(workersWanted(0, {}, 2)).toBe(1);
    expect(workersWanted(1, {}, 2)).toBe(0);
    expect(workersWanted(0.5, {}, 2)).toBe(0);
    expect(workersWanted(0, {}, 16)).toBe(3);
    expect(workersWanted(13, {}, 16)).toBe(2);
    expect(workersWanted(5, { MJOPLAN_THREADS: "0" }, 2)).toBe(0);
    expect(workersWanted(5, { MJOPLAN_THREADS: "2" }, 2)).toBe(2);
    expect(workersWanted(0, { MJOPLAN_THREADS: "9" }, 2)).toBe(3);
    // Not a number: as if unset.
    expect(workersWanted(0, { MJOPLAN_THREADS: "many" }, 2)).toBe(1);
  });

  it("bad input: the first bad plan in order is named, whichever thread met it, and nothing else is printed", async () => {
    const twice = (plan: string): string => plan.replace(/^status: (.*)$/m, "status: $1\nstatus: approved");
    const bad = await manyPlans((i, plan) => (i === 120 || i === 330 ? twice(plan) : plan));
    const expected = (() => {
      try {
        checkAll([path.join(bad, name(120)), path.join(bad, name(330))], bad);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    })();
    expect(expected).toContain(name(120));
    const run = await cli(["check", "--dest", bad]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stdout)).toBe("");
    expect(String(run.stderr)).toContain(expected);
    const { checkAllParallel, walkAndCheck } = await builtParallel();
    await expect(checkAllParallel(await findPlans([], bad), bad, [], { workers: 2, from: 1, mainTakes: false })).rejects.toThrow(expected);
    await expect(walkAndCheck([], bad, [], { workers: 2, from: 1, mainTakes: false })).rejects.toThrow(expected);
    await expect(walkAndCheck([], bad, [], { workers: 1, from: 1 })).rejects.toThrow(expected);
  }, 120_000);
});
