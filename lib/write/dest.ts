/**
 * --dest checked before anything is built or written: an empty value, a file, a
 * link to nothing, or a place that cannot be written (a read-only mount) is bad
 * input, one line, exit 2, rather than a failure halfway through the writes.
 */
// Synchronous calls: a run checks --dest with a few calls of microseconds, where each trip to the thread pool
// waits for a thread (milliseconds on a busy machine).
import { accessSync, constants, lstatSync, mkdirSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { shownWord } from "../cli/shell-word.js";

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/** statSync, or what `fallback` makes of its error. */
function statOr<T>(p: string, fallback: (e: unknown) => T): Stats | T {
  try {
    return statSync(p);
  } catch (e) {
    return fallback(e);
  }
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (e) {
    if (codeOf(e) === "ENOENT") return null;
    throw e;
  }
}

/** `write` false (a dry run): the place need only be readable as a folder; nothing will be written there. */
export async function checkDest(dest: string, cwd: string = process.cwd(), write = true): Promise<void> {
  const where = `--dest ${shownWord(dest)}`;
  if (dest.trim() === "") throw new InputError("--dest", 'is empty; give a folder ("." for the current one)');
  if (dest.includes("\0")) throw new InputError(where, "holds a NUL character");
  const full = path.resolve(cwd, dest);
  // The file system's root is never a project: refused alike by a dry run and a real one.
  if (path.dirname(full) === full) throw new InputError(where, `is the file system's root (${full}); give the project's folder`);
  // The deepest part of the path that exists decides: it must be a folder we may write in.
  let at = full;
  let own: Stats | null | undefined;
  try {
    own = lstatOrNull(at);
  } catch (e) {
    if (codeOf(e) !== "ENOTDIR") throw e;
    own = undefined;
  }
  if (own?.isSymbolicLink()) {
    const target = statOr(at, () => null);
    if (!target) throw new InputError(where, "is a symbolic link to nothing (a dangling link)");
    own = target;
  }
  if (own && !own.isDirectory()) throw new InputError(where, "names a file, not a folder");
  while (own === null || own === undefined) {
    at = path.dirname(at);
    own = statOr(at, (e) => (codeOf(e) === "ENOENT" ? null : undefined));
    if (own && !own.isDirectory()) throw new InputError(where, `cannot be created: ${at} is a file, not a folder`);
    if (path.dirname(at) === at) break;
  }
  if (!write) return;
  try {
    accessSync(at, constants.W_OK);
  } catch (e) {
    const code = codeOf(e);
    throw new InputError(where, code === "EROFS" ? `is on a read-only file system (${at})` : `cannot be written (${code} on ${at})`);
  }
}

/** A failure to create --dest itself, which no check before can foresee (EPERM on a special file system): bad input, not a crash. */
export function destCreationError(dest: string, error: unknown): InputError | undefined {
  const code = codeOf(error);
  if (["EROFS", "EACCES", "EPERM", "ENOTDIR", "EEXIST", "ENOENT"].includes(code)) return new InputError(`--dest ${shownWord(dest)}`, `cannot be created (${code})`);
  return undefined;
}

/**
 * Creates --dest and its missing parents, one at a time, and returns the first
 * folder created (undefined when it existed). Not mkdir's `recursive`: on some
 * file systems (/proc) Node's recursive mkdir retries forever.
 */
export async function makeDest(dest: string): Promise<string | undefined> {
  const full = path.resolve(dest);
  const missing: string[] = [];
  for (let dir = full; ; dir = path.dirname(dir)) {
    const found = statOr(dir, (e) => {
      if (codeOf(e) === "ENOENT") return null;
      throw destCreationError(dest, e) ?? e;
    });
    if (found) {
      if (!found.isDirectory()) throw new InputError(`--dest ${shownWord(dest)}`, `cannot be created: ${dir} is a file, not a folder`);
      break;
    }
    missing.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if (codeOf(e) !== "EEXIST") throw destCreationError(dest, e) ?? e;
    }
  }
  return missing[0];
}
