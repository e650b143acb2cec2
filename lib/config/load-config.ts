/** Finds and reads the team's config: the nearest mjoplan.config.json or package.json "mjoplan" key from --dest upward. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { InputError, InputErrors } from "../errors.js";
import { DEFAULT_CONFIG, parseConfig, type MjoplanConfig } from "./config.js";

/** The config and the folder it lives in (templates are relative to it). */
export interface LoadedConfig {
  config: MjoplanConfig;
  dir: string;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(file, `not valid JSON (${(e as Error).message})`);
  }
}

export function loadConfig(dest: string): LoadedConfig {
  const start = path.resolve(dest);
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "mjoplan.config.json");
    let found: { raw: unknown; where: string } | undefined;
    if (existsSync(file)) found = { raw: readJson(file), where: path.relative(process.cwd(), file) || file };
    else if (existsSync(path.join(dir, "package.json"))) {
      const pkg = readJson(path.join(dir, "package.json")) as Record<string, unknown> | null;
      if (pkg && typeof pkg === "object" && "mjoplan" in pkg) found = { raw: pkg["mjoplan"], where: `${path.relative(process.cwd(), path.join(dir, "package.json")) || "package.json"}#mjoplan` };
    }
    if (found) {
      const { config, problems } = parseConfig(found.raw, found.where);
      if (problems.length) throw new InputErrors(problems);
      return { config, dir };
    }
    if (path.dirname(dir) === dir) return { config: DEFAULT_CONFIG, dir: start };
  }
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
    if (!answers.includes(key) || key === "name") throw new InputError(`${config.source}.defaults.${key}`, `not an answer that can have a default (expected one of ${answers.filter((k) => k !== "name").join(", ")})`);
    if (taken.includes(key)) out[key] = { raw, where: `${config.source}.defaults.${key}` };
  }
  return out;
}

/** The team's template folder, when it exists. */
export function overridesDirOf(loaded: LoadedConfig): string | undefined {
  const dir = path.resolve(loaded.dir, loaded.config.templates);
  return existsSync(dir) ? dir : undefined;
}
