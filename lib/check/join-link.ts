/**
 * Path joins for check's hot loop, which resolves some forty links of every plan: Node's path.join
 * and path.resolve normalize the whole path again character by character, a tenth of check's time.
 * For an absolute, normalized folder and a link that is only `../` steps and plain names, the
 * join is string slicing; anything else (and any platform whose separator is not "/") goes to
 * Node's own function, so the answer is always Node's (__tests__/join-link.property.test.ts).
 */
import path from "node:path";

const POSIX = path.sep === "/";

/** Whether `p` is what path.resolve(p) returns on POSIX: absolute, no empty, "." or ".." segment, no trailing "/". */
export function isNormalAbsolute(p: string): boolean {
  // A plan's folder is asked about once for each of its links: the last answer that was yes is kept.
  if (p === lastNormal) return true;
  if (!POSIX || p.charCodeAt(0) !== 47) return false;
  if (p.length === 1) return true;
  const normal = !p.endsWith("/") && !p.includes("//") && !p.includes("/./") && !p.includes("/../") && !p.endsWith("/.") && !p.endsWith("/..");
  if (normal) lastNormal = p;
  return normal;
}
let lastNormal: string | undefined;

/**
 * Whether `rest` is plain names joined by "/": nothing to normalize (isNormalAbsolute(`/${rest}`), without making that
 * string: a segment "", "." or ".." needs a "//" or a "/." inside, or is at either end).
 */
const plainNames = (rest: string): boolean =>
  rest !== "" &&
  rest !== "." &&
  rest !== ".." &&
  rest.charCodeAt(0) !== 47 &&
  !rest.startsWith("./") &&
  !rest.startsWith("../") &&
  !rest.endsWith("/") &&
  !rest.includes("//") &&
  (!rest.includes("/.") || (!rest.includes("/./") && !rest.includes("/../") && !rest.endsWith("/.") && !rest.endsWith("/..")));

/** path.join(dir, link) (or `join(dir, link)`, for path.posix.join), fast where that is plain slicing. */
export function joinLink(dir: string, link: string, join: (a: string, b: string) => string = path.join): string {
  return isNormalAbsolute(dir) ? joinNormal(dir, link, join) : join(dir, link);
}

/**
 * joinLink for the links of one plan: its folder looked at once, its parents cut from it once however many links
 * climb to them, and each link joined once however often the plan names it (check resolves a plan's links where it
 * reads them and again where it compares).
 */
export function linkJoiner(dir: string, join: (a: string, b: string) => string = path.join): (link: string) => string {
  const normal = isNormalAbsolute(dir);
  const joined = new Map<string, string>();
  // ancestors[k]: the folder k levels above `dir`, as joinNormal cuts it.
  const ancestors = [dir];
  return (link) => {
    let full = joined.get(link);
    if (full === undefined) joined.set(link, (full = normal ? joinNormal(dir, link, join, ancestors) : join(dir, link)));
    return full;
  };
}

/** joinLink for a folder known to be absolute and normalized; `ancestors`: its parents cut so far (see linkJoiner). */
function joinNormal(dir: string, link: string, join: (a: string, b: string) => string, ancestors: string[] = [dir]): string {
  let up = 0;
  while (link.startsWith("../", up * 3)) up++;
  const rest = up === 0 ? link : link.slice(up * 3);
  if (!plainNames(rest)) return join(dir, link);
  for (let i = ancestors.length; i <= up; i++) {
    const below = ancestors[i - 1]!;
    // Above the file system's root path.join stays at it: Node's answer.
    if (below === "/") return join(dir, link);
    ancestors.push(below.slice(0, below.lastIndexOf("/")) || "/");
  }
  const base = ancestors[up]!;
  return base === "/" ? `/${rest}` : `${base}/${rest}`;
}

/** path.join(folder, name) for a realpath `folder` and a file name (no "/"; not "", "." or ".."). */
export function inFolder(folder: string, name: string): string {
  if (!isNormalAbsolute(folder) || name === "" || name === "." || name === ".." || name.includes("/")) return path.join(folder, name);
  return folder === "/" ? `/${name}` : `${folder}/${name}`;
}
