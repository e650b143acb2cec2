/**
 * Plans true for their use-case (session 17, trial17b; findings in /work/notes/TRIAL17B.md): each use-case an expert
 * reviewed is planned from its flags, and its plan and code are checked for the statement that was false or missing,
 * beside an unlike use-case for what must stay. All are planned into one folder, whose code compiles under tsc --strict
 * and whose generated tests pass.
 */
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const CASES: Record<string, FitCase> = {
  // B1. "Monthly" names the invoice an asynchronous request renders for the one Customer it names: the job is that
  // request's own work, done once, not a recurring job with a next run, period bounds, a cut-off and late rows ...
  "Generate monthly invoice PDF": {
    flags: ["--summary", "Generates a customer's invoice for a month as a PDF in the background; the customer downloads it afterwards", "--route", "/api/customers/:customerId/invoices/:month/pdf", "--resource", "Customer", "--async", "--value-object", "CustomerId:uuid@path", "--value-object", "Month:pattern([0-9]{4}-(0[1-9]|1[0-2]))@path", "--capability", "file-download", "--scheduled-command", "RenderInvoicePdf", "--event", "InvoicePdfGenerated:month@RenderInvoicePdf", "--error", "NoInvoiceForMonth:404:the customer has no invoice for that month", "--audit"],
    must: [
      "schedules RenderInvoicePdf and answers 202",
      "RenderInvoicePdf runs once per id",
      // B15. A PDF rendered from the customer's records: fields escaped, the renderer sandboxed, an issued invoice as stored.
      "| document-rendering |",
      "renders as its text, and the renderer makes no network or file request",
      "Is the document rendered from the record as it was issued",
      // B16. An invoice is downloaded again later: how long it is kept, where a job's result is taken once, is asked.
      "may its holder download it again later (an invoice is kept for years)",
    ],
    mustNot: ["RenderInvoicePdf recurs", "the next run is scheduled", "A period's bounds are fixed", "Rows that arrive after a period's run", "| scheduled-recurring"],
  },
  // ... while a PDF the caller uploads is no document the server renders.
  "Upload a signed contract": {
    flags: ["--summary", "A signed-in user uploads a signed contract as a PDF", "--route", "/api/contracts/:contractId/signed-copy", "--resource", "Contract", "--value-object", "ContractId:uuid@path", "--capability", "file-upload"],
    must: ["| capability-file-upload"],
    mustNot: ["document-rendering", "Document renderer"],
  },
  // B19. An upload whose body is the file alone is not asked which inputs it carries: the plan says the file is all.
  "Import contacts from CSV": {
    flags: ["--summary", "A signed-in user uploads a CSV file of up to 10,000 contacts; valid rows are imported and each invalid row is reported", "--route", "/api/contacts/imports", "--async", "--capability", "file-upload", "--scheduled-command", "ImportContactsCsv"],
    must: ["the request carries the file alone (multipart part `file`)"],
    mustNot: ["Which inputs does the request carry"],
  },
  // ... while a POST with a body and no value objects is still asked.
  "Archive old projects": {
    flags: ["--route", "/api/projects/archive-runs"],
    must: ["Which inputs does the request carry, and what rule does each follow (--value-object)?"],
    mustNot: [],
  },
  // ... and a job over every customer whose name says monthly still recurs (TRIAL9 W9 keeps its own case).
  "Compute the monthly revenue report": {
    flags: ["--summary", "A scheduled job aggregates the revenue of the previous month per customer into a report", "--route", "/api/admin/revenue-reports", "--auth", "roles", "--roles", "admin", "--async", "--scheduled-command", "ComputeMonthlyRevenueReport"],
    must: ["ComputeMonthlyRevenueReport recurs", "| scheduled-recurring |"],
    mustNot: [],
  },
  // B2. A parent that decides whether the new item is allowed (the Restaurant decides SlotUnavailable) is held from the load
  // to the add everywhere the plan speaks of it: its diagrams and its port too, not "read only" there and FOR UPDATE in
  // the handler, which let an implementer following the port book one table twice ...
  "Reserve a table": {
    flags: ["--summary", "A signed-in guest reserves a table at a restaurant for a time slot in the venue's time zone; a table is never booked twice for overlapping slots", "--route", "/api/restaurants/:restaurantId/reservations", "--resource", "Restaurant", "--relation", "none", "--value-object", "RestaurantId:uuid@path", "--value-object", "StartsAt:datetime", "--value-object", "PartySize:int(1..20)", "--response", "reservationId,tableId,startsAt", "--error", "SlotUnavailable:409:no table for the party is free at that time"],
    must: [
      "under a Restaurant it holds for the check",
      "find the Restaurant#44; else 404 #40;held until the commit#41;",
      "// Read and held from the load to the commit (FOR UPDATE), so a concurrent request's check waits",
      "FOR UPDATE  // held until the add commits",
      // B7. A reservation holds a table for a time, never the Restaurant.
      "cannot hold every free slot of a Restaurant",
      "How long does a reservation hold its slot at the Restaurant before it is confirmed or paid",
      // B14. The race that would book a table twice is named and tested.
      "two requests at once that would each pass the check alone: one is added, the other answers 409 SlotUnavailable",
      "| parent-checked-concurrent |",
      // B13. The venue's time zone: stored with it, the time converted once. (TRIAL20 G6: StartsAt is a datetime, an
      // instant with an offset, so no daylight-saving gap is refused; a local time's gap is time-zone-booking-place's.)
      "the venue's IANA zone is stored with the venue",
      "18:00Z in January and 17:00Z in July both fall on the 19:00 local slot",
      "| time-zone-booking-place-instant |",
    ],
    mustNot: ["it only reads", "#40;read only#41;", "Read only, for access", "hold every Restaurant", "reserves every Restaurant", "freeing the Restaurant"],
  },
  // ... while a booking that moves its Slot to Booked holds that Slot.
  "Book a slot": {
    flags: ["--route", "/api/slots/:slotId/bookings", "--resource", "Slot", "--relation", "none", "--value-object", "SlotId:uuid@path", "--transition", "Available->Booked", "--error", "SlotAlreadyBooked:409:the slot is already booked"],
    must: ["cannot hold every Slot;", "How long does a reservation hold the Slot before it is confirmed or paid"],
    mustNot: ["free slot of a Slot", "its slot at the Slot", "time-zone-booking-place"],
  },
  // ... while a comment under a post, which the post does not decide on, reads the post for access only.
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "none", "--value-object", "PostId:uuid@path", "--value-object", "Body:string(1..2000)", "--response", "commentId"],
    must: ["under a Post it only reads", "#40;read only#41;", "Read only, for access"],
    mustNot: ["holds for the check", "Read and held", "FOR UPDATE", "parent-checked-concurrent"],
  },
  // B3. A customer's first "add to cart" has no Cart to find: the first add creates it, one per account, never a 404 ...
  "Add item to cart": {
    flags: ["--summary", "A signed-in customer adds a product to their shopping cart; adding the same product again increases its quantity; the quantity may not exceed the stock available", "--criteria", "Given 3 in stock, when 4 are added, then the answer is 409 InsufficientStock and the cart is unchanged", "--route", "/api/me/cart/items", "--resource", "Cart", "--value-object", "ProductId:uuid", "--value-object", "Quantity:int(1..99)", "--response", "cartId,productId,quantity", "--event", "CartItemAdded:cartId,productId,quantity", "--error", "ProductNotFound:404:the product does not exist or is not for sale"],
    must: [
      // B6. A product is no other customer's record, and the answers' own 404 for it answers its lookup, once.
      "-> none => ProductNotFound (404): the product does not exist or is not for sale, the same as an unknown id",
      "a record it may not reach (another customer's or organisation's, one not published or withdrawn) in ProductId",
      // B11. The stock is another record's, taken by this change: "stock available" says so, and the criterion's "the
      // cart is unchanged" does not make the Cart its holder.
      "| shared-quota |",
      "When is the quota taken: when Add item to cart succeeds",
      // B12. The same item added twice: a retry's double add and the merged line's cap are asked.
      "Is a retried add told apart from a second one (an Idempotency-Key)",
      "A caller who has no Cart yet gets one, created by this request with its first item: one Cart per account", "repository.findForCaller(callerId) ?? a new Cart for the caller", "created with this first item when the caller has none", "two concurrent first requests leave one Cart holding both", "| access-self-one-created |"],
    mustNot: ["A caller who has no Cart yet gets 404", "answers 404 when the caller has no Cart", "404 when the caller has none", "The caller has no Cart", "another customer's record", "if the product does not exist or is not for sale -> ProductNotFound"],
  },
  // ... while seats the resource itself holds are guarded by its own checked change.
  "Register for an event": {
    flags: ["--summary", "A member registers for an event while the event has seats left", "--route", "/api/events/:eventId/registrations", "--resource", "Event", "--relation", "none", "--value-object", "EventId:uuid@path", "--error", "EventFull:409:the event has no seats left"],
    must: ["EventFull"],
    mustNot: ["| shared-quota |", "When is the quota taken"],
  },
  // ... and an id the answers give no 404 of their own keeps the lookup's plain one.
  "Create a task in a project": {
    flags: ["--route", "/api/tasks", "--value-object", "ProjectId:uuid", "--value-object", "Title:string(1..100)", "--response", "taskId"],
    must: ["project = find the record projectId names, within what the caller may reach -> none => 404, the same as an unknown id"],
    mustNot: ["NotFound (404):"],
  },
  // ... and the caller's own profile, which comes with the account, keeps its 404.
  "Add a link to my profile": {
    flags: ["--route", "/api/me/profile/links", "--resource", "Profile", "--value-object", "Url:url", "--response", "linkId"],
    must: ["A caller who has no Profile yet gets 404", "| access-self-one |"],
    mustNot: ["access-self-one-created", "a new Profile for the caller", "Is a retried add told apart"],
  },
  // B4. The request carries no grace period: the summary fixes it, so the plan says the answers' 24 hours, not "the
  // grace period the request chose", and does not ask how long after the change the clean-up runs ...
  "Rotate OAuth client secret": {
    flags: ["--summary", "An admin of an OAuth client rotates its secret; the old secret stays valid for a grace period of 24 hours", "--route", "/api/oauth-clients/:clientId/secret/rotate", "--resource", "OAuthClient", "--relation", "owner", "--value-object", "ClientId:uuid@path", "--response", "clientSecret,previousSecretExpiresAt", "--scheduled-command", "RevokeRotatedClientSecret", "--event", "OAuthClientSecretRotated:clientId"],
    must: [
      "the old secret's revocation is scheduled at that stored expiry, the grace period of 24 hours the answers give",
      "| scheduled-cleanup |",
      // B10. An OAuth client's secret authenticates at the token endpoint, and what could rotate it is the client's own token.
      "| oauth-client-secret-rotation |",
      "a request authenticated as the client itself (a token it got with its own client credentials) answers 403",
      "both secrets authenticate the client at the token endpoint",
      "Do access and refresh tokens already issued with the old secret stay valid",
    ],
    mustNot: ["the grace period the request chose", "How long after the change does RevokeRotatedClientSecret run", "scheduled-cleanup-delay", "| api-key-rotation |", "authenticated by an API key", "A leaked API key", "the key's recognisable prefix"],
  },
  // ... where a request that chooses it says so ...
  "Rotate a signing key": {
    flags: ["--route", "/api/signing-keys/:signingKeyId/rotate", "--resource", "SigningKey", "--value-object", "SigningKeyId:uuid@path", "--value-object", "GraceHours:int(0..168)", "--response", "secret", "--scheduled-command", "RevokeRotatedSigningKey"],
    must: ["the grace period the request chose in GraceHours", "| api-key-rotation |", "a request authenticated by an API key"],
    mustNot: ["How long after the change does RevokeRotatedSigningKey run", "the answers give"],
  },
  // ... and a clean-up whose delay no answer gives is still asked it.
  "Replace my avatar": {
    flags: ["--method", "PUT", "--route", "/api/me/avatar", "--resource", "Avatar", "--capability", "file-upload", "--scheduled-command", "PurgeReplacedAvatar"],
    must: ["How long after the change does PurgeReplacedAvatar run", "| scheduled-cleanup-delay |"],
    mustNot: ["grace period the request chose"],
  },
  // B5, B17, B18. The answers refuse the last owner (LastOwnerCannotLeave): the plan does not ask whether it may leave,
  // checks it before the Member is removed, and guards two last owners leaving at once ...
  "Leave a team": {
    flags: ["--summary", "A member leaves a team; the last owner may not leave", "--method", "DELETE", "--route", "/api/teams/:teamId/members/me", "--resource", "Team", "--relation", "member", "--value-object", "TeamId:uuid@path", "--event", "MemberLeftTeam:teamId,userId", "--error", "LastOwnerCannotLeave:409:the caller is the team's last owner"],
    must: ["What becomes of what the caller added to the Team once its Member is removed?", "if the caller is the team's last owner -> LastOwnerCannotLeave (409)\n  remove the caller's own Member from target", "the last two owners removing their own Member at once: one succeeds, the other answers 409 LastOwnerCannotLeave", "(a write skew)"],
    mustNot: ["May the last owner or admin of the Team remove its own Member"],
  },
  // ... while one whose answers say nothing of the last owner is still asked it.
  "Leave a project": {
    flags: ["--method", "DELETE", "--route", "/api/projects/:projectId/members/me", "--resource", "Project", "--relation", "member", "--value-object", "ProjectId:uuid@path"],
    must: ["May the last owner or admin of the Project remove its own Member (409 until another takes over)"],
    mustNot: ["write skew", "What becomes of what the caller added to the Project once"],
  },
  // B9. A second factor's seed and recovery codes are the account's own, replaced by their owner (off and enrol again; a
  // new set), never "rotated or revoked without a deploy", and how they are rotated is not asked ...
  "Enable two-factor authentication": {
    flags: ["--summary", "A signed-in user turns on two-factor authentication with an authenticator app: a TOTP secret is issued, confirmed with a first code", "--route", "/api/me/two-factor", "--response", "otpauthUri,secret"],
    must: ["and is replaced only by its owner, who turns the second factor off (with its own proof of the account) and enrols again", "a new enrolment replaces a pending one"],
    // B21. A new enrolment replaces the pending one: a retry makes nothing twice, so no Idempotency-Key is asked for.
    mustNot: ["without a deploy", "How is otpauthUri, secret rotated or revoked", "Must a retried request create nothing twice"],
  },
  "Confirm two-factor authentication": {
    flags: ["--summary", "A signed-in user confirms the authenticator app with its first TOTP code; two-factor authentication is turned on and recovery codes are handed out", "--route", "/api/me/two-factor/confirmation", "--value-object", "TotpCode:pattern([0-9]{6})", "--response", "recoveryCodes"],
    must: ["and is replaced by its owner with a new set, which ends every unused code of the old one at once"],
    mustNot: ["without a deploy", "How is recoveryCodes rotated or revoked"],
  },
  // ... while an API key handed out is still rotated without a deploy, and asked how.
  "Create an API key": {
    flags: ["--summary", "A signed-in user creates a personal API key", "--route", "/api/me/api-keys", "--value-object", "Label:string(1..50)", "--response", "apiKeyId,apiKey"],
    must: ["and can be rotated or revoked without a deploy.", "How is apiKey rotated or revoked", "Must a retried request create nothing twice (an Idempotency-Key header)"],
    mustNot: ["replaced only by its owner", "replaced by its owner with a new set"],
  },
  // B20. A moderator's deletion of another's comment is moderation: a reason, the author told, replies kept, asked ...
  "Delete a comment": {
    flags: ["--summary", "The comment's author or a moderator deletes a comment", "--method", "DELETE", "--route", "/api/comments/:commentId", "--resource", "Comment", "--auth", "roles", "--roles", "moderator", "--relation", "author", "--value-object", "CommentId:uuid@path"],
    must: ["When a moderator deletes a Comment someone else wrote, is a reason kept with it, is its author told"],
    mustNot: [],
  },
  // ... while an owner's delete of its own document, with no role beside it, is not.
  "Delete my document": {
    flags: ["--method", "DELETE", "--route", "/api/documents/:documentId", "--resource", "Document", "--relation", "owner", "--value-object", "DocumentId:uuid@path"],
    must: ["Is the deletion soft"],
    mustNot: ["someone else wrote"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (trial17b)");

// B8. An input named File beside --capability file-upload is a second `file` in the request's contract, and the plan's
// code did not compile (TS2300 Duplicate identifier 'file'): refused with one line, exit 2, nothing written; an input of
// its own name beside the upload is planned.
describe("an upload's own file is not given again as an input (trial17b B8)", () => {
  const UPLOAD = ["--route", "/api/contacts/imports", "--async", "--capability", "file-upload", "--scheduled-command", "ImportContactsCsv", "--date", "2026-01-01"];
  it("refuses --value-object File with one line, exit 2, and writes nothing", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Import contacts", ...UPLOAD, "--value-object", "File:string", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual(["mjoplan: --value-object: File: the uploaded file is the request's multipart part `file`, which --capability file-upload plans with its size and type checks; drop File, or name a field of its own (FileName, Title)"]);
    expect(await readdir(dest)).toEqual([]);
  });
  it("plans an upload beside an input of another name", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Import contacts", ...UPLOAD, "--value-object", "ListName:string(1..50)", "--dest", dest]);
    expect(run.exitCode).toBe(0);
  });
});

