/**
 * path.dirname and a temporary file's name for the paths a scaffold names by the hundred (its files' targets, their
 * temporaries, their folders), by slicing where the path is plain names, else Node's own functions, so the answer is
 * always Node's (__tests__/plain-path.property.test.ts). A full scaffold ran path.dirname's and path.join's
 * character loops often enough for V8 to optimize both with TurboFan on a helper thread, some milliseconds of CPU
 * in a run that ends soon after.
 */
import path from "node:path";
import { isNormalAbsolute } from "./check/join-link.js";

/**
 * Whether `p`, absolute or relative, is plain names joined by "/" (no empty, "." or ".." segment, no trailing "/"), on
 * a platform whose separator is "/": what path.join and path.dirname leave as it is.
 */
export function isPlainPath(p: string): boolean {
  return isNormalAbsolute(p.charCodeAt(0) === 47 ? p : `/${p}`);
}

/** `dirname(p)` (path.dirname, or path.posix.dirname for a path that is always POSIX), by slicing where `p` is plain. */
export function folderOf(p: string, dirname: (p: string) => string = path.dirname): string {
  const cut = p.lastIndexOf("/");
  return cut > 0 && isPlainPath(p) ? p.slice(0, cut) : dirname(p);
}

/**
 * `path.join(path.dirname(target), prefix + path.basename(target) + suffix)`: a name beside `target`, by slicing where
 * `target` is plain and the name adds no "/".
 */
export function besideAs(target: string, prefix: string, suffix: string): string {
  const cut = target.lastIndexOf("/");
  if (cut > 0 && !prefix.includes("/") && !suffix.includes("/") && isPlainPath(target)) return `${target.slice(0, cut)}/${prefix}${target.slice(cut + 1)}${suffix}`;
  return path.join(path.dirname(target), `${prefix}${path.basename(target)}${suffix}`);
}
