/**
 * Where a repository's test runner looks for tests, read from its config's text (never loaded):
 * jest's `roots`, `rootDir` and `testMatch`, vitest's `test.include`. A test file outside every one
 * of those folders is never run, however well it is named, so init moves the tests there.
 */
import path from "node:path";

export interface RunnerFolders {
  /** Folders below the repository root the runner looks in ("" for the root itself: anywhere). */
  folders: string[];
  /** The setting they come from, as evidence: `jest.config.js roots ["<rootDir>/test"]`. */
  evidence: string;
  /** The match patterns name test files by suffix (spec, test), not only by a __tests__ folder. */
  bySuffix: boolean;
}

const STRING = /(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g;

/** The string literals of the array a key holds in config text (JS, TS or JSON), or undefined where the key is not set to one. */
function stringArray(text: string, key: string): string[] | undefined {
  const m = new RegExp(`(?:^|[\\s,{])["']?${key}["']?\\s*:\\s*\\[([^\\]]*)\\]`).exec(text);
  return m ? [...m[1]!.matchAll(STRING)].map((s) => s[2]!) : undefined;
}

/** The string literal a key holds in config text, or undefined. */
function stringValue(text: string, key: string): string | undefined {
  return new RegExp(`(?:^|[\\s,{])["']?${key}["']?\\s*:\\s*(["'\`])([^"'\`\\n]*)\\1`).exec(text)?.[2];
}

/** The text without the blocks a key opens (`coverage: { ... }`): their `include` is not the tests'. */
function withoutBlock(text: string, key: string): string {
  const re = new RegExp(`["']?${key}["']?\\s*:\\s*\\{`, "g");
  let out = text;
  for (let m = re.exec(out); m; m = re.exec(out)) {
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < out.length; end++) {
      if (out[end] === "{") depth++;
      else if (out[end] === "}" && --depth === 0) break;
    }
    out = out.slice(0, m.index) + out.slice(end + 1);
    re.lastIndex = m.index;
  }
  return out;
}

/** A folder relative to the repository root, or undefined for one outside it. */
function folderIn(rel: string): string | undefined {
  const p = path.posix.normalize(rel.replace(/\\/g, "/")).replace(/\/+$/, "");
  if (p.startsWith("/") || p === ".." || p.startsWith("../")) return undefined;
  return p === "." ? "" : p;
}

/** The part of a glob before its first wildcard segment: where every file it matches lies. */
function staticPrefix(glob: string): string | undefined {
  const segments = glob.split("/");
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (/[*?[\]{}!()]/.test(s)) break;
    fixed.push(s);
  }
  return folderIn(fixed.join("/") || ".");
}

/** Whether the patterns find test files other than by a __tests__ folder: one without it, or one that also names a suffix. */
const suffixNamed = (patterns: readonly string[]): boolean => patterns.length === 0 || patterns.some((p) => !p.includes("__tests__") || /spec|\.test|test\\?\./.test(p.replace(/__tests__/g, "")));

/**
 * jest's folders: `roots` (each `<rootDir>` replaced by `rootDir`), else `rootDir` itself; where every
 * `testMatch` glob starts in a folder, those folders. Undefined where the config leaves jest's default (the whole repository).
 */
export function jestFolders(text: string, file: string): RunnerFolders | undefined {
  const rootDir = folderIn(stringValue(text, "rootDir") ?? ".") ?? "";
  const at = (p: string): string => p.replace(/^<rootDir>/, rootDir || ".");
  const roots = stringArray(text, "roots");
  const testMatch = stringArray(text, "testMatch");
  const testRegex = stringArray(text, "testRegex") ?? [stringValue(text, "testRegex")].filter((x): x is string => x !== undefined);
  const bySuffix = suffixNamed([...(testMatch ?? []), ...testRegex]);
  const prefixes = testMatch?.map((g) => staticPrefix(at(g)));
  if (prefixes?.length && prefixes.every((p) => p !== undefined && p !== "")) {
    return { folders: prefixes as string[], evidence: `${file} testMatch ${JSON.stringify(testMatch)}`, bySuffix };
  }
  if (roots?.length) {
    const folders = roots.map((r) => folderIn(at(r))).filter((f): f is string => f !== undefined);
    if (folders.length && !folders.includes("")) return { folders, evidence: `${file} roots ${JSON.stringify(roots)}${rootDir ? ` (rootDir ${JSON.stringify(rootDir)})` : ""}`, bySuffix };
    return undefined;
  }
  return rootDir ? { folders: [rootDir], evidence: `${file} rootDir ${JSON.stringify(rootDir)} (jest looks for tests below it)`, bySuffix } : undefined;
}

/** vitest's folders: where every `test.include` glob starts (coverage's include is not the tests'), taken from `root` when set. */
export function vitestFolders(text: string, file: string): RunnerFolders | undefined {
  const tests = withoutBlock(text, "coverage");
  const include = stringArray(tests, "include");
  if (!include?.length) return undefined;
  const root = folderIn(stringValue(tests, "root") ?? ".") ?? "";
  const prefixes = include.map((g) => staticPrefix(g)).map((p) => (p === undefined ? undefined : folderIn(path.posix.join(root || ".", p || "."))));
  if (!prefixes.every((p) => p !== undefined && p !== "")) return undefined;
  return { folders: prefixes as string[], evidence: `${file} test.include ${JSON.stringify(include)}`, bySuffix: suffixNamed(include) };
}

/** The fixed folder a path with placeholders starts with: `src/features` of `src/features/{use-case}/__tests__`. */
function fixedPart(p: string): string {
  const segments = p.split("/");
  const first = segments.findIndex((s) => s.includes("{"));
  return (first < 0 ? segments : segments.slice(0, first)).join("/");
}

/** Whether files under `testsPath` can be in one of `folders` (a folder deeper than the path's fixed part may still hold them). */
export function runnerSees(testsPath: string, folders: readonly string[]): boolean {
  const fixed = fixedPart(testsPath);
  return folders.some((f) => f === "" || fixed === f || fixed.startsWith(`${f}/`) || f.startsWith(`${fixed}/`) || fixed === "");
}

/**
 * The tests path moved into the runner's folder, mirroring the sources' layout below it:
 * `src/features/{use-case}/__tests__` -> `test/features/{use-case}` (a folder that holds only tests
 * needs no __tests__, unless the runner finds tests by that folder alone).
 */
export function testsPathIn(folder: string, testsPath: string, bySuffix: boolean): string {
  let rest = testsPath.split("/");
  if (rest[0] === "src") rest = rest.slice(1);
  if (bySuffix) rest = rest.filter((s) => s !== "__tests__");
  return [folder, ...rest].filter(Boolean).join("/");
}
