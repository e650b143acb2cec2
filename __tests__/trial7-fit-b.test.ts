/**
 * Plans true for their use-case, from a new user's seventh trial (TRIAL7 U3, U4, U5, U10-U14): each use-case is
 * planned from the flags or answers the user gave, and its plan and code are checked for the statement the trial
 * showed false, and beside it a dissimilar use-case for what must stay. All are planned into one folder, whose code
 * compiles under tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli } from "./support/project.js";

const CASES: Record<string, FitCase> = {
  // U3: the submitter told of an approval is a person the record names: no cap or budget refuses the manager's approval.
  "Approve an expense report": {
    flags: ["--summary", "A manager approves a submitted expense report of someone in their team", "--actor", "Manager", "--route", "/api/expense-reports/:expenseReportId/approve", "--auth", "roles", "--roles", "finance-admin", "--resource", "ExpenseReport", "--relation", "approver", "--value-object", "ExpenseReportId:uuid@path", "--capability", "sends-message", "--transition", "Submitted->Approved"],
    must: ["| capability-sends-message-record |", "The message goes only to a person the ExpenseReport names", "no per-recipient cap or send budget refuses POST /api/expense-reports/:expenseReportId/approve", "the send job holds back", "outbox.add(MESSAGE_NAME, { recipientId: the person the ExpenseReport names })", "the next request still answers 200 and saves its change"],
    mustNot: ["capability-sends-message-told", "RecipientCapped", "SendBudgetSpent", "nothing saved or sent", "the victim's address", "distinct valid recipients", "answers 429 with a Retry-After saying when the recipient"],
  },
  // ...and so is the author of a post told of a comment: a create under the record.
  "Comment on a post": {
    flags: ["--summary", "A member comments on a post; its author is told by mail", "--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "none", "--value-object", "Text:string(1..2000)", "--capability", "sends-message-email"],
    must: ["| capability-sends-message-record |", "no per-recipient cap or send budget refuses POST /api/posts/:postId/comments"],
    mustNot: ["RecipientCapped", "SendBudgetSpent", "nothing saved or sent"],
  },
  // ...while a message to an address the request names keeps its caps, and tells the signed-in sender.
  "Share a report by mail": {
    flags: ["--summary", "A member mails a report to an address", "--method", "POST", "--route", "/api/reports/:reportId/share", "--resource", "Report", "--value-object", "Email:email", "--capability", "sends-message"],
    must: ["| capability-sends-message-told |", "per recipient address per hour", "the victim's address", "RecipientCapped", "SendBudgetSpent", "Phishing from our domain", "May a user turn these messages off"],
    mustNot: ["capability-sends-message-own", "capability-sends-message-record"],
  },
  // ...and a confirmation to the caller's own account stays the caller's own.
  "Cancel my membership": {
    flags: ["--summary", "A member cancels their own membership and gets a confirmation mail", "--method", "POST", "--route", "/api/me/membership/cancel", "--resource", "Membership", "--relation", "none", "--transition", "Active->Cancelled", "--capability", "sends-message"],
    must: ["| capability-sends-message-own |", "outbox.add(MESSAGE_NAME, { recipientId: callerId })", "the request still saves its change and enqueues the message"],
    mustNot: ["capability-sends-message-record", "capability-sends-message-told", "RecipientCapped", "enqueues nothing"],
  },
  // U4: a password that only proves who the caller is (a step-up before erasure) is compared, never kept, hashed for saving or breach-checked.
  // U5: the user's 14-day grace period is the window everywhere (plan, contract), the cancel link does not "expire quickly",
  // and "signed out everywhere" revokes the sessions.
  "Delete my account": {
    flags: ["--summary", "The signed-in user asks to erase their account; after a 14-day grace period in which they may cancel, the data is erased", "--method", "DELETE", "--route", "/api/me", "--resource", "Account", "--value-object", "Password:string(8..128)@header", "--capability", "erasure", "--capability", "sends-message-email", "--error", "ReauthenticationRequired:401:the password is wrong or the session is older than 5 minutes", "--criteria", "Given an account, when I delete it, then it is PendingDeletion, I am signed out everywhere and get a mail with a cancel link", "--criteria", "Given a PendingDeletion account, when 14 days have passed, then its personal data is erased"],
    must: ["| password-step-up |", "it is compared with the caller's stored password hash by the hashing library's own verify (constant time)", "no strength rule or breached-password check refuses it", "A stolen session guesses the account's password through DELETE /api/me", "a cancellation window of 14 days", "ERASURE_WINDOW_SECONDS = 1209600", "| sessions-revoked |", "DELETE /api/me revokes every session and refresh token of the account"],
    mustNot: ["| password-input |", "found in known breaches", "Which breached-password list", "after a request with a new password", "made before it is saved", "Password store", "window of 30 days", "2592000", "How long is the cancellation window", "expires quickly", "expire quickly"],
  },
  // ...while an erasure whose answers give no window states the default and asks, and revokes no sessions nobody spoke of.
  "Erase a recording": {
    flags: ["--summary", "The host erases a recording and its transcript", "--method", "DELETE", "--route", "/api/recordings/:recordingId", "--resource", "Recording", "--capability", "erasure"],
    must: ["a cancellation window of 30 days", "How long is the cancellation window", "ERASURE_WINDOW_SECONDS = 2592000"],
    mustNot: ["sessions-revoked", "revokes every session"],
  },
  // ...while a password being set (a change, a sign-up) keeps the slow hash and the breach check, and a sign-in neither.
  "Change my password": {
    flags: ["--summary", "The signed-in user changes their password", "--method", "PUT", "--route", "/api/me/password", "--value-object", "CurrentPassword:string(8..128)", "--value-object", "NewPassword:string(12..128)"],
    must: ["| password-input |", "a password found in known breaches is refused with 400", "| reauthentication |"],
    mustNot: ["| password-step-up |"],
  },
  "Register an account": {
    flags: ["--summary", "A visitor signs up with an e-mail and a password", "--route", "/api/accounts", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Password:string(12..128)"],
    must: ["| password-input |", "a password found in known breaches is refused with 400"],
    mustNot: ["| password-step-up |"],
  },
  "Sign in": {
    flags: ["--summary", "A visitor signs in with e-mail and password", "--route", "/api/auth/sessions", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Password:string(1..128)"],
    must: ["| sign-in |"],
    mustNot: ["| password-input |", "| password-step-up |", "found in known breaches"],
  },
  // U12: a security notice to the caller's own address: no victim to phish, no question whether it may be turned off, no
  // link that "expires quickly"; the rotation hands out a key, so who may rotate and both secrets in the grace period are planned.
  "Rotate my API key": {
    flags: ["--summary", "The signed-in user replaces one of their API keys: a new secret is shown once, the old key keeps working for 24 hours, then is revoked", "--route", "/api/me/api-keys/:apiKeyId/rotate", "--resource", "ApiKey", "--value-object", "ApiKeyId:uuid@path", "--response", "apiKeyId,secret,prefix", "--scheduled-command", "RevokeRotatedApiKey", "--transition", "Active->Rotating", "--transition", "Rotating->Revoked@RevokeRotatedApiKey", "--capability", "sends-message-email"],
    must: ["| api-key-rotation |", "a request authenticated by an API key, the one being rotated above all, answers 403", "Until the grace period ends both secrets authenticate", "The holder sees when the old secret was last used", "| capability-sends-message-own |"],
    mustNot: ["Phishing from our domain", "May a user turn these messages off", "How is secret rotated or revoked", "expires quickly"],
  },
  // ...while a create that hands out a key keeps the issue pack and is asked how it is rotated later.
  "Create an API key": {
    flags: ["--summary", "A signed-in user creates a personal API key", "--route", "/api/me/api-keys", "--value-object", "Label:string(1..50)", "--response", "apiKeyId,apiKey"],
    must: ["| api-key-issue |", "How is apiKey rotated or revoked"],
    mustNot: ["api-key-rotation"],
  },
  // U13: a digest to a stored audience: its unsubscribe link never "expires quickly", is signed per recipient and list, and
  // nothing asks whether a recipient may stop what the answers already let them stop.
  "Send a weekly digest email": {
    flags: ["--summary", "Every Monday 08:00 in the user's time zone, each user who opted in gets one mail with last week's activity; one-click unsubscribe", "--actor", "Scheduler", "--route", "/internal/jobs/weekly-digest", "--auth", "roles", "--roles", "scheduler", "--async", "--value-object", "WeekStart:date", "--scheduled-command", "SendWeeklyDigestBatch", "--capability", "sends-message-bulk", "--capability", "sends-message-email", "--error", "DigestAlreadyRunning:409:a digest run for the same week is already running or done"],
    must: ["The unsubscribe link carries a token the server signs (an HMAC over the recipient's id and the list", "never expiring", "Someone edits the recipient id in an unsubscribe link", "an unsubscribe link whose recipient id or list was altered"],
    mustNot: ["expires quickly", "May a user turn these messages off", "can a recipient stop it (an unsubscribe link)?"],
  },
  // ...while a recurring report to whom the record names still asks who receives it and whether they can stop it.
  "Send a monthly usage report": {
    flags: ["--summary", "Every month the workspace's owner gets a usage report by mail", "--route", "/api/workspaces/:workspaceId/usage-reports", "--resource", "Workspace", "--scheduled-command", "SendMonthlyUsageReport", "--capability", "sends-message-email"],
    must: ["can a recipient stop it (an unsubscribe link)?", "May a user turn these messages off"],
    mustNot: ["The unsubscribe link carries a token"],
  },
  // U11: a price range is kept in order only, with no time wording or width cap; the Sort enum and the total field given answer the question.
  "Search products": {
    flags: ["--summary", "Anyone searches the catalogue by text, with optional price filters", "--method", "GET", "--route", "/api/products/search", "--auth", "anonymous", "--value-object", "Query:string(2..100)@query", "--value-object", "MinPrice?:number(0..1000000)@query", "--value-object", "MaxPrice?:number(0..1000000)@query", "--value-object", "Sort?:enum(relevance|newest|price_asc|price_desc)@query", "--value-object", "PageSize?:int(1..50)@query", "--value-object", "Cursor?:string(1..200)@query", "--response", "items,nextCursor,total", "--capability", "search", "--capability", "pagination"],
    must: ["MinPrice is not above MaxPrice", "The orders are the Sort input's (relevance, newest, price\\_asc, price\\_desc): is the total exact", "A relevance score moves as the index changes", "is the total exact or an estimate", "the Sort input's values (relevance, newest, price_asc, price_desc) as the allow-list"],
    mustNot: ["years wide", "How wide may one request's range", "the whole history", "What is the sort order clients need", "the allow-list of sort fields the plan states", "input-range-dates"],
  },
  // ...while a range of dates keeps its width cap and its question.
  "List orders between dates": {
    flags: ["--summary", "A clerk lists the orders placed between two dates", "--method", "GET", "--route", "/api/orders", "--value-object", "From:date@query", "--value-object", "To:date@query", "--response", "items"],
    must: ["| input-range-dates-closed |", "set years wide makes one request read and sort the whole history", "How wide may one request's range of dates be (where From is not after To)"],
    mustNot: [],
  },
  // U10: a clean-up command acts on what it names (the replaced file), never skipped as superseded, and is the one deletion of it.
  "Upload my avatar": {
    flags: ["--summary", "The signed-in user uploads a new profile picture (JPEG, PNG or WebP); it replaces the old one", "--method", "PUT", "--route", "/api/me/avatar", "--resource", "Profile", "--capability", "file-upload", "--response", "avatarUrl", "--scheduled-command", "PurgeReplacedAvatar"],
    must: ["| scheduled-cleanup |", "PurgeReplacedAvatar carries the id of what it cleans up", "acts on that whatever happened to the record since", "its fileId is what PurgeReplacedAvatar carries and deletes"],
    mustNot: ["when the Profile is no longer as the request left it", "storage.delete(previous fileId)", "billing period", "scheduled-change"],
  },
  // ...while a command that finishes the request's own change re-checks it and skips when it was undone.
  "Cancel my subscription": {
    flags: ["--summary", "A subscriber cancels at the end of the billing period", "--method", "POST", "--route", "/api/me/subscription/cancel", "--resource", "Subscription", "--relation", "none", "--scheduled-command", "EndSubscription", "--transition", "Active->PendingCancellation", "--transition", "PendingCancellation->Cancelled@EndSubscription"],
    must: ["| scheduled-change |", "EndSubscription loads the Subscription again when it runs and does nothing"],
    mustNot: ["scheduled-cleanup"],
  },
  // U14: the user's Version header and stale-version error are the approval's one version check, read from one header.
  "Approve an expense claim": {
    flags: ["--summary", "A manager approves a submitted expense claim", "--route", "/api/expense-claims/:expenseClaimId/approve", "--resource", "ExpenseClaim", "--relation", "approver", "--value-object", "Version:int(1..)@header", "--transition", "Submitted->Approved", "--error", "StaleVersion:412:the claim changed since the manager read it"],
    must: ["the version the approver reviewed (the Version header) is not target.version -> StaleVersion (412)", "the version input the answers give: one header, one check"],
    mustNot: ["if the claim changed since the manager read it -> StaleVersion (412)", "(If-Match) is not target.version"],
  },
  // ...while an approval naming no version reads If-Match.
  "Approve a timesheet": {
    flags: ["--summary", "A manager approves a submitted timesheet", "--route", "/api/timesheets/:timesheetId/approve", "--resource", "Timesheet", "--relation", "approver", "--transition", "Submitted->Approved"],
    must: ["the version the approver reviewed (If-Match) is not target.version -> 412"],
    mustNot: [],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL7, fixb)");

describe("U14: a version header of its own is named beside If-Match", () => {
  it("warns once, naming If-Match, for a Version header on a change; not for IfMatch itself", async () => {
    const base = ["plan", "--route", "/api/expense-claims/:expenseClaimId/approve", "--resource", "ExpenseClaim", "--transition", "Submitted->Approved", "--dry-run", "--date", "2026-01-01"];
    const named = await cli([...base, "--name", "Approve an expense claim", "--value-object", "Version:int(1..)@header"]);
    expect(named.exitCode).toBe(0);
    expect(String(named.stderr).split("\n").filter((l) => l.includes("If-Match"))).toEqual([expect.stringContaining("mjoplan: warning: --value-object Version@header: the version the client read is what HTTP's If-Match header carries")]);
    const standard = await cli([...base, "--name", "Approve an expense claim", "--value-object", "IfMatch:string(1..100)@header"]);
    expect(standard.exitCode).toBe(0);
    expect(String(standard.stderr)).not.toContain("If-Match header carries");
  }, 60_000);
});
