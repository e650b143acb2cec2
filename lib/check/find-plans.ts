/**
 * Every plan below the given paths, skipping dependency and build folders: each
 * `*-plan.md`, and any other Markdown file whose front matter says mjoplan made it
 * (a team's config may name plans otherwise); only the first bytes of those are read.
 * Synchronous calls on purpose: a walk over thousands of folders is cheaper without a
 * trip to the thread pool per folder, and `check` of one plan starts no thread pool at all.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { inFolder } from "./join-link.js";

const SKIP = new Set(["node_modules", ".git", "dist", "coverage"]);
const MADE_BY_MJOPLAN = /^---\n[\s\S]*?^generator: "mjoplan /m;

function isPlan(file: string): boolean {
  if (file.endsWith("-plan.md")) return true;
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1024);
    const bytesRead = readSync(fd, buffer, 0, 1024, 0);
    return MADE_BY_MJOPLAN.test(buffer.toString("utf8", 0, bytesRead));
  } finally {
    closeSync(fd);
  }
}

function realOrNull(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * What a walk saw, for check to use instead of asking the disk again (run-check.ts): each folder it listed with its
 * realpath (a folder reached through folders that are no links really is its parent's realpath and its name), and, by
 * that realpath, the names of the regular files (not links) in it. Only ever an answer that a file is there: anything
 * not in it is looked up on the disk as before.
 */
export interface WalkSeen {
  folders: Map<string, string>;
  files: Map<string, string[]>;
}

/** Whether the walk listed `name` as a regular file in the folder whose realpath is `folder`. */
export function listedFiles(seen: WalkSeen): (folder: string, name: string) => boolean {
  // A folder of many files is asked about through a set, made once; a few names are compared as they are.
  const sets = new Map<string, Set<string>>();
  return (folder, name) => {
    const names = seen.files.get(folder);
    if (names === undefined) return false;
    if (names.length <= 32) return names.includes(name);
    let set = sets.get(folder);
    if (set === undefined) sets.set(folder, (set = new Set(names)));
    return set.has(name);
  };
}

/**
 * `onFound`: told each plan as the walk finds it, in the walk's order (check starts checking them on other threads while
 * the walk goes on); the list returned is sorted, each plan once.
 */
export async function findPlans(paths: readonly string[], cwd: string, seen?: WalkSeen, onFound?: (file: string) => void): Promise<string[]> {
  const found: string[] = [];
  const take = (file: string): void => {
    found.push(file);
    onFound?.(file);
  };
  // `real`: the folder's realpath, where what the walk sees is kept (a folder whose realpath is unknown keeps nothing).
  const walk = (dir: string, real: string | undefined): void => {
    if (real !== undefined) seen?.folders.set(dir, real);
    const names: string[] = [];
    // Whether `names` holds any: its length is not read, since an empty array has another map than one holding strings
    // and the walk's optimized code was thrown out at every folder with no files (four times a check of 5,000 plans).
    let anyFile = false;
    // Only folders and Markdown files need their full path (a batch's folders hold tens of thousands of other files);
    // readdir's names hold no "/" and are never "." or "..", so inFolder is path.join without a second normalization.
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (SKIP.has(e.name)) continue;
        const sub = inFolder(dir, e.name);
        walk(sub, real === undefined ? undefined : dir === real ? sub : inFolder(real, e.name));
      } else if (e.isFile()) {
        names.push(e.name);
        anyFile = true;
        if (!e.name.endsWith(".md")) continue;
        const full = inFolder(dir, e.name);
        if (isPlan(full)) take(full);
      }
    }
    if (anyFile && real !== undefined) seen?.files.set(real, names);
  };
  for (const p of paths.length ? paths : ["."]) {
    const full = path.resolve(cwd, p);
    const s = statOrNull(full);
    if (!s) throw new InputError(p, "no such file or folder");
    if (s.isDirectory()) walk(full, seen ? realOrNull(full) : undefined);
    else if (full.endsWith(".md")) take(full);
    else throw new InputError(p, "is neither a folder nor a plan (a Markdown file)");
  }
  return [...new Set(found)].sort();
}
