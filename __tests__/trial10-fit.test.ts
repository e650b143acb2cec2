/**
 * Plans true for their use-case, from a new user's tenth trial (TRIAL10, trial14): each use-case is planned from the
 * flags a team would give, and its plan and code are checked for the statement the trial showed false, and beside it
 * unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // X12: a message to the user the route names is no grant of access: no "one grant per recipient" (one message,
  // ever), no invitation or "which addresses have accounts" questions.
  "Send a direct message to another user": {
    flags: ["--summary", "A signed-in user sends a private text message to another user", "--context", "Messaging", "--route", "/api/users/:userId/messages", "--resource", "User", "--relation", "none", "--value-object", "UserId:uuid@path", "--value-object", "Body:string(1..2000)", "--event", "DirectMessageSent:messageId,recipientId", "--pii", "body", "--rate-limit", "30/1m"],
    must: ["| stored-text |", "requests on the same User never conflict"],
    mustNot: ["| grant-to-person |", "At most one grant per User", "When the address has no account yet", "which addresses have accounts"],
  },
  // ...nor is an applicant's own address on an anonymous application under a job.
  "Apply to a job": {
    flags: ["--summary", "A visitor applies to an open job with their name and email", "--context", "Careers", "--auth", "anonymous", "--route", "/api/jobs/:jobId/applications", "--resource", "Job", "--value-object", "JobId:uuid@path", "--value-object", "FullName:string(1..200)", "--value-object", "Email:email", "--pii", "fullName,email", "--rate-limit", "3/1h", "--event", "JobApplicationSubmitted:applicationId,jobId"],
    must: ["| access-anonymous |"],
    mustNot: ["| grant-to-person |", "At most one grant per Job", "May access be granted to people outside the organisation"],
  },
  // ...while a share and an invitation by email stay grants.
  "Share document": {
    flags: ["--summary", "The owner shares a document with another user by email", "--context", "Documents", "--route", "/api/documents/:documentId/shares", "--resource", "Document", "--relation", "owner", "--value-object", "DocumentId:uuid", "--value-object", "Email:email", "--pii", "email", "--event", "DocumentShared:documentId,shareId"],
    must: ["| grant-to-person |", "At most one grant per Document and recipient (a unique constraint on both)"],
    mustNot: ["never conflict"],
  },
  "Add a member to a team": {
    flags: ["--summary", "A team admin adds an existing user to the team", "--context", "Teams", "--route", "/api/teams/:teamId/members", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid@path", "--value-object", "UserId:uuid", "--event", "MemberAdded:teamId,userId"],
    must: ["| grant-to-person |"],
    mustNot: [],
  },
  // X1: signed out of the other devices only: the request's own session stays, and a test says so.
  "Sign out of all my other devices": {
    flags: ["--summary", "Revoke every session of the signed-in user except the one making the request", "--context", "Identity", "--route", "/api/me/sessions/revoke-others", "--event", "OtherSessionsRevoked:userId", "--audit"],
    must: [
      "revokes every other session of the account and their refresh tokens, on every other device (the request's own session, found by the credential's session id, stays valid)",
      "and the session that made the request still answers",
      "after the person was told it was signed out on its other devices",
      "| sessions-revoked |",
    ],
    // X2: an action on the caller's own records under /me creates nothing: 200, no new aggregate, no Location.
    mustNot: ["every session and refresh token of the account, on every device", "Every session and refresh token revoked", "saves the new aggregate", "Location names the new resource", "respond 201"],
  },
  // ...while a password change that signs the person out everywhere revokes every session, the request's own too.
  "Change my password": {
    flags: ["--summary", "The signed-in user changes the password; afterwards they are signed out everywhere", "--context", "Identity", "--method", "PUT", "--route", "/api/me/password", "--value-object", "CurrentPassword:string(8..128)", "--value-object", "NewPassword:string(12..128)", "--event", "PasswordChanged:userId"],
    must: ["revokes every session and refresh token of the account, on every device", "after the person was told it was signed out everywhere", "| sessions-revoked |"],
    mustNot: ["every other session", "the session that made the request still answers"],
  },
  // X9: an autocomplete by a name prefix is a search (its text escaped, its cost bounded, kept out of logs), and so is
  // the one text input of a route ending in /search...
  "Search users to mention": {
    flags: ["--summary", "Autocomplete: members of my team whose name starts with the typed prefix", "--context", "Collaboration", "--method", "GET", "--route", "/api/teams/:teamId/members/search", "--resource", "Team", "--relation", "member", "--value-object", "TeamId:uuid@path", "--value-object", "Prefix:string(2..50)@query", "--response", "userId,displayName", "--rate-limit", "60/1m"],
    must: ["| capability-search |", "The search text (Prefix) reaches the search only as data", "a minimum length for Prefix"],
    mustNot: [],
  },
  "Find tags": {
    flags: ["--summary", "Tags for the tag picker", "--context", "Tags", "--method", "GET", "--route", "/api/tags/search", "--value-object", "Fragment:string(1..40)@query", "--response", "tagId,label"],
    must: ["| capability-search |", "The search text (Fragment)"],
    mustNot: [],
  },
  // ...while a read by a product's slug is no search.
  "Get product by slug": {
    flags: ["--context", "Catalog", "--method", "GET", "--route", "/api/products/by-slug/:slug", "--resource", "Product", "--relation", "none", "--value-object", "Slug:pattern([a-z0-9-]{1,80})@path", "--response", "productId,name"],
    must: [],
    mustNot: ["| capability-search |", "The search text"],
  },
  // X15: a nightly sweep the system runs keeps the data items of an erasure, and none of a person's request: no
  // step-up, no cancellation window, no 409 for a re-run, no hijacked session.
  "Purge expired guest accounts nightly": {
    flags: ["--summary", "Every night, delete guest accounts whose access expired more than 30 days ago, in batches of 500", "--context", "Identity", "--route", "/internal/jobs/purge-expired-guests", "--auth", "roles", "--roles", "scheduler", "--async", "--scheduled-command", "PurgeExpiredGuestAccounts", "--capability", "erasure", "--event", "GuestAccountPurged:guestId@PurgeExpiredGuestAccounts", "--pii", "email", "--audit"],
    must: ["| capability-erasure |", "The purge erases the data from every store that holds it", "The purge is idempotent and resumable", "| scheduled-recurring |"],
    mustNot: ["| capability-erasure-subject |", "fresh authentication", "STEP_UP_SECONDS", "ReauthenticationRequired", "cancellation window of", "A second erasure request", "Malicious erasure", "Which use-case cancels an erasure"],
  },
  // ...while a person's own erasure keeps them all, a DELETE and a request alike.
  "Delete my account": {
    flags: ["--context", "Identity", "--method", "DELETE", "--route", "/api/me/account", "--capability", "erasure", "--pii", "email", "--event", "AccountDeletionScheduled:userId"],
    must: ["| capability-erasure-subject |", "Erasure needs a fresh authentication", "Erasure is scheduled, not immediate: a cancellation window of 30 days", "STEP_UP_SECONDS", "Malicious erasure", "The purge erases the data from every store that holds it"],
    mustNot: [],
  },
  "Request erasure of my data": {
    flags: ["--context", "Privacy", "--method", "POST", "--route", "/api/me/erasure-requests", "--capability", "erasure", "--pii", "email", "--event", "ErasureRequested:userId"],
    must: ["| capability-erasure-subject |", "A second erasure request while one is pending its cancellation window is refused with 409", "Which use-case cancels an erasure within the window"],
    mustNot: [],
  },
  // X16: a CV taken "as PDF or DOCX" accepts both, and its question does not ask whether PDF alone is right...
  "Submit a job application with a CV upload": {
    flags: ["--summary", "An anonymous visitor applies with their email and a CV (PDF or DOCX, at most 5 MB)", "--context", "Careers", "--auth", "anonymous", "--route", "/api/jobs/:jobId/applications", "--resource", "Job", "--value-object", "JobId:uuid@path", "--value-object", "Email:email", "--capability", "file-upload", "--pii", "email", "--rate-limit", "3/1h", "--event", "JobApplicationSubmitted:applicationId,jobId"],
    must: ["Only an allow-list of types (application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document) is accepted"],
    mustNot: ["Are application/pdf the types needed?", "(application/pdf) is accepted"],
  },
  // ...while a PDF-only upload stays PDF only.
  "Upload a signed contract": {
    flags: ["--summary", "The account owner uploads the signed contract as a PDF", "--context", "Contracts", "--method", "POST", "--route", "/api/contracts/:contractId/signed-copy", "--resource", "Contract", "--relation", "owner", "--value-object", "ContractId:uuid@path", "--capability", "file-upload", "--event", "SignedContractUploaded:contractId"],
    must: ["Only an allow-list of types (application/pdf) is accepted"],
    mustNot: ["wordprocessingml"],
  },
  // ...while a POST to a collection under /me still creates one.
  "Transfer money between my accounts": {
    flags: ["--context", "Banking", "--route", "/api/me/transfers", "--value-object", "Amount:number(0.01..10000)", "--event", "MoneyTransferred:transferId"],
    must: ["| 201 | Created: Location names the new resource", "| flow-create |"],
    mustNot: [],
  },
};

describeFit(CASES, "TRIAL10's use-cases are planned as they are (grants, sign-out of other devices, searches, erasures, upload types)");
