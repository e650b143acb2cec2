/**
 * Plans true for their use-case (REVIEW3, fit5a: the handler contract and the tests side): each use-case
 * below is planned from the flags the reviewer used, and its plan and code are checked for what a reviewer
 * of that kind of feature must read and for the statement the finding showed false. All are planned into
 * one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const REFUND = ["--summary", "Support refunds all or part of a captured payment through the payment provider", "--actor", "Support agent", "--context", "Billing", "--method", "POST", "--route", "/api/payments/:paymentId/refunds", "--auth", "roles", "--roles", "support,billing-admin", "--resource", "Payment", "--value-object", "PaymentId:uuid", "--value-object", "Amount:int(1..10000000)", "--value-object", "Reason:enum(duplicate|fraudulent|requested_by_customer)", "--value-object", "Idempotency-Key:string(16..64)@header", "--capability", "external-call", "--event", "PaymentRefunded:paymentId,refundId,amount", "--error", "RefundExceedsCaptured:422:the amount is more than what is left to refund", "--audit"];

const CASES: Record<string, FitCase> = {
  // Q23 + Q3: an external call has a port in the contract (with a fake that times out, fails, answers nonsense),
  // the steps make the call with the request's idempotency key and map its failures, and its tests run against the fake.
  "Refund payment": {
    flags: REFUND,
    must: [
      "readonly external: ExternalSystem;",
      "readonly breaker: CircuitBreaker;",
      "export const EXTERNAL_CALL = { system: \"external-system\", timeoutMs: 5000, retries: 3, backoffMs: 200 } as const;",
      "export const BREAKER: BreakerPolicy = { failureThreshold: 5, openSeconds: 30 };",
      "answer = external.call({ system, operation: the call the plan names, payload from the value objects, idempotencyKey: derived from idempotencyKey, timeoutMs: EXTERNAL_CALL.timeoutMs })",
      "still no answer -> 504 ExternalSystemTimeout, nothing saved",
      "a body that fails its schema -> 502 ExternalSystemFailed",
      "breaker.allow(EXTERNAL_CALL.system) is false -> 503 ExternalSystemUnavailable + Retry-After",
      // The domain error refuses the request before the Refund is built or the provider called.
      /if the amount is more than what is left to refund -> RefundExceedsCaptured \(422\)\n {2}refund = new Refund under payment/,
      /external\.call\([^\n]*\n(?: {2}[^\n]*\n){4} {2}repository\.add\(refund, events\)/,
      "at most 3 times, with exponential backoff",
      "opens after 5 failed calls in a row",
      // Real bodies against the fake, pending until the handler is implemented.
      /it\.failing\("INT-\d+ an external system that never answers makes the call fail after the total timeout/,
      /it\.failing\("INT-\d+ an idempotent call answered 503 twice then 200 succeeds after 2 retries/,
      /it\.failing\("INT-\d+ after the failure threshold the breaker opens/,
      /it\.failing\("INT-\d+ each call to the external system leaves a log record/,
      /it\.failing\("SEC-\d+ the logs and the error response of a failed external call contain no API key/,
      /it\.failing\("SEC-\d+ an external response that fails its schema or exceeds the size limit is refused/,
      /it\.failing\("INT-\d+ a retried request calls the external system with the same idempotency key as the first/,
      "external: new InMemoryExternalSystem(EXTERNAL_OK)",
    ],
    mustNot: [
      /it\.todo\("INT-\d+ an external system that never answers/,
      /it\.todo\("INT-\d+ an idempotent call answered 503 twice/,
      /it\.todo\("INT-\d+ after the failure threshold the breaker opens/,
      /it\.todo\("INT-\d+ each call to the external system leaves a log record/,
      "the external system's port (an HTTP client the handler takes",
      // The event is not collected before the check that refuses the request.
      /events \+= PaymentRefunded[^\n]*\n {2}if the amount is more/,
    ],
  },
};

describeFit(CASES, "each plan says what its use-case does, and nothing its use-case makes false");
