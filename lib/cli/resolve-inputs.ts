/**
 * From flags and an answers file to the typed inputs of a run: one per use-case
 * (a batch when the answers file holds a list). Flags beside an answers file win.
 */
import { InputError } from "../errors.js";
import type { InputOf, Schema } from "../schema/field.js";
import { missingRequired, parseAll, type Given, type GivenSet } from "../schema/resolve.js";
import { readAnswersFile } from "./answers-file.js";

export interface PendingInput<S extends Schema> {
  values: Partial<InputOf<S>>;
  missing: (keyof S & string)[];
}

/** Precedence, lowest first: the config's defaults, the answers file, the flags. */
export async function resolveInputs<S extends Schema>(
  schema: S,
  flags: Record<string, Given>,
  answersFile: string,
  cwd: string,
  defaults: GivenSet<S> = {},
): Promise<PendingInput<S>[]> {
  const fromFlags: GivenSet<S> = {};
  for (const key of Object.keys(schema)) if (flags[key]) fromFlags[key as keyof S] = flags[key];
  const entries = answersFile ? await readAnswersFile(answersFile, schema, cwd) : [{}];
  return entries.map((entry) => {
    const values = parseAll(schema, { ...defaults, ...entry, ...fromFlags });
    return { values, missing: missingRequired(schema, values) };
  });
}

/** The one-line error for a run that lacks required values and cannot ask. */
export function missingError<S extends Schema>(schema: S, pending: PendingInput<S>[], why: string): InputError {
  const at = pending.findIndex((p) => p.missing.length > 0);
  const flags = pending[at]!.missing.map((k) => `--${schema[k]!.flag}`).join(", ");
  return new InputError(pending.length > 1 ? `use-case ${at + 1} of ${pending.length}` : "input", `missing ${flags} (${why})`);
}
