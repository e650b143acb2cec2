/**
 * Plans true for their use-case, from a new user's eighth trial (TRIAL8): each use-case is planned from the flags a
 * team would give, and its plan and code are checked for the statement the trial showed false or missing, and beside
 * it unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and
 * whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CHANGE_EMAIL = ["--summary", "Request a change of the signed-in user's email; a verification link goes to the new address and a notice to the old one", "--context", "Identity", "--value-object", "NewEmail:email", "--value-object", "CurrentPassword:string(8..128)", "--event", "EmailChangeRequested:userId", "--pii", "newEmail", "--enumeration", "account", "--capability", "secret-link-issue", "--capability", "sends-message-email"];

const CASES: Record<string, FitCase> = {
  // V1: a change of the caller's own email that issues the new address's link acts on an address with no account
  // (the reverse of a reset), and is a contact change: pending until confirmed, the old address told.
  "Change my email address": {
    flags: [...CHANGE_EMAIL, "--method", "PATCH", "--route", "/api/me/email"],
    must: ["For an account that does not exist yet the request goes ahead and its link is issued and sent", "The address in force before the change is told of it", "is answered exactly as a free one", "the link issued below goes to the new address", "| contact-change | built-in"],
    mustNot: ["For an unknown account no link is issued", "changes no email or phone of the caller's", "capability-secret-link-issue-hidden"],
  },
  // ...the same as a POST of a new email change under /me.
  "Request an email change": {
    flags: [...CHANGE_EMAIL, "--method", "POST", "--route", "/api/me/email-changes"],
    must: ["For an account that does not exist yet the request goes ahead", "The address in force before the change is told of it", "| contact-change | built-in"],
    mustNot: ["For an unknown account no link is issued"],
  },
  // ...while a reset still issues its link only for a known account, and is no contact change.
  "Request password reset": {
    flags: ["--auth", "anonymous", "--route", "/api/password-resets", "--value-object", "Email:email", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--enumeration", "account", "--pii", "email"],
    must: ["For an unknown account no link is issued and no message is sent", "OWASP's Forgot Password Cheat Sheet"],
    mustNot: ["does not exist yet the request goes ahead", "The address in force before the change is told of it", "argon2id("],
  },
  // ...and a change of email without a link capability keeps its contact-change items and its own link line.
  "Update my profile email": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--value-object", "Email:email", "--value-object", "DisplayName?:string(1..80)"],
    must: ["The address in force before the change is told of it", "a single-use link (token hashed, expires after confirmLinkLifetime) to the new address"],
    mustNot: ["the link issued below", "does not exist yet the request goes ahead"],
  },
  // V2: a second factor's recovery codes in the answer are secrets: shown once, never logged or cached, kept hashed,
  // with no scanner prefix asked for.
  "Confirm two-factor authentication": {
    flags: ["--summary", "Confirm TOTP enrolment with a 6-digit code; answers ten recovery codes once", "--context", "Identity", "--route", "/api/me/two-factor/confirm", "--value-object", "TotpCode:pattern([0-9]{6})", "--response", "recoveryCodes", "--event", "TwoFactorEnabled:userId"],
    must: ["| response-secret |", "The secret in `recoveryCodes` is made by a cryptographically secure random generator as about ten codes of at least 50 bits each", "shown in this answer only (Cache-Control: no-store)", "The secret in `recoveryCodes` is stored only as hashes, each code its own slow hash", "is replaced by its owner with a new set, which ends every unused code of the old one at once"],
    // The codes are replaced by their owner with a new set, not asked how they are rotated (TRIAL17B B9).
    mustNot: ["recognisable prefix", "never hashed", "How is recoveryCodes rotated or revoked?"],
  },
  // V7: a TOTP seed is read again to check each code: kept encrypted, never said to be hashed, no scanner prefix.
  "Enable two-factor authentication": {
    flags: ["--summary", "Start TOTP enrolment: a secret is shown once as a QR code, confirmed later with a code", "--context", "Identity", "--route", "/api/me/two-factor", "--value-object", "CurrentPassword:string(8..128)", "--response", "secret,otpauthUri"],
    must: ["The secret in `secret, otpauthUri` is kept only encrypted, never hashed (the server reads it again to check each code)", "is replaced only by its owner, who turns the second factor off"],
    mustNot: ["is stored only as a hash", "recognisable prefix", "How is secret, otpauthUri rotated or revoked?"],
  },
  // ...while an API key and a webhook's signing secret keep the hash-or-encrypted rule and the prefix question.
  "Create an API key": {
    flags: ["--summary", "A developer creates a personal API key", "--context", "Developer", "--route", "/api/me/api-keys", "--value-object", "Label:string(1..60)", "--response", "apiKeyId,apiKey"],
    must: ["The secret in `apiKey` is stored only as a hash (or encrypted, where the server must use it again, as a webhook's signing secret)"],
    mustNot: ["never hashed"],
  },
  "Register a webhook endpoint": {
    flags: ["--summary", "An owner registers a URL that receives signed event deliveries", "--context", "Developer", "--route", "/api/webhook-endpoints", "--value-object", "TargetUrl:url", "--response", "webhookEndpointId,signingSecret"],
    // The server signs each delivery with the secret again: kept encrypted, never hashed (LEAD19 L2), where an API key
    // (above) is kept as a hash.
    must: ["The secret in `signingSecret` is kept only encrypted, never hashed (the server signs each delivery with it again)", "How is signingSecret rotated or revoked, and is there a recognisable prefix so secret scanners find a leaked one?"],
    mustNot: ["stored only as a hash"],
  },
  // V3: a change that writes no event, message or notice saves the record alone: no outbox promised or tested.
  "Mark a notification as read": {
    flags: ["--summary", "Mark one of my notifications as read", "--context", "Notifications", "--method", "PATCH", "--route", "/api/me/notifications/:notificationId", "--resource", "Notification", "--value-object", "NotificationId:uuid", "--value-object", "Read:boolean"],
    must: ["| FR-2 | The handler loads the record, applies the change and saves it. |", "INT-2 applies the change and saves it", "the real database adapter: a failure injected in the save leaves nothing changed", "no events: nothing for an outbox; the client sends no version: of two at once the last one wins", "Saves the change; the client sends no version, so of two at once the last one wins."],
    mustNot: ["(outbox)", "outbox entries in one transaction", "the real database and outbox adapters", "one transaction with the outbox", "saves with the outbox", "outbox: Outbox"],
  },
  // ...while a change that emits an event keeps its outbox, and so does a create with one; a create with none saves alone.
  "Rename a project": {
    flags: ["--summary", "An owner renames a project", "--method", "PATCH", "--route", "/api/projects/:projectId", "--resource", "Project", "--value-object", "ProjectName:string(1..80)", "--event", "ProjectRenamed:projectId"],
    must: ["The handler loads the record, applies the change and saves it with its events in one transaction (outbox).", "applies the change and saves it with its outbox entries in one transaction", "the real database and outbox adapters", "one transaction with the outbox; the client sends no version: of two at once the last one wins"],
    mustNot: ["no events: nothing for an outbox"],
  },
  "Create a tag": {
    flags: ["--summary", "A signed-in user creates a tag", "--route", "/api/tags", "--value-object", "TagName:string(1..40)"],
    must: ["| A successful request saves the new aggregate. |", "INT-2 saves the new aggregate, or nothing", "the real database adapter: a failure injected in the save leaves nothing changed", "repository.add(aggregate, events)  // no events: nothing for an outbox", "// Saves the new aggregate.\n"],
    mustNot: ["(outbox)", "the real database and outbox adapters", "one transaction with the outbox", "outbox entries"],
  },
  "Book a room": {
    flags: ["--summary", "A member books a room", "--route", "/api/bookings", "--value-object", "RoomId:uuid", "--event", "RoomBooked:bookingId"],
    must: ["A successful request saves the new aggregate and its events in one transaction (outbox).", "saves the new aggregate and its outbox entries in one transaction, or neither"],
    mustNot: [],
  },
  // V4: a public cacheable read says in its contract what its caching NFR promises: the 200's headers and the 304.
  "Get a product by its slug": {
    flags: ["--context", "Catalog", "--method", "GET", "--route", "/api/products/:slug", "--auth", "anonymous", "--resource", "Product", "--value-object", "Slug:pattern([a-z0-9]+(-[a-z0-9]+)*)@path", "--response", "productId,slug,name"],
    must: ["| 200 | Found: the response fields above; cacheable: Cache-Control public with a max-age, and the answer's ETag | Cache-Control, ETag | the response fields |", "| 304 | If-None-Match matches the answer's ETag: not modified, no body | ETag, Cache-Control | none |"],
    mustNot: [],
  },
  // ...while a signed-in read of one's own record is not publicly cacheable.
  "Get my profile": {
    flags: ["--context", "Accounts", "--method", "GET", "--route", "/api/me/profile", "--resource", "Profile", "--response", "displayName"],
    must: ["| 200 |"],
    mustNot: ["| 304 |", "Cache-Control public"],
  },
  // V5: a bare 404 of the answers' on a read of the resource the route names is that read's not-found answer.
  "Find a product by its slug": {
    flags: ["--context", "Catalog", "--method", "GET", "--route", "/api/products/:slug", "--auth", "anonymous", "--resource", "Product", "--value-object", "Slug:pattern([a-z0-9]+(-[a-z0-9]+)*)@path", "--response", "productId,slug,name", "--error", "ProductNotFound:404"],
    must: ["view = query.find(slug)  // null -> ProductNotFound (404)", "a missing Product answers 404 (ProductNotFound).", "| ProductNotFound | 404 |"],
    // ...said once (TRIAL9 W16): the resource's requirement and test name it, no second one of the answers'.
    mustNot: ["when it applies -> ProductNotFound", "When ProductNotFound applies", "When the request names no such product", "| NotFound | 404 |", "ValidationError -> 400; NotFound -> 404"],
  },
  // ...while a 404 with a condition of its own stays a check of its own, and one on a create naming no resource asks when.
  "Archive a project": {
    flags: ["--method", "POST", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--transition", "Active->Archived", "--error", "ProjectHidden:404:the project is hidden by an administrator"],
    must: ["if the project is hidden by an administrator -> ProjectHidden (404)", "| NotFound (missing or unrelated) | 404 |"],
    mustNot: ["null -> ProjectHidden"],
  },
  "Checkout a cart": {
    flags: ["--route", "/api/checkouts", "--value-object", "CartId:uuid", "--error", "CartNotFound:404"],
    must: ["When CartNotFound applies (TODO(plan): say when)"],
    mustNot: ["the request names no such"],
  },
  // V8, V9: a sign-up's verification link opens no existing account (no reset's hour, no other sessions); the password
  // it sets is breach-checked and hashed before the known/unknown branch, so both take the same time.
  "Sign up with email and password": {
    flags: ["--summary", "Create an account with email and password; a verification mail is sent", "--context", "Identity", "--route", "/api/accounts", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Password:string(12..128)", "--value-object", "DisplayName:string(1..80)", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--enumeration", "account", "--pii", "email,displayName", "--scheduled-command", "ExpireEmailVerification"],
    must: [/displayName = DisplayName\.create\([^\n]*\n {2}password found in known breaches \(a k-anonymity range query\) -> 400, nothing saved or sent\n {2}passwordHash = argon2id\(password\) {2}\/\/ salted and slow; made before anything branches on whether the account exists, so both cases take the same time[^\n]*\n {2}known = /, "A link lives 1 day"],
    mustNot: ["Forgot Password Cheat Sheet", "other sessions signed out", "capability-secret-link-recovery"],
  },
  // ...and a change of password hashes the new one after the current one is verified, with no existence to hide.
  "Change my password": {
    flags: ["--context", "Identity", "--method", "POST", "--route", "/api/me/password", "--value-object", "CurrentPassword:string(8..128)", "--value-object", "NewPassword:string(12..128)"],
    must: [/verify currentPassword[^\n]*\n {2}newPassword found in known breaches[^\n]*\n {2}newPasswordHash = argon2id\(newPassword\) {2}\/\/ salted and slow; the password itself goes no further\n/],
    mustNot: ["so both cases take the same time"],
  },
  // V10: with an Idempotency-Key and an external call, the key's answer is kept after the call, in the save's
  // transaction; a row lock held over the call is said so.
  "Refund a payment": {
    flags: ["--summary", "Support staff refund all or part of a captured payment through the payment provider", "--context", "Billing", "--route", "/api/payments/:paymentId/refunds", "--auth", "roles", "--roles", "support,finance-admin", "--resource", "Payment", "--value-object", "PaymentId:uuid", "--value-object", "AmountCents:int(1..100000000)", "--value-object", "IdempotencyKey:string(16..64)@header", "--capability", "external-call", "--event", "PaymentRefunded:paymentId,refundId,amountCents", "--error", "RefundExceedsPaid:422:the amount plus earlier refunds exceeds the captured amount"],
    // (TRIAL20 G3: a refund's lock is released before the call, the Refund committed pending under it, and the answer
    // settles it: saved succeeded with the key's answer.)
    must: [/FOR UPDATE[^\n]*\n(?: {2}[^\n]*\n)*? {2}refund saved pending \(repository\.add, no events yet\) and committed with the lock  \/\/[^\n]*never held over it\n {2}breaker\.allow/, /outcome = external\.call\([^\n]*\n(?: {2}[^\n]*\n)*? {2}idempotency\.complete\(callerId, idempotencyKey, the answer\)[^\n]*\n {2}repository\.save\(refund marked succeeded with the provider's refund id, events\)/],
    mustNot: [/idempotency\.complete\([^\n]*\n(?: {2}[^\n]*\n)*? {2}outcome = external\.call/],
  },
  // ...while a call with no lock taken says nothing of one.
  "Charge a saved card": {
    flags: ["--summary", "A customer pays an order with a saved card through the payment provider", "--context", "Billing", "--route", "/api/charges", "--value-object", "OrderId:uuid", "--value-object", "IdempotencyKey:string(16..64)@header", "--capability", "external-call", "--event", "CardCharged:chargeId"],
    must: [/outcome = external\.call\([^\n]*\n(?: {2}[^\n]*\n)*? {2}idempotency\.complete\(/],
    mustNot: ["the lock taken above"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL8, trial12)");
