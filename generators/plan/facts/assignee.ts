/**
 * The person a record is assigned to (LEAD18 L3): `PUT /api/tickets/:ticketId/assignee` with AgentId, a reviewer or an
 * approver named by id. A person, not a record the caller may reach or not: who may be assigned is an active account of
 * the record's organisation (or team) holding the role that does the work. A new owner (NewOwnerId: an ownership
 * transfer) and the people a text mentions (MentionedUserIds) have packs of their own.
 */
import type { Names } from "../names.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** An input that names the person assigned: AssigneeId, AgentId, ReviewerId, ApproverId, DelegateId, AssignedToId, AssignedUserId. */
const ASSIGNEE = /^(?:assignee|agent|reviewer|approver|delegate|assigned(?:To|User|Agent|Member)?|responsible)(?:User|Member|Account|Person)?Id$/;
/** A route that assigns (`/assignee`, `/assign`, `/reviewers`), where a plain person's id (UserId, MemberId) is the one assigned. */
const ASSIGNING_ROUTE = /\/(?:assignees?|assign|assignments?|reviewers?|approvers?|delegates?)\/?$/i;
const PERSON = /^(?:user|member|account|person)Id$/;

/**
 * A DELETE of the one person a record is assigned to (`DELETE /api/tickets/:ticketId/assignee`, "Unassign a ticket"): the
 * record's assignee cleared, nothing deleted, so nothing soft or hard to ask about; a record with no assignee is a repeat,
 * answered as the first, never a 404 (LEAD18, a use-case of L3's family).
 */
export const unassignsOf = (f: Pick<UseCaseFacts, "flow" | "auth" | "resource" | "route">): boolean =>
  f.flow === "delete" && f.auth !== "anonymous" && f.resource !== undefined && /\/(?::[^/]+|\{[^/}]+\})\/(?:assignee|assignment|reviewer|approver|delegate)\/?$/i.test(f.route);

/** The input naming the person a signed-in write assigns the resource to, in the body or the query (never the route's id). */
export function assigneeOf(f: Pick<UseCaseFacts, "auth" | "flow" | "route" | "inputs" | "ownershipTransfer">): Names | undefined {
  if (f.auth === "anonymous" || (f.flow !== "change" && f.flow !== "create") || f.ownershipTransfer) return undefined;
  const named = (i: UseCaseFacts["inputs"][number]): boolean => i.location !== "path" && i.location !== "header" && (ASSIGNEE.test(i.names.camel) || (ASSIGNING_ROUTE.test(f.route) && PERSON.test(i.names.camel)));
  return f.inputs.find(named)?.names;
}

/**
 * The answers' own refusal of a person outside the record's team (AgentNotInTeam:422, "the agent is not a member of the
 * ticket's team"): the organisation still bounds the lookup (404 outside it, like an unknown id), and within it the team
 * is the answers' check, answered as they say, never the 404 (TRIAL21 H11: "organisation (or team) ... answers 404"
 * beside 422 AgentNotInTeam).
 */
export const teamRefusalOf = (f: Pick<UseCaseFacts, "errors">): UseCaseFacts["errors"][number] | undefined =>
  f.errors.find((e) => e.status >= 400 && e.status < 500 && e.status !== 404 && (/NotIn(?:[A-Z][a-z]+)?Team|NotTeamMember|OutsideTeam/.test(e.name) || /\bnot (?:a member of|in|part of|on) (?:the |its |their |that )?(?:[\w']+ )?team\b/i.test(e.when ?? "")));

/**
 * The person input of an assignment whose words say a reassignment replaces the current assignee ("reassigning replaces
 * the current assignee"): a request naming another person on a record already in the state it moves it to reassigns
 * it, the state unchanged, and only one naming the same person is a repeat (TRIAL21 H10: "a repeated request that finds
 * the Ticket already Assigned ... changes nothing" refused every reassignment).
 */
export function reassignsOf(f: Pick<UseCaseFacts, "auth" | "flow" | "route" | "inputs" | "ownershipTransfer" | "summary">): Names | undefined {
  return /\bre-?assign/i.test(f.summary ?? "") ? assigneeOf(f) : undefined;
}
