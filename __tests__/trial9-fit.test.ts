/**
 * Plans true for their use-case, from a new user's ninth trial (TRIAL9, trial13): each use-case is planned from the flags
 * a team would give, and its plan and code are checked for the statement the trial showed false or missing, and beside
 * it unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and
 * whose generated tests pass. The run's warnings are checked on their own, with --dry-run.
 */
import { describe, expect, it } from "@jest/globals";
import { continued, whenSentence, whenTail } from "../lib/render/when-clause.js";
import { cli } from "./support/project.js";
import { describeFit, type FitCase } from "./support/fit.js";

const SIGN_IN = ["--auth", "anonymous", "--route", "/api/sessions", "--value-object", "Email:email", "--value-object", "Password:string(8..128)", "--capability", "sign-in", "--rate-limit", "5/15m", "--enumeration", "account", "--pii", "email", "--event", "UserLoggedIn:userId"];
const LOCKED = ["--error", "AccountLocked:423:after 10 failed attempts in 15 minutes"];
const RESET = ["--auth", "anonymous", "--route", "/api/password-resets", "--value-object", "Email:email", "--enumeration", "account", "--pii", "email"];
const SUSPENDED = ["--method", "PATCH", "--route", "/api/me", "--value-object", "DisplayName:string(1..50)", "--error", "AccountSuspended:403:the account is suspended"];

const CASES: Record<string, FitCase> = {
  // W3: a lock only a known account can be in, beside the sign-in's one 401: told only to the password's holder, its
  // leak and the lockout of the owner by anyone threats of their own, and the choice asked.
  "Log in with a lockout": {
    flags: [...SIGN_IN, ...LOCKED],
    must: [
      "the answer is 423 (AccountLocked), in the one problem+json shape, and only to a caller who has sent the account's right password: anyone else gets what an unknown account gets",
      "| 423 | AccountLocked: after 10 failed attempts in 15 minutes; only to a caller who has sent the account's right password |",
      "An answer only an existing account can get (423 AccountLocked) tells that it exists",
      "| Denial of service | Account lockout |",
      "a caller without the account's password gets the same answer for an account in AccountLocked's state as for an unknown one",
      "423 AccountLocked: told only to a caller who sent the right password",
      // W15: a condition that is a clause of its own is not put after "When", and a second one in a cell goes on in lower case.
      "| FR-4 | After 10 failed attempts in 15 minutes, the answer is 423 (AccountLocked)",
      "INT-2 answers 423 AccountLocked after 10 failed attempts in 15 minutes",
      "| 429 | Over 5 requests per 15m from the client; over 5 requests per 15m for the account |",
    ],
    mustNot: [/the answer is 423 \(AccountLocked\), in the one problem\+json shape\.(?! )/, /when after/i],
  },
  // ...a disabled account on a reset request that hides whether the account exists: the leak, no lockout by failures.
  "Request a reset of a disabled account": {
    flags: [...RESET, "--error", "AccountDisabled:403:the account was disabled by an admin"],
    must: ["An answer only an existing account can get (403 AccountDisabled) tells that it exists", "only to a caller who has proven the account is theirs"],
    mustNot: ["| Account lockout |", "right password"],
  },
  // ...while a signed-in caller's own suspended account hides nothing, and a sign-in with no state error says nothing of one.
  "Change my display name while suspended": {
    flags: SUSPENDED,
    must: ["When the account is suspended, the answer is 403 (AccountSuspended), in the one problem+json shape.", "answers 403 AccountSuspended when the account is suspended"],
    mustNot: ["only an existing account can get", "only to a caller who has", "| Account lockout |"],
  },
  // W4 (and W3's other side): a sign-in's 200 sets the session cookie and is never cached; its audit names the account
  // tried, as no credential names an actor yet.
  "Log in": {
    flags: [...SIGN_IN, "--audit"],
    must: [
      "an unknown account and a wrong password answer the same 401 with the same body",
      "| 200 | Signed in: a new session (a cookie, or a token in the body) | Set-Cookie (a cookie session: HttpOnly; Secure; SameSite=Lax), Cache-Control: no-store |",
      "who (the account the request names, by its id where it exists and else by a keyed hash of the name given, never the name itself; and the client's address)",
    ],
    mustNot: ["only an existing account can get", "| Account lockout |", "the actor's id as the credential names it", "| 200 | Signed in: a new session (a cookie, or a token in the body) | none |"],
  },
  // ...while a signed-in caller's audited change names the actor as its credential does, and its 200 sets no cookie.
  "Rename my workspace": {
    flags: ["--method", "PATCH", "--route", "/api/workspaces/:workspaceId", "--resource", "Workspace", "--value-object", "WorkspaceId:uuid", "--value-object", "Name:string(1..80)", "--audit"],
    must: ["who (the actor's id as the credential names it)", "who (the actor's id, as the credential names it: not hashed"],
    mustNot: ["Set-Cookie", "the account the request names"],
  },
  // ...and an anonymous contact form's audit names the client, not an actor or an account.
  "Send a contact message": {
    flags: ["--auth", "anonymous", "--route", "/api/contact-messages", "--value-object", "Message:string(1..2000)", "--audit"],
    must: ["who (no signed-in actor: the client's address and user agent)"],
    mustNot: ["as the credential names it", "Set-Cookie"],
  },
  // W9: a recurring report whose period the request names (an admin's re-run): a scheduled duplicate does nothing, the
  // request's run replaces the period's output; the period's bounds, cut-off, late rows and pages are planned.
  "Generate a monthly usage report": {
    flags: ["--summary", "Every 1st of the month a scheduled job aggregates the usage rows of the previous month per customer into a report; an admin can re-run it", "--route", "/api/admin/usage-reports", "--auth", "roles", "--roles", "admin", "--async", "--value-object", "Month:pattern([0-9]{4}-(0[1-9]|1[0-2]))", "--scheduled-command", "GenerateMonthlyUsageReport", "--event", "UsageReportGenerated:reportId,month@GenerateMonthlyUsageReport", "--criteria", "Given the report of 2026-10 was already generated, when it is generated again, then the report is replaced, not duplicated"],
    must: [
      "| scheduled-recurring-rerun |",
      "a retried or duplicated scheduled run of a period that already ran does nothing",
      "A run this request asks for covers the period Month names and replaces that period's output in one step",
      "A period's bounds are fixed in one time zone (UTC, unless the answers name another)",
      "never the whole period in memory",
      "Rows that arrive after a period's run (late or back-dated ones)",
    ],
    mustNot: ["| scheduled-recurring |", "a retried or duplicated run of the same period does nothing"],
  },
  // ...while a nightly job the system runs, whose period no request names, keeps each period's one run.
  "Send the nightly digest": {
    flags: ["--summary", "Every night a digest of the day's activity is stored for each team", "--route", "/api/admin/digests", "--auth", "roles", "--roles", "admin", "--async", "--value-object", "TeamId:uuid", "--scheduled-command", "BuildNightlyDigest"],
    must: ["| scheduled-recurring |", "BuildNightlyDigest recurs: after each run the next one is scheduled from the rule, and each period runs once (a retried or duplicated run of the same period does nothing)"],
    mustNot: ["scheduled-recurring-rerun", "replaces that period's output"],
  },
  // ...and a one-off export of a month, which recurs not at all.
  "Export my invoices of a month": {
    flags: ["--route", "/api/me/invoice-exports", "--async", "--value-object", "Month:pattern([0-9]{4}-(0[1-9]|1[0-2]))", "--scheduled-command", "ExportInvoices"],
    must: ["ExportInvoices"],
    mustNot: ["recurs: after each run", "replaces that period's output", "scheduled-recurring"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL9, trial13)");

/** The run's warnings for one use-case, written to stderr; --dry-run writes nothing. */
async function warnings(name: string, flags: string[]): Promise<string> {
  const run = await cli(["plan", "--name", name, ...flags, "--dry-run", "--dest", "/tmp/mjoplan-trial9-dry"]);
  expect(run.exitCode).toBe(0);
  return String(run.stderr);
}

describe("the run warns of what the answers leave false (TRIAL9)", () => {
  it("W3: a state only a known account is in, beside a promise that an unknown one answers the same", async () => {
    expect(await warnings("Log in", [...SIGN_IN, ...LOCKED])).toContain("--error AccountLocked:423: no unknown account is ever in this state, so a 423 of its own tells that the account exists");
    expect(await warnings("Reset", [...RESET, "--error", "AccountDisabled:403:the account was disabled by an admin"])).toContain("--error AccountDisabled:403: no unknown account is ever in this state");
    expect(await warnings("Rename", SUSPENDED)).not.toContain("no unknown account");
    // ...and a lock past the per-account limit is never reached within one window; one within it is.
    expect(await warnings("Log in", [...SIGN_IN, ...LOCKED])).toContain("--error AccountLocked:423: the per-account limit of 5/15m answers 429 from attempt 6 in a window, so 10 failed attempts within one window never happen");
    expect(await warnings("Log in", [...SIGN_IN, "--error", "AccountLocked:423:after 5 failed attempts in 15 minutes"])).not.toContain("the per-account limit");
    expect(await warnings("Log in", [...SIGN_IN, "--error", "TooManyFailedAttempts:429:after 10 failed attempts"])).not.toContain("no unknown account");
  }, 60_000);
});

describe("a condition reads as a sentence wherever it is put (TRIAL9 W15)", () => {
  it("puts When before a condition, not before one that is a clause of its own", () => {
    expect([whenSentence("the code expired"), whenSentence("after 10 failed attempts"), whenSentence("if the cart is empty")]).toEqual(["When the code expired", "After 10 failed attempts", "If the cart is empty"]);
    expect([whenTail("the code expired"), whenTail("once it is paid")]).toEqual([" when the code expired", " once it is paid"]);
  });
  it("lower-cases a second condition's first word, never a name", () => {
    expect(["Over 5 requests", "AccountLocked: after 10", "URL refused", "GET answers"].map(continued)).toEqual(["over 5 requests", "AccountLocked: after 10", "URL refused", "GET answers"]);
  });
});
