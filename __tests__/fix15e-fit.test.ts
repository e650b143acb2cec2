/**
 * Plans true for their use-case (session 15, fix15e; TRIAL11 Y3, Y15, Y16, Y6, Y14): each use-case is planned from its
 * flags, and its plan and code are checked for the statement that was missing or false, beside unlike use-cases for
 * what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const CASES: Record<string, FitCase> = {
  // Y3. A message to the User the request acts on (its own id in the route, no address among the inputs) goes to the
  // address on file: the change is saved and the message held back by the send job, never a 429 or 503 for the cap.
  "Reset a users two-factor as a support agent": {
    flags: ["--auth", "roles", "--roles", "support-agent", "--method", "POST", "--route", "/api/users/:userId/two-factor/reset", "--resource", "User", "--value-object", "UserId:uuid", "--value-object", "TicketReference:pattern(SUP-[0-9]{1,10})", "--capability", "sends-message-email", "--transition", "TwoFactorEnabled->TwoFactorDisabled"],
    must: ["The message goes only to the User the request acts on (their address on file, never one taken from the request)", "to flood the inbox of the User the request acts on", "{ recipientId: the User's id }", "Does the message go to the User alone"],
    mustNot: ["Message bombing", "with the victim's address", "RecipientCapped", "| 503 |", "SendBudgetSpent", "a person the User names", "the person the User names"],
  },
  // ...while another person's id among the inputs is a recipient the caller picks: capped, told, bombing case kept ...
  "Remind a project member": {
    flags: ["--method", "POST", "--route", "/api/projects/:projectId/reminders", "--resource", "Project", "--relation", "owner", "--value-object", "ProjectId:uuid", "--value-object", "MemberId:uuid", "--capability", "sends-message-email"],
    must: ["Message bombing", "RecipientCapped | 429", "| 503 |"],
    mustNot: ["goes only to"],
  },
  // ...and a record that is no person still names the person it tells.
  "Approve an expense report": {
    flags: ["--method", "POST", "--route", "/api/expense-reports/:expenseReportId/approval", "--resource", "ExpenseReport", "--auth", "roles", "--roles", "manager", "--value-object", "ExpenseReportId:uuid", "--transition", "Submitted->Approved", "--capability", "sends-message-email"],
    must: ["The message goes only to a person the ExpenseReport names", "Which person the ExpenseReport names does the message go to", "to flood the inbox of a person the ExpenseReport names"],
    mustNot: ["Message bombing", "RecipientCapped", "the ExpenseReport the request acts on"],
  },
  // Y15. An inbound e-mail posted by its provider is asked what a reviewer of one asks (the sender's DMARC verdict, the
  // reply token, auto-replies, attachments, quoted history), never a payment event's refund before its charge ...
  "Receive an inbound email reply to a support ticket": {
    flags: ["--auth", "anonymous", "--method", "POST", "--route", "/api/webhooks/inbound-email", "--capability", "webhook", "--value-object", "ProviderSignature:string(1..512)@header", "--value-object", "ProviderMessageId:string(1..255)", "--value-object", "ReplyToken:pattern([A-Za-z0-9]{32})", "--value-object", "FromAddress:email", "--value-object", "Subject:string(0..998)", "--value-object", "Body:string(1..100000)", "--pii", "fromAddress,body,subject", "--event", "TicketReplyReceived:ticketId,messageId", "--error", "UnknownReplyToken:422:the reply token names no open ticket"],
    must: ["| Actor | Email provider |", 'client["Email provider"]', "UnknownReplyToken answers 422 to a delivery its sender made in good faith, and a sender retries anything but a 2xx until it gives up (a mail provider may bounce the mail to its author): is the 422 wanted, or is the delivery kept and answered 2xx","| webhook-signed-inbound-mail |", "SPF, DKIM and DMARC results are read from the delivery", "so it is the mail's only credential: a token is random (at least 128 bits)", "An automatic reply (Auto-Submitted other than no", "Attachments are capped in number and size", "The quoted history below a reply", "posts a mail the provider never received", "**Spoofed reply**"],
    mustNot: ["a refund before its charge", "re-fetched from the sender's API", "a payment confirmed for an unpaid order", "charge succeeded", "| webhook-signed-events |"],
  },
  // ...while a payment provider's event keeps them, and no mail item ...
  "Receive a payment event": {
    flags: ["--auth", "anonymous", "--method", "POST", "--route", "/api/webhooks/payments", "--value-object", "Signature:string(10..512)@header", "--value-object", "EventId:string(1..64)", "--value-object", "EventType:enum(charge.succeeded|charge.refunded)", "--value-object", "PaymentIntentId:string(1..64)"],
    must: ["| Actor | Payment provider |", "| webhook-signed-events |", "a refund before its charge", "re-fetched from the sender's API", "posts an event it never sent (a payment confirmed for an unpaid order)", "**Forged callback**"],
    mustNot: ["DMARC", "reply token", "| webhook-signed-inbound-mail |", "in good faith", "| Actor | User |"],
  },
  // ...and so does a mail provider's report of what became of a mail sent (a bounce is an event, not a mail received).
  "Receive email bounce events": {
    flags: ["--auth", "anonymous", "--method", "POST", "--route", "/api/webhooks/email-events", "--value-object", "Signature:string(10..512)@header", "--value-object", "EventId:string(1..64)", "--value-object", "EventType:enum(bounced|complained|delivered)", "--value-object", "MessageId:string(1..255)", "--error", "UnknownMessage:404:the message id names no mail we sent", "--error", "TooManyEvents:429"],
    // (TRIAL20 G5: a mail provider's events reorder as states, not as a refund before its charge.)
    must: ["| webhook-signed-events |", "(a later state before an earlier one, a closed before its opened)", "| Actor | Webhook sender |", "UnknownMessage answers 404 to a delivery its sender made in good faith, and a sender retries anything but a 2xx until it gives up: is the 404 wanted"],
    mustNot: ["DMARC", "| webhook-signed-inbound-mail |", "TooManyEvents answers", "bounce the mail"],
  },
  // ...nor a payment event whose name says a mail is sent besides (the receipt), not received.
  "Confirm a payment and email the receipt": {
    flags: ["--auth", "anonymous", "--method", "POST", "--route", "/api/webhooks/stripe", "--value-object", "StripeSignature:string(10..512)@header", "--value-object", "PaymentIntentId:string(1..64)"],
    must: ["| webhook-signed-events |", "| Actor | Payment provider |"],
    mustNot: ["DMARC", "| webhook-signed-inbound-mail |"],
  },
  // Y6. A role-only use-case's actor is its role, not "User" ...
  "Turn a feature flag on for a tenant": {
    flags: ["--auth", "roles", "--roles", "platform-admin", "--method", "PUT", "--route", "/api/tenants/:tenantId/feature-flags/:flagKey", "--resource", "Tenant", "--value-object", "TenantId:uuid", "--value-object", "FlagKey:pattern([a-z][a-z0-9-]{2,63})", "--value-object", "Enabled:boolean"],
    must: ["| Actor | Platform admin |", "| FR-1 | Platform admin can call `PUT /api/tenants/:tenantId/feature-flags/:flagKey`", 'client["Platform admin"]'],
    mustNot: ["| Actor | User |", "User can call", "User denies"],
  },
  // ...two roles are either's ...
  "Refund an order as support": {
    flags: ["--auth", "roles", "--roles", "support-agent,billing_admin", "--method", "POST", "--route", "/api/orders/:orderId/refunds", "--resource", "Order", "--value-object", "OrderId:uuid"],
    must: ["| Actor | Support agent or billing admin |"],
    mustNot: ["| Actor | User |"],
  },
  // ...while a role beside a relation (an owner may call too), an actor the answers give, and a signed-in person keep theirs.
  "Archive a project as owner or admin": {
    flags: ["--auth", "roles", "--roles", "admin", "--relation", "owner", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--value-object", "ProjectId:uuid"],
    must: ["| Actor | User |"],
    mustNot: ["| Actor | Admin |"],
  },
  "Close a case as a clerk": {
    flags: ["--actor", "Case clerk", "--auth", "roles", "--roles", "support-agent", "--route", "/api/cases/:caseId/close", "--resource", "Case", "--value-object", "CaseId:uuid"],
    must: ["| Actor | Case clerk |"],
    mustNot: ["| Actor | Support agent |"],
  },
  "Rename my workspace": {
    flags: ["--method", "PUT", "--route", "/api/workspaces/:workspaceId/name", "--resource", "Workspace", "--value-object", "WorkspaceId:uuid", "--value-object", "Name:string(1..80)"],
    must: ["| Actor | User |"],
    mustNot: ["provider |"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix15e)");

// Y14. A webhook's delivery refused with a 4xx its sender cannot fix comes back: said at once; a 2xx is no error, and
// the refusal of one says where that outcome goes.
describe("a webhook's outcome for a delivery that changes nothing (fix15e Y14)", () => {
  const mail = ["--auth", "anonymous", "--method", "POST", "--route", "/api/webhooks/inbound-email", "--capability", "webhook", "--value-object", "ProviderSignature:string(1..512)@header", "--value-object", "ReplyToken:pattern([A-Za-z0-9]{32})"];
  it("warns that a 422 makes the sender retry, and not for a signed-in use-case's 422 or a webhook's 401", async () => {
    const webhook = await cli(["plan", "--name", "Receive an inbound email", ...mail, "--error", "UnknownReplyToken:422:the reply token names no open ticket", "--error", "BadProvider:401", "--dest", await tempDir(), "--date", "2026-01-01"]);
    expect(webhook.exitCode).toBe(0);
    expect(String(webhook.stderr).split("\n").filter((l) => l.includes("--error"))).toEqual([
      "mjoplan: warning: --error UnknownReplyToken:422: a webhook's sender retries a delivery answered with anything but 2xx (a mail provider may bounce the mail to its author), so this one comes back until the sender gives up; to keep it and answer 2xx, changing nothing, say so in --criteria instead of --error, or confirm the sender takes 422 as final",
    ]);
    const signedIn = await cli(["plan", "--name", "Reply to a ticket", "--route", "/api/tickets/:ticketId/replies", "--resource", "Ticket", "--value-object", "TicketId:uuid", "--error", "TicketClosed:422", "--dest", await tempDir(), "--date", "2026-01-01"]);
    expect(signedIn.exitCode).toBe(0);
    expect(String(signedIn.stderr)).not.toContain("retries");
  }, 60_000);
  it("refuses a 2xx error in one line that says the outcome goes in a criterion, writing nothing", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Receive an inbound email", ...mail, "--error", "UnknownReplyToken:202", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toContain("error UnknownReplyToken: status must be 400-599, got \"202\"; a 202 is no error: say that outcome in a criterion");
    const other = await cli(["plan", "--name", "Receive an inbound email", ...mail, "--error", "UnknownReplyToken:302", "--dest", dest, "--date", "2026-01-01"]);
    expect(String(other.stderr)).not.toContain("no error");
  }, 60_000);
});
