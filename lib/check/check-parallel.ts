/**
 * check over many plans on every core. A plan's check is independent of every other's, so the
 * plans are cut into batches as the walk finds them, and each batch is sent to every worker as it
 * is cut: a worker starts checking while the main thread still walks (a batch of 5,000 plans has
 * 20,000 folders to list), and the main thread takes batches too once its walk is done. Who checks
 * a batch is decided by a shared counter (a thread slowed by other work takes fewer). Each plan's
 * findings, or the bad input it is, are kept by its path and put back in the sorted order of the
 * plans: the same findings in the same order as one thread gives, and the same first bad plan.
 * Below PARALLEL_FROM plans, or with one core, or where the worker's script is not built (the
 * tests' sources), one thread does it all: a worker's start costs more than a few hundred plans;
 * and where the other cores are busy.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { BusyCores, fewestBusyNow } from "../busy-cores.js";
import { InputError } from "../errors.js";
import type { PlanFindings } from "./check-plan.js";
import { findPlans, listedFiles, type WalkSeen } from "./find-plans.js";
import { checkAll, checkRun } from "./run-check.js";

/** Fewer plans than this are checked on one thread. */
export const PARALLEL_FROM = 400;
/** Plans a thread takes at a time: small enough that the threads end together, large enough that taking one costs nothing. */
const BATCH = 50;
/** At most this many threads: the reads share one disk, and the batches end sooner than more workers start. */
const MAX_THREADS = 4;

/** What a worker is started with; the batches come as messages (WorkerMessage). */
export interface WorkerJob {
  base: string;
  named: string[];
  /** One Int32: the next batch to take. */
  next: SharedArrayBuffer;
}

/**
 * To a worker: the next batch's plans, in the order the batches are cut, with what the walk saw of each (`seen`, see
 * walkedPlace); or how many batches there are, once all are sent.
 */
export type WorkerMessage = { plans: string[]; seen?: (string | null)[] } | { batches: number };

/** A plan's findings, or the bad input (or failure) that stops a check at it, as one thread would have stopped there. */
export type PlanResult = { findings: PlanFindings } | { error: { where?: string; problem?: string; message: string } };

/** A batch's results, plan by plan. */
export interface BatchResult {
  batch: number;
  results: PlanResult[];
}

const failure = (e: unknown): PlanResult => ({ error: e instanceof InputError ? { where: e.where, problem: e.problem, message: e.message } : { message: e instanceof Error ? e.message : String(e) } });

const asError = (r: Extract<PlanResult, { error: unknown }>): Error => (r.error.where !== undefined && r.error.problem !== undefined ? new InputError(r.error.where, r.error.problem) : new Error(r.error.message));

/** Checks each plan of a batch, keeping a failure as that plan's result (a later plan can still come first in order). */
export function checkBatch(check: (planFile: string) => PlanFindings, plans: readonly string[]): PlanResult[] {
  const out: PlanResult[] = [];
  for (const p of plans) {
    try {
      out.push({ findings: check(p) });
    } catch (e) {
      out.push(failure(e));
    }
  }
  return out;
}

/**
 * A worker's side: batches arrive in order; the worker takes the next one while it has received it (compare-and-swap on
 * the shared counter, so no batch is taken twice), and ends once every batch is taken.
 */
export function serveBatches(job: WorkerJob, send: (result: BatchResult) => void, close: () => void): (message: WorkerMessage) => void {
  const next = new Int32Array(job.next);
  // What the main thread's walk saw of each plan sent: its folder's realpath, and the plan as a regular file in it.
  const walked: WalkSeen = { folders: new Map(), files: new Map() };
  const check = checkRun(job.base, job.named, walked);
  const batches: string[][] = [];
  let count = -1;
  return (message) => {
    if ("plans" in message) {
      batches.push(message.plans);
      if (message.seen) takeSeen(walked, message.plans, message.seen);
    } else count = message.batches;
    for (;;) {
      const batch = Atomics.load(next, 0);
      if (batch >= batches.length) break;
      if (Atomics.compareExchange(next, 0, batch, batch + 1) !== batch) continue;
      send({ batch, results: checkBatch(check, batches[batch]!) });
    }
    if (count >= 0 && Atomics.load(next, 0) >= count) close();
  };
}

/**
 * What the walk saw of a plan it found, for a worker (which has no walk of its own: without it, each plan's folder and
 * the plan itself cost a worker an lstat each, its folder twice): the realpath of the plan's folder where the walk
 * listed the plan there as a regular file, else null. A plan named on the command line, or in a folder whose realpath
 * the walk did not know, is looked at on the disk as before.
 */
export function walkedPlace(walked: WalkSeen, listed: (folder: string, name: string) => boolean, plan: string): string | null {
  const real = walked.folders.get(path.dirname(plan));
  return real !== undefined && listed(real, path.basename(plan)) ? real : null;
}

/** Takes what the walk saw of a batch's plans (walkedPlace) into a worker's WalkSeen. */
function takeSeen(walked: WalkSeen, plans: readonly string[], seen: readonly (string | null)[]): void {
  for (let i = 0; i < plans.length; i++) {
    const real = seen[i];
    if (real === null || real === undefined) continue;
    const plan = plans[i]!;
    walked.folders.set(path.dirname(plan), real);
    const names = walked.files.get(real);
    const name = path.basename(plan);
    if (names === undefined) walked.files.set(real, [name]);
    else if (!names.includes(name)) names.push(name);
  }
}

/**
 * The built worker script: the bundled one beside the bin (scripts/bundle-check-worker.mjs: one CommonJS file, which a
 * worker loads for about two thirds of the CPU time tsc's modules took) or beside tsc's output of this module; none when
 * running from sources.
 */
function workerScript(): string | undefined {
  for (const relative of ["./mjoplan-check.cjs", "../../bin/mjoplan-check.cjs", "./check-worker.js"]) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return fileURLToPath(url);
  }
  return undefined;
}

/** How a run spreads: by default a worker per idle core beyond the first (at most MAX_THREADS threads) from PARALLEL_FROM plans; a test sets these. */
export interface Spread {
  workers?: number;
  from?: number;
  /** Whether the main thread takes batches too (it does, unless a test wants every batch in a worker). */
  mainTakes?: boolean;
  /** Told the size of each batch sent to the workers (a test looks at how the plans were cut). */
  sent?: (plans: number) => void;
}

/**
 * The workers worth starting: MJOPLAN_THREADS when set (0: one thread, as before), else one per core not already busy beyond
 * the main thread's (as make -l does, lib/busy-cores.ts), at most MAX_THREADS threads in all. On a machine whose cores other
 * work keeps busy, a second thread of check only competes with the first: measured on 2 shared cores at a load of 8, it
 * took a quarter more CPU time for the same wall time. `busy`: the fewest cores seen busy over the last looks.
 */
export function workersWanted(busy: number, env: Readonly<Record<string, string | undefined>> = process.env, cores = os.availableParallelism()): number {
  const set = env["MJOPLAN_THREADS"];
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(Number(set), MAX_THREADS - 1);
  return Math.max(1, Math.min(MAX_THREADS, cores, Math.floor(cores - busy))) - 1;
}

/** The workers of one run, fed batches as they are cut. */
interface Pool {
  send(plans: string[], seen?: (string | null)[]): void;
  /** No more batches: the main thread takes what is left (unless told not to) and the results come back by plan. */
  finish(mainTakes: boolean, check: (planFile: string) => PlanFindings): Promise<Map<string, PlanResult>>;
  stop(): void;
}

/**
 * node:worker_threads, loaded now where the running Node can (process.getBuiltinModule, Node 20.16 and later: the walk is
 * synchronous, and the workers are to start during it), else once the walk is done.
 */
type WorkerThreads = typeof import("node:worker_threads");
const workerThreadsNow = (): WorkerThreads | undefined => (process as { getBuiltinModule?: (id: "node:worker_threads") => WorkerThreads }).getBuiltinModule?.("node:worker_threads");

function startPool({ Worker }: WorkerThreads, workers: number, script: string, base: string, named: readonly string[]): Pool {
  const job: WorkerJob = { base, named: [...named], next: new SharedArrayBuffer(4) };
  const next = new Int32Array(job.next);
  const batches: string[][] = [];
  const results = new Map<number, PlanResult[]>();
  const threads: Worker[] = [];
  // Once finish() knows how many batches there are: told when every batch has its results.
  let total = -1;
  let answered: (() => void) | undefined;
  const take = (r: BatchResult): void => {
    results.set(r.batch, r.results);
    if (total >= 0 && results.size >= total) answered?.();
  };
  // A worker that fails to start or dies leaves the batches it took unanswered: the main thread checks those after.
  const ended = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(script, { workerData: job });
        threads.push(worker);
        worker.on("message", take);
        worker.on("error", () => resolve());
        worker.on("exit", () => resolve());
      }),
  );
  const post = (message: WorkerMessage): void => {
    for (const t of threads) t.postMessage(message);
  };
  return {
    send(plans, seen) {
      batches.push(plans);
      post(seen ? { plans, seen } : { plans });
    },
    async finish(mainTakes, check) {
      total = batches.length;
      post({ batches: batches.length });
      if (mainTakes) for (let batch = Atomics.add(next, 0, 1); batch < batches.length; batch = Atomics.add(next, 0, 1)) results.set(batch, checkBatch(check, batches[batch]!));
      // Every batch answered: the findings are all here, and the workers' ends (their heaps freed) are not waited for;
      // else until they have ended, and the main thread checks what a worker that died left.
      if (results.size < total) await Promise.race([Promise.all(ended), new Promise<void>((resolve) => (answered = resolve))]);
      const byPlan = new Map<string, PlanResult>();
      batches.forEach((plans, batch) => {
        const done = results.get(batch) ?? checkBatch(check, plans);
        plans.forEach((p, i) => byPlan.set(p, done[i]!));
      });
      return byPlan;
    },
    stop() {
      for (const t of threads) void t.terminate();
    },
  };
}

/** The findings of each plan in `plans` (sorted), or the first bad plan's error. */
function inOrder(plans: readonly string[], byPlan: ReadonlyMap<string, PlanResult>): PlanFindings[] {
  const out: PlanFindings[] = [];
  for (const p of plans) {
    const r = byPlan.get(p)!;
    if ("error" in r) throw asError(r);
    out.push(r.findings);
  }
  return out;
}

/**
 * Walks `paths` (find-plans.ts) and checks every plan found, spreading the plans over worker threads from `spread.from`
 * plans found (one per idle core beyond the main thread's), which start on the plans while the walk goes on. The main
 * thread's checks use what the walk saw (WalkSeen: no lstat for a file it listed); a worker's look at the disk, with the
 * same findings. The plans are cut into batches as they are found, from the first: the batches cut before the workers
 * start wait for them. Whether cores are idle is looked at a few times on the way to `from` plans (the fewest seen busy
 * counts: a thread that runs a moment is not work holding a core), and again every quarter of `from` plans while none
 * was: cores that free up during a long walk are used.
 */
export async function walkAndCheck(paths: readonly string[], base: string, named: readonly string[] = [], spread: Spread = {}): Promise<PlanFindings[]> {
  const walked: WalkSeen = { folders: new Map(), files: new Map() };
  const from = spread.from ?? PARALLEL_FROM;
  const step = Math.max(1, Math.floor(from / 4));
  // Looks spread over the walk, which costs no pause: fewestBusyNow's looks, a few milliseconds apart, would wait on a busy machine.
  const busy = new BusyCores();
  let found = 0;
  // Undecided while undefined; null once no pool can run (no built worker script); else a pool of workers, or the workers
  // to start after the walk, where node:worker_threads cannot be had during it.
  let pool: Pool | null | undefined;
  let later: { workers: number; script: string } | undefined;
  let cut: string[] = [];
  // Batches cut before the pool has started wait for it.
  const waiting: string[][] = [];
  const listed = listedFiles(walked);
  const send = (plans: string[]): void => {
    spread.sent?.(plans.length);
    pool!.send(
      plans,
      plans.map((p) => walkedPlace(walked, listed, p)),
    );
  };
  const decide = (): void => {
    const workers = spread.workers ?? workersWanted(busy.fewest());
    if (workers <= 0) return;
    const script = workerScript();
    const threads = script === undefined ? undefined : workerThreadsNow();
    if (script === undefined) pool = null;
    else if (threads === undefined) later = { workers, script };
    else {
      pool = startPool(threads, workers, script, base, named);
      for (const batch of waiting.splice(0)) send(batch);
    }
  };
  const onFound = (file: string): void => {
    found++;
    if (pool === undefined && later === undefined && found % step === 0) {
      if (spread.workers === undefined) busy.look();
      if (found >= from) decide();
    }
    cut.push(file);
    if (cut.length === BATCH) {
      if (pool) send(cut);
      else waiting.push(cut);
      cut = [];
    }
  };
  let plans: string[];
  try {
    plans = await findPlans(paths, base, walked, onFound);
  } catch (e) {
    pool?.stop();
    throw e;
  }
  if (later) {
    pool = startPool(await import("node:worker_threads"), later.workers, later.script, base, named);
    for (const batch of waiting.splice(0)) send(batch);
  }
  if (!pool) return checkAll(plans, base, named, walked);
  if (cut.length) send(cut);
  return inOrder(plans, await pool.finish(spread.mainTakes ?? true, checkRun(base, named, walked)));
}

/** The findings of `planFiles` (as found by findPlans), spread over workers as walkAndCheck does. */
export async function checkAllParallel(planFiles: readonly string[], base: string, named: readonly string[] = [], spread: Spread = {}, walked?: WalkSeen): Promise<PlanFindings[]> {
  // A decision made once before the work starts, as a batch's render threads are: the same few looks (lib/busy-cores.ts),
  // and none for fewer plans than spread.from, which stay on this thread whatever the cores do.
  const enough = planFiles.length >= (spread.from ?? PARALLEL_FROM);
  const workers = enough ? (spread.workers ?? workersWanted(fewestBusyNow())) : 0;
  const script = workers > 0 ? workerScript() : undefined;
  if (script === undefined) return checkAll(planFiles, base, named, walked);
  const pool = startPool(workerThreadsNow() ?? (await import("node:worker_threads")), workers, script, base, named);
  for (let i = 0; i < planFiles.length; i += BATCH) pool.send(planFiles.slice(i, i + BATCH));
  return inOrder(planFiles, await pool.finish(spread.mainTakes ?? true, checkRun(base, named, walked)));
}
