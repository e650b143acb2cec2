/**
 * A worker thread of a batch (lib/run/render-threads.ts): renders the inputs the main thread sends,
 * with the run's generator and context, for as long as the batch runs, and sends back each
 * use-case's files in the order it rendered them. It writes nothing.
 */
import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { countPlaceholders } from "../check/plan-facts.js";
import { hashOf } from "../merge/written-stamp.js";
import type { Inputs, Registry } from "../generator.js";
import type { PlannedFile } from "../write/planned-file.js";
import type { Schema } from "../schema/field.js";
import { readerBelow } from "./build-context.js";
import type { FromWorker, SentFile, ToWorker, WorkerSetup } from "./render-threads.js";

/**
 * Where a use-case's texts are encoded first, reused for every use-case: sized for the worst case (3 bytes per UTF-16
 * unit), so each text is encoded in one pass. Buffer.byteLength first, to size the buffer exactly, walked every text
 * once more (a plan is 100 KB, and one character beyond Latin-1 makes V8 hold it as two bytes a character, which
 * byteLength walks slowly).
 */
let scratch: Buffer | undefined;

/**
 * Buffers the main thread has written and handed back (ToWorker `reuse`): a use-case's files are copied into one of
 * them rather than into memory allocated for each use-case and freed by the main thread's collector some time later
 * (200 KB a use-case, outside both heaps: with thousands of use-cases the process's native memory grew with the batch).
 */
const pool: ArrayBuffer[] = [];
/** More than the run ever has in flight (AHEAD_PER_WORKER and the one being written). */
const POOL_MOST = 32;

/** A buffer of at least `size` bytes to send: one handed back, else a new one with room for a somewhat longer use-case. */
function bufferFor(size: number): ArrayBuffer {
  for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.byteLength >= size) return pool.splice(i, 1)[0]!;
  // Not from Node's shared pool: the buffer leaves this thread.
  return Buffer.allocUnsafeSlow(Math.max(size + (size >> 2), 256 << 10)).buffer as ArrayBuffer;
}

/** The create-only files sent to the main thread so far, by path: one sent again with the same content goes without its bytes (SentFile.again). */
const sentShared = new Map<string, string>();

/**
 * Room kept after the last file of a use-case's buffer: where the main thread appends the plan's written-files stamp
 * (a line of paths and hashes, about 1 KB for a use-case's files) without copying the plan (PlannedFile.roomAfter).
 */
const STAMP_ROOM = 16 << 10;

/**
 * One use-case's files for the main thread: their texts encoded into one buffer of their own, which the message moves.
 * The plan goes last in the buffer (the files keep their order in the message), with room after it for its stamp.
 */
function sendable(index: number, files: readonly PlannedFile[]): { message: FromWorker; transfer: ArrayBuffer[] } {
  const again = files.map((f) => f.mode === "create-only" && sentShared.get(f.path) === f.content);
  let most = 0;
  for (let i = 0; i < files.length; i++) if (!again[i]) most += files[i]!.content.length * 3;
  if (scratch === undefined || scratch.length < most) scratch = Buffer.allocUnsafeSlow(Math.max(most, 1 << 20));
  const into = scratch;
  let at = 0;
  // The one plan encoded last (the first plan, where a use-case had several: any other goes where it stands).
  let last = -1;
  for (let i = 0; i < files.length && last < 0; i++) if (files[i]!.isPlan && !again[i]) last = i;
  const sent: SentFile[] = new Array(files.length);
  const encode = (i: number): void => {
    const { content, ...file } = files[i]!;
    if (again[i]) {
      sent[i] = { ...file, start: at, end: at, again: true };
      return;
    }
    if (file.mode === "create-only") sentShared.set(file.path, content);
    const start = at;
    at += into.write(content, start, "utf8");
    // The stamp's hash is taken here, beside the rendering, so the main thread need not decode the text (the kernel's shared files have none).
    sent[i] = {
      ...file,
      start,
      end: at,
      ...(file.isPlan ? { placeholders: countPlaceholders(content) } : {}),
      ...(file.mode === "create-only" ? {} : { writtenHash: hashOf(content, file.isPlan) }),
      ...(i === last ? { roomAfter: true as const } : {}),
    };
  };
  for (let i = 0; i < files.length; i++) if (i !== last) encode(i);
  if (last >= 0) encode(last);
  const all = bufferFor(last >= 0 ? at + STAMP_ROOM : at);
  into.copy(new Uint8Array(all), 0, 0, at);
  return { message: { index, files: sent, bytes: all }, transfer: [all] };
}

export function serveRenders(registry: Registry, parent: MessagePort, setup: WorkerSetup): void {
  const { generator: name, context, readDest, posted, port } = setup;
  const flag = new Int32Array(posted);
  /** The next message; while there is none, the thread sleeps until the main thread bumps `posted`. */
  const take = (): ToWorker => {
    for (;;) {
      const seen = Atomics.load(flag, 0);
      const message = receiveMessageOnPort(port);
      if (message) return message.message as ToWorker;
      Atomics.wait(flag, 0, seen);
    }
  };
  /** The batch index of the input being rendered. */
  let at: number | undefined;
  // One build for the whole batch (its renderer compiled once), over inputs that arrive as the main thread sends them.
  const inputs = {
    length: Number.MAX_SAFE_INTEGER,
    *[Symbol.iterator]() {
      for (;;) {
        const message = take();
        if ("done" in message) return;
        if ("reuse" in message) {
          if (pool.length < POOL_MOST) pool.push(message.reuse);
          continue;
        }
        for (let k = 0; k < message.inputs.length; k++) {
          at = message.first + k;
          yield message.inputs[k];
        }
      }
    },
  } as unknown as Inputs<Schema>;
  try {
    const generator = registry[name];
    if (!generator) throw new Error(`no generator named ${name}`);
    for (const files of generator.build(inputs, { ...context, ...(readDest !== undefined ? { read: readerBelow(readDest) } : {}) })) {
      const { message, transfer } = sendable(at!, files);
      parent.postMessage(message, transfer);
    }
  } catch {
    // The main thread renders this use-case itself, and fails there with the error one thread gives.
    parent.postMessage({ failed: at } satisfies FromWorker);
  }
  port.close();
}
