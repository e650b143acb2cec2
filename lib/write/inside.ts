/**
 * Every path a run writes stays inside --dest: no `..`, no absolute paths, and
 * never through a symbolic link that leads out of it.
 */
import { lstatSync, realpathSync, type Stats } from "node:fs";
import { lstat, realpath } from "node:fs/promises";
import path from "node:path";
import { joinLink } from "../check/join-link.js";
import { GenerationError, InputError } from "../errors.js";
import { isInside } from "../is-inside.js";
import { shownWord } from "../cli/shell-word.js";

/** A relative path with forward slashes, no empty, `.` or `..` segment, nothing absolute. */
export function checkRelative(rel: string): void {
  const bad =
    rel === "" ||
    rel.includes("\0") ||
    rel.includes("\\") ||
    rel.startsWith("/") ||
    /^[A-Za-z]:/.test(rel) ||
    rel.split("/").some((seg) => seg === "" || seg === "." || seg === "..");
  if (bad) throw new InputError(shownWord(rel), "output path would leave --dest or is malformed");
}


async function lstatOrNull(p: string) {
  try {
    return await lstat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** Throws unless writing `rel` below `destReal` (a realpath) lands inside it. */
export async function checkNoEscape(destReal: string, rel: string): Promise<void> {
  checkRelative(rel);
  const target = path.join(destReal, rel);
  const stat = await lstatOrNull(target);
  if (stat?.isSymbolicLink()) throw new GenerationError(`${rel} is a symbolic link; mjoplan does not write through links`);
  // The deepest folder that exists decides where the write lands.
  let dir = path.dirname(target);
  while ((await lstatOrNull(dir)) === null) dir = path.dirname(dir);
  const real = await realpath(dir);
  if (!isInside(destReal, real)) {
    throw new GenerationError(`${rel} would be written through a link to ${real}, outside --dest`);
  }
}

/**
 * How many folders a run remembers at most (folderChecker, and the folders a staging knows exist):
 * a use-case's own folders are new and looked at once; the shared parents are looked at again
 * after each clearing, a few calls every couple of hundred use-cases.
 */
export const FOLDERS_REMEMBERED = 1024;

/** lstat, or undefined for a path that is not there (missing, or below a file). */
function lstatThere(p: string): Stats | undefined {
  try {
    return lstatSync(p, { throwIfNoEntry: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw e;
  }
}

/**
 * Whether the folder `relDir` (forward slashes, "." for --dest itself) exists
 * below `destReal`, held to the same rule as checkNoEscape (no link out of
 * --dest; throws otherwise), and looked at once per folder per run: a batch's
 * thousands of files share a few folders each.
 */
export function folderChecker(destReal: string): (relDir: string) => Promise<boolean> {
  const cache = new Map<string, Promise<boolean>>();
  const check = (rel: string): Promise<boolean> => {
    let known = cache.get(rel);
    if (!known) {
      // Bounded, so a batch's memory does not grow with it: each use-case has folders of its own, and a forgotten one is only looked at again.
      if (cache.size >= FOLDERS_REMEMBERED) cache.clear();
      cache.set(rel, (known = look(rel)));
    }
    return known;
  };
  const look = async (rel: string): Promise<boolean> => {
    if (rel === ".") return true;
    // Parents first: below a missing folder nothing exists, and no more looks are needed (a fresh batch's folders are all new).
    if (!(await check(path.posix.dirname(rel)))) return false;
    const full = path.join(destReal, rel);
    // Synchronous and without an exception for a missing folder: the common case costs one system call.
    if (lstatThere(full) === undefined) return false;
    const real = realpathSync.native(full);
    if (!isInside(destReal, real)) throw new GenerationError(`${rel}/ would be written through a link to ${real}, outside --dest`);
    return true;
  };
  return check;
}

/**
 * The check made right before each write: the folder `rel` is written into
 * resolves (realpath) inside --dest. One call per file, where checkNoEscape
 * makes three: the file itself needs no look, since a new file is created with
 * O_EXCL (never through a link) and a rename replaces a link rather than follow
 * it. A folder that is not there (yet) gets the full check.
 */
export async function checkWriteInside(destReal: string, rel: string): Promise<void> {
  checkRelative(rel);
  const dir = path.dirname(joinLink(destReal, rel));
  let real: string;
  try {
    // One realpath(3), made at once: thousands of them in a batch cost less than as many trips to the thread pool.
    real = realpathSync.native(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return checkNoEscape(destReal, rel);
    throw e;
  }
  if (!isInside(destReal, real)) throw new GenerationError(`${rel} would be written through a link to ${real}, outside --dest`);
}
