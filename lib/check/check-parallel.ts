/**
 * check over many plans on every core. A plan's check is independent of every other's, so the
 * plans are cut into batches in their order; the main thread and a worker per other core take
 * batches one at a time (an atomic counter: a thread slowed by other work on the machine takes
 * fewer), and the findings are put back in batch order: the same findings, in the same order,
 * as one thread gives, and the same first bad plan when one is bad input. Below PARALLEL_FROM
 * plans, or with one core, or where the worker's script is not built (the tests' sources), one
 * thread does it all: a worker's start costs more than a few hundred plans; and where the other cores are busy.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { busyElsewhere } from "../busy-cores.js";
import { InputError } from "../errors.js";
import type { PlanFindings } from "./check-plan.js";
import type { WalkSeen } from "./find-plans.js";
import { checkAll, checkRun } from "./run-check.js";

/** Fewer plans than this are checked on one thread. */
export const PARALLEL_FROM = 400;
/** Plans a thread takes at a time: small enough that the threads end together, large enough that taking one costs nothing. */
const BATCH = 50;
/** At most this many threads: the reads share one disk, and the batches end sooner than more workers start. */
const MAX_THREADS = 4;

export interface CheckJob {
  planFiles: string[];
  base: string;
  named: string[];
  /** One Int32: the next batch to take. */
  next: SharedArrayBuffer;
  walked?: WalkSeen;
}

/** A batch's findings, or the bad input that stopped it (as one thread would have stopped there). */
export type BatchResult = { batch: number; findings: PlanFindings[] } | { batch: number; error: { where?: string; problem?: string; message: string } };

const batchCount = (job: CheckJob): number => Math.ceil(job.planFiles.length / BATCH);

/** Takes batches until none is left, sending each one's result; stops at a batch that fails (no later batch can matter more). */
export function takeBatches(job: CheckJob, send: (result: BatchResult) => void): void {
  const next = new Int32Array(job.next);
  const check = checkRun(job.base, job.named, job.walked);
  const batches = batchCount(job);
  for (let batch = Atomics.add(next, 0, 1); batch < batches; batch = Atomics.add(next, 0, 1)) {
    try {
      send({ batch, findings: job.planFiles.slice(batch * BATCH, (batch + 1) * BATCH).map(check) });
    } catch (e) {
      send({ batch, error: e instanceof InputError ? { where: e.where, problem: e.problem, message: e.message } : { message: e instanceof Error ? e.message : String(e) } });
      return;
    }
  }
}

/** The built worker script beside this module (tsc's output) or beside the bundled bin; none when running from sources. */
function workerScript(): string | undefined {
  for (const relative of ["./check-worker.js", "../lib/check/check-worker.js"]) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return fileURLToPath(url);
  }
  return undefined;
}

/** How a run spreads: by default a worker per core beyond the first (at most MAX_THREADS threads) from PARALLEL_FROM plans; a test sets these. */
export interface Spread {
  workers?: number;
  from?: number;
  /** Whether the main thread takes batches too (it does, unless a test wants every batch in a worker). */
  mainTakes?: boolean;
}

/**
 * The threads worth running: one per core not already busy (as make -l does), at most MAX_THREADS. On a machine whose
 * cores other work keeps busy, a second thread of check only competes with the first: measured on 2 shared cores at a
 * load of 8, it took a quarter more CPU time for the same wall time.
 */
function idleCores(): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(MAX_THREADS, cores, Math.floor(cores - busyElsewhere())));
}

export async function checkAllParallel(planFiles: readonly string[], base: string, named: readonly string[] = [], spread: Spread = {}, walked?: WalkSeen): Promise<PlanFindings[]> {
  const workers = spread.workers ?? idleCores() - 1;
  const script = workers > 0 && planFiles.length >= (spread.from ?? PARALLEL_FROM) ? workerScript() : undefined;
  if (script === undefined) return checkAll(planFiles, base, named, walked);
  const { Worker } = await import("node:worker_threads");
  const job: CheckJob = { planFiles: [...planFiles], base, named: [...named], next: new SharedArrayBuffer(4), ...(walked ? { walked } : {}) };
  const results = new Map<number, BatchResult>();
  const keep = (r: BatchResult): void => void results.set(r.batch, r);
  // A worker that fails to start or dies leaves its batches untaken or unanswered: the main thread checks those after.
  const running = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(script, { workerData: job });
        worker.on("message", keep);
        worker.on("error", () => resolve());
        worker.on("exit", () => resolve());
      }),
  );
  if (spread.mainTakes ?? true) takeBatches(job, keep);
  await Promise.all(running);
  const out: PlanFindings[] = [];
  const check = checkRun(base, named, walked);
  for (let batch = 0; batch < batchCount(job); batch++) {
    const r = results.get(batch);
    if (r === undefined) out.push(...job.planFiles.slice(batch * BATCH, (batch + 1) * BATCH).map(check));
    else if ("error" in r) throw r.error.where !== undefined && r.error.problem !== undefined ? new InputError(r.error.where, r.error.problem) : new Error(r.error.message);
    else out.push(...r.findings);
  }
  return out;
}
