/**
 * Plans that stay true while the model under them is written once (session 17, fix17a): an issued link's packs share
 * what holds of every link (capability-secret-link-issue) and keep apart one live link per holder (-one-live) and a
 * shared link's several (-shared); the load packs' 404 names the answers' own error through a placeholder, not a
 * rewrite of their text; a bulk request's cap and its error come from one lookup. Each use-case is planned from its
 * flags beside an unlike one; all compile under tsc --strict and their generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

/**
 * The threat of an element (Older links, Shared links) cites capability-secret-link-issue's test of the stored expiry,
 * and that test lists the threat among what it proves: a test of another pack (pack/key), one ID both ways.
 */
const provenByHashedTest = (element: string): RegExp =>
  new RegExp(`\\| (T-\\d+) \\| Elevation of privilege \\| ${element} \\|[^\\n]*\\b(INT-\\d+) \\|\\n[\\s\\S]*\\| \\2 \\| integration \\| issuing saves the link with its token's SHA-256 hash[^\\n]*\\| [^|\\n]*\\b\\1\\b`);

const CASES: Record<string, FitCase> = {
  // A link the caller hands out: what holds of every link, in a shared link's words, and several live links.
  "Create a share link for a report": {
    flags: ["--route", "/api/reports/:reportId/share-links", "--resource", "Report", "--value-object", "ReportId:uuid@path", "--response", "url", "--capability", "secret-link-issue"],
    must: [
      "| capability-secret-link-issue |", "| capability-secret-link-issue-shared |",
      "The link's token carries at least 128 bits from a CSPRNG",
      "The token leaves the system only in the answer to the caller who shares the link: never in logs",
      "leaks through a log line, telemetry, a domain event or the audit trail", "The token goes only into the answer to the sharer;",
      "The answer that carries the link is sent with Cache-Control: no-store", "Links issued and links revoked, per hour",
      provenByHashedTest("Shared links"),
    ],
    mustNot: ["capability-secret-link-issue-one-live", "at most one live link per holder", "leaks through its response", "the link in the message", "revoked by a newer one"],
  },
  // ...and one sent to a person: the same statements in a sent link's words, and one live link per holder.
  "Invite a person to a report by email": {
    flags: ["--route", "/api/reports/:reportId/invitations", "--resource", "Report", "--value-object", "ReportId:uuid@path", "--value-object", "Email:email", "--capability", "secret-link-issue", "--capability", "sends-message-email"],
    must: [
      "| capability-secret-link-issue |", "| capability-secret-link-issue-one-live |",
      "The link's token carries at least 128 bits from a CSPRNG",
      "The token leaves the system only in the link handed to its holder (the message sent, or the answer to a caller who shares the link): never in logs",
      "leaks through its response, a log line, telemetry, a domain event or the audit trail", "The token goes only into the link in the message (or the answer to the sharer);",
      "at most one live link per holder", "Links issued and links revoked by a newer one, per hour",
      provenByHashedTest("Older links"),
    ],
    mustNot: ["capability-secret-link-issue-shared", "The answer that carries the link is sent with Cache-Control: no-store", "How many live links may one thing shared have at once"],
  },
  // The answers' own 404 for the loaded resource is named where the resource pack states a missing one...
  "Get a product by its slug": {
    flags: ["--method", "GET", "--route", "/api/products/:slug", "--auth", "anonymous", "--resource", "Product", "--value-object", "Slug:pattern([a-z0-9-]{1,80})@path", "--error", "ProductNotFound:404"],
    must: ["a missing Product answers 404 (ProductNotFound).", "answers 404 ProductNotFound for a Product that does not exist"],
    mustNot: ["a missing Product answers 404.", "answers 404 for a Product that does not exist"],
  },
  // ...and where the caller's one under /me is missing...
  "Delete my avatar image": {
    flags: ["--method", "DELETE", "--route", "/api/me/avatar", "--resource", "Avatar", "--error", "AvatarNotFound:404"],
    must: ["A caller who has no Avatar yet gets 404 (AvatarNotFound).", "answers 404 AvatarNotFound when the caller has no Avatar"],
    mustNot: ["yet gets 404.", "answers 404 when the caller"],
  },
  // ...while a use-case whose answers name none keeps the bare 404.
  "Get a product by its code": {
    flags: ["--method", "GET", "--route", "/api/products/:code", "--auth", "anonymous", "--resource", "Product", "--value-object", "Code:pattern([A-Z0-9]{4,12})@path"],
    must: ["a missing Product answers 404.", "answers 404 for a Product that does not exist"],
    mustNot: ["ProductNotFound"],
  },
  // A bulk delete's cap is the list's maximum, refused with the answers' own error, in the plan and the test alike...
  "Delete files in bulk": {
    flags: ["--method", "POST", "--route", "/api/files/bulk-delete", "--value-object", "FileIds:uuid[1..50]", "--error", "TooManyIds:400"],
    must: ["at most 50 per request (the list rule's maximum), more is refused with 400 (TooManyIds, as the answers say)", "a request naming 51 ids, one more than the list rule's maximum: answered 400 TooManyIds"],
    mustNot: ["TODO(plan): say the cap"],
  },
  // ...and without such an error, the cap is the plan's to say.
  "Delete notes in bulk": {
    flags: ["--method", "POST", "--route", "/api/notes/bulk-delete", "--value-object", "NoteIds:uuid[1..50]"],
    must: ["TODO(plan): say the cap", "answered 400, no"],
    mustNot: ["as the answers say"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case, its model written once (fix17a)");
