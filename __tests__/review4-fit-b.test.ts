/**
 * Plans true for their use-case (REVIEW3's open findings, plan/packs side, fit5b): each use-case below is
 * planned from the flags the domain reviewer used, and its plan and code are checked for what a reviewer of
 * that kind of feature must read and for the statement the finding showed false. All are planned into one
 * folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const CASES: Record<string, FitCase> = {
  // Q17: the audit trail names the actor by its id (a hash made with a rotated key answers nothing later) and
  // the record; a change records what it changed, from what to what.
  "Toggle feature flag": {
    flags: ["--summary", "An operator turns a feature flag on or off, or sets its rollout percentage, for every tenant", "--actor", "Operator", "--context", "Platform", "--method", "PUT", "--route", "/api/admin/feature-flags/:flagKey", "--auth", "roles", "--roles", "platform-operator", "--resource", "FeatureFlag", "--value-object", "FlagKey:pattern([a-z0-9-]{3,64})", "--value-object", "Enabled:boolean", "--value-object", "RolloutPercent:int(0..100)", "--event", "FeatureFlagChanged:flagKey,enabled,rolloutPercent", "--audit"],
    must: [
      "who (the actor's id as the credential names it), what (Toggle feature flag), on which record (its id, where there is one)",
      "the old and the new value of each field the request changed",
      "audit.record(actor id, action, record id, each changed field's old -> new value, outcome, correlationId)",
      "append-only and tamper-evident",
      "How long is the audit trail kept, and who may read it?",
      "| audit-change |",
      "A change reaches every service within a stated delay",
      "A percentage rollout places each user by a stable hash",
      "| feature-flag-switch |",
    ],
    mustNot: ["hashed actor id", "(who, what, when, outcome), without personal data", "audit.record(actor, action, outcome, correlationId)", "Which feature flag hides the use-case"],
  },
  // Q17: a create is audited with the actor and the new record, and has no "what changed" to record.
  "Create project": {
    flags: ["--summary", "A member creates a project", "--context", "Projects", "--method", "POST", "--route", "/api/projects", "--value-object", "Name:string(1..80)", "--event", "ProjectCreated:projectId", "--audit"],
    must: ["who (the actor's id as the credential names it)", "audit.record(actor id, action, record id, outcome, correlationId)"],
    mustNot: ["hashed actor id", "| audit-change |", "old -> new value"],
  },
  // Q21: a contact form goes to a fixed inbox of ours: no per-recipient cap dropping the sixth lead of the
  // hour in silence, no message bombing of an address the request names; the inbox's flood is watched instead.
  "Submit contact form": {
    flags: ["--summary", "Anyone on the public website sends a message to the sales team", "--actor", "Visitor", "--context", "Marketing", "--method", "POST", "--route", "/api/public/contact-messages", "--auth", "anonymous", "--value-object", "Name:string(1..100)", "--value-object", "Email:email", "--value-object", "Message:string(10..5000)", "--capability", "sends-message", "--pii", "name,email,message", "--rate-limit", "5/1h", "--event", "ContactMessageReceived:messageId"],
    must: [
      "The message goes to a fixed inbox the server is configured with",
      "No per-recipient cap applies to the fixed inbox: every accepted request is stored before its message is sent",
      "Messages to the fixed inbox per hour at 5x the same hour last week",
      "outbox.add(MESSAGE_NAME, { messageId })  // to the configured inbox",
      "is the sender sent anything back (an auto-reply, without the text they wrote)?",
      "| capability-sends-message-internal |",
      "| 202 | ",
    ],
    mustNot: ["Location of the new", "| 201 |", "Message bombing", "with the victim's address", "past that the request still answers as usual and nothing is sent", "recipient past", "per-recipient limits", "| capability-sends-message-hidden |"],
  },
  // Q48: a newsletter is one send to a stored audience: opt-in and suppression at send time, one-click
  // unsubscribe, sent once (409 for a second request); no per-recipient cap or bombing by an address named.
  "Send newsletter": {
    flags: ["--summary", "Marketing sends a newsletter to every subscriber who opted in", "--actor", "Marketing manager", "--context", "Marketing", "--method", "POST", "--route", "/api/newsletters/:newsletterId/sends", "--auth", "roles", "--roles", "marketing", "--resource", "Newsletter", "--value-object", "NewsletterId:uuid", "--async", "--scheduled-command", "SendNewsletterBatch", "--capability", "sends-message-email", "--event", "NewsletterSent:newsletterId,count@SendNewsletterBatch"],
    must: [
      "Only recipients with a recorded opt-in receive it; the suppression list (unsubscribed, bounced, complained) is applied as each batch is sent",
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click headers (RFC 8058)",
      "a second request for the same send while it runs or after it answers 409",
      "this send already requested (running or done) -> 409",
      "| 409 | This send was already requested",
      "reaching it pauses the send, which resumes later, and pages on-call: no recipient is dropped in silence",
      "| capability-sends-message-bulk |",
    ],
    mustNot: ["Message bombing", "with the victim's address", "RecipientCapped", "recipient past", "past 5 messages to one recipient", "stops sending, not the rest of the service", "| capability-sends-message-told |"],
  },
  // Q21/Q48 kept apart from what they must not change: an invitation by a signed-in sender to an address it names keeps the cap.
  "Invite colleague": {
    flags: ["--summary", "An admin invites a colleague to the team by email", "--context", "Teams", "--method", "POST", "--route", "/api/invitations", "--value-object", "Email:email", "--capability", "sends-message", "--pii", "email", "--event", "ColleagueInvited:invitationId"],
    must: ["| capability-sends-message-told |", "Message bombing", "What per-recipient limits fit the use-case?", "May a user turn these messages off"],
    mustNot: ["| capability-sends-message-internal |", "| capability-sends-message-bulk |"],
  },
  // Q10: sharing with another person by email is a grant: the same answer with or without an account (no
  // enumeration), one grant per document and recipient (not "never conflict"), and the open questions.
  "Share document": {
    flags: ["--summary", "The owner shares a document with another user by email, as viewer or editor", "--context", "Documents", "--method", "POST", "--route", "/api/documents/:documentId/shares", "--resource", "Document", "--relation", "owner", "--value-object", "DocumentId:uuid", "--value-object", "Email:email", "--value-object", "Permission:enum(viewer|editor)", "--capability", "sends-message", "--pii", "email", "--event", "DocumentShared:documentId,shareId,permission", "--audit"],
    must: [
      "The answer is the same for an address that has an account and one that has not",
      "At most one grant per Document and recipient (a unique constraint on both)",
      "two requests for the same recipient meet at the unique (Document, recipient) constraint",
      "When the address has no account yet: is an invitation sent",
      "May access be granted to people outside the organisation",
      "do lists, search and exports check it",
      "| grant-to-person |",
    ],
    mustNot: ["never conflict"],
  },
  // Q10 kept apart: a comment under a post grants no one anything, and keeps its wording.
  "Comment on post": {
    flags: ["--summary", "A member comments on a post", "--context", "Posts", "--method", "POST", "--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "member", "--value-object", "PostId:uuid", "--value-object", "Text:string(1..2000)", "--event", "PostCommented:postId,commentId"],
    must: ["never conflict"],
    mustNot: ["| grant-to-person |"],
  },
  // Q15: support exporting another person's data: the ticket is checked with the ticket system (not an id of
  // ours in the caller's reach), every store and no third party, short-lived, the deadline; no --pii warning
  // for the data the file carries, no "--transition" question on an export that changes nothing.
  "Export user data for subject access request": {
    flags: ["--summary", "A support agent exports all personal data of a user to answer a GDPR subject access request", "--actor", "Support agent", "--context", "Privacy", "--method", "POST", "--route", "/api/admin/users/:userId/data-exports", "--auth", "roles", "--roles", "support", "--resource", "User", "--value-object", "UserId:uuid", "--value-object", "TicketId:string(1..64)", "--async", "--scheduled-command", "BuildUserDataExport", "--capability", "file-download", "--event", "UserDataExported:userId,exportId@BuildUserDataExport", "--pii", "email,name,address", "--audit"],
    must: [
      "TicketId is checked with the ticket system before anything is done: the ticket exists, is open",
      "ticketSystem.check(ticketId) -> missing, closed, of another kind or about another record => 403 TicketNotValid",
      "audit.record(actor id, action, record id, ticketId, outcome, correlationId)",
      "leaves out other people's data found beside it",
      "The legal deadline (one month from the request, GDPR Art. 12(3))",
      "Who receives the file: the person directly",
      "How was the requester's identity verified",
      "| subject-access-export |",
      "| ticket-verified |",
    ],
    mustNot: ["another customer's record in TicketId", "Which records may TicketId name", "Does the change move the User to another state", "| referenced-records |"],
  },
  // Q47: a consent's history is the evidence: appended, never overwritten, the server's policy version, a
  // withdrawal effective at once; the history is its audit trail, so no "does it need one?".
  "Set marketing consent": {
    flags: ["--summary", "The caller gives or withdraws consent to marketing email", "--context", "Privacy", "--method", "PUT", "--route", "/api/me/consents/marketing", "--value-object", "Granted:boolean", "--value-object", "PolicyVersion:pattern(\\d{4}-\\d{2}-\\d{2})", "--event", "MarketingConsentChanged:userId,granted"],
    must: [
      "Every grant and withdrawal is appended as an entry of its own",
      "The policy version recorded is the one the server shows now",
      "policyVersion differs from the policy version the server shows now -> 422 PolicyOutdated, nothing appended",
      "A withdrawal takes effect at once for every sender",
      "The consent history is the audit trail of consent",
      "| consent |",
    ],
    mustNot: ["the last wins", "the last one wins", "A PUT sets the whole record", "need an audit trail", "no audit trail is needed"],
  },
  // Q46: a claimed email domain takes effect only once proven (DNS TXT), one organisation per domain; SSO is
  // enforced only after a test sign-in, with break-glass accounts, the IdP's certificate pinned.
  "Configure SAML SSO": {
    flags: ["--summary", "An organisation admin sets the SAML identity provider for the organisation's email domain and can enforce SSO for all its members", "--context", "Identity", "--method", "PUT", "--route", "/api/orgs/:orgId/sso", "--resource", "Organisation", "--relation", "admin", "--value-object", "OrgId:uuid", "--value-object", "EmailDomain:pattern([a-z0-9.-]{3,253})", "--value-object", "MetadataUrl:url", "--value-object", "Enforce:boolean", "--capability", "external-call", "--event", "SsoConfigured:orgId,emailDomain,enforce", "--audit"],
    must: [
      "EmailDomain takes effect only after the organisation proves it controls the domain",
      "DNS TXT record",
      "A domain belongs to one organisation",
      "| 409 | ",
      "Enforcing SSO takes effect only after a successful test sign-in",
      "break-glass accounts",
      "signing certificate is pinned",
      "| domain-claim |",
      "| sso-config |",
    ],
    mustNot: ["| capability-sends-message"],
  },
  // Q28: a short link's destination is served to others from our domain: reputation-checked, no links to
  // ourselves, takedown; a chosen slug that is taken is 409, a reserved one 422.
  "Create short link": {
    flags: ["--summary", "A signed-in user shortens a URL; anyone opening the short link is redirected to it", "--context", "Links", "--method", "POST", "--route", "/api/links", "--value-object", "TargetUrl:url", "--value-object", "Slug?:pattern([a-zA-Z0-9_-]{4,32})", "--response", "slug,shortUrl", "--event", "ShortLinkCreated:linkId"],
    must: [
      "The destination is checked with a reputation service",
      "A destination on our own domain, or on another link shortener, is refused",
      "a reported or flagged link can be disabled at once",
      "| 409 | The chosen name is already taken (NameTaken) |",
      "Reserved names (api, admin, login, help",
      "| user-link |",
      "| chosen-slug |",
    ],
    mustNot: [],
  },
  // Q11: maker-checker: the approver is never the submitter or last editor (a rule on the record's fields,
  // before the state moves), the approval is bound to the version reviewed (412), both people audited.
  "Approve expense": {
    flags: ["--summary", "A manager approves an expense claim submitted by someone else", "--actor", "Manager", "--context", "Expenses", "--method", "POST", "--route", "/api/expenses/:expenseId/approval", "--auth", "roles", "--roles", "manager", "--resource", "Expense", "--value-object", "ExpenseId:uuid", "--value-object", "Comment?:string(1..500)", "--transition", "Submitted->Approved", "--event", "ExpenseApproved:expenseId,approverId", "--error", "SelfApprovalForbidden:403:the approver is the one who submitted the claim", "--audit"],
    must: [
      "if target.submittedBy or target.lastEditedBy is callerId -> SelfApprovalForbidden (403), nothing changed",
      "the version the approver reviewed (If-Match) is not target.version -> 412",
      "The approver is never the maker: a caller who submitted the Expense or edited it last is answered 403",
      "| 412 | The Expense changed since the approver read it",
      "The audit record of an approval names the approver and the submitter",
      "Up to what amount may one approver approve alone",
      "| maker-checker |",
    ],
    mustNot: ["if the approver is the one who submitted the claim -> SelfApprovalForbidden (403)"],
  },
  // Q12 (2): a signed-in create with no role, resource or /me says who may create is open, and the
  // authorization checklist item points at that, not only at the 401 test.
  "Create workspace": {
    flags: ["--summary", "A signed-in user creates a workspace", "--context", "Workspaces", "--method", "POST", "--route", "/api/workspaces", "--value-object", "Name:string(1..80)", "--event", "WorkspaceCreated:workspaceId"],
    must: ["Any signed-in account may create through POST /api/workspaces as planned", "Who may create through POST /api/workspaces", /Authentication\/authorization implemented: .*T-\d+/, "| access-create-who |"],
    mustNot: [],
  },
  // Q44: no question the plan already answers: reissue revokes (FR), security mail cannot be turned off.
  "Request password reset": {
    flags: ["--summary", "Send a password reset link to the account's email", "--actor", "Anonymous visitor", "--context", "Identity", "--method", "POST", "--route", "/api/auth/password-reset-requests", "--auth", "anonymous", "--value-object", "Email:email", "--enumeration", "account", "--capability", "secret-link", "--capability", "sends-message", "--pii", "email", "--event", "PasswordResetRequested:userId"],
    must: ["revokes the previous one", "Who may revoke a link before it expires"],
    mustNot: ["does issuing a new link revoke the old ones", "May a user turn these messages off", "may a user turn these messages off"],
  },
  // Q44: an erasure's window answers "soft or hard"; a deletion changes no sign-in or recovery.
  "Delete my account": {
    flags: ["--summary", "The caller deletes its account and all its personal data", "--context", "Identity", "--method", "DELETE", "--route", "/api/me", "--value-object", "CurrentPassword:string(8..128)@header", "--capability", "erasure", "--pii", "email,name", "--event", "AccountDeletionRequested:userId", "--audit"],
    must: ["cancellation window"],
    mustNot: ["Is the deletion soft", "changes how the account signs in or is recovered"],
  },
  // Q37 (rest): a share link answering a file is answered with the file, its token never exchanged for a session;
  // a link that opens pages still moves its token out of the URL.
  "Open shared file link": {
    flags: ["--summary", "Anyone with a share link downloads the shared file", "--actor", "Visitor", "--context", "Files", "--method", "GET", "--route", "/api/shared-links/:token", "--auth", "anonymous", "--resource", "SharedFile", "--value-object", "Token:string(32..128)", "--capability", "secret-link", "--capability", "file-download"],
    must: ["Referrer-Policy: no-referrer and Cache-Control: no-store"],
    mustNot: ["exchanged for a session", "| capability-secret-link-redeem-page |"],
  },
  "Accept invitation": {
    flags: ["--summary", "The invited person opens the invitation link and joins the team", "--context", "Teams", "--method", "POST", "--route", "/api/invitations/:token/accept", "--resource", "Invitation", "--value-object", "Token:string(32..128)", "--capability", "secret-link", "--event", "InvitationAccepted:invitationId"],
    must: ["The token is moved out of the URL on first use: exchanged for a session", "| capability-secret-link-redeem-page |"],
    mustNot: [],
  },
  // Q11 kept apart: approving an item inside the resource (a join request of a Team) is not the Team's maker-checker.
  "Approve join request": {
    flags: ["--summary", "A team admin approves a pending request to join the team", "--context", "Teams", "--method", "POST", "--route", "/api/teams/:teamId/join-requests/:requestId/approve", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid", "--value-object", "RequestId:uuid", "--transition", "Pending->Approved", "--event", "JoinRequestApproved:teamId,requestId"],
    must: ["state = moveJoinRequest(joinRequest.state, Approved)"],
    mustNot: ["| maker-checker |", "submitted the Team"],
  },
  // Q15/Q46 kept apart: a role downloading an invoice exports no person's data; a search by domain claims none.
  "Download customer invoice": {
    flags: ["--summary", "Billing staff download a customer's invoice as PDF", "--context", "Billing", "--method", "GET", "--route", "/api/admin/invoices/:invoiceId/pdf", "--auth", "roles", "--roles", "billing", "--resource", "Invoice", "--value-object", "InvoiceId:uuid", "--capability", "file-download", "--pii", "email"],
    must: [],
    mustNot: ["| subject-access-export |"],
  },
  "Find organisations by domain": {
    flags: ["--summary", "Support finds organisations by email domain", "--context", "Support", "--method", "GET", "--route", "/api/admin/organisations", "--auth", "roles", "--roles", "support", "--value-object", "Domain:string(3..253)", "--response", "items"],
    must: [],
    mustNot: ["| domain-claim |", "proves it controls the domain"],
  },
  // Q48 kept apart: a notice to all members of a meeting is no newsletter (no opt-in, unsubscribe or campaign).
  "Notify meeting members": {
    flags: ["--summary", "The host notifies all members of a meeting that it starts", "--context", "Meetings", "--method", "POST", "--route", "/api/meetings/:meetingId/notifications", "--resource", "Meeting", "--relation", "host", "--value-object", "MeetingId:uuid", "--capability", "sends-message", "--event", "MeetingMembersNotified:meetingId"],
    must: [],
    mustNot: ["| capability-sends-message-bulk |", "List-Unsubscribe"],
  },
};

describeFit(CASES, "each plan says what its use-case does, and nothing its use-case makes false");

describe("Q15: --pii naming what an export's file carries", () => {
  it("warns about nothing: the file holds that data, as an erasure erases it", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Export user data", "--method", "POST", "--route", "/api/admin/users/:userId/data-exports", "--auth", "roles", "--roles", "support", "--resource", "User", "--value-object", "UserId:uuid", "--capability", "file-download", "--pii", "email,name", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).not.toContain("names no field");
  });
});
