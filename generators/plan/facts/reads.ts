/**
 * Reads: whether a query answers records or something it computes, a list and its filters, a search's text, a
 * stream of events.
 */
import { type Names, namesOf, singularOf } from "../names.js";
import type { PlanInput } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** Response fields that hold a list of records (items, results): a query answering them is a list. */
const LIST_FIELD = /^(?:items|results|entries|records|data|list|hits|rows|nodes|edges)$/;

/**
 * Whether a query answers stored records (a resource, or a list of them) rather than something it
 * computes (a health status, whether a name is free): only records can be public or not, cached by a
 * CDN, or an empty list. A query that names no response fields is taken as a list, as it always was; so is one named
 * for a list ("List my meetings": namesListOf, TRIAL10 X10).
 */
export const answersRecordsOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "capabilities" | "response" | "errors" | "routeParams" | "namesList">): boolean =>
  f.resource !== undefined || (f.flow === "query" && !readsOneMissingOf(f) && (f.capabilities.includes("pagination") || f.namesList === true || f.response.length === 0 || f.response.some((r) => LIST_FIELD.test(r.camel))));

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

/**
 * A query whose request names no one resource (`GET /api/me/meetings`, `GET /api/meetings`): it
 * answers a list of them, scoped in the query; no match is an empty list (200), nothing is missing.
 */
export const listsResourceOf = (f: UseCaseFacts): boolean => f.flow === "query" && f.resource !== undefined && !f.identifiesOne;

/**
 * A paged GET under a resource (`GET /api/rooms/:roomId/bookings --resource Room --capability
 * pagination`): it lists items of that resource a page at a time, not the one resource itself.
 */
export const listsUnderOf = (f: UseCaseFacts): boolean => f.flow === "query" && f.identifiesOne && f.capabilities.includes("pagination");

/** A use-case named for a list: "List ...", "Browse ...", "Search ...", "Page through ...", "Show all ...". */
export const namesListOf = (useCase: string): boolean => /^(?:list|browse|search|page through|(?:show|get|find) all)\b/i.test(useCase.trim());

/** The route's last segment is a plural collection after the resource's id (`/teams/:teamId/invoices`), or says it searches. */
const endsInCollection = (route: string): boolean => {
  const segments = route.split("/").filter(Boolean);
  const last = segments[segments.length - 1] ?? "";
  return SEARCH_ROUTE.test(route) || (/^[a-z][a-z-]*s$/i.test(last) && singularOf(last) !== last);
};

/**
 * Whether the success answer is a list of items, each with the response fields, none an empty list (200), never one
 * object (TRIAL10 X10): the one place the handler's body type and the contract's 200 row ask. A list of the resource
 * (listsResourceOf: `GET /api/me/meetings --resource Meeting`), a page under one (listsUnderOf), a query named for a list
 * under one resource whose route ends in the collection (`GET /api/teams/:teamId/invoices`, "List invoices of a team"),
 * or a query with no resource named for a list, or paged (`GET /api/me/meetings`, "List my meetings"). Not where the
 * response itself names the list field (items, results: that body is already the list's wrapper), nor a read of one
 * thing the caller may lack (readsOneMissingOf), nor a stream or a health check.
 */
export const answersListOf = (f: UseCaseFacts): boolean => {
  if (f.flow !== "query" || f.response.some((r) => LIST_FIELD.test(r.camel)) || f.capabilities.includes("health-check") || streamOf(f, f.summary ?? "")) return false;
  if (listsResourceOf(f) || listsUnderOf(f)) return true;
  if (f.resource) return f.namesList === true && endsInCollection(f.route) && f.routeParams.length > 0;
  return !readsOneMissingOf(f) && (f.capabilities.includes("pagination") || f.namesList === true);
};

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
