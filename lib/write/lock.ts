/**
 * One writing run per destination at a time, as git does with index.lock: the
 * lock is a file created with O_EXCL holding the owner's pid, host and command.
 * A lock whose process is gone (a crash, kill -9) is stale: the next run breaks
 * it, removes what the dead run left (from its journal: temporary files and the
 * folders it created, if empty) and says so. A live owner makes the new run
 * fail at once, naming it.
 */
import { closeSync, linkSync, openSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GenerationError } from "../errors.js";

export const LOCK_NAME = ".mjoplan.lock";
/** Every temporary file mjoplan makes carries this in its name (a reviewer's `git status` shows whose they are). */
export const TEMP_MARK = ".mjoplan-tmp.";
const JOURNAL_PREFIX = ".mjoplan-journal.";

interface LockInfo {
  pid: number;
  host: string;
  token: string;
  command: string;
  started: string;
}

/** What a run is about to create, relative to the destination: written before the first change, so a crash leaves a list to clean up. */
export interface Journal {
  files: string[];
  dirs: string[];
}

export interface DestLock {
  /** Records what the next step of the commit is about to create (appended to what earlier steps recorded). */
  journal(entries: Journal): Promise<void>;
  /** Drops the journal and the lock. */
  release(): Promise<void>;
}

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** Locks taken by this process so far: part of each token, so two locks of one process never share one. */
let taken = 0;

/**
 * A lock's token: unique among the runs that could meet at one folder (its pid, the time, a
 * per-process count, and 52 random bits from Math.random). It names the owner and its temporary
 * files, and is no secret, so node:crypto (milliseconds to load) is not needed for it.
 */
function newToken(): string {
  const random = Math.floor(Math.random() * 2 ** 52).toString(16).padStart(13, "0");
  return `${Date.now().toString(16)}${(taken++).toString(16)}${random}`;
}

/** Locks held by this process (an MCP server may run two tools at once): the same pid is then alive, not stale. */
const heldHere = new Set<string>();

function alive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // another machine's process cannot be looked at: assume it runs
  if (info.pid === process.pid) return heldHere.has(info.token);
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === "EPERM";
  }
}

/** Whether `step` ran without throwing. The lock's file calls are synchronous: a run takes and releases the lock
 * in a dozen calls of microseconds, where each trip to the thread pool waits for a thread (milliseconds on a busy machine). */
function succeeded(step: () => void): boolean {
  try {
    step();
    return true;
  } catch {
    return false;
  }
}

async function readInfo(file: string): Promise<LockInfo | "missing" | "unreadable"> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (codeOf(e) === "ENOENT") return "missing";
    throw e;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    if (typeof info.pid === "number" && typeof info.token === "string") return info;
  } catch {
    // a lock being written, or cut short by a crash
  }
  return "unreadable";
}

/**
 * Creates `file` holding `info`, or returns false when it exists. The content is
 * written to a temporary file first and hard-linked into place (link fails when
 * the name exists), so a lock is never seen empty; open(wx) where links fail.
 */
async function createExclusive(file: string, info: LockInfo): Promise<boolean> {
  const temp = `${file}${TEMP_MARK}${info.pid}.${info.token}`;
  writeFileSync(temp, JSON.stringify(info));
  try {
    linkSync(temp, file);
    return true;
  } catch (e) {
    if (codeOf(e) === "EEXIST") return false;
    if (!["EPERM", "ENOTSUP", "ENOSYS"].includes(codeOf(e) ?? "")) throw e;
    try {
      const fd = openSync(file, "wx");
      try {
        writeSync(fd, JSON.stringify(info));
      } finally {
        closeSync(fd);
      }
      return true;
    } catch (e2) {
      if (codeOf(e2) === "EEXIST") return false;
      throw e2;
    }
  } finally {
    succeeded(() => unlinkSync(temp));
  }
}

const describe = (info: LockInfo): string => `pid ${info.pid}${info.host !== os.hostname() ? ` on ${info.host}` : ""}, "${info.command}", since ${info.started}`;

/** A lock file cut short (a crash while it was written) is stale once it is older than this. */
const UNREADABLE_STALE_MS = 10_000;

async function isStale(file: string, info: LockInfo | "unreadable"): Promise<boolean> {
  if (info !== "unreadable") return !alive(info);
  let mtimeMs: number | undefined;
  succeeded(() => (mtimeMs = statSync(file).mtimeMs));
  return mtimeMs !== undefined && Date.now() - mtimeMs > UNREADABLE_STALE_MS;
}

function busy(dir: string, info: LockInfo | "unreadable"): GenerationError {
  const who = info === "unreadable" ? "another mjoplan run" : `another mjoplan run (${describe(info)})`;
  return new GenerationError(`${who} is writing to ${dir}; nothing was written. Run again once it is done (if no such run exists, remove ${path.join(dir, LOCK_NAME)})`);
}

/**
 * Breaks a stale lock. Two runs may find the same stale lock: a second lock file
 * (the breaker, itself exclusive) lets only one of them remove it, after checking
 * that it is still the very lock found stale.
 */
async function breakStale(dir: string, file: string, stale: LockInfo | "unreadable", me: LockInfo): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await createExclusive(breaker, me))) {
    const other = await readInfo(breaker);
    if (other === "missing") return;
    if (!(await isStale(breaker, other))) throw busy(dir, other);
    succeeded(() => unlinkSync(breaker));
    return;
  }
  try {
    const now = await readInfo(file);
    const same = now !== "missing" && (now === "unreadable" ? stale === "unreadable" : stale !== "unreadable" && now.token === stale.token);
    if (same) succeeded(() => unlinkSync(file));
  } finally {
    succeeded(() => unlinkSync(breaker));
  }
}

/**
 * A journal's entries: one JSON line per step of the run, each appended before
 * that step created anything. A line cut short by a crash lists only what was
 * never created.
 */
function readJournal(text: string): Journal {
  const out: Journal = { files: [], dirs: [] };
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const entries = JSON.parse(line) as Partial<Journal>;
      for (const f of Array.isArray(entries.files) ? entries.files : []) if (typeof f === "string") out.files.push(f);
      for (const d of Array.isArray(entries.dirs) ? entries.dirs : []) if (typeof d === "string") out.dirs.push(d);
    } catch {
      // the line a crash cut short
    }
  }
  return out;
}

const NEW_SUFFIX = ".new";
const OLD_SUFFIX = ".old";

/**
 * The files (relative to `dir`) a dead run had renamed into place, from its journal: a staged file whose temporary
 * `.new` is gone is in place when its target exists (a create) or its original was kept as `.old` (an overwrite:
 * the original is linked aside just before the rename). A `.new` never written (a run killed while staging, which
 * ends before any rename) has neither. Temporary names are `<folder>/.<name>.mjoplan-tmp.<tag>.<i>.<new|old>`.
 */
function placedBy(dir: string, journal: Journal): string[] {
  const listed = new Set(journal.files);
  const exists = (rel: string): boolean => succeeded(() => statSync(path.join(dir, rel)));
  const placed: string[] = [];
  for (const rel of journal.files) {
    if (!rel.endsWith(NEW_SUFFIX)) continue;
    const base = path.posix.basename(rel);
    const mark = base.indexOf(TEMP_MARK);
    if (!base.startsWith(".") || mark < 1 || exists(rel)) continue;
    const target = path.posix.join(path.posix.dirname(rel), base.slice(1, mark));
    const old = `${rel.slice(0, -NEW_SUFFIX.length)}${OLD_SUFFIX}`;
    if (listed.has(old) ? exists(old) : exists(target)) placed.push(target);
  }
  return placed;
}

/** Removes what dead runs left, as their journals list it; returns one line per cleaned run. */
async function recover(dir: string, ownJournal: string): Promise<string[]> {
  const notes: string[] = [];
  let names: string[] = [];
  succeeded(() => (names = readdirSync(dir)));
  for (const name of names) {
    if (!name.startsWith(JOURNAL_PREFIX) || path.join(dir, name) === ownJournal) continue;
    const file = path.join(dir, name);
    let text = "";
    succeeded(() => (text = readFileSync(file, "utf8")));
    const journal = readJournal(text);
    // Looked at before anything is removed: what the dead run had already renamed into place.
    const placed = placedBy(dir, journal);
    let files = 0;
    let dirs = 0;
    for (const rel of journal?.files ?? []) {
      if (!path.basename(rel).includes(TEMP_MARK)) continue; // only ever temporaries, whatever a journal says
      if (succeeded(() => unlinkSync(path.join(dir, rel)))) files++;
    }
    for (const rel of [...(journal?.dirs ?? [])].sort().reverse()) {
      if (succeeded(() => rmdirSync(path.join(dir, rel)))) dirs++;
    }
    succeeded(() => unlinkSync(file));
    const pid = /^\.mjoplan-journal\.(\d+)\./.exec(name)?.[1] ?? "?";
    // A run killed while it renamed its files into place leaves some with their new content: each file old or new, but
    // the run half done, which a line about temporary files alone hid (USER21 V4).
    const stay = placed.length
      ? `; ${placed.length} file(s) it had already put in place stay with its content (${placed.slice(0, 3).join(", ")}${placed.length > 3 ? ", ..." : ""}): run it again to finish it`
      : "";
    notes.push(`removed ${files} temporary file(s) and ${dirs} empty folder(s) left by an interrupted run (pid ${pid})${stay}`);
  }
  return notes;
}

/**
 * Takes the lock of `dir` (a folder that exists) for `command`; `notice`
 * receives one line for each interrupted run whose leftovers were removed.
 */
export async function lockDest(dir: string, command: string, notice: (line: string) => void = () => undefined): Promise<DestLock> {
  const file = path.join(dir, LOCK_NAME);
  const me: LockInfo = { pid: process.pid, host: os.hostname(), token: newToken(), command, started: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    if (await createExclusive(file, me)) break;
    const info = await readInfo(file);
    if (info === "missing") continue;
    if (attempt >= 5 || !(await isStale(file, info))) throw busy(dir, info);
    await breakStale(dir, file, info, me);
    notice(`removed the lock of an interrupted run (${info === "unreadable" ? "unreadable" : describe(info)}): it is no longer running`);
  }
  heldHere.add(me.token);
  const journalFile = path.join(dir, `${JOURNAL_PREFIX}${me.pid}.${me.token}.json`);
  let released = false;
  let journalFd: number | undefined;
  try {
    for (const line of await recover(dir, journalFile)) notice(line);
  } catch (error) {
    heldHere.delete(me.token);
    succeeded(() => unlinkSync(file));
    throw error;
  }
  return {
    async journal(entries) {
      // One line per step, appended before the step creates anything (a batch stages use-case by use-case;
      // rewriting the whole journal each time would cost the square of the batch). The file stays open for the run.
      journalFd ??= openSync(journalFile, "a", 0o644);
      writeSync(journalFd, `${JSON.stringify(entries)}\n`);
    },
    async release() {
      if (released) return;
      released = true;
      if (journalFd !== undefined) closeSync(journalFd);
      succeeded(() => unlinkSync(journalFile));
      heldHere.delete(me.token);
      // Only our own lock: a lock broken as stale and retaken by another run is theirs.
      const now = await readInfo(file).catch(() => "missing" as const);
      if (now !== "missing" && now !== "unreadable" && now.token === me.token) succeeded(() => unlinkSync(file));
    },
  };
}
