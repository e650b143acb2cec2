/**
 * Constructors for schema fields. Each parses a raw value (a flag string or an
 * answers-file value) into its typed form or throws a string naming the problem;
 * the caller adds where the value came from.
 */
import type { ChoiceField, FlagField, ListField, MultiField, TextField, Validator } from "./field.js";
import { nearest } from "../measure/nearest.js";
import { problem, shown, ValueProblem } from "./problem.js";

/** Caps on what one answer may hold, documented in the README: every step stays linear and every plan stays readable by `check`. */
export const MAX_TEXT = 2000;
export const MAX_LIST_ITEMS = 100;

interface Common {
  flag: string;
  description: string;
  valueHint?: string;
  parts?: Readonly<Record<string, readonly string[]>>;
  ask?: boolean;
  required?: boolean;
  askWhen?: (answers: Readonly<Record<string, unknown>>) => boolean;
  requiredWhen?: (answers: Readonly<Record<string, unknown>>) => boolean;
  implies?: Readonly<Record<string, string>>;
  prompt?: string;
  askDefault?: (answers: Readonly<Record<string, unknown>>) => string | undefined;
  askNote?: (answers: Readonly<Record<string, unknown>>) => string | undefined;
}

/** The options every field takes the same way. */
function base(opts: Common): Pick<TextField, "flag" | "description" | "ask" | "required" | "askWhen" | "requiredWhen" | "implies" | "prompt" | "askDefault" | "askNote" | "parts"> {
  return {
    flag: opts.flag,
    description: opts.description,
    ask: opts.ask ?? true,
    required: opts.required ?? false,
    ...(opts.askWhen ? { askWhen: opts.askWhen } : {}),
    ...(opts.requiredWhen ? { requiredWhen: opts.requiredWhen } : {}),
    ...(opts.implies ? { implies: opts.implies } : {}),
    ...(opts.prompt ? { prompt: opts.prompt } : {}),
    ...(opts.askDefault ? { askDefault: opts.askDefault } : {}),
    ...(opts.askNote ? { askNote: opts.askNote } : {}),
    ...(opts.parts ? { parts: opts.parts } : {}),
  };
}

/** One line of free text: tabs and line breaks fold to spaces, other control characters are refused. */
export function oneLine(raw: unknown): string {
  if (typeof raw === "number") raw = String(raw);
  if (typeof raw !== "string") throw `expected text, got ${describe(raw)}`;
  const folded = raw.replace(/[\t\r\n\u2028\u2029]+/g, " ").trim();
  if (/[\u0000-\u001f\u007f]/.test(folded)) throw "contains a control character";
  if (folded.length > MAX_TEXT) throw `is longer than ${MAX_TEXT} characters`;
  return folded;
}

export function describe(raw: unknown): string {
  if (raw === null) return "null";
  if (Array.isArray(raw)) return "a list";
  return typeof raw === "object" ? "an object" : `${typeof raw} ${JSON.stringify(raw)}`;
}

function check<T>(value: T, validate?: Validator<T>): T {
  const verdict = validate ? validate(value) : true;
  if (verdict !== true) throw verdict;
  return value;
}

export function text(opts: Common & { fallback?: string; validate?: Validator<string>; normalize?: (value: string) => string }): TextField {
  return {
    kind: "text",
    ...base(opts),
    valueHint: opts.valueHint ?? "text",
    fallback: opts.fallback ?? "",
    parse: (raw) => {
      // The one way a field writes what may be typed several ways (a relation's "owner,collaborator"), before its check.
      const value = opts.normalize ? opts.normalize(oneLine(raw)) : oneLine(raw);
      try {
        return check(value, opts.validate);
      } catch (thrown) {
        // A number a file holds (success: 999) is checked as text, and named as the file wrote it: 999, not "999".
        throw thrown instanceof ValueProblem ? thrown.about(value, raw) : thrown;
      }
    },
  };
}

function pick<C extends string>(choices: readonly C[], raw: unknown): C {
  const typed = oneLine(raw);
  const word = typed.toLowerCase();
  const found = choices.find((c) => c.toLowerCase() === word);
  if (found !== undefined) return found;
  // Said as it was typed, with the choice one typo off where there is one.
  const meant = nearest(word, choices);
  throw problem`unknown value ${shown(typeof raw === "string" ? typed : raw)}${meant ? `; did you mean ${JSON.stringify(meant)}?` : ""} (expected one of ${choices.join(", ")})`;
}

export function choice<const C extends string>(opts: Common & { choices: readonly C[]; fallback: C }): ChoiceField<C> {
  return {
    kind: "choice",
    ...base(opts),
    valueHint: opts.valueHint ?? opts.choices.join("|"),
    choices: opts.choices,
    fallback: opts.fallback,
    parse: (raw) => pick(opts.choices, raw),
  };
}

/** Splits a comma list (flags) or takes an array (answers files). */
export function commaItems(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  return oneLine(raw)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function multi<const C extends string>(opts: Common & { choices: readonly C[]; fallback: C[] }): MultiField<C> {
  return {
    kind: "multi",
    ...base(opts),
    valueHint: opts.valueHint ?? opts.choices.join(","),
    choices: opts.choices,
    fallback: opts.fallback,
    parse: (raw) => {
      const picked = new Set(commaItems(raw).map((item) => pick(opts.choices, item)));
      if (picked.size === 0) throw "needs at least one value";
      // Canonical order, so the same choice in any order renders the same output.
      return opts.choices.filter((c) => picked.has(c));
    },
  };
}

/** A repeatable item: one per flag occurrence, an array in answers files. */
export function list<I>(opts: Common & { parseItem: (raw: unknown) => I; validate?: Validator<I[]>; commaSeparated?: boolean }): ListField<I> {
  return {
    kind: "list",
    ...base(opts),
    valueHint: opts.valueHint ?? "item",
    fallback: [],
    commaSeparated: opts.commaSeparated ?? false,
    parseItem: opts.parseItem,
    validateAll: opts.validate ?? (() => true),
    parse: (raw) => {
      const items = Array.isArray(raw) ? raw : opts.commaSeparated ? commaItems(raw) : [raw];
      if (items.length > MAX_LIST_ITEMS) throw `holds ${items.length} items; at most ${MAX_LIST_ITEMS} are taken`;
      return check(
        items.map((item) => opts.parseItem(item)),
        opts.validate,
      );
    },
  };
}

export function flag(opts: Common & { fallback?: boolean }): FlagField {
  return {
    kind: "flag",
    ...base(opts),
    fallback: opts.fallback ?? false,
    parse: (raw) => {
      if (typeof raw === "boolean") return raw;
      const word = typeof raw === "string" ? raw.trim().toLowerCase() : "";
      if (["true", "yes", "y", "1"].includes(word)) return true;
      if (["false", "no", "n", "0"].includes(word)) return false;
      throw typeof raw === "string" || typeof raw === "number" ? problem`expected true or false, got ${typeof raw} ${shown(raw)}` : `expected true or false, got ${describe(raw)}`;
    },
  };
}
