/**
 * Plans true for their use-case (session 19, trial19c; findings of TRIAL19C): each use-case is planned from its flags,
 * and its plan and code are checked for the statement that was false or missing, beside an unlike use-case for what
 * must stay. All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const IMPORT_CONTACTS = ["--route", "/api/me/contact-imports", "--async", "--capability", "file-upload", "--response", "importId,status", "--pii", "email,name,phone", "--summary", "A signed-in user uploads a CSV file of up to 50,000 contacts (at most 10 MB); it is imported asynchronously, duplicates by email are skipped, and each invalid row is reported by row number", "--error", "FileTooLarge:413:the file is larger than 10 MB", "--error", "TooManyRows:422:the file has more than 50,000 rows"];

const CASES: Record<string, FitCase> = {
  // F1. An import's row cap is the one its words and its row-count error state, not the pack's 10000.
  "Import contacts from CSV": {
    flags: IMPORT_CONTACTS,
    // F10: what the words say of invalid rows and duplicates is stated, not asked again.
    must: ["a file of more than 50000 rows, or with", "a file of 50000 rows and one more is refused", "Row by row, as the answers say: the valid rows are imported", "Duplicates by email are skipped, as the answers say"],
    mustNot: ["more than 10000 rows", "a file of 10000 rows and one more", "All or nothing, or row by row", "does a duplicate update, skip or fail"],
  },
  // ... while an import whose words name no cap keeps the pack's.
  "Import products from CSV": {
    flags: ["--route", "/api/products/imports", "--async", "--capability", "file-upload", "--summary", "An admin uploads a CSV file of products to import"],
    must: ["a file of more than 10000 rows, or with", "All or nothing, or row by row", "does a duplicate update, skip or fail"],
    mustNot: ["50000", "as the answers say"],
  },
  // F2. An image upload takes each format its words name: "PNG, JPEG or WebP" is WebP too, not PNG and JPEG alone ...
  "Upload my avatar": {
    flags: ["--method", "PUT", "--route", "/api/me/avatar", "--success", "200", "--capability", "file-upload", "--summary", "A signed-in user uploads a profile avatar image (PNG, JPEG or WebP, at most 5 MB); it is resized to 256x256 and 64x64 and replaces the old one", "--error", "UnsupportedImageType:415:the file is not a PNG, JPEG or WebP image", "--error", "ImageTooLarge:422:the image is wider or taller than 4096 pixels"],
    // F14: the variants' sizes and the pixel cap the answers name are stated, not asked.
    // F13: an image shown in pages is served inline as its re-encoded variant, not as a download.
    // F12: a limit in pixels is the uploaded file's, arranged by the request's file, not by a seeded record.
    must: ["Only an allow-list of types (image/png, image/jpeg, image/webp) is accepted", "one of image/png, image/jpeg, image/webp,", "Content-Disposition: inline only for the re-encoded image", "The answers name variants of 256x256 and 64x64 and a pixel cap of 4096 pixels (ImageTooLarge): in which one output format", 'a request whose file makes "the image is wider or taller than 4096 pixels" hold'],
    mustNot: ["Only an allow-list of types (image/png, image/jpeg) is", 'seeded so that "the image is wider or taller', "Content-Disposition: attachment", "served as an attachment"],
  },
  // ... while a photo upload naming no format keeps PNG and JPEG.
  "Upload a photo to an album": {
    flags: ["--route", "/api/albums/:albumId/photos", "--resource", "Album", "--value-object", "AlbumId:uuid@path", "--capability", "file-upload", "--summary", "A member uploads a photo to an album", "--error", "AlbumFull:409:the album already holds 1000 photos"],
    must: ["Only an allow-list of types (image/png, image/jpeg) is accepted", 'seeded so that "the album already holds 1000 photos" holds', "Which variants are made (sizes, one output format), what is the pixel cap"],
    mustNot: ["image/webp", "image/gif"],
  },
  // F13's unlike: a PDF kept and served to others is still served as an attachment.
  "Attach a contract to a deal": {
    flags: ["--route", "/api/deals/:dealId/contracts", "--resource", "Deal", "--value-object", "DealId:uuid@path", "--capability", "file-upload", "--summary", "A member attaches a signed contract as a PDF to a deal"],
    must: ["Content-Disposition: attachment and X-Content-Type-Options: nosniff", "served as an attachment from a separate origin"],
    mustNot: ["Content-Disposition: inline"],
  },
  // F18. A support agent's reset of a customer's second factor is account recovery by support: a procedure that proves
  // something, notices to every channel, a hold and a second approval asked, recovery codes and devices revoked ...
  "Reset customer two-factor authentication": {
    flags: ["--route", "/api/users/:userId/two-factor/reset", "--auth", "roles", "--roles", "support-agent", "--resource", "User", "--value-object", "UserId:uuid@path", "--value-object", "VerificationReference:string(1..200)", "--capability", "sends-message-email", "--audit", "--summary", "A support agent removes a customer's two-factor authentication after verifying their identity; the customer is told by email"],
    must: ["| support-second-factor-reset |", "a written verification procedure that proves something an attacker on the phone lacks", "A notice of the reset goes to every channel on file", "With the factor go its recovery codes, remembered devices", "does a reset need a second agent's approval", "Is a reset held before it takes effect"],
    mustNot: [],
  },
  // ... while a support agent's change of a customer's display name is no recovery of an account.
  "Rename a customer": {
    flags: ["--method", "PATCH", "--route", "/api/users/:userId/display-name", "--auth", "roles", "--roles", "support-agent", "--resource", "User", "--value-object", "UserId:uuid@path", "--value-object", "DisplayName:string(1..80)"],
    must: [],
    mustNot: ["support-second-factor-reset", "verification procedure"],
  },
  // F3. An id input whose rule is an enum is one of fixed values, no record the caller must reach: no scoped lookup, no IDOR ...
  "Change subscription plan": {
    flags: ["--method", "PUT", "--route", "/api/subscriptions/:subscriptionId/plan", "--resource", "Subscription", "--value-object", "SubscriptionId:uuid@path", "--value-object", "PlanId:enum(starter|team|business)", "--response", "subscriptionId,planId"],
    must: ["Input PlanId (in the body, required) is accepted only as one of starter, team, business"],
    mustNot: ["the record planId names", "names by id (PlanId)", "in PlanId and acts on it", "Which records may PlanId name"],
  },
  // F15. A paged search issues a next cursor only when a row past the page exists: a full last page gets none.
  "Search products": {
    flags: ["--method", "GET", "--route", "/api/products", "--auth", "anonymous", "--capability", "search", "--capability", "pagination", "--value-object", "Q?:string(1..200)@query", "--value-object", "PageSize?:int(1..100)@query", "--value-object", "Cursor?:string(1..500)@query", "--response", "items,nextCursor"],
    must: ["nextCursor = the query read one row past the page (it asks for the page size plus one, the extra row dropped) ? sign(the last item's sort key and id, the filters) : none"],
    mustNot: ["nextCursor = a full page ?"],
  },
  // F11. A merge the words call irreversible is not asked whether it can be undone ...
  "Merge customers": {
    flags: ["--route", "/api/customers/:customerId/merge", "--auth", "roles", "--roles", "support-agent", "--resource", "Customer", "--value-object", "CustomerId:uuid@path", "--value-object", "DuplicateCustomerId:uuid", "--summary", "A support agent merges a duplicate customer record into the surviving one; the merge cannot be undone"],
    must: ["The merge cannot be undone, as the answers say: for how long is the duplicate kept marked merged before it is purged?"],
    mustNot: ["Can a merge be undone"],
  },
  // ... while one whose words say nothing of it is asked.
  "Merge duplicate contacts": {
    flags: ["--route", "/api/contacts/:contactId/merge", "--resource", "Contact", "--value-object", "ContactId:uuid@path", "--value-object", "DuplicateContactId:uuid"],
    // F17: a survivor merged away meanwhile is refused as a merged duplicate is.
    must: ["Can a merge be undone, and for how long is the duplicate kept marked merged before it is purged?", "either one already merged into another (a survivor merged away meanwhile as much as the duplicate) with 409 AlreadyMerged", "the duplicate or the survivor is already merged into another Contact"],
    mustNot: ["cannot be undone, as the answers say", "and a duplicate already merged with 409"],
  },
  // F4. A PUT whose answers refuse the value the record already has answers a repeat with that error, no silent no-op ...
  "Switch subscription plan": {
    flags: ["--method", "PUT", "--route", "/api/subscriptions/:subscriptionId/plan", "--resource", "Subscription", "--value-object", "SubscriptionId:uuid@path", "--value-object", "PlanId:enum(starter|team|business)", "--event", "SubscriptionPlanChanged:subscriptionId,planId", "--error", "SamePlan:409:the subscription is already on this plan"],
    must: ["if the subscription is already on this plan -> SamePlan (409)"],
    mustNot: ["the same body sent again changes nothing", "nothing changed (the same values again)", "a second PUT with the same body changes nothing"],
  },
  // ... while a PUT with no such error keeps its idempotent no-op.
  "Set project description": {
    flags: ["--method", "PUT", "--route", "/api/projects/:projectId/description", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "Description:string(0..2000)", "--event", "ProjectDescriptionChanged:projectId"],
    must: ["the same body sent again changes nothing", "nothing changed (the same values again) -> respond as below"],
    mustNot: [],
  },
  // ... while a plan named by its uuid is still looked up within the caller's reach.
  "Move project to another workspace": {
    flags: ["--method", "PUT", "--route", "/api/projects/:projectId/workspace", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "WorkspaceId:uuid"],
    must: ["names by id (WorkspaceId) is found through a query scoped", "in WorkspaceId and acts on it"],
    mustNot: [],
  },
  // F6. The people a comment mentions are told at their addresses on file: the comment is never refused for one
  // colleague's per-recipient cap or the day's mail budget; the send job holds back. F22: only those who may read it.
  "Comment on document": {
    flags: ["--route", "/api/documents/:documentId/comments", "--resource", "Document", "--relation", "member", "--value-object", "DocumentId:uuid@path", "--value-object", "Body:string(1..10000)", "--value-object", "MentionedUserIds?:uuid[1..50]", "--capability", "sends-message-email", "--error", "MentionNotMember:422:a mentioned person is not a member of the workspace", "--summary", "A member of the workspace comments on a document with markdown text and @mentions; each mentioned workspace member is notified"],
    // F25: a mentioned person's membership is no check of what the Document holds: no lock, no double-booking threat.
    must: ["| capability-sends-message-mention |", "so no per-recipient cap or send budget refuses POST /api/documents/:documentId/comments", "Only a mentioned person who may read the Document is told", "the next request still answers 201 and saves its change, and the send job holds its message back"],
    mustNot: ["RecipientCapped", "SendBudgetSpent", "| capability-sends-message-told |", "a request that would send answers 503", "answers 429 with a Retry-After saying when the recipient", "FOR UPDATE", "a table booked twice"],
  },
  // F25's unlike: a comment the Document caps (a thread closed at 500 comments) still holds it for the check.
  "Reply in a thread": {
    flags: ["--route", "/api/threads/:threadId/replies", "--resource", "Thread", "--relation", "member", "--value-object", "ThreadId:uuid@path", "--value-object", "Body:string(1..5000)", "--error", "ThreadFull:409:the thread already holds 500 replies"],
    must: ["FOR UPDATE"],
    mustNot: [],
  },
  // ... while a message the request aims at an address it gives is still capped per recipient and told.
  "Share a document by e-mail": {
    flags: ["--route", "/api/documents/:documentId/shares", "--resource", "Document", "--value-object", "DocumentId:uuid@path", "--value-object", "Email:email", "--value-object", "Note?:string(1..500)", "--capability", "sends-message-email"],
    must: ["| capability-sends-message-told |", "RecipientCapped", "SendBudgetSpent"],
    mustNot: ["| capability-sends-message-mention |"],
  },
  // F8. A delete that answers fields (an erasure's purgeAt) is not tested for an empty body ...
  "Delete my account": {
    flags: ["--method", "DELETE", "--route", "/api/me", "--resource", "Account", "--success", "202", "--capability", "erasure", "--scheduled-command", "PurgeAccount", "--response", "purgeAt", "--summary", "A signed-in user deletes their account; it is purged after a 30-day grace period"],
    // F9's unlike: an erasure on the session alone keeps its step-up.
    must: ["answers 202 with its response fields (purgeAt), and the data can no longer be read", 'expect(Object.keys(reply.body ?? {})).toEqual(expect.arrayContaining(["purgeAt"]));', "Erasure needs a fresh authentication", "StepUpRequired", "caller.authenticatedAt older than STEP_UP_SECONDS -> 403"],
    mustNot: ["answers 202 with no body", "expect(reply.body).toEqual({});\n    // Gone"],
  },
  // F9. An erasure whose request carries the account's password has that as its step-up: no 403 for a session signed in
  // more than 5 minutes ago, whether or not the answers name the wrong password's error.
  "Close my account": {
    flags: ["--method", "DELETE", "--route", "/api/me", "--resource", "Account", "--capability", "erasure", "--value-object", "Password:string(1..200)@header", "--summary", "A signed-in user closes their account; it is purged after a 30-day grace period"],
    must: ["verify password against the caller's stored password hash", "The password only proves who the caller is"],
    mustNot: ["Erasure needs a fresh authentication", "StepUpRequired", "older than STEP_UP_SECONDS", "step-up needed"],
  },
  "Erase my data": {
    flags: ["--method", "DELETE", "--route", "/api/me/data", "--resource", "Account", "--capability", "erasure", "--value-object", "Password:string(1..200)@header", "--error", "WrongPassword:403:the password is wrong"],
    must: ["if the password is wrong -> WrongPassword (403)"],
    mustNot: ["Erasure needs a fresh authentication", "StepUpRequired", "older than STEP_UP_SECONDS", "verify password against"],
  },
  // ... while a delete that answers nothing still answers with no body.
  "Delete a project": {
    flags: ["--method", "DELETE", "--route", "/api/projects/:projectId", "--resource", "Project", "--value-object", "ProjectId:uuid@path"],
    must: ["answers 204 with no body, and the data can no longer be read", "expect(reply.body).toEqual({});"],
    mustNot: ["with its response fields"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (trial19c)");

describe("F7: a password a DELETE puts in the query string by default is warned about, as one placed there is", () => {
  const warned = async (name: string, flags: string[]): Promise<string> => {
    const run = await cli(["plan", "--name", name, ...flags, "--dest", await tempDir(), "--date", "2026-01-01", "--format", "never"]);
    expect({ name, exitCode: run.exitCode }).toEqual({ name, exitCode: 0 });
    return String(run.stderr);
  };

  it("warns for a Password given no place on a DELETE, not for one in a POST's body", async () => {
    const deleted = await warned("Delete my account", ["--method", "DELETE", "--route", "/api/me", "--value-object", "Password:string(1..200)"]);
    expect(deleted).toContain("--value-object Password: a DELETE has no body, so it goes in the query string, where a secret in the URL is kept in access logs");
    expect(deleted).toContain("trade it for a short-lived step-up token");
    const posted = await warned("Request account deletion", ["--method", "POST", "--route", "/api/me/deletion-requests", "--value-object", "Password:string(1..200)"]);
    expect(posted).not.toContain("a secret in");
  }, 60_000);
});
