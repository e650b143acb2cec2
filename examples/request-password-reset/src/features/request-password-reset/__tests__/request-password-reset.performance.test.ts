import { describe, it } from "@jest/globals";

/**
 * Performance tests of Request password reset. Each it.todo names what to prove, with the ID
 * the plan uses; replace it with a test and keep the ID.
 */
describe("Request password reset — Performance tests", () => {
  it.todo("PERF-1 keeps p95 latency of POST /api/auth/password-reset-requests under 300 ms at expected load");
  it.todo("PERF-2 sheds load past the rate limit with 429, not with errors or timeouts");
});
