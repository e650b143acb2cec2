/**
 * How the person ran mjoplan, so that the commands its help and summaries suggest
 * are ones they can type: `npm run plop <command> -- <flags>` only in mjoplan's own
 * clone, run through its `plop` script; `mjoplan <command> <flags>` (the bin, or
 * `npx mjoplan`) everywhere else. npm tells a script how it was run through its
 * environment (npm_lifecycle_event, npm_package_name, npm_config_*).
 */
import { InputError } from "../errors.js";
import type { Schema } from "../schema/field.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** True when npm runs mjoplan's own `plop` script: the clone, where `npm run plop` exists. */
const inOwnClone = (env: Env): boolean => env["npm_lifecycle_event"] === "plop" && env["npm_package_name"] === "mjoplan";

/** The command line that runs `command` with `args` the way this run was started. */
export function commandLine(env: Env, command: string, args = ""): string {
  if (inOwnClone(env)) return `npm run plop ${command}${args ? ` -- ${args}` : ""}`;
  return `mjoplan ${command}${args ? ` ${args}` : ""}`;
}

/** The usage line of --help: the bin's form, and the clone's npm form where that is how it was run. */
export function usageLine(env: Env, command: string, rest: string): string {
  const bin = `mjoplan ${command} ${rest}`;
  // Through npm, arguments as well as flags go after its one `--`.
  return inOwnClone(env) ? `Usage: npm run plop ${command} -- ${rest}   (the bin: ${bin})` : `Usage: ${bin}`;
}

/**
 * Flags of `schema` that npm took as its own options: `npm run plop plan --name X`
 * without the `--` hands npm the flags (it exports them as npm_config_name and so on)
 * and mjoplan only the words between them. Empty when not run by npm.
 */
export function flagsNpmTook(env: Env, schema: Schema): string[] {
  if (env["npm_lifecycle_event"] === undefined) return [];
  // npm exports a boolean it was given as "true" and one left at false as "": only set values count.
  return Object.values(schema)
    .map((f) => f.flag)
    .filter((flag) => (env[`npm_config_${flag.replace(/-/g, "_")}`] ?? "") !== "");
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
