/**
 * Plans true for their use-case, from a new user's seventh trial (TRIAL7 U1, U2, U6, U8): each use-case is planned from
 * the flags the user gave, and its plan and code are checked for the statement the trial showed false, and beside it an
 * unlike use-case for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const ROTATE = ["--summary", "The signed-in user replaces one of their API keys: a new secret is shown once, the old key keeps working for 24 hours, then is revoked", "--context", "Developer", "--route", "/api/me/api-keys/:apiKeyId/rotate", "--resource", "ApiKey", "--value-object", "ApiKeyId:uuid@path", "--response", "apiKeyId,secret,prefix,oldKeyExpiresAt", "--scheduled-command", "RevokeRotatedApiKey", "--transition", "Active->Rotating", "--transition", "Rotating->Revoked@RevokeRotatedApiKey"];
const DELETE_ME = ["--summary", "The signed-in user asks to erase their account and personal data; after a grace period in which they may cancel, the data is erased", "--context", "Accounts", "--method", "DELETE", "--route", "/api/me", "--resource", "Account", "--capability", "erasure", "--scheduled-command", "EraseAccount", "--transition", "Active->PendingDeletion", "--transition", "PendingDeletion->Erased@EraseAccount", "--error", "OpenOrders:409:the account has unpaid or undelivered orders"];
const CANCEL_ORDER = ["--summary", "A customer cancels an order before it ships", "--method", "POST", "--route", "/api/orders/:orderId/cancel", "--resource", "Order", "--transition", "Placed->Cancelled"];

const CASES: Record<string, FitCase> = {
  // U2: an answer that hands out a secret is never replayed "as the first time", and the user's 409 for the state under way
  // (named by its verb: RotationInProgress for Rotating) is the answer a repeat gets, checked before the state moves.
  "Rotate my API key": {
    flags: [...ROTATE, "--error", "RotationInProgress:409:the key was rotated less than 24 hours ago and its old secret still works"],
    must: ["When the key was rotated less than 24 hours ago and its old secret still works, the answer is 409 (RotationInProgress)", /if the key was rotated less than 24 hours ago and its old secret still works -> RotationInProgress \(409\)\n {2}state = moveApiKey\(/],
    mustNot: ["as the first time", "already Rotating (a repeated request)", "already Rotating answers 200"],
  },
  // ...and with no error of the user's: the repeat is refused as any other state, never answered with a second secret.
  "Rotate a client secret": {
    flags: ["--summary", "An owner replaces the client secret of an OAuth client", "--route", "/api/clients/:clientId/rotate-secret", "--resource", "Client", "--response", "clientId,clientSecret", "--transition", "Active->Rotated"],
    must: ["any other change is refused with 409"],
    mustNot: ["as the first time", "(a repeated request)"],
  },
  // ...while a cancel whose error refuses another state by the verb alone ("CannotCancel: it has shipped") keeps the retry's 200.
  "Cancel an order": {
    flags: [...CANCEL_ORDER, "--error", "CannotCancel:409:the order has shipped"],
    must: ["A repeated request that finds the Order already Cancelled answers 200 as the first time", "already Cancelled (a repeated request) -> respond 200 as the first time", "When the order has shipped, the answer is 409 (CannotCancel)"],
    mustNot: ["authenticatedAt", "ReauthenticationRequired"],
  },
  // ...and an archive whose error names its verb while saying it is under way replaces the retry's 200.
  "Archive a project": {
    flags: ["--summary", "A project owner archives a project", "--method", "POST", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--transition", "Active->Archived", "--error", "ArchiveInProgress:409:an archive of the project is in progress"],
    must: ["the answer is 409 (ArchiveInProgress)"],
    mustNot: ["as the first time"],
  },
  // U6: the user's step-up error is checked before the account is even loaded: before the repeat's 204 and the open-orders
  // 409, which would otherwise answer a caller holding only a stolen session; and the repeat is said once, not twice.
  // U8: that error is arranged in the request (its credential), the open orders in the seeded Account.
  "Delete my account": {
    flags: [...DELETE_ME, "--value-object", "Password:string(8..128)@header", "--error", "ReauthenticationRequired:401:the password is wrong or the session is older than 5 minutes"],
    must: [/password = Password\.fromText\(request\.header\["Password"\]\)[^\n]*\n {2}if the password is wrong or the session is older than 5 minutes -> ReauthenticationRequired \(401\)\n {2}target = repository\.findForCaller\(callerId\)/, "target.state is already PendingDeletion (a repeated request) -> respond 204 as the first time", 'Needs the valid request made so that "the password is wrong or the session is older than 5 minutes" holds, by its credential and what it sends, nothing seeded for it', 'Needs the caller\'s Account seeded so that "the account has unpaid or undelivered orders" holds'],
    mustNot: ["already marked for erasure", 'seeded so that "the password is wrong', /OpenOrders \(409\)\n(?: {2}[^\n]*\n)* {2}if the password is wrong/],
  },
  // ...and an erasure given no step-up error of its own still checks the fresh authentication its pack requires, first.
  "Close my account": {
    flags: DELETE_ME,
    must: [/rateLimiter\.consume[^\n]*\n {2}caller\.authenticatedAt older than STEP_UP_SECONDS -> 403 ReauthenticationRequired, nothing changed or scheduled[^\n]*\n {2}target = repository\.findForCaller\(callerId\)/],
    mustNot: ["already marked for erasure"],
  },
  // U8: a condition on the request's file is arranged in the request, not in a seeded Profile.
  "Upload my avatar": {
    flags: ["--summary", "The signed-in user uploads a new profile picture (JPEG, PNG or WebP, at most 5 MB)", "--method", "PUT", "--route", "/api/me/avatar", "--resource", "Profile", "--capability", "file-upload", "--value-object", "AltText?:string(0..200)", "--error", "PayloadTooLarge:413:the file is over 5 MB", "--error", "ImageTooLarge:422:the image is over 8000x8000 pixels"],
    must: ['Needs a request whose file makes "the file is over 5 MB" hold (the valid request with its file changed), nothing seeded for it', 'a request whose file makes "the image is over 8000x8000 pixels" hold'],
    mustNot: ['seeded so that "the file is over 5 MB"', 'seeded so that "the image'],
  },
  // U8: two ids of the request said to be one are compared with the inputs, before anything is read; a balance is seeded;
  // a condition naming an input and no store is arranged in either.
  "Move money between my accounts": {
    flags: ["--summary", "The signed-in customer moves an amount from one of their own accounts to another", "--method", "POST", "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "AmountMinor:int(1..1000000)", "--error", "SameAccount:400:the source and the target are the same account", "--error", "InsufficientFunds:422:the source account balance is below the amount", "--error", "CurrencyMismatch:422:the accounts are in different currencies from the amount"],
    must: ["if the source and the target are the same account -> SameAccount (400), nothing read", 'Needs a request whose inputs make "the source and the target are the same account" hold', 'seeded so that "the source account balance is below the amount" holds', 'Needs the valid request or the caller\'s record arranged so that "the accounts are in different currencies from the amount" holds'],
    mustNot: ['seeded so that "the source and the target are the same account"'],
  },
  // U1: a transfer changes both accounts, locked in one order, in one transaction with the new record, the outbox and the
  // Idempotency-Key's kept answer; the double spend is a threat with a test; the user's SameAccount settles the question.
  "Transfer money between my accounts": {
    flags: ["--summary", "The signed-in customer moves an amount from one of their own accounts to another of their own, atomically and exactly once", "--context", "Payments", "--actor", "Customer", "--method", "POST", "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "AmountMinor:int(1..1000000)", "--value-object", "IdempotencyKey:uuid@header", "--event", "MoneyTransferred:transferId,fromAccountId,toAccountId,amountMinor", "--error", "InsufficientFunds:422:the source account balance is below the amount", "--error", "SameAccount:400:the source and the target are the same account", "--error", "DailyLimitExceeded:422:the day's transfers from the source account would exceed 5000"],
    must: [
      /idempotency\.claim\(callerId, idempotencyKey, sha256 of the request\)[^\n]*\n {2}begin a transaction; fromAccount, toAccount = the two Accounts fromAccountId and toAccountId name, within what the caller may reach, locked \(SELECT \.\.\. FOR UPDATE\) in ascending id order/,
      /FOR UPDATE[^\n]*\n {2}if the source account balance is below the amount -> InsufficientFunds \(422\)/,
      "fromAccount debited and toAccount credited",
      /idempotency\.complete\(callerId, idempotencyKey, the answer\)[^\n]*\n {2}repository\.move\(fromAccount, toAccount, aggregate, events\)/,
      "move(from: Account, to: Account, aggregate: Aggregate, events: readonly unknown[]): Promise<void>;",
      "interface IdempotencyStore {",
      "The handler loads both Accounts the request names, locked in ascending id order, checks them, debits one and credits the other",
      "(a double spend)",
      "two moves at once from one Account whose balance covers only one: one succeeds, the other is refused with 422 InsufficientFunds",
      // "one of their own accounts to another of their own": both are the caller's own, not asked (TRIAL18A D11).
      "found through a query scoped to the caller's own records",
    ],
    mustNot: ["Which records may FromAccountId, ToAccountId name", "must two of them differ", "repository.add(aggregate", "add(aggregate: Aggregate", "find the record fromAccountId names"],
  },
  // ...while a create carrying an Idempotency-Key that moves nothing uses the key store and adds its one new record.
  "Create an invoice": {
    flags: ["--summary", "An accountant creates an invoice", "--route", "/api/invoices", "--value-object", "CustomerId:uuid", "--value-object", "AmountMinor:int(0..100000000)", "--value-object", "IdempotencyKey:uuid@header"],
    must: ["idempotency.claim(callerId, idempotencyKey, sha256 of the request)", /idempotency\.complete\([^\n]*\n {2}repository\.add\(aggregate, events\)/, "interface IdempotencyStore {", "add(aggregate: Aggregate, events: readonly unknown[]): Promise<void>;"],
    mustNot: ["FOR UPDATE", "double spend", "answers-move-between"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL7, fixa)");

describe("U6: a password or secret sent in a header of its own or in the URL is warned about", () => {
  const warned = async (name: string, flags: string[]): Promise<string> => {
    const run = await cli(["plan", "--name", name, ...flags, "--dest", await tempDir(), "--date", "2026-01-01", "--format", "never"]);
    expect({ name, exitCode: run.exitCode }).toEqual({ name, exitCode: 0 });
    return String(run.stderr);
  };

  it("warns for a password @header on a DELETE (no body: a step-up token instead) and a secret @query, not for a body or an X-API-Key header", async () => {
    const header = await warned("Delete my account", ["--method", "DELETE", "--route", "/api/me", "--value-object", "Password:string(8..128)@header"]);
    expect(header).toContain("--value-object Password@header: a secret in a header of its own is logged by proxies and APM agents");
    expect(header).toContain("trade it for a short-lived step-up token");
    expect(header).not.toContain("send it in the body");
    const query = await warned("Confirm a payout", ["--method", "POST", "--route", "/api/payouts/:payoutId/confirm", "--resource", "Payout", "--value-object", "Pin:string(4..8)@query"]);
    expect(query).toContain("--value-object Pin@query: a secret in the URL is kept in access logs, browser history and Referer headers; send it in the body");
    const quiet = await warned("Change my password", ["--method", "POST", "--route", "/api/me/password", "--value-object", "CurrentPassword:string(8..128)", "--value-object", "ApiKey:string(32..64)@header"]);
    expect(quiet).not.toContain("a secret in");
  }, 60_000);
});

describe("U1: money given as a binary floating-point number is warned about", () => {
  it("warns for Amount:number and suggests minor units, not for AmountMinor:int or a Rating:number", async () => {
    const run = async (flags: string[]): Promise<string> => {
      const out = await cli(["plan", "--name", "Pay an invoice", "--route", "/api/invoices/:invoiceId/payments", "--resource", "Invoice", ...flags, "--dest", await tempDir(), "--date", "2026-01-01", "--format", "never"]);
      expect(out.exitCode).toBe(0);
      return String(out.stderr);
    };
    expect(await run(["--value-object", "Amount:number(0.01..10000)"])).toContain('--value-object Amount:number: money as a binary floating-point number loses cents (0.1 + 0.2 is not 0.3); take it in minor units as an integer (--value-object "AmountMinor:int(1..)")');
    const quiet = await run(["--value-object", "AmountMinor:int(1..1000000)", "--value-object", "Rating:number(0..5)"]);
    expect(quiet).not.toContain("binary floating-point");
  }, 60_000);
});
