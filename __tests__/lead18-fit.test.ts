/**
 * Plans true for their use-case (session 18, lead18x; the lead's findings in LEAD18): each use-case is planned from its
 * flags, and its plan and code are checked for the statement that was missing or false, beside unlike use-cases for what
 * must stay. All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { planSchema } from "../generators/plan/schema.js";
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // L1. Marking all the caller's notifications as read changes all its own at once: no create (201, Location, a new
  // aggregate, an Idempotency-Key question), one set-based update scoped to the caller and bounded by what it saw,
  // idempotent, the badge moved with it; and it is no per-click toggle, so a write's default limit stands.
  "Mark all my notifications as read": {
    flags: ["--route", "/api/me/notifications/read-all"],
    must: [
      "| flow-change-all-own |",
      "in one set-based update whose condition holds the caller's id from the credential",
      "a Notification arriving meanwhile is left as it was",
      "A repeat changes nothing and answers as the first did (200",
      "an unread badge) is set in the same transaction as the update",
      "changeAllForCaller(callerId: string, upTo: string",
      "At most 10 requests per 1m per account",
      "then it answers 200",
    ],
    mustNot: ["saves the new aggregate", "answers 201", "Success headers: Location", "201 with Location", "Idempotency-Key header", "| flow-create |", "| create-retry |", "batch them (mark all as read)", "one click on a cheap, idempotent change", "findForCaller", "version conflict", "| flow-change |"],
  },
  // ... with no route given too: the route the name makes (/api/mark-all-my-messages-as-read, what the prompt offers)
  // names no record, and "my" in the name is the caller's own, as /me is.
  "Mark all my messages as read": {
    flags: [],
    must: ["| flow-change-all-own |", "changes all the caller's own Messages", "At most 10 requests per 1m per account"],
    mustNot: ["saves the new aggregate", "answers 201", "| flow-create |", "| create-retry |", "one click on a cheap, idempotent change", "| rate-limit-per-click |"],
  },
  // TRIAL18A D20: creating a personal access token (or an API key) needs a recent sign-in, as the other changes a stolen
  // session must not make alone do: a stolen session would mint itself a credential that outlives it.
  "Create my personal access token": {
    flags: ["--route", "/api/me/tokens", "--value-object", "Name:string(1..100)", "--response", "tokenId,token,expiresAt"],
    must: ["| recent-sign-in |", "Creating an API key or access token needs a recent authentication", "creating a key without a recent authentication answers 403 ReauthenticationRequired and issues nothing", "| ReauthenticationRequired | 403 |", "caller.authenticatedAt older than recentSignIn -> 403 ReauthenticationRequired, nothing issued"],
    mustNot: ["Adding or removing a passkey"],
  },
  // TRIAL18B E15: so does a change of the organisation's single sign-on ...
  "Change my organisation's single sign-on": {
    flags: ["--method", "PUT", "--route", "/api/organisations/:organisationId/sso", "--resource", "Organisation", "--relation", "owner", "--value-object", "OrganisationId:uuid@path", "--value-object", "MetadataUrl:url", "--capability", "external-call"],
    must: ["| recent-sign-in |", "Changing single sign-on needs a recent authentication", "| sso-config |", "caller.authenticatedAt older than recentSignIn -> 403 ReauthenticationRequired, nothing changed  // a stolen session alone lets no other identity provider in"],
    mustNot: ["Creating an API key"],
  },
  // ... but not a read of its settings, nor a rename of a key.
  "Read my organisation's single sign-on settings": {
    flags: ["--method", "GET", "--route", "/api/organisations/:organisationId/sso", "--resource", "Organisation", "--relation", "owner", "--value-object", "OrganisationId:uuid@path"],
    must: ["| flow-query |"],
    mustNot: ["| recent-sign-in |", "ReauthenticationRequired", "| sso-config |", "caller.authenticatedAt"],
  },
  "Rename my API key": {
    flags: ["--method", "PATCH", "--route", "/api/me/api-keys/:apiKeyId", "--resource", "ApiKey", "--value-object", "Name:string(1..100)"],
    must: ["| flow-change |"],
    mustNot: ["| recent-sign-in |", "ReauthenticationRequired"],
  },
  // Words read with \b that a backspace had replaced (source-control-characters.test.ts): a key rolled is a rotation ...
  "Roll my API key": {
    flags: ["--route", "/api/me/api-keys/:apiKeyId/roll", "--resource", "ApiKey", "--response", "apiKey"],
    must: ["| api-key-rotation |"],
    mustNot: [],
  },
  // ... and a chat message is read from the name alone, whatever the route.
  "Send a chat message": {
    flags: ["--route", "/api/messages", "--value-object", "Body:string(1..2000)"],
    must: ["At most 30 requests per 1m per account"],
    mustNot: ["At most 10 requests per 1m per account"],
  },
  // ... as is archiving all of them, by its route alone.
  "Archive all my read notifications": {
    flags: ["--route", "/api/me/notifications/archive-all"],
    must: ["| flow-change-all-own |", "changes all the caller's own Notifications"],
    mustNot: ["| flow-change |", "findForCaller"],
  },
  // ... while marking one notification as read stays a per-item change of the one its id names, a per-click limit.
  "Mark a notification as read": {
    flags: ["--route", "/api/me/notifications/:notificationId/read"],
    must: ["| flow-change |", "The handler loads the Notification the request names", "At most 60 requests per 1m per account", "one click on a cheap, idempotent change", "| rate-limit-per-click |"],
    mustNot: ["flow-change-all-own", "changeAllForCaller", "set-based update", "| read-position |"],
  },
  // ... and archiving all tasks of a project the route names is the project's, not the caller's own.
  "Archive all tasks of a project": {
    flags: ["--route", "/api/projects/:projectId/tasks/archive-all", "--resource", "Project", "--value-object", "ProjectId:uuid@path"],
    must: ["| flow-change |"],
    mustNot: ["flow-change-all-own", "changeAllForCaller"],
  },
  // L2. Revoking an API key is no delete of a record that holds things: nothing it holds to ask about, never restorable;
  // it stops authenticating at once, is kept marked revoked for the audit trail, a repeat changes nothing, its holder is told.
  "Revoke an API key": {
    flags: ["--method", "DELETE", "--route", "/api/me/api-keys/:apiKeyId", "--resource", "ApiKey", "--audit"],
    must: [
      "| credential-revoke |",
      "The revoked ApiKey stops authenticating at once: its next request is refused with 401 on every instance",
      "The ApiKey is kept, marked revoked (revokedAt, revokedBy), never deleted",
      "Revoking an ApiKey already revoked answers 204 again and changes nothing",
      "The ApiKey's holder is told of the revocation",
      "This use-case revokes one ApiKey",
      "target.revokedAt = now, target.revokedBy = callerId",
      "no version read: a concurrent use that records lastUsedAt never turns the revocation into a 409",
    ],
    mustNot: ["What becomes of what the ApiKey holds", "Is the deletion soft", "| flow-delete |", "| flow-delete-contents |", "the data can no longer be read", "This use-case deletes", "  delete target", "Deletes it"],
  },
  // ... as is a personal access token, and one sign-in session of the caller's.
  "Revoke a personal access token": {
    flags: ["--method", "DELETE", "--route", "/api/me/personal-access-tokens/:tokenId", "--resource", "PersonalAccessToken"],
    must: ["| credential-revoke |", "The PersonalAccessToken is kept, marked revoked"],
    mustNot: ["Is the deletion soft", "What becomes of what the PersonalAccessToken holds"],
  },
  "Sign out one of my sessions": {
    flags: ["--method", "DELETE", "--route", "/api/me/sessions/:sessionId"],
    must: ["| credential-revoke |", "The revoked Session stops authenticating at once"],
    mustNot: ["Is the deletion soft"],
  },
  // ... and a POST ending in /revoke revokes it the same way: no lost-update 409 from a use recording lastUsedAt.
  "Revoke my API key": {
    flags: ["--route", "/api/me/api-keys/:apiKeyId/revoke"],
    must: ["| credential-revoke |", "target.revokedAt = now, target.revokedBy = callerId", "no version read"],
    mustNot: ["| flow-change |", "Two concurrent changes overwrite each other", "fails on a version conflict", "version conflict -> 409"],
  },
  // ... while deleting a Project keeps its contents question, soft or hard, and the delete's own items; and a checkout
  // session is no credential.
  "Delete a project": {
    flags: ["--method", "DELETE", "--route", "/api/projects/:projectId", "--resource", "Project"],
    must: ["What becomes of what the Project holds", "Is the deletion soft", "| flow-delete |", "This use-case deletes one Project"],
    mustNot: ["credential-revoke", "revokedAt"],
  },
  "Delete a checkout session": {
    flags: ["--method", "DELETE", "--route", "/api/checkout-sessions/:sessionId", "--resource", "CheckoutSession"],
    must: ["| flow-delete |"],
    mustNot: ["credential-revoke", "revokedAt"],
  },
  // L3. The person a ticket is assigned to is a person, not a record that is published or withdrawn: one of the ticket's
  // organisation's people (404 outside, like an unknown id), eligible (active, with the role) or refused with 422; whether
  // the person is told, self-assignment and unassigning are asked.
  "Assign a ticket to a support agent": {
    flags: ["--auth", "roles", "--roles", "support", "--method", "PUT", "--route", "/api/tickets/:ticketId/assignee", "--resource", "Ticket", "--value-object", "AgentId:uuid@body", "--event", "TicketAssigned:ticketId,AgentId"],
    must: [
      "| assignee |",
      "The person AgentId names is looked up among the people of the Ticket's organisation",
      "one deactivated, suspended or without that role is refused with 422",
      "The Ticket is assigned to a person outside its organisation, who then sees its contents",
      "Is the person assigned told",
      "May a caller assign the Ticket to itself, and how is it unassigned",
      "agent = find the person agentId names among the people of the Ticket's organisation",
    ],
    mustNot: ["one not published or withdrawn) in AgentId", "Which records may AgentId name", "| referenced-records |"],
  },
  // ... as is a reviewer a pull request's route names by a member's id.
  "Request a review of a pull request": {
    flags: ["--route", "/api/pull-requests/:pullRequestId/reviewers", "--resource", "PullRequest", "--relation", "member", "--value-object", "PullRequestId:uuid@path", "--value-object", "UserId:uuid"],
    must: ["| assignee |", "The person UserId names is looked up among the people of the PullRequest's organisation"],
    mustNot: ["Which records may UserId name"],
  },
  // ... while a transfer of ownership keeps its own pack and its referenced-records lookup of NewOwnerId ...
  "Transfer ownership of a team": {
    flags: ["--route", "/api/teams/:teamId/owner", "--method", "PUT", "--resource", "Team", "--value-object", "TeamId:uuid@path", "--value-object", "NewOwnerId:uuid"],
    must: ["| capability-ownership-transfer |"],
    mustNot: ["| assignee |", "AssigneeNotEligible"],
  },
  // ... and a comment that mentions teammates keeps the mentions pack and the lookup of each id within the caller's reach.
  "Mention a teammate in a comment": {
    flags: ["--route", "/api/tasks/:taskId/comments", "--resource", "Task", "--relation", "member", "--value-object", "TaskId:uuid@path", "--value-object", "Body:string(1..5000)", "--value-object", "MentionedUserIds?:uuid[1..20]"],
    must: ["| mentions |"],
    mustNot: ["| assignee |", "AssigneeNotEligible"],
  },
  // L3's family: unassigning a ticket clears its assignee, deletes nothing (no soft or hard deletion to ask about), and a
  // ticket with no assignee is a repeat, never a 404; the person unassigned loses what the assignment gave it.
  "Unassign a ticket": {
    flags: ["--auth", "roles", "--roles", "support", "--method", "DELETE", "--route", "/api/tickets/:ticketId/assignee", "--resource", "Ticket"],
    must: ["| unassign |", "A Ticket with no Assignee answers 204 all the same and nothing changes", "clear target's Assignee, if any", "The person unassigned keeps nothing the assignment gave it", "Is the person unassigned told"],
    mustNot: ["Is the deletion soft", "has no such Assignee", "answers 404 for an Assignee the Ticket does not have", "remove the Assignee from target -> none => 404"],
  },
  // ... while removing a member from a team keeps its 404 for a member the team does not have.
  "Remove a member from a team": {
    flags: ["--method", "DELETE", "--route", "/api/teams/:teamId/members/:memberId", "--resource", "Team", "--value-object", "TeamId:uuid@path", "--value-object", "MemberId:uuid@path"],
    must: ["A Team without that Member answers 404", "the Team has no such Member"],
    mustNot: ["| unassign |", "all the same and nothing changes"],
  },
  // L1's family: marking a conversation read moves the caller's own read position in it, never the Conversation (no
  // lost-update 409 while others write to it, no transition of it to ask about), forward only and bounded by what the
  // client showed, the unread count set with it.
  "Mark a conversation as read": {
    flags: ["--route", "/api/conversations/:conversationId/read", "--resource", "Conversation", "--relation", "participant"],
    must: ["| read-position |", "moves the caller's own read position in it (one row per participant and Conversation", "The position moves only forward, up to the newest message the client showed", "The caller's unread count of the Conversation", "target itself not written, no version read, never a 409", "read receipts"],
    mustNot: ["| flow-change |", "The handler loads the record, applies the change and saves it", "Two concurrent changes overwrite each other", "Does the change move the Conversation to another state", "version conflict"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (lead18x)");

// The prompt offers the same default rate limit as a run from flags gives (the tmux trial of session 18 was offered
// 60/1m, a per-click toggle's, for "Mark all my notifications as read", which flags plan at 10/1m).
describe("the prompt's default rate limit of a change of all the caller's own", () => {
  const offered = (answers: Record<string, unknown>): string | undefined => planSchema.rateLimit.askDefault?.({ method: "POST", auth: "authenticated", capabilities: [], async: false, ...answers });
  it("is a write's 10/1m, on the name's own route and under /me", () => {
    expect(offered({ name: "Mark all my notifications as read", route: "/api/mark-all-my-notifications-as-read" })).toBe("10/1m");
    expect(offered({ name: "Mark all my notifications as read", route: "/api/me/notifications/read-all" })).toBe("10/1m");
  });
  it("stays a per-click 60/1m for a mark of one notification", () => {
    expect(offered({ name: "Mark a notification as read", route: "/api/me/notifications/:notificationId/read" })).toBe("60/1m");
  });
});
