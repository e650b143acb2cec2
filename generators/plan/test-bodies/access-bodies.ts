/**
 * Bodies of tests about who reaches what: sign-in, roles, relations, foreign and missing resources, what must not
 * leak whether it exists, grants, role changes, impersonation and the reads of other people's data.
 */
import { withArticle } from "../../../lib/article.js";
import { itemOf, listAnswerOf, parentParamsOf } from "../facts.js";
import { booksResourceOf } from "../facts/bookings.js";
import { ratingOnceErrorOf } from "../facts/rating.js";
import { publicPersonOf } from "../facts/public-person.js";
import { seedExpr } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { body, has, infrastructure, ownerField, person, type Resolver, valid } from "./resolution.js";
import { SECRET_AND_SIGN_IN_BODIES } from "./secret-and-sign-in-bodies.js";

/** What a second rating by the same rater answers: the answers' own 409 (ReviewAlreadyExists), else AlreadyRated (TRIAL18A D2). */
const ratingOnceAnswer = (facts: Parameters<typeof ratingOnceErrorOf>[0]): string => {
  const own = ratingOnceErrorOf(facts);
  return own ? `${own.status} ${own.name}` : "409 AlreadyRated";
};

export const ACCESS_BODIES = {
  unauthenticated: (f) => valid(f) ?? body("unauthenticated", ["problem"]),
  "missing-role": (f) => valid(f) ?? body("missing-role", ["problem"]),
  "foreign-resource": (f) =>
    valid(f) ??
    (f.resourceId
      ? body("foreign-resource", ["problem"], { id: f.resourceId.valid!, field: ownerField(f) })
      : person(`a value object for the ${f.facts.resource?.pascal ?? "resource"}'s id in the route, so the test can name one`)),
  "resource-missing": (f) => valid(f) ?? body("resource-missing", ["problem"]),
  "anonymous-ignores-credential": (f) => valid(f) ?? body("anonymous-ignores-credential", ["seed"]),
  "enumeration-same-answer": (f) =>
    valid(f) ?? (f.target ? body("enumeration-same-answer", ["seed"]) : person(`the input that names the ${f.facts.enumeration ?? "target"} whose existence must not leak`)),
  "enumeration-same-timing": () =>
    infrastructure("a deployed service and a timing harness: many requests for known and unknown targets, their response times compared statistically (in-memory fakes take no meaningful time)"),
  "query-scope": (f) => {
    const v = valid(f);
    if (v) return v;
    // A list of the resource is scoped like a list of the caller's records: the caller's own one must be on it (TRIAL4 V17).
    const list = !f.facts.resource || listAnswerOf(f.facts)?.of === "resource";
    if (list && (f.facts.access === "anonymous" || f.facts.access === "roles"))
      return person(`which records a ${f.facts.access === "anonymous" ? "caller without identity" : "caller with the role"} may list: the scope is not the caller's own records`);
    const own = list ? `{ id: "own-record"${f.facts.access === "anonymous" ? "" : `, ${ownerField(f)}: "user-1"`} }` : seedExpr(f);
    return body("query-scope", [], { own, list, ...(f.facts.access === "anonymous" ? {} : { owner: ownerField(f) }) });
  },
  "own-data-only": (f) => valid(f) ?? body("own-data-only", ["seed"], { outbox: has(f, "outbox") }),
  "empty-list": (f) => valid(f) ?? body("empty-list", [], { cursor: f.facts.capabilities.includes("pagination") }),
  // The fakes hold the resource's record only: another resource holding the item is the team's data model.
  "item-outside-resource": (f) =>
    person(`a second ${f.facts.resource?.pascal ?? "resource"} the caller may reach, holding ${itemOf(f.facts) ? `the ${itemOf(f.facts)!.names.pascal} the request names` : "the item"}: the request sends this one's id with that item's id, is answered 404, and neither record changes`),
  "lookup-same-miss": (f) =>
    f.link
      ? SECRET_AND_SIGN_IN_BODIES["link-unknown-same-answer"](f)
      : // A key of another record (a coupon code applied to a Cart) expires with that record, not with the resource (TRIAL9 W6).
        person(f.facts.enumeratesOther ? `how ${withArticle(f.facts.enumeration ?? "key")} expires, is revoked or used up: the fields of the record it names that say so` : `how ${withArticle(f.facts.resource?.pascal ?? "record")} expires or is revoked: the record fields that say so`),
  // The resource under another parent than the route's is not found (TRIAL4 V18).
  "parent-scope": (f) => {
    const parent = parentParamsOf(f.facts)[0];
    return valid(f) ?? (parent && f.resourceId && f.h.inputs.some((i) => i.name === parent) ? body("parent-scope", ["problem"], { parent }) : person(`the parent's id as an input of the request, and a ${f.facts.resource?.pascal ?? "record"} seeded under another parent`));
  },
  // The roles' order is the plan's to state (its open question): which role is above which (TRIAL6 U10).
  "grant-role-ceiling": () => person("the caller's own role in the resource seeded below the one the valid request grants, by the roles' order the plan states: the request then answers 403 and nothing is saved, issued or sent"),
  "grant-link-bound": () => person("the saved invitation read back from the repository: it holds the invited address, normalised as the plan says, for the redeeming use-case to compare with the redeeming account's verified address"),
  // What only the plan can say (which records are public) or only the HTTP edge does (caching) is named as what the test needs.
  "public-hidden": (f) =>
    person(`the condition that makes ${withArticle(f.facts.resource?.pascal ?? "record")} public (the plan's TODO: ${publicPersonOf(f.facts) ? "an active account, a profile not set to private" : "published, its publication time passed"}): a record outside it seeded beside a public one, and answered like a missing one`),
  // The handler makes the ETag and answers the 304 (its steps say how), but its request type carries no If-None-Match yet.
  "cacheable-answer": () =>
    person("the request's If-None-Match header, which the handler's request type does not carry yet (an optional header input): the first answer's ETag and Cache-Control headers read, then the same request with If-None-Match of that ETag answered 304 with no body"),
  "role-reaches-any": (f) =>
    valid(f) ?? (f.resourceId && f.facts.roles[0] ? body("role-reaches-any", ["seed"], { role: f.facts.roles[0] }) : person(`a role to hold and the ${f.facts.resource?.pascal ?? "resource"}'s id in the route, so the test can reach another user's`)),
  // The record names its members (memberIds) beside the one holding the role (teamAdminId): the caller seeded as a member
  // without the role is answered 403, where the foreign-resource test's non-member gets 404 (TRIAL9 W8, fix14b).
  "member-lacks-role": (f) =>
    valid(f) ??
    (f.resourceId
      ? body("member-lacks-role", ["problem"], { id: f.resourceId.valid!, field: ownerField(f), relation: f.facts.relation ?? "the role", outbox: has(f, "outbox") })
      : person(`a value object for the ${f.facts.resource?.pascal ?? "resource"}'s id in the route, and the caller seeded as a member of it without the ${f.facts.relation ?? "needed"} role: the valid request answers 403, not 404, and nothing is saved or emitted`)),
  // The fakes run one request at a time and hold no quota's record: the race is the real store's (TRIAL9 W7).
  // The caller's container made by its first add (TRIAL17B B3): one per owner is the real store's unique key.
  "own-one-created": (f) =>
    infrastructure(`the real store's unique key on the ${f.facts.resource?.pascal ?? "resource"}'s owner: a caller with none sends two valid requests at once, and one ${f.facts.resource?.pascal ?? "resource"} is left, holding both items`),
  // Two adds at once under one resource that must allow them (TRIAL17B B14): only the real store's locks or constraints decide.
  "parent-checked-race": (f) =>
    infrastructure(`the real store's transactions (the ${f.facts.resource?.pascal ?? "resource"} locked for the check, or a constraint): two valid requests that would each pass the check alone run at once, and one is refused`),
  // Two scans of one ticket at once (LEAD20 C1): only the real store's unique key or conditional update decides.
  "check-in-race": (f) =>
    infrastructure(`the real store's unique key on the checked-in item (or its conditional update): two valid scans of one code run at once, one is added, the other refused, and the ${f.facts.resource?.pascal ?? "resource"} never locked`),
  // The last applied time is a field the team names on its record (TRIAL20 G19): the test needs it seeded.
  "webhook-older-event": (f) =>
    person(`the field the plan names for the ${f.facts.resource?.pascal ?? "record"}'s last applied event time, the ${f.facts.resource?.pascal ?? "record"} seeded in a later state at 10:00: a valid, signed delivery of an earlier state at 09:00 answers 2xx, the ${f.facts.resource?.pascal ?? "record"} keeps its state and time, and no event is published`),
  "webhook-late-repeat": () =>
    person("the store of received event ids and its clean-up as the plan keeps them: a valid, signed delivery applied, the clock moved to just before the end of the sender's retry window, the same delivery again answers 2xx and changes nothing"),
  // The place's zone is the team's stored record (TRIAL17B B13): the test needs it and the conversion the plan chooses.
  "place-zone": (f) => person(`the ${f.facts.resource?.pascal ?? "place"}'s stored IANA zone and the conversion the plan chooses: a booking at 19:00 local on a winter and a summer day in Europe/Paris, read back as 18:00Z and 17:00Z, and one at 02:30 on the spring change day refused with 422`),
  // The renderer is the team's to choose and sandbox (TRIAL17B B15): the test needs it running.
  "render-injection": () => infrastructure("the renderer the plan chooses, running in its sandbox: a record seeded with markup in its fields rendered, the document's text read and the renderer's network and file requests watched"),
  // A checkout's hold and its undoing (TRIAL17C C12): the hold is the team's record, the provider a fake that counts calls.
  "checkout-decline-releases": () =>
    person("the stock hold as the plan stores it and the provider's fake set to decline: the valid request answers the decline, the products' stock is back where it was, no order exists and the hold is gone"),
  "checkout-charge-undone": () =>
    person("the stock hold as the plan stores it, the provider's fake that succeeds and counts calls, and the order's save made to fail: the charge is refunded (or voided) once at the provider with its own key, the hold released, no order left, and a retry of the request charges once more at most, with the same key"),
  // A refund's key and pending state (TRIAL17C C11): the refunds are the team's records, the provider a fake that counts calls.
  "refund-keyed-once": () =>
    person("the provider's fake that times out once and then answers, recording each call's idempotency key: the valid request refunds once, both calls carrying the new refund's id as the key"),
  "refund-pending-counted": (f) =>
    person(`the ${f.facts.resource?.pascal ?? "record"} seeded with 100.00 captured and a refund of 80.00 still pending, as the plan stores refunds: a refund of 30.00 answers the over-refund error and the provider's fake is not called`),
  "refund-currency": (f) =>
    person(`the ${f.facts.resource?.pascal ?? "record"} seeded with a charge captured in a currency other than the default (JPY, no minor units, or EUR), as the plan stores it: the valid request's call to the provider's fake carries that currency and the amount unchanged`),
  // A machine client's token and the source's order (TRIAL17C C13): the token's claims are the edge's, the sequence field the plan's to name.
  "machine-scope-missing": () =>
    infrastructure("the token issuer and the edge that checks client-credentials tokens: a token issued to a registered client without the action's scope presented with the valid request"),
  "machine-older-update": (f) =>
    person(`the field the plan names for the source's sequence number, and the ${f.facts.resource?.pascal ?? "record"} seeded with the value of sequence 5: the valid request with sequence 4 answers with the current value and nothing is saved or published`),
  // Unscheduling and deleting before the time (TRIAL17C C14): both are other use-cases, the run the scheduler's.
  "scheduled-unscheduled": (f) =>
    person(`the unscheduling request the plan names, and the scheduler's fake that runs what is due: the ${f.facts.resource?.pascal ?? "record"} scheduled, unscheduled, then the clock moved past its time: it is in its draft and nothing was published`),
  "scheduled-deleted": (f) =>
    person(`the delete of a ${f.facts.resource?.pascal ?? "record"} the plan names, and the scheduler's fake that runs what is due: it scheduled, deleted, then the clock moved past its time: nothing was published and no event emitted`),
  // A guest's acknowledgement and a public form's challenge (TRIAL17C C6): the message's template and the challenge's provider are the team's.
  "guest-message-no-echo": () =>
    person("the acknowledgement's template and the send job's fake mailbox: a valid request whose free text holds a marker and a link, the message sent read back: the marker and the link absent, the new record's reference present"),
  "bot-challenge-missing": () =>
    infrastructure("the bot challenge the plan chooses and its verify endpoint faked: the valid request with no token, and with a token the fake says is invalid, each answered 400 with nothing saved or sent"),
  // A GET that creates the caller's feed URL on its first call (TRIAL17C C7): the store's unique key decides the race.
  "feed-get-or-create": () =>
    infrastructure("the real store's unique key on the feed URL's owner: a caller with none calls twice in a row (one URL created, the same answered, nothing saved the second time), and a fresh caller calls twice at once (one URL left, both answers the same)"),
  "quota-last-unit": () =>
    infrastructure("the real store's transactions and the quota's record seeded with one unit left: two valid requests from two callers run at once, exactly one succeeds, the other is refused, and the record holds none left, never minus one"),
  // The live reservations are the team's records and the zone check its value object's (TRIAL9 W12).
  "reservation-cap": (f) =>
    person(`the caller's live reservations as the plan stores them, seeded up to the cap, and ${booksResourceOf(f.facts) ? `a free ${f.facts.resource?.pascal ?? "resource"}` : `a free slot at a ${f.facts.resource?.pascal ?? "resource"}`}: the valid request for it answers 409 naming the limit and nothing more is held`),
  // A report's rollups, cache and timeout are the team's to build: each test needs them (TRIAL11 Y18).
  "report-rollups": () => infrastructure("a real database with a year of raw usage events and the rollups the plan keeps: the widest range allowed asked for, its latency measured and the rows read counted"),
  "report-cache-scope": () => person("the report's cache as the plan builds it: two scopes seeded with different figures, the same range asked by each, each answer compared with its own figures and its Cache-Control read"),
  "report-cache-today": () => person("the report's cache and rollups as the plan builds them, with a clock the test moves: a range including today asked, a usage event recorded, the clock moved past the short cache life, the range asked again"),
  "report-timeout": () => infrastructure("a real database whose report query is made slower than the statement timeout (a lock held, or a delay injected): the request answered 503 with Retry-After and the query gone from the database's running statements"),
  "report-local-days": () => person("the rollups as the plan keeps them, seeded with usage at 23:30 UTC and across a daylight-saving change: the days read for Europe/Berlin and for UTC"),
  "zone-unknown": () => person("the input that carries the time zone, checked against the runtime's IANA zones: the valid request with it set to Mars/Base answers 400 naming that field, and nothing is read or saved"),
  "role-last-admin": () => person("the users and their roles as the plan stores them (a role field on the user, or a membership record), seeded with one admin: its demotion answered 409 and the role kept"),
  "role-concurrent": () => infrastructure("the real store's transactions (a lock or a serializable check on the count of admins): two demotions of the last two admins run at once, one answered 409"),
  "role-self": () => person("the caller's own user record with its role, as the plan stores roles: a request changing it answered 403 and the record unchanged"),
  "role-above-own": () => person("the order of roles the plan states (which role may grant which): a caller granting one above its own answered 403"),
  "role-stale-token": () => infrastructure("the token issuer and the edge that checks tokens (a role version or a revocation list): a token issued before the demotion presented after it"),
  "role-audit": () => person("the audit record's fields for a role change as the plan states them (actor, target, old and new role): the record read after a change"),
  // A transfer of ownership (capability-ownership-transfer, TRIAL10 X6): the memberships are the plan's to store.
  "transfer-one-owner": (f) => person(`the ${f.facts.resource?.pascal ?? "resource"}'s owner and members as the plan stores them: after the valid request the new owner is the one owner, and the previous owner ${f.facts.previousOwnerKeeps === undefined ? "holds what the open question on the previous owner settles" : f.facts.previousOwnerKeeps === "none" ? "is no longer a member" : `is ${withArticle(f.facts.previousOwnerKeeps)}`}`),
  "transfer-concurrent": () => infrastructure("the real store's transactions (a row lock, or an update conditional on the current owner): two transfers of one resource run at once, one refused, exactly one owner after"),
  "transfer-not-member": (f) => person(`the ${f.facts.resource?.pascal ?? "resource"}'s members as the plan stores them: a new owner seeded outside them, and an unknown id, both answered with the plan's one refusal, nothing changed`),
  "transfer-fresh-sign-in": () => person("the credential's sign-in time and the window the plan states: a request from a session signed in before it refused, nothing changed"),
  "transfer-told": () => person("the messages the plan sends the previous and the new owner: both queued after the valid request"),
  // A role's reads of other people's data: what each test needs beyond the contract.
  "read-audit": () => person("the audit record's fields for a read as the plan states them (caller, the ids shown, hashed filters): a read by a role over seeded records, then the record read and searched for the personal fields"),
  "read-harvest-cap": () => person("the hourly cap of records read the plan states and the store of reads it counts: requests past the cap answered 429 and the alert's metric read"),
  "read-filters-private": () => person("the page token's format the plan chooses: a search by an email over seeded records, and the next page's token decoded and searched for the email"),
  "staff-target-above": () => person("the users and their roles as the plan stores them, with the order of roles: the valid request naming an administrator's account and another agent's, each answered 403 and the account unchanged"),
  "impersonation-above": () => person("the users, roles and agents as the plan stores them: an agent impersonating an admin, another agent and itself, each answered 403 with no session issued"),
  "impersonation-restricted": () => person("an impersonation session as the plan issues it and the password and email change use-cases: each called with that session and answered 403"),
  "impersonation-both": () => person("the audit record's fields for an impersonated action as the plan states them (user, agent, reason): an action taken while impersonating, then the records read"),
  "impersonation-short": () => person("the impersonation session's lifetime the plan states and the clock: a request past it, and a refresh of it, both refused"),
  "referenced-foreign": () => person("a record outside the caller's reach seeded for each referenced id (another owner's, or one not published): the request naming it answered 404 like an unknown id, nothing changed"),
  // Who may be found, and the daily cap, are the plan's to state (REVIEW3 Q45).
  "discovery-opt-out": (f) => person(`the setting by which ${withArticle(f.facts.enumeration ?? "record")} allows being found, as the plan states it: one seeded that does not allow it, looked up, answered as an unknown one`),
  "discovery-cap": () => person("the daily cap of lookups per caller the plan states: that many distinct values looked up, then one more answered 429"),
  "grant-same-answer": () => person("an account seeded for one address and none for another, as the plan's account store holds them: the two grants' answers compared"),
  "grant-unique": () => person("the grant's record as the plan stores it (its recipient field): one seeded for the recipient, then the same request again"),
  "ticket-checked": () => person("the ticket system's port the contract does not have yet, and its fake answering for a ticket that is missing, closed or about another record"),
  "ticket-audited": () => person("where the audit entry holds the ticket (a field the contract's AuditEntry does not have yet)"),
  "subject-export-every-store": () => infrastructure("every store the plan lists holding the person's records, and one of another person beside them"),
  "subject-export-expires": () => infrastructure("the export's file storage and its lifetime, as the plan states it"),
  "subject-export-deadline": () => person("where the request's date is kept and the deadline alert the plan names"),
  "maker-refused": () => person("the submitter and last editor fields as the plan's data model names them (submittedBy, lastEditedBy), seeded with the caller's id"),
  "approval-stale": () => person("the If-Match input the approval carries (the plan asks for it) and the record's version seeded newer"),
  "trash-window": (f) => person(`a ${f.facts.resource?.pascal ?? "record"} seeded in the trash with its deletedAt just past the window the plan states (the field as the plan's data model names it), and the clock`),
  "trash-restored": (f) => person(`a ${f.facts.resource?.pascal ?? "record"} seeded in the trash with its deletedAt inside the window, and the plan's read that leaves trashed ones out`),
  // An approval sent on to a second approver above an amount (LEAD19 L6): the state between the two is the plan's to name.
  "approval-threshold": () => person("the state the plan names between the two approvals: one record seeded above the amount and one at it, each approved by this request; the first left in that state for the second approver, the second approved"),
  // An id the provider issued (LEAD19 L10): the provider's fake and its customers are the plan's to build.
  "provider-id-foreign": () => person("a fake of the provider the plan names, holding a payment method attached to another customer: the request with that id answered 422, nothing saved or attached"),
  "approval-second-step": (f) => person(`a ${f.facts.resource?.pascal ?? "record"} seeded at a later step with its earlier step's approver kept on it (the field as the plan's data model names it), and that approver as the caller`),
  "approval-audited": () => person("where the audit entry holds the submitter and the version (fields the contract's AuditEntry does not have yet)"),
  "creator-rule": () => person("the rule of who may create that the plan states, and a signed-in account it does not allow"),
  // What references a merged record, and how it is marked, are the team's data model (fix17b): a person writes these.
  "merge-other-tenant": (f) => person(`a second ${f.facts.resource?.pascal ?? "record"} seeded in another tenant and its id sent as the duplicate: answered 404 like an unknown id, neither record changed`),
  "merge-repointed": (f) => person(`the records that reference a ${f.facts.resource?.pascal ?? "record"} as the plan lists them, seeded for the duplicate: after the merge each names the survivor, and the duplicate is marked merged into it`),
  "merge-atomic": (f) => person(`the real database adapter: a failure injected while repointing leaves both ${f.facts.resource?.pascal ?? "record"}s and every reference as they were`),
  // Where a rating and the average it moves are stored is the team's data model (fix17b): a person writes these.
  "rating-once": (f) => person(`the rating's record as the plan stores it (one per ${f.facts.resource?.pascal ?? "record"} and rater, a unique key): the valid request twice, the second answered ${ratingOnceAnswer(f.facts)}, one rating stored`),
  "rating-average": () => person("the stored sum and count the average is kept by, as the plan's data model names them: two ratings sent at once, then both counted and the average their mean"),
  "rating-pending": () => person("the stored sum and count the average is kept by, as the plan's data model names them: the valid request, then the rating stored pending and the sum and count as they were"),
  // The cut-off's time and zone, and the batch's pick-up, are the team's to state (fix17b): a person writes these.
  "cut-off-clock": () => person("the cut-off's time and time zone as the plan states them, and the fake clock set one second before and at the cut-off in that zone: the first request accepted, the second refused, whatever time the client sends"),
  "cut-off-race": (f) => person(`the batch that picks ${f.facts.resource?.pascal ?? "the record"}s up, as the plan names it, run against the same record as the request at once: exactly one of them moves it, and the other finds it moved`),
  // Where the claimed record keeps its owner is the team's data model (TRIAL18A D7): a person writes it against the real store.
  "claim-race": (f) => person(`the real database adapter and one unclaimed ${f.facts.claimed?.pascal ?? "record"} seeded: two requests at once naming its key for two ${f.facts.resource?.pascal ?? "record"}s, then exactly one answered ${f.facts.success}, the other its already-claimed refusal, and the ${f.facts.claimed?.pascal ?? "record"} held by the first`),
  // How the code is hashed and where the shared counter lives are the team's (TRIAL18A D19): a person writes these.
  "claim-code-hashed": (f) => person(`the real store of ${f.facts.claimed?.pascal ?? "record"}s, one seeded with its ${f.facts.enumeration ?? "code"} as the plan hashes it: the stored row holds no ${f.facts.enumeration ?? "code"} in clear text, and the valid request finds it by the hash`),
  "claim-code-spread": (f) => person(`the shared limiter that counts wrong ${f.facts.enumeration ?? "code"}s across accounts, as the plan sets it: wrong ones sent from several accounts up to the limit, then the next one from a fresh account answered 429`),
  "claim-possession": (f) => person(`the proof of possession the plan names (a button pressed on the ${f.facts.claimed?.pascal ?? "record"}, a code it shows) and an unclaimed ${f.facts.claimed?.pascal ?? "record"} seeded: the valid request without that proof refused, the ${f.facts.claimed?.pascal ?? "record"} still unclaimed`),
  // What a grant opens is read by another use-case (the grantee's read): a person writes these against it (TRIAL18A D16).
  "grant-read-expired": (f) => person(`the grantee's read of what the ${f.facts.child?.pascal ?? "grant"} opens, a ${f.facts.child?.pascal ?? "grant"} seeded one second past its expiry with the expiry job not run, and one seeded revoked: both reads refused`),
  "grant-one-live": (f) => person(`the store's unique constraint over live ${f.facts.child?.pascal ?? "grant"}s per grantee: the valid request twice for the same person, one live ${f.facts.child?.pascal ?? "grant"} left`),
  // The zone a day begins in, and the job's store, are the team's (TRIAL18A D18): a person writes these.
  "range-days-bounds": () => person("records seeded at 23:59 of the last day and at 00:00 of the day after, in the zone the plan states: the first in the answer, the second not"),
  "async-rights-recheck": (f) => person(`the job store and the scheduled command that runs the job: the caller made no longer ${f.facts.relation ?? "related to"} of the ${f.facts.resource?.pascal ?? "resource"} after the request was accepted, then the job run produces nothing and the download answers 404`),
  // Where the access log lives and how the person sees it are the team's (TRIAL18A D17): a person writes it.
  "health-access-log": () => person("the access log as the plan keeps it and the person's view of it: a read of the health data by someone other than the person it is about, then an entry naming who, when and which record, visible to that person"),
  // Which states refuse a move are the plan's to name (TRIAL18A D23): a person writes it against the fakes.
  "move-frozen": () => person("the states that refuse a debit or a credit as the plan names them: one end seeded frozen, then one seeded closed, each move refused with the plan's error and both balances as they were"),
  // Which workload identity the scheduler calls with is the team's platform (fix17b): a person writes the test against it.
  "scheduler-only": (f) =>
    person(`the scheduler's service identity as the plan names it, and a person's signed-in credential holding every role a person can be given: the person's call answered 403 and ${f.facts.scheduledCommand?.pascal ?? "the job"} not run`),
  "any-signed-in": (f) => person(`a ${f.facts.resource?.pascal ?? "resource"} another signed-in account created, and the handler's finder, which checks no relation`),
  // What an existing holder's record and its notice look like is the plan's to say: a person writes it against the fakes.
  "known-target-notice": (f) =>
    person(`${withArticle(f.facts.enumeration ?? "record")} seeded with the request's ${f.target?.name ?? "address"}: the request saves no new record and issues no link, and the outbox holds one notice for its owner`),
  "pending-target-reissued": (f) =>
    person(`${withArticle(f.facts.enumeration ?? "record")} seeded as pending with the request's ${f.target?.name ?? "address"} and a live link: the request stores a new link's hash, revokes the earlier one and queues one message with the new link`),
  "unknown-target-untouched": (f) =>
    valid(f) ?? (f.target ? body("unknown-target-untouched", [], { outbox: has(f, "outbox"), scheduler: has(f, "scheduler") }) : person(`the input that names the ${f.facts.enumeration ?? "target"}`)),
} satisfies Partial<Record<BodyKey, Resolver>>;
