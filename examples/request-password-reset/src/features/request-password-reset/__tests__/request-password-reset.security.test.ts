import { describe, it } from "@jest/globals";

/**
 * Security tests of Request password reset. Each it.todo names what to prove, with the ID
 * the plan uses; replace it with a test and keep the ID.
 */
describe("Request password reset — Security tests", () => {
  it.todo("SEC-1 answers unknown and known accounts with the same status and body");
  it.todo("SEC-2 answers unknown and known accounts in the same time, within measurement noise");
  it.todo("SEC-3 answers request 6 within 15m with 429 and Retry-After");
  it.todo("SEC-4 counts requests per account across clients");
  it.todo("SEC-5 counts requests per client across accounts");
  it.todo("SEC-6 accepts requests again after the 15m window resets");
  it.todo("SEC-7 answers every failure (400, 401, 403, 404, 429, 500) with one problem+json shape");
  it.todo("SEC-8 refuses invalid input with 400 naming the field, without echoing the value");
  it.todo("SEC-9 reaches no owner-scoped data without proof of ownership");
  it.todo("SEC-10 keeps personal data (email) out of logs and telemetry");
  it.todo("SEC-11 runs a replayed ExpirePasswordResetToken (same id) only once");
});
