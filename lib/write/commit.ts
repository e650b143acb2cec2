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
  backup?: string;
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
  try {
    for (const [i, change] of writes.entries()) {
      checkpoint();
      const target = path.join(destDir, change.path);
      await makeDirs(io, path.dirname(target), createdDirs);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.mjoplan-new-${tag}-${i}`);
      await io.writeFile(temp, change.after, { flag: "wx" });
      staged.push(temp);
    }
    for (const [i, change] of writes.entries()) {
      checkpoint();
      const target = path.join(destDir, change.path);
      const entry: Placed = { target };
      if (change.action === "overwrite") {
        const backup = path.join(path.dirname(target), `.${path.basename(target)}.mjoplan-old-${tag}-${i}`);
        await io.rename(target, backup);
        entry.backup = backup;
      }
      placed.push(entry);
      await io.rename(staged[i]!, target);
    }
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
    if (p.backup) await quietly(io.rename(p.backup, p.target));
    else await quietly(io.unlink(p.target));
  }
  for (const temp of staged) await quietly(io.unlink(temp));
  for (const dir of [...createdDirs].reverse()) await quietly(io.rmdir(dir));
}
