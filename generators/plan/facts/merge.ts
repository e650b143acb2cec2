/**
 * A merge of two records of one kind (fix17b, TRIAL12 Z14: "Merge two duplicate customer records",
 * POST /api/customers/:customerId/merge with DuplicateId): the route's record survives and the one the input names is
 * merged into it. Both are loaded and written in one transaction: the duplicate checked, marked merged (or removed) and
 * every reference to it repointed, never the survivor saved alone.
 */
import type { Names } from "../names.js";
import type { ErrorInput } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** The route's last word, or the use-case's first, says merge. */
const MERGE_ROUTE = /\/merges?(?:\/|$)/i;
const MERGE_NAME = /^merge\b/i;
/** The input's name says which record goes: a duplicate, a source, the other one. */
const MERGED_NAME = /duplicate|source|other|merged|from|secondary|loser/i;

/** The input naming the record merged into the route's one, where the use-case merges two of a resource; else undefined. */
export function mergedInputOf(f: Pick<UseCaseFacts, "resource" | "route" | "inputs" | "flow">, useCase: string): Names | undefined {
  if (!f.resource || f.flow === "query" || !(MERGE_ROUTE.test(f.route) || MERGE_NAME.test(useCase.trim()))) return undefined;
  const own = `${f.resource.camel}Id`;
  const ids = f.inputs.filter((i) => i.names.camel.endsWith("Id") && i.names.camel !== own && i.location !== "path");
  return (ids.find((i) => MERGED_NAME.test(i.names.camel)) ?? (ids.length === 1 ? ids[0] : undefined))?.names;
}

/** The answers' own refusal of a record merged into itself (SameCustomer:422: the duplicate is the surviving one itself). */
export const mergeSelfErrorOf = (f: Pick<UseCaseFacts, "errors">): ErrorInput | undefined =>
  f.errors.find((e) => e.status >= 400 && e.status < 500 && /\bsame\b|^Same[A-Z]|itself|\bself\b|WithSelf/.test(`${e.name} ${e.when}`));
