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
import { constants } from "node:fs";
import * as realFs from "node:fs/promises";
import path from "node:path";
import { GenerationError } from "../errors.js";
import type { Change } from "./changes.js";
import { forEachLimit } from "./limit.js";
import { TEMP_MARK, type Journal } from "./lock.js";

// File-system calls in flight at once: enough to keep libuv's thread pool busy.
const PARALLEL = 16;

/** The file-system calls the commit makes; tests pass the real ones wrapped to fail at a chosen call. */
export interface CommitIo {
  mkdir(p: string): Promise<unknown>;
  writeFile(p: string, data: string, opts: { flag: string }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Keeps `from` reachable as `to` (a hard link, or a copy where links are not supported). */
  preserve(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
  rmdir(p: string): Promise<void>;
  access(p: string): Promise<void>;
}

export const nodeIo: CommitIo = {
  mkdir: (p) => realFs.mkdir(p),
  writeFile: (p, data, opts) => realFs.writeFile(p, data, opts),
  rename: realFs.rename,
  preserve: async (from, to) => {
    try {
      await realFs.link(from, to);
    } catch (e) {
      if (!["EPERM", "ENOTSUP", "EXDEV", "EMLINK", "ENOSYS"].includes((e as NodeJS.ErrnoException).code ?? "")) throw e;
      await realFs.copyFile(from, to, constants.COPYFILE_EXCL);
    }
  },
  unlink: realFs.unlink,
  rmdir: realFs.rmdir,
  access: (p) => realFs.access(p),
};

export class Interrupted extends Error {
  constructor() {
    super("interrupted; nothing was written");
    this.name = "Interrupted";
  }
}

interface Placed {
  target: string;
  temp: string;
  backup?: string;
  /** The new content is in place (else only the original was preserved). */
  done?: boolean;
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

/** The name of a temporary file beside `target`: hidden, and marked as mjoplan's. */
export function tempName(target: string, tag: string, i: number, kind: "new" | "old"): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARK}${tag}.${i}.${kind}`);
}

/** Writes the changes whose action is create or overwrite, below `destDir`. */
export async function commit(destDir: string, changes: readonly Change[], options: CommitOptions = {}): Promise<void> {
  const io = options.io ?? nodeIo;
  const writes = changes.filter((c) => c.action === "create" || c.action === "overwrite");
  if (writes.length === 0) return;
  const tag = `${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const targetOf = (i: number): string => path.join(destDir, writes[i]!.path);
  const tempOf = (i: number): string => tempName(targetOf(i), tag, i, "new");
  const backupOf = (i: number): string => tempName(targetOf(i), tag, i, "old");
  const createdDirs: string[] = [];
  const staged: string[] = [];
  const placed: Placed[] = [];
  const checkpoint = (): void => {
    if (options.signal?.aborted) throw new Interrupted();
  };
  try {
    checkpoint();
    const missing = await missingDirs(io, [...new Set(writes.map((_, i) => path.dirname(targetOf(i))))]);
    const rel = (p: string): string => path.relative(destDir, p);
    await options.journal?.({
      files: writes.flatMap((c, i) => (c.action === "overwrite" ? [rel(tempOf(i)), rel(backupOf(i))] : [rel(tempOf(i))])),
      dirs: missing.map(rel),
    });
    // Folders first, parents before children, then the files in parallel.
    for (const dir of missing) {
      checkpoint();
      try {
        await io.mkdir(dir);
        createdDirs.push(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
    }
    await forEachLimit(writes, PARALLEL, async (change, i) => {
      checkpoint();
      await options.guard?.(change.path);
      // Recorded before the write: a write that fails half way (a full disk) still leaves a file to remove.
      staged.push(tempOf(i));
      await io.writeFile(tempOf(i), change.after, { flag: "wx" });
    });
    await forEachLimit(writes, PARALLEL, async (change, i) => {
      checkpoint();
      await options.guard?.(change.path);
      const entry: Placed = { target: targetOf(i), temp: tempOf(i) };
      placed.push(entry);
      if (change.action === "overwrite") {
        entry.backup = backupOf(i);
        await io.preserve(entry.target, entry.backup);
      }
      await io.rename(entry.temp, entry.target);
      entry.done = true;
    });
  } catch (error) {
    await rollback(io, staged, placed, createdDirs);
    if (error instanceof Interrupted || error instanceof GenerationError) throw error;
    throw new GenerationError(`writing failed, nothing was changed: ${(error as Error).message}`, { cause: error });
  }
  // Every file is in place: only now may the originals go.
  await forEachLimit(placed, PARALLEL, async (p) => {
    if (p.backup) await io.unlink(p.backup).catch(() => undefined);
  });
}

/** The folders that do not exist yet among `dirs` and their parents, parents first. */
async function missingDirs(io: CommitIo, dirs: string[]): Promise<string[]> {
  const known = new Map<string, boolean>();
  const out: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    if (known.has(dir)) return;
    const there = await exists(io, dir);
    known.set(dir, there);
    if (there) return;
    if (path.dirname(dir) !== dir) await visit(path.dirname(dir));
    out.push(dir);
  };
  for (const dir of dirs.sort()) await visit(dir);
  return out;
}

/** Best effort on every step, so one failure does not stop the rest of the undo; in parallel, so an interrupted batch ends within a second. */
async function rollback(io: CommitIo, staged: string[], placed: Placed[], createdDirs: string[]): Promise<void> {
  const quietly = (p: Promise<unknown>): Promise<void> => p.then(
    () => undefined,
    () => undefined,
  );
  await forEachLimit(placed, PARALLEL, async (p) => {
    // The original goes back over the new file in one rename: the path is never empty.
    if (p.done && p.backup) await quietly(io.rename(p.backup, p.target));
    else if (p.done) await quietly(io.unlink(p.target));
    else if (p.backup) await quietly(io.unlink(p.backup));
  });
  await forEachLimit(staged, PARALLEL, (temp) => quietly(io.unlink(temp)));
  // Folders deepest first; those of one depth hold none of each other.
  const byDepth = new Map<number, string[]>();
  for (const dir of createdDirs) {
    const depth = dir.split(path.sep).length;
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), dir]);
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) await forEachLimit(byDepth.get(depth)!, PARALLEL, (dir) => quietly(io.rmdir(dir)));
}
