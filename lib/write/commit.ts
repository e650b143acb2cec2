/**
 * All or nothing: every new content is staged in a temporary file beside its
 * target, then each is renamed over its target (an atomic replace: at no moment
 * is a target path empty, whatever kills the process). Each original stays
 * reachable through a hard link until all are in place. Any failure (a write
 * error, a full disk, an interrupt) puts back every original, removes every
 * temporary file and every folder the run created, and rethrows: the disk is as
 * it was. What the commit will create is handed to `journal` before the first
 * change, so a run killed outright leaves a list the next run cleans up.
 */
import { accessSync, closeSync, constants, copyFileSync, linkSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
// Named imports: the bin loads node:fs/promises when one of them is first called (bin/mjoplan.ts), which a run without an undo or an overwrite never does.
import { rmdir, unlink } from "node:fs/promises";
import path from "node:path";
import { isNormalAbsolute, joinLink } from "../check/join-link.js";
import { GenerationError } from "../errors.js";
import { besideAs, folderOf } from "../plain-path.js";
import type { Change } from "./changes.js";
import { FOLDERS_REMEMBERED } from "./inside.js";
import { forEachLimit } from "./limit.js";
import { TEMP_MARK, type Journal } from "./lock.js";
import { RecordFile } from "./record-file.js";

// File-system calls in flight at once: enough to keep libuv's thread pool busy.
const PARALLEL = 16;

/** The file-system calls the commit makes; tests pass the real ones wrapped to fail at a chosen call. */
export interface CommitIo {
  mkdir(p: string): Promise<unknown>;
  writeFile(p: string, data: string | Uint8Array, opts: { flag: string }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Keeps `from` reachable as `to` (a hard link, or a copy where links are not supported). */
  preserve(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
  rmdir(p: string): Promise<void>;
  access(p: string): Promise<void>;
}

/**
 * The real calls, synchronous under their promises: a batch makes tens of
 * thousands of small metadata calls, and each costs less made at once than
 * queued to the thread pool and back (a third less, measured on 13,000 files).
 * The loops that make them yield to the event loop now and then (yieldEvery),
 * so a signal is still handled at once.
 */
export const nodeIo: CommitIo = {
  mkdir: async (p) => mkdirSync(p),
  writeFile: async (p, data, opts) => writeText(p, data, opts.flag),
  rename: async (from, to) => renameSync(from, to),
  preserve: async (from, to) => {
    try {
      linkSync(from, to);
    } catch (e) {
      if (!["EPERM", "ENOTSUP", "EXDEV", "EMLINK", "ENOSYS"].includes((e as NodeJS.ErrnoException).code ?? "")) throw e;
      copyFileSync(from, to, constants.COPYFILE_EXCL);
    }
  },
  // The undo's unlink and rmdir stay on the thread pool: removing thousands of folders in parallel is what ends an interrupted batch within a second.
  unlink: (p) => unlink(p),
  rmdir: (p) => rmdir(p),
  access: async (p) => accessSync(p),
};

/**
 * Writes `data` to a new file: the text is encoded straight into the write (fs.writeSync
 * with a string), where writeFileSync would first make a Buffer of it, a block of memory
 * outside the heap that lives until the next collection (a batch writes thousands).
 */
function writeText(p: string, data: string | Uint8Array, flag: string): void {
  const fd = openSync(p, flag, 0o666);
  try {
    if (typeof data !== "string") {
      for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
      return;
    }
    const written = writeSync(fd, data);
    const bytes = Buffer.byteLength(data);
    // A short write (rare on a regular file): the rest as bytes.
    if (written < bytes) {
      const buffer = Buffer.from(data);
      for (let at = written; at < bytes; ) at += writeSync(fd, buffer, at, bytes - at);
    }
  } finally {
    closeSync(fd);
  }
}

/** Lets the event loop run (signals, timers) once every `n` calls: synchronous file calls in a loop would starve it. */
function yieldEvery(n: number): () => Promise<void> | void {
  let calls = 0;
  return () => (++calls % n === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined);
}

export class Interrupted extends Error {
  constructor() {
    super("interrupted; nothing was written");
    this.name = "Interrupted";
  }
}


const exists = (io: CommitIo, p: string): Promise<boolean> =>
  io.access(p).then(
    () => true,
    () => false,
  );

export interface CommitOptions {
  io?: CommitIo;
  signal?: AbortSignal;
  /** Receives, before the first change, every temporary file and folder the commit may create (relative to destDir). */
  journal?: (entries: Journal) => Promise<void>;
  /** Checked right before each file is staged and before it is put in place (a folder swapped for a link since the plan was made). */
  guard?: (rel: string) => Promise<void>;
}

/**
 * The name of a temporary file beside `target`: hidden, and marked as mjoplan's. Made by slicing where it can
 * (lib/plain-path.ts): a scaffold names some 90 of them, with as many paths joined in targetOf.
 */
export function tempName(target: string, tag: string, i: number, kind: "new" | "old"): string {
  return besideAs(target, ".", `${TEMP_MARK}${tag}.${i}.${kind}`);
}

/** Writes the changes whose action is create or overwrite, below `destDir`: all staged, then all placed. */
export async function commit(destDir: string, changes: readonly Change[], options: CommitOptions = {}): Promise<void> {
  const staging = new Staging(destDir, options);
  await staging.stage(changes);
  await staging.commit();
}

/** Where one staged file goes; its temporary names follow from its index (tempName). */
interface Staged {
  rel: string;
  overwrite: boolean;
}

// How far each staged file got in the commit: its original preserved, its new content in place.
const PRESERVED = 1;
const PLACED = 2;

/** Staged files committed (and rolled back) a chunk at a time: what the run holds in memory of them at once. */
const CHUNK = 1024;

const stagedLine = (entry: Staged): string => `${entry.overwrite ? 1 : 0}${JSON.stringify(entry.rel)}`;
const stagedOf = (line: string): Staged => ({ overwrite: line[0] === "1", rel: JSON.parse(line.slice(1)) as string });

/** The records of `file` in arrays of `size`, each parsed by `parse`. */
function* chunksOf<T>(file: RecordFile, size: number, parse: (line: string) => T): Generator<T[]> {
  let chunk: T[] = [];
  for (const line of file.lines()) {
    chunk.push(parse(line));
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/**
 * A commit in two steps, so a batch never holds all its output in memory: each
 * use-case's files are staged (written to temporaries beside their targets) as
 * they are rendered, and their text can go; `commit` then renames every staged
 * file into place. What each step creates is journaled before it is created, as
 * the one-shot commit did. Any failure, in either step, undoes everything staged
 * so far; after one, the staging is spent. The staging's own records (each
 * staged file, each folder it made) are kept in record files on disk, not in
 * memory: a batch of 5,000 use-cases holds no more of them than a batch of 50.
 */
export class Staging {
  private readonly io: CommitIo;
  private readonly tag = `${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  /** One record per staged file, in staging order (its index names its temporaries). */
  private readonly staged = new RecordFile();
  /** One record per folder this staging created: `<depth> <JSON path>`. */
  private readonly createdDirs = new RecordFile();
  private deepest = 0;
  /** Folders known to exist (there before, or created by this staging): looked up once each. */
  private readonly knownDirs = new Set<string>();
  /** The commit's progress: every file before `placed` is in place; those of the chunk being committed (from `chunkStart`) are in `state`. */
  private placed = 0;
  private chunkStart = 0;
  private state = new Uint8Array(0);
  /** The event loop gets a turn every 64 file calls, across steps (a step of one use-case makes about 13). */
  private readonly pause = yieldEvery(64);
  private spent = false;

  constructor(
    private readonly destDir: string,
    private readonly options: CommitOptions = {},
  ) {
    this.io = options.io ?? nodeIo;
  }

  private targetOf(rel: string): string {
    return joinLink(this.destDir, rel);
  }

  private checkpoint(): void {
    if (this.options.signal?.aborted) throw new Interrupted();
  }

  /** How many files are staged. */
  get size(): number {
    return this.staged.length;
  }

  /** How the commit got on with the staged file `i`. */
  private stateOf(i: number): number {
    if (i < this.placed) return PLACED;
    return this.state[i - this.chunkStart] ?? 0;
  }

  /** Writes the new content of each create or overwrite to a temporary file beside its target. */
  async stage(changes: readonly Change[]): Promise<void> {
    if (this.spent) throw new Error("a failed or committed staging cannot be used again");
    const writes = changes.filter((c) => c.action === "create" || c.action === "overwrite");
    if (writes.length === 0) return;
    const base = this.staged.length;
    // A folder below a normal destDir, as the joins above make it, is its path after destDir's: path.relative's answer.
    const below = isNormalAbsolute(this.destDir) ? `${this.destDir === "/" ? "" : this.destDir}/` : undefined;
    const rel = (p: string): string => (below !== undefined && p.length > below.length && p.startsWith(below) && isNormalAbsolute(p) ? p.slice(below.length) : path.relative(this.destDir, p));
    try {
      this.checkpoint();
      for (const c of writes) this.staged.append(stagedLine({ rel: c.path, overwrite: c.action === "overwrite" }));
      const tempOf = (j: number): string => tempName(this.targetOf(writes[j]!.path), this.tag, base + j, "new");
      // Bounded like the run's other folder caches: a folder forgotten is only looked at again.
      if (this.knownDirs.size >= FOLDERS_REMEMBERED) this.knownDirs.clear();
      const dirs = [...new Set(writes.map((c) => folderOf(this.targetOf(c.path))))].filter((d) => !this.knownDirs.has(d));
      const missing = await missingDirs(this.io, dirs, this.knownDirs);
      await this.options.journal?.({
        // Named from each change's own relative path: the same names as beside its target, without a path.relative per file.
        files: writes.flatMap((c, j) => {
          const fresh = tempName(c.path, this.tag, base + j, "new");
          return c.action === "overwrite" ? [fresh, tempName(c.path, this.tag, base + j, "old")] : [fresh];
        }),
        dirs: missing.map(rel),
      });
      // Folders first, parents before children, then the files in parallel.
      for (const dir of missing) {
        this.checkpoint();
        try {
          await this.io.mkdir(dir);
          const depth = dir.split(path.sep).length;
          this.createdDirs.append(`${depth} ${JSON.stringify(dir)}`);
          this.deepest = Math.max(this.deepest, depth);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
        }
        this.knownDirs.add(dir);
      }
      // The link check once per folder of this step, right before its first file is written.
      const guarded = new Map<string, Promise<void>>();
      const guard = (p: string): Promise<void> => {
        const dir = folderOf(p, path.posix.dirname);
        let done = guarded.get(dir);
        if (!done) guarded.set(dir, (done = this.options.guard?.(p) ?? Promise.resolve()));
        return done;
      };
      await forEachLimit(writes, PARALLEL, async (change, j) => {
        await this.pause();
        this.checkpoint();
        await guard(change.path);
        await this.io.writeFile(tempOf(j), change.bytes ?? change.after, { flag: "wx" });
      });
    } catch (error) {
      throw await this.fail(error);
    }
  }

  /** Renames every staged file over its target (an original kept as a hard link until all are in place), a chunk at a time. */
  async commit(): Promise<void> {
    if (this.spent) throw new Error("a failed or committed staging cannot be used again");
    // The link check right before the first file of each run of files into one folder is placed (a use-case's
    // files come folder by folder): one realpath for the folder's few files, not one each.
    let guardedDir: string | undefined;
    let guarded: Promise<void> | undefined;
    const guard = (rel: string): Promise<void> | undefined => {
      const dir = folderOf(rel, path.posix.dirname);
      if (dir !== guardedDir) {
        guardedDir = dir;
        guarded = this.options.guard?.(rel);
      }
      return guarded;
    };
    try {
      for (const chunk of chunksOf(this.staged, CHUNK, stagedOf)) {
        this.state = new Uint8Array(chunk.length);
        await forEachLimit(chunk, PARALLEL, async (entry, j) => {
          await this.pause();
          this.checkpoint();
          await guard(entry.rel);
          const i = this.chunkStart + j;
          const target = this.targetOf(entry.rel);
          if (entry.overwrite) {
            await this.io.preserve(target, tempName(target, this.tag, i, "old"));
            this.state[j] = PRESERVED;
          }
          await this.io.rename(tempName(target, this.tag, i, "new"), target);
          this.state[j] = PLACED;
        });
        this.placed = this.chunkStart += chunk.length;
        this.state = new Uint8Array(0);
      }
    } catch (error) {
      throw await this.fail(error);
    }
    this.spent = true;
    // Every file is in place: only now may the originals go.
    let i = 0;
    for (const chunk of chunksOf(this.staged, CHUNK, stagedOf)) {
      const start = i;
      i += chunk.length;
      await forEachLimit(chunk, PARALLEL, async (entry, j) => {
        await this.pause();
        if (entry.overwrite) await this.io.unlink(tempName(this.targetOf(entry.rel), this.tag, start + j, "old")).catch(() => undefined);
      });
    }
    this.close();
  }

  /** Undoes everything staged (a run that stops before committing: bad input found late, a conflict, an interrupt). */
  async abort(): Promise<void> {
    if (this.spent) return;
    this.spent = true;
    await this.rollback();
  }

  private async fail(error: unknown): Promise<unknown> {
    this.spent = true;
    await this.rollback();
    if (error instanceof Interrupted || error instanceof GenerationError) return error;
    return new GenerationError(`writing failed, nothing was changed: ${(error as Error).message}`, { cause: error });
  }

  private close(): void {
    this.staged.close();
    this.createdDirs.close();
  }

  /** Best effort on every step, so one failure does not stop the rest of the undo; in parallel, so an interrupted batch ends within a second. */
  private async rollback(): Promise<void> {
    const quietly = (p: Promise<unknown>): Promise<void> =>
      p.then(
        () => undefined,
        () => undefined,
      );
    let i = 0;
    for (const chunk of chunksOf(this.staged, CHUNK, stagedOf)) {
      const start = i;
      i += chunk.length;
      await forEachLimit(chunk, PARALLEL, async (entry, j) => {
        const target = this.targetOf(entry.rel);
        const state = this.stateOf(start + j);
        const backup = tempName(target, this.tag, start + j, "old");
        // The original goes back over the new file in one rename: the path is never empty.
        if (state === PLACED && entry.overwrite) await quietly(this.io.rename(backup, target));
        else if (state === PLACED) await quietly(this.io.unlink(target));
        else if (state === PRESERVED) await quietly(this.io.unlink(backup));
        if (state !== PLACED) await quietly(this.io.unlink(tempName(target, this.tag, start + j, "new")));
      });
    }
    // Folders deepest first; those of one depth hold none of each other. One pass over the record file per depth.
    for (let depth = this.deepest; depth > 0; depth--) {
      const prefix = `${depth} `;
      const same: string[] = [];
      const removeSame = (): Promise<void> => forEachLimit(same.splice(0), PARALLEL, (dir) => quietly(this.io.rmdir(dir)));
      for (const line of this.createdDirs.lines()) {
        if (!line.startsWith(prefix)) continue;
        same.push(JSON.parse(line.slice(prefix.length)) as string);
        if (same.length === CHUNK) await removeSame();
      }
      await removeSame();
    }
    this.close();
  }
}

/** The folders that do not exist yet among `dirs` and their parents, parents first. `existing`: folders known to exist; those found to exist are added to it. */
async function missingDirs(io: CommitIo, dirs: string[], existing: Set<string> = new Set()): Promise<string[]> {
  const known = new Map<string, boolean>();
  const out: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    if (known.has(dir) || existing.has(dir)) return;
    // Below a folder found missing (a use-case's own folder, whose subfolders come after it in order) nothing exists: no look needed.
    if (known.get(path.dirname(dir)) === false) {
      known.set(dir, false);
      out.push(dir);
      return;
    }
    const there = await exists(io, dir);
    known.set(dir, there);
    if (there) {
      existing.add(dir);
      return;
    }
    if (path.dirname(dir) !== dir) await visit(path.dirname(dir));
    out.push(dir);
  };
  for (const dir of dirs.sort()) await visit(dir);
  return out;
}
