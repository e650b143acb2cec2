/**
 * Every path a run writes stays inside --dest: no `..`, no absolute paths, and
 * never through a symbolic link that leads out of it.
 */
import { lstat, realpath } from "node:fs/promises";
import path from "node:path";
import { GenerationError, InputError } from "../errors.js";

/** A relative path with forward slashes, no empty, `.` or `..` segment, nothing absolute. */
export function checkRelative(rel: string): void {
  const bad =
    rel === "" ||
    rel.includes("\0") ||
    rel.includes("\\") ||
    rel.startsWith("/") ||
    /^[A-Za-z]:/.test(rel) ||
    rel.split("/").some((seg) => seg === "" || seg === "." || seg === "..");
  if (bad) throw new InputError(JSON.stringify(rel), "output path would leave --dest or is malformed");
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
  if (real !== destReal && !real.startsWith(destReal + path.sep)) {
    throw new GenerationError(`${rel} would be written through a link to ${real}, outside --dest`);
  }
}
