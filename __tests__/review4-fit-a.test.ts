/**
 * Plans true for their use-case (REVIEW3, fit5a: the handler contract and the tests side): each use-case
 * below is planned from the flags the reviewer used, and its plan and code are checked for what a reviewer
 * of that kind of feature must read and for the statement the finding showed false. All are planned into
 * one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";
import { proveAgainstImplementation } from "./support/prove-implementation.js";

const REFUND = ["--summary", "Support refunds all or part of a captured payment through the payment provider", "--actor", "Support agent", "--context", "Billing", "--method", "POST", "--route", "/api/payments/:paymentId/refunds", "--auth", "roles", "--roles", "support,billing-admin", "--resource", "Payment", "--value-object", "PaymentId:uuid", "--value-object", "Amount:int(1..10000000)", "--value-object", "Reason:enum(duplicate|fraudulent|requested_by_customer)", "--value-object", "Idempotency-Key:string(16..64)@header", "--capability", "external-call", "--event", "PaymentRefunded:paymentId,refundId,amount", "--error", "RefundExceedsCaptured:422:the amount is more than what is left to refund", "--audit"];

const DOWNLOAD_INVOICE = ["--summary", "The customer downloads one of its invoices as PDF", "--context", "Billing", "--method", "GET", "--route", "/api/invoices/:invoiceId/pdf", "--resource", "Invoice", "--relation", "owner", "--value-object", "InvoiceId:uuid", "--capability", "file-download"];

const UPLOAD_URL = ["--summary", "The client asks for a presigned URL and uploads the attachment straight to object storage", "--context", "Files", "--method", "POST", "--route", "/api/attachments/upload-urls", "--value-object", "FileName:string(1..255)", "--value-object", "ContentType:enum(image/png|image/jpeg|application/pdf)", "--value-object", "SizeBytes:int(1..26214400)", "--capability", "file-upload", "--response", "uploadUrl,attachmentId,expiresAt"];

const CASES: Record<string, FitCase> = {
  // Q23 + Q3: an external call has a port in the contract (with a fake that times out, fails, answers nonsense),
  // the steps make the call with the request's idempotency key and map its failures, and its tests run against the fake.
  "Refund payment": {
    flags: REFUND,
    must: [
      "readonly external: ExternalSystem;",
      "readonly breaker: CircuitBreaker;",
      "export const EXTERNAL_CALL = { system: \"external-system\", timeoutMs: 5000, retries: 3, backoffMs: 200 } as const;",
      "export const BREAKER: BreakerPolicy = { failureThreshold: 5, openSeconds: 30 };",
      "outcome = external.call({ system, operation: the call the plan names, payload from the value objects, idempotencyKey: derived from idempotencyKey, timeoutMs: EXTERNAL_CALL.timeoutMs })",
      "still no answer -> 504 ExternalSystemTimeout, refund kept pending, counted against what was captured", // TRIAL20 G3: a refund is on file before the call
      "a body that fails its schema -> 502 ExternalSystemFailed",
      "breaker.allow(EXTERNAL_CALL.system) is false -> 503 ExternalSystemUnavailable + Retry-After",
      // The domain error refuses the request before the Refund is built or the provider called.
      /if the amount is more than what is left to refund -> RefundExceedsCaptured \(422\)\n {2}refund = new Refund under payment/,
      // The key's answer is kept after the provider's call, in the save's transaction (TRIAL8 V10).
      /external\.call\([^\n]*\n(?: {2}[^\n]*\n){4} {2}idempotency\.complete\([^\n]*in the save's transaction[^\n]*\n {2}repository\.save\(refund marked succeeded with the provider's refund id, events\)/,
      "at most 3 times, with exponential backoff",
      "opens after 5 failed calls in a row",
      // Real bodies against the fake, pending until the handler is implemented.
      /it\.failing\("INT-\d+ an external system that never answers makes the call fail after the total timeout/,
      /it\.failing\("INT-\d+ an idempotent call answered 503 twice then 200 succeeds after 2 retries/,
      /it\.failing\("INT-\d+ after the failure threshold the breaker opens/,
      /it\.failing\("INT-\d+ each call to the external system leaves a log record/,
      /it\.failing\("SEC-\d+ the logs and the error response of a failed external call contain no API key/,
      /it\.failing\("SEC-\d+ an external response that fails its schema or exceeds the size limit is refused/,
      /it\.failing\("INT-\d+ a retried request calls the external system with the same idempotency key as the first/,
      "external: new InMemoryExternalSystem(EXTERNAL_OK)",
    ],
    mustNot: [
      /it\.todo\("INT-\d+ an external system that never answers/,
      /it\.todo\("INT-\d+ an idempotent call answered 503 twice/,
      /it\.todo\("INT-\d+ after the failure threshold the breaker opens/,
      /it\.todo\("INT-\d+ each call to the external system leaves a log record/,
      "the external system's port (an HTTP client the handler takes",
      // The event is not collected before the check that refuses the request.
      /events \+= PaymentRefunded[^\n]*\n {2}if the amount is more/,
    ],
  },
  // Q38: an accepted job under a resource has its status under it in the route's own syntax, and the status
  // lookup compares the path's resource with the job's (a job of another Video is not found under this one).
  "Transcode video": {
    flags: ["--summary", "The owner asks for a video to be transcoded to 720p; a job does it", "--context", "Media", "--method", "POST", "--route", "/api/videos/:videoId/transcodings", "--resource", "Video", "--relation", "owner", "--async", "--value-object", "VideoId:uuid", "--value-object", "Resolution:enum(480p|720p|1080p)", "--scheduled-command", "RunTranscoding", "--event", "VideoTranscoded:videoId,resolution@RunTranscoding"],
    must: [
      "Location: `/api/videos/:videoId/transcodings/:jobId`",
      "handleTranscodeVideoStatus({ videoId, jobId }, caller):  // GET /api/videos/:videoId/transcodings/:jobId",
      "job.subject differs from videoId -> 404, the same answer",
      "jobs.save({ id: job.id, ownerId: callerId, subject: videoId, state: pending })",
      "readonly videoId: string;\n  readonly jobId: string;",
      /it\.failing\("SEC-\d+ the status of a job asked for under another Video than the one it was accepted for answers 404/,
      "| flow-async-status-under |",
    ],
    mustNot: ["{jobId}", "handleTranscodeVideoStatus({ jobId }"],
  },
  // Q29 (+ Q6): distinct inputs get distinct examples a correct implementation accepts: a slot that ends after it
  // starts, two different accounts, both seeded as the caller's so the lookups the steps make find them.
  "Book room": {
    flags: ["--summary", "Book a meeting room for a time slot; a slot can be booked once", "--context", "Rooms", "--method", "POST", "--route", "/api/rooms/:roomId/bookings", "--resource", "Room", "--relation", "member", "--value-object", "RoomId:uuid", "--value-object", "StartsAt:datetime", "--value-object", "EndsAt:datetime", "--event", "RoomBooked:roomId,bookingId", "--error", "SlotTaken:409:the room is already booked for an overlapping slot"],
    must: ['startsAt: "2026-01-31T09:30:00Z", endsAt: "2026-01-31T10:30:00Z"', "startsAt and endsAt both given and startsAt > endsAt -> 400 problem+json naming both", /it\.failing\("SEC-\d+ a request whose range ends are the wrong way round/, 'startsAt: "2026-01-31T10:30:00Z", endsAt: "2026-01-31T09:30:00Z"'],
    mustNot: [/validRequest = [^\n]*endsAt: "2026-01-31T09:30:00Z"/],
  },
  "Transfer between own accounts": {
    flags: ["--summary", "Move money from one of the caller's accounts to another of them", "--context", "Banking", "--method", "POST", "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "Amount:int(1..100000000)", "--value-object", "Currency:enum(EUR|USD)", "--value-object", "Idempotency-Key:string(16..64)@header", "--event", "MoneyTransferred:transferId,fromAccountId,toAccountId,amount", "--error", "InsufficientFunds:422:the source account's balance is lower than the amount", "--audit"],
    must: [
      'fromAccountId: "123e4567-e89b-42d3-a456-426614174000", toAccountId: "123e4567-e89b-42d3-a456-426614174001"',
      'deps.repository.seed({ id: "user-1" }, { id: "123e4567-e89b-42d3-a456-426614174000", ownerId: "user-1" }, { id: "123e4567-e89b-42d3-a456-426614174001", ownerId: "user-1" });',
    ],
    mustNot: [/validRequest = [^\n]*fromAccountId: "123e4567-e89b-42d3-a456-426614174000", toAccountId: "123e4567-e89b-42d3-a456-426614174000"/],
  },
  // Q24: a read whose answer is the file serves it: read from storage by the record's key, streamed with the
  // download headers, audited; its header test runs against the fake storage instead of needing the real one.
  "Download invoice": {
    flags: DOWNLOAD_INVOICE,
    must: [
      "file = storage.read(view.fileKey)",
      "respond 200 with the file's bytes streamed from storage, never read whole",
      "audit.record(actor, file id, client, correlationId)  // no file name",
      "export type DownloadInvoiceBody = StoredObject;",
      /it\.failing\("INT-\d+ the download response has Content-Disposition: attachment, the stored Content-Type and X-Content-Type-Options: nosniff"/,
      /it\.failing\("INT-\d+ a second request for the same file is checked and served again/,
      "| capability-file-download-served |",
      "the stored file itself, streamed",
    ],
    mustNot: ["respond 200 with the response fields", "TODO(plan): name its fields (--response)", "Which fields does the answer hold", "single-use signed URL", "works once", "DownloadLinkUsed", "FileNotReady", "| capability-file-download-link |"],
  },
  // Q43: an upload straight to storage is planned as a presigned URL under conditions, the declared type and
  // size checked as claims (the enum of media types is the allow-list), never as a file in the request.
  "Request upload URL": {
    flags: UPLOAD_URL,
    must: [
      'upload = storage.presignUpload("quarantine/" + fileId, { contentType: contentType, maxBytes: sizeBytes, expiresAt: now + UPLOAD_URL_SECONDS })',
      "its real size and its type read from its bytes (magic bytes) differ from the declared ones -> delete it",
      'export const ACCEPTED_TYPES: readonly string[] = ["image/png", "image/jpeg", "application/pdf"];',
      "export const UPLOAD_URL_SECONDS = 600;",
      "The API never receives the file",
      /it\.failing\("SEC-\d+ the upload URL issued is for one server-generated key/,
      /it\.failing\("SEC-\d+ the upload URL is in the answer and in no telemetry/,
      "| capability-file-upload-direct |",
    ],
    mustNot: ["multipart", "request.file", "TODO(plan): the accepted types", "readonly file:", "| capability-file-upload |", "cut off past MAX_UPLOAD_BYTES while it streams"],
  },
  // TRIAL4 V6: an upload under a resource checks the caller's access before it accepts and stores the body, and
  // the 404 tests prove nothing reached the storage.
  "Upload invoice attachment": {
    flags: ["--summary", "Attaches a PDF or image to an invoice", "--context", "Billing", "--method", "POST", "--route", "/api/invoices/:invoiceId/attachments", "--resource", "Invoice", "--relation", "owner", "--value-object", "InvoiceId:uuid", "--value-object", "FileName:string(1..255)", "--capability", "file-upload", "--event", "AttachmentAdded"],
    must: [
      /invoice = repository\.findForOwner\(callerId, id\)[^\n]*\n {2}file = request\.file[^\n]*\n[^\n]*\n {2}fileId = new id; storage\.store\(fileId, file\.bytes, type\)/,
      "expect(foreign.storage.objects.size).toBe(0);",
      "readonly storage: FileStorage;",
    ],
    mustNot: [/storage\.store\([^\n]*\n(?:[^\n]*\n)?[^\n]*findForOwner/],
  },
  // Q30: a server-sent events stream is planned as one: text/event-stream kept open, access re-checked while open,
  // a cap on open streams, a bounded replay from Last-Event-ID (spelled as the spec does, and no record to find).
  "Stream meeting events": {
    flags: ["--summary", "Server-sent events: the caller receives live updates of a meeting it participates in", "--context", "Meetings", "--method", "GET", "--route", "/api/meetings/:meetingId/events", "--resource", "Meeting", "--relation", "participant", "--value-object", "MeetingId:uuid", "--value-object", "Last-Event-ID?:string(1..64)@header"],
    must: [
      'request.header["Last-Event-ID"]',
      "respond 200 Content-Type: text/event-stream",
      "on each event of the Meeting: the caller still has access and an unexpired credential",
      "the caller's open streams at the cap -> 429",
      "lastEventId given -> replay this stream's events after it",
      "| 200 | Found | none | an event stream (text/event-stream) kept open",
      "| capability-stream |",
    ],
    mustNot: ["Last-Event-Id", "find the record lastEventId names", "Which fields does the answer hold", "list the response fields (--response)", "respond 200 with the response fields"],
  },
  // Q23: an accepted job makes the external call when it runs: the job's ports hold the external system, not the request's.
  "Sync calendar": {
    flags: ["--summary", "Import the caller's events from its Google calendar", "--context", "Calendar", "--method", "POST", "--route", "/api/me/calendar-syncs", "--async", "--scheduled-command", "RunCalendarSync", "--capability", "external-call", "--event", "CalendarSynced:userId@RunCalendarSync"],
    must: [/export interface RunCalendarSyncJobDeps \{[^}]*readonly external: ExternalSystem;/, "-> the job failed (504 ExternalSystemTimeout in its status)"],
    mustNot: [/export interface SyncCalendarDeps \{[^}]*readonly external/, "Retry-After, nothing called or saved  // BREAKER\n  outcome"],
  },
};

describeFit(CASES, "each plan says what its use-case does, and nothing its use-case makes false");

// Q23: the external call's tests, with EXTERNAL_OK filled with the provider's answer (the TODO an implementer fills).
proveAgainstImplementation(
  "Refund payment",
  REFUND,
  ["never answers makes the call fail", "succeeds after 2 retries", "the breaker opens", "leaves a log record", "contain no API key", "fails its schema", "same idempotency key as the first"],
  [
    { what: "no retry", replace: ["attempt <= EXTERNAL_CALL.retries;", "attempt <= 0;"], fails: ["succeeds after 2 retries"] },
    { what: "no breaker", replace: ["if (!(await deps.breaker.allow(EXTERNAL_CALL.system, BREAKER))) return", "if (deps.breaker === undefined) return"], fails: ["the breaker opens"] },
    { what: "the provider's answer echoed", replace: ['problem(called.status, "The payment provider failed", correlationId, {}', 'problem(called.status, "The payment provider failed", correlationId, { detail: JSON.stringify(deps.external.calls) + JSON.stringify((deps.external as unknown as { otherwise: unknown }).otherwise) }'], fails: ["contain no API key", "fails its schema"] },
    { what: "a new key per attempt", replace: ["payload, idempotencyKey, timeoutMs", "payload, idempotencyKey: `${idempotencyKey}:${attempt}`, timeoutMs"], fails: ["succeeds after 2 retries", "same idempotency key as the first", "leaves a log record"] },
    { what: "no timeout given", replace: ["timeoutMs: EXTERNAL_CALL.timeoutMs", "timeoutMs: 60_000"], fails: ["never answers makes the call fail"] },
  ],
  { edit: (tests) => tests.replace('const EXTERNAL_OK: ExternalAnswer = { kind: "answered", status: 200, body: {} };', 'const EXTERNAL_OK: ExternalAnswer = { kind: "answered", status: 200, body: { id: "re_1" } };') },
);

// Q24: the download's answer is the stored file, streamed with its headers.
proveAgainstImplementation(
  "Download invoice",
  DOWNLOAD_INVOICE,
  ["the download response has Content-Disposition", "a download writes an audit record", "answers 200 for a valid request", "served again"],
  [
    { what: "no nosniff", replace: ['"x-content-type-options": "nosniff"', '"x-content-type-options": "none"'], fails: ["the download response has Content-Disposition"] },
    { what: "another object served", replace: ["deps.storage.read(String(view[\"fileKey\"]))", "deps.storage.read(\"files/other\")"], fails: ["the download response has Content-Disposition", "a download writes an audit record", "answers 200 for a valid request", "served again"] },
  ],
);

// Q43: the presigned upload's conditions, the declared claims and the URL kept out of the logs.
proveAgainstImplementation(
  "Request upload URL",
  UPLOAD_URL,
  ["the upload URL issued is for one server-generated key", "a declared type off the allow-list", "the upload URL is in the answer and in no telemetry"],
  [
    { what: "the client's file name as the key", replace: ["presignUpload(`quarantine/${fileId}`", "presignUpload(`quarantine/${String(request.fileName)}`"], fails: ["the upload URL issued is for one server-generated key"] },
    { what: "no size condition", replace: ["maxBytes: sizeBytes.value.value, expiresAt }", "maxBytes: MAX_UPLOAD_BYTES, expiresAt }"], fails: ["the upload URL issued is for one server-generated key"] },
    { what: "the URL logged", replace: ['deps.telemetry.emit("request", { correlationId, status: 201 });', 'deps.telemetry.emit("request", { correlationId, status: 201, url: upload.url });'], fails: ["the upload URL is in the answer and in no telemetry"] },
  ],
);

// TRIAL4 V6: an implementation that stores the file before the access check fails the 404 tests.
proveAgainstImplementation(
  "Upload invoice attachment",
  CASES["Upload invoice attachment"]!.flags,
  ["answers 404 for an Invoice that does not exist", "the caller is not the owner of"],
  [{ what: "the file stored before the access check", replace: ["    const invoice = await deps.repository.findOne(", '    await deps.storage.store("early", request.file.bytes, request.file.declaredType);\n    const invoice = await deps.repository.findOne('], fails: ["answers 404 for an Invoice that does not exist", "the caller is not the owner of"] }],
);
