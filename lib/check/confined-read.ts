/**
 * The only way `check` and `sync` read what a plan links: a plan is text anyone
 * with a pull request can edit, so a link is never trusted. A read happens only
 * for a regular file inside the repository root, reached through no symbolic
 * link that leaves it, and never past a size cap; anything else is a refusal
 * with a reason (a finding for that plan), not a read. Synchronous on purpose
 * (see run-check.ts). realpathSync.native: one realpath(3) call, where the
 * JavaScript one calls lstat for every folder of every path (check reads
 * thousands); and one per folder per run, not per file (FolderCache).
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import { isAscii } from "node:buffer";
import path from "node:path";
import { readFormBytes, type TextForm } from "../text-form.js";
import { isInside } from "../is-inside.js";
import { inFolder, isNormalAbsolute } from "./join-link.js";

/** A test file larger than this is refused: 1 MiB is far more than any test file needs. */
export const MAX_LINKED_BYTES = 1024 * 1024;
/** A plan larger than this is refused (a generated plan is tens of KB). */
export const MAX_PLAN_BYTES = 4 * 1024 * 1024;

/** `form`: how the file is stored where that is not plain LF without a byte-order mark; content and bytes are read as LF (text-form.ts). */
export type ConfinedRead = { kind: "file"; content: string; form?: TextForm } | { kind: "missing" } | { kind: "refused"; reason: string };
export type ConfinedBytes = { kind: "file"; bytes: Buffer; form?: TextForm } | { kind: "missing" } | { kind: "refused"; reason: string };
const EMPTY = Buffer.alloc(0);

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

/** Where a folder really is (a realpath, inside the repository or not), or why files in it are missing or may not be read. */
type FolderPlace = { real: string } | { missing: true } | { reason: string };
/** Where a file really is, with its lstat when that was taken (the file is no link). */
type FilePlace = { real: string; stat?: Stats } | { missing: true } | { reason: string };

/**
 * What one run has learned about folders: the realpath of each folder that
 * holds a linked file and of its parents, each looked up once per run (check
 * over 5,000 plans asks about the same few folders again and again, and each
 * plan's own folders share their parents).
 */
export interface FolderCache {
  get(dir: string): FolderPlace | undefined;
  set(dir: string, place: FolderPlace): unknown;
}

/**
 * A FolderCache that starts from the realpaths a walk saw (find-plans.ts WalkSeen, by folder), without copying them all
 * (a batch of 5,000 plans has 20,000 folders): a folder is taken over from them when first asked about.
 */
export class WalkedFolders implements FolderCache {
  private readonly own = new Map<string, FolderPlace>();
  constructor(private readonly walked: ReadonlyMap<string, string> | undefined) {}
  get(dir: string): FolderPlace | undefined {
    let place = this.own.get(dir);
    if (place === undefined) {
      const real = this.walked?.get(dir);
      if (real !== undefined) this.own.set(dir, (place = { real }));
    }
    return place;
  }
  set(dir: string, place: FolderPlace): void {
    this.own.set(dir, place);
  }
}

const notThere = (e: unknown): FolderPlace => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR" ? { missing: true } : { reason: `cannot be resolved (${code ?? String(e)})` };
};

function realpathOf(full: string): FolderPlace {
  try {
    return { real: realpathSync.native(full) };
  } catch (e) {
    return notThere(e);
  }
}

/**
 * realpath(3) of a folder, built from its parent's: a folder that is no symbolic link really is
 * its parent's realpath and its name, so a new folder costs one lstat where realpath(3) looks at
 * every folder of the path again; a link is resolved in full. `top`: where the climb stops,
 * a realpath itself (the repository root); `folders` remembers every folder looked at.
 */
export function realFolder(dir: string, folders: FolderCache, top?: string): FolderPlace {
  const known = folders.get(dir);
  if (known !== undefined) return known;
  const parent = path.dirname(dir);
  let place: FolderPlace;
  if (dir === top) place = { real: dir };
  else if (parent === dir) place = realpathOf(dir);
  else {
    const up = realFolder(parent, folders, top);
    if (!("real" in up)) place = up;
    else {
      let stat: Stats | undefined;
      try {
        stat = lstatSync(dir);
      } catch (e) {
        place = notThere(e);
      }
      if (stat) place = stat.isSymbolicLink() ? realpathOf(dir) : { real: inFolder(up.real, path.basename(dir)) };
    }
  }
  folders.set(dir, place!);
  return place!;
}

function resolveReal(root: string, full: string): FolderPlace {
  return insideOnly(root, realpathOf(full));
}

/** A place outside the repository is a refusal. */
const insideOnly = (root: string, place: FolderPlace): FolderPlace => ("real" in place && !isInside(root, place.real) ? { reason: "leads outside the repository through a symbolic link" } : place);

/**
 * Where `file` really is, or why it may not be read. `root` must be a realpath.
 * The lexical check comes first, so `../../proc/self/environ` is refused without
 * even looking at the disk. The file's folder is resolved (once per run, through
 * `folders`); the file itself is then the folder's realpath and its name, unless
 * it is a symbolic link itself, which is resolved in full.
 */
function locate(root: string, file: string, folders: FolderCache): FilePlace {
  const place = inRealFolder(root, file, folders);
  if (!("candidate" in place)) return place;
  const { candidate } = place;
  let stat: Stats;
  try {
    stat = lstatSync(candidate);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { missing: true };
    return { reason: `cannot be resolved (${code ?? String(e)})` };
  }
  return stat.isSymbolicLink() ? resolveReal(root, candidate) : { real: candidate, stat };
}

/** locate up to the file itself: its folder's realpath and its name (`candidate`), or, where that is all it takes, the answer. */
function inRealFolder(root: string, file: string, folders: FolderCache): FilePlace | { candidate: string; folder: string; name: string } {
  const full = isNormalAbsolute(file) ? file : path.resolve(file);
  if (!isInside(root, full)) return { reason: "points outside the repository" };
  const dir = path.dirname(full);
  if (!isInside(root, dir)) return resolveReal(root, full);
  const folder = insideOnly(root, realFolder(dir, folders, root));
  if (!("real" in folder)) return folder;
  const name = path.basename(full);
  return { candidate: inFolder(folder.real, name), folder: folder.real, name };
}

/** The refusal for anything but a regular file. */
const kindOf = (stat: Stats): { kind: "refused"; reason: string } | undefined =>
  stat.isFile() ? undefined : { kind: "refused", reason: stat.isDirectory() ? "is a folder, not a file" : "is not a regular file" };

/**
 * Whether `file` exists as a regular file inside the repository, without reading it. `listed`: whether this run's walk
 * listed a name as a regular file (no link) in a folder, by its realpath (find-plans.ts WalkSeen): such a file needs no
 * lstat; any other is looked at.
 */
export function probeConfined(root: string, file: string, folders: FolderCache = new Map(), listed?: (folder: string, name: string) => boolean): ConfinedRead {
  if (listed) {
    const place = inRealFolder(root, file, folders);
    if ("candidate" in place && listed(place.folder, place.name)) return { kind: "file", content: "" };
  }
  const read = readConfinedBytes(root, file, 0, folders);
  return read.kind === "file" ? { kind: "file", content: "" } : read;
}

/**
 * Reads `file` when it is a regular file inside `root` (a realpath) of at most
 * `maxBytes`; with maxBytes 0 it only checks (and returns empty content).
 * `folders`: the run's cache of folder realpaths (a fresh one by default).
 */
export function readConfined(root: string, file: string, maxBytes: number = MAX_LINKED_BYTES, folders: FolderCache = new Map()): ConfinedRead {
  const read = readConfinedBytes(root, file, maxBytes, folders);
  if (read.kind !== "file") return read;
  return read.form ? { kind: "file", content: decodeText(read.bytes), form: read.form } : { kind: "file", content: decodeText(read.bytes) };
}

/** A file's text. Plans and tests are often ASCII: then the bytes are the characters, and copying them beats decoding UTF-8. */
export const decodeText = (bytes: Buffer): string => (isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8"));

/**
 * A buffer a run reads its files into, one after another, instead of a new one per file (check reads 25,000 files over
 * 5,000 plans: fresh buffers cost page faults and collections). The bytes read into it last until the next read.
 */
export interface Scratch {
  buffer: Buffer;
}

export const scratch = (): Scratch => ({ buffer: Buffer.allocUnsafe(256 * 1024) });

/**
 * readConfined, undecoded: the file's bytes (LF line ends, no byte-order mark). `into`: read into that scratch buffer
 * (the bytes returned are then valid only until the next read into it). `listed`: whether this run's walk listed a name
 * as a regular file in a folder, by its realpath (as probeConfined): such a file is read without an fstat (readListed).
 */
export function readConfinedBytes(root: string, file: string, maxBytes: number = MAX_LINKED_BYTES, folders: FolderCache = new Map(), into?: Scratch, listed?: (folder: string, name: string) => boolean): ConfinedBytes {
  // A file to read is opened at once in its folder's realpath, without an lstat first: O_NOFOLLOW refuses a link (ELOOP),
  // which, like any failure to open but a missing file, takes the way below, that looks first (check opens 25,000 files over 5,000 plans).
  if (maxBytes > 0) {
    const place = inRealFolder(root, file, folders);
    if ("missing" in place) return { kind: "missing" };
    if ("reason" in place) return { kind: "refused", reason: place.reason };
    if ("candidate" in place) {
      let fd: number | undefined;
      try {
        fd = openSync(place.candidate, OPEN_FLAGS);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
      }
      if (fd !== undefined) return readOpened(fd, maxBytes, into, listed !== undefined && listed(place.folder, place.name));
    }
  }
  return readLocated(root, file, maxBytes, folders, into);
}

/** O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the path opened must not be (or have become) a link. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

function readLocated(root: string, file: string, maxBytes: number, folders: FolderCache, into?: Scratch): ConfinedBytes {
  const where = locate(root, file, folders);
  if ("missing" in where) return { kind: "missing" };
  if ("reason" in where) return { kind: "refused", reason: where.reason };
  // Only whether it is there: the lstat already taken says so, no open needed.
  if (maxBytes === 0 && where.stat) return kindOf(where.stat) ?? { kind: "file", bytes: EMPTY };
  let fd: number;
  try {
    fd = openSync(where.real, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "missing" };
    return { kind: "refused", reason: `cannot be opened (${code ?? String(e)})` };
  }
  return readOpened(fd, maxBytes, into);
}

/**
 * Reads an opened file, if it is a regular file within the cap, and closes it. `listed`: the walk listed it as a regular
 * file (readListed).
 */
function readOpened(fd: number, maxBytes: number, into?: Scratch, listed = false): ConfinedBytes {
  try {
    if (listed) {
      const read = readListed(fd, maxBytes, into);
      if (read !== undefined) return read;
    }
    const stat = fstatSync(fd);
    const notFile = kindOf(stat);
    if (notFile) return notFile;
    if (maxBytes === 0) return { kind: "file", bytes: EMPTY };
    if (stat.size > maxBytes) return { kind: "refused", reason: `is larger than ${maxBytes} bytes` };
    // Read at most one byte past the cap, whatever the size claimed: a file can grow while it is read.
    // Unzeroed memory: only the bytes read are ever used.
    const need = Math.min(stat.size, maxBytes) + 1;
    let buffer: Buffer;
    if (into === undefined) buffer = Buffer.allocUnsafe(need);
    else {
      if (into.buffer.length < need) into.buffer = Buffer.allocUnsafe(Math.max(need, into.buffer.length * 2));
      buffer = into.buffer.subarray(0, need);
    }
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total === buffer.length) break;
      // The size fstat gave, read at once: done, with no second read to see the end (a file that grows after this
      // read is read as it was, as if it grew after check). A size of 0 (what /proc says) is read to its end.
      if (total === stat.size && total > 0) break;
    }
    if (total > maxBytes) return { kind: "refused", reason: `is larger than ${maxBytes} bytes` };
    if (total > stat.size) return { kind: "refused", reason: "changed while it was read" };
    // The one place check and sync read a file: CRLF line ends and a byte-order mark read as LF, the form kept for sync's write.
    return { kind: "file", ...readFormBytes(buffer.subarray(0, total)) };
  } finally {
    closeSync(fd);
  }
}

/**
 * readOpened for a file the walk listed as a regular file, opened in its folder's realpath without following a link:
 * no fstat (check opens 25,000 files over 5,000 plans, a system call and a Stats object each). A regular file reads in
 * full up to its end, so a read that fills less than asked is its end: no read more to see it, as fstat's size spared.
 * A file grown past the cap is refused as fstat's way refuses it. Undefined when the first read fails (the file was made
 * a folder since the walk, say): fstat's way then says what it is.
 */
function readListed(fd: number, maxBytes: number, into?: Scratch): ConfinedBytes | undefined {
  let buffer = into === undefined ? Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1)) : into.buffer;
  let total = 0;
  for (;;) {
    const want = Math.min(buffer.length, maxBytes + 1);
    let n: number;
    try {
      n = readSync(fd, buffer, total, want - total, null);
    } catch (e) {
      if (total === 0) return undefined;
      throw e;
    }
    total += n;
    if (total < want || total > maxBytes) break;
    // The buffer is full: a larger one (kept as the scratch buffer), and read on.
    const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
    buffer.copy(larger, 0, 0, total);
    buffer = larger;
    if (into !== undefined) into.buffer = larger;
  }
  if (total > maxBytes) return { kind: "refused", reason: `is larger than ${maxBytes} bytes` };
  return { kind: "file", ...readFormBytes(buffer.subarray(0, total)) };
}
