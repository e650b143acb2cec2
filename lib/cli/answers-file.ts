/**
 * Reads an --answers file (JSON, or YAML by extension): one use-case object or
 * an array of them. Each entry is checked for unknown keys here; values are
 * parsed by the schema with their position in the file as `where`.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import type { Schema } from "../schema/field.js";
import type { GivenSet } from "../schema/resolve.js";

/** The largest answers file read (tens of thousands of use-cases): what a batch holds in memory stays bounded. */
export const MAX_ANSWERS_BYTES = 32 * 1024 * 1024;

/** One use-case of an answers file: its answers, and where it is (`backlog.json[2]`, or the file for a single object). */
export interface AnswersEntry<S extends Schema> {
  at: string;
  given: GivenSet<S>;
}

/**
 * An answers file's use-cases, each made on demand: a batch keeps the parsed file and
 * no more (every entry is checked for its shape and keys when the file is read).
 */
export interface AnswersFile<S extends Schema> {
  count: number;
  entry(i: number): AnswersEntry<S>;
}

export async function readAnswersFile<S extends Schema>(file: string, schema: S, cwd: string): Promise<AnswersFile<S>> {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    const size = (await stat(full)).size;
    if (size > MAX_ANSWERS_BYTES) throw new InputError(`--answers ${file}`, `is larger than ${MAX_ANSWERS_BYTES / 1024 / 1024} MiB; split the batch`);
    text = await readFile(full, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`--answers ${file}`, code === "ENOENT" ? "file not found" : `cannot read it (${code ?? String(e)})`);
  }
  const data = /\.ya?ml$/i.test(file) ? await parseYaml(text, file) : parseJson(text, file);
  const entries: unknown[] = Array.isArray(data) ? data : [data];
  if (entries.length === 0) throw new InputError(file, "holds an empty list; expected at least one use-case");
  const known = Object.keys(schema);
  const atOf = (i: number): string => (Array.isArray(data) ? `${file}[${i}]` : file);
  entries.forEach((entry, i) => {
    const at = atOf(i);
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) throw new InputError(at, "expected an object with the use-case's answers");
    for (const key of Object.keys(entry)) if (!known.includes(key)) throw new InputError(`${at}.${key}`, `unknown key (expected one of ${known.join(", ")})`);
  });
  return {
    count: entries.length,
    entry(i) {
      const at = atOf(i);
      const given: GivenSet<S> = {};
      for (const [key, raw] of Object.entries(entries[i] as Record<string, unknown>)) {
        if (raw === null || raw === undefined) continue;
        given[key as keyof S] = { raw, where: `${at}.${key}` };
      }
      return { at, given };
    },
  };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(file, `not valid JSON (${(e as Error).message})`);
  }
}

async function parseYaml(text: string, file: string): Promise<unknown> {
  // Loaded only for YAML files: most runs never pay for the parser.
  const { parse } = await import("yaml");
  try {
    return parse(text);
  } catch (e) {
    throw new InputError(file, `not valid YAML (${(e as Error).message.split("\n")[0]})`);
  }
}
