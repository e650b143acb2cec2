/**
 * What the request's inputs say beyond their rules: ranges bounded by two inputs and errors comparing inputs, a
 * page size's bounds, a redirect target, ids of other records and a ticket that justifies the request.
 */
import { withArticle } from "../../../lib/article.js";
import { type Names, namesOf } from "../names.js";
import type { ErrorInput, PlanInput, ValueObjectInput } from "../schema.js";
import { isStepUpError } from "../step-up.js";
import { readsStoredState } from "./stored-state.js";
import type { UseCaseFacts } from "./use-case-facts.js";

// "starts"/"ends": StartsAt/EndsAt, a booking's slot (REVIEW3 Q3, Q29).
const LOWER_END = ["from", "start", "starts", "min", "after", "since", "earliest"];

const UPPER_END = ["to", "end", "ends", "max", "before", "until", "latest"];

const COMPARABLE = new Set(["date", "datetime", "int", "number"]);

const endOf = (camel: string, words: readonly string[]): string | undefined => {
  for (const w of words) {
    if (camel === w) return "";
    if (camel.startsWith(w) && /^[A-Z0-9]/.test(camel.slice(w.length))) return `>${camel.slice(w.length)}`;
    const cap = w.charAt(0).toUpperCase() + w.slice(1);
    if (camel.endsWith(cap) && camel.length > cap.length) return `<${camel.slice(0, -cap.length)}`;
  }
  return undefined;
};

/**
 * Inputs that bound one range: a lower and an upper end with the same rest of the name (From/To,
 * StartDate/EndDate, MinPrice/MaxPrice, CreatedAfter/CreatedBefore), both dates or both numbers. Each
 * alone is a valid value; together they must be in order, which no value object can check alone.
 */
export function rangesOf(valueObjects: readonly PlanInput["valueObjects"][number][]): { from: Names; to: Names; dates: boolean; days?: true }[] {
  const comparable = valueObjects.filter((v) => COMPARABLE.has(v.rule.kind));
  const family = (k: string): string => (k === "datetime" ? "date" : k === "int" ? "number" : k);
  const out: { from: Names; to: Names; dates: boolean; days?: true }[] = [];
  for (const lo of comparable) {
    const rest = endOf(namesOf(lo.name).camel, LOWER_END);
    if (rest === undefined) continue;
    const hi = comparable.find((v) => v !== lo && endOf(namesOf(v.name).camel, UPPER_END) === rest && family(v.rule.kind) === family(lo.rule.kind));
    // Both ends calendar days (`date`, not `datetime`): where a day begins and whether the last is in are the plan's to say (TRIAL18A D18).
    if (hi) out.push({ from: namesOf(lo.name), to: namesOf(hi.name), dates: family(lo.rule.kind) === "date", ...(lo.rule.kind === "date" && hi.rule.kind === "date" ? { days: true as const } : {}) });
  }
  return out;
}

/**
 * The --error conditions about the request's own inputs (`InvalidDateRange:400:issuedFrom is after issuedTo`): the
 * condition compares inputs and names neither the resource nor stored state, so it is checked with the parsing, before anything is read, and
 * tested by a request with those inputs, not by a seeded record (TRIAL4 V1).
 */
export function inputErrorsOf(f: Pick<UseCaseFacts, "errors" | "inputs" | "resource"> & Partial<Pick<UseCaseFacts, "flow" | "auth" | "routeParams" | "listCaps" | "ranges">>): ErrorInput[] {
  // Or two ids of the request said to be one ("the source and the target are the same account", TRIAL7 U8): equal inputs.
  // A move from the route's record to one the request names compares the route's id with the input's (TRIAL7 U1).
  const moved = f.flow && f.auth && f.routeParams ? movedBetweenOf({ flow: f.flow, auth: f.auth, routeParams: f.routeParams, resource: f.resource, inputs: f.inputs }) : undefined;
  const sameIds = (when: string): boolean => /\b(?:the same|equal|identical)\b/i.test(when) && (moved !== undefined || f.inputs.filter((i) => /Id$/.test(i.names.camel)).length >= 2);
  // Two inputs compared with each other, and no word of stored state ("more than what is left to refund" reads the record).
  // A list's cap (TooManyOrders: more than OrderIds' maximum) is checked as the list is parsed; so is a range's width
  // (RangeTooLong: "the date range is longer than a year"), the two ends' own difference (TRIAL18A D22).
  const width = f.ranges ? rangeWidthErrorOf({ errors: f.errors, ranges: f.ranges }) : undefined;
  return f.errors.filter((e) => f.listCaps?.some((c) => c.error === e.name) || e === width || saysReversed(e, f.ranges) || (e.when !== "" && (f.inputs.filter((i) => mentions(e.when, i.names)).length >= 2 || sameIds(e.when) || againstClock(e.when, f.inputs)) && !readsStoredState(e.when, "value") && !(f.resource && mentions(e.when, f.resource) && !(moved && sameIds(e.when)))));
}

/** Words comparing a time with now: "more than 90 days ahead", "in the past", "before today", "later than a year from now". */
const CLOCK = /\b(?:ahead|from now|in the (?:past|future)|before (?:today|now)|after (?:today|now)|not yet (?:come|reached)|later than|earlier than|has passed)\b/i;

/** An input named as a time (ExpiresAt, DueDate, StartsOn, ValidUntil, Deadline): the facts keep no rule kinds, its name says it. */
const TIMELY = /(?:[a-z](?:At|On|Date|Time|Until|Day)|^(?:deadline|expiry|expiresIn\w*|due|date))$/;

/**
 * A date or time input compared with the clock alone ("ExpiryTooFar: the expiry is more than 90 days ahead", TRIAL12
 * Z2): the condition names the input, by its name or a word of it (expiry for ExpiresAt), and the clock, so it is
 * checked with the inputs before anything is read, no record locked or seeded for it; a test sends a request 91 days ahead.
 */
function againstClock(when: string, inputs: UseCaseFacts["inputs"]): boolean {
  if (!CLOCK.test(when)) return false;
  const stems = (n: Names): string[] => n.kebab.split("-").filter((w) => w.length >= 4).map((w) => w.slice(0, 5));
  return inputs.some((i) => TIMELY.test(i.names.camel) && (mentions(when, i.names) || stems(i.names).some((stem) => new RegExp(`\\b${stem}\\w*`, "i").test(when))));
}

/**
 * Where a test arranges an --error's condition (TRIAL7 U8): in the request's inputs (inputErrorsOf), in its credential (a wrong password, a session too old: a step-up), in its file (too large, of a type
 * refused), in a seeded record (the condition reads stored state or names the resource), or, where the words do not
 * tell, in either: a condition naming an input beside words of no store.
 */
export type ErrorArrangement = "inputs" | "credential" | "file" | "record" | "either";

export function errorArrangementOf(f: Pick<UseCaseFacts, "errors" | "inputs" | "resource" | "capabilities">, e: ErrorInput): ErrorArrangement {
  if (inputErrorsOf(f).includes(e)) return "inputs";
  if (isStepUpError(e, f.inputs) || e.status === 401) return "credential";
  const when = e.when ?? "";
  // A size in pixels is the file's too: "the image is wider or taller than 4096 pixels" (TRIAL19C F12).
  if (f.capabilities.includes("file-upload") && /\b(?:file|upload|image|photo|picture|attachment|document)s?\b/i.test(when) && /\b(?:over|larger|bigger|exceeds?|too (?:large|big|small)|[kmg]i?b|bytes|type|format|not an?|neither|corrupt|wider|taller|narrower|shorter|pixels?|dimensions?|resolution)\b/i.test(when)) return "file";
  if (readsStoredState(when, "record") || (f.resource && mentions(when, f.resource))) return "record";
  return f.inputs.some((i) => mentions(when, i.names) || i.names.kebab.split("-").some((w) => w.length >= 5 && new RegExp(`\\b${w}\\b`, "i").test(when))) ? "either" : "record";
}

/** The text names the input or resource: its camel name, or its words (`api key`, `api-key`). */
const mentions = (text: string, n: Names): boolean => new RegExp(`\\b(?:${n.camel}|${n.kebab.replace(/[^a-z0-9-]/g, "").replace(/-/g, "[ -]?")})\\b`, "i").test(text);

/**
 * An error that says in words that a range's ends are the wrong way round, naming neither input ("the end date is
 * before the start date", EndBeforeStart:422; LEAD20 O1). With one range in the request it can only be that range's.
 */
const REVERSED_WORDS = /\b(?:end|until|finish)\w*\b[^.;]{0,40}\bbefore\b[^.;]{0,40}\b(?:start|begin)|\b(?:start|begin)\w*\b[^.;]{0,40}\bafter\b[^.;]{0,40}\b(?:end|finish)|\bwrong way round\b|\breversed\b/i;
const REVERSED_NAME = /^(?:(?:End|To|Until|Finish)\w*Before\w*(?:Start|From|Begin)\w*|(?:Start|From|Begin)\w*After\w*(?:End|To|Until|Finish)\w*|Invalid(?:Date)?Range|(?:Date)?RangeReversed)$/;
const saysReversed = (e: ErrorInput, ranges: UseCaseFacts["ranges"] | undefined): boolean =>
  ranges?.length === 1 && e.status >= 400 && e.status < 500 && (REVERSED_NAME.test(e.name) || REVERSED_WORDS.test(e.when));

/**
 * The input error that is a range's own order rule: a 400 whose condition names both ends (TRIAL4 V1), or an error
 * of any 4xx the words of which say the ends are reversed, where the request has one range (EndBeforeStart:422,
 * LEAD20 O1). One requirement, the input-range pack's, answered with this error; no second one after a read.
 */
export const rangeErrorOf = (f: Pick<UseCaseFacts, "errors" | "inputs" | "resource"> & Partial<Pick<UseCaseFacts, "ranges">>, range: { from: Names; to: Names }): ErrorInput | undefined =>
  inputErrorsOf(f).find((e) => (e.status === 400 && [range.from, range.to].every((n) => new RegExp(`\\b${n.camel}\\b`, "i").test(e.when))) || saysReversed(e, f.ranges));

/**
 * A range of dates a create or change keeps on its record as a period (StartsOn and EndsOn of an out-of-office setting,
 * a leave request's dates): it selects nothing to read, so a query's width cap and "a record late on the last day" are
 * not its (LEAD20 O2). An export, a report or a download reads by its range, whatever its flow.
 */
export const storedPeriodOf = (f: Pick<UseCaseFacts, "ranges" | "flow" | "capabilities">, useCase: string): boolean =>
  f.ranges.some((r) => r.dates) && (f.flow === "create" || f.flow === "change") && !f.capabilities.includes("file-download") && !/\b(?:export|report|statement|download)/i.test(useCase);

/** The range's own error where it is no 400 (EndBeforeStart:422): the status and name the range's order rule answers with. */
export function rangeOrderErrorOf(f: Pick<UseCaseFacts, "errors" | "inputs" | "resource" | "ranges">): ErrorInput | undefined {
  const range = f.ranges.length === 1 ? f.ranges[0] : undefined;
  const e = range ? rangeErrorOf(f, range) : undefined;
  return e && e.status !== 400 ? e : undefined;
}

/** A URL input that names where the caller is sent next: followed as it is, it is an open redirect. */
export function redirectInputOf(input: Pick<PlanInput, "valueObjects">): { redirectInput?: Names } {
  const vo = input.valueObjects.find((v) => v.rule.kind === "url" && /^(?:returnTo|returnUrl|redirect(?:To|Uri|Url)?|next|continue(?:Url)?|callbackUrl|successUrl|cancelUrl)$/.test(namesOf(v.name).camel));
  return vo ? { redirectInput: namesOf(vo.name) } : {};
}

/**
 * A URL input the server fetches (an external call with a url input, not the address a browser is sent back to) is
 * https only in its value object, refused with 400 like any bad input: the one rule the SSRF requirement states, not an
 * http URL accepted by the value object and refused by the handler (TRIAL18B E12). The plan's stubs and the check of a
 * shared stub's rule both read it here.
 */
export function fetchedUrlOf(vo: ValueObjectInput, input: Pick<PlanInput, "valueObjects" | "capabilities">): ValueObjectInput {
  if (vo.rule.kind !== "url" || vo.rule.https || !input.capabilities.includes("external-call")) return vo;
  const redirect = redirectInputOf(input).redirectInput;
  if (redirect && namesOf(vo.name).camel === redirect.camel) return vo;
  return { ...vo, rule: { kind: "url", https: true } };
}

/**
 * The page size's bounds as the input that gives it says: a PageSize, or a Limit or PerPage (the name the page-size
 * tests already read, list-bodies' withPaging), so a Limit of 1..50 is not planned as "e.g. 100 at most" (TRIAL21 H12).
 */
export function pageSizeOf(input: PlanInput): { pageSize?: { min?: number; max?: number; name: string } } {
  const vo = input.valueObjects.find((v) => /^(?:pageSize|limit|perPage)$/.test(namesOf(v.name).camel) && (v.rule.kind === "int" || v.rule.kind === "number"));
  const rule = vo?.rule;
  if (!vo || !rule || (rule.kind !== "int" && rule.kind !== "number")) return {};
  return { pageSize: { ...(rule.min !== undefined ? { min: rule.min } : {}), ...(rule.max !== undefined ? { max: rule.max } : {}), name: namesOf(vo.name).pascal } };
}

/** Words saying the records a request names are the caller's own: "between my accounts", "two of their own". */
const OWN_RECORDS = /\b(?:my|their|his|her|the caller's) own\b|\bbetween (?:two of )?(?:my|their)\b|\bof my own\b/i;

/**
 * Whether the name or summary says the records the request names by id are the caller's own ("Transfer money between
 * my accounts", "two of their own bank accounts", TRIAL18A D11): each is looked up among the caller's own, and which
 * records the ids may name is no longer asked.
 */
export const referencesOwnOf = (f: Pick<UseCaseFacts, "summary">, useCase: string): boolean => OWN_RECORDS.test(`${useCase} ${f.summary ?? ""}`);

/**
 * Whether the answers' errors say where every id the request names may reach: an error whose words put the caller in a
 * role of that record ("the caller is not an admin of the target organisation", for TargetOrganizationId), so which
 * records it may name is answered, not asked (TRIAL20 G12). British and American spellings read alike.
 */
export function referencesReachAnsweredOf(f: Pick<UseCaseFacts, "errors">, ids: readonly Names[]): boolean {
  const spell = (s: string): string => s.toLowerCase().replace(/is(e|ation)/g, "iz$1");
  const whens = f.errors.map((e) => spell(e.when ?? ""));
  return ids.length > 0 && ids.every((id) => {
    const words = spell(id.pascal.replace(/Id$/, "").replace(/([a-z0-9])([A-Z])/g, "$1 $2"));
    const role = new RegExp(`\\bnot (?:a|an|the) [a-z-]+(?: [a-z-]+)? (?:of|in) (?:the |that |this )?${words}\\b`);
    return whens.some((w) => role.test(w));
  });
}

/**
 * Inputs that name other records by id (REVIEW3 Q6): FromAccountId and ToAccountId of a transfer under
 * /me, NewOwnerId of an ownership transfer, in the body or the query (not the route's). Only for a signed-in
 * caller: each is a foreign reference, loaded through a query scoped to what the caller may reach.
 */
export function referencedIdsOf(f: Pick<UseCaseFacts, "auth" | "resource" | "routeParams" | "inputs"> & { errors?: UseCaseFacts["errors"]; flow?: UseCaseFacts["flow"]; capabilities?: UseCaseFacts["capabilities"] }): Names[] {
  if (f.auth === "anonymous") return [];
  // A read's optional id in the query string, or any of a paged list's, filters what its scoped query lists (an audit
  // log's ActorId): it narrows the list, found by no lookup of its own, and an id that matches nothing (a deleted
  // user's, another organisation's) lists nothing, 200, never a 404 (TRIAL12 Z16).
  const filters = (i: UseCaseFacts["inputs"][number]): boolean => f.flow === "query" && i.location === "query" && (!i.required || f.capabilities?.includes("pagination") === true);
  // An id whose scope the answers give an error of its own (NewOwnerId and NewOwnerNotMember: 422) is looked up within
  // that scope, and that error is the answer for anyone outside it, known or not: no second answer, a 404 "outside
  // what the caller may reach", for the same person (TRIAL10 X8). A "not found" error (AssigneeNotFound) names no scope:
  // it is the unknown id's answer, and an id outside the caller's reach must still answer as one.
  // An error names its input when its name is the input's PascalCase name without Id, then Not (NewOwnerId:
  // NewOwnerNotMember, NewOwnerNotInTeam), then a scope rather than Found/Exist/Known.
  const scoped = (input: Names): boolean => {
    const prefix = `${input.pascal.replace(/Id$/, "")}Not`;
    // A state of the record (BankAccountNotVerified, CardNotActive) is no scope: the record is the caller's to reach,
    // in the wrong state, and an id outside its reach still answers 404 (LEAD20 W3).
    return (f.errors ?? []).some((e) => e.name.startsWith(prefix) && !/^(?:Found|Exist|Existing|Known|Verified|Active|Activated|Enabled|Confirmed|Approved|Ready|Available|Valid|Validated|Open|Published|Eligible|Supported|Paid|Settled|Expired)(?:[A-Z]|$)/.test(e.name.slice(prefix.length)));
  };
  // A route's parameters name the resource and its items (removedItemOf, a child): the body and query name others.
  const own = f.resource ? [`${f.resource.camel}Id`] : [];
  // A ticket's id names a record of another system (the ticket system), verified there: ticketInputOf.
  // A header is about the request (Last-Event-ID, X-Request-Id), never a record it names (REVIEW3 Q30).
  // An id whose rule is a closed set (PlanId:enum(starter|team|business)) is one of fixed values its value object checks:
  // no stored record of anyone's, so no scoped lookup and no 404 (TRIAL19C F3).
  return f.inputs.filter((i) => i.location !== "path" && i.location !== "header" && !filters(i) && !i.closedSet && /[a-z0-9]Id$/.test(i.names.camel) && !own.includes(i.names.camel) && i.names.camel !== "correlationId" && !isTicket(i.names.camel) && !i.providerId && !scoped(i.names)).map((i) => i.names);
}

/**
 * Two ids the request names of records of one kind (FromAccountId and ToAccountId: Account; ShippingAddressId and
 * BillingAddressId: Address), and that kind: only such two can name one record (TRIAL8 V6). The kind is the last word
 * before Id; CartId and ShippingAddressId name unlike records.
 */
/**
 * Whether two ids of one kind must differ, where the plan asks it (referenced-records-reach-open-differ and
 * referenced-records-differ): the two ids and their kind as the question ends ("FromAccountId and ToAccountId differ (the
 * same Account on both sides: a move from an Account to itself)"); undefined where the answers' own error comparing them
 * ("SameAccount: the source and the target are the same account") already says it (TRIAL7 U1).
 */
export function idsDifferOf(f: Pick<UseCaseFacts, "auth" | "resource" | "routeParams" | "inputs" | "errors">): string | undefined {
  const pair = sameKindIdsOf(f);
  if (!pair || inputErrorsOf(f).some((e) => /\b(?:the same|equal|identical|differ)/i.test(e.when))) return undefined;
  const [a, b, kind] = pair;
  const moved = /^(?:from|source)/i.test(a.pascal) || /^(?:from|source)/i.test(b.pascal);
  return `${a.pascal} and ${b.pascal} differ (the same ${kind.pascal} on both sides${moved ? `: a move from ${withArticle(kind.pascal)} to itself` : ""})`;
}

export function sameKindIdsOf(f: Pick<UseCaseFacts, "auth" | "resource" | "routeParams" | "inputs">): [Names, Names, Names] | undefined {
  const ids = referencedIdsOf(f);
  const kindOf = (n: Names): string => /([A-Z][a-z0-9]*)Id$/.exec(n.pascal)?.[1] ?? n.pascal;
  for (const [i, a] of ids.entries()) {
    const b = ids.slice(i + 1).find((x) => kindOf(x) === kindOf(a));
    if (b) return [a, b, namesOf(kindOf(a))];
  }
  return undefined;
}

/**
 * An id another system issued, named for it (ProviderPaymentMethodId, StripeCustomerId, ExternalAccountId): a record of
 * the provider, checked with the provider, never looked up among ours within the caller's reach (LEAD19 L10).
 */
export const providerIdOf = (camel: string): boolean => /^(?:provider|external|stripe|paypal|adyen|braintree|gateway|processor)[A-Z]\w*Id$/.test(camel);

const isTicket = (camel: string): boolean => /^(?:ticket|case|incident)(?:Id|Ref|Reference|Number|No)?$|(?:Ticket|Case)(?:Id|Ref|Reference|Number)$/.test(camel);

/**
 * The input naming the ticket or case that justifies a signed-in request (a support agent's TicketId): a
 * record of the ticket system, verified there (it exists, is open, is of the right kind, concerns this
 * record), not an id of ours looked up in the caller's reach (REVIEW3 Q15).
 */
export const ticketInputOf = (f: Pick<UseCaseFacts, "auth" | "inputs" | "resource">): Names | undefined =>
  // A ticket of ours (`/api/tickets/:ticketId/attachments --resource Ticket`) is the resource, not a justification.
  f.auth === "anonymous" || /^(?:ticket|case|incident)$/i.test(f.resource?.camel ?? "") ? undefined : f.inputs.find((i) => i.location !== "path" && isTicket(i.names.camel))?.names;

/**
 * The answers' error that caps how wide a range may be (TRIAL11 Y17): a 4xx speaking of a span, width or length of the
 * range (`RangeTooLong:400:the range spans more than 366 days`). It is the cap: input-range-dates-capped's width threat
 * answers with it, and how wide a range may be is not asked.
 */
export function rangeWidthErrorOf(f: Pick<UseCaseFacts, "errors" | "ranges">): ErrorInput | undefined {
  if (!f.ranges.length) return undefined;
  return f.errors.find((e) => e.status >= 400 && e.status < 500 && /\bspans?\b|\bwide\b|\bwider\b|\bwidth\b|too\s*long|\blonger than\b|more than \d+ (?:days?|weeks?|months?|years?)|RangeTooLong|RangeTooWide|SpanTooLong|TooManyDays/i.test(`${e.name} ${e.when ?? ""}`));
}

/**
 * The answers' own error for an expired one-time code (fix17b, TRIAL12 Z8): a 4xx whose name or condition speaks of
 * expiry (`CodeExpired:410`). The team tells an expired code from a wrong one on purpose, so the code packs answer
 * an expired code with it and no longer say it gets the same 404 as a wrong one; a used or void code still does.
 */
export const codeExpiredErrorOf = (f: Pick<UseCaseFacts, "errors">): ErrorInput | undefined => f.errors.find((e) => e.status >= 400 && e.status < 500 && /expir/i.test(`${e.name} ${e.when ?? ""}`));

/** Whether both ends of every range are required (TRIAL11 Y17): no end can be missing, so nothing is said of one alone. */
export const rangeEndsRequiredOf = (f: Pick<UseCaseFacts, "ranges" | "inputs">): boolean =>
  f.ranges.length > 0 && f.ranges.every((r) => [r.from, r.to].every((end) => f.inputs.some((i) => i.names.camel === end.camel && i.required)));

/**
 * The answers' own error for a ticket that does not justify the request (TRIAL11 Y2): a 4xx whose name or condition
 * speaks of the ticket or case (`TicketNotFound:422` for "the ticket reference names no open ticket of this user"). It
 * is the ticket check's answer: ticket-verified-answers-error says it, where ticket-verified-not-valid's 403
 * TicketNotValid stood beside it and answered one condition with two statuses.
 */
export function ticketAnswerOf(f: Pick<UseCaseFacts, "errors" | "inputs" | "auth" | "resource">): ErrorInput | undefined {
  const ticket = ticketInputOf(f);
  if (!ticket) return undefined;
  const word = /^(ticket|case|incident)/i.exec(ticket.camel)?.[1] ?? "ticket";
  return f.errors.find((e) => e.status >= 400 && e.status < 500 && new RegExp(word, "i").test(`${e.name} ${e.when ?? ""}`));
}

/** What the ticket check answers a ticket it refuses: the answers' own error, else the pack's 403 TicketNotValid. */
export function ticketErrorOf(f: Pick<UseCaseFacts, "errors" | "inputs" | "auth" | "resource">): { name: string; status: number } {
  const own = ticketAnswerOf(f);
  return own ? { name: own.name, status: own.status } : { name: "TicketNotValid", status: 403 };
}

/**
 * A create that moves something between two records of one kind (TRIAL7 U1): both named in the request (FromAccountId
 * and ToAccountId, SourceWalletId and TargetWalletId), or the route's resource the source and the request naming the
 * target (`/api/me/accounts/:accountId/transfers --resource Account` with ToAccountId). Both are changed, not only
 * read, whether or not --resource is given: loaded locked, checked, changed and saved together with the new record
 * and the outbox.
 */
export function movedBetweenOf(f: Pick<UseCaseFacts, "flow" | "auth" | "resource" | "routeParams" | "inputs">): { from: Names; to: Names; record: Names } | undefined {
  if (f.flow !== "create") return undefined;
  const ids = referencedIdsOf(f);
  const target = (kind: string): Names | undefined => ids.find((x) => new RegExp(`^(?:to|target|destination)${kind}Id$`).test(x.camel));
  for (const from of ids) {
    const kind = /^(?:from|source)([A-Z]\w*)Id$/.exec(from.camel)?.[1];
    const to = kind ? target(kind) : undefined;
    if (kind && to) return { from, to, record: namesOf(kind) };
  }
  // The record the route names is where the move starts; the request names where it goes.
  const own = f.resource ? `${f.resource.camel}Id` : undefined;
  const to = own && f.routeParams[f.routeParams.length - 1] === own ? target(f.resource!.pascal) : undefined;
  return to ? { from: f.inputs.find((i) => i.names.camel === own)?.names ?? namesOf(own!), to, record: f.resource! } : undefined;
}


/**
 * The Idempotency-Key a create carries (TRIAL7 U1): claimed in a key store of its own before anything is read, its
 * answer kept with the change. The plan's pseudo-code, its repository section and the handler contract's ports all
 * name that store from this one fact.
 * A bulk change carries one the same way (TRIAL10 X13): a retry of a batch half-applied must not move any record twice.
 */
// A change that carries one (an upgrade of the caller's plan, charged by a provider: TRIAL17A A2) claims it as a create
// does: its requirement promises the first answer to a retry, so the handler keeps it.
export const idempotencyKeyOf = (f: Pick<UseCaseFacts, "flow" | "inputs" | "bulkChange">): Names | undefined => (f.flow === "create" || f.flow === "change" || f.bulkChange ? f.inputs.find((i) => i.names.camel === "idempotencyKey")?.names : undefined);

/**
 * The body's optional inputs (Bio?:string(0..500)): fields a request may leave out. On a PATCH the reviewer asks what a
 * field left out does (nothing: only the inputs present are applied) and whether null clears one (fit12c).
 */
export const optionalBodyInputsOf = (f: Pick<UseCaseFacts, "inputs">): UseCaseFacts["inputs"] => f.inputs.filter((i) => !i.required && i.location === "body");
