/**
 * Plans true for their use-case (session 15, fix15f, TRIAL11): each use-case is planned from its flags, and its plan and
 * code are checked for the statement that was missing or false, beside unlike use-cases for what must stay. All are
 * planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Y11. A presigned URL to upload to is an upload straight to storage, whether or not the answers name file-upload:
  // a short-lived URL bound to the declared type and size, a server key, no-store, and a quota reserved atomically.
  "Create an upload URL for a video": {
    flags: [
      "--summary", "The signed-in user gets a presigned URL to upload one large video straight to object storage; the server never sees the bytes",
      "--route", "/api/me/video-uploads", "--value-object", "FileName:string(1..255)", "--value-object", "ContentType:enum(video/mp4|video/quicktime|video/webm)",
      "--value-object", "ContentLength:int(1..10737418240)", "--response", "uploadId,uploadUrl,expiresAt", "--rate-limit", "20/1h",
      "--error", "QuotaExceeded:403:the user's stored video bytes plus this file exceed their quota",
    ],
    must: [
      "capability-file-upload-direct",
      "under a key the server generates (never derived from the file name",
      "the storage accepts only with the declared Content-Type and at most the declared size",
      "sent with Cache-Control: no-store",
      "The declared size is reserved against the quota when the URL is issued, in one conditional update",
      "Two or more URLs asked for at once each read the same room left in the quota",
      "gives its reserved size back to the quota",
    ],
    mustNot: ["multipart part `file`"],
  },
  // ...one without a quota has the presigned items and no reservation.
  "Get an upload URL for my avatar": {
    flags: ["--route", "/api/me/avatar/upload-url", "--value-object", "ContentType:enum(image/png|image/jpeg)", "--value-object", "ContentLength:int(1..5242880)", "--response", "signedUploadUrl,expiresAt"],
    must: ["capability-file-upload-direct", "sent with Cache-Control: no-store"],
    mustNot: ["reserved against the quota", "capability-file-upload-direct-quota"],
  },
  // ...a signed URL to download a report is no upload.
  "Create a download link for a report": {
    flags: ["--summary", "The owner gets a signed URL to download the report", "--route", "/api/reports/:reportId/download-links", "--resource", "Report", "--response", "url,expiresAt"],
    must: [],
    mustNot: ["capability-file-upload", "presigned for one object", "Upload URLs issued"],
  },
  // ...and a file sent through the API against a quota keeps its own upload items, no URL reserved.
  "Upload a document to my drive": {
    flags: ["--capability", "file-upload", "--route", "/api/me/documents", "--summary", "The user uploads a PDF to their drive; it counts against their storage quota", "--error", "QuotaExceeded:403"],
    must: ["multipart part"],
    mustNot: ["capability-file-upload-direct", "reserved against the quota when the URL is issued"],
  },
  // Y10. A consent given by a create (terms accepted) is kept as evidence: one entry per acceptance, the server's version,
  // a re-accept answered as the first; no Idempotency-Key asked for, nothing of withdrawals; the answers' own error names
  // the outdated version.
  "Accept the latest terms of service": {
    flags: [
      "--method", "POST", "--route", "/api/me/terms-acceptances", "--summary", "The signed-in user records consent to a version of the terms of service; re-accepting the same version changes nothing; an old version is refused",
      "--value-object", "TermsVersion:pattern([0-9]{4}-[0-9]{2}-[0-9]{2})", "--error", "TermsVersionOutdated:409:the version is not the current one", "--error", "TermsVersionUnknown:422:the version names no published terms", "--audit",
    ],
    must: [
      "Each acceptance is appended as an entry of its own",
      "one entry per (person, version), held by a unique constraint",
      "The version recorded is the one the server shows now",
      "the caller already accepted the version the server shows now -> respond as the first acceptance was answered",
      "Appends the acceptance entry",
    ],
    mustNot: ["Idempotency-Key", "withdraw", "PolicyOutdated", "Saves the new aggregate."],
  },
  // ...one whose words say it accepts a policy, with no error of its own for an old version, checks the claim itself.
  "Accept the privacy policy": {
    flags: ["--method", "POST", "--route", "/api/me/policy-acceptances", "--summary", "The user accepts the privacy policy shown at sign-up", "--value-object", "PolicyVersion:string(1..20)"],
    must: ["Each acceptance is appended as an entry of its own", "policyVersion differs from the version the server shows now -> 422 PolicyOutdated, nothing appended"],
    mustNot: ["Idempotency-Key", "withdraw"],
  },
  // ...a consent set by a change keeps its grants and withdrawals.
  "Update my marketing consent": {
    flags: ["--method", "PUT", "--route", "/api/me/consents/marketing", "--value-object", "Granted:boolean", "--value-object", "PolicyVersion:string(1..20)"],
    must: ["Every grant and withdrawal is appended as an entry of its own", "A withdrawal takes effect at once"],
    mustNot: ["Each acceptance is appended"],
  },
  // ...and neither a consent form an admin creates nor an invitation accepted is anyone's consent.
  "Create a consent form template": {
    flags: ["--method", "POST", "--route", "/api/consent-forms", "--auth", "roles", "--roles", "admin", "--value-object", "Title:string(1..200)"],
    must: ["Idempotency-Key"],
    mustNot: ["Each acceptance is appended", "acceptance entry", "consent-acceptance"],
  },
  "Accept an invitation to a team": {
    flags: ["--method", "POST", "--route", "/api/teams/:teamId/invitations/:invitationId/accept", "--resource", "Team", "--relation", "none"],
    must: [],
    mustNot: ["Each acceptance is appended", "acceptance entry", "consent-acceptance"],
  },
  // Y18. Figures aggregated over a period are read from rollups, cached per scope and range (today short-lived, private),
  // under a statement timeout; local days in a requested zone come from finer rollups than UTC days.
  "Show usage metrics of my organization for a date range": {
    flags: [
      "--summary", "Members of the organization with role admin or billing see aggregated usage (meeting minutes, recordings, storage) per day for a date range",
      "--method", "GET", "--route", "/api/organizations/:organizationId/usage", "--resource", "Organization", "--relation", "admin", "--value-object", "OrganizationId:uuid",
      "--value-object", "From:date", "--value-object", "To:date", "--value-object", "TimeZone:pattern([A-Za-z_]+(/[A-Za-z_]+){0,2})", "--response", "days,totals",
      "--error", "RangeTooLong:400:the range spans more than 366 days", "--rate-limit", "30/1m",
    ],
    must: [
      "The figures are read from rollups",
      "the answer carries Cache-Control: private",
      "one that includes today's partial period for a short time",
      "runs under a statement timeout",
      "| 503 | The report's query ran past its statement timeout | Retry-After |",
      "daily rollups kept in UTC serve UTC alone",
    ],
    mustNot: [],
  },
  // ...one with no time zone has the report's items and nothing of local days.
  "Show my API usage per day": {
    flags: ["--method", "GET", "--route", "/api/me/api-usage", "--value-object", "From:date", "--value-object", "To:date", "--response", "days,totals"],
    must: ["The figures are read from rollups", "Cache-Control: private"],
    mustNot: ["daily rollups kept in UTC", "local midnight"],
  },
  // ...while a list of records filtered by date, and a booking in a time zone, compute no figures.
  "List my invoices for a date range": {
    flags: ["--method", "GET", "--route", "/api/me/invoices", "--capability", "pagination", "--value-object", "From:date", "--value-object", "To:date", "--response", "items,nextCursor"],
    must: [],
    mustNot: ["rollups", "statement timeout", "ReportTimedOut"],
  },
  "Book a consultation in my time zone": {
    flags: ["--route", "/api/practitioners/:practitionerId/bookings", "--resource", "Practitioner", "--relation", "none", "--value-object", "StartsAt:datetime", "--value-object", "TimeZone:string(1..64)"],
    must: [],
    mustNot: ["rollups", "local midnight to local midnight"],
  },
  // Y19. A role acting on another person's account never reaches one of equal or higher privilege, one agent's volume is
  // watched, and a credential in a header of its own is dropped from telemetry like the Authorization header.
  "Reset a user's two-factor as a support agent": {
    flags: [
      "--auth", "roles", "--roles", "support-agent", "--method", "POST", "--route", "/api/users/:userId/two-factor/reset", "--resource", "User",
      "--value-object", "UserId:uuid", "--value-object", "TicketReference:pattern(SUP-[0-9]{1,10})", "--value-object", "StepUpToken:string(20..200)@header",
      "--transition", "TwoFactorEnabled->TwoFactorDisabled", "--audit", "--error", "SelfResetForbidden:403:the agent resets their own second factor",
    ],
    must: [
      "A caller with role support-agent acts only on accounts of lower privilege",
      "target holds role support-agent or one above it (the order of roles) -> 403, nothing changed",
      "One agent's requests to POST /api/users/:userId/two-factor/reset in a day over their usual baseline",
      "| header `Step-Up-Token` | dropped: a credential",
    ],
    mustNot: [],
  },
  // ...an admin locking an account is the same kind of action.
  "Lock a user account as an admin": {
    flags: ["--auth", "roles", "--roles", "admin", "--method", "PATCH", "--route", "/api/users/:userId/lock", "--resource", "User", "--transition", "Active->Locked"],
    must: ["A caller with role admin acts only on accounts of lower privilege"],
    mustNot: ["| dropped: a credential"],
  },
  // ...while a role's action on an order, a role's read of a user, impersonation (its own ceiling) and the caller's own
  // account are none; an Idempotency-Key header is no credential.
  "Refund an order as support": {
    flags: ["--auth", "roles", "--roles", "support-agent", "--method", "POST", "--route", "/api/orders/:orderId/refund", "--resource", "Order", "--transition", "Paid->Refunded", "--value-object", "IdempotencyKey:string(8..64)@header"],
    must: [],
    mustNot: ["lower privilege", "staff-account-action", "header `Idempotency-Key` | dropped"],
  },
  "Show a user's profile as support": {
    flags: ["--auth", "roles", "--roles", "support-agent", "--method", "GET", "--route", "/api/users/:userId", "--resource", "User"],
    must: [],
    mustNot: ["lower privilege", "staff-account-action"],
  },
  "Impersonate a user as support": {
    flags: ["--auth", "roles", "--roles", "support-agent", "--method", "POST", "--route", "/api/users/:userId/impersonation", "--resource", "User", "--value-object", "Reason:string(10..500)"],
    must: ["An agent cannot impersonate a user with equal or higher privileges"],
    mustNot: ["acts only on accounts of lower privilege"],
  },
  // ...nor is a create under the account (a data export for a subject access request): it takes nothing over.
  "Export a user's data as support": {
    flags: ["--auth", "roles", "--roles", "support-agent", "--method", "POST", "--route", "/api/users/:userId/data-exports", "--resource", "User"],
    must: [],
    mustNot: ["lower privilege", "staff-account-action"],
  },
  "Close my account": {
    flags: ["--method", "DELETE", "--route", "/api/me/account", "--value-object", "Password:string(8..128)"],
    must: [],
    mustNot: ["lower privilege", "staff-account-action"],
  },
  // Y12. A file's or a document's name keeps the stored-XSS encoding but is asked nothing of formatting, links or
  // moderation; prose (a comment's body, a bio) is.
  "Restore a document from the trash": {
    flags: ["--method", "POST", "--route", "/api/documents/:documentId/restore", "--resource", "Document", "--relation", "editor", "--value-object", "DocumentId:uuid", "--value-object", "NewName?:string(1..255)", "--transition", "Trashed->Active"],
    must: ["The text in NewName is kept as the caller wrote it", "Stored XSS: the caller writes markup or a script into NewName"],
    mustNot: ["May NewName hold formatting", "links in NewName are made clickable", "nofollow ugc noopener", "stored-text-prose"],
  },
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "none", "--value-object", "PostId:uuid", "--value-object", "Body:string(1..5000)"],
    must: ["May Body hold formatting (Markdown, links)", "Where links in Body are made clickable, only http and https ones are", "The text in Body is kept as the caller wrote it"],
    mustNot: [],
  },
  "Edit my display name and bio": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--value-object", "DisplayName?:string(1..50)", "--value-object", "Bio?:string(0..500)"],
    must: ["The text in DisplayName and Bio is kept as the caller wrote it", "May Bio hold formatting", "Where links in Bio are made clickable"],
    mustNot: ["May DisplayName", "links in DisplayName"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix15f)");
