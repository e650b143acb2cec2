/**
 * Reads: whether a query answers records or something it computes, a list and its filters, a search's text, a
 * stream of events.
 */
import { type Names, namesOf, singularOf } from "../names.js";
import type { PlanInput } from "../schema.js";
import { routeParamsOf } from "./route-and-flow.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** Response fields that hold a list of records (items, results): a query answering them is a list. */
const LIST_FIELD = /^(?:items|results|entries|records|data|list|hits|rows|nodes|edges)$/;

/**
 * Whether a query answers stored records (a resource, or a list of them) rather than something it
 * computes (a health status, whether a name is free): only records can be public or not, cached by a
 * CDN, or an empty list. A query that names no response fields is taken as a list, as it always was; so is one named
 * for a list ("List my meetings": namesListOf, TRIAL10 X10).
 */
export const answersRecordsOf = (f: Parameters<typeof listAnswerOf>[0]): boolean => f.resource !== undefined || listAnswerOf(f) !== undefined;

/**
 * A query naming no record whose answers give a 404 (GET /api/me/profile, ProfileNotFound) reads one thing the caller
 * may lack: never a list, which answers an empty one, never 404 (fix14a).
 */
const readsOneMissingOf = (f: Pick<UseCaseFacts, "errors" | "routeParams">): boolean => f.routeParams.length === 0 && f.errors.some((e) => e.status === 404);

/** Whether a list takes a filter input besides the route's ids, its cursor, page size and sort (TRIAL5 U9: a list with none was told its cursor carries its filters). */
export const takesListFilters = (f: Pick<UseCaseFacts, "flow" | "inputs">): boolean =>
  f.flow === "query" && f.inputs.some((i) => i.location !== "path" && !/page.?size|limit|cursor|^sort|^order/i.test(i.names.camel));

/**
 * Whether a GET answers with a stream of events kept open (REVIEW3 Q30): a Last-Event-ID input (the SSE
 * reconnect header), or the summary says server-sent events, SSE, an event stream or a WebSocket.
 */
export const streamOf = (f: Pick<UseCaseFacts, "method" | "inputs">, words: string): boolean =>
  f.method === "GET" && (f.inputs.some((i) => i.names.camel === "lastEventId") || /server-sent events|\bsse\b|event[- ]stream|websocket/i.test(words));

/** The capability of a free-text search; searchInputOf also infers it. */
export const SEARCH = "search";

const SEARCH_TEXT = /^(?:q|query|search|searchTerm|searchText|searchQuery|term|text|keywords?|phrase|prefix|namePrefix|startsWith)$/;
/** A route that says it searches or completes (`/members/search`, `/users/autocomplete`): its text input is the search text (TRIAL10 X9). */
const SEARCH_ROUTE = /\/(?:search|autocomplete|suggest(?:ions)?|typeahead)\/?$/i;

/**
 * The free-text input of a search: with `--capability search`, or on a GET, a text input named like
 * one (Q, Query, Search, SearchTerm, Keywords, Prefix), or the one text input of a route ending in /search. Its text reaches a LIKE, a full-text index or a search
 * engine, each with its own syntax to escape.
 */
export function searchInputOf(input: Pick<PlanInput, "method" | "capabilities" | "valueObjects"> & { route?: string }): Names | undefined {
  // A paged list's cursor and page size, a sort or an id are not what a person searches by (TRIAL4 V3).
  const text = input.valueObjects.filter((v) => (v.rule.kind === "string" || v.rule.kind === "pattern") && !/cursor|page|token|sort|order|(?:^|[a-z])Id$|^id$/i.test(namesOf(v.name).camel));
  const named = text.find((v) => SEARCH_TEXT.test(namesOf(v.name).camel));
  if (input.capabilities.includes(SEARCH)) return namesOf((named ?? text[0])?.name ?? "SearchText");
  const routed = input.route && SEARCH_ROUTE.test(input.route) && text.length === 1 ? text[0] : undefined;
  return input.method === "GET" && (named ?? routed) ? namesOf((named ?? routed)!.name) : undefined;
}

/** Words of a record that is a person (users, members, contacts): a search over them answers people. */
const PERSON_RECORD = /^(?:users?|members?|accounts?|contacts?|people|persons?|customers?|employees?|colleagues?|teammates?|participants?|attendees?|profiles?|patients?|students?|candidates?|applicants?|authors?)$/i;
/** Answer fields that identify a person or reach them (a display name, an email, an avatar): results that are people. */
const PERSON_FIELD = /^(?:userId|memberId|contactId|personId|username|userName|displayName|fullName|firstName|lastName|email|emailAddress|phone|phoneNumber|mobile|avatarUrl|handle)$/;
/** Answer fields that reach a person outside the app (an email, a phone): what a walk of prefixes harvests worst. */
export const CONTACT_FIELD = /^(?:email|emailAddress|phone|phoneNumber|mobile)$/;
/** Segments of a route that are no record's name: the API's prefix, a version, /me, a search's own verb. */
const NOT_A_RECORD = /^(?:api|v\d+|me|search|autocomplete|suggest(?:ions)?|typeahead|find|lookup)$/i;

/**
 * Whether a search answers people (TRIAL10 X9): its results are users, members or contacts, as its answer fields (userId,
 * displayName, email), or else the record its route searches (`/teams/:teamId/members/search`: members; `/api/users/search`),
 * or the resource where the route names none (`GET /api/search --resource User`) say. Walking prefixes (aa, ab, ... zz)
 * through such a search lists people one prefix at a time: capability-search-people. A product or tag search is not one.
 */
export const searchesPeopleOf = (f: Pick<UseCaseFacts, "capabilities" | "route" | "resource" | "response">): boolean => {
  if (!f.capabilities.includes(SEARCH)) return false;
  if (f.response.some((r) => PERSON_FIELD.test(r.camel))) return true;
  const searched = f.route.split("/").filter((s) => s && !/^(?::|\{)/.test(s) && !NOT_A_RECORD.test(s)).pop();
  return searched ? PERSON_RECORD.test(searched) : f.resource !== undefined && PERSON_RECORD.test(f.resource.camel);
};

/** A use-case named for a list: "List ...", "Browse ...", "Search ...", "Page through ...", "Show all ...". */
export const namesListOf = (useCase: string): boolean => /^(?:list|browse|search|page through|(?:show|get|find) all)\b/i.test(useCase.trim());

/** The route's last segment is a plural collection after the resource's id (`/teams/:teamId/invoices`), or says it searches. */
export const endsInCollection = (route: string): boolean => {
  const segments = route.split("/").filter(Boolean);
  const last = segments[segments.length - 1] ?? "";
  return SEARCH_ROUTE.test(route) || (/^[a-z][a-z-]*s$/i.test(last) && singularOf(last) !== last);
};

/**
 * The route names the caller's one resource under /me, by its singular name and no id (`/api/me/cart/coupon` for a
 * Cart, `/api/me/profile` for a Profile): the credential finds it, never an input of the request (TRIAL9 W6); a GET of
 * it reads that one record, never a list (`/api/me/invoices` for an Invoice is a list: the segment is the plural).
 */
export function meOneOf(route: string, resource: Names): boolean {
  const segment = /\/me\/([a-z0-9-]+)(?:\/|$)/i.exec(route)?.[1];
  return segment !== undefined && routeParamsOf(route).length === 0 && segment.toLowerCase() === resource.kebab;
}

/**
 * What a query answering a list lists: the one fact every part of the plan asks (the flow's steps and diagram, the
 * handler's pseudo-code and body type, the contract's 200 row, the query port, the tests), so none of them can say
 * "a list" where another says "one record" (fix15b).
 * - `resource`: the resource itself, the request naming none of them (`GET /api/me/meetings --resource Meeting`);
 *   never the caller's one the /me route names by its singular (`GET /api/me/profile --resource Profile`: meOneOf).
 * - `under`: items under one resource the route names, paged (`GET /api/rooms/:roomId/bookings --capability
 *   pagination`) or a query named for a list whose route ends in the collection (`GET /api/teams/:teamId/invoices`,
 *   "List invoices of a team"): the resource is found (404 when missing or out of reach), then its items listed.
 * - `records`: a query naming no resource that answers stored records: paged, named for a list ("List my meetings"),
 *   naming no response fields (taken as a list, as it always was), or naming the list field itself (items, results);
 *   never a read of one thing the caller may lack (readsOneMissingOf).
 */
export interface ListAnswer {
  of: "resource" | "under" | "records";
  /** A page at a time, with a cursor to the next (the pagination capability). */
  paged: boolean;
  /**
   * The plan writes the body as `{ items }`, each item the response fields (TRIAL10 X10): not where the response names
   * the list field itself (that body is already the list's wrapper), nor a stream or a health check, nor a query naming
   * no resource and no response fields that is neither paged nor named for a list.
   */
  itemsBody: boolean;
}

/** The list a query answers (see ListAnswer); undefined where it answers one record, one computed answer, or changes something. */
export function listAnswerOf(f: Pick<UseCaseFacts, "flow" | "resource" | "identifiesOne" | "capabilities" | "response" | "errors" | "routeParams" | "namesList" | "route" | "method" | "inputs" | "summary">): ListAnswer | undefined {
  if (f.flow !== "query") return undefined;
  const paged = f.capabilities.includes("pagination");
  const wrapped = !f.response.some((r) => LIST_FIELD.test(r.camel)) && !streamOf(f, f.summary ?? "");
  if (f.resource) {
    if (!f.identifiesOne) return meOneOf(f.route, f.resource) ? undefined : { of: "resource", paged, itemsBody: wrapped };
    if (!paged && !(f.namesList === true && endsInCollection(f.route) && f.routeParams.length > 0)) return undefined;
    return { of: "under", paged, itemsBody: wrapped };
  }
  // A health probe answers a status it computes, never stored records, whatever its response fields (none named is no list).
  if (f.capabilities.includes("health-check") || readsOneMissingOf(f) || !(paged || f.namesList === true || f.response.length === 0 || f.response.some((r) => LIST_FIELD.test(r.camel)))) return undefined;
  return { of: "records", paged, itemsBody: wrapped && (paged || f.namesList === true) };
}

/** Words of figures computed over many records: aggregated, usage, metrics, statistics, analytics, totals, a report or dashboard. */
const AGGREGATE_WORDS = /\baggregat\w*|\busage\b|\bmetrics?\b|\bstatistics?\b|\bstats\b|\banalytics\b|\btotals?\b|\bdashboards?\b|\breports?\b|\bsums?\b|\baverages?\b/i;
/** Response fields of such figures: totals, sums, counts, averages, a series of buckets. */
const AGGREGATE_FIELD = /^(?:totals?|sums?|counts?|averages?|avg|stats|statistics|metrics|series|buckets|days|weeks|months|hours)$/i;

/**
 * Whether a query answers figures computed over a period (TRIAL11 Y18: usage per day for a date range): its words or its
 * answer's fields say aggregate (usage, metrics, totals, a report), and it is bounded by a range of dates or says per day,
 * week or month. Such a read sums many raw rows each time unless rollups are read and answers cached: its cost, not its
 * access, is the reviewer's question. A list of records filtered by date (my invoices from..to) says none of it.
 */
export const aggregateReportOf = (f: Pick<UseCaseFacts, "flow" | "response" | "ranges" | "summary" | "route" | "capabilities" | "namesList">, useCase: string): boolean => {
  // A list of records (paged, named a list, or answering items) is records, however they are filtered.
  if (f.flow !== "query" || f.capabilities.includes("pagination") || f.namesList === true || f.response.some((r) => LIST_FIELD.test(r.camel))) return false;
  const words = `${useCase} ${f.summary ?? ""} ${f.route.replace(/[/:_-]+/g, " ")}`;
  const aggregate = AGGREGATE_WORDS.test(words) || f.response.some((r) => AGGREGATE_FIELD.test(r.camel) && !LIST_FIELD.test(r.camel));
  const perPeriod = f.ranges.some((r) => r.dates) || /\bper (?:hour|day|week|month|quarter|year)\b|\b(?:hourly|daily|weekly|monthly|quarterly|yearly)\b/i.test(words);
  return aggregate && perPeriod;
};
