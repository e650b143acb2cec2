/**
 * What a bulk change does, in the words of each part of the plan (TRIAL10 X13): the sequence diagram, the data flow,
 * the repository port and the handler's pseudo-code. Many existing records named by id (`POST /api/orders/bulk-status`
 * with OrderIds) are each loaded within the caller's reach, checked, and saved with their version on their own: one
 * id's failure is reported for that id, the rest still change, and the answer is 200 with `updated` and `failed`.
 * Nothing is created, so no new aggregate, 201 or Location.
 */
import type { UseCaseFacts } from "./facts.js";
import { relationMethodOf } from "./names.js";

type BulkFacts = Pick<UseCaseFacts, "bulkChange" | "access" | "relation" | "inputs" | "response" | "resource">;

/**
 * The resource the records are under, where the route names one (`/api/projects/:projectId/tasks:batchUpdate
 * --resource Project`): loaded first, as any change loads it, and each id looked up within it.
 */
export const bulkParentOf = (f: BulkFacts): string | undefined => (f.resource && f.bulkChange && f.resource.pascal !== f.bulkChange.records.pascal ? f.resource.pascal : undefined);

/** The records and the input naming the state each moves to, where there is one. */
function partsOf(f: BulkFacts): { records: string; one: string; state?: string; ids: string } {
  const bulk = f.bulkChange!;
  const ids = f.inputs.find((i) => /^(?:ids|[a-z][A-Za-z0-9]*Ids)$/.test(i.names.camel))?.names.camel ?? "ids";
  return { records: bulk.records.pascal, one: bulk.records.camel, ...(bulk.state ? { state: bulk.state.camel } : {}), ids };
}

/** The scope each id is looked up in, as the port's method says it. */
const finderOf = (f: BulkFacts): string => (bulkParentOf(f) ? `findIn${bulkParentOf(f)}` : f.access === "relation" ? relationMethodOf("findFor", f.relation ?? "owner") : "findForCaller");
/** The finder's arguments: the parent's id where the records are under one, else the caller's. */
const scopeArgOf = (f: BulkFacts): string => (bulkParentOf(f) ? `${f.resource!.camel}.id` : "callerId");

/** The sequence diagram's lines (each still to be escaped for Mermaid). */
export function bulkChangeSequence(f: BulkFacts, outbox: boolean): string[] {
  const { records, state } = partsOf(f);
  return [
    `H->>R: load each ${records} named by id within ${bulkParentOf(f) ? `the ${bulkParentOf(f)}` : "the caller's reach"}; none: failed (not-found)`,
    ...(state ? [`H->>H: check each move to the requested ${state}; refused: failed (transition-refused)`] : []),
    `H->>R: save each changed ${records} with its version${outbox ? " and its outbox entries" : ""}, one transaction each; a moved version: failed (conflict)`,
  ];
}

/** The data flow's step. */
export function bulkChangeDataFlow(f: BulkFacts, outbox: boolean): string {
  const { records, state } = partsOf(f);
  return `The handler ${bulkParentOf(f) ? `loads the ${bulkParentOf(f)} as the access rules say (404 otherwise), then takes` : "takes"} the ids one by one: it loads each ${records} within ${bulkParentOf(f) ? `that ${bulkParentOf(f)}` : "the caller's reach"} (an id outside it is reported as not found, as a missing one is), ${state ? `checks its move to the requested ${state} (a refused move is reported for that id), ` : ""}applies the change and saves it with the version it was read at${outbox ? ", with its events in the same transaction (outbox)" : ""}; a moved version is reported for that id. Nothing is created: the answer is 200 with the ids updated and those failed, each with its reason.`;
}

/** The repository port's methods. */
export function bulkChangePort(f: BulkFacts, outbox: boolean): string {
  const { records, one } = partsOf(f);
  const parent = bulkParentOf(f);
  return [
    parent
      ? `  // The ${records} an id names, within the ${parent} loaded above (one query by both ids): null for a missing one AND for one under another ${parent}, told apart by no one.`
      : `  // The ${records} an id names, within the caller's reach (the caller's scope is part of the query${f.access === "relation" ? `: the caller is its ${f.relation}` : ""}): null for a missing one AND for one outside it, told apart by no one.`,
    `  ${finderOf(f)}(${parent ? `${f.resource!.camel}Id` : "callerId"}: string, id: string): Promise<${records} | null>;`,
    `  // Saves one changed ${records}${outbox ? " and its outbox events in one transaction" : ""}; fails when its version moved since it was read (reported for that id; the other ids go on).`,
    `  save(${one}: ${records}, events: readonly unknown[]): Promise<void>;`,
  ].join("\n");
}

/**
 * The handler's pseudo-code for the ids, from the list rule's parse to the answer. `emit` is the event lines, `audit`
 * the audit line's arguments (undefined without an audit trail), `complete` the idempotency key's completion lines.
 */
export function bulkChangePseudo(f: BulkFacts, outbox: boolean, emit: readonly string[], audit: string | undefined, complete: readonly string[]): string[] {
  const { records, one, state, ids } = partsOf(f);
  const fields = f.response.map((r) => r.camel);
  const answer = fields.length ? fields.join(", ") : "updated, failed";
  return [
    `  updated = [], failed = []  // ${ids} is the list rule's: its cap and a repeated id were refused with 400 above, nothing loaded`,
    `  for each id in ${ids}:`,
    `    ${one} = repository.${finderOf(f)}(${scopeArgOf(f)}, id)  // null -> failed += { id, reason: "not-found" }, next id: the same for ${bulkParentOf(f) ? `a ${records} of another ${bulkParentOf(f)}` : `another tenant's or account's ${records}`} as for a missing one`,
    ...(state ? [`    ${one}.${state} may not move to ${state} (the transition table) -> failed += { id, reason: "transition-refused" }, next id; ${one} unchanged`] : []),
    `    ${state ? `from = ${one}.${state}; ${one}.${state} = ${state}` : `apply the change to ${one}`}; collect its events`,
    ...emit.map((l) => `  ${l}  // this ${records}'s own`),
    `    repository.save(${one}, events)  // ${outbox ? "its own transaction with the outbox, " : ""}checked against the version it was read at -> moved => failed += { id, reason: "conflict" }, nothing saved, next id`,
    ...(audit ? [`    audit.record(${audit}, action, id, ${state ? "from -> to" : "each changed field's old -> new value"}, outcome, correlationId)  // one record per ${records} changed`] : []),
    `    updated += id`,
    ...complete.map((l) => l.replace("  // in the save's transaction: a crash leaves neither the change nor a kept answer", "  // after the loop: a retry with the key gets this answer, and nothing is changed twice")),
    `  respond 200 with ${answer}  // every id in exactly one of the two; no Location: nothing was created`,
  ];
}

/**
 * The type of a bulk change's response field where its name says it: the ids failed with their reasons (`failed`,
 * `rejected`), or the ids changed (a past participle: `updated`, `archived`, `cancelled`).
 */
export function bulkOutcomeTypeOf(camel: string): { code: string; contract: string } | undefined {
  if (/^(?:failed|failures|errors|rejected|skipped|notUpdated)$/.test(camel)) return { code: "readonly { readonly id: string; readonly reason: string }[]", contract: "{ id, reason }[] (each id not changed, and why)" };
  if (/^(?:[a-z]+ed|[a-z]+edIds|ids|succeeded|done|ok)$/.test(camel)) return { code: "readonly string[]", contract: "string[] (the ids changed)" };
  return undefined;
}

/** A bulk change's answer where the answers name no response fields: the outcome per id all the same. */
export const BULK_OUTCOME_FIELDS = [
  { name: "updated", type: "readonly string[]" },
  { name: "failed", type: "readonly { readonly id: string; readonly reason: string }[]" },
] as const;
