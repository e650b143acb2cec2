/**
 * Bodies of tests about changes and deletes: versions and conflicts, repeats and retries, state moves, bulk
 * deletes, erasures, consents, contact changes and re-authentication.
 */
import { withArticle } from "../../../lib/article.js";
import { settingText } from "../../../lib/packs/pack.js";
import { contactInputsOf, itemOf, reassignsOf, retryStatesOf } from "../facts.js";
import { parseRule } from "../rules.js";
import { listCapAnswerOf } from "../facts/list-cap.js";
import { type Facts, seedId } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { body, distinctiveValues, has, infrastructure, person, type Resolver, storedPii, valid } from "./resolution.js";

/**
 * A body input of the valid request and another valid value for it (a second example of its value object, else a
 * different UUID): what the same Idempotency-Key is sent again with. Amounts first, as a client would change them.
 */
function otherBodyOf(f: Facts): { field: string; other: string } | undefined {
  const inputs = f.h.inputs.filter((i) => i.location === "body" && i.name !== "idempotencyKey" && i.valid !== undefined);
  const ranked = [...inputs].sort((a, b) => Number(/^(?:int|number)\b/.test(b.rule)) - Number(/^(?:int|number)\b/.test(a.rule)));
  for (const i of ranked) {
    const second = i.valueObject.valid.find((v) => v.expr !== i.valid);
    if (second) return { field: i.name, other: second.expr };
    if (parseRule(i.rule).kind === "uuid") return { field: i.name, other: JSON.stringify("123e4567-e89b-42d3-a456-4266141740ff") };
  }
  return undefined;
}

/** The records a bulk delete names by id, for its needs-statements. */
const bulkOf = (f: Facts): string => withArticle(f.facts.bulkDelete?.pascal ?? "record").replace(/^an? /, "") || "record";

/** The records a bulk change names by id, for its needs-statements. */
const changedOf = (f: Facts): string => f.facts.bulkChange?.records.pascal ?? "record";
const aChanged = (f: Facts): string => withArticle(changedOf(f));

export const CHANGE_BODIES = {
  "version-conflict": (f) => valid(f) ?? body("version-conflict", ["seed", "problem"], { outbox: has(f, "outbox") }),
  // A delete that answers fields has them in its body, not an empty one (TRIAL19C F8).
  deleted: (f) => valid(f) ?? body("deleted", ["seed"], { answers: f.facts.response.map((r) => r.camel) }),
  "delete-repeated": (f) => valid(f) ?? body("delete-repeated", ["seed"], { outbox: has(f, "outbox"), scheduler: has(f, "scheduler") }),
  // A bulk delete's ids arrive as one input whose list format is the implementation's (no list rule yet): a person writes them.
  "bulk-foreign-untouched": (f) => person(`${bulkOf(f)}s of two accounts seeded, the request naming ids of both in the ids input's format: only the caller's deleted, the other's unchanged and answered as missing`),
  "bulk-cap": (f) => {
    // The answers' own error for the cap (TooManyIds on FileIds:uuid[1..50]) is the answer, the list's maximum the cap.
    const { cap, error } = listCapAnswerOf(f.facts) ?? {};
    return person(`${cap ? `a request naming ${cap.max + 1} ids, one more than the list rule's maximum` : "the cap on ids the plan states, and a request naming one id more (in the ids input's format)"}: answered ${error ? `${error.status} ${error.name}` : "400"}, no ${bulkOf(f)} deleted`);
  },
  "bulk-repeated": (f) => person(`${bulkOf(f)}s seeded and deleted by a request naming them, then the same request again: the same status, nothing more deleted, no event again`),
  "bulk-audit": (f) => person(`${bulkOf(f)}s seeded and deleted by one request: the audit entry and the events name each id deleted`),
  // A bulk change's ids arrive as the list input; what each seeded record may become is the implementation's: a person writes them.
  "bulk-change-mixed": (f) => person(`three ${changedOf(f)}s seeded: one the caller may reach and change, one of another tenant or account, ${f.facts.bulkChange?.state ? `one in a state the requested ${f.facts.bulkChange.state.camel} may not follow` : "one changed meanwhile (its version moved)"}; a request naming all three: 200, the first in updated, the other two in failed with reasons not-found and ${f.facts.bulkChange?.state ? "transition-refused" : "conflict"}`),
  "bulk-change-foreign": (f) => person(`${aChanged(f)} of another tenant or account seeded, and a request naming its id beside an unknown one: both in failed with reason not-found, the same for each, and the other one's ${changedOf(f)} unchanged`),
  "bulk-change-conflict": (f) => person(`two ${changedOf(f)}s seeded, one of them changed (its version moved) between its load and its save: that one in failed with reason conflict and left as the other change made it, the other updated`),
  "bulk-change-cap": (f) => {
    // The answers' own error for the cap (TooManyOrders) is the answer.
    const { cap, error } = listCapAnswerOf(f.facts) ?? {};
    return person(`a request naming one id more than the list rule's maximum${cap ? ` (${cap.max + 1} ids)` : ""}: answered ${error ? `${error.status} ${error.name}` : "400"}, no ${changedOf(f)} loaded or changed`);
  },
  "bulk-change-per-record": (f) => person(`two ${changedOf(f)}s changed by one request and one not changed: one audit record for each changed one, naming its id and what changed; the one not changed only in the request's own record`),
  "bulk-change-refused": (f) => person(`two ${changedOf(f)}s seeded, one in a state the requested one may follow and one in a state it may not: the first moves, the second is reported as transition-refused and keeps its state`),
  "state-moved": (f) => {
    // The seeded record is in the first transition's From state (seedExpr): the request moves it to that transition's To.
    const seededState = f.facts.transitions[0]?.from;
    const move = f.facts.transitions.find((t) => !t.emitter && t.from === seededState);
    return valid(f) ?? (move ? body("state-moved", ["seed"], { state: move.to }) : person(`a ${f.facts.resource?.pascal ?? "record"} seeded in a state this use-case moves from`));
  },
  "erasure-step-up": (f) => {
    if (f.facts.access === "anonymous" || f.h.erasure?.stepUpSeconds === undefined) return valid(f) ?? person("a signed-in caller whose last authentication time is known");
    // Just inside the window and one second past it, the window the plan states.
    const window = f.h.erasure.stepUpSeconds;
    const data = { scheduler: has(f, "scheduler"), recent: window > 60 ? window - 60 : window - 1, stale: window + 1, words: settingText({ value: window, unit: "seconds" }) };
    return valid(f) ?? body("erasure-step-up", ["seed", "problem"], data);
  },
  // A change of the caller's own email or phone (TRIAL4 V13): pending until confirmed, and only with a recent sign-in.
  "contact-pending": (f) => {
    const fields = contactInputsOf(f.facts).map((n) => n.camel).filter((name) => f.h.inputs.some((i) => i.name === name && i.valid !== undefined));
    return valid(f) ?? (fields.length ? body("contact-pending", ["seed"], { fields }) : person("the new email or phone the request sets"));
  },
  "recent-sign-in": (f) => valid(f) ?? (f.facts.access === "anonymous" || f.h.inputs.some((i) => /^(?:current|old|existing)(?:password|passphrase)$/i.test(i.name)) ? person("a signed-in caller whose last authentication time is known, and no current password in the request") : body("recent-sign-in", ["seed", "problem"], { outbox: has(f, "outbox"), scheduler: has(f, "scheduler"), jobs: has(f, "jobs") })),
  // A repeated request finds the resource in the state the first one left it (TRIAL4 V12): the same success, nothing changed.
  "state-repeated": (f) => {
    const state = retryStatesOf(f.facts)[0];
    // A reassignment the words allow: the repeat is the same person again, so the seed holds the person the request names (TRIAL21 H10).
    const assigned = reassignsOf(f.facts);
    const same = assigned ? f.h.inputs.find((i) => i.name === assigned.camel) : undefined;
    if (assigned && !same?.valid) return valid(f) ?? person(`the ${f.facts.resource?.pascal ?? "resource"} seeded in the state a first request left it, assigned to the person the valid request names`);
    return valid(f) ?? (state && f.facts.resource && !itemOf(f.facts) && (f.facts.flow === "change" || f.facts.flow === "delete") ? body("state-repeated", ["seed"], { state, outbox: has(f, "outbox"), same: same?.valid ? { field: same.name, value: same.valid } : false }) : person(`the ${f.facts.resource?.pascal ?? "resource"} seeded in the state a first request left it`));
  },
  "export-told": () => person("the messages the plan chooses for an export asked for and ready (their outbox entries and templates): both sent to the account's own address, neither holding a link that opens the file without signing in"),
  "contact-confirm": () => person("the use-case that opens the confirmation link: it makes the pending address the account's, and holds this test"),
  "contact-notice": () => person("the message to the address in force, as the plan chooses it (its outbox entry and template): sent, and its undo link working"),
  "contact-taken": () => person("another account seeded with the address the valid request sets, as the plan's data model names the field: the same answer as for a free one, and both accounts unchanged"),
  "erasure-purge-after-window": (f) =>
    valid(f) ?? (f.h.job && f.h.erasure ? body("erasure-purge-after-window", ["seed"], {}, [f.h.job.fn, f.h.erasure.windowConst]) : person("the scheduled command that purges when the window ends")),
  "erasure-hidden-not-erased": (f) => valid(f) ?? body("erasure-hidden-not-erased", ["seed"], { scheduler: has(f, "scheduler") }),
  "erasure-repeated": (f) => valid(f) ?? (has(f, "scheduler") ? body("erasure-repeated", ["seed"], { conflict: false }) : person("the scheduled command that purges")),
  "erasure-already-scheduled": (f) => valid(f) ?? (has(f, "scheduler") ? body("erasure-repeated", ["seed", "problem"], { conflict: true }) : person("the scheduled command that purges")),
  "erasure-cancel": () => person("the use-case that cancels an erasure: cancelled within the window, the record is restored and the purge, when it runs, does nothing"),
  // A move between two records (TRIAL7 U1): what each holds is the plan's choice (a balance field, or ledger entries).
  "move-both-changed": (f) =>
    person(`the field each ${f.facts.resource?.pascal ?? "record"} holds its balance in (or the ledger entries it is summed from), as the plan's data model names it: both seeded, one move made, the source lower and the target higher by the amount and one new record of the move; a refused move changes neither`),
  // Two moves at once race between the check and the save: only row locks in a real database settle who waits.
  "move-double-spend": (f) =>
    infrastructure(
      `the real database adapter: the in-memory repository has no row lock (SELECT ... FOR UPDATE) and runs no transactions. Seed one ${f.facts.resource?.pascal ?? "record"} with a balance covering one move only and another to move to, send two moves with different idempotency keys on two connections at once: one succeeds, the other is refused, and the balance is never below zero`,
    ),
  "erasure-every-store": () => infrastructure("every store the plan lists (database, search index, cache, file storage, analytics, third parties) behind its real adapter, searched for the subject's id after the purge"),
  "erasure-restore": () => infrastructure("a backup taken before the erasure, restored into a scratch environment, with the erasure log re-applied"),
  "erasure-proof": (f) =>
    valid(f) ??
    (f.h.job && f.h.erasure
      ? body("erasure-proof", ["seed"], { id: seedId(f), stored: storedPii(f), values: storedPii(f).map((p) => p.value) }, [f.h.job.fn, f.h.erasure.windowConst])
      : person("the scheduled command that purges, and the audit entry it writes naming the stores purged")),
  // What the law keeps and what others share are the plan's own lists: a person seeds them from it.
  "erasure-legal-retention": () =>
    person("the records the plan lists as kept by law (an invoice, a tax record), seeded beside the subject's data with the fields that tie them to the subject, and the purge run: each kept, detached"),
  "erasure-shared-resources": () =>
    person("a resource the plan says the subject shares (a meeting they hosted, a shared file), seeded with another user's access, and the purge run: still there for that user, reassigned or anonymised as the plan states"),
  "erasure-resume": () => infrastructure("the stores' real adapters, one made to fail after the first store, and the purge run again"),
  "idempotent-replay": (f) => valid(f) ?? body("idempotent-replay", ["seed"], { outbox: has(f, "outbox") }),
  "state-refused": (f) => {
    const froms = new Set(f.facts.transitions.map((t) => t.from));
    // A state the request itself moves to is a retry's, answered as the first time (catalog answers-states), not refused.
    const tos = new Set(retryStatesOf(f.facts));
    const state = f.facts.states.find((s) => !froms.has(s) && !tos.has(s));
    // Where every state it knows is left or reached by this use-case (Open -> Closed, a retry answering Closed), the refused
    // state is one it does not know: said by name, not as "a state no transition leaves", which reads as Closed (TRIAL5 U8).
    const known = f.facts.states.join(" and ");
    return valid(f) ?? (state && f.resourceId && !itemOf(f.facts) ? body("state-refused", ["seed", "problem"], { state, outbox: has(f, "outbox") }) : person(state || !known ? "a state no transition of this use-case leaves" : `a state of the ${f.facts.resource?.pascal ?? "resource"} this use-case does not know (it knows only ${known}), seeded: a request on ${withArticle(f.facts.resource?.pascal ?? "resource")} in it is refused`));
  },
  "put-creates": (f) => valid(f) ?? body("put-creates", [], { values: distinctiveValues(f) }),
  // A setting named by a key (TRIAL11 Y5): the generated fakes hold the resource, not its settings' rows, so a precise todo.
  "item-upsert-first": (f) => {
    const item = itemOf(f.facts);
    return person(`the ${f.facts.resource?.pascal ?? "resource"} seeded with no ${item?.names.pascal ?? "item"} for the valid request's ${item?.param ?? "key"}: the request answers ${f.facts.success} and one ${item?.names.pascal ?? "item"} for that key is read back with the values sent; the same request again answers the same and still one is there`);
  },
  "item-upsert-race": (f) => {
    const item = itemOf(f.facts);
    return infrastructure(`the real database with its unique constraint on the ${f.facts.resource?.pascal ?? "resource"}'s id and ${item?.param ?? "the key"}: two first requests for the same key sent at once both answer ${f.facts.success}, and one ${item?.names.pascal ?? "item"} is left`);
  },
  // The same PUT twice is a retried request: the first answer, nothing saved or published twice.
  // The generated fakes seed a record but read no field of it back: a precise todo, not a body that proves nothing.
  "patch-absent-unchanged": (f) =>
    person(`a ${f.facts.resource?.pascal ?? "record"} seeded with a value in every optional field, then a valid request whose body carries one of them with a new value and leaves out the rest: that field holds the new value and every field left out its seeded one, read back from the repository`),
  "put-repeated": (f) => valid(f) ?? body("idempotent-replay", ["seed"], { outbox: has(f, "outbox") }),
  "idempotent-concurrent": (f) => valid(f) ?? body("idempotent-concurrent", ["seed"], { outbox: has(f, "outbox") }),
  // The same key with another body (TRIAL7 U1): one body input given another valid value of its value object, so the
  // request is parsed as valid and reaches the key store, which refuses it.
  "idempotent-other-body": (f) => {
    const other = otherBodyOf(f);
    return valid(f) ?? (other ? body("idempotent-other-body", ["seed", "problem"], { ...other, outbox: has(f, "outbox") }) : person("a body input the tests can give another valid value (the same key with another body): the use-case has none they can vary"));
  },
  "reauth-wrong-password": () =>
    person("the caller's stored password hash, in the format the implementation's password hasher verifies, so a request with another current password can be refused (a malformed seed would fail for the wrong reason)"),
  "reauth-failure-cap": () =>
    person("the caller's stored password hash, in the format the implementation's password hasher verifies: the wrong attempts up to the cap, then the right password refused with 429"),
  "if-match-stale": () => person("the resource's version as the plan stores it and its ETag's format: a change sent with the ETag of an older version, answered 412, the record unchanged"),
  "if-match-missing": () => person("the resource seeded with a version: a change sent without If-Match, answered 428, the record unchanged"),
  "if-match-etag": () => person("the ETag's format the plan chooses: a successful change's ETag read from the answer and sent with the next change, which succeeds"),
  "consent-history": () => person("the consent record's history field as the plan stores it: a grant, then a withdrawal, read back as two entries"),
  // An acceptance by a create (TRIAL11 Y10): the entries are the team's records, one per (person, version).
  "consent-acceptance-history": () => person("the acceptance entries as the plan stores them and the server's current version (a setting or a table the plan names): one version accepted, the current version moved on, the next accepted, both entries read back"),
  "consent-acceptance-again": () => infrastructure("the real store's unique constraint on (person, version): the same acceptance sent twice in turn and twice at once, the entries counted and both answers compared"),
  "consent-version": () => person("where the server's current policy version is kept (a setting or a table the plan names)"),
  "consent-withdrawal": () => person("the consent record's history field as the plan stores it, and the withdrawal's event in the outbox beside the new entry"),
} satisfies Partial<Record<BodyKey, Resolver>>;
