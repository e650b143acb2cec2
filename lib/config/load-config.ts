/** Finds and reads the team's config: every mjoplan.config.json and package.json "mjoplan" key from --dest up to the repository root (never above it), merged. */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { notValidJson } from "../json-fault.js";
import { InputError, InputErrors } from "../errors.js";
import { isObject } from "../is-object.js";
import { foldersUpTo, searchTop } from "../search-top.js";
import { nearest } from "../measure/nearest.js";
import { DEFAULT_CONFIG, parseConfig, type ConfigVocabulary, type MjoplanConfig } from "./config.js";
import { asLf } from "../text-form.js";

/** The config and the folder it lives in (templates are relative to it). */
export interface LoadedConfig {
  config: MjoplanConfig;
  dir: string;
  /** Every config merged into this one, nearest first. */
  sources?: string[];
  /** Where each top-level key's value comes from (the nearest config that sets it), for messages. */
  keySources?: Record<string, string>;
}

/** The largest config read: far above any team's, far below what a link to /dev/zero would make of memory. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

function readJson(file: string): unknown {
  // A link to /dev/zero (or a pipe) read whole never ends and takes every byte of memory (USER21 V2): only a regular
  // file of a config's size is read.
  const stat = statSync(file);
  const where = path.relative(process.cwd(), file) || file;
  if (!stat.isFile()) throw new InputError(where, "is not a regular file (a device, a pipe or a folder); a config is a JSON file");
  if (stat.size > MAX_CONFIG_BYTES) throw new InputError(where, `is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB; a config is a small JSON file`);
  let text = "";
  try {
    // A byte-order mark (Notepad) is how the file is stored, not JSON: read as every file is (text-form.ts).
    text = asLf(readFileSync(file, "utf8"));
    return JSON.parse(text);
  } catch (e) {
    throw notValidJson(file, text, e);
  }
}

interface Found {
  raw: unknown;
  where: string;
  dir: string;
}

/**
 * The configs of one folder, nearest first: its mjoplan.config.json, then its package.json's "mjoplan"
 * key. Both are read and merged (the file over the key), so a key added to package.json after `init`
 * wrote the file is not silently ignored.
 */
function configsIn(dir: string): Found[] {
  const out: Found[] = [];
  const file = path.join(dir, "mjoplan.config.json");
  if (existsSync(file)) out.push({ raw: readJson(file), where: path.relative(process.cwd(), file) || file, dir });
  if (!existsSync(path.join(dir, "package.json"))) return out;
  const pkg = readJson(path.join(dir, "package.json")) as Record<string, unknown> | null;
  if (pkg && typeof pkg === "object" && "mjoplan" in pkg) out.push({ raw: pkg["mjoplan"], where: `${path.relative(process.cwd(), path.join(dir, "package.json")) || "package.json"}#mjoplan`, dir });
  return out;
}


/** `over` on top of `base`: objects merge key by key, anything else (lists too) replaces. */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k] as Record<string, unknown>, v) : v;
  return out;
}

const isFolder = (dir: string): boolean => {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

/** Folders a config names relative to itself, rebased when it is merged into a config further down. */
const FOLDER_KEYS = ["templates", "packs"] as const;

/**
 * The team's settings: every config from the repository root (the folder with
 * .git; without one, the nearest with package.json: lib/search-top.ts) down to
 * the nearest one from --dest, merged in that order, so a monorepo's root sets
 * defaults and a package overrides them. Nothing above the root is read. Each is
 * validated on its own, so a problem names the file it is in.
 * `vocabulary` holds the names the program's generators know (configVocabularyOf
 * in lib/generator.ts).
 */
export function loadConfig(dest: string, vocabulary: ConfigVocabulary, options: { creates?: (typeof FOLDER_KEYS)[number] } = {}): LoadedConfig {
  const start = path.resolve(dest);
  const repoRoot = searchTop(start);
  const found = foldersUpTo(start, repoRoot).flatMap(configsIn);
  if (found.length === 0) return { config: DEFAULT_CONFIG, dir: start };
  const nearest = found[0]!;
  const problems: string[] = [];
  let merged: Record<string, unknown> = {};
  for (const f of [...found].reverse()) {
    problems.push(...parseConfig(f.raw, f.where, vocabulary).problems);
    if (!isObject(f.raw)) continue;
    const own = { ...f.raw };
    for (const key of FOLDER_KEYS) {
      if (typeof own[key] !== "string") continue;
      const folder = path.resolve(f.dir, own[key] as string);
      if (folder !== repoRoot && !folder.startsWith(repoRoot + path.sep)) problems.push(`${f.where}.${key}: ${JSON.stringify(own[key])} leads out of the repository (${repoRoot})`);
      // A folder the team named that is not there (a typo) would leave its templates or packs unused without a word; the
      // default folder stays optional, and a command that creates the folder (eject) takes it as it is.
      else if (key !== options.creates && !isFolder(folder) && path.posix.normalize(own[key] as string).replace(/\/+$/, "") !== DEFAULT_CONFIG[key]) {
        problems.push(`${f.where}.${key}: ${JSON.stringify(own[key])} is not a folder (looked in ${f.dir}); the team's ${key} would not be used`);
      }
      own[key] = path.relative(nearest.dir, folder).split(path.sep).join("/") || ".";
    }
    merged = merge(merged, own);
  }
  if (problems.length) throw new InputErrors(problems);
  const { config } = parseConfig(merged, nearest.where, vocabulary);
  const keySources: Record<string, string> = {};
  for (const f of found) if (isObject(f.raw)) for (const key of Object.keys(f.raw)) keySources[key] ??= f.where;
  return { config, dir: nearest.dir, sources: found.map((f) => f.where), keySources };
}

/**
 * The config's default answers that a command takes, as given values, each naming
 * where it came from. `answers` are the keys a default may have (the plan's: the
 * config is one per repository, not per command); one outside them is refused,
 * one the command does not take (an owner, to \`test\`) is left for the commands that do.
 */
export function configDefaults(loaded: LoadedConfig, answers: readonly string[], taken: readonly string[] = answers): Record<string, { raw: unknown; where: string }> {
  const { config } = loaded;
  const out: Record<string, { raw: unknown; where: string }> = {};
  if (config.system && taken.includes("system")) out["system"] = { raw: config.system, where: `${config.source}.system` };
  for (const [key, raw] of Object.entries(config.defaults)) {
    if (!answers.includes(key) || key === "name") {
      const known = answers.filter((k) => k !== "name");
      // defaults.ratelimit: one typo off rateLimit, named as the answers file names its keys (TRIAL4 V19).
      const meant = nearest(key, known);
      throw new InputError(`${config.source}.defaults.${key}`, `not an answer that can have a default${meant ? `; did you mean "${meant}"?` : ""} (expected one of ${known.join(", ")})`);
    }
    if (taken.includes(key)) out[key] = { raw, where: `${config.source}.defaults.${key}` };
  }
  return out;
}

/** The team's template folder, when it exists. */
export function overridesDirOf(loaded: LoadedConfig): string | undefined {
  const dir = path.resolve(loaded.dir, loaded.config.templates);
  return existsSync(dir) ? dir : undefined;
}
