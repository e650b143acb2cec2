/**
 * Flags in any order, repeatable where the schema says so, through exactly one
 * npm `--`. plop's own bypass reads values by position, which is why mjoplan
 * parses its flags itself.
 */
import { InputError } from "../errors.js";
import { nearest } from "../measure/nearest.js";
import type { AnyField, Schema } from "../schema/field.js";
import type { Given } from "../schema/resolve.js";

export interface ParsedArgv {
  positionals: string[];
  /** Given values by schema key. */
  given: Record<string, Given>;
}

/** A value as an error message names it: quoted where needed, and cut short (a 100 KB value is one line, not a screenful). */
const SHOWN = 60;
const quote = (s: string): string => {
  const shown = s.length > SHOWN ? `${s.slice(0, SHOWN)}...` : s;
  return bare(shown) && shown !== "" ? shown : JSON.stringify(shown);
};

/** Whether every character is one /^[\w./:@,-]*$/ allows (a letter or digit of ASCII, _ . / : @ , -): a loop, where the pattern was compiled twice at every start (bytecode, then machine code at its second use). */
export function bare(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 44 && c <= 58) || c === 95 || c === 64)) return false;
  }
  return true;
}

/**
 * The one known flag that starts with what was typed (`--schedule` for --scheduled-command, TRIAL12 Z20): a word a
 * person says for it is often its beginning, too far from the whole for a typo's distance. Three letters at least, and
 * only where exactly one flag starts so; else undefined.
 */
export function onlyExtending(typed: string, known: readonly string[]): string | undefined {
  if (typed.length < 3) return undefined;
  const longer = known.filter((k) => k.startsWith(typed) && k !== typed);
  return longer.length === 1 ? longer[0] : undefined;
}

export function parseArgv(argv: readonly string[], schema: Schema): ParsedArgv {
  const byFlag = new Map<string, [string, AnyField]>(Object.entries(schema).flatMap(([k, f]) => [f.flag, ...(f.aliases ?? [])].map((name): [string, [string, AnyField]] => [name, [k, f]])));
  const positionals: string[] = [];
  const given: Record<string, Given> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "--") {
      if (arg.startsWith("-") && arg !== "-") throw new InputError(arg, "unknown option; flags are spelled --name (see --help)");
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    let name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    let negated = false;
    if (!byFlag.has(name) && name.startsWith("no-") && byFlag.get(name.slice(3))?.[1].kind === "flag") {
      name = name.slice(3);
      negated = true;
    }
    const entry = byFlag.get(name);
    if (!entry) {
      const meant = nearest(name, [...byFlag.keys()]) ?? onlyExtending(name, [...byFlag.keys()]) ?? Object.values(schema).find((f) => f.meantBy?.includes(name))?.flag;
      throw new InputError(`--${name}`, `unknown flag${meant ? `; did you mean --${meant}?` : ""} (see --help)`);
    }
    const [key, field] = entry;
    let value: string | boolean;
    if (field.kind === "flag") {
      value = negated ? false : eq < 0 ? true : arg.slice(eq + 1);
    } else if (eq >= 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) throw new InputError(`--${name}`, `needs a value (${field.valueHint ?? "text"})`);
      value = next;
      i++;
    }
    const where = typeof value === "string" ? `--${name} ${quote(value)}` : `--${name}`;
    const previous = given[key];
    if (field.kind === "list") {
      const raws = previous ? (previous.raw as unknown[]) : [];
      const wheres = previous?.itemWheres ?? [];
      given[key] = { raw: [...raws, value], where: `--${name}`, itemWheres: [...wheres, where] };
    } else {
      if (previous && field.kind !== "flag") throw new InputError(`--${name}`, "given twice; it takes one value");
      given[key] = { raw: value, where };
    }
  }
  return { positionals, given };
}
