/**
 * How the person ran mjoplan, so that the commands its help and summaries suggest
 * are ones they can type: `npm run plop <command> -- <flags>` only in mjoplan's own
 * clone, run through its `plop` script; `mjoplan <command> <flags>` (the bin, or
 * `npx mjoplan`) everywhere else. npm tells a script how it was run through its
 * environment (npm_lifecycle_event, npm_package_name, npm_config_*).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { PACKAGE_ROOT } from "../paths.js";
import type { Schema } from "../schema/field.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** True when npm runs mjoplan's own `plop` script: the clone, where `npm run plop` exists. */
const inOwnClone = (env: Env): boolean => env["npm_lifecycle_event"] === "plop" && env["npm_package_name"] === "mjoplan";

/**
 * The folder the person typed the command in. npm runs a script in the package's root, and exports the
 * folder it was started from as INIT_CWD: through the clone's `plop` script (which adds no arguments of
 * its own, so every path is the person's) relative paths are theirs. Any other script keeps its own folder:
 * a team's `"check": "mjoplan check docs"` means the package's docs, wherever npm was started.
 */
export function userCwd(env: Env, cwd: string): string {
  const init = env["INIT_CWD"];
  return inOwnClone(env) && init && path.isAbsolute(init) ? init : cwd;
}

/** True when `cwd` is the root of mjoplan's own clone, run through its `plop` script: mjoplan's own files, not a project. */
export const inOwnCloneRoot = (env: Env, cwd: string, packageRoot: string): boolean => inOwnClone(env) && path.resolve(cwd) === path.resolve(packageRoot);

/**
 * True when the bin runs from mjoplan's own clone (a git checkout, not a copy installed under node_modules) and the
 * person is in that clone (`node dist/bin/mjoplan.js` there): `mjoplan` is on no PATH, `npm run plop` works (TRIAL6 U15).
 */
export function binInOwnClone(cwd: string, packageRoot: string): boolean {
  const root = path.resolve(packageRoot);
  return !root.split(path.sep).includes("node_modules") && existsSync(path.join(root, ".git")) && (path.resolve(cwd) + path.sep).startsWith(root + path.sep);
}

/**
 * The command line that runs `command` with `args` the way this run was started; `cwd` (the person's folder) where
 * the bin itself may have been run from the clone, whose form is then npm's too.
 */
export function commandLine(env: Env, command: string, args = "", cwd?: string): string {
  // Whatever runs the clone's bin there (a shell, or another npm script such as npm test), the person is in the clone.
  if (inOwnClone(env) || (cwd !== undefined && binInOwnClone(cwd, PACKAGE_ROOT))) return `npm run plop ${command}${args ? ` -- ${args}` : ""}`;
  return `${binWord(env, PACKAGE_ROOT)} ${command}${args ? ` ${args}` : ""}`;
}

/**
 * How the person types the bin: `mjoplan` where their shell finds it (a global install), `npx mjoplan` where the
 * package is a project's dependency and nothing else puts it on the PATH (TRIAL7 U16: a dev dependency's bin is
 * only on the PATH of npm's own scripts and npx, through node_modules/.bin, so those entries do not count).
 */
export function binWord(env: Env, packageRoot: string, exists: (file: string) => boolean = existsSync): string {
  if (!path.resolve(packageRoot).split(path.sep).includes("node_modules")) return "mjoplan";
  const names = process.platform === "win32" ? ["mjoplan.cmd", "mjoplan.ps1", "mjoplan"] : ["mjoplan"];
  const dirs = (env["PATH"] ?? env["Path"] ?? "").split(path.delimiter).filter((d) => d !== "" && !path.resolve(d).split(path.sep).includes("node_modules"));
  return dirs.some((d) => names.some((n) => exists(path.join(d, n)))) ? "mjoplan" : "npx mjoplan";
}

/** The usage line of --help: the bin's form, and the clone's npm form where that is how it was run. */
export function usageLine(env: Env, command: string, rest: string): string {
  const bin = `mjoplan ${command} ${rest}`;
  // Through npm, arguments as well as flags go after its one `--`.
  return inOwnClone(env) ? `Usage: npm run plop ${command} -- ${rest}   (the bin: ${bin})` : `Usage: ${bin}`;
}

/**
 * The npm config keys set (to anything but false) by the npmrc files npm read for this run: the project's,
 * the user's, the global one and npm's built-in one. npm exports a key set there to a script exactly as it
 * exports a flag typed on its command line (npm_config_force=true either way, and npm 7+ no longer exports
 * npm_config_argv), so a key a file sets cannot be told from a typed one. Keys in `_` and `-` spelling alike.
 */
export function npmrcKeys(env: Env, read: (file: string) => string | undefined = readOrUndefined): Set<string> {
  const files = [
    env["npm_config_local_prefix"] && path.join(env["npm_config_local_prefix"], ".npmrc"),
    env["npm_config_userconfig"],
    env["npm_config_globalconfig"],
    env["npm_execpath"] && path.join(path.dirname(path.dirname(env["npm_execpath"])), "npmrc"),
  ];
  const keys = new Set<string>();
  for (const file of files) {
    for (const line of (file ? read(file) ?? "" : "").split(/\r?\n/)) {
      const m = /^\s*([^=;#[\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
      if (m && m[2] !== "" && m[2] !== "false") keys.add(m[1]!.toLowerCase().replace(/-/g, "_"));
    }
  }
  return keys;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Flags of `schema` that npm took as its own options: `npm run plop plan --name X`
 * without the `--` hands npm the flags (it exports them as npm_config_name and so on)
 * and mjoplan only the words between them. Empty when not run by npm. A key an npmrc
 * file sets is not counted: it may come from there (force, json, dry-run are common),
 * and a correct command must not be refused; the price is a typed flag of the same
 * name that goes unnoticed.
 */
export function flagsNpmTook(env: Env, schema: Schema, fromFiles: () => Set<string> = () => npmrcKeys(env)): string[] {
  if (env["npm_lifecycle_event"] === undefined) return [];
  // npm exports a boolean it was given as "true" and one left at false as "": only set values count.
  const set = Object.values(schema)
    .map((f) => f.flag)
    .filter((flag) => (env[`npm_config_${flag.replace(/-/g, "_")}`] ?? "") !== "");
  if (!set.length) return set;
  const files = fromFiles();
  return set.filter((flag) => !files.has(flag.replace(/-/g, "_")));
}

/**
 * Refuses a run whose flags npm took: it would run without them (a --dry-run that
 * writes, a --strict that passes). One line saying where the `--` goes.
 */
export function checkNpmTookNoFlags(env: Env, schema: Schema, command: string): void {
  const taken = flagsNpmTook(env, schema).map((f) => `--${f}`);
  if (!taken.length) return;
  const script = inOwnClone(env) ? `npm run plop ${command}` : `npm run ${env["npm_lifecycle_event"]}`;
  throw new InputError(taken.join(", "), `npm took ${taken.length === 1 ? "this flag" : "these flags"} as its own and mjoplan never saw ${taken.length === 1 ? "it" : "them"}: put npm's -- before mjoplan's flags (${script} -- ${taken.join(" ... ")} ...)`);
}
