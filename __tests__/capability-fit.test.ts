/**
 * Plans that fit what the use-case does (REVIEW2.md, the capability and anonymous-caller findings):
 * each use-case below is planned from the flags a reviewer used, and its plan is checked for what a
 * reviewer of that kind of feature must read in it and for what would be false for it. All of them
 * are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { createHmac } from "node:crypto";
import { describeFit, type FitCase } from "./support/fit.js";

/** The webhook's valid body as its sender sends it: the tests must sign exactly these bytes. */
const WEBHOOK_BODY = JSON.stringify({ eventId: "a", eventType: "charge.succeeded", paymentIntentId: "a" });

const CASES: Record<string, FitCase> = {
  // R3: a fixed payment provider is not an SSRF surface: no input is a URL.
  "Checkout cart": {
    flags: ["--method", "POST", "--route", "/api/carts/:cartId/checkout", "--resource", "Cart", "--relation", "owner", "--value-object", "CartId:uuid", "--value-object", "IdempotencyKey:string(16..64)@header", "--value-object", "Amount:int(1..10000000)", "--value-object", "Currency:enum(EUR|USD)", "--event", "OrderPlaced:orderId,cartId,amount", "--capability", "external-call", "--error", "CartEmpty:409:the cart has no items", "--transition", "Open->CheckedOut"],
    must: ["| IdempotencyKey | header `Idempotency-Key` | `string(16..64)` | required |", 'IdempotencyKey.fromText(request.header["Idempotency-Key"])', "Input IdempotencyKey (in the header `Idempotency-Key`, required)",
      // R4: the key is used: a retry answers the first answer and acts once, the key goes to the provider, and the charge/save order is asked.
      "Two requests with the same key at once run one after the other (serialised on the key)",
      "expect(again.body).toEqual(first.body);",
      "The external call carries an idempotency key derived from the request's",
      "What happens when the external call succeeds and the save after it fails", "From the header Idempotency-Key as text", "Outbound requests go over HTTPS only to an allow-list of hosts configured for each external system, never to a host taken from the request", "an allowed host that redirects to an internal address is not followed"],
    mustNot: ["| IdempotencyKey | header |", "request.header.idempotencyKey", "in a header", "a URL pointing at the cloud metadata address", "refused with 400 and no connection is made", "Server-side request forgery", "refused by the SSRF guard", "Can any URL come from user input", "capability-external-call-url"],
  },
  // R3: where the request names a URL, the server can be made to reach inward.
  "Register webhook endpoint": {
    flags: ["--method", "POST", "--route", "/api/webhook-endpoints", "--value-object", "TargetUrl:url", "--capability", "external-call"],
    must: ["| capability-external-call-url |", "is refused with 400 and no connection is made", "**Server-side request forgery**", "Any outbound request refused by the SSRF guard (someone is probing)", "Which hosts, schemes and ports may a URL from the request name"],
    mustNot: [],
  },
  // R5: a webhook's signature is its credential: checked over the raw body before anything else, and the tests sign as the sender does.
  "Receive payment webhook": {
    flags: ["--actor", "Payment provider", "--method", "POST", "--route", "/api/webhooks/payments", "--auth", "anonymous", "--value-object", "Signature:string(10..512)@header", "--value-object", "EventId:string(1..64)", "--value-object", "EventType:enum(charge.succeeded|charge.failed|charge.refunded)", "--value-object", "PaymentIntentId:string(1..64)", "--event", "PaymentConfirmed:orderId", "--rate-limit", "100/1m", "--capability", "external-call"],
    must: [
      "| webhook-signature |",
      "Signature verifies under the sender's own signature scheme over the raw body (the bytes as received, before any JSON parsing;",
      "with the sender's shared secret",
      "compared in constant time (crypto.timingSafeEqual)",
      "| 401 | The signature does not match the raw body",
      "A forged callback",
      "a repeated delivery answers 2xx again and changes nothing",
      "signature verified by the sender's own scheme over request.rawBody with signingSecret (e.g. Stripe: HMAC-SHA256 of \"t.rawBody\" against v1), compared by crypto.timingSafeEqual -> mismatch => 401",
      "| 200 |",
      // R6: the sender's deliveries are limited in all, not per address.
      "At most 100 deliveries per 1m in all, not per address",
      "rateLimiter.consume(deliveriesKey)",
      // The contract carries what a correct handler verifies, and the tests sign with a test secret.
      "readonly rawBody: string;",
      "readonly signingSecret: string;",
      'const SIGNING_SECRET = "test-signing-secret";',
      "signingSecret: SIGNING_SECRET",
      `signature: ${JSON.stringify(createHmac("sha256", "test-signing-secret").update(WEBHOOK_BODY).digest("hex"))}`,
      `rawBody: ${JSON.stringify(WEBHOOK_BODY)}`,
      `signature: ${JSON.stringify(createHmac("sha256", "not-the-shared-secret").update(WEBHOOK_BODY).digest("hex"))}`,
      "expectProblem(await handleReceivePaymentWebhook(request, contextOf(), deps), 401);",
    ],
    mustNot: ["per client (IP address", "The endpoint is public: it needs no credentials", 'signature: "aaaaaaaaaa"', "| 201 |", "Location names the new resource", "(public endpoint)", "a URL pointing at the cloud metadata address"],
  },
  // R8: an upload carries its file: in the API contract, the handler contract, the steps and the tests' valid request.
  "Upload avatar": {
    flags: ["--summary", "Upload a new avatar image for the caller", "--method", "PUT", "--route", "/api/me/avatar", "--capability", "file-upload", "--event", "AvatarChanged:userId"],
    must: [
      "Request body: multipart/form-data: the file in part `file`",
      "| file | body | the file, multipart part `file`: one of image/png, image/jpeg, at most the size limit, its type read from its content | required |",
      "with the file (multipart part `file`)",
      "type = read from file.bytes (magic bytes), never file.declaredType -> not in ACCEPTED_TYPES => 415",
      "fileId = new id; storage.store(fileId, file.bytes, type): the private bucket, quarantined until the malware scan passes",
      "readonly file: UploadAvatarFile;",
      'export const ACCEPTED_TYPES: readonly string[] = ["image/png", "image/jpeg"];',
      "export const MAX_UPLOAD_BYTES = 26214400;",
      "Uploads are limited in size to 25 MB",
      'validRequest = (): UploadAvatarRequest => ({ file: { bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47',
      'declaredType: "image/png", fileName: "upload-avatar.png" }',
      "expectProblem(await handleUploadAvatar(disguised, contextOf(), deps), 415);",
      "| capability-file-upload-stored |",
      "Every file is scanned for malware before anyone else can download it",
      "Images are re-encoded on ingest and their metadata (EXIF with GPS, device data) stripped",
      "| capability-file-upload-image |",
      "quarantined until the malware scan passes",
    ],
    mustNot: ["Request body: none expected", "The request carries no inputs", "Readonly<Record<string, never>>", "Needs the uploaded bytes as an input of the handler contract",
      // R9: an avatar is kept and served: none of an import's items.
      "capability-file-upload-import", "CSV injection", "row number"],

  },
  // R8: an asynchronous import stores the file first and hands the job its id.
  "Import contacts CSV": {
    flags: ["--method", "POST", "--route", "/api/contacts/imports", "--async", "--capability", "file-upload", "--scheduled-command", "RunContactImport", "--event", "ContactsImported:importId,count@RunContactImport", "--pii", "email,name"],
    must: ["job = accept(RunContactImport, { fileId })", "one of text/csv", 'declaredType: "text/csv"', "Uint8Array.from(\"email,name\\nada@example.com,Ada\\n\", (c) => c.charCodeAt(0))",
      // R9: what a bulk-import reviewer asks.
      "| capability-file-upload-import |",
      "RFC 4180 quoting",
      "a file of more than 10000 rows",
      "the import's result lists each refused row by its row number, column and reason, without echoing the cell's value",
      "Cells that start with =, +, -, @, a tab or a carriage return are stored as plain text, never evaluated",
      "deleted when the import ends, whatever its outcome",
      "read only by the import, which deletes it when it ends; it is never served",
      "All or nothing, or row by row",
      "Which field identifies a record for duplicates",
      "Is importing the same file again (the same content hash) a no-op",
      "third parties' personal data (contacts), and on which lawful basis",
    ],
    mustNot: ["accept(RunContactImport, {  })", "Request body: none expected",
      // R9: an imported file is parsed and deleted, never downloaded or shown as an image.
      "before anyone else can download it", "Images are re-encoded", "quarantined until the malware scan passes", "capability-file-upload-stored", "EICAR"],
  },
  // R8: where the use-case names no type, the plan asks, and no test pretends to know a valid file.
  "Attach file": {
    flags: ["--method", "POST", "--route", "/api/tickets/:ticketId/attachments", "--resource", "Ticket", "--value-object", "TicketId:uuid", "--capability", "file-upload"],
    must: ["the file, multipart part `file`: TODO(plan): the accepted types", "Needs a sample file of an accepted type (the plan names none yet) as the request's file"],
    mustNot: ["one of image/png", "declaredType: \"image/png\""],
  },
  // R27: an asynchronous delete marks the resource at once, and its job's status is not a child of the resource.
  "Delete workspace": {
    flags: ["--method", "DELETE", "--route", "/api/workspaces/:workspaceId", "--async", "--resource", "Workspace", "--value-object", "WorkspaceId:uuid", "--scheduled-command", "PurgeWorkspace", "--event", "WorkspaceDeleted:workspaceId@PurgeWorkspace"],
    must: [
      "Location: `/api/jobs/:jobId`, the job's status resource",
      "// GET /api/jobs/:jobId",
      "the request marks the Workspace as being deleted: hidden from every read at once, changes to it refused with 409",
      "a second DELETE while the deletion runs answers 202 with the first job's Location and schedules nothing",
      "mark workspace deleting: hidden from every read, changes refused with 409; in the same transaction as the job",
      "already being deleted -> respond 202 with the Location of its job, nothing scheduled again",
    ],
    mustNot: ["/api/workspaces/:workspaceId/{jobId}", "/api/workspaces/:workspaceId/:jobId", "{jobId}", "do the work and store the result"],
  },
  // R18: an anonymous list has no caller to bind a cursor to.
  "List published articles": {
    flags: ["--method", "GET", "--route", "/api/articles", "--auth", "anonymous", "--value-object", "PageSize?:int(1..50)", "--value-object", "Cursor?:string(1..300)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["| access-anonymous-read |", "The query returns only what is public", "Cache-Control: public with a max-age", "answers with 304 and no body", "Is 10/1m per client right for a public read", "The cursor is opaque to clients", "the cursor is malformed, tampered with or issued for other filters, or the page size is out of range"],
    // It takes no filter: there is nothing for its cursor to carry (TRIAL5 U9).
    mustNot: ["The query port returns only what the caller may see", "another caller", "not issued to this caller", "bound to their caller", "an anonymous list has none", "capability-pagination-caller", "The cursor carries the filters"],
  },
  // R18: a signed-in caller's cursor still is bound to it.
  "List my recordings": {
    flags: ["--method", "GET", "--route", "/api/me/recordings", "--value-object", "PageSize?:int(1..50)", "--value-object", "Cursor?:string(1..300)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["| capability-pagination-caller |", "The cursor also carries the caller it was issued for; another caller presenting it is refused with 400", "a cursor issued to one caller and used by another is refused with 400", "the cursor was issued to another caller"],
    mustNot: [],
  },
  // R28: an anonymous job has no caller: its id is the key, and the cap counts per client.
  "Submit contact form": {
    flags: ["--method", "POST", "--route", "/api/contact-requests", "--auth", "anonymous", "--async", "--value-object", "Email:email", "--value-object", "Message:string(1..2000)", "--scheduled-command", "ProcessContactRequest", "--pii", "email"],
    must: ["the job's id is the only key to its status resource: at least 128 bits", "jobs.active(clientKey) at 3", "jobs.save({ id: job.id, ownerId: clientKey, state: pending })", "job = jobs.findById(jobId)", "statusOf(jobId: string)", "answers 429 while 3 of the client's jobs are pending or running", 'ownerId: "client-1"', "Does the anonymous submitter need a status resource at all"],
    mustNot: ["only the caller who started the job may read it", "callerId", "answers another caller's job status", "an anonymous caller has none", "per caller"],
  },
  // R28: a signed-in caller's job answers only that caller.
  "Export my data": {
    flags: ["--method", "POST", "--route", "/api/me/exports", "--async", "--scheduled-command", "RunDataExport"],
    must: ["Only the caller who started the job may read its status", "answers another caller's job status with 404", "jobs.active(callerId) at 3", 'ownerId: "user-1"'],
    mustNot: ["128 bits", "per client (429"],
  },
  // R19: a sign-up creates for an unknown account, the opposite of a reset request: the plan must not state either direction as fact.
  "Register account": {
    flags: ["--method", "POST", "--route", "/api/accounts", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Password:string(12..128)", "--enumeration", "account", "--capability", "sends-message", "--pii", "email", "--event", "AccountRegistered:accountId"],
    must: ["| password-input |", "The password is kept only as a salted, slow hash (argon2id, or bcrypt)", "answers 202 with the same body whether or not the account exists; what it saves and sends differs between the two cases", "TODO(plan): which case creates and which only notifies", "H->>R: for a known or an unknown account#44; as the use#45;case says"],
    mustNot: ["For a known account the new aggregate", "for an unknown one nothing is saved", "for an unknown account, saves nothing and sends nothing", "For a known account, the handler creates", "for a known account only", "| 201 |"],
  },
  // R29: a sign-in answers a session or one refusal, never "202 whether or not the account exists".
  "Sign in": {
    flags: ["--method", "POST", "--route", "/api/auth/sessions", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Password:string(8..128)", "--value-object", "ReturnTo?:url@query", "--enumeration", "account"],
    must: [
      "| sign-in |",
      "| 200 | Signed in: a new session",
      "| 401 | The account is unknown or the password is wrong: the same body for both |",
      "an unknown account and a wrong password answer the same 401 with the same body, in the same time",
      "verify the password against the stored hash",
      "account = repository.find(email)",
      "argon2id",
      "| InvalidCredentials | 401 |",
      "Session fixation",
      "Credential stuffing",
      // R29 (M): where a sign-in sends the caller next is not an open redirect.
      "| input-redirect |",
      "ReturnTo is followed only when it is a relative path on this site",
      "ReturnTo set to https://evil.example, //evil.example or /\\evil.example sends the caller to the default page",
    ],
    mustNot: ["| password-input |", "| 202 |", "whether or not the account exists", "The endpoint is public: it needs no credentials", "for an unknown account, saves nothing", "repository.find(id)"],
  },
  // R1/R2: an OAuth/OIDC callback is a GET the provider chooses, and it starts a session: not a read, not a list.
  "Complete SSO login": {
    flags: ["--summary", "Finish an OAuth/OIDC sign-in: exchange the code for tokens and start a session", "--context", "Identity", "--method", "GET", "--route", "/api/auth/sso/callback", "--auth", "anonymous", "--value-object", "Code:string(1..512)", "--value-object", "State:string(16..128)", "--capability", "external-call", "--event", "UserSignedIn:userId"],
    must: [
      "| capability-oauth-callback |",
      "| 302 | Signed in: a redirect (Location) to a page of this site, with the new session's cookie (Set-Cookie)",
      "compared in constant time, the one stored in this browser's short-lived pre-login record",
      "PKCE code_verifier (S256)",
      "the redirect_uri exactly as registered",
      "a used, expired or foreign code fails the exchange and answers 400",
      "iss the provider, aud our client id",
      "nonce the one in the pre-login record",
      "never by the email claim alone; an existing account is linked by email only when the provider marks the email verified",
      "a new session under a new session id",
      "HttpOnly, Secure and SameSite=Lax",
      "A callback that carries error (access_denied, ...) instead of a code",
      "Referrer-Policy: no-referrer",
      "Login CSRF",
      "| InvalidCallback | 400 |",
      "request.query.error present (access_denied, ...) -> respond 302 to the sign-in page",
      "tokens = provider.exchangeCode(code, pending.codeVerifier, redirectUri exactly as registered)",
      "participant P as Identity provider",
      "OpenID Connect (an ID token) or plain OAuth 2.0",
      "A successful request emits UserSignedIn (version 1) after the state change, through the outbox.",
    ],
    // A sign-in through the provider configures nothing (fix19a): no settings' pack, no recent sign-in of a caller it has not got yet.
    mustNot: ["only reads: it changes no state", "empty list", "The query port returns only what the caller may see", "The endpoint is public", "public endpoint", "| 200 |", "Saves the new aggregate", "Mass assignment", "items = query", "| sso-config |", "| recent-sign-in |", "ReauthenticationRequired", "Enforcing SSO"],
  },
  // Not a callback: a code in the route names a promotion, and no state comes with it.
  "Show promotion": {
    flags: ["--method", "GET", "--route", "/api/promotions/:code", "--auth", "anonymous", "--resource", "Promotion", "--value-object", "Code:string(4..32)"],
    must: ["| 200 |"],
    mustNot: ["capability-oauth-callback", "pre-login record", "| 302 |", "Identity provider"],
  },
  // R20: a CSV export: formula cells neutralised, whose data it is asked, not assumed.
  "Export report": {
    flags: ["--summary", "Export the monthly report as CSV", "--context", "Reports", "--method", "POST", "--route", "/api/reports/exports", "--async", "--capability", "file-download", "--scheduled-command", "RunReportExport", "--event", "ReportExported:exportId@RunReportExport", "--value-object", "Month:pattern(\\d{4}-\\d{2})", "--audit"],
    must: [
      "| capability-file-download-csv |",
      "Every cell that starts with =, +, -, @, a tab or a carriage return is written with a leading ' and every field is quoted",
      "CSV injection",
      "What is the largest export (rows or bytes)",
      "which of them are personal data",
      "Does a second request for the same data while one export runs return that export",
      "Whose data does `POST /api/reports/exports` reach",
    ],
    mustNot: ["so the caller can reach only its own data"],
  },
  // A download that is no CSV has no formula cells.
  "Download recording": {
    flags: ["--method", "GET", "--route", "/api/recordings/:recordingId/download", "--resource", "Recording", "--value-object", "RecordingId:uuid", "--capability", "file-download"],
    must: ["| capability-file-download |"],
    mustNot: ["capability-file-download-csv", "CSV injection", "leading '"],
  },
  // R7: a role change hands out power: lock-out, self-escalation, stale tokens, tenants, an audit from what to what.
  "Change user role": {
    flags: ["--summary", "An admin gives a user another role", "--actor", "Admin", "--context", "Identity", "--method", "PATCH", "--route", "/api/admin/users/:userId/role", "--auth", "roles", "--roles", "admin", "--resource", "User", "--value-object", "UserId:uuid", "--value-object", "Role:enum(member|moderator|admin)", "--event", "UserRoleChanged:userId,role", "--audit"],
    must: [
      "| capability-privilege-change |",
      "A change that would leave no holder of the highest role (the last admin demoting itself or being demoted or removed) is refused with 409",
      "A caller cannot change its own roles or permissions, and cannot grant a role or permission it does not hold itself",
      "A demotion takes effect at once: the user's sessions and refresh tokens are revoked",
      "the role or permissions before and after",
      "Are roles global, or held per organisation (tenant) or team?",
      "Does granting the highest role need the caller to sign in again first",
      "| LastAdministrator | 409 |",
      "the change would leave no holder of the highest role -> 409 LastAdministrator",
      "audit.record(actor, target id, role before, role after, outcome, client, correlationId)",
      "revoke the target's sessions and refresh tokens",
    ],
    mustNot: ["audit.record(actor, action, outcome, correlationId)", "| if-match |", "| 428 |"],
  },
  // A role named in a permission route is a change of privileges too; a profile's display name is not.
  "Remove member permission": {
    flags: ["--method", "DELETE", "--route", "/api/teams/:teamId/members/:memberId/permissions/:permission", "--resource", "Team", "--relation", "owner", "--value-object", "TeamId:uuid", "--value-object", "MemberId:uuid", "--value-object", "Permission:enum(read|write)"],
    must: ["| capability-privilege-change |", "| LastAdministrator | 409 |"],
    mustNot: [],
  },
  // An invitation that gives the new member a role takes no one's away: no last-admin rule.
  "Invite with role": {
    flags: ["--method", "POST", "--route", "/api/teams/:teamId/invitations", "--value-object", "TeamId:uuid", "--value-object", "Email:email", "--value-object", "Role:enum(member|admin)"],
    must: [],
    mustNot: ["capability-privilege-change", "LastAdministrator"],
  },
  "Update display name": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--value-object", "DisplayName:string(1..60)", "--event", "ProfileChanged:userId"],
    must: [],
    mustNot: ["capability-privilege-change", "LastAdministrator", "last admin", "role before"],
  },
  // REVIEW3 Q14: a probe answers 200 or 503, is never cached and never an empty list.
  "Health check": {
    flags: ["--summary", "Load balancers and uptime monitors ask whether the service is up", "--actor", "Load balancer", "--context", "Operations", "--method", "GET", "--route", "/health", "--auth", "anonymous", "--response", "status"],
    must: [
      "| capability-health-check |",
      "answers 200 while the service can serve requests and 503 while it cannot",
      "The answer carries Cache-Control: no-store",
      "| 503 | Not ready",
      "Liveness (the process answers; no dependency checks) and readiness",
      "exempt from the rate limit",
      "status = the readiness checks, each with a short timeout",
    ],
    mustNot: ["Answers are cacheable", "empty list", "The query returns only what is public", "access-anonymous-read", "query-list"],
  },
  // A computed yes/no is no list and no public record either.
  "Check username availability": {
    flags: ["--method", "GET", "--route", "/api/usernames/availability", "--auth", "anonymous", "--value-object", "Username:pattern([a-z0-9_]{3,30})", "--response", "available"],
    must: ["answer = query.read(criteria)  // one computed answer, not a list of records"],
    mustNot: ["Answers are cacheable", "empty list", "capability-health-check"],
  },
  // REVIEW3 Q42: a role's search of other people reaches everyone's data by design: audited, not "its own".
  "Search users": {
    flags: ["--actor", "Support agent", "--method", "GET", "--route", "/api/admin/users", "--auth", "roles", "--roles", "support", "--value-object", "Query:string(3..100)", "--value-object", "PageSize?:int(1..50)", "--value-object", "Cursor?:string(1..300)", "--capability", "pagination", "--response", "items,nextCursor", "--pii", "email,name"],
    must: ["| access-roles-read-pii |", "The audit record of a read also names the records it showed (their ids)", "| audit |", "a token that carries them to the next page encrypts them", "Are results masked"],
    mustNot: ["so the caller can reach only its own data", "| access-self", "Not asked for. TODO(plan): confirm"],
  },
  // REVIEW3 Q32: leaving a team removes the caller's membership; deleting a recording keeps the meeting.
  "Leave team": {
    flags: ["--method", "DELETE", "--route", "/api/teams/:teamId/members/me", "--resource", "Team", "--relation", "member", "--value-object", "TeamId:uuid", "--event", "TeamMemberLeft:teamId,userId"],
    must: ["The handler removes the caller's own Member (`me`) from the Team and saves the Team; the Team itself is never deleted.", "remove the caller's own Member from target", "removes only the caller's own Member: the Team and its other Members stay", "May the last owner or admin of the Team remove its own Member"],
    mustNot: ["delete target", "repository.delete(target", "deletes it and saves"],
  },
  "Delete meeting recording": {
    flags: ["--summary", "The host deletes the recording of a meeting; the meeting itself stays", "--method", "DELETE", "--route", "/api/meetings/:meetingId/recording", "--resource", "Meeting", "--relation", "host", "--value-object", "MeetingId:uuid", "--event", "RecordingDeleted:meetingId"],
    must: ["removes only the Recording: the Meeting stays", "remove the Recording from target", "the Meeting itself is never deleted"],
    mustNot: ["delete target", "its other Recordings", "repository.delete(target"],
  },
  // REVIEW3 Q1: a DELETE of a collection under /me deletes the caller's items, a sign-out its session: never the caller.
  "Revoke all sessions": {
    flags: ["--summary", "Sign the caller out everywhere", "--method", "DELETE", "--route", "/api/me/sessions", "--value-object", "KeepCurrent?:boolean", "--event", "AllSessionsRevoked:userId", "--audit"],
    must: ["deleted = repository.deleteAllForCaller(callerId)  // every Session of the caller", "deleteAllForCaller(callerId: string, events: readonly unknown[]): Promise<number>;", "deletes every Session of the caller and none of another caller's, and answers 204 also when there were none", "never the caller itself"],
    mustNot: ["findForCaller(callerId)", "delete target", "the data can no longer be read"],
  },
  "Sign out": {
    flags: ["--summary", "End the caller's current session", "--method", "DELETE", "--route", "/api/auth/session"],
    must: ["revoke the session the request's credential belongs to", "revokeSession(sessionId: string", "revokes only the session of the request's credential: the account and its other sessions stay"],
    mustNot: ["findForCaller(callerId)", "delete target", "the data can no longer be read"],
  },
  // The caller's own account, DELETE /api/me, is the caller.
  "Close my account": {
    flags: ["--method", "DELETE", "--route", "/api/me"],
    must: ["delete target", "the data can no longer be read"],
    mustNot: ["deleteAllForCaller", "revokeSession"],
  },
  // The meeting itself, named by its id alone, is what a DELETE of it deletes.
  "Delete meeting": {
    flags: ["--method", "DELETE", "--route", "/api/meetings/:meetingId", "--resource", "Meeting", "--relation", "host", "--value-object", "MeetingId:uuid"],
    must: ["delete target"],
    mustNot: ["removes only", "answers-removed-item"],
  },
  // REVIEW3 Q9: an If-Match header is compared, and its failures are 412 and 428.
  "Rename workspace": {
    flags: ["--method", "PATCH", "--route", "/api/workspaces/:workspaceId", "--resource", "Workspace", "--relation", "admin", "--value-object", "WorkspaceId:uuid", "--value-object", "If-Match:string(1..128)@header", "--value-object", "Name:string(1..80)", "--response", "id,name,version", "--event", "WorkspaceRenamed:workspaceId,name"],
    must: ["| if-match |", "If-Match is compared with the current ETag of the loaded Workspace", "| 412 |", "| 428 |", "ifMatch differs from etagOf(target)", "no If-Match header -> 428", "carries its ETag", "| PreconditionFailed | 412 |"],
    mustNot: [],
  },
  // REVIEW3 Q19: a POST that reads is a query: nothing saved, 200, each item checked.
  "Batch get meetings": {
    flags: ["--summary", "Read up to 100 meetings by id in one request", "--method", "POST", "--route", "/api/meetings/batch-get", "--value-object", "Ids:string(36..3700)", "--value-object", "Fields?:string(1..200)", "--response", "items,notFound"],
    must: ["| flow-query-post |", "only reads: it changes no state", "an id the caller may not see is answered exactly like one that does not exist", "How many ids (or how large a filter) may one request carry", "| 200 |", "Input Ids (in the body, required)"],
    mustNot: ["saves the new aggregate", "| 201 |", "Location of the new resource", "Must a retried request create nothing twice", "Mass assignment"],
  },
  // REVIEW3 Q22: impersonating issues a session for the agent; the User is not changed.
  "Impersonate user": {
    flags: ["--summary", "A support agent starts a time-limited session acting as a customer", "--actor", "Support agent", "--method", "POST", "--route", "/api/admin/users/:userId/impersonation", "--auth", "roles", "--roles", "support", "--resource", "User", "--value-object", "UserId:uuid", "--value-object", "Reason:string(10..500)", "--event", "ImpersonationStarted:userId,agentId", "--audit"],
    must: ["| capability-impersonation |", "An agent cannot impersonate a user with equal or higher privileges", "cannot change credentials, email, second factors or payment methods", "every action during it is audited with both", "cannot be refreshed", "the User is not saved", "holds privileges equal to or above the caller's -> 403", "audit.record(agent, user, reason"],
    mustNot: ["version conflict", "apply the change", "repository.save(target"],
  },
  // R12: cancel at period end: a retry is answered as the first time, the job re-checks, its time and the undo are asked.
  "Cancel subscription": {
    flags: ["--summary", "Cancel at the end of the billing period", "--method", "PATCH", "--route", "/api/subscriptions/:subscriptionId", "--resource", "Subscription", "--value-object", "SubscriptionId:uuid", "--transition", "Active->PendingCancellation", "--transition", "PendingCancellation->Cancelled@EndSubscription", "--scheduled-command", "EndSubscription", "--event", "SubscriptionCancellationRequested:subscriptionId", "--event", "SubscriptionEnded:subscriptionId@EndSubscription", "--audit"],
    must: [
      "| scheduled-change |",
      "A repeated request that finds the Subscription already PendingCancellation answers 200 as the first time",
      "target.state is already PendingCancellation (a repeated request) -> respond 200 as the first time",
      "EndSubscription loads the Subscription again when it runs and does nothing",
      "When does EndSubscription run: from which field of the Subscription is its time taken (the end of the current billing period",
      "Which use-case undoes the change before EndSubscription runs",
      "Must an external system (a payment provider, a search index) be told now",
    ],
    mustNot: ["scheduled-recurring", "recurs: after each run"],
  },
  // REVIEW3 Q8: a repeated soft delete reaches the idempotent answer before the transition refuses it.
  "Delete document": {
    flags: ["--method", "DELETE", "--route", "/api/documents/:documentId", "--resource", "Document", "--value-object", "DocumentId:uuid", "--transition", "Active->Trashed", "--transition", "Trashed->Purged@PurgeTrashedDocument", "--scheduled-command", "PurgeTrashedDocument", "--event", "DocumentTrashed:documentId"],
    must: [/target\.state is already Trashed \(a repeated request\) -> respond 204[^\n]*\n {2}state = moveDocument\(target\.state, Trashed\)/],
    mustNot: [],
  },
  // No job finishes this change later. REVIEW3 Q34: string(0..N) lets a PATCH clear the text, so no blank check or dead "< 0" guard.
  "Rename meeting": {
    flags: ["--method", "PATCH", "--route", "/api/meetings/:meetingId", "--resource", "Meeting", "--value-object", "MeetingId:uuid", "--value-object", "Title:string(1..100)", "--value-object", "Notes?:string(0..500)"],
    must: ["text of at most 500 characters, empty allowed", "non-blank text, between 1 and 100 characters"],
    mustNot: ["scheduled-change", "a repeated request", "between 0 and 500", "length < 0", "at least 0 characters"],
  },
  // REVIEW3 Q3: a refund checked against what is left of the payment holds the payment: concurrent refunds conflict.
  "Refund payment": {
    flags: ["--method", "POST", "--route", "/api/payments/:paymentId/refunds", "--auth", "roles", "--roles", "support", "--resource", "Payment", "--value-object", "PaymentId:uuid", "--value-object", "Amount:int(1..10000000)", "--event", "PaymentRefunded:paymentId,refundId,amount", "--error", "RefundExceedsCaptured:422:the amount is more than what is left to refund"],
    must: ["checks the new Refund against the Payment (RefundExceedsCaptured) and adds it in one transaction that holds the Payment", "so two concurrent requests on the same Payment cannot both pass it", "payment = repository.find(id) FOR UPDATE"],
    mustNot: ["never conflict", "// read only", ", , "],
  },
  // REVIEW3 Q33: a like is the caller's own, set once; the post is never replaced. `/likes/me` is the caller's own mark
  // as `/like` is (fix16a): one row per caller and post, a repeat changes nothing, a count moved atomically.
  "Like post": {
    flags: ["--summary", "The caller likes a post; liking twice is the same as once", "--method", "PUT", "--route", "/api/posts/:postId/likes/me", "--resource", "Post", "--relation", "viewer", "--value-object", "PostId:uuid", "--event", "PostLiked:postId,userId"],
    must: ["the caller already has a Like of target (a repeat, a second click) -> respond as below, nothing saved, no event", "sets the caller's own Like of the Post: one row per caller and Post (a unique key on both ids)", "the Post itself not written whole", "| 200 |"],
    mustNot: ["A PUT sets the whole record", "the last one wins", "apply the change", "If-Match", "| 201 |"],
  },
  // A comment is a new item of the post each time: created, 201.
  "Comment on post": {
    flags: ["--method", "POST", "--route", "/api/posts/:postId/comments", "--resource", "Post", "--value-object", "PostId:uuid", "--value-object", "Body:string(1..500)"],
    must: ["| 201 |", "only to read it; it creates the new Comment under it"],
    mustNot: ["the caller already has a Comment", "unique per Post and caller"],
  },
  // REVIEW3 Q6: the ids a transfer names are other records, looked up within the caller's reach (both at once, locked: TRIAL7 U1).
  "Transfer between own accounts": {
    flags: ["--method", "POST", "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "Amount:int(1..100000000)", "--event", "MoneyTransferred:transferId"],
    must: ["| referenced-records |", "every record the request names by id (FromAccountId, ToAccountId) is found through a query scoped to what the caller may reach", "fromAccount, toAccount = the two Accounts fromAccountId and toAccountId name, within what the caller may reach, locked (SELECT ... FOR UPDATE) in ascending id order -> either none => 404", "must FromAccountId and ToAccountId differ (the same Account on both sides: a move from an Account to itself)?"],
    mustNot: ["there is no foreign record to hide behind a 404", "No account id is read from the request"],
  },
  // REVIEW3 Q16: a weekly report recurs, and each run re-checks its creator's access.
  "Create scheduled report": {
    flags: ["--summary", "The caller schedules a weekly report of its workspace's usage", "--method", "POST", "--route", "/api/workspaces/:workspaceId/report-schedules", "--resource", "Workspace", "--relation", "member", "--value-object", "WorkspaceId:uuid", "--value-object", "Cron:pattern([0-9*/, -]{9,64})", "--value-object", "Timezone:string(1..64)", "--scheduled-command", "RunScheduledReport", "--event", "ReportScheduleCreated:scheduleId,workspaceId"],
    must: ["| scheduled-recurring |", "RunScheduledReport recurs: after each run the next one is scheduled from the rule", "Each run re-checks, when it runs, that whoever created the schedule may still reach what it reads", "a rule that runs every minute is refused with 400", "IANA zone"],
    mustNot: [],
  },
  // REVIEW3 Q20: a signing secret in the answer is shown once and never kept in clear; kept encrypted, as the server
  // signs with it again (LEAD19 L2).
  "Create webhook subscription": {
    flags: ["--method", "POST", "--route", "/api/workspaces/:workspaceId/webhooks", "--resource", "Workspace", "--relation", "admin", "--value-object", "WorkspaceId:uuid", "--value-object", "Url:url", "--capability", "external-call", "--response", "id,signingSecret", "--event", "WebhookSubscribed:webhookId,workspaceId"],
    must: ["| response-secret |", "The secret in `signingSecret` is made by a cryptographically secure random generator", "shown in this answer only (Cache-Control: no-store)", "The secret in `signingSecret` is kept only encrypted, never hashed (the server signs each delivery with it again)"],
    mustNot: [],
  },
  // R25: a search's free text, its range and whose data it reaches.
  "Search meetings": {
    flags: ["--summary", "Search meetings with filters", "--context", "Meetings", "--method", "GET", "--route", "/api/meetings/search", "--value-object", "Query?:string(1..100)", "--value-object", "From?:date", "--value-object", "To?:date", "--value-object", "PageSize?:int(1..100)", "--value-object", "Cursor?:string(1..200)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: [
      "| capability-search |",
      "| input-range |",
      "| access-self-assumed |",
      "Where both ends are given, From is not after To; a request with the ends the wrong way round is refused with 400 naming both inputs, before anything is read.",
      "from and to both given and from > to -> 400 problem+json naming both, nothing read",
      "How wide may one request's range of dates be (where From is not after To)",
      "The search text (Query) reaches the search only as data: a bound parameter with LIKE's % and _ (and the escape character) escaped",
      "a search for % or _ matches only records containing that character, not every record",
      "Results are sorted only by fields on an allow-list (an unknown sort field answers 400)",
      "a minimum length for Query or an index that serves short terms",
      "| search text | dropped: people search for names, emails and other personal data |",
      "Whose data does `GET /api/meetings/search` reach: only the caller's own, also what is shared with it, or its whole organisation's",
      "is planned as reaching the caller's own data",
    ],
    mustNot: ["so the caller can reach only its own data", "| access-self |"],
  },
  // Not a search, not a range: the caller's own list under /me, filtered by an enumeration.
  "List my meetings": {
    flags: ["--method", "GET", "--route", "/api/me/meetings", "--value-object", "Status?:enum(scheduled|ended)", "--value-object", "Cursor?:string(1..200)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["| access-self |", "Identity comes from the credential only: the request names no account, so the caller can reach only its own data"],
    mustNot: ["response-secret", "capability-search", "input-range", "access-self-assumed", "Whose data does", "LIKE's % and _"],
  },
  // From and To that are languages bound no range, and a POST's text is no search.
  "Translate text": {
    flags: ["--method", "POST", "--route", "/api/translations", "--value-object", "From:enum(en|de|fr)", "--value-object", "To:enum(en|de|fr)", "--value-object", "Text:string(1..5000)"],
    must: [],
    mustNot: ["capability-search", "input-range", "is not after", "LIKE's % and _"],
  },
};

describeFit(CASES, "each plan says what is true for what its use-case does, and nothing false");
