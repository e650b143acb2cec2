/**
 * Turns raw values (flags, answers-file entries, prompt answers) into typed input,
 * field by field, naming where a bad value came from. Untyped data is parsed here,
 * once; everything after works with typed input.
 */
import { InputError } from "../errors.js";
import type { AnyField, InputOf, Schema } from "./field.js";
import { MAX_LIST_ITEMS } from "./fields.js";
import { asJson, ValueProblem } from "./problem.js";

/** A raw value and where it came from, for the error message. */
export interface Given {
  raw: unknown;
  where: string;
  /** For list fields given as flags: where each item came from. */
  itemWheres?: string[];
  /** How the place writes a value a problem names (a YAML file plain where it can); JSON where not given: a JSON file's own way (mjoplan.config.json, an answers .json), and a flag's or a prompt's quotes. */
  written?: (value: unknown) => string;
}

export type GivenSet<S extends Schema> = Partial<Record<keyof S, Given>>;

function problemOf(thrown: unknown, written: (value: unknown) => string = asJson): string {
  if (typeof thrown === "string") return thrown;
  if (thrown instanceof ValueProblem) return thrown.in(written);
  if (thrown instanceof InputError) return thrown.message;
  throw thrown;
}

export function parseGiven(field: AnyField, given: Given): unknown {
  if (field.kind === "list") {
    const items = Array.isArray(given.raw) ? given.raw : [given.raw];
    // Before any item is parsed: a list of a million items is refused at once, not after.
    if (items.length > MAX_LIST_ITEMS) throw new InputError(given.where, `holds ${items.length} items; at most ${MAX_LIST_ITEMS} are taken`);
    const parsed = items.flatMap((item, i) => {
      const where = given.itemWheres?.[i] ?? (Array.isArray(given.raw) ? `${given.where}[${i}]` : given.where);
      try {
        return field.commaSeparated && typeof item === "string" ? field.parse(item) : [field.parseItem(item)];
      } catch (thrown) {
        throw new InputError(where, problemOf(thrown, given.written));
      }
    });
    if (parsed.length > MAX_LIST_ITEMS) throw new InputError(given.where, `holds ${parsed.length} items; at most ${MAX_LIST_ITEMS} are taken`);
    const verdict = field.validateAll(parsed);
    if (verdict !== true) throw new InputError(given.where, problemOf(verdict, given.written));
    return parsed;
  }
  try {
    return field.parse(given.raw);
  } catch (thrown) {
    // A list of choices from an answers file or a tool (kinds: ["securty"]) names its item, as a list field's items are named.
    const at = field.kind === "multi" && Array.isArray(given.raw) ? given.raw.findIndex((item) => !isChoice(field.choices, item)) : -1;
    throw new InputError(at >= 0 ? `${given.where}[${at}]` : given.where, problemOf(thrown, given.written));
  }
}

/** Whether one item of a multi field's array is one of its choices (as its parse reads them: any case, trimmed). */
const isChoice = (choices: readonly string[], item: unknown): boolean =>
  typeof item === "string" && item.split(",").every((word) => word.trim() === "" || choices.some((c) => c.toLowerCase() === word.trim().toLowerCase()));

/** Parses every given field; fields not given are left out (the caller asks for them or takes fallbacks). */
export function parseAll<S extends Schema>(schema: S, given: GivenSet<S>): Partial<InputOf<S>> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    const g = given[key as keyof S];
    // A key like __proto__, constructor or toString names no field, whatever Object.prototype holds.
    if (!Object.hasOwn(schema, key)) {
      if (key in Object.prototype || key === "__proto__") throw new InputError(g?.where ?? key, "not an answer mjoplan knows");
      continue;
    }
    const field = schema[key];
    if (field && g) out[key] = parseGiven(field, g);
  }
  return out as Partial<InputOf<S>>;
}

/** The fields still missing that have no fallback to fall back on, and those the other answers require (an empty list is missing). */
export function missingRequired<S extends Schema>(schema: S, values: Partial<InputOf<S>>): (keyof S & string)[] {
  return Object.keys(schema).filter((k) => {
    const field = schema[k]!;
    const value: unknown = values[k as keyof S];
    if (field.required) return value === undefined;
    return field.requiredWhen?.(values) === true && (value === undefined || (Array.isArray(value) && value.length === 0));
  });
}

/**
 * What given fields imply (`--roles` implies `--auth roles`): set, where the implied field came
 * from no one or only from a default; a contradiction where a flag or an answers file gave it
 * otherwise (`auth: anonymous`), named by both places. A default (the config's) that the other
 * answers do not fit is left out instead: defaults apply where they fit. `explicit`: what a flag or an answers file gave.
 */
export function withImplied<S extends Schema>(schema: S, values: Partial<InputOf<S>>, explicit: GivenSet<S>): Partial<InputOf<S>> {
  const out: Record<string, unknown> = { ...values };
  for (const [key, field] of Object.entries(schema)) {
    const value = out[key];
    if (!field.implies || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    for (const [other, implied] of Object.entries(field.implies)) {
      if (out[other] === implied) continue;
      const given = explicit[key as keyof S];
      const stated = explicit[other as keyof S];
      if (!given) {
        delete out[key];
        break;
      }
      if (stated) throw new InputError(given.where, `needs ${schema[other]?.flag ? `--${schema[other].flag} ${implied}` : `${other}: ${implied}`}, not ${JSON.stringify(out[other])} (${stated.where})`);
      out[other] = implied;
    }
  }
  return out as Partial<InputOf<S>>;
}

export function withFallbacks<S extends Schema>(schema: S, values: Partial<InputOf<S>>): InputOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    const v = values[key as keyof S];
    out[key] = v === undefined ? structuredClone(field.fallback) : v;
  }
  return out as InputOf<S>;
}
