/**
 * Who may reach what: the relation given or assumed, a role beside a relation, the caller's own resource, the key
 * a lookup finds by, what must not leak whether it exists, a change of roles, a grant of access to another person.
 */
import type { Flow } from "../../../lib/packs/pack.js";
import { type Names, namesOf } from "../names.js";
import type { PlanInput } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";
import { listAnswerOf } from "./reads.js";
import { deliveryIdOf } from "./webhooks.js";

/**
 * "none" (or "no"), typed at the relation prompt or given as --relation: the caller needs no relation to the resource
 * (the role alone grants access, or any signed-in caller may), said explicitly (TRIAL5 U1): a relation named "none"
 * made "a Ticket it is a none of" and a port findForNone.
 */
export const saysNoRelation = (relation: string | undefined): boolean => relation !== undefined && /^(?:none|no)$/i.test(relation.trim());

/** The relation the answers give, "" where they give none or say none. */
export const relationGivenOf = (input: Pick<PlanInput, "relation">): string => (saysNoRelation(input.relation) ? "" : (input.relation ?? ""));

/**
 * Why the plan holds a relation no answer gave (TRIAL5), or undefined where the answers gave one: a request or an
 * invitation is answered by its recipient; a record others act on (a like, a report, a comment) by anyone who may see
 * it; anything else by the relation the plan takes (the owner). The plan's requirement says which, and its open
 * question asks about that one (pack-facts' {relationBasis}, catalog's answers-relation-assumed): one choice, both read it.
 */
export type AssumedRelation = "recipient" | "viewer" | "taken";
export const assumedRelationOf = (f: Pick<UseCaseFacts, "relationAssumed" | "answersRequest" | "onOthers">): AssumedRelation | undefined =>
  !f.relationAssumed ? undefined : f.answersRequest ? "recipient" : f.onOthers ? "viewer" : "taken";

/** With --auth roles and a --relation, either grants access (MODEL.md): the role reaches any resource, the relation only its own. */
export const roleOrRelationOf = (f: UseCaseFacts): boolean => f.access === "relation" && f.auth === "roles";

/**
 * A relation that names a role some members of the resource hold, not membership itself (`team-admin`, `admin`,
 * `billing-admin`, `editor`, `moderator`): the resource's other members already see it, so a 404 hides nothing from
 * them; they get 403, and 404 stays for a caller who is not a member at all (TRIAL9 W8: "Archive a project" by a
 * team admin, whose criterion expects 403 for a member who is not one). Only with --auth authenticated: with roles a
 * role reaches any resource beside the relation (access-role-or-relation), and a list is filtered, never refused.
 * An owner, a host, an author or an assignee is one person's tie to the record, not a role among members.
 */
export const MEMBER_ROLE = /(?:^|[-_\s])(?:admin|administrator|manager|editor|moderator|maintainer|lead)$/i;
export const memberRoleOf = (f: Pick<UseCaseFacts, "access" | "auth" | "relation" | "identifiesOne" | "relationForbidsMembers"> & Partial<Pick<UseCaseFacts, "resource">>): boolean =>
  f.access === "relation" && f.auth === "authenticated" && f.identifiesOne && !lineManagerOf(f) && (MEMBER_ROLE.test(f.relation?.trim() ?? "") || f.relationForbidsMembers === true);

/**
 * The manager of a person's own request or report (a LeaveRequest, an ExpenseReport, a Timesheet) is the line manager
 * of the person who made it: such a record has no members, and who may act on it is found through its requester, who
 * reports to the caller (TRIAL18A D10: "scoped to the caller's membership of it" was false for Approve leave request).
 */
export const lineManagerOf = (f: Partial<Pick<UseCaseFacts, "relation" | "resource">>): boolean =>
  /^(?:line[-_ ]?)?manager$|^supervisor$/i.test(f.relation?.trim() ?? "") && /(?:Request|Report|Claim|Timesheet|Submission)$/.test(f.resource?.pascal ?? "");

/**
 * Whether a criterion expects 403 for a caller who is not the resource's `relation` ("Given I am an admin but not the
 * owner, when I transfer ownership, then 403"): such a caller sees the resource, so the plan answers it 403 and keeps
 * 404 for one who is not a member at all, instead of a 404 for everyone that the criterion would fail on (TRIAL10 X7).
 */
export function relationForbidsMembersOf(relation: string | undefined, criteria: readonly string[]): boolean {
  if (!relation) return false;
  const rel = relation.trim().replace(/[-_]/g, " ").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const notRelated = new RegExp(`\\bnot (?:the|an?|its|their) ${rel}\\b`, "i");
  return criteria.some((c) => notRelated.test(c) && /\b403\b|forbidden/i.test(c));
}

/**
 * Whether the use-case hands ownership of the resource to another person: its words say "transfer ownership" or an
 * "ownership transfer", or a signed-in change names the new owner (NewOwnerId). The caller gives up its own role and
 * grants one it alone holds: a privilege change of two people, planned by capability-ownership-transfer (TRIAL10 X6).
 */
export const ownershipTransferOf = (words: string, inputNames: readonly string[]): boolean =>
  /\btransfer(?:s|ring)?[- ](?:the |its |my )?ownership\b|\bownership[- ]transfer|\bhand(?:s|ing)? over (?:the |its |my )?ownership\b/i.test(words) || inputNames.some((n) => /^newOwner(?:User)?Id$/.test(n));

/**
 * What the use-case's words say the previous owner of a transferred resource becomes ("the old owner stays a member",
 * "the previous owner becomes an admin", "the former owner loses access"): a role ("member", "admin"), or "none" where
 * it leaves; undefined where they say nothing, so the plan asks (fix15b).
 */
export function previousOwnerKeepsOf(words: string): string | undefined {
  const owner = /\b(?:old|previous|former|outgoing|current|prior) owner\b/i.exec(words);
  if (!owner) return undefined;
  const after = words.slice(owner.index + owner[0].length, owner.index + owner[0].length + 80).split(/[.;]/)[0] ?? "";
  if (/^\s*(?:loses (?:all )?(?:access|membership)|is removed|leaves|is no longer (?:a )?member|no longer has access)/i.test(after)) return "none";
  const role = /^\s*(?:stays|remains|becomes|is demoted to|is made|continues as|keeps being|is kept as)\s+(?:a |an |the )?([a-z][a-z-]*)/i.exec(after);
  return role ? role[1]!.toLowerCase() : undefined;
}

/**
 * The caller's one resource under /me that the request never names (`POST /api/me/avatar`): found by
 * the credential's identity alone, so nothing about an id outside the caller's scope applies.
 * A read of it too (`GET /api/me/profile` for a Profile): one record, not a list (listAnswerOf).
 */
export const ownOneOf = (f: UseCaseFacts): boolean => f.self && f.resource !== undefined && !f.identifiesOne && listAnswerOf(f) === undefined;

/** A container the caller fills, which comes into being with its first item: a shopping cart, a wishlist. */
const CONTAINER = /(?:Cart|Basket|Bag|Wish-?[Ll]ist|Watch-?[Ll]ist|Shortlist|Favou?rites)$/;

/**
 * Whether a POST adds to the caller's own container under /me (`POST /api/me/cart/items` of a Cart), which the
 * first add creates (TRIAL17B B3): a customer's first item has no Cart to find, and a 404 there breaks the use-case.
 * One per account, so two concurrent first adds make one. A profile or an avatar exists with the account, or is set
 * whole by a PUT, and keeps its 404.
 */
export const ownOneCreatedOf = (f: UseCaseFacts): boolean => ownOneOf(f) && f.flow === "change" && f.method === "POST" && CONTAINER.test(f.resource?.pascal ?? "") && addsToContainer(f);

/**
 * What the route names after the container when the request acts on the whole of it: a checkout, an order from it, a
 * coupon on it, a gift card or store credit paying part of it (TRIAL18B E2: it adds no item, so it creates no cart).
 */
const WHOLE_CONTAINER_ACTION = /^(?:check-?outs?|orders?|purchases?|payments?|pay|submit|submissions?|clear|empty|emptying|share|shares|coupons?|discounts?|promo(?:-codes?)?|vouchers?|gift-?cards?|gift-?certificates?|store-?credits?|redemptions?|merge|restore)$/i;

/**
 * Whether the POST adds an item to the container (`/api/me/cart/items`, `/api/me/wishlist`, `/api/me/favourites/:product`),
 * not acts on the whole of it (`/api/me/cart/checkout`, TRIAL17C C1): checking a cart out consumes it, and a caller
 * with none has nothing to check out, so no Cart is created for it and no race of two first adds is planned.
 */
function addsToContainer(f: UseCaseFacts): boolean {
  const segments = f.route.split("/").filter(Boolean);
  const at = segments.findIndex((s) => s.replace(/-/g, "").toLowerCase() === f.resource!.pascal.toLowerCase());
  const next = at >= 0 ? segments[at + 1] : undefined;
  return next === undefined || next.startsWith(":") || !WHOLE_CONTAINER_ACTION.test(next);
}

/**
 * The input a public lookup finds the resource by: where there is an enumeration
 * target, the input named like it (`inviteCode` for "invite code"), else the first
 * route parameter; without one, the route's parameter when none of them is an id
 * (`/api/meetings/join/:joinSecret` finds by `joinSecret`); `id` otherwise. So
 * pseudo-code names what is really looked up.
 */
export function lookupKeyOf(f: UseCaseFacts): string {
  if (!f.enumeration) {
    const isId = (p: string): boolean => p === "id" || /Id$/.test(p);
    // A signed delivery names no route parameter: the record it is about is found by the sender's id for it (PaymentIntentId), never by the event's (TRIAL4 V5).
    const sent = f.signature && !f.routeParams.length ? f.inputs.find((i) => i.location !== "header" && /Id$/.test(i.names.camel) && i.names.camel !== deliveryIdOf(f)?.camel) : undefined;
    if (sent) return sent.names.camel;
    return f.routeParams.length && !f.routeParams.some(isId) ? f.routeParams[f.routeParams.length - 1]! : "id";
  }
  const wanted = namesOf(f.enumeration).camel;
  if (f.inputs.some((i) => i.names.camel === wanted) || f.routeParams.includes(wanted)) return wanted;
  return f.routeParams[0] ?? "id";
}

/**
 * Whether the answer must not tell the caller what its request did to someone else (a message sent to
 * an address, or held back past the per-recipient cap): where an enumeration hides whether the address
 * is known, and for an anonymous caller, who may not own the address. A signed-in sender (an admin
 * inviting someone) is told: silence there makes the product lie.
 */
export const hidesOutcomeOf = (f: Pick<UseCaseFacts, "enumeration" | "access">): boolean => f.enumeration !== undefined || f.access === "anonymous";

/**
 * A read that answers the very record its enumerated key names (REVIEW3 Q45: `GET /api/users/lookup?email=`
 * answering userId, displayName): the answer reveals whether it exists by design, so "never reveal" is
 * false there; discovery is limited instead (capability of enumeration-discovery).
 */
export const discoveryOf = (f: Pick<UseCaseFacts, "enumeration" | "flow" | "response" | "resource">): boolean => f.enumeration !== undefined && f.flow === "query" && f.resource === undefined && f.response.length > 0;

/** The capability of a change to who may do what (a user's role, a member's permissions); privilegeChangeOf also infers it. */
export const PRIVILEGE_CHANGE = "privilege-change";

/**
 * Whether the use-case changes a user's roles or permissions: `--capability privilege-change`, or a
 * signed-in change or delete of an existing record with an input named for a role or permission (Role,
 * NewRole, MemberRole, Permissions) or a route that ends in one (`/api/admin/users/:userId/role`,
 * `/api/teams/:teamId/members/:memberId/roles/:role`). Such an endpoint takes power away as well as
 * handing it out: lock-out, self-escalation and stale tokens are its own risks. A create that gives
 * a new member a role (an invitation) removes nobody's, so it is not inferred there.
 */
export function privilegeChangeOf(input: Pick<PlanInput, "auth" | "capabilities">, flow: Flow, route: string, inputNames: readonly string[]): boolean {
  if (input.capabilities.includes(PRIVILEGE_CHANGE)) return true;
  if (input.auth === "anonymous" || (flow !== "change" && flow !== "delete")) return false;
  // A role or permission of whom: a user's, a member's, a new one; not a notification's or a cookie's permission.
  const roleWord = /^(?:new|member|user|account|team|org|organi[sz]ation|global)?(?:[rR]oles?|[pP]ermissions?)$/;
  return inputNames.some((n) => roleWord.test(n)) || /\/(?:roles?|permissions?)(?:\/(?::[^/]+|\{[^/}]+\}))?\/?$/.test(route);
}

// What is created must be a grant: a share, an invitation, a membership (TRIAL10 X12). A message to the user the
// route names, or an applicant's own address on a job application, gives no one access to anything; and the
// route's own id (`/users/:userId/messages`) is the resource, never a grantee.
const GRANT_RECORD = /share|invit|member|collaborat|grant|access|permission|seat|delegat|guest|participant|attendee/i;
const PERSON = /^(?:e-?mail|(?:recipient|member|user)(?:E-?mail|Id))$/i;
const GRANTEE = /^(?:invitee|grantee|collaborator)(?:E-?mail|Id)$/i;

/**
 * A create under a resource that gives another person access to it: the request names the grantee by an
 * email or a user id (`POST /api/documents/:documentId/shares` with `Email`, an invitation to a team). Two
 * shares to the same person are one grant (a unique constraint, not "never conflict"), and whether the
 * address has an account must not show in the answer (REVIEW3 Q10).
 */
/**
 * A grant of access that ends by itself (a Share of the caller's medical record for 7 days, expired by a job): access
 * is decided at every read by the grant's own expiry and revocation, never by whether the job has run yet (TRIAL18A
 * D16). A create of a grant record (Share, Grant, Delegation, Access) whose job expires it, whose answer holds its
 * expiry, or whose words give it a time.
 */
export const expiringGrantOf = (f: Pick<UseCaseFacts, "flow" | "child" | "auth" | "scheduledCommand" | "response" | "summary">): boolean =>
  f.flow === "create" && f.auth !== "anonymous" && f.child !== undefined && /share|grant|delegat|access|permission/i.test(f.child.pascal) &&
  (/^(?:Expire|Revoke|End)/.test(f.scheduledCommand?.pascal ?? "") || f.response.some((r) => r.camel === "expiresAt") || /\bfor (?:\d+|one|two|seven|thirty) (?:minutes?|hours?|days?|weeks?|months?)\b|\bexpir/i.test(f.summary ?? ""));

export const grantOf = (f: Pick<UseCaseFacts, "child" | "childMine" | "inputs">): boolean =>
  f.child !== undefined && !f.childMine && f.inputs.some((i) => i.location !== "path" && (GRANTEE.test(i.names.camel) || (GRANT_RECORD.test(f.child!.pascal) && PERSON.test(i.names.camel))));


/** A resource that is a person's account: what a staff role resets, locks, deletes or edits on someone's behalf. */
const ACCOUNT_RESOURCE = /^(?:user|account|member|customer|employee|person|profile|staff|agent|admin|administrator|operator)s?$/i;

/**
 * Whether a role acts on another person's account (TRIAL11 Y19: a support agent resets a user's second factor): a
 * signed-in change or delete by a role whose resource is an account, not the caller's own (a create under it, a note or
 * a data export, takes nothing over). A target holding the same or a higher
 * role (an administrator, a fellow agent) is the account-takeover path of a misused or socially engineered staff
 * account, so it is refused, and one agent's unusual count of such actions is watched. Impersonation and a change of
 * roles have their own packs with their own ceilings.
 */
export const staffOnAccountOf = (f: Pick<UseCaseFacts, "auth" | "flow" | "self" | "resource" | "capabilities">): boolean =>
  f.auth === "roles" && (f.flow === "change" || f.flow === "delete") && !f.self && f.resource !== undefined && ACCOUNT_RESOURCE.test(f.resource.pascal) && !f.capabilities.includes("impersonation") && !f.capabilities.includes("privilege-change");

/** A customer's record (a CRM's or a shop's Customer): a person the business serves, holding none of its staff roles. */
const CUSTOMER_RESOURCE = /^customers?$/i;

/**
 * Whether the account a role acts on may itself hold a staff role (TRIAL12 Z13): a User, Member or Agent may be an
 * administrator or a fellow agent, so one of equal or higher privilege is refused; a Customer holds none (merging two
 * duplicate customer records is no step to taking an administrator's account over), so only the volume is watched.
 */
export const staffRoleTargetOf = (f: Pick<UseCaseFacts, "auth" | "flow" | "self" | "resource" | "capabilities">): boolean =>
  staffOnAccountOf(f) && !CUSTOMER_RESOURCE.test(f.resource!.pascal);

/**
 * Records people are members of, each with its own members and their roles (a Team, a Project, a shared Document):
 * a role among members is held there. Any other record (an Article, a WebhookEndpoint) belongs to one of them, and
 * its editor or admin is a role held in that one (LEAD19 L7).
 */
const HAS_MEMBERS = /(?:Team|Organi[sz]ation|Org|Workspace|Project|Document|Doc|Group|Channel|Board|Repository|Repo|Server|Community|Forum|Household|Company|Account|Tenant|Space|Folder|Drive|Calendar|Conversation|Chat|Room|Course|Class|Classroom|Club|Guild|Family|Site|Store|Shop|Publication|Blog|Wiki|Notebook|Department|Unit|Circle|Network|Studio|Agency|Clinic|School)$/;

/** A membership, or a role a group gives among its members on all of its records: a teacher of a Course (LEAD21 G1). */
const SCOPE_ROLE = /^(?:member|teacher|instructor|tutor|lecturer|coach|trainer)s?$/i;

/**
 * A plain member relation on a record that has no members of its own (`--relation member` on a Task under
 * /boards/:boardId): the caller is a member of what holds it, never "a member of the Task" (LEAD20 R1). A teacher of
 * a Course is one of it the same way, where the route names what holds the record (`--relation teacher` on a
 * Submission under /courses/:courseId): "a teacher of the Submission" was false, and a student, a member of the Course
 * too, does not see another's Submission, so no member-role 403 is true there (LEAD21 G1).
 */
export const memberOfScopeOf = (f: Pick<UseCaseFacts, "relation" | "resource" | "access" | "auth" | "routeParams">): boolean => {
  const relation = f.relation?.trim() ?? "";
  if (f.access !== "relation" || f.auth !== "authenticated" || f.resource === undefined || !SCOPE_ROLE.test(relation) || HAS_MEMBERS.test(f.resource.pascal)) return false;
  return /^members?$/i.test(relation) || f.routeParams.length >= 2;
};

/** memberOfScopeOf's relation in words: a "member" and their "membership", or a "teacher" and their "role as teacher". */
export function scopeTieOf(relation: string): { role: string; tie: string } {
  const role = relation.trim().toLowerCase().replace(/s$/, "");
  return role === "member" ? { role, tie: "membership" } : { role, tie: `role as ${role}` };
}

/** "a workspace admin", "the organisation's owner": a role the words hold in a record that has members. */
const ROLE_IN_SCOPE = /\b(workspace|organi[sz]ation|org|team|project|group|channel|board|company|tenant|store|shop|school|course|class|club|community|forum)(?:'s)?[ -](?:admin|administrator|owner|manager|editor|moderator|maintainer|lead)s?\b/i;

/**
 * The record the words hold a bare role in (`--relation admin`) where it is not the resource ("A workspace admin deletes
 * a project": the Workspace, LEAD21 X1), else undefined: "an admin of the Project" was false there.
 */
export function roleScopeNamedOf(resource: Names, words: string, relation = ""): Names | undefined {
  // A relation that names its own scope (team-admin) keeps it: the words only place a bare role (admin, editor).
  if (!/^(?:admin|administrator|owner|manager|editor|moderator|maintainer|lead)$/i.test(relation.trim())) return undefined;
  const m = ROLE_IN_SCOPE.exec(words);
  if (!m) return undefined;
  const named = namesOf(m[1]!.toLowerCase() === "org" ? "organization" : m[1]!);
  return sameRecordName(named.pascal, resource.pascal) ? undefined : named;
}

/** Whether two names are of one record, whatever the spelling: Organisation and Organization. */
const sameRecordName = (a: string, b: string): boolean => a.toLowerCase().replace(/s/g, "z") === b.toLowerCase().replace(/s/g, "z");

/**
 * Where a member role of the resource is held, for the member-role pack's words: the resource itself where it has
 * members; else the record the route names it under (`/organizations/:organizationId/webhooks/:webhookId`: the
 * Organization); else what it belongs to. `ref` is how the requirement names it after "membership of", `tail` what
 * follows "a caller who is not a member".
 */
export function memberScopeOf(resource: Names, parentParams: readonly string[], words = "", relation = ""): { scope: string; ref: string; tail: string } {
  const named = roleScopeNamedOf(resource, words, relation);
  if (named) {
    // The route's own spelling where the route names it (/organizations/:organizationId for "an organisation admin").
    const underIt = parentParams.map((p) => namesOf(p.replace(/Id$/, "")).pascal).find((p) => sameRecordName(p, named.pascal));
    const scope = underIt ? `the ${underIt} the route names` : `the ${named.pascal} the ${resource.pascal} belongs to`;
    return { scope, ref: scope, tail: ` of ${scope}` };
  }
  if (HAS_MEMBERS.test(resource.pascal)) return { scope: `the ${resource.pascal}`, ref: "it", tail: "" };
  const parent = parentParams[parentParams.length - 1];
  const scope = parent ? `the ${namesOf(parent.replace(/Id$/, "")).pascal} the route names` : `what the ${resource.pascal} belongs to (its workspace, team or organisation)`;
  return { scope, ref: scope, tail: ` of ${scope}` };
}
