/**
 * Plans true for their use-case (session 17, trial17a; findings in /work/notes/TRIAL17A.md): each use-case is planned
 * from its flags, and its plan and code are checked for the statement that was missing or false, beside unlike
 * use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const CASES: Record<string, FitCase> = {
  // A1. A mention's teammates are named by the request (a list of user ids with a word before it): the message goes
  // to whom the request names, never "a person the Task names" from the record. Past a teammate's per-recipient cap
  // the send job holds the message back; the comment itself is never refused for it (TRIAL19C F6: the mention pack).
  "Mention a teammate in a comment": {
    flags: ["--route", "/api/tasks/:taskId/comments", "--resource", "Task", "--relation", "member", "--value-object", "TaskId:uuid@path", "--value-object", "Body:string(1..5000)", "--value-object", "MentionedUserIds?:uuid[1..20]", "--capability", "sends-message", "--summary", "A member writes a comment on a task that mentions teammates; each mentioned teammate gets a notification"],
    // A18: the ids mentioned against the text's @mentions, and a mention of oneself, are asked.
    must: ["| capability-sends-message-mention |", "The message goes only to the people the request mentions", "Are the ids mentioned checked against the @mentions in the text", "| mentions |"],
    mustNot: ["| capability-sends-message-record |", "| capability-sends-message-told |", "RecipientCapped", "a person the Task names", "never one taken from the request"],
  },
  // ... while a comment that names no one tells a person the record names (its author), never capped by the request.
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "member", "--value-object", "PostId:uuid@path", "--value-object", "Body:string(1..5000)", "--capability", "sends-message"],
    must: ["| capability-sends-message-record |", "a person the Post names (their address on file, never one taken from the request)"],
    mustNot: ["| capability-sends-message-told |", "RecipientCapped", "| mentions |"],
  },
  // A2. An upgrade of the caller's own plan under /me changes the subscription it has: no new aggregate, no 201 and no
  // Location; its Idempotency-Key is still claimed and its answer kept, as the requirement promises.
  // A3. The provider's documented refusal (402 PaymentDeclined) is known from the call's answer: checked after the call,
  // while a check of our own (NotAnUpgrade) stays before it.
  "Upgrade my subscription plan": {
    flags: ["--route", "/api/me/subscription/upgrade", "--value-object", "PlanId:string(1..50)", "--value-object", "IdempotencyKey:uuid@header", "--capability", "external-call", "--event", "SubscriptionUpgraded:planId", "--error", "PaymentDeclined:402:the provider declines the prorated charge", "--error", "NotAnUpgrade:422:the plan is not higher than the current one", "--summary", "The customer upgrades to a higher plan now; the payment provider prorates the rest of the period and charges the difference"],
    must: ["target = repository.findForCaller(callerId)", "idempotency.claim(callerId, idempotencyKey", "idempotency.complete(callerId, idempotencyKey, the answer)", "  respond 200", "outcome says the provider declines the prorated charge -> PaymentDeclined (402), nothing saved, sent or scheduled: the caller's own record stays as it was", "  if the plan is not higher than the current one -> NotAnUpgrade (422)", "the provider needs the customer's own authentication of the charge (3-D Secure, SCA", "Is the amount to be charged shown to the customer before the request", "| external-call-charge |"],
    mustNot: ["saves the new aggregate", "Location of the new resource", "repository.add(aggregate", "  if the provider declines the prorated charge -> PaymentDeclined (402)", "nothing is created"],
    // A17: it charges the customer through the provider.
  },
  // A17 is held by the upgrade above (the customer's authentication of the charge asked); a refund through the same kind
  // of provider charges no one and is not asked it.
  "Refund an order through the provider": {
    flags: ["--route", "/api/orders/:orderId/refunds", "--resource", "Order", "--value-object", "OrderId:uuid@path", "--capability", "external-call", "--summary", "Support refunds an order; the payment provider returns the money", "--error", "RefundFailed:502:the payment provider refuses the refund"],
    must: ["| capability-external-call |"],
    mustNot: ["3-D Secure", "| external-call-charge |"],
  },
  // ... while a transfer between the caller's accounts makes a new record under /me: still a create, its key claimed.
  "Transfer money between my accounts": {
    flags: ["--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "Amount:int(1..1000000)", "--value-object", "IdempotencyKey:uuid@header"],
    must: ["respond 201 with Location", "idempotency.claim(callerId, idempotencyKey"],
    mustNot: ["target = repository.findForCaller(callerId)"],
  },
  // A5. A signed webhook's limit is the sender's in all: counted only once the signature holds, so forged deliveries
  // never spend it; the sequence verifies before it counts.
  "Receive Stripe payment webhook": {
    flags: ["--route", "/api/webhooks/stripe", "--auth", "anonymous", "--actor", "Stripe", "--capability", "webhook", "--value-object", "StripeSignature:string(1..500)@header", "--value-object", "EventId:string(1..255)", "--value-object", "PaymentIntentId:string(1..255)", "--rate-limit", "100/1m"],
    must: [/timingSafeEqual[^\n]*\n {2}rateLimiter\.consume\(deliveriesKey\)[^\n]*counted only for a delivery whose signature holds/, "A->>A: verify the sender#39;s signature over the raw body#44; else 401", "the signed timestamp (the t= of the Stripe-Signature header) more than 5 minutes from now", "the t= of the Stripe-Signature header parsed into the contract's request"],
    // A12. Stripe's own header names the scheme: no question asks which header carries the signature and the timestamp.
    mustNot: [/rateLimiter\.consume\(deliveriesKey\)[^\n]*\n {2}stripeSignature = /, "Which header carries the signature and which the timestamp", "TODO(plan): its header, or the signature header's t=", "the plan asks which scheme the sender uses"],
  },
  // A4. The answers' own error for a refused signature (400 InvalidSignature) is the signature check's answer, said once:
  // no 401 row beside it, the early check answers it, no second check after the change, and the tests expect it.
  "Receive a Stripe payment event": {
    flags: ["--route", "/api/webhooks/stripe", "--auth", "anonymous", "--actor", "Stripe", "--capability", "webhook", "--value-object", "StripeSignature:string(1..500)@header", "--value-object", "EventId:string(1..255)", "--value-object", "PaymentIntentId:string(1..255)", "--event", "PaymentSucceeded:paymentIntentId", "--error", "InvalidSignature:400:the Stripe-Signature header does not match the raw body or is older than 5 minutes"],
    must: ["compared by crypto.timingSafeEqual -> mismatch => InvalidSignature (400), nothing parsed", "answers 400 (InvalidSignature) and changes nothing", "expectProblem(await handleReceiveAStripePaymentEvent(request, contextOf(), deps), 400)", "expectProblem(refused, 400)", "else 400"],
    mustNot: ["| 401 |", "-> InvalidSignature (400)\n", "  if the Stripe-Signature header does not match the raw body", "mismatch => 401", "a mismatch 401"],
  },
  // ... while a sender whose header names no known scheme is still asked it.
  "Receive a code host push": {
    flags: ["--route", "/api/webhooks/code-host", "--auth", "anonymous", "--capability", "webhook", "--value-object", "Signature:string(1..500)@header", "--value-object", "EventId:string(1..255)"],
    must: ["Which header carries the signature and which the timestamp", "TODO(plan): its header, or the signature header's t=", "| 401 | The signature does not match the raw body", "mismatch => 401", "expectProblem(refused, 401)"],
    mustNot: ["the t= of the Stripe-Signature header"],
  },
  // ... while a public form counts every request of its client first, before anything is parsed.
  "Send a message to sales": {
    flags: ["--route", "/api/contact-requests", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Message:string(1..2000)"],
    must: [/rateLimiter\.consume\(clientKey\)[^\n]*\n {2}email = /],
    mustNot: ["counted only for a delivery whose signature holds", "verify the sender#39;s signature"],
  },
  // A8. The pagination pack breaks ties by the id already: a Sort input's orders leave open the total and, with a
  // relevance order, how a later page keeps its place; nothing asks what breaks a tie.
  // A16. A public list has no missing record to answer like: what is not public is on no list.
  "Search products by text": {
    flags: ["--method", "GET", "--route", "/api/products", "--auth", "anonymous", "--capability", "search", "--capability", "pagination", "--value-object", "Q?:string(1..200)@query", "--value-object", "Sort?:enum(relevance|price_asc|price_desc|newest)@query", "--value-object", "PageSize?:int(1..100)@query", "--value-object", "Cursor?:string(1..200)@query", "--response", "items,nextCursor", "--rate-limit", "60/1m"],
    must: ["The orders are the Sort input's (relevance, price\\_asc, price\\_desc, newest): does the list need a total count? A relevance score moves as the index changes", "the sort field plus the id as tie-breaker", "so what is not public is on no list"],
    mustNot: ["what breaks a tie", "anything else answers as a missing record does"],
  },
  // A14. Price filters with no currency beside them: in what unit and currency they are is asked.
  "Filter products by price": {
    flags: ["--method", "GET", "--route", "/api/products", "--auth", "anonymous", "--value-object", "MinPrice?:int(0..1000000)@query", "--value-object", "MaxPrice?:int(0..1000000)@query", "--response", "items"],
    must: ["In what unit and currency does the request give MinPrice and MaxPrice"],
    mustNot: [],
  },
  // ... while filters that carry their currency are not asked it.
  "Filter offers by price": {
    flags: ["--method", "GET", "--route", "/api/offers", "--auth", "anonymous", "--value-object", "MinPrice?:int(0..1000000)@query", "--value-object", "Currency?:enum(EUR|USD)@query", "--response", "items"],
    must: [],
    mustNot: ["In what unit and currency does the request give"],
  },
  // ... while orders with no relevance in them ask only about the total.
  "List the newest articles": {
    flags: ["--method", "GET", "--route", "/api/articles", "--auth", "anonymous", "--capability", "pagination", "--value-object", "Sort?:enum(newest|oldest)@query", "--value-object", "Cursor?:string(1..200)@query", "--response", "items,nextCursor"],
    must: ["The orders are the Sort input's (newest, oldest): does the list need a total count?"],
    mustNot: ["A relevance score moves", "what breaks a tie"],
  },
  // A6. A transfer's fresh sign-in is a check with an answer: a window, a 403 row, the step before the Project is read,
  // and a test that asserts it.
  "Transfer ownership of a project": {
    flags: ["--route", "/api/projects/:projectId/transfer-ownership", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "NewOwnerId:uuid", "--error", "NewOwnerNotMember:422:the new owner is not a member of the project", "--audit"],
    must: [/NewOwnerId\.create[^\n]*\n {2}caller\.authenticatedAt older than recentSignIn -> 403 ReauthenticationRequired, nothing changed[^\n]*\n {2}target = repository\.findForOwner/, "| 403 | The caller's last authentication is not recent enough to transfer the Project (ReauthenticationRequired) |", "signed in within 5 minutes", "expectProblem(await handleTransferOwnershipOfAProject(validRequest(), contextOf(), deps), 403)"],
    mustNot: ["a transfer from a session without a recent sign-in is refused", "needs a recent sign-in of the caller (its password or second factor given again within the last few minutes)"],
  },
  // ... while a change of a member's role asks no fresh sign-in of the caller.
  "Change a member's role in a project": {
    flags: ["--method", "PATCH", "--route", "/api/projects/:projectId/members/:memberId/role", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "MemberId:uuid@path", "--value-object", "Role:enum(viewer|editor|admin)", "--capability", "privilege-change"],
    must: ["target is the caller, or a role or permission given is one the caller does not hold -> 403"],
    mustNot: ["older than recentSignIn", "to transfer the Project"],
  },
  // A10. A revocation of the caller's other sessions reads no version: what is there is revoked, never a 409.
  // A11. It needs no input, so no question asks which inputs it carries.
  "Sign out of all my other sessions": {
    flags: ["--route", "/api/me/sessions/revoke-others", "--response", "revokedCount", "--event", "OtherSessionsRevoked:userId,revokedCount", "--audit", "--summary", "The signed-in user ends every other session of the account; this one stays"],
    must: ["no version read: what is there is revoked, a session made or refreshed at the same moment too, never a 409", "every other session of the account and their refresh tokens"],
    mustNot: ["| 409 |", "version conflict -> 409", "Which inputs does the request carry"],
  },
  // ... while a change of the caller's own subscription keeps its lost-update 409.
  "Cancel my subscription": {
    flags: ["--route", "/api/me/subscription/cancel", "--resource", "Subscription", "--transition", "Active->Cancelled", "--summary", "The customer cancels the subscription at the end of the period"],
    must: ["| 409 |", "version conflict -> 409"],
    mustNot: ["no version read: what is there is revoked"],
  },
  // A9. A restore from the trash reads what other reads leave out, within a window from deletedAt on the server's
  // clock, before a job purges it: said, tested and asked.
  "Restore a document from the trash": {
    flags: ["--route", "/api/documents/:documentId/restore", "--resource", "Document", "--relation", "owner", "--value-object", "DocumentId:uuid@path", "--transition", "Trashed->Active", "--event", "DocumentRestored:documentId", "--error", "RestoreWindowExpired:410:the document was deleted more than 30 days ago", "--summary", "The owner restores a soft-deleted document within 30 days of its deletion; after that it is purged"],
    must: ["The Document is found among the trashed ones (deletedAt set)", "The restore window runs from the Document's deletedAt on the server's clock", "A scheduled job purges each Document whose window has ended", "| restore-from-trash |", "target = repository.findForOwner(callerId, id)  // null -> 404: missing or not owner; the trash let in (deletedAt set)", "a Document trashed longer ago than the window is refused"],
    mustNot: ["  // null -> 404: missing or not owner  // the trash"],
  },
  // ... while a restore of a backup is no trash.
  "Restore a database from a backup": {
    flags: ["--route", "/api/databases/:databaseId/restore", "--resource", "Database", "--value-object", "DatabaseId:uuid@path", "--value-object", "BackupId:uuid", "--summary", "An owner restores a database from one of its backups"],
    mustNot: ["| restore-from-trash |", "the trash let in", "found among the trashed ones"],
    must: ["target = repository.findForOwner(callerId, id)"],
  },
  // A7. An approval in steps (a manager's, then finance's): each step another person, the step read from the record,
  // and the question is the rule and the roles, not whether a second approver exists.
  "Approve an expense report": {
    flags: ["--summary", "The submitter's manager approves a submitted expense report; above 5,000 EUR a finance approver must approve too", "--route", "/api/expense-reports/:expenseReportId/approve", "--resource", "ExpenseReport", "--value-object", "ExpenseReportId:uuid@path", "--transition", "Submitted->Approved", "--transition", "Submitted->AwaitingFinance", "--transition", "AwaitingFinance->Approved", "--error", "SelfApproval:403:the approver submitted the report"],
    must: ["Each step of the ExpenseReport's approval is made by another person", "  if callerId approved an earlier step of target -> 403, nothing changed", "Which rule sends an ExpenseReport to the later step", "| maker-checker-steps |"],
    mustNot: ["Up to what amount may one approver approve alone", "| maker-checker-one-step |"],
  },
  // ... while an approval in one step still asks whether a second approver is needed above an amount.
  "Approve a purchase order": {
    flags: ["--route", "/api/purchase-orders/:purchaseOrderId/approve", "--resource", "PurchaseOrder", "--value-object", "PurchaseOrderId:uuid@path", "--transition", "Submitted->Approved"],
    must: ["Up to what amount may one approver approve alone", "The approver is never the maker"],
    mustNot: ["approved an earlier step", "Each step of the PurchaseOrder's approval"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (trial17a)");

// A13. A path input the default route does not name is refused with the route the name gives (the prompt's), to give
// with --route; a name that gives no such route is refused as before, with no route made up.
describe("a path input the default route lacks (trial17a)", () => {
  it("names the name's own route where it has the parameter, and none where it has not", async () => {
    const dest = await tempDir();
    const transfer = await cli(["plan", "--name", "Transfer ownership of a project", "--value-object", "ProjectId:uuid@path", "--dest", dest]);
    expect(transfer.exitCode).toBe(2);
    expect(String(transfer.stderr)).toContain("names no :projectId; the name's own route is /api/projects/:projectId/transfer-ownership (--route /api/projects/:projectId/transfer-ownership)");
    const book = await cli(["plan", "--name", "Book a room", "--value-object", "RoomId:uuid@path", "--dest", dest]);
    expect(book.exitCode).toBe(2);
    expect(String(book.stderr)).toContain("the route /api/book-a-room names no :roomId");
    expect(String(book.stderr)).not.toContain("the name's own route");
  });
});
