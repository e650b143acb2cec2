/**
 * A batch's use-cases rendered on worker threads, handed to the run in the batch's order. Rendering
 * a use-case is a pure function of its input and the run's context, and takes most of a batch's CPU;
 * the main thread keeps everything else as one thread does it (checking paths, comparing with the
 * disk, staging, the journal, the all-or-nothing commit), so what the run writes, the order of its
 * report and the failure it stops at are the same as on one thread. Each worker loads the generators
 * once (dist/bin/mjoplan-render.cjs) and renders the inputs it is sent, a few at a time, for as long
 * as the batch runs; the main thread sends no more than a few use-cases ahead of what it has taken,
 * so the batch's memory holds a few rendered use-cases, not the batch's.
 *
 * A use-case a worker could not render (bad input found while rendering it, a team template that
 * fails, a worker that died) is rendered again on the main thread when the run reaches it: the
 * error it throws is then the one a single thread throws, with its class and message, and a use-case
 * after it in the batch that failed too cannot be named first.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { MessagePort } from "node:worker_threads";
import { fewestBusyNow } from "../busy-cores.js";
import type { BuildContext, GeneratorDefinition, Inputs } from "../generator.js";
import type { InputOf, Schema } from "../schema/field.js";
import { fileOfBytes, type PlannedFile } from "../write/planned-file.js";
import { Interrupted } from "../write/commit.js";

/** Fewer use-cases than this are rendered on the main thread: a worker's start (loading the generators) costs about as much as rendering tens of them. */
export const THREADS_FROM = 64;
/**
 * At most this many workers: each holds its own copy of the generators and its own heap (WORKER_HEAP). With one worker a
 * batch peaked at 154 MiB for 1,000 use-cases and 171 MiB for 5,000; with two (on 3 or more idle cores) at about 200 and 220.
 */
const MAX_WORKERS = 2;
/**
 * A worker's heap, in MiB: V8 would let each grow to several times what it keeps alive (a rendered plan is a 200 KB
 * string, garbage once sent), and two workers beside the main thread then peaked at 270 MiB for 1,000 use-cases; so
 * limited, 190 MiB, and flat with the batch. A worker that needs more (a team's very large templates or packs) runs out
 * and ends: the main thread renders what it had, and the rest, itself. The young generation is 16 MiB, not 8: with
 * 8 (semi-spaces of about 2.7 MiB) a use-case's rendering, which allocates over a megabyte, met a scavenge more often
 * than not, and what it still held (its model, the plan being joined) was copied and promoted to the old generation;
 * with 16, side by side under load 7, about 0.3 ms less CPU a use-case on the render thread and 0.1-0.3 on V8's own
 * threads, for 10-14 MiB more at peak (1,000 use-cases: 160-164 MiB against 147-150; 5,000: 175 against 165).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 48 };
/** Use-cases sent to a worker in one message. */
const CHUNK = 4;
/** Use-cases sent ahead of the one the run is at, per worker: enough that no worker waits, few enough that memory holds only these. */
const AHEAD_PER_WORKER = 2 * CHUNK;

/** What each worker starts with. */
export interface WorkerSetup {
  generator: string;
  context: Omit<BuildContext, "read" | "progress">;
  /** Where `context.read` reads (the run's --dest), when the run's context reads the disk. */
  readDest: string | undefined;
  /** One Int32 the main thread bumps after each message it sends on `port`: the worker sleeps on it (Atomics.wait) while it has nothing to render. */
  posted: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * From the main thread to a worker: inputs to render (`first` is the batch index of the first), a buffer it sent that
 * the run is done with (to send files in again), or the end of the batch.
 */
export type ToWorker = { first: number; inputs: unknown[] } | { reuse: ArrayBuffer } | { done: true };
/**
 * A file as a worker sends it: its content as the bytes `start` to `end` of its use-case's buffer (UTF-8), and a
 * plan's markers counted, and its written-files hash taken (lib/merge/written-stamp.ts). The buffer is moved to the main thread, not copied, and the main thread never makes the
 * text unless something reads it: its heap holds no use-case's text (a plan is 200 KB of it).
 */
export type SentFile = Omit<PlannedFile, "content" | "bytes" | "placeholders" | "writtenHash" | "roomAfter"> & { start: number; end: number; placeholders?: number; writtenHash?: string; again?: true; roomAfter?: true };
/** From a worker: one use-case's files, or the index it could not render (undefined: it failed before rendering any). */
export type FromWorker = { index: number; files: SentFile[]; bytes: ArrayBuffer } | { failed: number | undefined };

/**
 * The files a worker sent, as the run's PlannedFiles: each keeps its bytes, and decodes its content when it is first read.
 * A create-only file (the shared kernel, ports and fakes every use-case of a batch comes with) that the worker sent
 * before with the same content comes `again`, without bytes: it is the one received then (`shared`, this worker's), so
 * neither thread encodes or decodes those 30 KB a use-case again, and the batch's check that they agree compares one string.
 */
function received(files: readonly SentFile[], buffer: ArrayBuffer, shared: Map<string, PlannedFile>): PlannedFile[] {
  return files.map(({ start, end, placeholders, writtenHash, again, roomAfter, ...file }) => {
    if (again) {
      const before = shared.get(file.path);
      if (before === undefined) throw new Error(`a render thread sent ${file.path} again before sending it`);
      return before;
    }
    const out = fileOfBytes(file, new Uint8Array(buffer, start, end - start), { placeholders, writtenHash, ...(roomAfter ? { roomAfter } : {}) });
    if (file.mode === "create-only") shared.set(file.path, out);
    return out;
  });
}

/**
 * Worker threads worth starting for a batch of `count`: MJOPLAN_THREADS when set (0: render on the main thread), else
 * one per core not already busy beyond the main thread's (as make -l does, and check: on shared cores under load a thread
 * more only competes).
 * A core is busy when a thread other than this one runs on it (lib/busy-cores.ts): Linux counts the threads runnable at
 * this moment in /proc/loadavg's fourth field; the last minute's load average would still count the commands a script ran
 * just before, and leave a free core unused (it is used where there is no /proc; 0 where the system has none, on Windows).
 * `busy`: how many cores other work keeps busy (a test gives it).
 */
export function renderThreads(count: number, env: Readonly<Record<string, string | undefined>> = process.env, busy: () => number = fewestBusyNow): number {
  const set = env["MJOPLAN_THREADS"];
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(Number(set), MAX_WORKERS, count);
  if (count < THREADS_FROM) return 0;
  // The main thread keeps a core busy with the writes (and V8's collector threads share the cores): workers take the
  // other idle ones. On 2 idle cores one worker renders as fast as two (measured: the same CPU time in all, the run
  // bound by the cores either way) in 45 MiB less; with no core to spare one thread does it all, as before.
  // The fewest busy over a few looks some milliseconds apart (at most ~15 ms, a few use-cases' rendering): a single look
  // counts a thread that runs for a moment (a poller's tick, this process's own compiler thread between the two reads that
  // tell it apart) as a busy core. The quiet runs of npm run bench rendered their batches of 1,000 on the main thread alone
  // (render threads 0.0 ms a use-case, two runs a session apart), those of 5,000 on a render thread; with the looks, two
  // runs started it for 1,000 too (4.8 and 5.7 ms a use-case on it; 138 and 133 use-cases/s against 83 before).
  const idle = Math.floor(os.availableParallelism() - busy());
  return Math.max(0, Math.min(MAX_WORKERS, idle - 1));
}

/**
 * Less work for V8's optimizing compiler for the rest of the process: a batch renders each use-case through a few
 * large functions (normalize, the catalogue, the handler's model, applying packs, the steps) called once per use-case,
 * which V8 optimizes, with all they call inlined, again and again as it meets new object shapes: compiles of hundreds
 * of milliseconds each, on V8's own threads, about 2.8 ms of CPU per use-case of a batch of 1,000 (one render thread).
 * A smaller inlining budget (200 bytes of bytecode, default 920) took that to 2.1-2.5 ms; leaving functions of more
 * than 400 bytes of bytecode unoptimized (default 60 KB) takes it to about 1.5-1.6 ms, while the render thread's CPU
 * time stays the same or less (measured side by side): such a function runs once per use-case, so its optimized code
 * saves less than compiling it costs, and the small functions it calls, where the time goes, are still optimized.
 * The interrupt budget (how much bytecode a function runs before V8 considers optimizing it) is 1 MB rather than
 * 132 KB: most of what a batch optimizes at the default is warm, not hot (run a few times per use-case), and its
 * compiles, on V8's own threads, cost more than the optimized code saves over 1,000 use-cases; with the larger budget
 * the hot loops (escaping, the templates' joins, the packs' matching) are still optimized, a little later. Measured
 * side by side (1,000 use-cases, one render thread, load 3-10, 9-11 runs): V8's threads 1.07-1.27 to 0.61-0.72 ms of CPU
 * a use-case, the render thread 4.33 to 4.52 on average (within the noise; 512 KB: 4.48); at 5,000 the render thread
 * 3.91 to 3.72 and the peak 182 to 171 MiB (README, Performance).
 * For a batch only: one use-case's run ends before V8 optimizes anything.
 *
 * Set before the batch's entries are checked (lib/cli/main.ts: the checks run on the main thread, before anything is
 * rendered), not only when the rendering starts: checking 5,000 entries with V8's defaults (1.3 ms of CPU an entry under
 * load) optimized the checks' large functions with all they call inlined, on V8's two compiler threads, whose
 * compiles' working memory (zones, malloc'ed by those threads) left two of glibc's arenas at 9-10 MiB each for the rest
 * of the process, where a batch of 1,000's checks left them at 1-2 MiB: the batch of 5,000 started rendering 47 MiB
 * above the batch of 1,000 (main thread 25 MiB of it, its young generation grown by the longer checks, which the batch
 * of 1,000 reaches anyway while it renders; arenas 19 MiB) and peaked 19-20% above it (151 / 182 MiB, one render thread).
 * `count`: the batch's use-cases; fewer than THREADS_FROM keep V8's defaults.
 */
export function tuneCompilerForBatch(count: number, setFlags: (flags: string) => void): void {
  if (count < THREADS_FROM || tuned) return;
  tuned = true;
  setFlags(`--max-inlined-bytecode-size-cumulative=200`);
  setFlags(`--max-optimized-bytecode-size=400`);
  setFlags(`--interrupt-budget=${1 << 20}`);
}
let tuned = false;

/** The bundled worker script beside the bundled run, or beside tsc's output; undefined when not built. */
function workerScript(): string | undefined {
  for (const relative of ["./mjoplan-render.cjs", "../../bin/mjoplan-render.cjs"]) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return fileURLToPath(url);
  }
  return undefined;
}

/**
 * Each input's files, in the batch's order: rendered by `workers` threads, or by `generator.build` on this
 * thread when there are none (or no worker script). `context.progress` is called as each use-case is taken.
 */
export async function* builtInOrder<S extends Schema>(
  generator: GeneratorDefinition<S>,
  inputs: Inputs<S>,
  context: BuildContext,
  /**
   * `reuse`: the run keeps nothing of a use-case's files once it asks for the next (a writing batch that asks no person
   * about conflicts): the buffer each came in goes back to its worker, to send another use-case in.
   */
  options: { workers: number; dest: string; signal?: AbortSignal; reuse?: boolean },
): AsyncGenerator<PlannedFile[]> {
  // Set already where the CLI checked the batch's entries; a batch run through the plopfile's action sets it here.
  if (inputs.length >= THREADS_FROM) tuneCompilerForBatch(inputs.length, (await import("node:v8")).setFlagsFromString);
  const script = options.workers > 0 ? workerScript() : undefined;
  if (script === undefined) {
    yield* generator.build(inputs, context);
    return;
  }
  const { Worker, MessageChannel } = await import("node:worker_threads");
  const { read, progress, ...shared } = context;
  const total = inputs.length;
  interface Thread {
    worker: InstanceType<typeof Worker>;
    port: MessagePort;
    posted: Int32Array;
    /** The use-cases sent to it and not answered yet. */
    sent: Set<number>;
    /** The create-only files it sent, by path (received: what a file sent `again` is). */
    shared: Map<string, PlannedFile>;
    dead: boolean;
  }
  /** Each use-case sent and not yet taken by the run: its input, kept to render here if its thread fails. */
  const held = new Map<number, InputOf<S>>();
  /** Answers not yet taken: a use-case's files, or "here" where this thread renders it. */
  const results = new Map<number, PlannedFile[] | "here">();
  /** The buffer each answer came in, and its thread: handed back once the run is done with it (options.reuse). */
  const buffers = new Map<number, { t: Thread; buffer: ArrayBuffer }>();
  let wake: (() => void) | undefined;
  const changed = (): void => {
    wake?.();
    wake = undefined;
  };
  const send = (t: Thread, message: ToWorker): void => {
    t.port.postMessage(message);
    Atomics.add(t.posted, 0, 1);
    Atomics.notify(t.posted, 0);
  };
  /** A thread that failed or ended: whatever it had not answered is rendered here. */
  const lose = (t: Thread): void => {
    if (t.dead) return;
    t.dead = true;
    for (const index of t.sent) results.set(index, "here");
    t.sent.clear();
    changed();
  };
  const threads: Thread[] = Array.from({ length: options.workers }, () => {
    const { port1, port2 } = new MessageChannel();
    const posted = new SharedArrayBuffer(4);
    const setup: WorkerSetup = { generator: generator.name, context: shared, readDest: read ? options.dest : undefined, posted, port: port2 };
    const worker = new Worker(script, { workerData: setup, transferList: [port2], stdout: false, stderr: false, resourceLimits: WORKER_HEAP });
    const t: Thread = { worker, port: port1, posted: new Int32Array(posted), sent: new Set(), shared: new Map(), dead: false };
    worker.on("message", (m: FromWorker) => {
      if ("files" in m && t.sent.delete(m.index)) {
        let files: PlannedFile[] | "here";
        try {
          files = received(m.files, m.bytes, t.shared);
          held.delete(m.index);
          // A buffer holding a create-only file stays (the thread's `shared` keeps the file); the others can come back.
          if (options.reuse && !m.files.some((f) => f.mode === "create-only" && !f.again)) buffers.set(m.index, { t, buffer: m.bytes });
        } catch {
          // Not sent as received() expects (cannot happen with the worker's own sendable): rendered here, the thread dropped.
          files = "here";
          lose(t);
        }
        results.set(m.index, files);
        changed();
      } else lose(t);
    });
    worker.on("error", () => lose(t));
    worker.on("exit", () => lose(t));
    return t;
  });
  // Rendering here, only what a worker could not render: one build for the run, fed an input at a time.
  const queue: InputOf<S>[] = [];
  let here: Iterator<PlannedFile[]> | undefined;
  const renderHere = (input: InputOf<S>): PlannedFile[] => {
    here ??= generator.build({ length: total, *[Symbol.iterator]() { while (queue.length) yield queue.shift()!; } }, { ...shared, ...(read ? { read } : {}) })[Symbol.iterator]();
    queue.push(input);
    const next = here.next();
    if (next.done) throw new Error("the generator rendered nothing for a use-case");
    return next.value;
  };
  const source = inputs[Symbol.iterator]();
  let dispatched = 0;
  /** Sends inputs until the run is a few use-cases per thread ahead of `at`, each chunk to the live thread with the fewest unanswered. */
  const dispatch = (at: number): void => {
    const live = threads.filter((t) => !t.dead);
    while (dispatched < total && dispatched < at + AHEAD_PER_WORKER * Math.max(1, live.length)) {
      const first = dispatched;
      const chunk: InputOf<S>[] = [];
      for (let k = 0; k < CHUNK && first + k < total; k++) {
        const next = source.next();
        if (next.done) break;
        chunk.push(next.value);
        held.set(first + k, next.value);
      }
      if (chunk.length === 0) return;
      dispatched += chunk.length;
      const to = live.sort((a, b) => a.sent.size - b.sent.size)[0];
      if (to) {
        for (let k = 0; k < chunk.length; k++) to.sent.add(first + k);
        send(to, { first, inputs: chunk });
      } else for (let k = 0; k < chunk.length; k++) results.set(first + k, "here");
    }
  };
  const onAbort = (): void => changed();
  options.signal?.addEventListener("abort", onAbort);
  try {
    for (let index = 0; index < total; index++) {
      dispatch(index);
      while (!results.has(index)) {
        if (options.signal?.aborted) throw new Interrupted();
        await new Promise<void>((resolve) => (wake = resolve));
      }
      if (options.signal?.aborted) throw new Interrupted();
      const result = results.get(index)!;
      results.delete(index);
      const files = result === "here" ? renderHere(held.get(index)!) : result;
      held.delete(index);
      progress?.(index + 1, total);
      yield files;
      // The run asks for the next use-case: it is done with this one's files (it writes them before it asks).
      const used = buffers.get(index);
      buffers.delete(index);
      if (used && !used.t.dead) used.t.port.postMessage({ reuse: used.buffer } satisfies ToWorker, [used.buffer]);
    }
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    for (const t of threads) {
      if (!t.dead) send(t, { done: true });
      t.dead = true;
      void t.worker.terminate();
    }
  }
}

