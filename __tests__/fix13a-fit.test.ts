/**
 * Plans true for their use-case (session 13, fix13a): each use-case is planned from its flags, and its plan and code are
 * checked for the statement that was missing or false, beside unlike use-cases for what must stay. All are planned into
 * one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

/** The outbox named anywhere but the step's "nothing for an outbox" and the shared in-memory fake's file. */
const NO_OUTBOX = /(?<!nothing for an |in-memory-)outbox/i;

const CASES: Record<string, FitCase> = {
  // 1. A public GET whose contract promises an ETag and a 304 (access-anonymous-read-cacheable): its handler makes the
  // ETag of what it read and answers a matching If-None-Match with 304 before the 200, which names its caching headers.
  "Get a product by its slug": {
    flags: ["--method", "GET", "--route", "/api/products/:slug", "--auth", "anonymous", "--resource", "Product", "--value-object", "Slug:pattern([a-z0-9-]{1,80})@path", "--error", "ProductNotFound:404"],
    must: [
      "| 304 | If-None-Match matches the answer's ETag",
      /view = query\.find\(slug\)[^\n]*\n {2}etag = a strong validator of view \(its version, or a hash of the answer\); request If-None-Match lists etag \(weak comparison\), or is \* -> respond 304 with ETag: etag and Cache-Control, no body[^\n]*\n {2}respond 200 with the response fields, Cache-Control: public with a max-age, ETag: etag /,
      "Needs the request's If-None-Match header, which the handler's request type does not carry yet",
      // 3. One 404 row, one statement: the answers' error names the load's 404 and the not-public one it answers alike.
      "| 404 | ProductNotFound: no such Product, or the Product is not visible to the public (a draft, unpublished or deleted): one answer for both | none | problem+json |",
      "| ProductNotFound | 404 |",
      // ...and one requirement and one test (TRIAL9 W16).
      "a missing Product answers 404 (ProductNotFound).",
      "INT-3 answers 404 ProductNotFound for a Product that does not exist",
    ],
    mustNot: ["Needs the HTTP edge or CDN", /respond 200[^\n]*no-store/, "| 404 | No such Product", "the same answer as for a missing one;", "ProductNotFound: the request names no such product", "When the request names no such product", "answers 404 for a Product that does not exist"],
  },
  // ...a public list's page is its own answer: its ETag is a hash of the page, filters and position included.
  "List published articles": {
    flags: ["--method", "GET", "--route", "/api/articles", "--auth", "anonymous", "--value-object", "PageSize?:int(1..50)", "--value-object", "Cursor?:string(1..300)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: [/nextCursor = [^\n]*\n {2}etag = a strong validator of this answer \(a hash of it, filters and page included\)[^\n]*-> respond 304 [^\n]*\n {2}respond 200 with items, nextCursor, Cache-Control: public with a max-age, ETag: etag /],
    mustNot: [],
  },
  // ...a public search sent as a POST is kept by no cache: no ETag, no 304 in its steps.
  "Search public recipes": {
    flags: ["--method", "POST", "--route", "/api/recipes/search", "--auth", "anonymous", "--resource", "Recipe", "--value-object", "Query:string(1..200)", "--capability", "search"],
    must: ["The query returns only what is public"],
    mustNot: ["etag", "If-None-Match", "| 304 |"],
  },
  // ...a public answer holding personal data is no-store (personal-data-read): it promises no caching at all, where it
  // promised both Cache-Control: public and no-store.
  "Get a speaker profile": {
    flags: ["--method", "GET", "--route", "/api/speakers/:speakerId", "--auth", "anonymous", "--resource", "Speaker", "--pii", "email,fullName", "--response", "fullName,email,bio"],
    must: ["it carries Cache-Control: no-store", "respond 200 with fullName, email, bio, Cache-Control: no-store"],
    mustNot: ["access-anonymous-read-cacheable", "Cache-Control: public", "| 304 |", "etag ="],
  },
  // ...and a signed-in read is the caller's: no shared cache, no ETag step.
  "Get my order": {
    flags: ["--method", "GET", "--route", "/api/me/orders/:orderId", "--resource", "Order", "--value-object", "OrderId:uuid@path"],
    mustNot: ["etag =", "| 304 |", "Cache-Control: public"],
    must: ["respond 200 with"],
  },
  // 2. The answers' bare 404 is named where the load is built, whatever the load's words, where it was said a second
  // time as a check of its own. A parent's own 404 is no check of the new item, so the parent is only read (TRIAL18A D4).
  "Add a task to a project": {
    flags: ["--method", "POST", "--route", "/api/projects/:projectId/tasks", "--resource", "Project", "--value-object", "Title:string(1..100)", "--error", "ProjectNotFound:404"],
    must: ["| 404 | ProjectNotFound: no such Project, or the caller is not the owner of the Project: one answer for both | none | problem+json |", "project = repository.findForOwner(callerId, id)  // null -> ProjectNotFound (404): missing or not owner  // read only"],
    mustNot: ["-> ProjectNotFound (404)\n", /null -> 404/],
  },
  // ...a page under a parent names it on the list's null, and an upload's file is read only after the load.
  "Upload an attachment to a ticket": {
    flags: ["--method", "POST", "--route", "/api/tickets/:ticketId/attachments", "--resource", "Ticket", "--capability", "file-upload", "--error", "TicketNotFound:404"],
    must: [/null -> TicketNotFound \(404\): missing or not owner {2}\/\/ read only\n {2}file = request\.file/],
    mustNot: ["if the request names no such ticket"],
  },
  "List tasks of a project": {
    flags: ["--method", "GET", "--route", "/api/projects/:projectId/tasks", "--resource", "Project", "--relation", "member", "--capability", "pagination", "--error", "ProjectNotFound:404"],
    must: ["items = query.listForMember(callerId, id, criteria)  // null -> ProjectNotFound (404): missing or not member; an empty page -> 200 with no items"],
    mustNot: ["if the request names no such project"],
  },
  // ...while a 404 about another record stays its own check, and the load's null stays a plain 404.
  "Assign a ticket": {
    flags: ["--method", "POST", "--route", "/api/tickets/:ticketId/assignee", "--resource", "Ticket", "--value-object", "AssigneeId:uuid", "--error", "AssigneeNotFound:404:no member has that id"],
    must: ["// null -> 404: missing or not owner", "-> none => AssigneeNotFound (404): no member has that id, the same as an unknown id", "When no member has that id, the answer is 404 (AssigneeNotFound)", "a missing Ticket answers 404.", "| 404 | No such Ticket; the caller is not the owner of the Ticket: the same answer as for a missing one; AssigneeNotFound: no member has that id;"],
    // The answers' own 404 for the referenced id answers its lookup, not a second check after it (TRIAL17B B6).
    mustNot: ["null -> AssigneeNotFound", "if no member has that id -> AssigneeNotFound (404)"],
  },
  // 4. A write with no event, message or notice carries no outbox entries: no section promises an outbox (the only
  // word of it is the step's "nothing for an outbox") ...
  "Add a subtask to a task": {
    flags: ["--method", "POST", "--route", "/api/tasks/:taskId/subtasks", "--resource", "Task", "--value-object", "Title:string(1..100)"],
    must: ["H->>R: add the new Subtask\n", "it creates the new Subtask under it, and the repository adds it.", "// Adds the new Subtask; the Task is not saved."],
    mustNot: [NO_OUTBOX, "collects its events"],
  },
  "Transfer money between my accounts": {
    flags: ["--method", "POST", "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "AmountMinor:int(1..1000000)"],
    must: ["both saved with the new record in one transaction.", "the repository saves both Accounts and the new record in one transaction.", "both Accounts (each version-checked) and the new record in the transaction begun above"],
    mustNot: [NO_OUTBOX, "with its events in one transaction", "the record of the move with its events"],
  },
  "Handle an invoice webhook": {
    flags: ["--summary", "The provider tells us an invoice was paid; we mark the invoice paid", "--method", "POST", "--route", "/api/webhooks/invoices", "--auth", "anonymous", "--capability", "webhook", "--value-object", "StripeSignature:string(1..500)@header", "--value-object", "EventId:string(1..100)", "--value-object", "EventType:string(1..100)", "--value-object", "InvoiceId:uuid"],
    must: ["updates the existing Invoice its InvoiceId names and saves it; it creates no Invoice.", "saves the updated Invoice, or nothing", "which the plan names none of yet (a job it schedules, or an event it emits)"],
    mustNot: [NO_OUTBOX, "collecting its events"],
  },
  // ...while the same kinds of write with an event promise it wherever they save.
  "Add a comment to a post": {
    flags: ["--method", "POST", "--route", "/api/posts/:postId/comments", "--resource", "Post", "--value-object", "Body:string(1..2000)", "--event", "CommentAdded:postId"],
    must: ["add the new Comment with its outbox entries", "and collects its events, and the repository adds both in one transaction (outbox)", "// Adds the new Comment and its outbox events in one transaction", "repository.add(comment, events)  // one transaction with the outbox"],
    mustNot: ["nothing for an outbox"],
  },
  "Move credit between my wallets": {
    flags: ["--method", "POST", "--route", "/api/me/wallet-transfers", "--value-object", "FromWalletId:uuid", "--value-object", "ToWalletId:uuid", "--value-object", "AmountMinor:int(1..1000000)", "--event", "CreditMoved:fromWalletId,toWalletId,amountMinor"],
    must: ["both saved with the new record and the outbox in one transaction.", "the new record and the events in one transaction (outbox)", "the new record and the outbox in the transaction begun above"],
    mustNot: ["nothing for an outbox"],
  },
  "Handle a paid invoice webhook": {
    flags: ["--summary", "The provider tells us an invoice was paid; we mark the invoice paid", "--method", "POST", "--route", "/api/webhooks/paid-invoices", "--auth", "anonymous", "--capability", "webhook", "--value-object", "StripeSignature:string(1..500)@header", "--value-object", "EventId:string(1..100)", "--value-object", "EventType:string(1..100)", "--value-object", "InvoiceId:uuid", "--event", "InvoicePaid:invoiceId"],
    must: ["saves it with its events in one transaction (outbox)", "saves the updated Invoice and its outbox entries in one transaction, or neither", "the slow work a delivery starts (its outbox entries)"],
    mustNot: ["nothing for an outbox", "names none of yet"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix13a)");
