/**
 * Plans true for their use-case, from a new user's eighth trial (TRIAL8 V6, V11, V12; V4 and V5 in trial8-fit): each use-case is planned from
 * the flags the user gave, and its plan and code are checked for the statement the trial showed false or missing, and
 * beside it an unlike use-case for what must stay. All are planned into one folder, whose code compiles under tsc
 * --strict and whose generated tests pass.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { nameDefaultsOf } from "../generators/plan/name-defaults.js";
import { describeFit, type FitCase } from "./support/fit.js";
import { killSessions, Session } from "./support/pty-session.js";
import { readTree, tempDir } from "./support/project.js";

const ENTER = "\r";

const CASES: Record<string, FitCase> = {
  // V6: whether two ids must differ is asked only of two ids of one kind; a cart and an address are unlike records.
  "Place an order": {
    flags: ["--context", "Commerce", "--method", "POST", "--route", "/api/me/orders", "--value-object", "CartId:uuid", "--value-object", "ShippingAddressId:uuid", "--response", "orderId,status"],
    must: ["Which records may CartId, ShippingAddressId name (the caller's own, its organisation's, any that exists)?"],
    mustNot: ["differ", "a transfer from an account to itself"],
  },
  // ...two addresses of one kind may be one: asked of those two, without a transfer's example.
  "Set my default addresses": {
    flags: ["--context", "Commerce", "--method", "PUT", "--route", "/api/me/default-addresses", "--value-object", "ShippingAddressId:uuid", "--value-object", "BillingAddressId:uuid"],
    must: ["and must ShippingAddressId and BillingAddressId differ (the same Address on both sides)?"],
    mustNot: ["to itself", "must two of them differ"],
  },
  // ...a move between two wallets asks it with the move's example.
  "Move credit between my wallets": {
    flags: ["--context", "Wallets", "--method", "POST", "--route", "/api/me/wallet-transfers", "--value-object", "FromWalletId:uuid", "--value-object", "ToWalletId:uuid", "--value-object", "AmountMinor:int(1..1000000)"],
    // "between my wallets": both are the caller's own, so only whether they must differ is asked (TRIAL18A D11).
    must: ["Must FromWalletId and ToWalletId differ (the same Wallet on both sides: a move from a Wallet to itself)?"],
    mustNot: ["must two of them differ"],
  },
  // V11: an accepted import answers 202 before it parses the file: a row limit found while parsing is the job's failure,
  // not a 422 of the request; the file is never released; the answers' "row errors" settle row by row.
  "Import contacts from a CSV file": {
    flags: ["--context", "Contacts", "--summary", "Upload a CSV of contacts; a background job imports them and reports row errors", "--method", "POST", "--route", "/api/me/contact-imports", "--async", "--capability", "file-upload", "--value-object", "ContentLength:int(1..5242880)@header", "--scheduled-command", "RunContactImport", "--error", "FileTooLarge:413:the file is over 5 MB", "--error", "TooManyRows:422:the file has more than 10000 rows", "--criteria", "Given a CSV with 3 valid rows and 1 row with an invalid email, when the import finishes, then 3 contacts are created and the report names row 4 column email"],
    must: [
      "When the file has more than 10000 rows, RunContactImport fails with TooManyRows before any row is saved: the job's status answers failed with it as problem+json (status 422); the request has already answered 202, before the file was parsed, so it never answers 422 for it.",
      /runContactImport\(serialized\):[^\n]*\n {2}if the file has more than 10000 rows \(found as the file is parsed\) -> the job failed with TooManyRows \(422 in its status\), no row saved/,
      "When the file is over 5 MB, the answer is 413 (FileTooLarge)",
      "only the import reads it, and it is never released or served",
      "Row by row, as the answers say: the valid rows are imported and each refused one reported.",
    ],
    mustNot: ["the answer is 422 (TooManyRows)", "| 422 | TooManyRows", "TooManyRows -> 422", "-> TooManyRows (422), nothing stored", "only a scanned file is released", "All or nothing, or row by row"],
  },
  // ...while a synchronous upload checks the same kind of condition in the request, and a stored file is still scanned first.
  "Upload a price list": {
    flags: ["--context", "Catalog", "--summary", "A merchant uploads a PDF price list that customers can download", "--method", "POST", "--route", "/api/me/price-lists", "--capability", "file-upload", "--value-object", "Title:string(1..100)", "--error", "TooManyPages:422:the file has more than 50 pages"],
    must: ["When the file has more than 50 pages, the answer is 422 (TooManyPages)", "if the file has more than 50 pages -> TooManyPages (422), nothing stored", "only a scanned file is released"],
    mustNot: ["fails with TooManyPages", "Row by row"],
  },
  // ...and an import whose answers say nothing of invalid rows is asked.
  "Import products from a spreadsheet": {
    flags: ["--context", "Catalog", "--method", "POST", "--route", "/api/me/product-imports", "--async", "--capability", "file-upload", "--scheduled-command", "RunProductImport"],
    must: ["All or nothing, or row by row", "only the import reads it"],
    mustNot: ["as the answers say"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL8, fix12b)");

describe("V12: a name that marks a resource with a state proposes the resource's endpoint", () => {
  it.each([
    ["Mark a notification as read", { method: "POST", route: "/api/notifications/:notificationId/read", resource: "Notification" }],
    ["Mark my notification as read", { method: "POST", route: "/api/me/notification/read", resource: "Notification" }],
    ["Flag a comment as spam", { method: "POST", route: "/api/comments/:commentId/spam", resource: "Comment" }],
    ["Mark an invoice as paid", { method: "POST", route: "/api/invoices/:invoiceId/paid", resource: "Invoice" }],
    ["Mark a task of a project as done", { method: "POST", route: "/api/projects/:projectId/tasks/:taskId/done", resource: "Project" }],
    // ...while the verbs it knew keep their defaults.
    ["Archive project", { method: "POST", route: "/api/projects/:projectId/archive", resource: "Project" }],
  ])("%s", (name, expected) => {
    expect(nameDefaultsOf(name)).toEqual(expected);
  });

  it.each(["Mark all notifications as read", "Mark my notifications as read", "Mark attendance"])("%s: many at once, or no state named: the documented defaults stand", (name) => {
    expect(nameDefaultsOf(name)).toBeUndefined();
  });
});

describe("V12: the relation prompt of a /me route says what Enter plans", () => {
  afterEach(killSessions);

  it("shows the caller's own one on /api/me/notifications/:notificationId, and owner elsewhere", async () => {
    const mine = new Session(["plan", "--date", "2026-01-01", "--format", "never", "--dest", await tempDir()]);
    await mine.answer("Use-case name", `Mark a notification as read${ENTER}`);
    await mine.enterUntil("HTTP route", `/api/me/notifications/:notificationId/read${ENTER}`);
    await mine.enterUntil("The aggregate the use-case loads", `Notification${ENTER}`);
    await mine.answer("How the caller must relate to the resource, or none: (Enter: the caller's own one, found by the credential)", ENTER);
    expect(await mine.enterUntilExit()).toBe(0);
    const dest = await tempDir();
    const other = new Session(["plan", "--date", "2026-01-01", "--format", "never", "--dest", dest]);
    await other.answer("Use-case name", `Mark a notification as read${ENTER}`);
    await other.enterUntil("The aggregate the use-case loads", ENTER);
    await other.answer("How the caller must relate to the resource, or none:", ENTER);
    expect(await other.enterUntilExit()).toBe(0);
    expect(other.text()).not.toContain("(Enter: the caller's own one");
    // Enter at every question plans what the name says: the Notification's own endpoint, the owner's.
    const plan = (await readTree(dest)).get("docs/features/api/MarkANotificationAsRead/MarkANotificationAsRead-plan.md") ?? "";
    expect(plan).toContain("`POST /api/notifications/:notificationId/read`");
    expect(plan).toContain('"resource":"Notification"');
    expect(plan).not.toContain("/api/mark-a-notification-as-read");
  }, 180_000);
});
