/**
 * Plans true for their use-case, from a new user's sixth trial (TRIAL6 U2, U3, U8-U11): each use-case is planned from
 * the flags the user gave, and its plan and code are checked for the statement the trial showed false, and beside it a
 * dissimilar use-case for what must stay. All are planned into one folder, whose code compiles under tsc --strict and
 * whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CANCEL = ["--summary", "A subscriber cancels their paid subscription at the end of the billing period", "--actor", "Subscriber", "--context", "Billing", "--method", "POST", "--route", "/api/me/subscription/cancel", "--resource", "Subscription", "--relation", "none", "--value-object", "CancellationReason:enum(too_expensive|not_using|switching|other)", "--scheduled-command", "EndSubscription", "--transition", "Active->PendingCancellation", "--transition", "PendingCancellation->Cancelled@EndSubscription"];

const CASES: Record<string, FitCase> = {
  // U2: the user's 409 for the end state (a state of two words) replaces the retry's 200 everywhere.
  "Cancel my subscription": {
    flags: [...CANCEL, "--error", "AlreadyCancelled:409:the subscription is already pending cancellation or cancelled"],
    must: ["When the subscription is already pending cancellation or cancelled, the answer is 409 (AlreadyCancelled)", /if the subscription is already pending cancellation or cancelled -> AlreadyCancelled \(409\)\n {2}state = moveSubscription\(/],
    mustNot: ["already PendingCancellation answers 200", "as the first time", "already PendingCancellation (a repeated request)"],
  },
  // ...while without such an error a retry still finds it where the first request left it, and answers as the first time.
  "Cancel my plan": {
    flags: CANCEL,
    must: ["A repeated request that finds the Subscription already PendingCancellation answers 200 as the first time", "already PendingCancellation (a repeated request) -> respond 200 as the first time"],
    mustNot: [],
  },
  // U2: a mail test of a state change repeats no request expecting it to succeed: the repeat finds the record moved on.
  "Send an invoice": {
    flags: ["--summary", "An accountant sends a draft invoice to the customer's address", "--method", "POST", "--route", "/api/invoices/:invoiceId/send", "--resource", "Invoice", "--value-object", "Email:email", "--capability", "sends-message", "--transition", "Draft->Sent"],
    must: ["SEC-", "each needs its own Invoice, all sent to the same recipient"],
    mustNot: ["The cap's 5 requests for one recipient within the hour"],
  },
  // U8: the event id dedups (no Idempotency-Key question), the sender's scheme is not asserted, and a delivery marking
  // an invoice paid updates the Invoice it names rather than saving a new aggregate.
  "Receive a payment webhook": {
    flags: ["--summary", "The payment provider tells us a payment succeeded or failed; we mark the invoice paid or failed", "--actor", "Payment provider", "--context", "Billing", "--route", "/api/webhooks/payments", "--auth", "anonymous", "--value-object", "StripeSignature:string@header", "--value-object", "EventId:string(1..255)", "--value-object", "EventType:string(1..100)", "--value-object", "InvoiceId:uuid", "--value-object", "AmountMinor:int(0..100000000)", "--capability", "webhook", "--event", "InvoicePaid:invoiceId,amountMinor", "--rate-limit", "600/1m"],
    must: ["verifies under the sender's own signature scheme over the raw body", "Stripe, for one, signs `timestamp.body`", "A verified delivery updates the existing Invoice its InvoiceId names", "invoice = repository.findById(invoiceId)", "save(invoice: Invoice, events: readonly unknown[])", "the sender's event id is stored with a unique constraint"],
    mustNot: ["Idempotency-Key", "equals the HMAC-SHA256 of the raw body", "saves the new aggregate", "aggregate = new aggregate", "creates the new aggregate"],
  },
  // ...while a signed delivery that names none of our records, and an ordinary create, still save a new one; the create still asks about retries.
  "Receive a repository push": {
    flags: ["--summary", "The code host tells us about a push", "--route", "/api/webhooks/pushes", "--auth", "anonymous", "--value-object", "XHubSignature256:string@header", "--value-object", "DeliveryId:string(1..64)", "--value-object", "PaymentIntentId:string(1..64)"],
    must: ["saves the new aggregate", "verifies under the sender's own signature scheme"],
    mustNot: ["Idempotency-Key", "updates the existing"],
  },
  "Create an invoice": {
    flags: ["--summary", "An accountant creates an invoice", "--route", "/api/invoices", "--value-object", "CustomerId:uuid", "--value-object", "AmountMinor:int(0..100000000)"],
    must: ["saves the new aggregate", "Must a retried request create nothing twice (an Idempotency-Key header)"],
    mustNot: ["updates the existing"],
  },
  // U3: a confirmation to the caller's own account is neither capped nor refused for a spent budget: the change is saved, the mail queued and retried.
  "Cancel my membership": {
    flags: ["--summary", "A member cancels their own membership and gets a confirmation mail", "--method", "POST", "--route", "/api/me/membership/cancel", "--resource", "Membership", "--relation", "none", "--transition", "Active->Cancelled", "--capability", "sends-message"],
    must: ["| capability-sends-message-own |", "no per-recipient cap or send budget refuses POST /api/me/membership/cancel", "the send job keeps the message and retries it", "outbox.add(MESSAGE_NAME, { recipientId: callerId })", "Messages are sent from a background job through the outbox"],
    mustNot: ["capability-sends-message-told", "per recipient address per hour", "saving and sending nothing", "the victim's address", "RecipientCapped", "SendBudgetSpent", "distinct valid recipients"],
  },
  // ...while a message to an address the request names keeps its caps, and tells the signed-in sender.
  "Share a report by mail": {
    flags: ["--summary", "A member mails a report to an address", "--method", "POST", "--route", "/api/reports/:reportId/share", "--resource", "Report", "--value-object", "Email:email", "--capability", "sends-message"],
    must: ["| capability-sends-message-told |", "per recipient address per hour", "the victim's address", "RecipientCapped"],
    mustNot: ["capability-sends-message-own"],
  },
  // U11: the refund's failure is known from the provider's answer: checked after the call, with a key for the call and the outcome said.
  "Cancel my subscription with a refund": {
    flags: [...CANCEL, "--capability", "external-call", "--error", "RefundFailed:502:the payment provider refused the refund"],
    must: [/outcome = external\.call\(\{ system, operation: the call the plan names, payload from the value objects, idempotencyKey: "subscription:" \+ target\.id \+ ":" \+ target\.version, timeoutMs[^\n]*\n(?: {2}[^\n]*\n){4} {2}outcome says the payment provider refused the refund -> RefundFailed \(502\), nothing saved, sent or scheduled: the Subscription stays Active/, "the answer is 502 (RefundFailed), in the one problem+json shape, known from the external call's answer and checked after it: the call is made before anything is saved, so the Subscription stays as it was (Active)", "so a retry never acts twice at the external system", "the fake external system answering the call with the refusal \"the payment provider refused the refund\""],
    mustNot: [/if the payment provider refused the refund -> RefundFailed \(502\)\n(?: {2}[^\n]*\n)* {2}breaker\.allow/],
  },
  // U10: an invitation grants no role above the inviter's, its link is bound to the invited address, and the user's 409 AlreadyMember
  // stands beside a same-answer promise that now says it covers accounts, not membership.
  "Invite a member to a workspace": {
    flags: ["--summary", "A workspace admin invites someone by e-mail; the mail carries a secret link that lets them join", "--actor", "Workspace admin", "--route", "/api/workspaces/:workspaceId/invitations", "--resource", "Workspace", "--relation", "admin", "--value-object", "WorkspaceId:uuid", "--value-object", "Email:email", "--value-object", "Role:enum(member|admin|guest)", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--error", "AlreadyMember:409:the e-mail belongs to a member already"],
    must: ["| grant-role-ceiling |", "A grant gives at most the caller's own role or permission in the Workspace", "| grant-link-bound |", "The link is bound to the invited address", "It covers whether an address has an account, not whether it already belongs to the Workspace: that one answers 409 (AlreadyMember)", "When the e-mail belongs to a member already, the answer is 409 (AlreadyMember)"],
    mustNot: [],
  },
  // ...while a share naming no role and sending no link keeps its plain promise, with nothing about roles or links.
  "Share a document": {
    flags: ["--summary", "A member shares a document with a colleague by e-mail", "--route", "/api/documents/:documentId/shares", "--resource", "Document", "--value-object", "Email:email"],
    must: ["The answer is the same for an address that has an account and one that has not"],
    mustNot: ["grant-role-ceiling", "grant-link-bound", "It covers whether an address has an account"],
  },
  // U9: a paged list under a team says what it lists (invoices, from the route), and asks no sort order the summary gives.
  "List invoices of a team": {
    flags: ["--summary", "Lists a team's invoices, newest first, one page at a time", "--method", "GET", "--route", "/api/teams/:teamId/invoices", "--resource", "Team", "--relation", "billingAdmin", "--value-object", "TeamId:uuid", "--value-object", "Cursor?:string(1..500)", "--value-object", "PageSize?:int(1..100)", "--response", "items,nextCursor", "--capability", "pagination"],
    must: ["list a page of the invoices of the Team", "The handler finds the Team through the read-only query port", "then lists a page of its invoices", "This use-case lists invoices of one Team", "Promise<readonly InvoiceView[] | null>", "The order is the summary's (newest first): does the list need a total count?"],
    mustNot: ["items of the Team", "items of one Team", "ItemView", "What is the sort order clients need"],
  },
  // ...while a list whose summary gives no order is asked for one, and names its own items.
  "List bookings of a room": {
    flags: ["--summary", "Lists a room's bookings one page at a time", "--method", "GET", "--route", "/api/rooms/:roomId/bookings", "--resource", "Room", "--value-object", "RoomId:uuid", "--value-object", "Cursor?:string(1..500)", "--value-object", "PageSize?:int(1..50)", "--response", "items,nextCursor", "--capability", "pagination"],
    must: ["This use-case lists bookings of one Room", "BookingView", "What is the sort order clients need, and does the list need a total count?"],
    mustNot: ["items of one Room", "The order is the summary's"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL6)");
