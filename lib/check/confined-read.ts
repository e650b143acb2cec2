/**
 * The only way `check` and `sync` read what a plan links: a plan is text anyone
 * with a pull request can edit, so a link is never trusted. A read happens only
 * for a regular file inside the repository root, reached through no symbolic
 * link that leaves it, and never past a size cap; anything else is a refusal
 * with a reason (a finding for that plan), not a read. Synchronous on purpose
 * (see run-check.ts). realpathSync.native: one realpath(3) call, where the
 * JavaScript one calls lstat for every folder of every path (check reads thousands).
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import path from "node:path";

/** A test file larger than this is refused: 1 MiB is far more than any test file needs. */
export const MAX_LINKED_BYTES = 1024 * 1024;
/** A plan larger than this is refused (a generated plan is tens of KB). */
export const MAX_PLAN_BYTES = 4 * 1024 * 1024;

export type ConfinedRead = { kind: "file"; content: string } | { kind: "missing" } | { kind: "refused"; reason: string };

/** The repository root: the nearest folder at or above `start` with `.git` or `package.json`; `start` itself when there is none. */
export function repositoryRoot(start: string): string {
  const from = path.resolve(start);
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ".git")) || existsSync(path.join(dir, "package.json"))) return realOr(dir);
    if (path.dirname(dir) === dir) return realOr(from);
  }
}

export function realOr(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

export const isInside = (root: string, p: string): boolean => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/**
 * Where `file` really is, or why it may not be read. `root` must be a realpath.
 * The lexical check comes first, so `../../proc/self/environ` is refused without
 * even looking at the disk.
 */
function locate(root: string, file: string): { real: string } | { missing: true } | { reason: string } {
  const full = path.resolve(file);
  if (!isInside(root, full)) return { reason: "points outside the repository" };
  let real: string;
  try {
    real = realpathSync.native(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { missing: true };
    return { reason: `cannot be resolved (${code ?? String(e)})` };
  }
  if (!isInside(root, real)) return { reason: "leads outside the repository through a symbolic link" };
  return { real };
}

/** Whether `file` exists as a regular file inside the repository, without reading it. */
export function probeConfined(root: string, file: string): ConfinedRead {
  return readConfined(root, file, 0);
}

/**
 * Reads `file` when it is a regular file inside `root` (a realpath) of at most
 * `maxBytes`; with maxBytes 0 it only checks (and returns empty content).
 */
export function readConfined(root: string, file: string, maxBytes: number = MAX_LINKED_BYTES): ConfinedRead {
  const where = locate(root, file);
  if ("missing" in where) return { kind: "missing" };
  if ("reason" in where) return { kind: "refused", reason: where.reason };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the resolved path must not have become a link since.
    fd = openSync(where.real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "missing" };
    return { kind: "refused", reason: `cannot be opened (${code ?? String(e)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: "refused", reason: stat.isDirectory() ? "is a folder, not a file" : "is not a regular file" };
    if (maxBytes === 0) return { kind: "file", content: "" };
    if (stat.size > maxBytes) return { kind: "refused", reason: `is larger than ${maxBytes} bytes` };
    // Read at most one byte past the cap, whatever the size claimed: a file can grow while it is read.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total === buffer.length) break;
    }
    if (total > maxBytes) return { kind: "refused", reason: `is larger than ${maxBytes} bytes` };
    if (total > stat.size) return { kind: "refused", reason: "changed while it was read" };
    return { kind: "file", content: buffer.toString("utf8", 0, total) };
  } finally {
    closeSync(fd);
  }
}
