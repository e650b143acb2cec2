/**
 * The plan generator's inputs: the one schema from which flags, answers files,
 * prompts, validation, --help and the README's flag table are derived.
 */
import { choice, commaItems, describe, flag, list, multi, oneLine, text } from "../../lib/schema/fields.js";
import type { InputOf, Schema } from "../../lib/schema/field.js";
import { validateFieldName, validateTypeName, validateUseCaseName, namesOf } from "./names.js";
import { parseRule, type Rule } from "./rules.js";

export const TEST_KINDS = ["security", "domain", "integration", "performance"] as const;
export type TestKind = (typeof TEST_KINDS)[number];
export const AUTH_MODES = ["anonymous", "authenticated", "roles"] as const;
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface ValueObjectInput {
  name: string;
  rule: Rule;
}
export interface EventInput {
  name: string;
  fields: string[];
}
export interface RateLimit {
  count: number;
  window: string;
  seconds: number;
}

function must(verdict: true | string): void {
  if (verdict !== true) throw verdict;
}

function parseValueObject(raw: unknown): ValueObjectInput {
  let name: unknown, rule: unknown;
  if (typeof raw === "string") {
    const colon = raw.indexOf(":");
    if (colon < 0) throw `expected Name:rule, e.g. Email:email (got ${JSON.stringify(raw)})`;
    [name, rule] = [raw.slice(0, colon), raw.slice(colon + 1)];
  } else if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    ({ name, rule } = raw as Record<string, unknown>);
  } else throw `expected "Name:rule" or { "name", "rule" }, got ${describe(raw)}`;
  const cleanName = oneLine(name ?? "");
  must(validateTypeName(cleanName));
  return { name: cleanName, rule: parseRule(oneLine(rule ?? "")) };
}

function parseEvent(raw: unknown): EventInput {
  let name: unknown, fields: unknown;
  if (typeof raw === "string") {
    const colon = raw.indexOf(":");
    [name, fields] = colon < 0 ? [raw, []] : [raw.slice(0, colon), raw.slice(colon + 1)];
  } else if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    ({ name, fields } = raw as Record<string, unknown>);
  } else throw `expected "Name" or "Name:field,field", got ${describe(raw)}`;
  const cleanName = oneLine(name ?? "");
  must(validateTypeName(cleanName));
  const cleanFields = commaItems(fields ?? []).map((f) => oneLine(f));
  cleanFields.forEach((f) => must(validateFieldName(f)));
  const camels = cleanFields.map((f) => namesOf(f).camel);
  const twice = camels.find((c, i) => camels.indexOf(c) !== i);
  if (twice) throw `event ${cleanName}: field ${twice} is listed twice`;
  return { name: cleanName, fields: cleanFields };
}

/** `N/window`: 5/15m, 100/1h, 3/30s, 10/1d. */
export function parseRateLimit(raw: string): RateLimit {
  const m = /^(\d+)\s*\/\s*(\d+)\s*([smhd])$/.exec(raw.trim());
  if (!m) throw `expected N/window such as 5/15m (s, m, h or d), got ${JSON.stringify(raw)}`;
  const count = Number(m[1]);
  const amount = Number(m[2]);
  if (count < 1 || amount < 1) throw `${raw}: count and window must be at least 1`;
  const seconds = amount * { s: 1, m: 60, h: 3600, d: 86400 }[m[3] as "s" | "m" | "h" | "d"];
  return { count, window: `${amount}${m[3]}`, seconds };
}

export function validateDate(raw: string): true | string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return `expected YYYY-MM-DD, got ${JSON.stringify(raw)}`;
  const parsed = new Date(`${raw}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== raw) return `${raw} is not a calendar date`;
  return true;
}

function noDuplicates<T>(what: string, key: (item: T) => string): (items: T[]) => true | string {
  return (items) => {
    const keys = items.map(key);
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    return twice === undefined ? true : `${what} ${twice} is given twice`;
  };
}

export const planSchema = {
  name: text({ flag: "name", description: "Use-case name, free text", valueHint: '"Request password reset"', required: true, validate: validateUseCaseName }),
  summary: text({ flag: "summary", description: "One line: what the use-case does" }),
  actor: text({ flag: "actor", description: "Who triggers it", fallback: "User" }),
  context: text({ flag: "context", description: "Bounded context or module", fallback: "Core" }),
  method: choice({ flag: "method", description: "HTTP method of the endpoint", choices: HTTP_METHODS, fallback: "POST" }),
  route: text({
    flag: "route",
    description: "HTTP route (default: /api/<use-case>)",
    valueHint: "/api/...",
    validate: (r) => (r === "" || /^\/[^\s]*$/.test(r) ? true : `must start with / and have no spaces, got ${JSON.stringify(r)}`),
  }),
  auth: choice({ flag: "auth", description: "Who may call it", choices: AUTH_MODES, fallback: "authenticated" }),
  roles: list({
    flag: "roles",
    description: "Roles allowed, with --auth roles",
    valueHint: "a,b",
    commaSeparated: true,
    askWhen: (a) => a["auth"] === "roles",
    parseItem: (raw) => {
      const role = oneLine(raw);
      if (!/^[\p{L}\p{N}_.:-]+$/u.test(role)) throw `role ${JSON.stringify(role)} may hold only letters, digits, _ . : -`;
      return role;
    },
    validate: noDuplicates<string>("role", (r) => r),
  }),
  valueObjects: list({
    flag: "value-object",
    description: "A value object and its rule",
    valueHint: "Name:rule",
    parseItem: parseValueObject,
    validate: noDuplicates<ValueObjectInput>("value object", (v) => namesOf(v.name).pascal),
  }),
  events: list({
    flag: "event",
    description: "A domain event, with payload fields that may name value objects",
    valueHint: "Name[:field,field]",
    parseItem: parseEvent,
    validate: noDuplicates<EventInput>("event", (e) => namesOf(e.name).pascal),
  }),
  scheduledCommand: text({
    flag: "scheduled-command",
    description: "A command scheduled for later, serialized",
    valueHint: "Name",
    validate: (n) => (n === "" ? true : validateTypeName(n)),
  }),
  pii: list({
    flag: "pii",
    description: "Fields that are personal data",
    valueHint: "field,field",
    commaSeparated: true,
    parseItem: (raw) => {
      const f = oneLine(raw);
      must(validateFieldName(f));
      return f;
    },
    validate: noDuplicates<string>("PII field", (f) => namesOf(f).camel),
  }),
  rateLimit: text({
    flag: "rate-limit",
    description: "Requests per window, per account and per client",
    valueHint: "N/window",
    fallback: "10/1m",
    validate: (r) => {
      parseRateLimit(r);
      return true;
    },
  }),
  enumerationSensitive: flag({ flag: "enumeration-sensitive", description: "The use-case could reveal whether an account exists" }),
  audit: flag({ flag: "audit", description: "The use-case writes an audit trail" }),
  tests: multi({ flag: "tests", description: "Test kinds to generate", choices: TEST_KINDS, fallback: [...TEST_KINDS] }),
  criteria: list({
    flag: "criteria",
    description: "An acceptance criterion, Given/When/Then",
    valueHint: '"Given ... when ... then ..."',
    parseItem: (raw) => {
      const c = oneLine(raw);
      if (!/\bwhen\b[\s\S]*\bthen\b/i.test(c)) throw `expected Given/When/Then form, got ${JSON.stringify(c.slice(0, 60))}`;
      return c;
    },
  }),
  owner: text({ flag: "owner", description: "Who owns the plan", fallback: "unassigned" }),
  system: text({ flag: "system", description: "System name", fallback: "MjoMeet" }),
  agentPrompt: flag({ flag: "agent-prompt", description: "Also write .github/prompts/<use-case>-plan.prompt.md for a coding agent", ask: false }),
  date: text({ flag: "date", description: "Plan date, YYYY-MM-DD (default: today), for reproducible output", valueHint: "YYYY-MM-DD", ask: false, validate: validateDate }),
} satisfies Schema;

export type PlanInput = InputOf<typeof planSchema>;
