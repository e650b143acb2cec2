/**
 * Where mjoplan stops looking upward for what a repository sets (mjoplan.config.json, a `mjoplan`
 * key, the templates and packs folders they name, the formatter, its config and its installed
 * copy): the repository root. That is the nearest folder at or above `start` with `.git` (so a
 * monorepo's root config still reaches its packages); without one, the nearest with `package.json`
 * (the repository as `check` confines its reads); without either, `start` alone. A file above it,
 * in a shared temporary folder or the home folder, steers nothing.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { inFolder } from "./check/join-link.js";
import { folderOf } from "./plain-path.js";

export function searchTop(start: string): string {
  const from = path.resolve(start);
  let nearestPackage: string | undefined;
  // Joined and cut by slicing where Node's functions would give the same (inFolder, folderOf): a run asks this for
  // the config, the formatter and the packs, a dozen folders each.
  for (let dir = from; ; dir = folderOf(dir)) {
    if (existsSync(inFolder(dir, ".git"))) return dir;
    if (nearestPackage === undefined && existsSync(inFolder(dir, "package.json"))) nearestPackage = dir;
    if (folderOf(dir) === dir) return nearestPackage ?? from;
  }
}

/** `start` and every folder above it up to `top`, nearest first. */
export function foldersUpTo(start: string, top: string): string[] {
  const out: string[] = [];
  for (let dir = path.resolve(start); ; dir = folderOf(dir)) {
    out.push(dir);
    if (dir === top || folderOf(dir) === dir) return out;
  }
}
