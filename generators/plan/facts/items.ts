/**
 * What a request acts on inside the resource: an item the route names, one a DELETE removes, the parent scope of
 * the resource, what a DELETE without a resource deletes, a new item checked against its parent, a guest who joins.
 */
import { type Names, namesOf, singularOf } from "../names.js";
import { isSelfRoute } from "../routes.js";
import { meMarkOf } from "./route-and-flow.js";
import { inputErrorsOf } from "./request-inputs.js";
import { carriesSecret } from "./secrets.js";
import type { UseCaseFacts } from "./use-case-facts.js";
import type { ErrorInput } from "../schema.js";

/**
 * The item a change or a read acts on inside the resource (REVIEW3 Q50): the route names an id after the
 * resource's own (`POST /api/teams/:teamId/join-requests/:requestId/approve --resource Team`, `GET
 * /api/teams/:teamId/members/:memberId`). It is found within the loaded resource, so an id of another
 * resource's item is not found (404), and the transitions are the item's. Its name comes from the
 * collection before its parameter (join-requests: JoinRequest), else from the parameter (member).
 * A DELETE's item is removedItemOf's; a new item under the resource is a child (create).
 * A PUT to an item the route names by a key, not an id (`PUT /api/tenants/:tenantId/feature-flags/:flagKey`), sets
 * the resource's setting for that key: found by both, created when the resource has none yet (`upsert`: TRIAL11 Y5).
 * A key is a name every resource shares, not a record of one: a missing setting is no 404, only a missing resource is.
 */
/**
 * What may change with an item inside the resource, as the example a question gives: approving a JoinRequest adds a
 * member to the Team; setting a Member's quota adds none, but a total kept on the Organisation may move (TRIAL18B E13).
 */
export const itemAlsoChangesOf = (item: Names, resource: string): string =>
  /(?:Request|Invitation|Invite|Application|Proposal|Offer)$/.test(item.pascal) ? `a member added to ${resource}` : `a count or total kept on ${resource} updated`;

export function itemOf(f: Pick<UseCaseFacts, "flow" | "method" | "resource" | "routeParams" | "route" | "secretLink" | "enumeration" | "child">): ItemInResource | undefined {
  if ((f.flow !== "change" && f.flow !== "query") || !f.resource || f.child || f.secretLink === "redeem" || f.enumeration) return undefined;
  const own = f.routeParams.findIndex((p) => p === `${f.resource!.camel}Id` || p === "id");
  const param = own < 0 ? undefined : f.routeParams[own + 1];
  if (param === undefined) return undefined;
  const segments = f.route.split("/").filter(Boolean);
  const at = segments.findIndex((s) => /^(?::|\{)/.test(s) && namesOf(s.replace(/^:|^\{|\}$/g, "")).camel === param);
  const before = at > 0 ? segments[at - 1]! : "";
  const names = namesOf(/^[a-z][a-z-]*s$/i.test(before) ? singularOf(before) : param.replace(/Id$/, "") || param);
  const upsert = f.flow === "change" && f.method === "PUT" && at === segments.length - 1 && KEY_PARAM.test(param);
  return upsert ? { names, param, upsert } : { names, param };
}

/** What itemOf finds: the item's name, the route parameter naming it, and whether a PUT creates it when missing. */
export interface ItemInResource {
  names: Names;
  param: string;
  /** A PUT of the item the route names by a key (`:flagKey`, `:settingName`, `:locale`): found or created, never a 404. */
  upsert?: boolean;
}

/** A route parameter that names a setting by a key every resource shares, not a record by its id. */
const KEY_PARAM = /^(?:key|name|locale|language|lang)$|[a-z](?:Key|Name|Locale|Language)$/;

/**
 * An answers error that refuses a key the upserted item's route names (TRIAL11 Y5: `FlagNotFound:404:the flag key names
 * no flag in the flag registry`): its name or condition says the key's word (flag, setting) and a refusal. The key is
 * then checked against the registry the team names; without one, which keys may be set is the plan's open question.
 */
export function itemKeyCheckOf(f: Pick<UseCaseFacts, "flow" | "method" | "resource" | "routeParams" | "route" | "secretLink" | "enumeration" | "child" | "errors">): ErrorInput | undefined {
  const item = itemOf(f);
  if (!item?.upsert) return undefined;
  const stem = item.param.replace(/(?:Key|Name|Locale|Language)$/, "").toLowerCase();
  const words = new Set([stem, item.names.camel.toLowerCase(), ...namesOf(item.names.pascal).kebab.split("-")].filter((w) => w.length >= 3));
  return f.errors.find((e) => e.status >= 400 && e.status < 500 && [...words].some((w) => `${e.name} ${e.when}`.toLowerCase().includes(w)) && /not ?found|unknown|invalid|no such|names no|not (?:a |one of)|isn.t/i.test(`${e.name.replace(/([a-z])([A-Z])/g, "$1 $2")} ${e.when ?? ""}`));
}

/**
 * The route parameters that scope the resource from above (`/organisations/:organisationId/members/:memberId` with
 * resource Membership, `/customers/:customerId/orders/:orderId` with Order): the resource is the last parameter's, and
 * is found only within the parent the others name, never by its own id alone (TRIAL4 V18).
 */
export function parentParamsOf(f: Pick<UseCaseFacts, "flow" | "method" | "resource" | "routeParams" | "route" | "secretLink" | "enumeration" | "child">): string[] {
  if (!f.resource || f.routeParams.length < 2 || f.child || f.enumeration || f.secretLink || itemOf(f)) return [];
  const last = f.routeParams[f.routeParams.length - 1]!;
  const stem = last.replace(/Id$/, "").toLowerCase();
  const resource = f.resource.camel.toLowerCase();
  if (!/Id$/.test(last) || stem.length < 3 || !(resource.startsWith(stem) || stem.startsWith(resource))) return [];
  return f.routeParams.slice(0, -1).filter((p) => /Id$/.test(p));
}

/** The aggregate whose states the transitions are: the item the route names inside the resource, else the resource. */
export const statefulOf = (f: UseCaseFacts): Names | undefined => itemOf(f)?.names ?? f.resource;

/** What a DELETE removes from the resource: an item by its route parameter (`:memberId`), the caller's own (`me`), or a part (`/recording`). */
export interface RemovedItem {
  names: Names;
  /** The route parameter naming it, where one does. */
  param?: string;
  /** How the route names it: `:memberId`, `me`, `/recording`. */
  label: string;
  /** The caller's own item (`/members/me`). */
  mine?: boolean;
  /** The caller's own mark on the resource (a like, a bookmark, a follow: the facts' ownMark): removing none is no error. */
  mark?: boolean;
}

/** The route's last word(s) after the resource's id that name a mark a caller sets on a record for itself. */
const MARK_WORD = /^(?:likes?|stars?|bookmarks?|favou?rites?|follows?|followers|subscriptions?|subscribers|watch(?:es|ers)?|upvotes?|downvotes?|blocks?|mutes?)$/i;

/** A mark a caller sets on a record for itself (a like, a bookmark, a follow), as the route names it. */
export interface OwnMark {
  names: Names;
  /** How the route names it: `/like`, `likes/me`, `me/favourites`. */
  label: string;
}

/**
 * The mark the route names on the resource, whatever the request does with it: one word after the resource's id that
 * names a like, a bookmark, a follow, a star, a subscription (`/api/posts/:postId/like`, `/likes/me`), or a list of the
 * caller's own under /me keyed by the resource's id (meMarkOf, given where the caller worked it out already). Its name
 * is the word's (Like, Bookmark, Follow). A signed-in PUT or DELETE of it is the caller's own mark (the facts' ownMark,
 * derived once in derive-facts; TRIAL11 Y8, Y20): a row of its own keyed by (caller, record), not a field of the record:
 * setting it is an upsert, two members at once both count, a repeat changes nothing, and removing one the caller does
 * not have is answered as a success (a toggle's second click).
 */
export function routeMarkOf(route: string, resource: Names, listed = meMarkOf(route)): OwnMark | undefined {
  if (listed && listed.param === `${resource.camel}Id`) return { names: listed.mark, label: `me/${listed.word}` };
  const segments = route.split("/").filter(Boolean);
  const at = segments.findIndex((s) => /^(?::|\{)/.test(s) && namesOf(s.replace(/^:|^\{|\}$/g, "")).camel === `${resource.camel}Id`);
  const rest = at < 0 || at !== segments.length - (segments[segments.length - 1] === "me" ? 3 : 2) ? [] : segments.slice(at + 1);
  const word = rest[0];
  if (!word || !MARK_WORD.test(word) || (rest.length === 2 && rest[1] !== "me")) return undefined;
  const stem = word.replace(/^(follow|subscrib|watch)(?:es|ers|s)$/i, "$1").replace(/^subscrib$/i, "subscription");
  return { names: namesOf(/s$/i.test(stem) ? singularOf(stem) : stem), label: rest.length === 2 ? rest.join("/") : `/${word}` };
}

/** A mark the caller keeps to itself: whom it blocked or muted is no one else's to see or count. */
export const privateMark = (mark: Names): boolean => /^(?:Block|Mute)$/.test(mark.pascal);

/**
 * A report of the resource to its moderators (`POST /api/posts/:postId/reports` "Report an abusive post"): a new
 * Report, Flag or Complaint under the record, whose words say abuse, spam, harassment or another breach of the rules.
 * A usage report of a project (`/projects/:projectId/reports`) is none: its words say no such thing.
 */
export function contentReportOf(child: Names, words: string): boolean {
  return /^(?:Report|Flag|AbuseReport|ContentReport|Complaint)$/.test(child.pascal) && /\b(?:abus\w*|spam\w*|inappropriate|offensive|harass\w*|hate|hateful|violat\w*|moderat\w*|flag(?:s|ged|ging)?|report(?:s|ed|ing)? (?:a|an|the) (?:post|comment|message|review|user|listing|profile|photo|video))\b/i.test(words);
}

/**
 * A DELETE of one item inside the resource (`DELETE /api/teams/:teamId/members/:memberId --resource Team`):
 * the route names an id after the resource's own, so the request removes that item from the loaded
 * resource and saves it; the resource itself stays. The item's name, from its parameter (Member).
 */
export function removedItemOf(f: UseCaseFacts): RemovedItem | undefined {
  if (f.flow !== "delete" || !f.resource || f.routeParams.length < 1) return undefined;
  const mark = f.ownMark;
  if (mark) return { ...mark, mine: true, mark: true };
  const own = f.routeParams.findIndex((p) => p === `${f.resource!.camel}Id` || p === "id");
  const param = f.routeParams[own < 0 ? 1 : own + 1];
  // A key names a setting of the collection before it (`/flags/:flagKey`: a Flag), not a thing called FlagKey (TRIAL11 Y5).
  const before = param !== undefined && KEY_PARAM.test(param) ? /\/([a-z][a-z-]*s)\/(?::|\{)[^/]+\/?$/i.exec(f.route)?.[1] : undefined;
  if (param !== undefined) return { names: namesOf(before ? singularOf(before) : param.replace(/Id$/, "") || param), param, label: `:${param}` };
  // After the resource's id the route goes on without a parameter: the caller's own item of a collection
  // (`/api/teams/:teamId/members/me`: the caller's membership), or one part of the resource
  // (`/api/meetings/:meetingId/recording`): that is removed, the resource stays (REVIEW3 Q32).
  const segments = f.route.split("/").filter(Boolean);
  const at = segments.findIndex((s) => /^(?::|\{)/.test(s) && namesOf(s.replace(/^:|^\{|\}$/g, "")).camel === f.routeParams[own < 0 ? 0 : own]);
  const rest = at < 0 ? [] : segments.slice(at + 1);
  if (rest.length === 2 && /^(?:me|mine|self)$/.test(rest[1]!) && /^[a-z][a-z-]*s$/i.test(rest[0]!)) return { names: namesOf(singularOf(rest[0]!)), label: rest[1]!, mine: true };
  if (rest.length === 1 && /^[a-z][a-z-]*$/i.test(rest[0]!)) return { names: namesOf(rest[0]!), label: `/${rest[0]}` };
  return undefined;
}

/**
 * What a DELETE that loads no resource deletes (REVIEW3 Q1): the caller itself only for `/me` (`DELETE
 * /api/me`); the caller's items of a collection under /me (`/api/me/sessions`: every Session of the
 * caller, never the caller); the credential's own session for a sign-out route (`/api/auth/session`,
 * `/logout`); anything else is for the plan to say. Undefined where a resource is loaded or it is not a DELETE.
 */
export function deletesOf(f: Pick<UseCaseFacts, "flow" | "resource" | "route" | "bulkDelete">): { kind: "caller" } | { kind: "own-items"; names: Names } | { kind: "own-session" } | { kind: "unknown" } | undefined {
  // A bulk delete names its records by id: bulkDeleteOf's, never the caller or the caller's whole collection.
  if (f.flow !== "delete" || f.resource || f.bulkDelete) return undefined;
  const collection = /\/me\/([a-z][a-z-]*s)(?:\/|$)/i.exec(f.route);
  if (collection) return { kind: "own-items", names: namesOf(singularOf(collection[1]!)) };
  if (isSelfRoute(f.route)) return { kind: "caller" };
  if (/\/(?:sessions?|sign-?out|log-?out|logoff)\/?$/i.test(f.route)) return { kind: "own-session" };
  return { kind: "unknown" };
}

/**
 * A new item under the resource that the resource's own state or totals must allow (REVIEW3 Q3): the
 * answers name a domain error or a transition for it (`RefundExceedsCaptured:422`, a seat count, a
 * "one per" rule). Two concurrent requests each pass a check made on a read-only copy, so the check and
 * the add must hold the resource (a lock, or a conditional update): they conflict by design.
 */
export const childCheckedAgainstParentOf = (f: Pick<UseCaseFacts, "child" | "errors" | "transitions" | "inputs" | "resource" | "route">): boolean =>
  f.child !== undefined && !checkInOf(f) && (parentRefusalsOf(f).length > 0 || f.transitions.length > 0);

/**
 * A check-in at the door (`POST /api/events/:eventId/check-ins`, TicketCode): what checks in once is the item the
 * request names (the ticket), not the resource's totals. Its guard is one CheckIn per item (a unique key, or the item's
 * own mark set by one conditional update where it is not set yet), so two scans of one ticket add one; the resource is
 * only read, never held, so a busy door's scans never wait on each other (LEAD20 C1: every check-in locked the Event,
 * with "a table booked twice" as its threat). The item: the body's key input (TicketCode: ticket), else "ticket";
 * the refusal: the answers' 409, where they give one.
 */
export function checkInOf(f: Pick<UseCaseFacts, "child" | "errors" | "inputs" | "route">): { item: string; refusal: string } | undefined {
  if (!f.child || !/^Check-?Ins?$/i.test(f.child.pascal)) return undefined;
  const key = f.inputs.find((i) => i.location === "body" && /(?:Code|Id|Number|Token)$/.test(i.names.pascal));
  const item = key ? key.names.pascal.replace(/(?:Code|Id|Number|Token)$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() : "";
  const taken = f.errors.find((e) => e.status === 409);
  return { item: item || "ticket", refusal: taken ? `409 ${taken.name}` : "409" };
}

/**
 * The answers' errors the resource's check of a new item gives: none of the request's inputs, none about who the
 * caller is (401, 403: "the caller has not bought the product") and none of a record not found (404: "no such
 * clinician is registered"), which a second request at once never turns into (TRIAL18A D1: two reviews at once were
 * "answered 403 NotAPurchaser"; D4: a share held its MedicalRecord for ClinicianNotFound); what the resource holds is
 * 409, 422 or 410.
 */
export const parentRefusalsOf = (f: Pick<UseCaseFacts, "errors" | "inputs" | "resource">): ErrorInput[] =>
  f.errors.filter((e) => e.status !== 401 && e.status !== 403 && e.status !== 404 && !inputErrorsOf(f).includes(e) && !NAMED_NOT_MEMBER.test(e.when ?? "") && !SELF_OR_MISSING(e));

/**
 * A check of who the caller is against whom the request names ("the recipient is the sender", CannotMessageSelf), or of
 * another record that is missing at 422 ("an attachment is not one the sender uploaded", AttachmentNotFound): neither
 * reads what the resource holds, and no second request at once turns either true, so neither holds the resource (TRIAL21
 * H1: a direct message locked its recipient's Member FOR UPDATE, the second of two "answering 422 CannotMessageSelf").
 */
const SELF_OR_MISSING = (e: ErrorInput): boolean =>
  /(?:^|[a-z])Self(?:[A-Z]|$)|NotFound$/.test(e.name) || /\b(?:is|are) the (?:sender|caller|requester|same (?:person|member|user|account))\b|\b(?:themselves|themself|yourself|oneself)\b/i.test(e.when ?? "");

/**
 * A person the request names who is not a member ("a mentioned person is not a member of the workspace"): a check of
 * who they are, which a second request at once never breaks, not of what the resource holds (TRIAL19C F25: a comment
 * held its Document FOR UPDATE for MentionNotMember, with "a table booked twice" as its threat).
 */
const NAMED_NOT_MEMBER = /\b(?:person|people|user|users|someone|mentioned|invitee|assignee|recipient)\b[^.;]{0,40}\b(?:is|are) not (?:a |an )?(?:member|participant|collaborator)s? of\b/i;

/**
 * What an anonymous caller joins with a code it holds (REVIEW: "Join meeting with code"): the use-case's name or route
 * says join, and the request carries a secret (JoinCode, a link's token) or an enumerated key. The caller has no
 * account, so the request creates what it becomes: a guest participant of what it joins and a guest session scoped to
 * it. What it joins: the resource, else the name's object (Join meeting: Meeting), else the route's collection.
 */
export function guestJoinOf(f: UseCaseFacts, useCase: string): Names | undefined {
  if (f.auth !== "anonymous" || f.method !== "POST" || f.signature || f.credentials || f.oauthCallback || f.tokenRefresh || (f.flow !== "change" && f.flow !== "create")) return undefined;
  if (!/(?:^|[^a-z])join(?:s|ing)?(?![a-z])/i.test(`${useCase} ${f.route}`)) return undefined;
  // Joining a waitlist adds an entry for an address, to be told when a place frees: the visitor attends nothing yet and
  // gets no guest session (TRIAL18B E9).
  if (/wait-?list|waiting[- ]list/i.test(`${useCase} ${f.route}`)) return undefined;
  if (!(f.secretLink === "redeem" || f.enumeration || f.inputs.some((i) => carriesSecret(i.names.camel)))) return undefined;
  const named = /\bjoin\s+(?:an?\s+|the\s+)?([a-z]+)/i.exec(useCase)?.[1];
  const collection = /\/([a-z][a-z-]*s)\/(?:[^/]+\/)?join(?:\/|$)/i.exec(f.route)?.[1];
  const joined = f.resource ?? namesOf(named ?? (collection ? singularOf(collection) : "Session"));
  // Something a guest attends: joining a team or an organisation by its invite makes a member, a decision the plan asks about.
  return ATTENDED.test(joined.camel) || ATTENDED.test(named ?? "") ? joined : undefined;
}

const ATTENDED = /^(?:meeting|call|room|session|event|webinar|class|lesson|conference|lobby|game|chat|stream|huddle|space)s?$/i;
