/**
 * Bodies of tests about lists: pages and cursors, search, batch reads.
 */
import type { HandlerInput } from "../model.js";
import { parseRule } from "../rules.js";
import { ACCESS_BODIES } from "./access-bodies.js";
import type { Facts } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { body, infrastructure, ownerField, person, type Resolution, type Resolver, valid } from "./resolution.js";
import { rangeWidthErrorOf } from "../facts/request-inputs.js";

interface Paging {
  size: HandlerInput;
  cursor: HandlerInput;
  max?: number;
  literal: (i: HandlerInput, n: number) => string;
  /** The first page's request (the required inputs and a page size of 2), the cursor's field, the caller's ownership of a seeded item. */
  data: { firstPage: string; cursor: string; own: string };
}

/** The page-size and cursor inputs of a paged list, or what the test needs instead. */
function withPaging(f: Facts, make: (p: Paging) => Resolution): Resolution {
  const size = f.h.inputs.find((i) => /page.?size|limit/i.test(i.name) && parseRule(i.rule).kind === "int");
  const cursor = f.h.inputs.find((i) => /cursor/i.test(i.name));
  if (!size || !cursor) return person("the page-size and cursor inputs of the paged list (named pageSize and cursor)");
  const rule = parseRule(size.rule);
  const literal = (i: HandlerInput, n: number): string => (i.text ? JSON.stringify(String(n)) : String(n));
  const required = f.h.inputs.filter((i) => i.required && i !== size && i !== cursor).map((i) => `${i.name}: ${i.valid}`);
  const firstPage = `{ ${[...required, `${size.name}: ${literal(size, 2)}`].join(", ")} }`;
  const own = f.facts.access === "anonymous" ? "" : `, ${ownerField(f)}: "user-1"`;
  return make({ size, cursor, ...(rule.kind === "int" && rule.max !== undefined ? { max: rule.max } : {}), literal, data: { firstPage, cursor: cursor.name, own } });
}

export const LIST_BODIES = {
  "page-size-cap": (f) =>
    valid(f) ??
    withPaging(f, (p) => (p.max === undefined ? person(`a maximum page size in the rule of ${p.size.vo}`) : body("page-size-cap", ["problem"], { field: p.size.name, tooLarge: p.literal(p.size, p.max + 1) }))),
  "page-cursor-tampered": (f) => valid(f) ?? withPaging(f, (p) => body("page-cursor-tampered", ["problem"], p.data)),
  "page-cursor-other-caller": (f) =>
    valid(f) ?? (f.facts.access === "anonymous" ? person("a caller identity the cursor is bound to: an anonymous list has none") : withPaging(f, (p) => body("page-cursor-other-caller", ["problem"], p.data))),
  "page-first-and-last": (f) => valid(f) ?? withPaging(f, (p) => body("page-first-and-last", [], p.data)),
  "page-stable-order": () => person("the list's sort field and its tie-breaker: two items with the same sort value across a page boundary, and one inserted between requests"),
  "page-deep": () => infrastructure("a real database holding 100 000 items and the p95 latency of the first and the 1000th page compared under load"),
  "page-cursor-other-filter": (f) => {
    // An optional filter the first page goes without: its cursor, sent with the filter set, was issued for other filters.
    const filter = f.h.inputs.find((i) => !i.required && !/page.?size|limit|cursor/i.test(i.name) && !f.facts.routeParams.includes(i.name) && i.valid !== undefined);
    if (filter) return valid(f) ?? withPaging(f, (p) => body("page-cursor-other-filter", ["problem"], { ...p.data, filter: filter.name, value: filter.valid }));
    return person(`a filter input of the list besides the page size and the cursor (${f.h.inputs.filter((i) => !/page.?size|limit|cursor/i.test(i.name)).map((i) => i.vo).join(", ") || "the list takes none yet"}), and a cursor issued with one value of it sent with another, refused with 400`);
  },
  "page-scope": (f) => (f.facts.access === "anonymous" ? ACCESS_BODIES["public-hidden"](f) : ACCESS_BODIES["query-scope"](f)),
  "search-wildcard": () => person("the search port's query (the engine the plan chooses) and a fake of it over seeded records, one of them holding % or _: the search for that character"),
  "search-operators": () => person("the search port's query and a fake of it over seeded records: a search text holding a quote, OR, * and a regular expression, answered 200 with the records that contain it as text"),
  "search-short-term": () => infrastructure("a realistic data set in the real search engine under load: the p95 latency of a one-letter search"),
  // A sort enum the answers give is the allow-list (TRIAL7 U11).
  "search-sort": (f) => {
    const sort = f.h.inputs.find((i) => /^(?:sort|sortBy|orderBy|order)$/i.test(i.name) && i.rule.startsWith("enum("));
    return person(sort ? `the ${sort.vo} input's values (${sort.rule.slice(5, -1).split("|").join(", ")}) as the allow-list the handler maps to fields: a value outside them answered 400` : "the allow-list of sort fields the plan states, and the input that names the sort: a field outside it answered 400");
  },
  // A people search (TRIAL10 X9): whom the caller may find is the plan's answer, and the fake search must apply it.
  "search-people-scope": () => person("people seeded inside and outside the caller's reach (its team and another team) sharing a name prefix, and the search port's fake applying the caller's scope: the search for that prefix answering only those inside"),
  "search-people-prefix": () => person("the minimum prefix length the plan states, on the search text's value object: a text one character shorter answered 400, the search port never called"),
  "search-people-cap": () => person("the daily cap of searches per account the plan states (an open question until it is answered): that many distinct prefixes searched, then one more answered 429"),
  "scheduled-cleanup": () => person("what the command cleans up as the plan stores it (a file in storage, a secret's hash): two changes made, the first one's command run after the second, the first replaced thing found gone and the second's kept until its own run"),
  // The answers' own cap (RangeTooLong) is the width: nothing left to ask (TRIAL11 Y17).
  "range-width": (f) => {
    const width = rangeWidthErrorOf(f.facts);
    return person(width ? `a request one day wider than the maximum width ${width.name} names, answered ${width.status} ${width.name}` : "the maximum width of a range the plan states (an open question until it is answered): a request one day wider, answered 400 or cut and said so");
  },
  "query-post-per-item": () => person("records seeded for the caller and for another: a batch read naming both, and the other's id answered exactly as an unknown id"),
} satisfies Partial<Record<BodyKey, Resolver>>;
