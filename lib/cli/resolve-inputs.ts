/**
 * From flags and an answers file to the typed inputs of a run: one per use-case
 * (a batch when the answers file holds a list). Flags beside an answers file win.
 */
import { answersFileWords } from "../answer-words.js";
import { InputError } from "../errors.js";
import type { BuildContext, GeneratorDefinition } from "../generator.js";
import type { InputOf, Schema } from "../schema/field.js";
import { missingRequired, parseAll, withImplied, type Given, type GivenSet } from "../schema/resolve.js";
import { readAnswersFile } from "./answers-file.js";

export interface PendingInput<S extends Schema> {
  values: Partial<InputOf<S>>;
  missing: (keyof S & string)[];
  /** Its entry in the answers file (`backlog.json[2]`); undefined for flags alone. */
  entry: string | undefined;
  /** Where each given answer came from: `--relation owner`, `backlog.json[2].relation`, the config's defaults. */
  wheres: Partial<Record<keyof S & string, string>>;
}

/** A run's use-cases, each resolved again when asked for: a batch holds its answers file's entries, not their parsed values. */
export interface InputSource<S extends Schema> {
  count: number;
  entry(i: number): PendingInput<S>;
}

/** Precedence, lowest first: the config's defaults, the answers file, the flags. */
export async function openInputs<S extends Schema>(
  schema: S,
  flags: Record<string, Given>,
  answersFile: string,
  cwd: string,
  defaults: GivenSet<S> = {},
): Promise<InputSource<S>> {
  const fromFlags: GivenSet<S> = {};
  for (const key of Object.keys(schema)) if (flags[key]) fromFlags[key as keyof S] = flags[key];
  const file = answersFile ? await readAnswersFile(answersFile, schema, cwd) : { count: 1, entry: () => ({ at: undefined, given: {} }) };
  return {
    count: file.count,
    entry(i) {
      const entry = file.entry(i);
      const explicit: GivenSet<S> = { ...entry.given, ...fromFlags };
      const given: GivenSet<S> = { ...defaults, ...explicit };
      // What one answer implies (--roles: --auth roles) is set, or refused where a flag or the file said otherwise.
      const values = withImplied(schema, parseAll(schema, given), explicit);
      const wheres = Object.fromEntries(Object.entries(given).map(([k, g]) => [k, (g as Given).where])) as PendingInput<S>["wheres"];
      return { values, missing: missingRequired(schema, values), entry: entry.at, wheres };
    },
  };
}

/** Every use-case resolved at once (a command that looks at them all together). */
export async function resolveInputs<S extends Schema>(
  schema: S,
  flags: Record<string, Given>,
  answersFile: string,
  cwd: string,
  defaults: GivenSet<S> = {},
): Promise<PendingInput<S>[]> {
  const source = await openInputs(schema, flags, answersFile, cwd, defaults);
  return Array.from({ length: source.count }, (_, i) => source.entry(i));
}

/**
 * Where a message about one answer of a use-case points, by one convention for
 * every command: the answers key in the file's entry (0-based, as the file is
 * indexed: `backlog.json[2].relation`), the flag on the command line. A flag that
 * applies to every use-case of a batch is named with the entry at fault.
 */
export function answerWhere<S extends Schema>(schema: S, pending: PendingInput<S>, key: keyof S & string, batch: boolean): string {
  const given = pending.wheres[key];
  if (given !== undefined) return batch && pending.entry !== undefined && !given.startsWith(pending.entry) ? `${pending.entry} with ${given}` : given;
  return pending.entry !== undefined ? `${pending.entry}.${key}` : `--${schema[key]!.flag}`;
}

/**
 * A generator's cross-field fault, named by answerWhere (in a file's batch: `backlog.json[2].relation`), and said in
 * the words of the place at fault (TRIAL7 U16): the file's keys where the answer is the file's, else the flags.
 */
export function crossCheckAll<S extends Schema>(generator: GeneratorDefinition<S>, pending: PendingInput<S>[], inputs: InputOf<S>[], batch = pending.length > 1): void {
  inputs.forEach((input, i) => {
    const fault = generator.crossCheck?.(input);
    if (!fault) return;
    const key = Object.keys(generator.schema).find((k) => generator.schema[k]!.flag === fault.flag);
    const where = key ? answerWhere(generator.schema, pending[i]!, key, batch) : `--${fault.flag}`;
    // A file's answer (an answers file's entry, or a config's default: mjoplan.config.json.defaults.method) is said in the
    // file's keys (fit13b); a flag's in flags.
    const fromFile = !where.includes("--");
    // Checked again with the file's words: a check is pure, and only a refused use-case pays for it.
    throw new InputError(where, fromFile ? (generator.crossCheck?.(input, answersFileWords(generator.schema)) ?? fault).problem : fault.problem);
  });
}

/**
 * A generator's precheck, its fault named by answerWhere: a precheck names the flag (`--pii`), which for a
 * use-case from an answers file is the entry's key (`backlog.yaml[0].pii`, TRIAL4 V9).
 */
export async function precheckAt<S extends Schema>(generator: GeneratorDefinition<S>, pending: PendingInput<S>, context: BuildContext, dest: string, batch = false): Promise<void> {
  try {
    await generator.precheck?.(pending.values, context, dest);
  } catch (e) {
    if (!(e instanceof InputError) || pending.entry === undefined || !e.where.startsWith("--")) throw e;
    const flag = /^--([a-z-]+)/.exec(e.where)?.[1];
    const key = Object.keys(generator.schema).find((k) => generator.schema[k]!.flag === flag);
    // Only a bare flag is renamed: a where holding a value (`--use-case "X"`) already says what is meant.
    if (key === undefined || e.where !== `--${flag}`) throw e;
    throw new InputError(answerWhere(generator.schema, pending, key, batch), e.problem);
  }
}

/** The one-line error for a run that lacks required values and cannot ask: the file's entry and its keys, or the flags. */
export function missingError<S extends Schema>(schema: S, pending: PendingInput<S>[], why: string): InputError {
  const at = pending.find((p) => p.missing.length > 0)!;
  if (at.entry === undefined) return new InputError("input", `missing ${at.missing.map((k) => `--${schema[k]!.flag}`).join(", ")} (${why})`);
  return new InputError(at.entry, `missing ${at.missing.join(", ")} (${why}; give ${at.missing.length === 1 ? "it" : "them"} in the file, or as ${at.missing.map((k) => `--${schema[k]!.flag}`).join(", ")} for every use-case)`);
}
