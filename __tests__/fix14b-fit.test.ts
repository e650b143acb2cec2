/**
 * Plans true for a second factor's recovery codes, its confirmation, a lock's check and an anonymous audit, and a
 * member's role (fix14b). Each use-case is planned with unlike ones beside it, checked for what a reviewer of that kind
 * of feature asks and for what would be false for it. All are planned into one folder, whose code compiles under
 * tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const IDENTITY = ["--context", "Identity"];
const TOKEN_BITS = "random generator (at least 128 bits)";
const CODE_BITS = "about ten codes of at least 50 bits each";
const SIGN_IN = ["--auth", "anonymous", "--route", "/api/sessions", "--value-object", "Email:email", "--value-object", "Password:string(8..128)", "--capability", "sign-in", "--rate-limit", "5/15m", "--enumeration", "account", "--pii", "email"];
const CREATED = ["| 201 |", "answers 201", "Location names the new resource", "respond 201", "| flow-create |"];

const CASES: Record<string, FitCase> = {
  // 1: recovery codes are typed by people: about ten of at least 50 bits, each once and its own slow hash, not a token's 128 bits.
  "Confirm two-factor authentication": {
    flags: [...IDENTITY, "--summary", "Confirm TOTP enrolment with a 6-digit code; answers ten recovery codes once", "--route", "/api/me/two-factor/confirm", "--value-object", "TotpCode:pattern([0-9]{6})", "--response", "recoveryCodes", "--event", "TwoFactorEnabled:userId"],
    must: ["The secret in `recoveryCodes` is made by a cryptographically secure random generator as about ten codes of at least 50 bits each (10 characters of base32", "each works once, is kept as its own slow hash", "The secret in `recoveryCodes` is stored only as hashes, each code its own slow hash (argon2id or bcrypt)", "shown in this answer only (Cache-Control: no-store)"],
    mustNot: [TOKEN_BITS, "(or encrypted, where the server must use it again", ...CREATED],
  },
  // 2: confirming a pending enrolment moves the account's one enrolment on: 200, no new resource and no Location.
  "Confirm my authenticator app": {
    flags: [...IDENTITY, "--route", "/api/me/mfa/confirm", "--value-object", "TotpCode:pattern([0-9]{6})"],
    must: ["| second-factor-confirm |", "| 200 | Done", "POST /api/me/mfa/confirm answers 200 for a valid request", "respond 200", "| flow-change |"],
    mustNot: CREATED,
  },
  // ...and so does turning the factor off with a code by POST.
  "Turn off two-factor authentication with a code": {
    flags: [...IDENTITY, "--route", "/api/me/two-factor/disable", "--value-object", "TotpCode:pattern([0-9]{6})"],
    must: ["| second-factor-disable |", "POST /api/me/two-factor/disable answers 200 for a valid request"],
    mustNot: CREATED,
  },
  // ...beside a seed in the same answer: the seed keeps 128 bits and encryption, the codes their own rule.
  "Enable two-factor authentication with recovery codes": {
    flags: [...IDENTITY, "--summary", "Start TOTP enrolment: a secret shown once as a QR code, with recovery codes", "--route", "/api/me/two-factor", "--response", "secret,otpauthUri,recoveryCodes"],
    must: ["random generator (at least 128 bits for secret, otpauthUri; recoveryCodes about ten codes of at least 50 bits each", "kept as each needs: secret, otpauthUri only encrypted, never hashed (the server reads it again to check each code), its key in the secret store; recoveryCodes only as hashes, each code its own slow hash"],
    mustNot: [TOKEN_BITS, "is kept only encrypted"],
  },
  // ...while the enrolment's start is a create: its seed is shown once and no URL names it, so 200 and no Location
  // (fix15b); a new API key under /me/api-keys, one of a collection, still answers 201 with a Location.
  "Enable two-factor authentication": {
    flags: [...IDENTITY, "--summary", "Start TOTP enrolment: a secret is shown once as a QR code, confirmed later with a code", "--route", "/api/me/two-factor/setup", "--response", "secret,otpauthUri"],
    must: ["| second-factor-enrol |", "| 200 | Done: the response fields above", "| flow-create |"],
    mustNot: ["| second-factor-confirm |", "| flow-change |", "Location names the new resource"],
  },
  // ...and a key with no codes keeps the 128-bit rule and the hash-or-encrypted storage.
  "Create an API key": {
    flags: ["--context", "Developer", "--summary", "A developer creates a personal API key", "--route", "/api/me/api-keys", "--value-object", "Label:string(1..60)", "--response", "apiKeyId,apiKey"],
    must: ["| 201 | Created: Location names the new resource", "The secret in `apiKey` is made by a cryptographically secure random generator (at least 128 bits)", "The secret in `apiKey` is stored only as a hash (or encrypted, where the server must use it again, as a webhook's signing secret)"],
    mustNot: [CODE_BITS, "recovery codes"],
  },
  "Register a webhook endpoint": {
    flags: ["--context", "Developer", "--summary", "An owner registers a URL that receives signed event deliveries", "--route", "/api/webhook-endpoints", "--value-object", "TargetUrl:url", "--response", "webhookEndpointId,signingSecret"],
    must: ["The secret in `signingSecret` is made by a cryptographically secure random generator (at least 128 bits)", "The secret in `signingSecret` is kept only encrypted, never hashed (the server signs each delivery with it again)"],
    mustNot: [CODE_BITS, "recovery codes"],
  },
  // 3a: a sign-in's lock is checked right after the password is verified, and told only to its holder, as the rows say.
  "Log in with a lockout": {
    flags: [...SIGN_IN, "--error", "AccountLocked:423:after 10 failed attempts in 15 minutes", "--audit"],
    must: [
      /verify the password against the stored hash[^\n]*\n {2}if the account is locked \(after 10 failed attempts in 15 minutes\) -> AccountLocked \(423\), no session {2}\/\/ only now, after the right password: any other caller got the 401 above\n {2}session = a new session/,
      "| 423 | AccountLocked: after 10 failed attempts in 15 minutes; only to a caller who has sent the account's right password |",
      // 3b: an anonymous request has no actor: its audit names the account the request names, as the plan's audit text says.
      "audit.record(account id or keyed hash of the name given, client address, action, record id, outcome, correlationId)",
      "who (the account the request names, by its id where it exists and else by a keyed hash of the name given",
    ],
    mustNot: ["if after 10 failed attempts", "audit.record(actor id", "AccountLocked (423)\n  repository.add"],
  },
  // ...a suspension beside a sign-in with no enumeration flag: the same place, its own condition.
  "Sign in to a suspendable account": {
    flags: ["--auth", "anonymous", "--route", "/api/auth/sessions", "--value-object", "Email:email", "--value-object", "Password:string(1..128)", "--error", "AccountSuspended:403:the account is suspended"],
    must: [/-> wrong => 401[^\n]*\n {2}if the account is suspended -> AccountSuspended \(403\), no session/],
    mustNot: ["if the account is locked"],
  },
  // ...an anonymous message to our inbox names the client; a signed-in change names its actor by id.
  "Send a contact message": {
    flags: ["--auth", "anonymous", "--route", "/api/contact-messages", "--value-object", "Body:string(1..2000)", "--audit"],
    must: ["audit.record(client address, user agent, action, record id, outcome, correlationId)", "who (no signed-in actor: the client's address and user agent)"],
    mustNot: ["audit.record(actor id", "no session"],
  },
  "Archive a project": {
    flags: ["--method", "POST", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--audit"],
    must: ["audit.record(actor id, action, record id, each changed field's old -> new value, outcome, correlationId)", "who (the actor's id as the credential names it)"],
    mustNot: ["keyed hash of the name given", "client address, user agent"],
  },
  // 4: a role among members: the generated test really seeds a member without the role (memberIds) and expects 403,
  // beside the non-member's 404; the record's contract names memberIds.
  "Archive a team project": {
    flags: ["--summary", "A team admin archives a project", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--value-object", "ProjectId:uuid", "--relation", "team-admin", "--transition", "Active->Archived"],
    must: [
      'it.failing("SEC-4 answers a member of the Project who is not a team-admin with 403, and changes nothing"',
      'member.repository.seed({ id: "123e4567-e89b-42d3-a456-426614174000", teamAdminId: "another-user", memberIds: ["user-1", "another-user"] });',
      "expectProblem(refused, 403);",
      "`memberIds`: the ids of the Project's members; `teamAdminId` names the member who is team-admin",
      'foreign.repository.seed({ id: "123e4567-e89b-42d3-a456-426614174000", teamAdminId: "another-user" });',
    ],
    mustNot: ['it.todo("SEC-4', "Needs the caller seeded as a member"],
  },
  // ...while an owner's record is one person's: no members, no 403 for them.
  "Archive my own project": {
    flags: ["--route", "/api/projects/:projectId/archive", "--resource", "Project", "--value-object", "ProjectId:uuid", "--relation", "owner", "--transition", "Active->Archived"],
    must: ['foreign.repository.seed({ id: "123e4567-e89b-42d3-a456-426614174000", ownerId: "another-user" });'],
    mustNot: ["memberIds", "who is not an owner with 403"],
  },
  // TRIAL10 X11: a signed-in caller served the invoice's PDF itself: one streaming rule, no link or link holder, no
  // question on JSON amounts (the answer is a file).
  "Download an invoice as PDF": {
    flags: ["--method", "GET", "--route", "/api/invoices/:invoiceId/pdf", "--resource", "Invoice", "--relation", "team-member", "--value-object", "InvoiceId:uuid@path", "--capability", "file-download", "--audit", "--rate-limit", "30/1m", "--pii", "customerName,billingAddress"],
    must: ["| capability-file-download-served |", "the API streams it from storage to the client; memory use does not grow with file size", "also names the file (its id, never its name), and the client", "| Streaming, a cap on concurrent downloads per caller |"],
    mustNot: ["where the plan hands out a link instead", "the link's id where an anonymous holder used one", "amounts of money", "Streaming or redirect to storage"],
  },
  // ...while a list of invoices still asks the form of its amounts, and a download handed out as a link keeps the link's words.
  "List invoices of a team": {
    flags: ["--method", "GET", "--route", "/api/teams/:teamId/invoices", "--resource", "Team", "--relation", "member", "--response", "invoiceId,number,total"],
    must: ["In what form does the answer carry amounts of money"],
    mustNot: ["| capability-file-download"],
  },
  "Get a download link for a report": {
    flags: ["--method", "GET", "--route", "/api/reports/:reportId/download-link", "--resource", "Report", "--value-object", "ReportId:uuid@path", "--capability", "file-download", "--response", "downloadUrl"],
    must: ["| capability-file-download-link |", "or, where the plan hands out a link instead, the client fetches it from storage by that link", "the link's id where an anonymous holder used one", "Streaming or redirect to storage"],
    mustNot: ["| capability-file-download-served |"],
  },
};

describeFit(CASES, "a second factor's recovery codes, its confirmation, a lock's check, an anonymous audit and a member's role are planned as they are");
