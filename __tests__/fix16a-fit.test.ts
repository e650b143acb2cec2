/**
 * Plans true for their use-case (session 16, fix16a): last session's leftovers. Each use-case is planned from the flags
 * a team would give, and its plan and code are checked for the statement that was false, and beside it unlike
 * use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const FLAG_KEY = ["--value-object", "TenantId:uuid", "--value-object", "FlagKey:pattern([a-z][a-z0-9-]{2,63})"];

const CASES: Record<string, FitCase> = {
  // TRIAL11 Y5: a PUT to a tenant's flag named by its KEY is an upsert of that tenant's setting: a flag not set yet is
  // created, not "404, the same as a missing Tenant"; the key is a name every tenant shares, so no IDOR threat pairs it
  // with "another Tenant's" flag. The team's FlagNotFound (a key outside the registry) stays their refusal.
  "Turn a feature flag on for a tenant": {
    flags: ["--auth", "roles", "--roles", "platform-admin", "--method", "PUT", "--route", "/api/tenants/:tenantId/feature-flags/:flagKey", "--resource", "Tenant", ...FLAG_KEY, "--value-object", "Enabled:boolean", "--value-object", "Reason:string(10..500)", "--event", "TenantFeatureFlagChanged:tenantId,flagKey,enabled,actorId", "--audit", "--error", "FlagNotFound:404:the flag key names no flag in the flag registry"],
    must: [
      "| resource-item-upsert |",
      "created when the Tenant has none for that key yet (an upsert)",
      "only a missing Tenant answers 404",
      "two first PUTs of the same key at once leave one FeatureFlag",
      "featureFlag = the FeatureFlag flagKey of target ?? a new FeatureFlag for flagKey in target",
      "find its FeatureFlag #58;flagKey#44; or a new one when it has none yet#59; set it",
      "or creates it when the Tenant has none for that key yet",
      "When the flag key names no flag in the flag registry, the answer is 404 (FlagNotFound)",
      "| 404 | No such Tenant; FlagNotFound: the flag key names no flag in the flag registry | none | problem+json |",
    ],
    mustNot: [
      "| resource-item |",
      "the same as a missing Tenant",
      "another Tenant's FeatureFlag",
      "no such FeatureFlag in the Tenant",
      "within it#44; else 404",
      "Which keys may a Tenant's FeatureFlag be set for",
      "Does the change move the Tenant to another state",
      "what else changes in target with it",
    ],
  },
  // ...without an answers error on the key, which keys may be set is asked (a typo would be stored as applied)...
  "Set a tenant flag": {
    flags: ["--auth", "roles", "--roles", "platform-admin", "--method", "PUT", "--route", "/api/tenants/:tenantId/flags/:flagKey", "--resource", "Tenant", ...FLAG_KEY, "--value-object", "Enabled:boolean"],
    must: ["| resource-item-upsert |", "Which keys may a Tenant's Flag be set for (a registry, a fixed list), and what does a key outside them answer (404 or 422)?", "flag upserted (unique on the Tenant and flagKey"],
    mustNot: ["| resource-item |", "the same as a missing Tenant", "another Tenant's Flag"],
  },
  // ...a GET of a keyed item that is not there keeps its 404 (nothing creates it)...
  "Read a tenant flag": {
    flags: ["--auth", "roles", "--roles", "platform-admin", "--method", "GET", "--route", "/api/tenants/:tenantId/flags/:flagKey", "--resource", "Tenant", ...FLAG_KEY, "--response", "enabled"],
    must: ["| resource-item |", "flag = the Flag flagKey within view (one query scoped to both ids) -> none => 404", "| 404 | No such Tenant; no such Flag in the Tenant |"],
    mustNot: ["| resource-item-upsert", "upsert", "Which keys may"],
  },
  // ...as does a DELETE of one, whose item is named for its collection (a Flag, not a "FlagKey")...
  "Clear a tenant flag": {
    flags: ["--auth", "roles", "--roles", "platform-admin", "--method", "DELETE", "--route", "/api/tenants/:tenantId/flags/:flagKey", "--resource", "Tenant", ...FLAG_KEY],
    must: ["removes its Flag `:flagKey` (404 when it has no such Flag; the Tenant itself stays)", "remove the Flag flagKey from target -> none => 404"],
    mustNot: ["upsert", "FlagKey `:flagKey`", "Which keys may"],
  },
  // ...and a PUT of an item named by its id is a change of an existing record: found within the resource, else 404.
  "Rename a team member": {
    flags: ["--auth", "authenticated", "--relation", "owner", "--method", "PUT", "--route", "/api/teams/:teamId/members/:memberId", "--resource", "Team", "--value-object", "TeamId:uuid", "--value-object", "MemberId:uuid", "--value-object", "DisplayName:string(1..80)"],
    must: ["| resource-item |", "a Member that does not exist, or belongs to another Team, answers 404, the same as a missing Team", "pairs its id with the id of another Team's Member"],
    mustNot: ["| resource-item-upsert", "upserted", "Which keys may"],
  },
  // Item 2: an answers error named for too many of a list's items is that list's cap: the plan says when (more than the
  // list rule's maximum), answers it as the list is parsed, and asks nothing about the cap...
  "Bulk update order statuses": {
    flags: ["--method", "POST", "--route", "/api/orders/bulk-status", "--auth", "roles", "--roles", "admin", "--value-object", "OrderIds:uuid[1..100]", "--value-object", "Status:enum(Packed|Shipped|Delivered|Cancelled)", "--response", "updated,failed", "--event", "OrderStatusChanged:orderId,from,to", "--error", "TooManyOrders:400"],
    must: [
      "When OrderIds holds more than 100 items (the list's maximum), the answer is 400 (TooManyOrders)",
      "more than the cap (the list rule's maximum, 100) is refused with 400 (TooManyOrders, as the answers say)",
      "-> err => 400 problem+json, but more than 100 items => TooManyOrders (400), nothing read",
      "refuses one id more than the cap (100) with 400 TooManyOrders, and changes no Order",
      "a request naming one id more than the list rule's maximum (101 ids): answered 400 TooManyOrders",
    ],
    mustNot: ["When TooManyOrders applies", "Is the cap the list rule's maximum", "if OrderIds holds more than 100 items"],
  },
  // ...the same for a bulk delete's generic TooManyIds, whose cap was a TODO...
  "Delete files in bulk": {
    flags: ["--method", "POST", "--route", "/api/files/bulk-delete", "--auth", "authenticated", "--value-object", "FileIds:uuid[1..50]", "--error", "TooManyIds:400"],
    must: ["at most 50 per request (the list rule's maximum), more is refused with 400 (TooManyIds, as the answers say)", "more than the cap (50, the list's maximum) was refused above with TooManyIds", "a request naming 51 ids, one more than the list rule's maximum: answered 400 TooManyIds"],
    mustNot: ["say the cap, e.g. 500", "Is the cap on ids per request", "When TooManyIds applies"],
  },
  // ...while a bulk change without such an error keeps the question, and a "too many" error about stored state (pending
  // invitations of the team) is no cap of the list the request sends.
  "Bulk update ticket statuses": {
    flags: ["--method", "POST", "--route", "/api/tickets/bulk-status", "--auth", "roles", "--roles", "admin", "--value-object", "TicketIds:uuid[1..20]", "--value-object", "Status:enum(Open|Closed)", "--response", "updated,failed"],
    must: ["Is the cap the list rule's maximum, and is a list past it refused (400) or run as a job (202)?", "more than the cap (the list rule's maximum) is refused with 400 before any Ticket is loaded"],
    mustNot: ["as the answers say) before any Ticket"],
  },
  "Invite members by email": {
    flags: ["--method", "POST", "--route", "/api/teams/:teamId/invitations", "--auth", "authenticated", "--relation", "owner", "--resource", "Team", "--value-object", "TeamId:uuid", "--value-object", "Emails:email[1..50]", "--error", "TooManyPendingInvitations:409"],
    must: ["When TooManyPendingInvitations applies (TODO(plan): say when)"],
    mustNot: ["the list's maximum), the answer is 409", "=> TooManyPendingInvitations"],
  },
  // Item 3: `/bookmarks/me` after the article's id, PUT, is the caller's own mark, as `/bookmark` is: no child create
  // (no new Bookmark "under" the article, no 201), one row per caller and article, its count moved atomically...
  "Bookmark an article": {
    flags: ["--method", "PUT", "--route", "/api/articles/:articleId/bookmarks/me", "--resource", "Article", "--relation", "viewer", "--value-object", "ArticleId:uuid"],
    must: ["sets the caller's own Bookmark of the Article: one row per caller and Article (a unique key on both ids)", "This use-case sets the caller's own Bookmark (`bookmarks/me`) of one Article", "moves by an atomic increment", "two PUTs of one caller at once leave one Bookmark and count it once"],
    mustNot: ["new Bookmark under", "adds a new Bookmark", "| 201 |", "A PUT sets the whole record", "the last one wins"],
  },
  // ...as its DELETE already was...
  "Remove my bookmark": {
    flags: ["--method", "DELETE", "--route", "/api/articles/:articleId/bookmarks/me", "--resource", "Article", "--relation", "viewer", "--value-object", "ArticleId:uuid"],
    must: ["The handler deletes the caller's own Bookmark of the Article, if there is one"],
    mustNot: ["A Article without that Bookmark answers 404", "-> none => 404"],
  },
  // ...while the caller's own item of a collection that is no mark (an attendance) stays one item under the resource.
  "Attend an event": {
    flags: ["--method", "PUT", "--route", "/api/events/:eventId/attendees/me", "--resource", "Event", "--relation", "viewer", "--value-object", "EventId:uuid"],
    must: ["the caller already has a Attendee under event (unique per Event and caller)"],
    mustNot: ["sets the caller's own Attendee", "| own-mark"],
  },
  // Item 4: a response field that says whether the caller did something to the record (likedByMe) is a boolean, in
  // the contract and in the handler's body type, as isX and hasX are; a count is a number; another name stays to type.
  "Like a post": {
    flags: ["--method", "PUT", "--route", "/api/posts/:postId/like", "--resource", "Post", "--relation", "viewer", "--value-object", "PostId:uuid", "--response", "likeCount,likedByMe,bookmarkedByMe,isPinned,title"],
    must: ["`likeCount` (number), `likedByMe` (boolean), `bookmarkedByMe` (boolean), `isPinned` (boolean), `title` (TODO(plan): say the type of `title`)", "  readonly likedByMe: boolean;", "  readonly bookmarkedByMe: boolean;", "  readonly likeCount: number;", "  readonly title: unknown;"],
    mustNot: ["say the type of `likedByMe`", "readonly likedByMe: unknown"],
  },
  // Item 5: an XLSX import is read by a spreadsheet reader within the Office pack's zip limits, not "a CSV parser"; the
  // words "XLSX" name its type as a ContentType does; which worksheet, and how dates and formulas read, is asked...
  "Import contacts from an XLSX file": {
    flags: ["--summary", "The user imports contacts from an XLSX spreadsheet", "--method", "POST", "--route", "/api/me/contact-imports", "--capability", "file-upload", "--async"],
    must: [
      "The file is read by a spreadsheet reader that streams the rows of the worksheet it imports (the workbook never loaded whole, no formula evaluated), opened within the zip container's limits stated for XLSX files; a file of more than 10000 rows, or with over-long cells or too many columns, is refused",
      "| capability-file-upload-office |",
      "Every XLSX file is a zip container",
      "Which worksheet of a workbook is imported",
      "a huge shared-strings table, a zip that unpacks to gigabytes or thousands of columns exhausts the reader's memory",
      "needs the import's XLSX reader and the row limit the plan states",
    ],
    mustNot: ["CSV parser", "RFC 4180", "unbalanced quotes", "one enormous line", "| capability-file-upload-office-macros |"],
  },
  // ...a file that may be either is read by the one its type calls for...
  "Import contacts from a file": {
    flags: ["--summary", "The user imports contacts", "--method", "POST", "--route", "/api/me/contact-imports", "--capability", "file-upload", "--value-object", "ContentType:enum(text/csv|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)@header", "--async"],
    must: ["The file is read by the reader its type calls for (for a CSV file, a CSV parser (RFC 4180 quoting", "; for an XLSX file, a spreadsheet reader", "over-long lines or cells, or too many columns", "Which worksheet of a workbook is imported"],
    mustNot: ["The file is read by a CSV parser"],
  },
  // ...and a CSV import keeps its CSV parser, with no zip limits and no worksheet.
  "Import contacts from a CSV file": {
    flags: ["--summary", "The user imports contacts from a CSV file", "--method", "POST", "--route", "/api/me/contact-imports", "--capability", "file-upload", "--async"],
    must: ["The file is read by a CSV parser (RFC 4180 quoting, quoted line breaks, one fixed delimiter), as UTF-8 with a leading BOM dropped; a file of more than 10000 rows, or with over-long lines or too many columns, is refused", "one enormous line, thousands of columns or unbalanced quotes", "needs the import's CSV parser"],
    mustNot: ["spreadsheet reader", "zip container", "Which worksheet", "| capability-file-upload-office |"],
  },
};

describeFit(CASES, "fix16a's use-cases are planned as they are (keyed settings, ...)");
