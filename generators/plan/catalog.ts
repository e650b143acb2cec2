/**
 * What the plan promises and how it is proven, with stable IDs: the packs whose
 * facts hold (packs/*.yaml, applied by lib/packs/engine.ts), plus what only the
 * answers know and the generator proves itself: one requirement per input,
 * event, transition and domain error, with the domain tests generated from
 * their models, and the acceptance criteria. Pure.
 * Requirement and threat texts are Markdown (user text escaped here); test titles
 * are plain text, escaped where they land (a TypeScript string, a table cell).
 */
import { writesOutboxOf } from "./facts/outbox.js";
import { stateRefusalOf } from "./facts/state-errors.js";
import { loadNotFoundOf } from "./facts/derive-facts.js";
import { namedLoadNotFoundOf, withLoadNotFound } from "./load-not-found.js";
import { withArticle } from "../../lib/article.js";
import { PLACEHOLDER } from "../../lib/check/plan-facts.js";
import { applyPacks, TEST_PREFIX, type CatalogStatus, type PackCatalog } from "../../lib/packs/engine.js";
import type { LoadedPack, PackFacts, PackRequirement, PackTest } from "../../lib/packs/pack.js";
import { code, md } from "../../lib/render/escape.js";
import { whenSentence, whenTail } from "../../lib/render/when-clause.js";
import { errorTestTitle } from "./facts/error-conditions.js";
import { reassignsOf, unassignsOf, inboundMailOf, retriedDeliveryErrorsOf, accountStateErrorsOf, consentOf, deletesOf, movedBetweenOf, eventTypeInputOf, statefulOf, erasesLater, retryStatesOf, runAtInputOf, leftStateErrorsOf, intendedStatesOf, parentParamsOf, inputErrorsOf, rangeErrorOf, removedItemOf, listAnswerOf, answersRecordsOf, isUploadSizeName, uploadErrorsOf, jobFileErrorsOf, type RemovedItem, type UseCaseFacts } from "./facts.js";
import { headerNameOf, namesOf, pluralOf, type Names } from "./names.js";
import { assumedRelationOf, type AssumedRelation } from "./facts/access.js";
import { RECENT_SIGN_IN_FEATURE_PACK } from "./facts/recent-sign-in.js";
import { deliveryRecordOf } from "./delivery-record.js";
import { derivedCallKeyOf, externalErrorsOf } from "./external-errors.js";
import { reservesThenChargesOf } from "./facts/checkout.js";
import { refundSavedPendingOf } from "./facts/refund.js";
import { endStateQuestions } from "./end-state.js";
import { eventRequirement } from "./event-model.js";
import { valueObjectRequirement } from "./value-object-model.js";
import { withUploadAnswers } from "./upload-answers.js";
import { ownMarkPacks } from "./own-mark-pack.js";
import type { CommandModel, EventModel, Requirement, TestCase, Threat, ValueObjectModel } from "./model.js";
import type { ErrorInput, TestKind } from "./schema.js";

export interface CatalogInput {
  useCase: Names;
  summary: string;
  actor: string;
  facts: UseCaseFacts;
  packFacts: PackFacts;
  packs: readonly LoadedPack[];
  criteria: string[];
  kinds: TestKind[];
  valueObjects: ValueObjectModel[];
  events: EventModel[];
  command?: CommandModel;
  /** The state stub's test IDs are set here, as the value objects' are. */
  states?: { allowTestId?: string; refuseTestId?: string };
}

export interface Catalog {
  functional: Requirement[];
  nonFunctional: Requirement[];
  criteria: Requirement[];
  threats: Threat[];
  tests: TestCase[];
  statuses: CatalogStatus[];
  errors: PackCatalog["errors"];
  abuseCases: PackCatalog["abuseCases"];
  telemetry: PackCatalog["telemetry"];
  monitoring: PackCatalog["monitoring"];
  questions: string[];
  checklist: PackCatalog["checklist"];
  applied: PackCatalog["applied"];
  /** Domain tests no model writes the assertions of (the answers' "rules" todo, packs' domain tests): `ID title` each. */
  domainTodos: string[];
  /** The numbers the applied packs state (stepUpWindow, recipientCapPerHour, activeJobs, ...), as their texts show them. */
  settings: PackCatalog["settings"];
}

/** The visible marker of what only a person can write; `check` counts it. */
export const TODO = `${PLACEHOLDER}:`;

/** The order packs apply in, so IDs are stable: what the answers say first, then flow, access, and what the facts add. */
export const PACK_ORDER = [
  "answers-use-case",
  "core",
  "flow-",
  "query-",
  "resource",
  "access-",
  "answers-inputs",
  "inputs",
  "answers-states",
  "answers-removed-item",
  "answers-own-mark",
  "answers-idempotency",
  "answers-errors",
  "answers-events",
  "events",
  "scheduled-command",
  "answers-command",
  "enumeration-",
  "enumeration",
  "rate-limit-",
  "personal-data",
  "audit",
  "no-audit",
  "capability-",
];

/** The recent-sign-in rule's pack, placed by packOrderOf. */
const RECENT_SIGN_IN = "recent-sign-in";
/** The pack order for each feature pack recent-sign-in goes just before, worked out once per run. */
const recentSignInOrders = new Map<string, readonly string[]>();

/**
 * The order packs apply in for this use-case: PACK_ORDER, and where a change needs a recent sign-in, the recent-sign-in
 * pack just before the feature's own pack (RECENT_SIGN_IN_FEATURE_PACK), so that the rule's items come where that pack
 * held them before it was one rule (their IDs unchanged) and the feature pack's threat can cite its test. The built-in
 * packs that sort before the feature pack are named ahead of it, in the order they would take anyway.
 */
function packOrderOf(packFacts: PackFacts, packs: readonly LoadedPack[]): readonly string[] {
  const kind = packFacts.recentSignInKind;
  if (!kind) return PACK_ORDER;
  const anchor = RECENT_SIGN_IN_FEATURE_PACK[kind];
  let order = recentSignInOrders.get(anchor);
  if (order) return order;
  const rankOf = (name: string): number => {
    const i = PACK_ORDER.findIndex((o) => (o.endsWith("-") ? name.startsWith(o) : name === o));
    return i < 0 ? PACK_ORDER.length : i;
  };
  const rank = rankOf(anchor);
  const before = [...new Set(packs.filter((p) => p.source === "built-in" && p.name !== RECENT_SIGN_IN && rankOf(p.name) === rank && p.name < anchor).map((p) => p.name))].sort();
  order = [...PACK_ORDER.slice(0, rank), ...before, RECENT_SIGN_IN, ...PACK_ORDER.slice(rank)];
  recentSignInOrders.set(anchor, order);
  return order;
}

/** An error's words that refuse the last holder of a role (LastOwnerCannotLeave, "the caller is the team's only owner"). */
const LAST_HOLDER = /\b(?:last|only|sole)[ -]?(?:owner|admin|administrator|manager)s?\b|(?:Last|Only|Sole)(?:Owner|Admin)/i;

/** What the success answer means, by flow: the first row of the status catalogue. */
function successWhen(f: UseCaseFacts): string {
  if (f.flow === "async") return "Accepted: the job is scheduled; Location names its status resource";
  if (f.credentials) return "Signed in: a new session (a cookie, or a token in the body)";
  if (f.oauthCallback) return "Signed in: a redirect (Location) to a page of this site, with the new session's cookie (Set-Cookie); no code or token in the URL";
  if (f.success === 202 && f.enumeration) return `Accepted, whether or not the ${md(f.enumeration)} exists: the same body every time`;
  if (f.success === 201) return "Created: Location names the new resource";
  if (f.success === 204) return erasesLater(f) ? "Erasure scheduled: the data is deactivated and hidden at once, and erased when the cancellation window ends; no body" : "Done: no body";
  const fields = f.response.length ? ": the response fields above" : "";
  // A list is found even when nothing matches: its items, maybe none (TRIAL10 X10).
  // The query-list pack's row already says an empty list is 200 where it applies (its `when`): not said twice.
  if (listAnswerOf(f)?.itemsBody === true) return `Found: the list of items${f.response.length ? ", each with the response fields above" : ""}${f.capabilities.includes("pagination") ? "; a next cursor while more pages follow" : ""}${!f.identifiesOne && answersRecordsOf(f) ? "" : "; none found is an empty list, still 200"}`;
  if (f.flow === "query") return `Found${fields}`;
  if (f.flow === "delete") return `Deleted${fields}`;
  return `Done${fields}`;
}

const answersPack = (name: string, description: string, body: Omit<LoadedPack, "name" | "source" | "file">): LoadedPack => ({
  name,
  description,
  source: "built-in",
  file: "(the answers)",
  ...body,
});

/** The open question on a relation the plan assumed, asked about the choice it made (assumedRelationOf). */
function assumedRelationQuestion(f: UseCaseFacts, resource: string, assumed: AssumedRelation): string {
  const r = md(resource);
  switch (assumed) {
    case "recipient":
      return `Is the recipient of the ${r} the only one who may call ${code(f.endpoint)}, as planned (no relation was given), and its sender refused like a stranger (404)? May an administrator answer one on someone's behalf? Name it with --relation.`;
    case "viewer":
      return `Which ${pluralOf(r)} may a caller reach through ${code(f.endpoint)}: any it may see, as planned (no relation was given: a viewer is anyone the ${r} is visible to), or only those of its organisation, its contacts, its followed accounts? ${/^(?:User|Account|Member|Person|Profile|Customer)$/.test(resource) ? "And may a caller do it to itself?" : `And may a caller do it to ${withArticle(resource)} of its own?`} Name the relation with --relation.`;
    case "taken":
      return `Is the ${md(f.relation!)} of the ${r} the only one who may call ${code(f.endpoint)}, as planned (no relation was given)? Or may others who relate to it (a member, an assignee) or a role (--auth roles) call it too? Name it with --relation.`;
  }
}

/** What only the answers know, as packs that always apply; their texts are final Markdown, not templates. */
function answersPacks(c: CatalogInput): LoadedPack[] {
  const f = c.facts;
  const actor = md(c.actor);
  const does = c.summary ? md(c.summary) : `${md(c.useCase.title)} (${TODO} say in one line what it does)`;
  const nothingToTest = !c.valueObjects.length && !c.events.length && !c.command && !f.transitions.length;
  const packs: LoadedPack[] = [
    answersPack("answers-use-case", "The endpoint and its success answer", {
      requirements: [
        {
          kind: "fr",
          text: `${actor} can call ${code(f.endpoint)}: ${does}`,
          tests: [
            { kind: "integration", title: `${f.endpoint} answers ${f.success} for a valid request from ${c.actor}`, body: "success" },
            ...(nothingToTest ? [{ kind: "domain" as const, key: "rules", title: `${c.useCase.title} enforces its domain rules (${TODO} name them)` }] : []),
          ],
        },
      ],
      statuses: [{ status: f.success, when: successWhen(f), headers: f.successHeaders }],
    }),
  ];

  if (c.valueObjects.length) {
    // A signed delivery's event type: the types it does not handle are acknowledged, not refused (TRIAL4 V5).
    const eventType = eventTypeInputOf(f);
    packs.push(
      answersPack("answers-inputs", "One value object per input, each proven by generated domain tests", {
        requirements: c.valueObjects.map((vo): PackRequirement => ({
          kind: "fr",
          text: valueObjectRequirement(vo, eventType?.camel === vo.names.camel ? f.success : undefined, f.upload && isUploadSizeName(vo.names.pascal) && /\bmax\b|\.\.\d/.test(vo.ruleText) ? `413${uploadErrorsOf(f).size ? ` (${uploadErrorsOf(f).size!.name})` : ""}` : undefined),
          tests: [
            ...(eventType?.camel === vo.names.camel ? [{ kind: "integration" as const, key: `${vo.names.pascal}/unhandled`, title: `a delivery of an event type this receiver does not handle answers ${f.success}, is kept as received and changes nothing`, body: "webhook-unhandled-type" }] : []),
            vo.valid.length
              ? { kind: "domain", key: `${vo.names.pascal}/accept`, title: `${vo.names.pascal} accepts valid values`, todo: false }
              : { kind: "domain", key: `${vo.names.pascal}/accept`, title: `${vo.names.pascal} accepts a value matching its rule (no example could be derived)` },
            { kind: "domain", key: `${vo.names.pascal}/reject`, title: `${vo.names.pascal} rejects each kind of invalid input with a clear error`, todo: false },
            ...(vo.text
              ? [{ kind: "domain" as const, key: `${vo.names.pascal}/text`, title: vo.text.title, todo: false }]
              : []),
          ],
        })),
      }),
    );
  }

  if (f.resource && f.transitions.length) {
    const resource = (statefulOf(f) ?? f.resource).pascal;
    // Found by a guessable key (an invite code, a link's token): a used or closed one answered 409 tells a
    // guesser the key was real, so it answers the same 404 as an unknown one.
    const hidden = f.enumeration;
    // The states the request itself moves to: a retry finds the resource there.
    const ownTos = retryStatesOf(f);
    // Where the request gives its job's time (PublishAt), another time is a reschedule, not a repeat (TRIAL17C C2).
    const runAt = runAtInputOf(f);
    // Where the words say a reassignment replaces the assignee, another person is a reassignment, not a repeat (TRIAL21 H10).
    const reassign = runAt ? undefined : reassignsOf(f);
    // The states the request names as its intent that no transition of this use-case leaves again.
    const ends = intendedStatesOf(f).filter((to) => !f.transitions.some((t) => t.from === to));
    // A bulk change of these records (POST /api/orders/bulk-status --resource Order): a refused move fails for its id only (TRIAL10 X13).
    const bulk = f.bulkChange !== undefined && f.bulkChange.records.pascal === f.resource?.pascal;
    // The answers' own refusal of a move the state does not allow (NotPending:409) is the 409: its row, not a generic one beside it (fix17b).
    const refusal = hidden || bulk ? undefined : stateRefusalOf(f);
    const refused = refusal ? `409 ${refusal.name}` : "409";
    packs.push(
      answersPack("answers-states", `The state changes of ${resource} this use-case makes`, {
        requirements: [
          {
            kind: "fr",
            text: `This use-case moves the ${resource} only along its own transitions (${f.transitions.map((t) => `${t.from} to ${t.to}${t.emitter ? ` by ${md(t.emitter)} when it runs, not the request` : ""}`).join(", ")}); any other change is refused ${hidden ? `with the same 404 as an unknown ${md(hidden)} (a used or closed one must not tell a guesser it was real)` : bulk ? `for that ${resource}'s id only (in failed, reason \`transition-refused\`; the others still move)` : `with ${refused}`} and changes nothing (another use-case of the ${resource}, one that undoes this or a job, makes its own moves).${!hidden && ownTos.length ? ` A repeated request that finds the ${resource} already ${ownTos.join(" or ")}${runAt ? ` with the same ${runAt.pascal}` : reassign ? ` with the same ${reassign.pascal}` : ""} answers ${f.success} as the first time and changes, saves or schedules nothing${reassign ? `; one naming another person reassigns it, as the answers say: the ${resource} stays ${ownTos.join(" or ")}, its assignee replaced by the new one` : ""}${runAt ? `; one with another ${runAt.pascal} reschedules it, as below` : ""}.` : ""}`,
            tests: [
              { kind: "domain", key: "allow", title: `${resource} state allows each transition of this use-case`, todo: false },
              { kind: "domain", key: "refuse", title: `this use-case refuses every other transition of the ${resource}, at least one from each state`, todo: false },
              ...(!hidden && ownTos.length ? [{ kind: "integration" as const, title: `a repeated request on ${withArticle(resource)} already ${ownTos.join(" or ")}${runAt ? ` (the same ${runAt.pascal})` : reassign ? ` (the same ${reassign.pascal})` : ""} answers ${f.success} and changes nothing`, body: "state-repeated" }] : []),
              // A bulk change reports a refused move for its id (flow-change-bulk-state's test), no 409 for the request.
              ...(bulk
                ? []
                : [
                    hidden
                      ? { kind: "integration" as const, title: `answers ${withArticle(resource)} not in a state that allows the change (already used) with the same 404 as an unknown ${hidden}` }
                      : { kind: "integration" as const, title: `answers ${refused} when the ${resource} is not in a state that allows the change`, body: "state-refused" },
                  ]),
            ],
          },
        ],
        statuses: bulk || refusal ? [] : [hidden ? { status: 404, when: `The ${md(resource)} is not in a state that allows this change (already used or closed): the same answer as an unknown ${md(hidden)}` } : { status: 409, when: `The ${md(resource)} is not in a state that allows this change` }],
        ...(hidden
          ? { questions: [`Does the caller who already used the ${md(hidden)} get the same answer again (an idempotent 200) rather than the 404 of an unknown one?`] }
          : ends.length
            ? {
                // A move to a state the request names as its intent, and that no move of this use-case leaves, ends something (TRIAL4 V12).
                questions: endStateQuestions(resource, ends, [...new Set(f.transitions.filter((t) => ends.includes(t.to)).map((t) => t.from))], `${c.useCase.title} ${c.summary}`),
              }
            : {}),
      }),
    );
  }

  // A relation no answer gave is the plan's guess (TRIAL5): asked, as a reviewer would.
  const assumed = assumedRelationOf(f);
  if (assumed && f.resource) packs.push(answersPack("answers-relation-assumed", `The ${f.resource.pascal}'s ${f.relation} assumed`, { questions: [assumedRelationQuestion(f, f.resource.pascal, assumed)] }));

  // A resource under a parent the route names is found within it (TRIAL4 V18): the parent's id is not parsed for nothing.
  const parents = parentParamsOf(f);
  if (parents.length && f.resource) {
    const parent = namesOf(parents[parents.length - 1]!.replace(/Id$/, "")).pascal;
    packs.push(
      answersPack("answers-parent", `The ${f.resource.pascal} within the ${parent} the route names`, {
        requirements: [
          {
            kind: "fr",
            text: `The ${f.resource.pascal} is found only within the ${parent} the route names (${parents.map((p) => code(p)).join(", ")} and ${code(f.routeParams[f.routeParams.length - 1]!)} in one query): one under another ${parent} answers 404, the same as a missing one, and nothing changes.`,
            tests: [{ kind: "security", title: `${withArticle(f.resource.pascal)} of another ${parent}, named with this ${parent}'s id, answers 404 and changes nothing`, body: "parent-scope" }],
          },
        ],
        ...(f.auth === "roles" ? { questions: [`Is role ${f.roles.join(" or ")} held per ${parent} (the ${parent} the route names)? Then the caller must hold it in that ${parent}, checked by the same query, not in any ${parent}.`] } : {}),
      }),
    );
  }

  // A credential the request carries in a header of its own (a step-up token, a one-time code: TRIAL11 Y19) is a secret
  // like the Authorization header: the telemetry table names it, as a reverse proxy's or an APM agent's header capture would
  // keep it otherwise. A webhook's signature, an Idempotency-Key or an If-Match is none.
  const secretHeaders = f.inputs.filter((i) => i.location === "header" && !f.signature && /(?:token|secret|password|passphrase|code|otp|key)$/i.test(i.names.camel) && !/^(?:idempotencyKey|ifMatch)$/.test(i.names.camel));
  if (secretHeaders.length)
    packs.push(
      answersPack("answers-secret-headers", "Credentials the request carries in headers of their own", {
        telemetry: secretHeaders.map((i) => ({ field: `header ${code(headerNameOf(i.names))}`, handling: "dropped: a credential, redacted from access logs, traces and error reports as the Authorization header is" })),
      }),
    );

  // An Idempotency-Key the request carries answers the create flow's question: what it does is a requirement.
  const key = f.flow !== "query" ? f.inputs.find((i) => i.names.camel === "idempotencyKey") : undefined;
  if (key) {
    packs.push(
      answersPack("answers-idempotency", "The Idempotency-Key the request carries", {
        requirements: [
          {
            kind: "fr",
            text: `A retried request with the same ${code(key.names.title)} does nothing twice: it gets the first request's answer again${f.auth === "anonymous" ? "" : "; keys are the caller's own"}. The same key with another body is refused with 422. A key is kept for ${TODO} say how long (e.g. 24 hours).`,
            tests: [
              { kind: "integration", title: `a retried request with the same ${key.names.title} does nothing twice and gets the first answer again`, body: "idempotent-replay" },
              { kind: "integration", title: `the same ${key.names.title} with another body is refused with 422, and nothing is done`, body: "idempotent-other-body" },
            ],
          },
        ],
        statuses: [{ status: 422, when: `The ${code(key.names.title)} was already used with another body` }],
        errors: [{ name: "IdempotencyKeyReused", status: 422, when: `the ${code(key.names.title)} was already used with another body` }],
      }),
    );
  }

  // A move between two records of one kind (a transfer between two accounts): both change in one transaction, and two
  // requests at once must not both pass the checks on the same balance (TRIAL7 U1).
  const moved = movedBetweenOf(f);
  if (moved) {
    const r = moved.record.pascal;
    const words = (e: { name: string; when: string }): string => `${e.name.replace(/([a-z])([A-Z])/g, "$1 $2")} ${e.when}`;
    const refused = f.errors.find((e) => /\b(?:balance|funds|insufficient|enough)\b/i.test(words(e))) ?? f.errors.find((e) => /\b(?:below|exceeds?|limit)\b/i.test(words(e)));
    packs.push(
      answersPack("answers-move-between", `A move between two ${pluralOf(r)} the request names`, {
        requirements: [
          {
            kind: "fr",
            text: `The ${code(moved.from.title)} and ${code(moved.to.title)} ${md(r)}s are changed together: loaded within the caller's reach and locked (or version-checked) in one order, whichever way the move goes; checked; one debited and the other credited; both saved with the new record${writesOutboxOf(f, c.useCase.title) ? " and the outbox" : ""} in one transaction. A failure anywhere leaves both as they were.`,
            tests: [{ kind: "integration", title: `a successful move changes both ${pluralOf(r)} by the amount and records one move; a refused one changes neither`, body: "move-both-changed" }],
          },
        ],
        threats: [
          {
            category: "Tampering",
            element: "Use-case handler",
            threat: `Two moves at once from one ${md(r)} each read the same balance, both pass the check and together take more than it holds (a double spend); two in opposite directions between the same two deadlock`,
            mitigation: `Both ${md(r)}s locked (SELECT ... FOR UPDATE) in ascending id order, or saved with a version check, in the transaction that checks and saves; the checks${refused ? ` (${refused.name})` : ""} read the locked rows; the limits counted in the same transaction`,
            tests: [{ kind: "integration", key: "double-spend", body: "move-double-spend", title: `two moves at once from one ${r} whose balance covers only one: one succeeds, the other is refused${refused ? ` with ${refused.status} ${refused.name}` : ""}, and the balance never goes below zero` }],
          },
        ],
      }),
    );
  }

  packs.push(...ownMarkPacks(f));
  const item = removedItemOf(f);
  if (item && f.resource && !item.mark) {
    const [r, it] = [md(f.resource.pascal), md(item.names.pascal)];
    // The last owner refused by the answers' own error: two of the last owners leaving at once is a write skew (TRIAL17B B17).
    const lastHolder = item.mine ? f.errors.find((e) => LAST_HOLDER.test(`${e.name} ${e.when ?? ""}`)) : undefined;
    packs.push(
      answersPack("answers-removed-item", `One ${item.names.pascal} removed from the ${f.resource.pascal}, which stays`, {
        requirements: [
          {
            kind: "fr",
            text: unassignsOf(f)
              ? `The handler clears the ${r}'s ${it} (${code(item.label)}) and saves the ${r}; the ${r} itself is never deleted. A ${r} with no ${it} answers ${f.success} all the same and nothing changes (a repeat, or another's unassignment first).`
              : item.mine
              ? `The handler removes the caller's own ${it} (${code(item.label)}) from the ${r} and saves the ${r}; the ${r} itself is never deleted. A caller without one answers 404.`
              : `The handler removes the ${it} ${code(item.label)} from the ${r} and saves the ${r}; the ${r} itself is never deleted. A ${r} without that ${it} answers 404.`,
            tests: [{ kind: "integration", title: removedOnlyTitle(item, f.resource.pascal) }, { kind: "integration", title: unassignsOf(f) ? `answers ${f.success} and changes nothing for ${withArticle(f.resource.pascal)} with no ${item.names.pascal}` : item.mine ? `answers 404 when the caller has no ${item.names.pascal} in the ${f.resource.pascal}` : `answers 404 for ${withArticle(item.names.pascal)} the ${f.resource.pascal} does not have` }],
          },
        ],
        ...(lastHolder
          ? {
              threats: [
                {
                  category: "Tampering" as const,
                  element: "Use-case handler",
                  threat: `The last two owners remove their own ${it} at once: each request sees the other still an owner, both pass the ${lastHolder.name} check, and the ${r} is left with no owner (a write skew)`,
                  mitigation: `The owners are counted in the transaction that removes the ${it}, under a lock on the ${r} (SELECT ... FOR UPDATE), or every change of its ${pluralOf(it)} bumps the ${r}'s version so the second save fails; the second request answers ${lastHolder.status} ${lastHolder.name}`,
                  tests: [{ kind: "integration" as const, title: `the last two owners removing their own ${it} at once: one succeeds, the other answers ${lastHolder.status} ${lastHolder.name}, and the ${r} keeps an owner` }],
                },
              ],
            }
          : {}),
        // An unassignment of a record with no assignee is a repeat, never a 404.
        ...(unassignsOf(f) ? {} : { statuses: [{ status: 404, when: `The ${r} has no such ${it}` }] }),
        // Where an error the answers give refuses the last owner, that half is answered: only what is left is asked (TRIAL17B B5).
        ...(item.mine ? { questions: [lastHolder ? `What becomes of what the caller added to the ${r} once its ${it} is removed?` : `May the last owner or admin of the ${r} remove its own ${it} (409 until another takes over), and what becomes of what the caller added to the ${r}?`] } : {}),
      }),
    );
  }

  // An accepted job's file is parsed by the job, after the request answered (TRIAL8 V11): what only parsing finds is the job's failure.
  const byJob = jobFileErrorsOf(f);
  const job = f.scheduledCommand?.pascal ?? "The job";
  const stateErrors = accountStateErrorsOf(f);
  if (f.errors.length) {
    packs.push(
      answersPack("answers-errors", "The domain errors the answers name", {
        // A range's own error is the input-range rule's 400, stated once there (TRIAL4 V1); one about the inputs is checked before the read.
        // The load's own 404, named by the answers, is the load pack's requirement and test ({loadNotFound}, {loadNotFoundTest}; TRIAL9 W16).
        requirements: f.errors
          .filter((e) => !f.ranges.some((r) => rangeErrorOf(f, r) === e) && e !== namedLoadNotFoundOf(c.packs, f, c.packFacts))
          .map((e): PackRequirement =>
            byJob.includes(e)
              ? { kind: "fr", text: jobFailure(f, e), tests: [{ kind: "integration", title: `${job} fails with ${e.name}${whenTail(e.when)}: its status answers failed with it, and ${f.importsFile ? "no row of the file is saved" : "nothing is made of the file"}`, key: `${e.name}/test` }] }
              : {
                  kind: "fr",
                  text: `${e.when ? whenSentence(md(e.when)) : `When ${e.name} applies (${TODO} say when)`}, the answer is ${e.status} (${e.name}), in the one problem+json shape${inputErrorsOf(f).includes(e) ? ", checked with the inputs before anything is read" : ""}${externalErrorsOf(f).includes(e) ? externalOutcome(f, c.useCase.title) : ""}${stateErrors.some((x) => x.error === e) ? stateOnlyToOwner(f, e) : ""}${repeatedWins(f, e)}.`,
                  // A bare 404 on the load is proven as a missing record is: nothing seeded (TRIAL8 V5).
                  tests: [{ kind: "integration", title: errorTestTitle(e), key: `${e.name}/test`, body: e === loadNotFoundOf(f) ? "resource-missing" : "domain-error" }],
                },
          ),
        // What only the job finds is no status of the request, nor an error its handler raises.
        // The load's own 404, named by the answers, is the resource's row (withLoadNotFound): not a row of its own beside it.
        statuses: f.errors.filter((e) => !byJob.includes(e) && e !== namedLoadNotFoundOf(c.packs, f, c.packFacts)).map((e) => ({ status: e.status, when: `${e.name}${e.when ? `: ${md(e.when)}` : ""}${stateErrors.some((x) => x.error === e) ? `; only to a caller who has ${ownerProof(f)}` : ""}` })),
        errors: f.errors.filter((e) => !byJob.includes(e)).map((e) => ({ name: e.name, status: e.status, when: e.when ? md(e.when) : `${TODO} say when` })),
        ...withQuestions(accountStateItems(f, stateErrors), retriedDeliveryQuestions(f, c.useCase.title)),
      }),
    );
  }

  if (c.events.length) {
    // Text a person types (a reason, a note) copied into an event travels to every consumer: may it carry personal data (TRIAL4 V12)?
    const piiNames = new Set(f.pii.map((p) => p.camel));
    const typed = new Set(c.valueObjects.filter((v) => /^string\(/.test(v.ruleText) && !piiNames.has(v.names.camel) && !/(?:id|token|code|key|signature|cursor|hash)$/i.test(v.names.camel)).map((v) => v.names.pascal));
    const freeText = c.events.flatMap((ev) =>
      ev.fields
        .filter((p) => p.valueObject !== undefined && typed.has(p.valueObject))
        .map((p) => `${md(p.valueObject!)} is text the caller types, and ${md(ev.names.pascal)} carries it to every consumer: may it hold personal data (an address, a phone number), and is it then left out of the event, redacted, or named in --pii?`),
    );
    packs.push(
      answersPack("answers-events", "The domain events, emitted where the answers say", {
        requirements: c.events.map((ev): PackRequirement => {
          const byJob = ev.emitter !== undefined;
          const tests: PackTest[] = [
            { kind: "domain", key: `${ev.names.pascal}/round-trip`, title: `${ev.names.pascal} round-trips through JSON`, todo: false },
            { kind: "domain", key: `${ev.names.pascal}/reject`, title: `${ev.names.pascal} refuses another event's name, an unknown version and a malformed payload`, todo: false },
            ...(ev.excluded.length ? [{ kind: "domain" as const, key: `${ev.names.pascal}/privacy`, title: `${ev.names.pascal} keeps personal data out of its payload`, todo: false }] : []),
            byJob
              ? { kind: "integration", key: `${ev.names.pascal}/published`, title: `${ev.names.pascal} is published when ${ev.emitter} runs, and not by the request`, body: "event-by-job" }
              : { kind: "integration", key: `${ev.names.pascal}/published`, title: `a successful request publishes ${ev.names.pascal}, and a failed one does not`, body: "event-in-outbox" },
          ];
          return { kind: "fr", text: eventRequirement(ev, f.bulkChange?.records.pascal), tests };
        }),
        ...(freeText.length ? { questions: freeText } : {}),
      }),
    );
  }

  if (c.command) {
    const name = c.command.names.pascal;
    packs.push(
      answersPack("answers-command", `The serialized form of ${name}, proven by generated domain tests`, {
        requirements: [
          {
            kind: "fr",
            text: `${name} round-trips through its serialized form (type, version, id, aggregateId, correlationId, runAt); unknown types, unknown versions and malformed text are refused.`,
            tests: [
              { kind: "domain", key: "round-trip", title: `${name} round-trips through its serialized form`, todo: false },
              { kind: "domain", key: "reject", title: `${name} deserializer refuses unknown types, unknown versions and malformed text`, todo: false },
            ],
          },
        ],
      }),
    );
  }
  return packs;
}

const ownerProof = (f: UseCaseFacts): string => (f.credentials ? "sent the account's right password" : "proven the account is theirs");

/** Who may learn of a state only an existing account is in, where an unknown one must answer the same (TRIAL9 W3). */
function stateOnlyToOwner(f: UseCaseFacts, e: { status: number }): string {
  const thing = md(f.enumeration ?? "account");
  return `, and only to a caller who has ${ownerProof(f)}: anyone else gets what an unknown ${thing} gets, since no unknown ${thing} is ever in this state and a ${e.status} of its own would tell that it exists`;
}

/** The threats and question of a state only an existing account is in; a lock that failures set also lets anyone lock the owner out. */
/**
 * A signed delivery refused by an answers error its sender cannot fix (a 422 for an unknown reply token) comes back:
 * whether it is rather kept and answered 2xx is asked, not assumed either way (TRIAL11 Y14).
 */
function retriedDeliveryQuestions(f: UseCaseFacts, useCase: string): string[] {
  const bounce = inboundMailOf(f, useCase) ? " (a mail provider may bounce the mail to its author)" : "";
  return retriedDeliveryErrorsOf(f).map(
    (e) =>
      `${md(e.name)} answers ${e.status} to a delivery its sender made in good faith, and a sender retries anything but a 2xx until it gives up${bounce}: is the ${e.status} wanted, or is the delivery kept and answered 2xx, changing nothing, as a repeated one is (said in --criteria: --error takes only 4xx and 5xx)?`,
  );
}

/** Items with more questions added to theirs. */
const withQuestions = <T extends { questions?: string[] }>(items: T, more: string[]): T => (more.length ? { ...items, questions: [...(items.questions ?? []), ...more] } : items);

function accountStateItems(f: UseCaseFacts, stateErrors: ReturnType<typeof accountStateErrorsOf>): Pick<LoadedPack, "threats" | "questions"> {
  if (!stateErrors.length) return {};
  const thing = md(f.enumeration ?? "account");
  const named = stateErrors.map((x) => `${x.error.status} ${x.error.name}`).join(", ");
  const without = f.credentials ? "a caller without the account's password" : "a caller who has not proven the account is theirs";
  const lock = stateErrors.find((x) => x.lockByFailures)?.error;
  return {
    threats: [
      {
        category: "Information disclosure",
        element: "API response",
        threat: `An answer only an existing ${thing} can get (${md(named)}) tells that it exists`,
        mitigation: `To ${without}, the state answers as an unknown ${thing} does (the same status, body and time); its owner is told another way (an email)`,
        tests: stateErrors.map((x): PackTest => ({ kind: "security", title: `${without} gets the same answer for ${withArticle(f.enumeration ?? "account")} in ${x.error.name}'s state as for an unknown one` })),
      },
      ...(lock
        ? [
            {
              category: "Denial of service",
              element: "Account lockout",
              threat: `Anyone who knows an account's name fails on purpose and keeps its owner locked out (${md(lock.name)})`,
              mitigation: "Failures slow the next attempt for that account and client (a growing delay, a CAPTCHA) rather than lock the account for everyone; a lock, where kept, ends by itself, its owner is told and can lift it with a link sent to them; the lock's threshold is reachable within the per-account rate limit",
              tests: [{ kind: "security" as const, title: `a lock (${lock.name}) ends by itself: once its period is over, the owner's right password signs in again` }],
            },
          ]
        : []),
    ],
    questions: [
      f.credentials
        ? `${md(named)}: told only to a caller who sent the right password (which tells a guesser the password was right while the lock holds), or never told (the same 401 always) with the owner told by email? And when does it end, and how does the owner lift it?`
        : `${md(named)}: no unknown ${thing} is ever in this state, so is it told only to a caller who has proven the ${thing} is theirs, or never (the same answer as an unknown one) with the owner told by email?`,
    ],
  };
}

/** An error only the job finds, as the job's outcome: the request answered before the file was parsed (TRIAL8 V11). */
function jobFailure(f: UseCaseFacts, e: { name: string; status: number; when: string }): string {
  const job = f.scheduledCommand ? md(f.scheduledCommand.pascal) : "the job";
  return `${whenSentence(md(e.when))}, ${job} fails with ${e.name} before ${f.importsFile ? "any row is saved" : "anything is made of the file"}: the job's status answers failed with it as problem+json (status ${e.status}); the request has already answered ${f.success}, before the file was parsed, so it never answers ${e.status} for it.`;
}

/** Answers-made packs hold final Markdown; only the pack files are templates to fill. */
const literal = (pack: LoadedPack): boolean => pack.file === "(the answers)";

/**
 * The create flow asks whether a retry creates twice; with an Idempotency-Key input the answers say it (answers-idempotency),
 * and a signed delivery is deduplicated by the sender's event id (webhook-signature): a sender sends no such header (TRIAL6 U8).
 */
function withIdempotencyKey(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  // A consent given by a create is keyed by (person, version): a retry is a re-accept, answered as the first (TRIAL11 Y10).
  if (!f.inputs.some((i) => i.names.camel === "idempotencyKey") && !f.signature && !(f.flow === "create" && consentOf(f))) return packs;
  return packs.map((p) => (p.questions?.some((q) => q.includes("Idempotency-Key")) ? { ...p, questions: p.questions.filter((q) => !q.includes("Idempotency-Key")) } : p));
}

/**
 * The answers' own error for a recipient already in the resource (`AlreadyMember:409`) beside grant-to-person's
 * promise of the same answer either way (TRIAL6 U10): the user's error wins, and the promise says what it covers,
 * whether an address has an account, not whether it already belongs to the resource.
 */
function withGrantError(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  const e = f.errors.find((x) => x.status >= 400 && x.status < 500 && x.status !== 404 && /member|already|exists|invited|shared|granted/i.test(`${x.name} ${x.when ?? ""}`));
  if (!e) return packs;
  return packs.map((p) =>
    p.name !== "grant-to-person"
      ? p
      : {
          ...p,
          requirements: p.requirements?.map((r) =>
            r.key === "same-answer" ? { ...r, text: `${r.text.replace(/\.?$/, "")}. It covers whether an address has an account, not whether it already belongs to the {resource}: that one answers ${e.status} (${e.name}), as the answers say, so a caller who may reach the {resource} learns it` } : r,
          ),
        },
  );
}

/**
 * What a failed external call leaves (TRIAL6 U11): it is made before anything is saved, so nothing of the change is;
 * and a keyed call is what keeps a retry from acting twice there (a second refund).
 */
function externalOutcome(f: UseCaseFacts, useCase: string): string {
  const r = f.resource?.pascal;
  const from = [...new Set(f.transitions.filter((t) => !t.emitter).map((t) => t.from))];
  // A change of the caller's own (an upgrade under /me) names no resource and creates nothing either (TRIAL17A A3).
  const stays = r ? `the ${md(r)} stays as it was${from.length ? ` (${from.map(md).join(" or ")})` : ""}` : f.flow === "create" ? "nothing is created" : "the caller's own record stays as it was";
  const key = derivedCallKeyOf(f) ? `an idempotency key made from the ${md(r ?? "record")}'s id and the version the change starts from` : f.inputs.some((i) => i.names.camel === "idempotencyKey") ? "an idempotency key derived from the request's" : undefined;
  // A refund is saved pending before the call (TRIAL20 G3): a refusal marks it failed, which frees its amount.
  if (refundSavedPendingOf(f, useCase)) {
    const refund = md(f.child?.pascal ?? "Refund");
    return `, known from the provider's answer and checked after it: the new ${refund} was saved pending before the call, so it is marked failed and its amount freed; ${stays}, nothing is sent or scheduled, and the client may ask again (a new ${refund})`;
  }
  // A checkout holds the stock before it charges (TRIAL17C C12): the hold is all that was saved, and it is released.
  const held = reservesThenChargesOf(f, useCase);
  return `, known from the external call's answer and checked after it: the call is made ${held ? "after the stock is held and before the order is saved, so the hold is released," : "before anything is saved, so"} ${stays}, nothing ${held ? "else " : ""}is saved, sent or scheduled, and the client may retry${key ? `; the call carries ${key}, so a retry never acts twice at the external system` : ""}`;
}

/**
 * A sort order the summary gives ("newest first", "sorted by due date"), or a sort input whose rule lists the orders
 * (`Sort:enum(relevance|newest|price_asc)`), and a total count among the response fields: the pagination pack asks only
 * what is left open (TRIAL6 U9, TRIAL7 U11).
 */
const GIVEN_ORDER = /\b(?:newest|oldest|latest|earliest|most recent|highest|lowest|largest|smallest)[- ]first\b|\b(?:sorted|ordered) by\b|\bin (?:alphabetical|chronological|reverse chronological) order\b|\balphabetically\b/i;
function withGivenOrder(packs: readonly LoadedPack[], summary: string, f: UseCaseFacts, valueObjects: readonly ValueObjectModel[]): readonly LoadedPack[] {
  const sort = valueObjects.find((v) => /^(?:sort|sortBy|orderBy|order)$/i.test(v.names.camel) && v.ruleText.startsWith("enum("));
  const given = sort ? `The orders are the ${md(sort.names.pascal)} input's (${sort.ruleText.slice(5, -1).split("|").map(md).join(", ")})` : GIVEN_ORDER.exec(summary) ? `The order is the summary's (${md(GIVEN_ORDER.exec(summary)![0])})` : undefined;
  const total = f.response.some((r) => /^(?:total|totalCount|count|totalItems|totalResults)$/i.test(r.camel));
  if (!given && !total) return packs;
  const asked = "What is the sort order clients need, and does the list need a total count?";
  // The pagination pack that asks this already breaks ties by the id (TRIAL17A A8): what stays open is the total, and a
  // relevance order, whose scores move as the index changes and so make no stable key for a cursor.
  const relevance = sort !== undefined && /\brelevan(?:ce|cy)\b|\bscore\b|\bbest[_-]?match\b/i.test(sort.ruleText);
  const question = given
    ? `${given}: ${total ? "is the total exact or an estimate past a limit (an exact count reads every match)?" : "does the list need a total count?"}${relevance ? " A relevance score moves as the index changes: does a later page keep the order of the first (the score in the cursor, or a snapshot of the results), or may it skip or repeat an item?" : ""}`
    : "What is the sort order clients need, and is the total exact or an estimate past a limit (an exact count reads every match)?";
  return packs.map((p) => (p.questions?.includes(asked) ? { ...p, questions: p.questions.map((q) => (q === asked ? question : q)) } : p));
}

/**
 * A signed delivery naming a record we hold (an invoice marked paid) updates it: the create flow's "saves the new
 * aggregate" is false there (TRIAL6 U8). What it saves, and what becomes of a delivery naming no known record.
 */
function withDeliveryRecord(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  const named = deliveryRecordOf(f);
  if (!named) return packs;
  const { record, input } = named;
  const text = `A verified delivery updates the existing ${record.pascal} its ${input.pascal} names and saves it{savedWithEvents}; it creates no ${record.pascal}. One naming no known ${record.pascal} changes nothing and is kept as received for reconciliation, answered 2xx (the sender would only deliver it again).`;
  return packs.map((p) =>
    p.name !== "flow-create"
      ? p
      : {
          ...p,
          requirements: p.requirements?.map((r) => (r.tests?.includes("saves") ? { ...r, text } : r)),
          tests: p.tests?.map((t) => (t.key === "saves" ? { ...t, title: `saves the updated ${record.pascal}{createdWithOutbox}` } : t)),
        },
  );
}

/** The caller's own item leaves the others; a part of the resource (`/recording`) is the only one. */
const removedOnlyTitle = (item: RemovedItem, resource: string): string =>
  item.mine ? `removes only the caller's own ${item.names.pascal}: the ${resource} and its other ${pluralOf(item.names.pascal)} stay` : item.param ? `removes only the ${item.names.pascal} it names: the ${resource} and its other ${pluralOf(item.names.pascal)} stay` : `removes only the ${item.names.pascal}: the ${resource} stays`;

/**
 * A DELETE that removes one item from the resource (`/api/teams/:teamId/members/:memberId`) keeps the
 * resource: the delete flow's "can no longer be read" test (whose body checks the resource is gone) gives
 * way to the answers' "removes only the item it names".
 */
function withRemovedItem(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  const item = removedItemOf(f);
  const deletes = deletesOf(f);
  // A DELETE that loads no resource and is not /me itself deletes the caller's items, its session, or what the plan says: never the caller.
  const other = deletes && deletes.kind !== "caller"
    ? deletes.kind === "own-items"
      ? `deletes every ${deletes.names.pascal} of the caller and none of another caller's, and answers ${f.success} also when there were none`
      : deletes.kind === "own-session"
        ? "revokes only the session of the request's credential: the account and its other sessions stay"
        : `answers ${f.success}, and what it deletes (${TODO} say what) can no longer be read; the caller's account stays`
    : undefined;
  if (!other && (!item || !f.resource)) return packs;
  const theirs: PackTest = { kind: "integration", title: other ?? removedOnlyTitle(item!, f.resource!.pascal) };
  return packs.map((p) =>
    p.name !== "flow-delete"
      ? p
      : { ...p, requirements: p.requirements?.map((r) => ({ ...r, ...(r.tests ? { tests: r.tests.map((t) => (t === "deletes" ? theirs : t)) } : {}) })), tests: p.tests?.filter((t) => t.key !== "deletes") },
  );
}


export function buildCatalog(c: CatalogInput): Catalog {
  const result = applyPacks(c.packFacts, [...answersPacks(c), ...withGivenOrder(withLoadNotFound(withGrantError(withDeliveryRecord(withIdempotencyKey(withRemovedItem(withUploadAnswers(c.packs, c.facts), c.facts), c.facts), c.facts), c.facts), c.facts, c.packFacts), c.summary, c.facts, c.valueObjects)], {
    kinds: c.kinds,
    escape: { text: md, code },
    order: packOrderOf(c.packFacts, c.packs),
    literal,
    plural: pluralOf,
  });
  const idOf = (key: string): string | undefined => result.tests.find((t) => t.key === key)?.id;
  for (const vo of c.valueObjects) {
    const [accept, reject, text] = ["accept", "reject", "text"].map((k) => idOf(`answers-inputs/${vo.names.pascal}/${k}`));
    Object.assign(vo, { acceptTestId: accept, rejectTestId: reject, textTestId: text });
  }
  for (const ev of c.events) {
    const [roundTrip, reject, privacy] = ["round-trip", "reject", "privacy"].map((k) => idOf(`answers-events/${ev.names.pascal}/${k}`));
    Object.assign(ev, { roundTripTestId: roundTrip, rejectTestId: reject, privacyTestId: privacy });
  }
  if (c.command) Object.assign(c.command, { roundTripTestId: idOf("answers-command/round-trip"), rejectTestId: idOf("answers-command/reject") });
  if (c.states) Object.assign(c.states, { allowTestId: idOf("answers-states/allow"), refuseTestId: idOf("answers-states/refuse") });

  // Acceptance criteria: the answers' own, one integration test each, numbered after the packs' tests.
  const criteriaText = c.criteria.length ? c.criteria : [`Given a valid request, when ${c.actor} calls ${c.facts.endpoint}, then it answers ${c.facts.success}`];
  const criteria = criteriaText.map((text, i): Requirement => ({ id: `AC-${i + 1}`, text: md(text) + (c.criteria.length ? "" : ` (${TODO} replace with the real criteria)`), tests: [] }));
  // A test's body key comes from the pack that made it; an event's tests name the event they are about.
  const subjectOf = (key?: string): string | undefined => /^answers-(?:events|errors)\/([^/]+)\//.exec(key ?? "")?.[1];
  const tests: TestCase[] = result.tests.map((t) => {
    const subject = subjectOf(t.key);
    return { id: t.id, kind: t.kind, title: t.title, covers: t.covers, todo: t.todo, ...(t.body ? { body: t.body } : {}), ...(subject ? { subject } : {}) };
  });
  if (c.kinds.includes("integration")) {
    let n = tests.filter((t) => t.kind === "integration").length;
    criteria.forEach((ac, i) => {
      const id = `${TEST_PREFIX.integration}-${++n}`;
      // The default criterion (none given) says the endpoint succeeds: its test is the success test; a given one needs a person.
      tests.push({ id, kind: "integration", title: `${ac.id} ${criteriaText[i]}`, covers: [ac.id], todo: true, body: c.criteria.length ? "criterion" : "success" });
      ac.tests.push(id);
    });
  }
  // Value objects render their own todo (no example derived) inside their block.
  const domainTodos = result.tests.filter((t) => t.kind === "domain" && t.todo && t.pack !== "answers-inputs").map((t) => `${t.id} ${t.title}`);
  return {
    functional: result.functional.map(({ id, text, tests }) => ({ id, text, tests })),
    nonFunctional: result.nonFunctional.map(({ id, text, tests }) => ({ id, text, tests })),
    criteria,
    threats: result.threats.map(({ id, category, element, threat, mitigation, tests }) => ({ id, category, element, threat, mitigation, tests })),
    tests,
    statuses: result.statuses,
    errors: result.errors,
    abuseCases: result.abuseCases,
    telemetry: result.telemetry,
    monitoring: result.monitoring,
    questions: result.questions,
    checklist: result.checklist,
    applied: result.applied,
    domainTodos,
    settings: result.settings,
  };
}

/**
 * Where an --error refuses the resource once it left the state this use-case moves it from (NotPending), the repeat of
 * this very request finds it moved on too: it is answered as the first time, which the error's requirement says, so
 * the two requirements do not contradict each other (TRIAL12 Z12).
 */
function repeatedWins(f: UseCaseFacts, e: ErrorInput): string {
  const tos = f.resource && !f.enumeration ? retryStatesOf(f) : [];
  if (!tos.length || !leftStateErrorsOf(f).includes(e)) return "";
  return `; ${withArticle((statefulOf(f) ?? f.resource!).pascal)} already ${tos.join(" or ")}, where this request leaves it, is a repeated request instead, answered ${f.success} as the first time`;
}
