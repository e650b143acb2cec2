/**
 * Value-object rules: the grammar of CONTRACT.md (`email`, `string(1..60)`,
 * `enum(a|b)`, `pattern(<regex>)`, ...), and all the generator knows about each
 * rule: how it validates in TypeScript, how a person reads it, and which
 * examples prove it in the generated domain tests.
 */
import { createRequire } from "node:module";
import type RandExpClass from "randexp";
import { ts } from "../../lib/render/escape.js";
import { checkPattern } from "./pattern-safety.js";
import { nearest } from "../../lib/measure/nearest.js";

// randexp is loaded only when a pattern rule needs an example: most runs have none.
const require = createRequire(import.meta.url);
const loadRandExp = (): typeof RandExpClass => require("randexp") as typeof RandExpClass;

export type Rule =
  | { kind: "string"; min?: number; max?: number }
  | { kind: "int" | "number"; min?: number; max?: number }
  | { kind: "email" | "uuid" | "boolean" | "date" | "datetime" }
  // `url(https)`: https only, as a URL the server fetches is (TRIAL18B E12: one rule, not http accepted here and refused later).
  | { kind: "url"; https?: true }
  | { kind: "enum"; values: string[] }
  | { kind: "pattern"; source: string }
  | { kind: "list"; item: ItemRule; min: number; max: number };

/** A rule a list's items follow: any but a list (a list of lists is no input a form or a bulk request sends). */
export type ItemRule = Exclude<Rule, { kind: "list" }>;

export type Primitive = "string" | "number" | "boolean";

export const RULE_SYNTAX = [
  "string",
  "string(min..max)",
  "email",
  "uuid",
  "url",
  "url(https)",
  "int(min..max)",
  "number(min..max)",
  "boolean",
  "date",
  "datetime",
  "enum(a|b|c)",
  "pattern(<regex>)",
  "<rule>[min..max]",
] as const;

/** The most items a list rule may allow: the generated tests build a list one past it. */
export const MAX_LIST_ITEMS = 10_000;
/**
 * A list rule in either spelling: `uuid[1..100]`, as the plan writes it (`](` would read as a Markdown link to a file
 * 1..100, which check looks for), or `uuid[](1..100)` and `uuid[]`, read too (TRIAL10 X14 wrote it so). The item rule,
 * then the bounds in the brackets or in the parentheses (none for `uuid[]`, which parseList refuses with an example).
 */
const LIST = /^(?<item>[\s\S]*?)\s*\[(?:(?<bracketed>[^[\]]*\.\.[^[\]]*)\]|\](?:\((?<called>[^()]*)\))?)$/;

/**
 * `uuid[1..100]` (or `uuid[](1..100)`): a JSON array of min to max items, each by the item rule, no item twice (TRIAL10 X14: a list of
 * ids written as a regex made the body a comma-joined string). Both bounds are required: the maximum is the cap a
 * bulk request is refused past, and an empty list asks for nothing.
 */
function parseList(text: string, itemText: string, body: string | undefined): Rule {
  const example = `${itemText || "uuid"}[1..100]`;
  if (itemText === "") throw `${text}: a list needs the rule of its items before its brackets, e.g. ${example}`;
  if (body === undefined) throw `${text}: a list needs its bounds, at least 1 item and a maximum, e.g. ${example}`;
  const m = /^\s*(\d{1,6})?\s*\.\.\s*(\d{1,6})?\s*$/.exec(body);
  if (!m) throw `${text}: expected whole-number bounds like ${example}`;
  if (m[1] === undefined || m[2] === undefined) throw `${text}: a list needs both bounds, at least 1 item and a maximum (the cap), e.g. ${example}`;
  const min = Number(m[1]);
  const max = Number(m[2]);
  if (min < 1) throw `${text}: a list holds at least 1 item (an empty one asks for nothing), e.g. ${example}`;
  if (min > max) throw `${text}: the range is empty (${min} > ${max})`;
  if (max > MAX_LIST_ITEMS) throw `${text}: a list of more than ${MAX_LIST_ITEMS} items is refused (the generated tests build one past the maximum)`;
  let item: Rule;
  try {
    item = parseRule(itemText);
  } catch (e) {
    throw typeof e === "string" ? `${text}: its items' rule: ${e}` : e;
  }
  if (item.kind === "list") throw `${text}: a list of lists is not a rule; name one item rule, e.g. ${example}`;
  return { kind: "list", item, min, max };
}


const NUMBER = String.raw`-?\d{1,30}(?:\.\d{1,30})?`;
/** Caps of a rule's bounds, documented in the README's reliability section. */
export const MAX_STRING_BOUND = 100_000;
export const MAX_NUMBER_BOUND = 2 ** 52;
const RANGE = new RegExp(`^(${NUMBER})?\\.\\.(${NUMBER})?$`);

function parseRange(kind: string, body: string, wholeOnly: boolean): { min?: number; max?: number } {
  const m = RANGE.exec(body.trim());
  if (!m) throw `${kind}(${body}): expected a range like ${kind}(1..60)`;
  const min = m[1] === undefined ? undefined : Number(m[1]);
  const max = m[2] === undefined ? undefined : Number(m[2]);
  for (const bound of [min, max]) {
    if (bound === undefined) continue;
    if (wholeOnly && !Number.isInteger(bound)) throw `${kind}(${body}): bounds must be whole numbers`;
    if (kind === "string" && bound > MAX_STRING_BOUND) throw `string(${body}): a length past ${MAX_STRING_BOUND} is refused (the generated tests build strings of that length)`;
    // Past 2^52 a JavaScript number holds no fraction, and past 2^53 no exact whole number: the generated tests would be wrong.
    if (Math.abs(bound) >= MAX_NUMBER_BOUND) throw `${kind}(${body}): a bound past ±2^52 (${MAX_NUMBER_BOUND}) is refused; numbers there lose precision`;
  }
  if (kind === "string" && min !== undefined && min < 0) throw `string(${body}): a length cannot be negative`;
  if (min !== undefined && max !== undefined && min > max) throw `${kind}(${body}): the range is empty (${min} > ${max})`;
  if (kind === "string" && max === 0) throw `string(${body}): a maximum length of 0 allows only the empty string`;
  if (min === undefined && max === undefined) return {};
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/**
 * The rule a typo'd one meant, whole: its range or values kept (`sting(1..255)` is `string(1..255)`, not
 * `string`, TRIAL6 U15), where the kind meant takes them; undefined for a kind near no known one.
 */
export function ruleMeant(text: string): string | undefined {
  const t = text.trim();
  const call = /^([a-z]+)(\([\s\S]*\))$/i.exec(t);
  const meant = nearest((call ? call[1]! : t).toLowerCase(), RULE_SYNTAX.map((r) => r.replace(/\(.*$/, "")));
  if (meant === undefined) return undefined;
  return call && RULE_SYNTAX.some((r) => r.startsWith(`${meant}(`)) ? `${meant}${call[2]}` : meant;
}

export function parseRule(text: string): Rule {
  const t = text.trim();
  const list = LIST.exec(t)?.groups;
  if (list) return parseList(t, list.item!.trim(), list.bracketed ?? list.called);
  const call = /^([a-z]+)\(([\s\S]*)\)$/i.exec(t);
  const kind = (call ? call[1]! : t).toLowerCase();
  const body = call ? call[2] : undefined;
  switch (kind) {
    case "url":
      if (body === undefined) return { kind };
      if (body.trim().toLowerCase() !== "https") throw `url takes no arguments but (https): url(${body})`;
      return { kind, https: true };
    case "email":
    case "uuid":
    case "boolean":
    case "date":
    case "datetime":
      if (body !== undefined) throw `${kind} takes no arguments`;
      return { kind };
    case "string":
    case "int":
    case "number":
      return { kind, ...(body === undefined ? {} : parseRange(kind, body, kind !== "number")) };
    case "enum": {
      const values = (body ?? "").split("|").map((v) => v.trim());
      if (values.some((v) => v === "")) throw `enum(${body ?? ""}): values must be non-empty, separated by |`;
      if (new Set(values).size !== values.length) throw `enum(${body}): a value is listed twice`;
      // Most tools write a list with commas; read as one value, enum(draft,open,paid) would be a value object
      // that refuses "draft" while the plan reads "one of draft,open,paid" (TRIAL4 V23). A value holding a
      // comma is rarer than the slip, so it is refused with the form meant.
      if (values.some((v) => v.includes(","))) throw `enum(${body}): values are separated by |, not commas: enum(${values.flatMap((v) => v.split(",")).map((v) => v.trim()).join("|")})`;
      return { kind, values };
    }
    case "pattern": {
      if (!body) throw "pattern(): needs a regular expression, e.g. pattern(^[A-Z]{3}$)";
      try {
        new RegExp(body, "u");
      } catch (e) {
        throw `pattern(${body}): not a valid regular expression (${(e as Error).message})`;
      }
      const verdict = checkPattern(body);
      if (!verdict.safe) throw `pattern(${body}): ${verdict.reason}`;
      return { kind, source: body };
    }
    default: {
      // A rule one typo off a known one (uid, emial) is named; the list follows either way.
      const meant = ruleMeant(t);
      // A file is no value object: the upload's capability plans it, its part, types and size (TRIAL7 U16).
      if (/^(?:file|upload|image|blob|binary|attachment)$/i.test(kind)) throw `unknown rule ${JSON.stringify(t)}: a file is not a value object; --capability file-upload plans the request's file (its part, types and size limit), and value objects carry the fields beside it`;
      // Money is two values, an amount and its currency, with no float between them (LEAD20 M1): the refusal says the form.
      if (/^(?:money|price|amount|cents|currency|decimal)$/i.test(kind))
        throw `unknown rule ${JSON.stringify(t)}: an amount of money is an int in minor units, named so (AmountCents:int(1..100000000)), beside its currency as a value object of its own (Currency:pattern(^[A-Z]{3}$), or enum(EUR|USD)) where the request gives one; never a number, which rounds`;
      throw `unknown rule ${JSON.stringify(t)}${meant ? `; did you mean ${JSON.stringify(meant)}?` : ""} (expected one of ${RULE_SYNTAX.join(", ")})`;
    }
  }
}

const range = (r: { min?: number; max?: number }): string => (r.min === undefined && r.max === undefined ? "" : `(${r.min ?? ""}..${r.max ?? ""})`);

/** The canonical text of a rule, as a user would write it. */
export function ruleText(rule: Rule): string {
  switch (rule.kind) {
    case "string":
    case "int":
    case "number":
      return rule.kind + range(rule);
    case "enum":
      return `enum(${rule.values.join("|")})`;
    case "pattern":
      return `pattern(${rule.source})`;
    case "list":
      return `${ruleText(rule.item)}[${rule.min}..${rule.max}]`;
    case "url":
      return rule.https ? "url(https)" : "url";
    default:
      return rule.kind;
  }
}

/** A list's primitive is its items'; what a list needs beyond it is asked of `rule.kind === "list"`. */
export function primitiveOf(rule: Rule): Primitive {
  if (rule.kind === "list") return primitiveOf(rule.item);
  if (rule.kind === "int" || rule.kind === "number") return "number";
  return rule.kind === "boolean" ? "boolean" : "string";
}

/** The TypeScript type of the value object's value. */
export function tsTypeOf(rule: Rule): string {
  if (rule.kind === "list") return rule.item.kind === "enum" ? `readonly (${tsTypeOf(rule.item)})[]` : `readonly ${tsTypeOf(rule.item)}[]`;
  return rule.kind === "enum" ? rule.values.map((v) => ts(v)).join(" | ") : primitiveOf(rule);
}

function bounds(r: { min?: number; max?: number }, unit: string): string {
  if (r.min !== undefined && r.max !== undefined) return `between ${r.min} and ${r.max}${unit}`;
  if (r.min !== undefined) return `at least ${r.min}${unit}`;
  if (r.max !== undefined) return `at most ${r.max}${unit}`;
  return "";
}

/** What the rule accepts, in words, for the plan. */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case "string":
      // string(0..N) says empty text is a value (a PATCH clears the field with it): no blank check then.
      if (rule.min === 0) return rule.max === undefined ? "any text, empty allowed" : `text of at most ${rule.max} characters, empty allowed`;
      return ["non-blank text", bounds(rule, " characters")].filter(Boolean).join(", ");
    case "int":
      return ["a whole number", bounds(rule, "")].filter(Boolean).join(", ");
    case "number":
      return ["a finite number", bounds(rule, "")].filter(Boolean).join(", ");
    case "email":
      return "an email address, at most 254 characters";
    case "uuid":
      return "a UUID (8-4-4-4-12 hex digits)";
    case "url":
      return rule.https ? "an https URL" : "an http or https URL";
    case "boolean":
      return "true or false";
    case "date":
      return "a calendar date, YYYY-MM-DD";
    case "datetime":
      return "an ISO 8601 date and time with an offset (2026-01-31T09:30:00Z)";
    case "enum":
      return `one of ${rule.values.join(", ")}`;
    case "pattern":
      return `text matching the whole of /${rule.source}/`;
    case "list":
      return `a JSON array of ${rule.min === rule.max ? rule.min : `${rule.min} to ${rule.max}`} items, each ${describeRule(rule.item)}, none twice (a repeated item is refused, not collapsed)`;
  }
}

/** A guard of the generated `create()`: when `when` holds for `raw`, creation fails with `message`. */
export interface Check {
  when: string;
  message: string;
}

const EMAIL = String.raw`/^[^\s@]+@[^\s@]+\.[^\s@]+$/`;
const UUID = String.raw`/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i`;
const URL_RE = String.raw`/^https?:\/\/[^\s/?#]+[^\s]*$/i`;
const HTTPS_URL_RE = String.raw`/^https:\/\/[^\s/?#]+[^\s]*$/i`;
const DAY = String.raw`/^\d{4}-\d{2}-\d{2}$/`;
const DATETIME = String.raw`/^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/`;

/**
 * The checks, in order; each narrows `value` for the next (type first). `value` is the variable the generated code
 * checks: the stub's `raw`, or a list's `item`, each checked by its item rule's own checks.
 */
export function checksOf(rule: Rule, name: string, value = "raw"): Check[] {
  const must = (what: string): string => `${name} must ${what}`;
  const lengthOf = `Array.from(${value}).length`;
  if (rule.kind === "list") {
    // Joined so each item check narrows `item` for the next, as the list's own narrow `raw`.
    const itemBad = checksOf(rule.item, name, "item")
      .map((c) => `(${c.when})`)
      .join(" || ");
    return [
      { when: `!Array.isArray(${value})`, message: must("be a list (a JSON array)") },
      { when: `${value}.length < ${rule.min}`, message: must(rule.min === 1 ? "not be empty" : `hold at least ${rule.min} items`) },
      { when: `${value}.length > ${rule.max}`, message: must(`hold at most ${rule.max} items`) },
      { when: `${value}.some((item: unknown) => ${itemBad})`, message: must(`hold only items that are each ${describeRule(rule.item)}`) },
      { when: `new Set(${value}).size !== ${value}.length`, message: must("not hold the same item twice") },
    ];
  }
  const p = primitiveOf(rule);
  const typeCheck: Check =
    p === "number"
      ? { when: `typeof ${value} !== "number" || !Number.isFinite(${value})`, message: must("be a finite number") }
      : { when: `typeof ${value} !== "${p}"`, message: must(`be a ${p}`) };
  const checks: Check[] = [typeCheck];
  switch (rule.kind) {
    case "string":
      if (rule.min === 0) {
        if (rule.max !== undefined) checks.push({ when: `${lengthOf} > ${rule.max}`, message: must(`be at most ${rule.max} characters long`) });
        break;
      }
      checks.push({ when: `${value}.trim() === ""`, message: must("not be blank") });
      if (rule.min !== undefined) checks.push({ when: `${lengthOf} < ${rule.min}`, message: must(`be at least ${rule.min} characters long`) });
      if (rule.max !== undefined) checks.push({ when: `${lengthOf} > ${rule.max}`, message: must(`be at most ${rule.max} characters long`) });
      break;
    case "int":
    case "number":
      if (rule.kind === "int") checks.push({ when: `!Number.isInteger(${value})`, message: must("be a whole number") });
      if (rule.min !== undefined) checks.push({ when: `${value} < ${rule.min}`, message: must(`be at least ${rule.min}`) });
      if (rule.max !== undefined) checks.push({ when: `${value} > ${rule.max}`, message: must(`be at most ${rule.max}`) });
      break;
    case "email":
      checks.push({ when: `${value}.length > 254 || !${EMAIL}.test(${value})`, message: must("be an email address") });
      break;
    case "uuid":
      checks.push({ when: `!${UUID}.test(${value})`, message: must("be a UUID") });
      break;
    case "url":
      checks.push(rule.https ? { when: `!${HTTPS_URL_RE}.test(${value})`, message: must("be an https URL") } : { when: `!${URL_RE}.test(${value})`, message: must("be an http or https URL") });
      break;
    case "date":
      // Date.parse rolls 2026-02-30 over to March; comparing the round trip rejects it.
      checks.push({
        when: `!${DAY}.test(${value}) || Number.isNaN(Date.parse(${value})) || new Date(${value}).toISOString().slice(0, 10) !== ${value}`,
        message: must("be a calendar date (YYYY-MM-DD)"),
      });
      break;
    case "datetime":
      // An offset is required: a time without one means something else on every server.
      checks.push({
        when: `!${DATETIME}.test(${value}) || Number.isNaN(Date.parse(${value})) || new Date(${value}.slice(0, 10)).toISOString().slice(0, 10) !== ${value}.slice(0, 10)`,
        message: must("be an ISO 8601 date and time with an offset"),
      });
      break;
    case "enum":
      checks.push({ when: `!(VALUES as readonly string[]).includes(${value})`, message: must(`be one of ${rule.values.join(", ")}`) });
      break;
    case "pattern":
      checks.push({ when: `!PATTERN.test(${value})`, message: must(`match /${rule.source}/`) });
      break;
    case "boolean":
      break;
  }
  return checks;
}

/** The full-match RegExp the stub uses for a pattern rule. */
export const fullMatch = (source: string): RegExp => new RegExp(`^(?:${source})$`, "u");

/** A value for the domain tests: `expr` is a TypeScript expression, `value` the same value in JSON. */
export interface Example {
  expr: string;
  value: string | number | boolean | readonly (string | number | boolean)[];
}
export interface InvalidExample {
  label: string;
  expr: string;
  message: string;
}

const lit = (v: string | number | boolean): Example => ({ expr: ts(v), value: v });
const repeatA = (n: number): Example => ({ expr: n <= 12 ? JSON.stringify("a".repeat(n)) : `"a".repeat(${n})`, value: "a".repeat(n) });

/** A fixed-seed generator, so pattern examples are the same on every run. */
function seededRandInt(seed: number): (from: number, to: number) => number {
  let state = seed >>> 0;
  return (from, to) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return from + (state % (to - from + 1));
  };
}

/** randexp's token tree (ret): a repetition has min, max and value; a group or the root a stack or options. */
interface Token {
  type: number;
  min?: number;
  max?: number;
  value?: Token;
  stack?: Token[];
  options?: Token[][];
}
const REPETITION = 5;
/** How many tokens one example may generate: bounds its time and length whatever the pattern. */
const GENERATION_BUDGET = 5_000;
class OverBudget extends Error {}

/** Widens no repetition past min + 3, as randexp already does for `*` and `+`: `{1,100000}` stays short. */
function clampRepetitions(token: Token): void {
  if (token.type === REPETITION && token.min !== undefined && token.max !== undefined) token.max = Math.min(token.max, token.min + 3);
  if (token.value) clampRepetitions(token.value);
  for (const t of token.stack ?? []) clampRepetitions(t);
  for (const option of token.options ?? []) for (const t of option) clampRepetitions(t);
}

function patternExample(source: string): Example | undefined {
  const re = fullMatch(source);
  const RandExp = loadRandExp();
  // randexp reads no named group; as a plain group it generates the same text.
  const plain = source.replace(/\\(?:k<[^>]*>|[\s\S])|\[(?:\\[\s\S]|[^\]\\])*\]|\(\?<([^=!][^>]*)>/g, (m, name?: string) => (name === undefined ? m : "("));
  for (let seed = 1; seed <= 20; seed++) {
    let gen: InstanceType<typeof RandExpClass>;
    try {
      gen = new RandExp(new RegExp(plain));
    } catch {
      return undefined; // a construct randexp cannot read: no example, the test becomes a todo
    }
    gen.max = 3;
    gen.randInt = seededRandInt(seed);
    const internals = gen as unknown as { tokens: Token; _gen(token: Token, groups: unknown[]): string };
    clampRepetitions(internals.tokens);
    let steps = 0;
    const step = internals._gen.bind(gen);
    internals._gen = (token, groups) => {
      if (++steps > GENERATION_BUDGET) throw new OverBudget();
      return step(token, groups);
    };
    let candidate: string;
    try {
      candidate = gen.gen();
    } catch (e) {
      if (e instanceof OverBudget) return undefined; // the shortest match is too long to be an example
      throw e;
    }
    if (candidate.length <= 200 && re.test(candidate)) return lit(candidate);
  }
  return undefined;
}

/** Values the rule accepts; empty when the generator cannot find one (the test becomes a todo). */
export function validExamples(rule: Rule): Example[] {
  switch (rule.kind) {
    case "string": {
      const lo = Math.max(rule.min ?? 1, 1);
      const out = rule.min === 0 ? [repeatA(lo), lit("")] : [repeatA(lo)];
      if (rule.max !== undefined && rule.max !== lo) out.push(repeatA(rule.max));
      if (rule.min === undefined && rule.max === undefined) out.push(lit("Ünïcödé ✓ text"));
      return out;
    }
    case "int":
    case "number": {
      const vals = [rule.min, rule.max].filter((v): v is number => v !== undefined);
      if (vals.length === 0) vals.push(rule.kind === "int" ? 42 : 4.2);
      if (rule.kind === "number" && rule.min !== undefined && rule.max !== undefined && rule.min !== rule.max) vals.push((rule.min + rule.max) / 2);
      return [...new Set(vals)].map(lit);
    }
    case "email":
      return [lit("ada@example.com"), lit("o.brien+reset@mail.example.org")];
    case "uuid":
      return [lit("123e4567-e89b-42d3-a456-426614174000")];
    case "url":
      return rule.https ? [lit("https://example.com/path?q=1"), lit("https://example.org:8443/metadata")] : [lit("https://example.com/path?q=1"), lit("http://localhost:3000")];
    case "boolean":
      return [lit(true), lit(false)];
    case "date":
      return [lit("2026-01-31"), lit("2024-02-29")];
    case "datetime":
      return [lit("2026-01-31T09:30:00Z"), lit("2024-02-29T23:59:59.999+02:00")];
    case "enum":
      return rule.values.map(lit);
    case "pattern": {
      const ex = patternExample(rule.source);
      return ex ? [ex] : [];
    }
    case "list": {
      const items = listItems(rule.item, rule.min);
      if (!items) return [];
      const value = items.map((i) => i.value as string | number | boolean);
      return [{ expr: `[${items.map((i) => i.expr).join(", ")}]`, value }];
    }
  }
}

/** `n` different valid items (n is small or built), or undefined when the item rule has not that many examples. */
function listItems(item: ItemRule, n: number): Example[] | undefined {
  const pool = validExamples(item);
  if (pool.length === 0) return undefined;
  if (n <= pool.length) return pool.slice(0, n);
  // More items than examples: numbered UUIDs or texts; other kinds get no generated list (the test becomes a todo).
  if (item.kind === "uuid") return Array.from({ length: n }, (_, i) => lit(`123e4567-e89b-42d3-a456-${String(i).padStart(12, "0")}`));
  return undefined;
}

/** One input per way the rule can fail, each with the message `create()` gives. */
export function invalidExamples(rule: Rule, name: string): InvalidExample[] {
  if (rule.kind === "list") return invalidListExamples(rule, name);
  const [typeCheck, ...rest] = checksOf(rule, name);
  const msg = (i: number): string => rest[i]?.message ?? typeCheck!.message;
  const p = primitiveOf(rule);
  const out: InvalidExample[] = [{ label: p === "string" ? "a number" : "a string", expr: p === "string" ? "42" : '"42"', message: typeCheck!.message }];
  const add = (label: string, expr: string, check: number): void => {
    out.push({ label, expr, message: msg(check) });
  };
  switch (rule.kind) {
    case "string": {
      if (rule.min === 0) {
        if (rule.max !== undefined) add(`${rule.max + 1} characters`, repeatA(rule.max + 1).expr, 0);
        break;
      }
      add("blank text", '"   "', 0);
      let i = 1;
      if (rule.min !== undefined) {
        if (rule.min > 1) add(`${rule.min - 1} characters`, repeatA(rule.min - 1).expr, i);
        i++;
      }
      if (rule.max !== undefined) add(`${rule.max + 1} characters`, repeatA(rule.max + 1).expr, i);
      break;
    }
    case "int":
    case "number": {
      if (p === "number") out.push({ label: "NaN", expr: "Number.NaN", message: typeCheck!.message });
      let i = 0;
      if (rule.kind === "int") add("a fraction", String((rule.min ?? 0) + 0.5), i++);
      if (rule.min !== undefined) add("below the minimum", String(rule.min - 1), i++);
      if (rule.max !== undefined) add("above the maximum", String(rule.max + 1), i++);
      break;
    }
    case "email":
      add("no @", '"ada.example.com"', 0);
      add("no domain dot", '"ada@example"', 0);
      add("over 254 characters", "`${\"a\".repeat(250)}@example.com`", 0);
      break;
    case "uuid":
      add("not hex", '"not-a-uuid"', 0);
      break;
    case "url":
      add("no scheme", '"example.com"', 0);
      add("a script URL", '"javascript:alert(1)"', 0);
      if (rule.https) add("an http URL", '"http://example.com/path"', 0);
      break;
    case "date":
      add("not a date", '"yesterday"', 0);
      add("an impossible day", '"2026-02-30"', 0);
      break;
    case "datetime":
      add("no offset", '"2026-01-31T09:30:00"', 0);
      add("a date alone", '"2026-01-31"', 0);
      add("an impossible hour", '"2026-01-31T25:00:00Z"', 0);
      break;
    case "enum": {
      let outsider = "not-a-member";
      while (rule.values.includes(outsider)) outsider += "-x";
      add("a value outside the list", ts(outsider), 0);
      break;
    }
    case "pattern": {
      const re = fullMatch(rule.source);
      const miss = ["", "!", " ", "invalid value", "0", "a", "A", "\u2603"].find((c) => !re.test(c));
      if (miss !== undefined) add("text that does not match", ts(miss), 0);
      break;
    }
    case "boolean":
      out.push({ label: "a number", expr: "1", message: typeCheck!.message });
      break;
  }
  return out;
}

/** A list's ways to fail: not an array, too few, too many, a bad item, an item twice (each as its check words it). */
function invalidListExamples(rule: Extract<Rule, { kind: "list" }>, name: string): InvalidExample[] {
  const [notArray, tooFew, tooMany, badItem, twice] = checksOf(rule, name);
  const out: InvalidExample[] = [{ label: "a comma-joined text", expr: ts("a,b"), message: notArray!.message }];
  const good = validExamples(rule.item)[0];
  // The length is checked before the items: a list of one valid item repeated proves either bound.
  const repeated = (n: number): string => (n <= 3 ? `[${Array.from({ length: n }, () => good!.expr).join(", ")}]` : `Array.from({ length: ${n} }, () => ${good!.expr})`);
  if (rule.min === 1) out.push({ label: "an empty list", expr: "[]", message: tooFew!.message });
  else if (good) out.push({ label: `${rule.min - 1} item${rule.min - 1 === 1 ? "" : "s"}`, expr: repeated(rule.min - 1), message: tooFew!.message });
  if (good) out.push({ label: `${rule.max + 1} items`, expr: repeated(rule.max + 1), message: tooMany!.message });
  // A bad item and a repeated one go into a list of the right length, so only the item check can refuse it.
  const base = listItems(rule.item, rule.min);
  const wrong = invalidExamples(rule.item, name)[0];
  if (base && wrong) {
    const items = base.length < rule.max ? [...base.map((i) => i.expr), wrong.expr] : [...base.slice(0, -1).map((i) => i.expr), wrong.expr];
    out.push({ label: `an item that is ${wrong.label}`, expr: `[${items.join(", ")}]`, message: badItem!.message });
  }
  if (base && rule.max >= 2) {
    const items = base.length < rule.max ? [...base, base[0]!] : [...base.slice(0, -1), base[0]!];
    out.push({ label: "the same item twice", expr: `[${items.map((i) => i.expr).join(", ")}]`, message: twice!.message });
  }
  return out;
}
