/**
 * The plan generator's inputs: the one schema from which flags, answers files,
 * prompts, validation, --help and the README's flag table are derived.
 */
import { choice, commaItems, describe, flag, list, multi, oneLine, text } from "../../lib/schema/fields.js";
import type { InputOf, Schema } from "../../lib/schema/field.js";
import { problem, shown, type ValueProblem } from "../../lib/schema/problem.js";
import { nameDefaultsOf, resourceOfRoute, type NameDefaults } from "./name-defaults.js";
import { defaultRouteOf, validateFieldName, validateTypeName, validateUseCaseName, namesOf } from "./names.js";
import { parseRule, ruleMeant, RULE_SYNTAX, type Rule } from "./rules.js";
import { isAscii } from "../../lib/is-ascii.js";
import { nearest } from "../../lib/measure/nearest.js";
import { isCriterionForm } from "./word-checks.js";
import { defaultRateLimitOf } from "./rate-limit-default.js";
import { isSelfRoute } from "./routes.js";
import { othersRecordByRouteOf } from "./facts/others-record.js";

export const TEST_KINDS = ["security", "domain", "integration", "performance"] as const;
export type TestKind = (typeof TEST_KINDS)[number];
export const AUTH_MODES = ["anonymous", "authenticated", "roles"] as const;
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Where an input arrives (MODEL.md section 1). */
export const LOCATIONS = ["path", "query", "body", "header"] as const;
export type InputLocation = (typeof LOCATIONS)[number];
export const SUCCESS_STATUSES = [200, 201, 202, 204] as const;
/** The capabilities built-in packs know; a team pack may add more (MODEL.md section 3). */
export const BUILT_IN_CAPABILITIES = ["sends-message", "secret-link", "file-download", "file-upload", "erasure", "pagination", "external-call", "webhook", "sign-in", "oauth-callback", "search", "privilege-change", "health-check", "impersonation", "token-refresh"] as const;
/** The emitter of an event raised by the request handler (rather than by a scheduled command). */
export const REQUEST_EMITTER = "request";

export interface ValueObjectInput {
  name: string;
  rule: Rule;
  /** `Name?:rule`: the input may be absent (a cursor on the first page). */
  optional?: boolean;
  /** `Name:rule@query`: given explicitly; otherwise derived in facts.ts. */
  location?: InputLocation;
}
export interface EventInput {
  name: string;
  fields: string[];
  /** `Name@Emitter`: `request` or the scheduled command's name; absent means `request`. */
  emitter?: string;
}
export interface TransitionInput {
  from: string;
  to: string;
  /** `From->To@Command`: the scheduled command that makes it when it runs; absent: the request makes it. */
  emitter?: string;
}
export interface ErrorInput {
  name: string;
  status: number;
  when: string;
}
export interface RateLimit {
  count: number;
  window: string;
  seconds: number;
}

function must(verdict: true | string): void {
  if (verdict !== true) throw verdict;
}

function parseLocation(raw: unknown): InputLocation {
  const word = oneLine(raw).toLowerCase();
  const found = LOCATIONS.find((l) => l === word);
  if (!found) {
    const meant = nearest(word, LOCATIONS);
    throw `unknown location ${JSON.stringify(word)}${meant ? `; did you mean ${JSON.stringify(meant)}?` : ""} (expected one of ${LOCATIONS.join(", ")})`;
  }
  return found;
}

/**
 * An answers file's object form, its keys checked: a misspelt key (`optinal`, `locaton`, `field`) would
 * be dropped without a word, and an optional input planned as required (TRIAL4 V8).
 */
function objectForm(raw: object, keys: readonly string[]): Record<string, unknown> {
  for (const key of Object.keys(raw)) {
    if (keys.includes(key)) continue;
    const meant = nearest(key, keys);
    throw `unknown key ${JSON.stringify(key)}${meant ? `; did you mean ${JSON.stringify(meant)}?` : ""} (expected ${keys.join(", ")})`;
  }
  return raw as Record<string, unknown>;
}

/** `Name:rule`, `Name?:rule` (optional), `Name:rule@query` (where it arrives), or the same as an object. */
/**
 * The rule of a `Name:rule[@location]` item; a typo'd rule's did-you-mean names the whole item corrected
 * (`EventId:string(1..255)`), which is what is typed again at a prompt (TRIAL6 U15).
 */
function parseRuleOfItem(item: string, rule: string): Rule {
  try {
    return parseRule(rule);
  } catch (e) {
    const meant = typeof e === "string" ? ruleMeant(rule) : undefined;
    const colon = item.indexOf(":");
    if (meant === undefined || typeof e !== "string") throw e;
    const whole = item.slice(0, colon + 1) + item.slice(colon + 1).replace(rule.trim(), meant);
    throw e.replace(`did you mean ${JSON.stringify(meant)}?`, `did you mean ${JSON.stringify(whole.trim())}?`);
  }
}

function parseValueObject(raw: unknown): ValueObjectInput {
  let name: unknown, rule: unknown, optional: unknown, location: unknown;
  if (typeof raw === "string") {
    const colon = raw.indexOf(":");
    if (colon < 0) throw problem`expected Name:rule, e.g. Email:email (got ${shown(raw)})`;
    [name, rule] = [raw.slice(0, colon), raw.slice(colon + 1)];
    // Only a known location word after the last @ is one: a pattern rule may hold an @ of its own.
    const at = /@\s*(path|query|body|header)\s*$/i.exec(rule as string);
    if (at) [rule, location] = [(rule as string).slice(0, at.index), at[1]];
    // A word after an @ that closes the rule is a location misspelt (`@bdy`), not part of a rule (TRIAL4 V9).
    const word = at ? null : /^(\s*[a-z]+(?:\(.*\))?\s*)@\s*([A-Za-z]+)\s*$/i.exec(rule as string);
    if (word) parseLocation(word[2]);
  } else if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    ({ name, rule, optional, location } = objectForm(raw, ["name", "rule", "optional", "location"]));
  } else throw `expected "Name:rule" or { "name", "rule" }, got ${describe(raw)}`;
  let cleanName = oneLine(name ?? "");
  if (cleanName.endsWith("?")) [cleanName, optional] = [cleanName.slice(0, -1).trim(), true];
  if (optional !== undefined && typeof optional !== "boolean") throw `optional must be true or false, got ${describe(optional)}`;
  must(validateTypeName(cleanName));
  return {
    name: cleanName,
    rule: typeof raw === "string" ? parseRuleOfItem(raw, oneLine(rule ?? "")) : parseRule(oneLine(rule ?? "")),
    ...(optional ? { optional: true } : {}),
    ...(location !== undefined ? { location: parseLocation(location) } : {}),
  };
}

/** `From->To[@Command]`: a state change of the resource, made by the request or, with `@Command`, by that scheduled command. */
function parseTransition(raw: unknown): TransitionInput {
  let from: unknown, to: unknown, emitter: unknown;
  if (typeof raw === "string") {
    const arrow = raw.indexOf("->");
    if (arrow < 0) throw problem`expected From->To, e.g. Scheduled->Cancelled (got ${shown(raw)})`;
    const at = raw.indexOf("@", arrow);
    [from, to] = [raw.slice(0, arrow), raw.slice(arrow + 2, at < 0 ? undefined : at)];
    if (at >= 0) emitter = raw.slice(at + 1);
  } else if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    ({ from, to, emitter } = objectForm(raw, ["from", "to", "emitter"]));
  } else throw `expected "From->To" or { "from", "to" }, got ${describe(raw)}`;
  const [a, b] = [oneLine(from ?? ""), oneLine(to ?? "")];
  must(validateTypeName(a));
  must(validateTypeName(b));
  // A state is a word: "Pending Cancellation" or "Cancelled!" would be squashed into another name.
  for (const s of [a, b]) if (!(isAscii(s) ? /^[A-Za-z][A-Za-z0-9_-]*$/ : /^\p{L}[\p{L}\p{N}_-]*$/u).test(s.trim())) throw `state ${JSON.stringify(s.trim())}: a state is one word of letters and digits (PendingCancellation)`;
  if (namesOf(a).pascal === namesOf(b).pascal) throw `transition ${a}->${b} does not change the state`;
  const by = emitter === undefined || emitter === "" ? undefined : oneLine(emitter);
  if (by !== undefined) must(validateTypeName(by));
  return { from: namesOf(a).pascal, to: namesOf(b).pascal, ...(by !== undefined && by.toLowerCase() !== REQUEST_EMITTER ? { emitter: namesOf(by).pascal } : {}) };
}

/** `Name:status[:when]`: a domain error the use-case answers with. */
function parseError(raw: unknown): ErrorInput {
  let name: unknown, status: unknown, when: unknown;
  if (typeof raw === "string") {
    const parts = raw.split(":");
    [name, status, when] = [parts[0], parts[1], parts.slice(2).join(":")];
  } else if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    ({ name, status, when } = objectForm(raw, ["name", "status", "when"]));
  } else throw `expected "Name:status[:when]" or { "name", "status", "when" }, got ${describe(raw)}`;
  const cleanName = oneLine(name ?? "");
  must(validateTypeName(cleanName));
  const code = Number(oneLine(status ?? ""));
  // A 2xx is an outcome, not an error: where it goes instead is said (TRIAL11 Y14, a webhook delivery kept and answered 202).
  const success = code >= 200 && code <= 299 ? `; a ${code} is no error: say that outcome in a criterion ("Given ..., when ..., then it is answered ${code} and nothing changes")` : "";
  if (!Number.isInteger(code) || code < 400 || code > 599) throw `error ${cleanName}: status must be 400-599, got ${JSON.stringify(status ?? "")}${success}`;
  return { name: namesOf(cleanName).pascal, status: code, when: oneLine(when ?? "") };
}

/** A capability: kebab-case, a built-in one or one a team pack declares (unknown names warn in facts.ts). */
function parseCapability(raw: unknown): string {
  const c = oneLine(raw).toLowerCase();
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(c)) throw `capability ${JSON.stringify(c)} must be kebab-case, e.g. ${BUILT_IN_CAPABILITIES[0]}`;
  return c;
}

function parseEvent(raw: unknown): EventInput {
  let name: unknown, fields: unknown, emitter: unknown;
  if (typeof raw === "string") {
    const at = raw.lastIndexOf("@");
    let rest = raw;
    if (at >= 0) [rest, emitter] = [raw.slice(0, at), raw.slice(at + 1)];
    const colon = rest.indexOf(":");
    [name, fields] = colon < 0 ? [rest, []] : [rest.slice(0, colon), rest.slice(colon + 1)];
  } else if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    ({ name, fields, emitter } = objectForm(raw, ["name", "fields", "emitter"]));
  } else throw `expected "Name", "Name:field,field" or "Name@Emitter", got ${describe(raw)}`;
  const cleanName = oneLine(name ?? "");
  must(validateTypeName(cleanName));
  const cleanFields = commaItems(fields ?? []).map((f) => oneLine(f));
  cleanFields.forEach((f) => must(validateFieldName(f)));
  const camels = cleanFields.map((f) => namesOf(f).camel);
  const twice = camels.find((c, i) => camels.indexOf(c) !== i);
  if (twice) throw `event ${cleanName}: field ${twice} is listed twice`;
  let cleanEmitter: string | undefined;
  if (emitter !== undefined) {
    const e = oneLine(emitter);
    if (e.toLowerCase() === REQUEST_EMITTER) cleanEmitter = REQUEST_EMITTER;
    else {
      must(validateTypeName(e));
      cleanEmitter = namesOf(e).pascal;
    }
  }
  return { name: cleanName, fields: cleanFields, ...(cleanEmitter && cleanEmitter !== REQUEST_EMITTER ? { emitter: cleanEmitter } : {}) };
}

/** Caps of a rate limit, documented in the README's reliability section. */
export const MAX_RATE_COUNT = 1_000_000_000;
export const MAX_RATE_WINDOW_SECONDS = 366 * 86400;

/** `N/window`: 5/15m, 100/1h, 3/30s, 10/1d. */
export function parseRateLimit(raw: string): RateLimit {
  const m = /^(\d+)\s*\/\s*(\d+)\s*([smhd])$/.exec(raw.trim());
  if (!m) throw problem`expected N/window such as 5/15m (s, m, h or d), got ${shown(raw)}`;
  const count = Number(m[1]);
  const amount = Number(m[2]);
  if (count < 1 || amount < 1) throw `${raw}: count and window must be at least 1`;
  const seconds = amount * { s: 1, m: 60, h: 3600, d: 86400 }[m[3] as "s" | "m" | "h" | "d"];
  if (count > MAX_RATE_COUNT) throw `${raw.trim()}: a count past ${MAX_RATE_COUNT} is refused`;
  if (seconds > MAX_RATE_WINDOW_SECONDS) throw `${raw.trim()}: a window past 366 days is refused`;
  return { count, window: `${amount}${m[3]}`, seconds };
}

export function validateDate(raw: string): true | string | ValueProblem {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return problem`expected YYYY-MM-DD, got ${shown(raw)}`;
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

/** The endpoint the answered name's verb proposes at a prompt. */
const byName = (a: Readonly<Record<string, unknown>>): NameDefaults | undefined => (typeof a["name"] === "string" ? nameDefaultsOf(a["name"]) : undefined);

/**
 * The name's endpoint, where the method answered still fits its route: the name's own method, or another write where
 * the name proposed a write ("Reorder the tracks of a playlist" answered PATCH keeps /api/playlists/:playlistId/...,
 * not the flat /api/reorder-the-tracks-of-a-playlist: TRIAL12 Z6). A read and a write never share a route.
 */
const byNameFor = (a: Readonly<Record<string, unknown>>): NameDefaults | undefined => {
  const named = byName(a);
  const method = a["method"];
  return named && (named.method === method || (named.method !== "GET" && typeof method === "string" && method !== "GET")) ? named : undefined;
};

/** The answers so far name a mark or an item on someone else's record (facts/others-record.ts). */
const othersRecordOf = (a: Record<string, unknown>): boolean =>
  typeof a["route"] === "string" &&
  typeof a["resource"] === "string" &&
  othersRecordByRouteOf({
    name: typeof a["name"] === "string" ? a["name"] : "",
    summary: typeof a["summary"] === "string" ? a["summary"] : "",
    method: typeof a["method"] === "string" ? a["method"] : "POST",
    route: a["route"],
    resource: a["resource"],
    auth: typeof a["auth"] === "string" ? a["auth"] : "authenticated",
    async: a["async"] === true,
  });

export const planSchema = {
  name: text({ flag: "name", description: "Use-case name, free text", valueHint: '"Request password reset"', required: true, validate: validateUseCaseName }),
  summary: text({ flag: "summary", description: "One line: what the use-case does" }),
  actor: text({ flag: "actor", description: "Who triggers it (by default the role of a role-only use-case, a webhook's sender, else User)", fallback: "User" }),
  context: text({ flag: "context", description: "Bounded context or module", fallback: "Core" }),
  // At a prompt the name's verb proposes the endpoint (Archive project: POST /api/projects/:projectId/archive on a Project);
  // flags and answers files keep the documented defaults.
  method: choice({ flag: "method", description: "HTTP method of the endpoint", choices: HTTP_METHODS, fallback: "POST", askDefault: (a) => byName(a)?.method }),
  route: text({
    flag: "route",
    description: "HTTP route (default: /api/<use-case>; a GET named List/Search X: /api/<x>)",
    prompt: "HTTP route",
    // The route a blank answer would get, for this use-case's name: what Enter takes.
    askDefault: (a) => (typeof a["name"] === "string" && a["name"] ? (byNameFor(a) ? byNameFor(a)!.route : defaultRouteOf(a["name"], typeof a["method"] === "string" ? a["method"] : undefined)) : undefined),
    valueHint: "/api/...",
    validate: (r) => (r === "" || /^\/[^\s]*$/.test(r) ? true : problem`must start with / and have no spaces, got ${shown(r)}`),
  }),
  auth: choice({ flag: "auth", description: "Who may call it", choices: AUTH_MODES, fallback: "authenticated" }),
  roles: list({
    flag: "roles",
    description: "Global roles allowed, with --auth roles: a caller holding one reaches every record (with --relation too, either grants access)",
    prompt: "A role allowed to call it (global: its holder reaches every record)",
    valueHint: "a,b",
    commaSeparated: true,
    askWhen: (a) => a["auth"] === "roles",
    // A plan cannot say who may call it without them; given alone, they can only mean roles-based access.
    requiredWhen: (a) => a["auth"] === "roles",
    implies: { auth: "roles" },
    parseItem: (raw) => {
      const role = oneLine(raw);
      if (!(isAscii(role) ? /^[A-Za-z0-9_.:-]+$/ : /^[\p{L}\p{N}_.:-]+$/u).test(role)) throw `role ${JSON.stringify(role)} may hold only letters, digits, _ . : -`;
      return role;
    },
    validate: noDuplicates<string>("role", (r) => r),
  }),
  async: flag({ flag: "async", description: "Accepted now, finished by a job: 202 and a status resource (Location)" }),
  success: text({
    flag: "success",
    description: "Success status (default: GET 200, POST 201, PUT/PATCH 200, DELETE 204, async 202)",
    valueHint: SUCCESS_STATUSES.join("|"),
    ask: false,
    validate: (s) => (s === "" || (SUCCESS_STATUSES as readonly number[]).includes(Number(s)) ? true : problem`expected one of ${SUCCESS_STATUSES.join(", ")}, got ${shown(s)}`),
  }),
  resource: text({
    flag: "resource",
    description: "The aggregate the use-case loads and acts on (blank: the caller acts on itself or creates something new; under /me, the record the route's one id names)",
    valueHint: "Name",
    // The one the name's verb acts on, where the route is still the one the name proposed (Archive project: Project).
    // Else the one a typed route names by its only id parameter (/api/posts/:postId/like: Post, TRIAL11 Y7).
    askDefault: (a) =>
      byNameFor(a) && byNameFor(a)!.route === a["route"] ? byNameFor(a)!.resource : typeof a["route"] === "string" && a["route"] && !/^\/api\/me(?:\/|$)/.test(a["route"]) ? resourceOfRoute(a["route"]) : undefined,
    validate: (n) => (n === "" ? true : validateTypeName(n)),
  }),
  relation: text({
    flag: "relation",
    description: "How the caller must relate to the resource (default: owner; with --auth roles, none; on a /me route, the caller's own one); several, either granting access: owner,collaborator (planned as \"owner or collaborator\"); none: no relation, the role alone or any signed-in caller",
    prompt: "How the caller must relate to the resource, or none",
    // What a blank answer means in flag mode too: with roles the role alone grants access (TRIAL5 U2); on a /me route the
    // resource is the caller's own, found by the credential, so no default is offered: Enter plans it as the flags do
    // without --relation, where owner was refused for naming no record to check (TRIAL6 U5); else the owner.
    // A mark or an item people make on someone else's record (a like, a comment) is anyone's who may see it: Enter plans
    // it as the flags do without --relation (a viewer), never "owner", which let only the author like their own post (LEAD19 L12).
    askDefault: (a) => (a["auth"] === "roles" ? "none" : typeof a["route"] === "string" && isSelfRoute(a["route"]) ? undefined : othersRecordOf(a) ? undefined : "owner"),
    // ...and the prompt says so, where the default would show (TRIAL8 V12).
    askNote: (a) =>
      a["auth"] !== "roles" && typeof a["route"] === "string" && isSelfRoute(a["route"]) ? "the caller's own one, found by the credential" : a["auth"] !== "roles" && othersRecordOf(a) ? "anyone who may see it: a mark or an item on another person's record" : undefined,
    valueHint: "owner|host|participant|...",
    askWhen: (a) => typeof a["resource"] === "string" && a["resource"] !== "" && a["auth"] !== "anonymous",
    // Several relations, either of which grants access ("the owner or a collaborator", TRIAL12 Z5), are written one way,
    // joined by "or", whichever way they were typed (owner,collaborator, owner|collaborator, owner/collaborator).
    normalize: (r) => [...new Set(r.split(/\s*[,|/]\s*|\s+or\s+/i).filter((w) => w !== ""))].join(" or "),
    validate: (r) => (r === "" || (isAscii(r) ? /^[A-Za-z][A-Za-z0-9 _-]*$/ : /^[\p{L}][\p{L}\p{N} _-]*$/u).test(r) ? true : `relation ${JSON.stringify(r)} must be a word such as owner, host or participant, or several either of which grants access (owner,collaborator)`),
  }),
  valueObjects: list({
    flag: "value-object",
    description: "A value object and its rule; Name? if optional, @path|query|body|header where it arrives",
    valueHint: "Name[?]:rule[@location]",
    parts: { rule: RULE_SYNTAX, location: LOCATIONS },
    parseItem: parseValueObject,
    validate: noDuplicates<ValueObjectInput>("value object", (v) => namesOf(v.name).pascal),
  }),
  response: list({
    flag: "response",
    description: "Fields of the success body (may name value objects)",
    valueHint: "field,field",
    commaSeparated: true,
    askWhen: (a) => a["method"] !== "DELETE",
    parseItem: (raw) => {
      const f = oneLine(raw);
      must(validateFieldName(f));
      return f;
    },
    validate: noDuplicates<string>("response field", (f) => namesOf(f).camel),
  }),
  // Asked before the events: an event the command emits names it (`Ended@EndSubscription`), which must be known by then (TRIAL6 U4).
  scheduledCommand: text({
    flag: "scheduled-command",
    description: "A command scheduled for later, serialized",
    valueHint: "Name",
    // A GET only reads: it schedules nothing (refused as a contradiction), so it is not asked.
    askWhen: (a) => a["method"] !== "GET",
    validate: (n) => (n === "" ? true : validateTypeName(n)),
  }),
  events: list({
    flag: "event",
    description: "A domain event, with payload fields that may name value objects; @Command if the scheduled command emits it",
    valueHint: "Name[:field,field][@emitter]",
    // A GET only reads: it emits nothing (MODEL.md section 2), so it is not asked.
    askWhen: (a) => a["method"] !== "GET",
    parseItem: parseEvent,
    validate: noDuplicates<EventInput>("event", (e) => namesOf(e.name).pascal),
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
    description: "Requests per window, counted per caller: per client when anonymous, per account when signed in (default: 10/1m; a signed-in read, a page of a list, a search or one record (GET /api/me, which every page load makes, among them), or a per-click action such as marking a notification as read or liking a post: 60/1m; sending a chat message: 30/1m; a signed delivery from another system, a webhook: 600/1m in all)",
    valueHint: "N/window",
    // No fallback: the default depends on the use-case (defaultRateLimitOf in facts.ts); the prompt offers it.
    askDefault: (a) => defaultRateLimitOf({ method: typeof a["method"] === "string" ? a["method"] : "POST", route: typeof a["route"] === "string" ? a["route"] : "", auth: typeof a["auth"] === "string" ? a["auth"] : "authenticated", resource: typeof a["resource"] === "string" ? a["resource"] : "", capabilities: Array.isArray(a["capabilities"]) ? (a["capabilities"] as string[]) : [], name: typeof a["name"] === "string" ? a["name"] : "", async: a["async"] === true, enumeration: typeof a["enumeration"] === "string" ? a["enumeration"] : a["enumerationSensitive"] === true ? "account" : "" }),
    validate: (r) => {
      // Blank: the use-case's default (kept so in a plan's answers, and read again so).
      if (r.trim() !== "") parseRateLimit(r);
      return true;
    },
  }),
  enumeration: text({
    flag: "enumeration",
    description: "What must not leak whether it exists (account, invite code); blank: nothing",
    valueHint: "what",
  }),
  enumerationSensitive: flag({ flag: "enumeration-sensitive", description: "Same as --enumeration account (kept for existing scripts)", ask: false }),
  capabilities: list({
    flag: "capability",
    description: `What the use-case does that carries its own risks (${BUILT_IN_CAPABILITIES.join(", ")}, or a team pack's); secret-link-issue or secret-link-redeem says which end of a secret link it is, else a request carrying a token or code redeems and any other issues; sends-message-email or sends-message-sms says which channel a message goes by, else a phone-number input means SMS and any other mail; sends-message-internal (a fixed inbox of ours: a contact form to sales) or sends-message-bulk (a stored audience: a newsletter) says who receives it, else the use-case's words do ("to the sales team", "every subscriber") and any other message goes to whom the request names`,
    // The description lists the capabilities already (for --help and the README); parts would list them twice in the prompt.
    // The prompt names them only: the description's inference rules made one ~900-character question (TRIAL5 U11).
    prompt: `What the use-case does that carries its own risks, blank for none (${BUILT_IN_CAPABILITIES.join(", ")}, or a team pack's; --help says more)`,
    valueHint: "name",
    commaSeparated: true,
    parseItem: parseCapability,
    validate: noDuplicates<string>("capability", (c) => c),
  }),
  transitions: list({
    flag: "transition",
    description: "A state change of the resource this use-case makes; From->To@Command for one its scheduled command makes when it runs",
    valueHint: '"From->To"',
    // A GET only reads: it changes no state (as it emits no events), so it is not asked.
    askWhen: (a) => typeof a["resource"] === "string" && a["resource"] !== "" && a["method"] !== "GET",
    parseItem: parseTransition,
    validate: noDuplicates<TransitionInput>("transition", (t) => `${t.from}->${t.to}`),
  }),
  errors: list({
    flag: "error",
    description: "A domain error the use-case answers with",
    valueHint: "Name:status[:when]",
    parseItem: parseError,
    validate: noDuplicates<ErrorInput>("error", (e) => e.name),
  }),
  featureFlag: text({ flag: "feature-flag", description: "The feature flag the rollout hides the use-case behind", valueHint: "name" }),
  audit: flag({ flag: "audit", description: "The use-case writes an audit trail" }),
  tests: multi({ flag: "tests", description: "Test kinds to generate", choices: TEST_KINDS, fallback: [...TEST_KINDS] }),
  criteria: list({
    flag: "criteria",
    description: "An acceptance criterion, Given/When/Then or EARS (WHEN ... THE SYSTEM SHALL ...)",
    valueHint: '"Given ... when ... then ..."',
    parseItem: (raw) => {
      const c = oneLine(raw);
      // Given/When/Then or EARS: word-checks.ts's patterns, read as words where the text is ASCII.
      if (!isCriterionForm(c)) throw `expected Given/When/Then or EARS form (WHEN ... THE SYSTEM SHALL ...), got ${JSON.stringify(c.slice(0, 60))}`;
      return c;
    },
  }),
  owner: text({ flag: "owner", description: "Who owns the plan", fallback: "unassigned" }),
  system: text({ flag: "system", description: "System name", fallback: "MjoMeet" }),
  agentPrompt: flag({ flag: "agent-prompt", description: "Also write .github/prompts/<use-case>-plan.prompt.md for a coding agent", ask: false }),
  date: text({ flag: "date", description: "Plan date, YYYY-MM-DD (default: today), for reproducible output", valueHint: "YYYY-MM-DD", ask: false, validate: validateDate }),
} satisfies Schema;

export type PlanInput = InputOf<typeof planSchema>;
