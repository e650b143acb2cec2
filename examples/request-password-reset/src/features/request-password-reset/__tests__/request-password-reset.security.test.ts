import { describe, it } from "@jest/globals";

/**
 * Security tests of Request password reset. Each it.todo names what to prove, with the ID
 * the plan uses; replace it with a test and keep the ID.
 */
describe("Request password reset — Security tests", () => {
  it.todo("SEC-1 answers every failure with one problem+json shape and no internal details");
  it.todo("SEC-2 ignores server-owned fields (id, owner, status) sent in the body");
  it.todo("SEC-3 answers the same with or without a credential sent along: no identity is taken from the request");
  it.todo("SEC-4 refuses invalid input with 400 naming the field, without echoing the value");
  it.todo("SEC-5 runs a replayed ExpirePasswordResetToken (same id) only once");
  it.todo("SEC-6 answers a known and an unknown account with the same status and body");
  it.todo("SEC-7 answers a known and an unknown account in the same time, within measurement noise");
  it.todo("SEC-8 answers request 6 within 15m from one client with 429 and Retry-After");
  it.todo("SEC-9 accepts requests again after the 15m window resets");
  it.todo("SEC-10 counts requests per account across clients");
  it.todo("SEC-11 keeps personal data (email) out of logs and telemetry");
});
