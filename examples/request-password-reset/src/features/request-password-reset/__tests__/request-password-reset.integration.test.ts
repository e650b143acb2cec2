import { describe, it } from "@jest/globals";

/**
 * Integration tests of Request password reset. Each it.todo names what to prove, with the ID
 * the plan uses; replace it with a test and keep the ID.
 */
describe("Request password reset — Integration tests", () => {
  it.todo("INT-1 POST /api/auth/password-reset-requests answers 202 for a valid request from Anonymous visitor");
  it.todo("INT-2 for a known account, saves the new aggregate and its outbox entries in one transaction, or neither");
  it.todo("INT-3 for an unknown account, saves nothing and sends nothing");
  it.todo("INT-4 a successful request publishes PasswordResetRequested, and a failed one does not");
  it.todo("INT-5 publishes each event once per committed change, and none when the change fails");
  it.todo("INT-6 ExpirePasswordResetToken runs once when due, and a failed run is retried or dead-lettered");
  it.todo("INT-7 writes an audit record for a success and for a failure, without personal data");
  it.todo("INT-8 AC-1 Given a registered email, when a reset is requested, then a single-use link valid for 30 minutes is sent");
  it.todo("INT-9 AC-2 Given an unknown email, when a reset is requested, then the response is identical to the registered case and no mail is sent");
  it.todo("INT-10 AC-3 Given 5 requests in 15 minutes for one account, when a 6th arrives, then it gets 429 with Retry-After");
});
