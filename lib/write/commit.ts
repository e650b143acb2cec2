/**
 * All or nothing: every new content is staged in a temporary file beside its
 * target, then each is renamed into place, keeping each original until all are
 * in place. Any failure (a write error, an interrupt) puts back every original,
 * removes every new file and folder, and rethrows: the disk is as it was.
 */
import * as realFs from "node:fs/promises";
import path from "node:path";
import { GenerationError } from "../errors.js";
import type { Change } from "./changes.js";
import { forEachLimit } from "./limit.js";

// File-system calls in flight at once: enough to keep libuv's thread pool busy.
const PARALLEL = 16;

/** The file-system calls the commit makes; tests pass the real ones wrapped to fail at a chosen call. */
export interface CommitIo {
  mkdir(p: string): Promise<unknown>;
  writeFile(p: string, data: string, opts: { flag: string }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
  rmdir(p: string): Promise<void>;
  access(p: string): Promise<void>;
}

export const nodeIo: CommitIo = {
  mkdir: (p) => realFs.mkdir(p),
  writeFile: (p, data, opts) => realFs.writeFile(p, data, opts),
  rename: realFs.rename,
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
  /** The new content is in place (else only the original was moved aside). */
  done?: boolean;
}

const exists = (io: CommitIo, p: string): Promise<boolean> =>
  io.access(p).then(
    () => true,
    () => false,
  );

/** Writes the changes whose action is create or overwrite, below `destDir`. */
export async function commit(destDir: string, changes: readonly Change[], options: { io?: CommitIo; signal?: AbortSignal } = {}): Promise<void> {
  const io = options.io ?? nodeIo;
  const writes = changes.filter((c) => c.action === "create" || c.action === "overwrite");
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const createdDirs: string[] = [];
  const staged: string[] = [];
  const placed: Placed[] = [];
  const checkpoint = (): void => {
    if (options.signal?.aborted) throw new Interrupted();
  };
  const tempOf = (i: number): string => {
    const target = path.join(destDir, writes[i]!.path);
    return path.join(path.dirname(target), `.${path.basename(target)}.mjoplan-new-${tag}-${i}`);
  };
  try {
    // Folders first, one at a time (two writes may need the same one), then the files in parallel.
    for (const dir of [...new Set(writes.map((c) => path.dirname(path.join(destDir, c.path))))].sort()) {
      checkpoint();
      await makeDirs(io, dir, createdDirs);
    }
    await forEachLimit(writes, PARALLEL, async (change, i) => {
      checkpoint();
      await io.writeFile(tempOf(i), change.after, { flag: "wx" });
      staged.push(tempOf(i));
    });
    await forEachLimit(writes, PARALLEL, async (change, i) => {
      checkpoint();
      const target = path.join(destDir, change.path);
      const entry: Placed = { target, temp: tempOf(i) };
      if (change.action === "overwrite") {
        const backup = path.join(path.dirname(target), `.${path.basename(target)}.mjoplan-old-${tag}-${i}`);
        await io.rename(target, backup);
        entry.backup = backup;
      }
      placed.push(entry);
      await io.rename(entry.temp, target);
      entry.done = true;
    });
  } catch (error) {
    await rollback(io, staged, placed, createdDirs);
    if (error instanceof Interrupted) throw error;
    throw new GenerationError(`writing failed, nothing was changed: ${(error as Error).message}`, { cause: error });
  }
  // Every file is in place: only now may the originals go.
  for (const p of placed) if (p.backup) await io.unlink(p.backup).catch(() => undefined);
}

async function makeDirs(io: CommitIo, dir: string, created: string[]): Promise<void> {
  if (await exists(io, dir)) return;
  await makeDirs(io, path.dirname(dir), created);
  await io.mkdir(dir);
  created.push(dir);
}

/** Best effort on every step, so one failure does not stop the rest of the undo. */
async function rollback(io: CommitIo, staged: string[], placed: Placed[], createdDirs: string[]): Promise<void> {
  const quietly = (p: Promise<unknown>) => p.catch(() => undefined);
  for (const p of [...placed].reverse()) {
    if (p.done && !p.backup) await quietly(io.unlink(p.target));
    if (p.backup) await quietly(io.rename(p.backup, p.target));
  }
  for (const temp of staged) await quietly(io.unlink(temp));
  for (const dir of [...createdDirs].reverse()) await quietly(io.rmdir(dir));
}
