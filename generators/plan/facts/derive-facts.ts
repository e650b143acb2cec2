/**
 * The answers read as facts, once per input (factsOf): every other file here reads one fact family from them.
 */
import { markPostedOf, othersRecordOf } from "./others-record.js";
import { storedTextOf } from "./stored-text.js";
import { missingOwnOf, saidConditionOf, SAYS_UNKNOWN } from "./error-conditions.js";
import { stateRefusalWhenOf } from "./state-errors.js";
import { listCapsOf, listCapWhen } from "./list-cap.js";
import { keptUrlsOf } from "./kept-urls.js";
import { capabilitiesWithAudience, capabilitiesWithChannels, messageAudienceOf, messageChannelsOf } from "../message-channels.js";
import { defaultRouteOf, namesOf, singularOf, type Names } from "../names.js";
import { booksResourceOf, instantTimeOf, reservationOf, zonedTimeOf } from "./bookings.js";
import { chatMessageOf, defaultRateLimitOf, perClickOf } from "../rate-limit-default.js";
import { relatedRecipientOf } from "../own-recipient.js";
import { allOwnChangeOf } from "./all-own.js";
import { readPositionOf } from "./read-position.js";
import { isSelfRoute } from "../routes.js";
import { BUILT_IN_CAPABILITIES, type InputLocation, parseRateLimit, type PlanInput } from "../schema.js";
import { ownershipTransferOf, previousOwnerKeepsOf, PRIVILEGE_CHANGE, privilegeChangeOf, relationForbidsMembersOf, relationGivenOf, saysNoRelation } from "./access.js";
import { checksCredentialsOf, IMPERSONATION, impersonationOf, OAUTH_CALLBACK, oauthCallbackOf, TOKEN_REFRESH, tokenRefreshOf } from "./accounts.js";
import { namesSpreadsheetOf, presignedUploadOf, uploadDirectOf, uploadFactOf } from "./files.js";
import { contentReportOf, guestJoinOf, routeMarkOf } from "./items.js";
import { endsInCollection, meOneOf, namesListOf, SEARCH, searchInputOf } from "./reads.js";
import { HEALTH_CHECK, healthCheckOf } from "./recognised-features.js";
import { pageSizeOf, providerIdOf, rangesOf, redirectInputOf } from "./request-inputs.js";
import { bulkChangeOf, bulkDeleteOf, childCollectionOf, defaultSuccess, flowOf, meMarkOf, meRecordOfRoute, mineChildOf, moveCollectionOf, readsByPostOf, routeParamsOf } from "./route-and-flow.js";
import { capabilitiesWithRole, isRefinement, oneTimeCodeOf, opensAccountOf, secretInputOf, secretLinkRoleOf, secretResponseFieldsOf } from "./secrets.js";
import type { AccessModel, InputFact, UseCaseFacts } from "./use-case-facts.js";
import { secondFactorStepOf } from "./second-factor.js";
import { signatureInputOf, webhookSignedInOf } from "./webhooks.js";
import { SCHEDULER_ROLE, systemJobOf } from "./schedules.js";
import { purgeCommandOf } from "./write-effect.js";
import { emitterOf } from "./job-events.js";

const LATENCY_BUDGET_MS = 300;

/** Whether a POST under /me confirms the caller's pending second factor or turns it off (secondFactorStepOf, read as a create would be). */
function movesSecondFactorOf(a: PlanInput & { signedIn: boolean; inputs: InputFact[]; inputNames: string[] }): boolean {
  const secretLink = secretLinkRoleOf(a.capabilities, a.inputNames);
  const facts = { auth: a.auth, self: a.signedIn && isSelfRoute(a.route), route: a.route, summary: a.summary, flow: "create" as const, inputs: a.inputs, response: a.response.map(namesOf), credentials: checksCredentialsOf(a, a.inputNames), secretLink, oauthCallback: false, tokenRefresh: tokenRefreshOf(a, a.inputNames) };
  const step = secondFactorStepOf(facts, a.name);
  return step === "confirm" || step === "disable";
}

/**
 * The facts of each use-case input, derived once: the run's checks (contradictionOf, warningsOf) and the plan
 * (normalize) all ask for them, about 0.8 ms each. Keyed on the input object, which nothing changes once it is
 * parsed (an input with other answers is another object), and held no longer than the input is; nobody changes
 * the facts either (a test freezes them and plans every golden example).
 */
const derived = new WeakMap<PlanInput, UseCaseFacts>();

/** The condition given to a bare 404 error on a load (TRIAL8 V5); the handler's steps answer the load's null with it. */
export const NOT_FOUND_WHEN = "the request names no such";

/**
 * The answers' error that the load's null answers, if they name one: a bare 404 given NOT_FOUND_WHEN below, or a 404
 * about the caller's own resource found by the credential (`GET /api/me/profile --resource Profile --error
 * ProfileNotFound:404`: the caller has no profile yet), the one thing such a load can miss (fix16b). A 404 about another
 * record (PaymentMethodNotFound beside the caller's Subscription) is a check of its own.
 */
export const loadNotFoundOf = (f: Pick<UseCaseFacts, "errors" | "resource">): UseCaseFacts["errors"][number] | undefined =>
  f.errors.find((e) => e.status === 404 && (e.when?.startsWith(NOT_FOUND_WHEN) || (f.resource !== undefined && (e.when === missingOwnOf(`${f.resource.pascal}NotFound`) || namesMissingLoad(e, f.resource.pascal)))));

/**
 * The answers' 404 named for the loaded resource whose condition says it does not exist (ProductNotFound: "the product
 * does not exist" on PUT /api/products/:productId/stock): the load's null, said once, not a plain 404 followed by a second
 * check of the same thing (TRIAL17C C10).
 */
const namesMissingLoad = (e: { name: string; when?: string }, resource: string): boolean => e.name === `${resource}NotFound` && SAYS_UNKNOWN.test(e.when ?? "");

/** The success headers of an answer carrying a session or a token. */
const SESSION_COOKIE = "Set-Cookie (a cookie session: HttpOnly; Secure; SameSite=Lax)";
const NO_STORE = "Cache-Control: no-store";


/** The words of taking a record over by its key (a device claimed or paired with its printed code). */
const CLAIM_WORDS = /\b(?:claim|pair|bind|adopt)(?:s|ed|ing)?\b/i;

export function factsOf(input: PlanInput): UseCaseFacts {
  let facts = derived.get(input);
  if (facts === undefined) derived.set(input, (facts = withGuestJoin(deriveFacts(input), input.name)));
  return facts;
}

/** The facts with what an anonymous caller joins, read from the facts themselves (guestJoinOf). */
function withGuestJoin(f: UseCaseFacts, useCase: string): UseCaseFacts {
  const joined = guestJoinOf(f, useCase);
  return joined ? { ...f, guestJoin: joined } : f;
}

/**
 * Whether the enumeration names the record a POST under the resource adds (`--enumeration "waitlist entry"` on
 * `POST /api/events/:eventId/waitlist`, a WaitlistEntry): singular or plural, in any case.
 */
function enumeratesCreatedOf(input: PlanInput, method: string, route: string, resource: Names | undefined, redeems: boolean): boolean {
  const named = input.enumeration ?? "";
  if (method !== "POST" || resource === undefined || input.async || redeems || named.trim() === "") return false;
  const added = childCollectionOf(route);
  return added !== undefined && namesOf(singularOf(named)).pascal === added.pascal;
}

function deriveFacts(answers: PlanInput): UseCaseFacts {
  // A webhook's sender signs; it never signs in: planned as anonymous and signed, whatever --auth said.
  // A job the system runs on its fixed schedule, with no route or access answered, is triggered by the scheduler alone:
  // its endpoint admits the scheduler's service identity and no person (fix17b), never any signed-in account.
  const systemJob = systemJobOf(answers);
  const signedAnswers: PlanInput = webhookSignedInOf(answers) ? { ...answers, auth: "anonymous", roles: [] } : systemJob ? { ...answers, auth: "roles", roles: [SCHEDULER_ROLE] } : answers;
  // A presigned URL to upload to is an upload straight to storage, named file-upload or not (TRIAL11 Y11).
  const presigned = !signedAnswers.capabilities.includes("file-upload") && presignedUploadOf(signedAnswers, [signedAnswers.name, signedAnswers.summary ?? "", signedAnswers.route].join(" "));
  const input: PlanInput = presigned ? { ...signedAnswers, capabilities: [...signedAnswers.capabilities, "file-upload"] } : signedAnswers;
  const route = input.route || defaultRouteOf(input.name, input.method);
  const method = input.method;
  // A list of the caller's own marks under /me keyed by a record's id (`/api/me/blocked-users/:userId`): read once here.
  const meMark = meMarkOf(route);
  // A /me route's id names a record of the caller's own even where --resource was not given (meRecordOfRoute).
  const resource = input.resource ? namesOf(input.resource) : input.auth !== "anonymous" ? meRecordOfRoute(route, meMark) : undefined;
  // POST /api/posts/:postId/comments: a new Comment under the Post, not a change of the Post. A link redeemed,
  // or a key looked up, is an action on the resource itself (POST /api/invites/:code/join).
  // Impersonating a user issues a new session for the agent: a new item under the User, never a change of it.
  const impersonation = impersonationOf(input, route);
  // PUT /api/posts/:postId/likes/me: the caller's own Like under the Post, set once (REVIEW3 Q33); never the Post replaced.
  // A mark's collection (likes, bookmarks, follows) with /me after it, PUT, is the caller's own mark on the resource, as
  // `/like` is: a change that sets one row per caller and record, its count moved atomically (ownMark below, fix16a).
  const routeMark = resource !== undefined && input.auth !== "anonymous" ? routeMarkOf(route, resource, meMark) : undefined;
  // A POST of the mark's collection with nothing in its body sets the caller's own mark as the PUT does (LEAD19 L1).
  const markPosted = markPostedOf(method, route, routeMark, input.async, input.valueObjects.map((vo) => ({ camel: namesOf(vo.name).camel, ...(vo.location ? { location: vo.location } : {}) })));
  const markMe = (method === "PUT" || markPosted) && routeMark !== undefined;
  const mine = (method === "PUT" || method === "POST") && resource && !input.async && !markMe ? mineChildOf(route) : undefined;
  // A link issued to a collection under the resource (POST /api/meetings/:meetingId/invitations) is a new item like any
  // other (TRIAL3 U28): only its redeeming acts on the resource itself.
  const redeems = secretLinkRoleOf(input.capabilities, [...routeParamsOf(route), ...input.valueObjects.map((vo) => namesOf(vo.name).camel)]) === "redeem";
  // The enumeration may name the very record the POST adds (--enumeration "waitlist entry" on POST
  // /api/events/:eventId/waitlist): nothing is looked up by a key; what must not leak is whether it was already there
  // (TRIAL18B E9). The create is planned as without the flag, and the answer the same either way.
  const enumeratesCreated = enumeratesCreatedOf(input, method, route, resource, redeems);
  const child = mine ? mine : method === "POST" && resource && impersonation ? namesOf("ImpersonationSession") : method === "POST" && resource && !markPosted && !input.async && ((!input.enumeration && !input.enumerationSensitive) || enumeratesCreated) && !redeems ? childCollectionOf(route) ?? moveCollectionOf(route, resource, input.valueObjects.map((vo) => namesOf(vo.name).camel)) : undefined;
  const searchInput = searchInputOf({ ...input, route });
  // What the use-case says it is about, in its own words: a CSV, an import, an image.
  const words = [input.name, input.summary ?? "", route].join(" ");
  const oauthCallback = oauthCallbackOf(input, input.valueObjects.map((vo) => namesOf(vo.name).camel));
  // An OAuth callback is a GET that starts a session: a create (the session), whatever its method says.
  // A bulk delete (POST /api/items/bulk-delete) creates nothing: the delete flow (REVIEW3 Q12).
  const bulk = bulkDeleteOf(method, route, input.async, input.valueObjects.map((vo) => namesOf(vo.name).camel), routeParamsOf(route), resource);
  // A bulk change (POST /api/orders/bulk-status with OrderIds) makes nothing new: each id's record is changed (TRIAL10 X13).
  const bulkChange = bulk || child || oauthCallback ? undefined : bulkChangeOf(method, route, input.async, input.valueObjects.map((vo) => ({ camel: namesOf(vo.name).camel, rule: vo.rule })), resource);
  // All the caller's own records changed at once (POST /api/me/notifications/read-all) creates nothing: a change (LEAD18 L1).
  // Worked out once: the rate limit's default reads it too (perClickOf), before the bulk and child kinds take precedence.
  const allOwnRecords = allOwnChangeOf({ method, route, name: input.name, auth: input.auth, async: input.async, ...(input.resource ? { resource: input.resource } : {}) });
  const allOwnChange = bulk || child || oauthCallback || bulkChange ? undefined : allOwnRecords;
  const posted = child || oauthCallback ? "create" : readsByPostOf(method, route, input.async) ? "query" : bulk ? "delete" : bulkChange || allOwnChange ? "change" : flowOf(method, input.async, resource !== undefined, route);
  const signedIn = input.auth !== "anonymous";
  const routeParams = routeParamsOf(route);
  const requestBody = method !== "GET" && method !== "DELETE";
  const inputs: InputFact[] = input.valueObjects.map((vo) => {
    const names = namesOf(vo.name);
    const location: InputLocation = vo.location ?? (routeParams.includes(names.camel) ? "path" : requestBody ? "body" : "query");
    return { names, location, required: !vo.optional, fromText: location !== "body", ...(providerIdOf(names.camel) ? { providerId: true as const } : {}), ...(vo.rule.kind === "enum" || vo.rule.kind === "boolean" ? { closedSet: true as const } : {}) };
  });
  const inputNames = inputs.map((i) => i.names.camel);
  const listCaps = listCapsOf(input.errors, input.valueObjects);
  // Confirming a pending second factor with a code, or turning it off with one (POST /api/me/two-factor/confirm), moves
  // the account's one enrolment on: a change answered 200, never a create's 201 and Location (fix14b).
  const flow = posted === "create" && !child && !oauthCallback && resource === undefined && movesSecondFactorOf({ ...input, route, signedIn, inputs, inputNames }) ? "change" : posted;
  // A resource under /me (GET /api/me/things/:thingId) is one of the caller's own: a query scoped to the
  // caller, not a loaded record whose owner is checked (unless a --relation or roles say otherwise).
  // A role outside /me reaches other people's data by design (a support agent's user search): not the caller's own.
  const relationGiven = relationGivenOf(input);
  // A mark set on a record (a like, a bookmark, a follow, even under /followers/me), a comment, a bid or a booking on
  // it, or a report of it is made on another person's record the caller may see: never the caller's own, nor only its
  // owner's to make (lead17). A reply to a support ticket is not: its requester and the agents make those.
  // A record under the caller's own /me (`/api/me/posts/:postId/comments`) is its own; a trailing /me is the mark's.
  // The caller's own mark on the resource is one the request sets (a PUT) or removes (a DELETE); derived once, read from the facts.
  const ownMark = routeMark && ((flow === "change" && (method === "PUT" || markPosted)) || flow === "delete") ? routeMark : undefined;
  // The prompt's default relation reads the same decision from the answers so far (others-record.ts).
  const onOthers = othersRecordOf({ route, resource, signedIn, meMark: meMark !== undefined, ownMark: ownMark !== undefined, created: flow === "create" ? child : undefined, words });
  const self = signedIn && (resource === undefined ? isSelfRoute(route) || (flow !== "create" && input.auth !== "roles") : isSelfRoute(route) && !relationGiven && input.auth !== "roles" && !onOthers);
  const enumerationText = input.enumeration || (input.enumerationSensitive ? "account" : "");
  const limitFacts = { method, route, auth: input.auth, resource: input.resource, capabilities: input.capabilities, name: input.name, async: input.async, enumeration: enumerationText, allOwnChange: allOwnRecords !== undefined };
  // Worked out once: the rate limit's default and whom the request reaches (pack-facts' reachesPerson) read it.
  const chatMessage = chatMessageOf(limitFacts);
  // Whom the summary sends the message to by their role toward the caller ("to their manager"): read by own-recipient, pack-facts and steps.
  const relatedRecipient = relatedRecipientOf(input);
  const privilegeChange = privilegeChangeOf(input, flow, route, inputNames);
  const secretLink = secretLinkRoleOf(input.capabilities, [...new Set([...routeParams, ...inputNames])]);
  // With --auth roles the role grants access (MODEL.md: roles are global); only a --relation given too adds a relation, either granting access.
  // A resource found by a link's token or a guessable key (an invite code) is reached by holding it: the one who
  // redeems an invitation is not its owner, so no relation is assumed there; one given is kept.
  // The enumeration names another record than the resource (a coupon code applied to the caller's Cart, TRIAL9 W6):
  // the resource is the caller's one the route names under /me, or the one its own id in the route names, and the
  // enumerated key looks up that other record. The resource is then found as any other, and its owner checked.
  const meOne = resource !== undefined && meOneOf(route, resource);
  const enumeratesOther = enumerationText !== "" && resource !== undefined && !enumeratesCreated && (meOne || (routeParams.includes(`${resource.camel}Id`) && !routeParams.includes(namesOf(enumerationText).camel)));
  // The key names a record the request takes for the route's resource (a device's claim code under a household's
  // devices): a claim of that record, never a change of the resource guarded by its version (TRIAL18A D7).
  // Only where the words say a claim (claim, pair, bind, adopt): a key that admits the caller (an invite code to a
  // household's members) makes a new member, not a record taken over.
  const claimed = flow === "change" && method === "POST" && enumeratesOther && !meOne && CLAIM_WORDS.test(`${input.name} ${enumerationText}`) ? childCollectionOf(route) : undefined;
  const byKey = secretLink === "redeem" || (enumerationText !== "" && !enumeratesOther && !enumeratesCreated);
  // --relation none: no relation at all (the role alone, or any signed-in caller), never the owner a blank answer gets.
  // A request or an invitation is answered (accepted, declined) by the one it was sent to, never by its sender, who owns it.
  const answersRequest = resource !== undefined && /(?:Request|Invitation|Invite|Offer|Proposal)$/.test(resource.pascal) && /\/(?:accept|decline|reject|deny|refuse)\/?$/i.test(route);
  const relation = resource && signedIn && !self ? relationGiven || (input.auth === "roles" || byKey || saysNoRelation(input.relation) ? undefined : onOthers ? "viewer" : answersRequest ? "recipient" : "owner") : undefined;
  // A relation given with roles decides access for a caller without the role (the role reaches any resource): the relation's model, the role beside it.
  const access: AccessModel = !signedIn ? "anonymous" : relation ? "relation" : input.auth === "roles" ? "roles" : self ? "self" : "authenticated";
  // A change or delete outside /me that names nothing still acts on one resource (as it always did):
  // only a query can be a list, and only the caller's own can be found by the credential alone.
  // A bulk delete names many by a list of ids: none alone can be "the missing one" (REVIEW3 Q12).
  // The caller's one under /me that the route names (`/api/me/cart/coupon`) is found by the credential, whatever key-like input the body carries.
  // A bulk change of the resource's records names many of them, none as the one to load (a bulk change under a parent loads the parent).
  const namesOne = namesOneOf(routeParams, inputs, enumerationText, input.capabilities);
  const identifiesOne = resource !== undefined && !bulk && !(bulkChange && bulkChange.records.pascal === resource.pascal) && !meOne && (namesOne || (flow !== "query" && !self));
  // A change of one resource whose request names none of them (no :reportId, no key input: fix17b): one is loaded,
  // but which is not said; the plan asks rather than say "the Report the request names".
  const resourceUnnamed = identifiesOne && !namesOne && !child;
  const signature = signatureInputOf(input.auth, method, input.capabilities, inputNames);
  const credentials = checksCredentialsOf({ ...input, route }, inputNames);
  // A sign-in answers the session (200) or one refusal; a webhook's sender wants a quick 2xx, not a Location it never follows.
  // An OAuth callback answers the browser with a redirect to the app, carrying the new session's cookie.
  const tokenRefresh = tokenRefreshOf(input, inputNames);
  // An anonymous visitor's message to a fixed inbox of ours (a contact form) is accepted, not a resource it may read: 202, no Location (REVIEW3 Q21).
  const toInbox = !signedIn && flow === "create" && messageAudienceOf(input.capabilities, words) === "internal";
  // A POST under /me that starts the caller's one thing (not a collection of them) and hands out a secret shown once
  // (an authenticator's seed: POST /api/me/two-factor/enrolment answering secret, otpauthUrl) makes nothing a URL names:
  // no GET may show that secret again, and the route is no collection. 200 with its answer, no Location; a 201 without
  // one would name the POST's own route as the new resource (RFC 9110), which answers no GET either (fix15b).
  const unaddressable = flow === "create" && signedIn && isSelfRoute(route) && resource === undefined && !child && !endsInCollection(route) && secretResponseFieldsOf({ response: input.response.map(namesOf) }).length > 0;
  const success = oauthCallback ? 302 : input.success ? Number(input.success) : mine || unaddressable ? 200 : credentials || tokenRefresh || (signature && flow === "create") ? 200 : defaultSuccess(flow, enumerationText !== "" || toInbox);
  // A sign-in's session is a cookie it sets or a token in its body, neither ever kept by a cache (TRIAL9 W4).
  const successHeaders = oauthCallback ? ["Location", "Set-Cookie"] : credentials ? [SESSION_COOKIE, NO_STORE] : tokenRefresh ? [NO_STORE] : (success === 201 || (success === 202 && flow === "async")) ? ["Location"] : [];
  const states: string[] = [];
  for (const t of input.transitions) for (const s of [t.from, t.to]) if (!states.includes(s)) states.push(s);
  // An erasure is purged by a job when its cancellation window ends: planned even where no command was named.
  const purge = !input.scheduledCommand && input.capabilities.includes("erasure") ? purgeCommandOf(input.name, resource) : undefined;
  const scheduledCommand = input.scheduledCommand ? namesOf(input.scheduledCommand) : purge ? namesOf(purge) : undefined;
  const emitters = new Map(input.events.map((e) => [namesOf(e.name).pascal, emitterOf(e, { name: input.name, async: flow === "async", ...(scheduledCommand ? { scheduledCommand: scheduledCommand.pascal } : {}) })]));
  // Capabilities the answers show without naming them (an OAuth callback, a search, ...), added after those given.
  // An audience given alone (sends-message-bulk) means sending messages too.
  const sendCapabilities = messageAudienceOf(input.capabilities, "") && !input.capabilities.includes("sends-message") ? [...input.capabilities, "sends-message"] : input.capabilities;
  const given = capabilitiesWithAudience(capabilitiesWithChannels(capabilitiesWithRole(sendCapabilities, secretLink), messageChannelsOf(sendCapabilities, inputNames)), messageAudienceOf(input.capabilities, words));
  const inferred = [oauthCallback && OAUTH_CALLBACK, searchInput && SEARCH, impersonation && IMPERSONATION, privilegeChange && PRIVILEGE_CHANGE, healthCheckOf(input, route) && HEALTH_CHECK, tokenRefresh && TOKEN_REFRESH];
  return {
    flow,
    method,
    route,
    endpoint: `${method} ${route}`,
    async: input.async,
    success,
    successHeaders: flow === "async" ? [...successHeaders, "Retry-After"] : successHeaders,
    requestBody,
    auth: input.auth,
    roles: input.roles,
    ...(systemJob ? { systemJob: true as const } : {}),
    access,
    self,
    ...(resource ? { resource } : {}),
    ...(child ? { child } : {}),
    ...(mine ? { childMine: true } : {}),
    identifiesOne,
    ...(resourceUnnamed ? { resourceUnnamed: true as const } : {}),
    ...(relation ? { relation } : {}),
    // Marking a shared record read moves the caller's own read position in it, never the record (LEAD18, L1's family).
    ...(readPositionOf({ flow, auth: input.auth, route, ...(resource ? { resource } : {}), ...(relation ? { relation } : {}) }, input.name) ? { readPosition: true as const } : {}),
    ...(relation && !input.relation ? { relationAssumed: true as const } : {}),
    ...(onOthers ? { onOthers: true as const } : {}),
    ...(ownMark ? { ownMark } : {}),
    ...(answersRequest && relation === "recipient" && !input.relation ? { answersRequest: true as const } : {}),
    ...(flow === "create" && child && signedIn && contentReportOf(child, words) ? { contentReport: true as const } : {}),
    ...(access === "authenticated" && resource && saysNoRelation(input.relation) ? { anySignedIn: true as const } : {}),
    ...(signedIn && flow !== "query" && ownershipTransferOf(words, inputNames) ? { ownershipTransfer: true as const } : {}),
    ...(signedIn && flow !== "query" && ownershipTransferOf(words, inputNames) && previousOwnerKeepsOf([input.summary ?? "", ...input.criteria].join(". ")) ? { previousOwnerKeeps: previousOwnerKeepsOf([input.summary ?? "", ...input.criteria].join(". "))! } : {}),
    ...(relationForbidsMembersOf(relation, input.criteria) ? { relationForbidsMembers: true as const } : {}),
    ...(enumerationText ? { enumeration: enumerationText } : {}),
    ...(enumeratesOther ? { enumeratesOther: true as const } : {}),
    ...(enumeratesCreated ? { enumeratesCreated: true as const } : {}),
    ...(claimed ? { claimed } : {}),
    // A booking is a reservation whether it adds a Booking (a create) or moves the Slot itself to Booked (a change of
    // `/slots/:slotId/booking`): either lets one account hold every slot (TRIAL18A D14).
    ...((flow === "create" && reservationOf(child, input)) || (flow === "change" && resource !== undefined && booksResourceOf(input)) ? { reservation: true as const } : {}),
    ...(zonedTimeOf(input) ? { zonedTime: true as const } : {}),
    ...(instantTimeOf(input) ? { instantTime: true as const } : {}),
    capabilities: given,
    ...(secretLink ? { secretLink } : {}),
    ...(secretLink === "redeem" ? secretInputOf(input, inputs) : {}),
    unknownCapabilities: input.capabilities.filter((c) => !(BUILT_IN_CAPABILITIES as readonly string[]).includes(c) && !isRefinement(c)),
    transitions: input.transitions,
    states,
    // A 404 the answers name with no condition, where the request names the resource it loads, is that load's own
    // not-found answer: said so, never "when it applies (TODO)" beside a second, generic 404 (TRIAL8 V5).
    // An error whose name the summary or a criterion says as a clause ("the last owner cannot leave") has that
    // condition, where it asked when although the answers said it (fix14a).
    // An error named for too many of a list's items (TooManyOrders on OrderIds:uuid[1..100]) is that list's cap.
    ...(listCaps.length ? { listCaps } : {}),
    errors: input.errors.map((e) => {
      if (e.when) return e;
      const cap = listCaps.find((c) => c.error === e.name);
      if (cap) return { ...e, when: listCapWhen(cap) };
      const said = saidConditionOf(e.name, [input.summary ?? "", ...input.criteria]);
      if (said) return { ...e, when: said };
      const missingOwn = e.status === 404 && self && routeParams.length === 0 ? missingOwnOf(e.name) : undefined;
      if (missingOwn) return { ...e, when: missingOwn };
      // A refusal named for the state the move needs (NotPending beside Pending->Cancelled) says so (fix17b).
      const stateWhen = resource ? stateRefusalWhenOf(e, input.transitions, resource.kebab.replace(/-/g, " ")) : undefined;
      if (stateWhen) return { ...e, when: stateWhen };
      return e.status === 404 && resource && routeParams.length > 0 ? { ...e, when: `${NOT_FOUND_WHEN} ${resource.kebab.replace(/-/g, " ")}` } : e;
    }),
    ...(input.featureFlag ? { featureFlag: input.featureFlag } : {}),
    inputs,
    routeParams,
    response: input.response.map(namesOf),
    emitters,
    // What the answers show beyond what they say: inferred capabilities (after those given, which the line above lists), a callback, ranges, a CSV.
    ...withInferred(given, inferred),
    oauthCallback,
    tokenRefresh,
    ranges: rangesOf(input.valueObjects),
    csv: namesSpreadsheetOf(words),
    importsFile: input.capabilities.includes("file-upload") && (namesSpreadsheetOf(words) || /\bimports?\b|\bimporting\b/i.test(words)),
    ...(searchInput ? { searchInput } : {}),
    ...(input.summary ? { summary: input.summary } : {}),
    ...(relatedRecipient ? { relatedRecipient } : {}),
    ...(chatMessage ? { chatMessage: true as const } : {}),
    ...(namesListOf(input.name) ? { namesList: true as const } : {}),
    ...(scheduledCommand ? { scheduledCommand } : {}),
    ...(purge ? { scheduledCommandDerived: true } : {}),
    pii: input.pii.map(namesOf),
    // A download is audited whether or not --audit was given (the file-download pack records every signed URL):
    // the plan then has an audit trail throughout, never "no audit trail" beside a required download record.
    // So is a change of roles (capability-privilege-change records the role before and after), and a role's read
    // of other people's personal data (access-roles-read-pii audits each read).
    audit: input.audit || input.capabilities.includes("file-download") || privilegeChange || (flow === "query" && input.auth === "roles" && !self && input.pii.length > 0),
    // All of the caller's records changed at once is no per-click toggle (perClickOf leaves it out, LEAD18 L1).
    rateLimit: parseRateLimit(input.rateLimit || defaultRateLimitOf({ ...limitFacts, chatMessage, signed: signature !== undefined })),
    // The default taken is a per-click action's: the plan says why it is not a write's 10 a minute (fit13b).
    perClickLimit: !input.rateLimit && perClickOf(limitFacts),
    latencyBudgetMs: LATENCY_BUDGET_MS,
    ...pageSizeOf(input),
    urlInput: input.valueObjects.some((v) => v.rule.kind === "url"),
    keptUrls: keptUrlsOf(flow, input.valueObjects, input.capabilities, redirectInputOf(input).redirectInput),
    storedText: storedTextOf(flow, input.valueObjects, credentials || oauthCallback || tokenRefresh, signature !== undefined),
    ...redirectInputOf(input),
    ...(signature ? { signature: namesOf(signature) } : {}),
    credentials,
    ...(input.capabilities.includes("file-upload")
      ? uploadDirectOf({ capabilities: input.capabilities, response: input.response.map(namesOf) })
        ? { directUpload: uploadFactOf(input, route) }
        : { upload: uploadFactOf(input, route) }
      : {}),
    ...(opensAccountOf(capabilitiesWithRole(input.capabilities, secretLink), [input.name, route, scheduledCommand?.pascal ?? ""].join(" ")) ? { accountRecovery: true } : {}),
    ...(bulk ? { bulkDelete: bulk } : {}),
    ...(bulkChange ? { bulkChange } : {}),
    ...(allOwnChange ? { allOwnChange } : {}),
    ...(oneTimeCodeOf({ secretLink, route, ...(input.summary ? { summary: input.summary } : {}) }, input.name) ? { oneTimeCode: true } : {}),
  };
}

/**
 * The capabilities given and those inferred from the answers (an OAuth callback, a search), each once, the
 * inferred after: spread into the facts after the given list, which it replaces (typed optional for that).
 */
const withInferred = (capabilities: readonly string[], inferred: readonly (string | false | undefined)[]): { capabilities?: string[] } => ({
  capabilities: [...capabilities, ...inferred.filter((c): c is string => typeof c === "string" && !capabilities.includes(c))],
});

/**
 * Whether the request itself names one record: a route parameter, or a required input that reads
 * as a key (an id, a token, a code, a slug, what the enumeration hides; with an enumeration any
 * required input); any other input is a filter (a list's criteria) or the change itself. A route
 * parameter names one even when its items are listed a page at a time (GET /api/rooms/:roomId/bookings);
 * without one, a paginated request is a list, whatever its filters.
 */
export function namesOneOf(routeParams: readonly string[], inputs: readonly InputFact[], enumerationText: string, capabilities: readonly string[]): boolean {
  if (routeParams.length > 0) return true;
  if (capabilities.includes("pagination")) return false;
  const lookupKey = enumerationText ? namesOf(enumerationText).camel : undefined;
  return inputs.some((i) => i.required && (/(?:^(?:id|token|code|slug)|(?:Id|Token|Code|Slug))$/.test(i.names.camel) || i.names.camel === lookupKey || enumerationText !== ""));
}
