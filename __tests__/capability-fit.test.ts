/**
 * Plans that fit what the use-case does (REVIEW2.md, the capability and anonymous-caller findings):
 * each use-case below is planned from the flags a reviewer used, and its plan is checked for what a
 * reviewer of that kind of feature must read in it and for what would be false for it. All of them
 * are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { expectFit, type Fit, planned } from "./support/fit.js";
import { asProject, jestSummary, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

/** The webhook's valid body as its sender sends it: the tests must sign exactly these bytes. */
const WEBHOOK_BODY = JSON.stringify({ eventId: "a", eventType: "charge.succeeded", paymentIntentId: "a" });

interface Case extends Fit {
  flags: string[];
}

const CASES: Record<string, Case> = {
  // R3: a fixed payment provider is not an SSRF surface: no input is a URL.
  "Checkout cart": {
    flags: ["--method", "POST", "--route", "/api/carts/:cartId/checkout", "--resource", "Cart", "--relation", "owner", "--value-object", "CartId:uuid", "--value-object", "IdempotencyKey:string(16..64)@header", "--value-object", "Amount:int(1..10000000)", "--value-object", "Currency:enum(EUR|USD)", "--event", "OrderPlaced:orderId,cartId,amount", "--capability", "external-call", "--error", "CartEmpty:409:the cart has no items", "--transition", "Open->CheckedOut"],
    must: ["Outbound requests go over HTTPS only to an allow-list of hosts configured for each external system, never to a host taken from the request", "an allowed host that redirects to an internal address is not followed"],
    mustNot: ["a URL pointing at the cloud metadata address", "refused with 400 and no connection is made", "Server-side request forgery", "refused by the SSRF guard", "Can any URL come from user input", "capability-external-call-url"],
  },
  // R3: where the request names a URL, the server can be made to reach inward.
  "Register webhook endpoint": {
    flags: ["--method", "POST", "--route", "/api/webhook-endpoints", "--value-object", "TargetUrl:url", "--capability", "external-call"],
    must: ["| capability-external-call-url |", "is refused with 400 and no connection is made", "**Server-side request forgery**", "Any outbound request refused by the SSRF guard (someone is probing)", "Which hosts, schemes and ports may a URL from the request name"],
    mustNot: [],
  },
  // R5: a webhook's signature is its credential: checked over the raw body before anything else, and the tests sign as the sender does.
  "Receive payment webhook": {
    flags: ["--actor", "Payment provider", "--method", "POST", "--route", "/api/webhooks/payments", "--auth", "anonymous", "--value-object", "Signature:string(10..512)@header", "--value-object", "EventId:string(1..64)", "--value-object", "EventType:enum(charge.succeeded|charge.failed|charge.refunded)", "--value-object", "PaymentIntentId:string(1..64)", "--event", "PaymentConfirmed:orderId", "--rate-limit", "100/1m", "--capability", "external-call"],
    must: [
      "| webhook-signature |",
      "Signature equals the HMAC-SHA256 of the raw body (the bytes as received, before any JSON parsing) with the sender's shared secret",
      "compared in constant time (crypto.timingSafeEqual)",
      "| 401 | The signature does not match the raw body",
      "A forged callback",
      "a repeated delivery answers 2xx again and changes nothing",
      "HMAC-SHA256(signingSecret, request.rawBody) compared with signature by crypto.timingSafeEqual -> mismatch => 401",
      "| 200 |",
      // The contract carries what a correct handler verifies, and the tests sign with a test secret.
      "readonly rawBody: string;",
      "readonly signingSecret: string;",
      'const SIGNING_SECRET = "test-signing-secret";',
      "signingSecret: SIGNING_SECRET",
      `signature: ${JSON.stringify(createHmac("sha256", "test-signing-secret").update(WEBHOOK_BODY).digest("hex"))}`,
      `rawBody: ${JSON.stringify(WEBHOOK_BODY)}`,
      `signature: ${JSON.stringify(createHmac("sha256", "not-the-shared-secret").update(WEBHOOK_BODY).digest("hex"))}`,
      "expectProblem(await handleReceivePaymentWebhook(request, contextOf(), deps), 401);",
    ],
    mustNot: ["The endpoint is public: it needs no credentials", 'signature: "aaaaaaaaaa"', "| 201 |", "Location names the new resource", "(public endpoint)", "a URL pointing at the cloud metadata address"],
  },
  // R18: an anonymous list has no caller to bind a cursor to.
  "List published articles": {
    flags: ["--method", "GET", "--route", "/api/articles", "--auth", "anonymous", "--value-object", "PageSize?:int(1..50)", "--value-object", "Cursor?:string(1..300)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["The cursor carries the filters it was issued for; it is refused when used with other filters", "The cursor is malformed, tampered with or issued for other filters, or the page size is out of range"],
    mustNot: ["another caller", "not issued to this caller", "bound to their caller", "an anonymous list has none", "capability-pagination-caller"],
  },
  // R18: a signed-in caller's cursor still is bound to it.
  "List my recordings": {
    flags: ["--method", "GET", "--route", "/api/me/recordings", "--value-object", "PageSize?:int(1..50)", "--value-object", "Cursor?:string(1..300)", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["| capability-pagination-caller |", "The cursor also carries the caller it was issued for; another caller presenting it is refused with 400", "a cursor issued to one caller and used by another is refused with 400", "The cursor was issued to another caller"],
    mustNot: [],
  },
  // R28: an anonymous job has no caller: its id is the key, and the cap counts per client.
  "Submit contact form": {
    flags: ["--method", "POST", "--route", "/api/contact-requests", "--auth", "anonymous", "--async", "--value-object", "Email:email", "--value-object", "Message:string(1..2000)", "--scheduled-command", "ProcessContactRequest", "--pii", "email"],
    must: ["the job's id is the only key to its status resource: at least 128 bits", "jobs.active(clientKey) at 3", "jobs.save({ id: job.id, ownerId: clientKey, state: pending })", "job = jobs.findById(jobId)", "statusOf(jobId: string)", "answers 429 while 3 of the client's jobs are pending or running", 'ownerId: "client-1"', "Does the anonymous submitter need a status resource at all"],
    mustNot: ["only the caller who started the job may read it", "callerId", "answers another caller's job status", "an anonymous caller has none", "per caller"],
  },
  // R28: a signed-in caller's job answers only that caller.
  "Export my data": {
    flags: ["--method", "POST", "--route", "/api/me/exports", "--async", "--scheduled-command", "RunDataExport"],
    must: ["Only the caller who started the job may read its status", "answers another caller's job status with 404", "jobs.active(callerId) at 3", 'ownerId: "user-1"'],
    mustNot: ["128 bits", "per client (429"],
  },
  // R19: a sign-up creates for an unknown account, the opposite of a reset request: the plan must not state either direction as fact.
  "Register account": {
    flags: ["--method", "POST", "--route", "/api/accounts", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Password:string(12..128)", "--enumeration", "account", "--capability", "sends-message", "--pii", "email", "--event", "AccountRegistered:accountId"],
    must: ["answers 202 with the same body whether or not the account exists; what it saves and sends differs between the two cases", "TODO(plan): which case creates and which only notifies", "H->>R: for a known or an unknown account#44; as the use#45;case says"],
    mustNot: ["For a known account the new aggregate", "for an unknown one nothing is saved", "for an unknown account, saves nothing and sends nothing", "For a known account, the handler creates", "for a known account only", "| 201 |"],
  },
  // R29: a sign-in answers a session or one refusal, never "202 whether or not the account exists".
  "Sign in": {
    flags: ["--method", "POST", "--route", "/api/auth/sessions", "--auth", "anonymous", "--value-object", "Email:email", "--value-object", "Password:string(8..128)", "--enumeration", "account"],
    must: [
      "| sign-in |",
      "| 200 | Signed in: a new session",
      "| 401 | The account is unknown or the password is wrong: the same body for both |",
      "an unknown account and a wrong password answer the same 401 with the same body, in the same time",
      "verify the password against the stored hash",
      "account = repository.find(email)",
      "argon2id",
      "| InvalidCredentials | 401 |",
      "Session fixation",
      "Credential stuffing",
    ],
    mustNot: ["| 202 |", "whether or not the account exists", "The endpoint is public: it needs no credentials", "for an unknown account, saves nothing", "repository.find(id)"],
  },
};

let dest: string;
const texts = new Map<string, string>();

beforeAll(async () => {
  dest = await tempDir();
  for (const [name, c] of Object.entries(CASES)) texts.set(name, (await planned(name, c.flags, dest)).text);
}, 120_000);

describe("each plan says what is true for what its use-case does, and nothing false", () => {
  it.each(Object.keys(CASES))("%s", (name) => {
    const { must, mustNot } = CASES[name]!;
    expectFit(name, texts.get(name) ?? "", { must, mustNot });
  });
});

describe("the plans' code", () => {
  it("compiles under tsc --strict, and the generated tests pass while nothing is implemented", async () => {
    await asProject(dest, "module");
    const compiled = await typecheck(dest);
    expect(compiled.stdout).toBe("");
    const tests = jestSummary(await runGeneratedTests(dest));
    expect(tests.failed).toBe(0);
    expect(tests.passed).toBeGreaterThan(40);
  }, 240_000);
});
