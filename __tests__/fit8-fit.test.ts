/**
 * Plans true for their use-case (session 10, fit8): each case compares dissimilar use-cases, what one
 * plan must say and what would be false in the other. Plans only: the fit suites compile the code.
 */
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";
import { expectFit, planned, type FitCase } from "./support/fit.js";

/** Two repudiation threats in one threat model, or two requirements that each say every attempt is recorded. */
const TWO_REPUDIATIONS = /\| T-\d+ \| Repudiation \|[^\n]*\n(?:[^\n]*\n)*?\| T-\d+ \| Repudiation \|/;
const TWO_AUDIT_TRAILS = /### Functional requirements[\s\S]*(?:written to|recorded in) the audit trail[\s\S]*(?:written to|recorded in) the audit trail[\s\S]*### Acceptance criteria/;

const CASES: Record<string, FitCase> = {
  // A fixed job the system runs nightly recurs, but nobody creates its schedule: no creator, no rule to refuse.
  "Send nightly digest": {
    flags: ["--summary", "The system sends each subscriber a nightly digest", "--method", "POST", "--route", "/api/me/digest-subscription", "--scheduled-command", "SendNightlyDigest"],
    must: ["| scheduled-recurring |", "SendNightlyDigest recurs: after each run the next one is scheduled"],
    mustNot: ["| scheduled-recurring-user |", "shortest interval", "whoever created the schedule", "a rule that runs every minute"],
  },
  // Its dissimilar case: a schedule whose rule the caller gives gets both.
  "Create report schedule": {
    flags: ["--method", "POST", "--route", "/api/report-schedules", "--value-object", "Cron:pattern([0-9*/, -]{9,64})", "--scheduled-command", "RunScheduledReport"],
    must: ["| scheduled-recurring |", "| scheduled-recurring-user |", "shortest interval allowed", "whoever created the schedule may still reach what it reads", "a rule that runs every minute is refused with 400"],
    mustNot: [],
  },
  // A read of the caller's own record is made by every page load: a read-sized default (60/1m), not 10/1m.
  "Get my profile": {
    flags: ["--method", "GET", "--route", "/api/me", "--response", "displayName,email"],
    must: ["At most 60 requests per 1m per account; request 61 gets 429"],
    mustNot: ["At most 10 requests"],
  },
  "Get current user": {
    flags: ["--method", "GET", "--route", "/api/users/me", "--response", "displayName,email"],
    must: ["At most 60 requests per 1m per account"],
    mustNot: ["At most 10 requests"],
  },
  // Its dissimilar cases: a change of the same record, and the same read with a limit given, keep theirs.
  "Update my profile": {
    flags: ["--method", "PATCH", "--route", "/api/me", "--value-object", "DisplayName:string(1..60)"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["At most 60 requests"],
  },
  "Get my profile limited": {
    flags: ["--method", "GET", "--route", "/api/me", "--response", "displayName", "--rate-limit", "10/1m"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["At most 60 requests"],
  },
  // A webhook given a signed-in caller: its sender has no session; the signature is the credential.
  "Receive payment webhook": {
    flags: ["--method", "POST", "--route", "/api/webhooks/payments", "--auth", "authenticated", "--capability", "webhook", "--value-object", "StripeSignature:string(1..500)@header"],
    must: ["| webhook-signature |", "access: anonymous, signed by its sender", "verified by the sender's own scheme over request.rawBody with signingSecret"],
    mustNot: ["| access-signed-in |", "per account", "require caller authenticated", "Only authenticated callers may call it"],
  },
  // The audit trail is stated once (audit.yaml: every attempt), and what a download's, a role change's or a
  // role's read's entry adds is said as an addition, not as a second "every ... is recorded" with its own repudiation threat.
  "Download invoice": {
    flags: ["--method", "GET", "--route", "/api/invoices/:invoiceId/download", "--resource", "Invoice", "--value-object", "InvoiceId:uuid", "--capability", "file-download", "--response", "downloadUrl"],
    must: ["Every attempt, successful or not, is written to the audit trail", "In the audit trail, the record of a download (a signed URL issued, or the file served) also names the file"],
    mustNot: ["Every download (a signed URL issued, or the file served) is recorded in the audit trail", TWO_REPUDIATIONS, TWO_AUDIT_TRAILS],
  },
  "Change member role": {
    flags: ["--method", "PUT", "--route", "/api/teams/:teamId/members/:memberId/role", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid", "--value-object", "MemberId:uuid", "--value-object", "Role:enum(member|admin)"],
    must: ["Every attempt, successful or not, is written to the audit trail", "The audit record of a role change also names whose roles changed"],
    mustNot: ["Every change is recorded in the audit trail", TWO_REPUDIATIONS, TWO_AUDIT_TRAILS],
  },
  "Search customers": {
    flags: ["--method", "GET", "--route", "/api/admin/customers", "--auth", "roles", "--roles", "support", "--value-object", "Email?:email@query", "--response", "items", "--pii", "email,name"],
    must: ["Every attempt, successful or not, is written to the audit trail", "The audit record of a read also names the records it showed"],
    mustNot: ["Every read is audited", TWO_REPUDIATIONS, TWO_AUDIT_TRAILS],
  },
  // Its dissimilar case: without an audit, the plan says how a request is traced instead, once.
  "Rename room": {
    flags: ["--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--value-object", "Title:string(1..60)"],
    must: ["No audit trail asked for"],
    mustNot: ["written to the audit trail", TWO_REPUDIATIONS],
  },
  // --relation none with a signed-in caller: any one reaches every Ticket; no caller's scope, nothing public, nothing held.
  "List tickets": {
    flags: ["--method", "GET", "--route", "/api/tickets", "--resource", "Ticket", "--auth", "authenticated", "--relation", "none", "--response", "title,status"],
    must: ["| access-signed-in-any |", "Any signed-in caller may use GET /api/tickets on any Ticket", "lists Tickets, every one of them: any signed-in caller may see them all", "Should every signed-in caller reach every Ticket, across organisations"],
    mustNot: ["the caller's scope is part of each query", "only what the caller may see", "Returns only what the caller may see", "returns only records in the caller's scope", "The caller's scope is a condition of the query itself", "| flow-query-scope |"],
  },
  "Get ticket": {
    flags: ["--method", "GET", "--route", "/api/tickets/:ticketId", "--resource", "Ticket", "--auth", "authenticated", "--relation", "none", "--response", "title,status"],
    must: ["any signed-in caller may reach any Ticket (no relation is checked: --relation none)", "// Any signed-in caller may reach any Ticket (--relation none)"],
    mustNot: ["it is public", "whoever holds what names it", "holding it may use", "the caller's scope is part of each query", "returns only records in the caller's scope"],
  },
  "Close ticket": {
    flags: ["--method", "POST", "--route", "/api/tickets/:ticketId/close", "--resource", "Ticket", "--auth", "authenticated", "--relation", "none", "--transition", "Open->Closed"],
    must: ["Any signed-in caller may use POST /api/tickets/:ticketId/close on any Ticket", "// Any signed-in caller may reach any Ticket (--relation none)"],
    mustNot: ["it is public", "holding it may use"],
  },
  // Its dissimilar case: the owner's tickets are scoped to the caller, and nothing says every caller reaches them.
  "List my tickets": {
    flags: ["--method", "GET", "--route", "/api/tickets", "--resource", "Ticket", "--auth", "authenticated", "--relation", "owner", "--response", "title,status"],
    must: ["the caller's scope is part of each query", "returns only records in the caller's scope", "| flow-query-access |"],
    mustNot: ["| access-signed-in-any |", "any signed-in caller may"],
  },
  // A code typed by the person is a code, not a link: the secret-link packs say what the secret is.
  "Verify phone with code": {
    flags: ["--method", "POST", "--route", "/api/me/phone/verification", "--capability", "secret-link", "--value-object", "VerificationCode:pattern([0-9]{6})"],
    // A one-time code sent to the phone is checked as one (capability-one-time-code-redeem): tries, expiry, one answer; no invitation's question.
    must: ["A code past its expiry (10 minutes after its issue, CODE_LIFETIME_SECONDS), used once already, or voided by a newer code is refused with the same answer as a wrong code (CodeNotFound)", "after 5 wrong tries (CODE_ATTEMPTS) the code is void", "Guessing of codes:"],
    // Anywhere but the Why table's pack descriptions ("Secret links are bearer credentials" names the pack's subject) and names (secret-link).
    mustNot: [/^(?!\| [a-z-]+ \| built-in|<!--).*(?<!-)\b[Ll]inks?\b(?! or code)(?!-)/m, "invited identity", "LinkNotFound"],
  },
  "Send sign-in code": {
    flags: ["--summary", "Send a 6-digit code by SMS", "--method", "POST", "--route", "/api/auth/sign-in-codes", "--auth", "anonymous", "--capability", "secret-link", "--capability", "sends-message-sms", "--value-object", "Phone:pattern(\\+[0-9]{8,15})", "--enumeration", "account"],
    must: ["For an unknown account no code is issued", "Once the code is used, are the account's other sessions signed out?"],
    mustNot: ["no link is issued", "The link opens an account", "lives 1 hour", "Once the link is used"],
  },
  // Its dissimilar case: a link's token in the URL is a link.
  "Open invite": {
    flags: ["--method", "GET", "--route", "/api/invites/:token", "--auth", "anonymous", "--resource", "Invite", "--capability", "secret-link", "--response", "meetingTitle"],
    must: ["A link is refused once past the expiry stored when it was issued, with the same answer as an unknown link", "Guessing of the link:"],
    mustNot: ["A code is refused", "unknown code"],
  },
  // An anonymous join creates what the caller becomes: a guest participant and a guest session, said in the steps.
  "Join meeting with code": {
    flags: ["--method", "POST", "--route", "/api/meetings/join", "--auth", "anonymous", "--value-object", "JoinCode:pattern([0-9]{6})"],
    must: ["| guest-join |", "meeting = the Meeting joinCode names -> none => 404", "guest = new guest Participant of meeting (a new id, no account); session = a guest session for guest", "repository.add(guest, events)", "the guest's id and the session token", "creates what the caller becomes: a guest participant of it and a guest session"],
    mustNot: ["aggregate = new aggregate from the value objects", "The handler creates the new aggregate"],
  },
  "Join meeting by its code": {
    flags: ["--method", "POST", "--route", "/api/meetings/join", "--resource", "Meeting", "--auth", "anonymous", "--value-object", "JoinCode:pattern([0-9]{6})", "--enumeration", "join code"],
    must: ["| guest-join |", "guest = new guest Participant of target (a new id, no account)", "respond 200 with the guest's id and the session token", "creates what the caller becomes: a guest participant of it (no account) and a guest session"],
    mustNot: ["apply the change; collect events", "The handler loads the Meeting, applies the change", "What does the caller become by this request"],
  },
  // Its dissimilar cases: joining a team by invite makes a member, which the plan asks about; a signed-in join is the account it is.
  "Join team by invite code": {
    flags: ["--method", "POST", "--route", "/api/invites/:inviteCode/join", "--auth", "anonymous", "--resource", "Invite", "--value-object", "InviteCode:pattern(^[A-Z0-9]{8}$)@path", "--enumeration", "invite code", "--transition", "Open->Used"],
    must: ["What does the caller become by this request"],
    mustNot: ["| guest-join |", "guest Participant"],
  },
  "Join meeting signed in": {
    flags: ["--method", "POST", "--route", "/api/meetings/:meetingId/join", "--resource", "Meeting", "--relation", "participant", "--value-object", "MeetingId:uuid"],
    must: [],
    mustNot: ["| guest-join |", "guest Participant"],
  },
};

describe("warnings (fit8)", () => {
  it("says in one line that a webhook's sender has no session, and not for a signed-in use-case without one", async () => {
    const webhook = await cli(["plan", "--name", "Receive payment webhook", "--method", "POST", "--route", "/api/webhooks/payments", "--auth", "authenticated", "--capability", "webhook", "--value-object", "StripeSignature:string(1..500)@header", "--dest", await tempDir(), "--date", "2026-01-01"]);
    expect(webhook.exitCode).toBe(0);
    expect(String(webhook.stderr).split("\n").filter((l) => l.includes("--capability webhook"))).toEqual([
      "mjoplan: warning: --capability webhook: a provider's delivery carries no user session, so --auth authenticated cannot hold; its signature over the raw body authenticates it, and the plan checks that instead",
    ]);
    const anonymous = await cli(["plan", "--name", "Receive payment webhook", "--method", "POST", "--route", "/api/webhooks/payments", "--auth", "anonymous", "--capability", "webhook", "--value-object", "StripeSignature:string(1..500)@header", "--dest", await tempDir(), "--date", "2026-01-01"]);
    expect(String(anonymous.stderr)).not.toContain("no user session");
  }, 60_000);
});

describe("plans fit their use-case (fit8)", () => {
  it.each(Object.keys(CASES))("%s", async (name) => {
    const c = CASES[name]!;
    expectFit(name, (await planned(name, c.flags)).text, c);
  }, 60_000);
});
