/**
 * Bodies of the security and integration tests. Each test a pack makes names
 * what it IS by a stable body key (`body:` in packs/*.yaml); this table says,
 * per key, which template writes its body and from which facts, or what it needs
 * when no test against the handler contract and the in-memory fakes can prove it
 * (real infrastructure, or knowledge only a person has). Titles are never read here.
 */
import { externalErrorsOf } from "./external-errors.js";
import { createHash, createHmac } from "node:crypto";
import { carriesSecret, secretIsCodeOf, contactInputsOf, eventTypeInputOf, inputErrorsOf, itemOf, textUploadOf, listsResourceOf, parentParamsOf, lookupKeyOf, retryStatesOf, type UseCaseFacts } from "./facts.js";
import { messageAudienceOf } from "./message-channels.js";
import { withArticle } from "../../lib/article.js";
import { settingText } from "../../lib/packs/pack.js";
import { fullMatch, parseRule } from "./rules.js";
import { namesOneTimeCode } from "./word-checks.js";
import { relationFieldOf } from "./names.js";
import type { CommandModel, EventModel, HandlerInput, HandlerModel, TestCase } from "./model.js";

/** The keys, each a kind of test. A pack's test names one of them as its `body`. */
export const BODY_KEYS = [
  "success",
  "problem-shape",
  "invalid-input",
  "unauthenticated",
  "missing-role",
  "foreign-resource",
  "resource-missing",
  "anonymous-ignores-credential",
  "enumeration-same-answer",
  "enumeration-same-timing",
  "rate-limit-exceeded",
  "rate-limit-per-account",
  "rate-limit-per-client",
  "rate-limit-window-reset",
  "pii-out-of-telemetry",
  "attempts-correlated",
  "audit-per-attempt",
  "read-only",
  "async-accepted",
  "async-status",
  "async-job-cap",
  "async-foreign-status",
  "async-status-other-resource",
  "event-in-outbox",
  "event-by-job",
  "events-once",
  "events-once-by-job",
  "command-runs-once",
  "command-scheduled",
  "saved-in-one-transaction",
  "criterion",
  "latency-budget",
  "load-shedding",
  "mass-assignment",
  "cross-site-request",
  "version-conflict",
  "query-scope",
  "own-data-only",
  "empty-list",
  "deleted",
  "delete-repeated",
  "state-moved",
  "item-outside-resource",
  "bulk-foreign-untouched",
  "bulk-cap",
  "bulk-repeated",
  "bulk-audit",
  "refresh-rotated",
  "refresh-reuse",
  "refresh-same-refusal",
  "refresh-no-store",
  "unknown-target-untouched",
  "known-target-notice",
  "api-key-scopes",
  "api-key-cap",
  "api-key-expiry",
  "api-key-format",
  "discovery-opt-out",
  "discovery-cap",
  "message-fixed-inbox",
  "message-never-dropped",
  "bulk-send-suppressed",
  "bulk-send-unsubscribe",
  "bulk-send-second",
  "bulk-send-batch-once",
  "audit-changed-values",
  "grant-same-answer",
  "grant-unique",
  "ticket-checked",
  "ticket-audited",
  "subject-export-every-store",
  "subject-export-expires",
  "subject-export-deadline",
  "consent-history",
  "consent-version",
  "consent-withdrawal",
  "domain-unproven",
  "domain-taken",
  "sso-enforce-untested",
  "sso-assertion-checks",
  "sso-enforce-sessions",
  "link-unsafe-destination",
  "link-self-destination",
  "link-takedown",
  "slug-taken",
  "slug-reserved",
  "maker-refused",
  "approval-stale",
  "approval-audited",
  "creator-rule",
  "any-signed-in",
  "guest-join-created",
  "guest-session-scoped",
  "link-token-out-of-url",
  "flag-safe-default",
  "flag-sticky-buckets",
  "code-random",
  "code-stored",
  "code-one-live",
  "code-tries",
  "code-only-in-message",
  "code-check-tries",
  "code-check-expired",
  "code-check-used",
  "code-check-guessing",
  "code-check-compare",
  "lookup-same-miss",
  "link-expired",
  "link-revoked",
  "link-reissued",
  "link-unknown-same-answer",
  "link-guessing",
  "link-response-headers",
  "personal-data-no-store",
  "link-token-not-logged",
  "link-token-entropy",
  "link-constant-time",
  "link-redeemer-own-data",
  "link-hashed-at-rest",
  "link-issued-hashed",
  "link-issued-token-only-in-link",
  "link-issue-revokes-previous",
  "link-lifetime",
  "erasure-step-up",
  "state-repeated",
  "parent-scope",
  "contact-pending",
  "recent-sign-in",
  "contact-confirm",
  "contact-notice",
  "contact-taken",
  "export-told",
  "erasure-purge-after-window",
  "erasure-hidden-not-erased",
  "erasure-repeated",
  "erasure-already-scheduled",
  "erasure-cancel",
  "erasure-every-store",
  "erasure-restore",
  "erasure-proof",
  "erasure-resume",
  "erasure-legal-retention",
  "erasure-shared-resources",
  "page-size-cap",
  "page-cursor-tampered",
  "page-cursor-other-caller",
  "page-first-and-last",
  "page-stable-order",
  "page-deep",
  "download-single-use",
  "download-audit",
  "download-limit",
  "download-result-once",
  "download-result-audit",
  "download-result-limit",
  "download-signed-url-expiry",
  "download-other-file",
  "download-bucket-private",
  "download-disposition",
  "download-streaming",
  "download-served-again",
  "message-recipient-cap",
  "message-via-outbox",
  "message-budget",
  "message-own-budget",
  "grant-role-ceiling",
  "grant-link-bound",
  "message-premium-number",
  "message-escaping",
  "message-header-injection",
  "message-send-once",
  "message-send-logs",
  "message-domain-records",
  "upload-too-large",
  "upload-content-type",
  "upload-quarantine",
  "upload-malware",
  "upload-stored-name",
  "upload-exif",
  "stream-heartbeat",
  "stream-recheck",
  "stream-cap",
  "stream-replay",
  "upload-presigned",
  "upload-declared-refused",
  "upload-url-not-logged",
  "upload-completion",
  "external-port",
  "external-ssrf",
  "external-timeout",
  "external-retry",
  "external-no-retry",
  "external-breaker",
  "external-secret-not-logged",
  "external-call-record",
  "external-bad-response",
  "state-refused",
  "signature-refused",
  "upload-disguised",
  "idempotent-replay",
  "public-hidden",
  "cacheable-answer",
  "role-reaches-any",
  "async-status-any-client",
  "async-delete-marked",
  "async-delete-repeated",
  "put-creates",
  "put-repeated",
  "idempotent-concurrent",
  "redirect-refused",
  "rate-limit-unknown-target",
  "reauth-wrong-password",
  "reauth-failure-cap",
  "sign-in-session",
  "sign-in-same-refusal",
  "password-not-kept",
  "signature-constant-time",
  "delivery-repeated",
  "delivery-stale",
  "page-cursor-other-filter",
  "page-scope",
  "external-idempotency-key",
  "external-then-save",
  "webhook-quick-answer",
  "webhook-kept",
  "webhook-unhandled-type",
  "signing-secret-not-logged",
  "domain-error",
  "csv-formula-cells",
  "csv-streamed",
  "import-row-limit",
  "import-row-errors",
  "import-formula-cells",
  "import-file-deleted",
  "oauth-state",
  "oauth-state-once",
  "oauth-code-refused",
  "oauth-id-token",
  "oauth-unverified-email",
  "oauth-session",
  "oauth-error",
  "oauth-no-leak",
  "role-last-admin",
  "role-concurrent",
  "role-self",
  "role-above-own",
  "role-stale-token",
  "role-audit",
  "search-wildcard",
  "search-operators",
  "search-short-term",
  "search-sort",
  "range-order",
  "read-audit",
  "read-harvest-cap",
  "read-filters-private",
  "health-unavailable",
  "health-no-store",
  "health-minimal",
  "health-exempt",
  "impersonation-above",
  "impersonation-restricted",
  "impersonation-both",
  "impersonation-short",
  "query-post-per-item",
  "if-match-stale",
  "if-match-missing",
  "if-match-etag",
  "referenced-foreign",
  "response-secret-not-logged",
  "response-secret-stored",
  "scheduled-recheck",
  "recurring-next-run",
  "recurring-once-per-period",
  "recurring-access",
  "recurring-interval",
] as const;
export type BodyKey = (typeof BODY_KEYS)[number];
/**
 * Bodies that run the scheduled command alone. Every other body calls the handler with
 * validRequest() and contextOf(); a file whose only bodies are these must not declare those
 * (noUnusedLocals refuses them).
 */
export const BODIES_WITHOUT_REQUEST: ReadonlySet<BodyKey> = new Set(["command-runs-once", "link-token-entropy", "link-constant-time"]);

export interface BodyFacts {
  /** When the tests' clock starts (ISO). */
  start: string;
  h: HandlerModel;
  facts: UseCaseFacts;
  events: EventModel[];
  command?: CommandModel;
}

/** What a body template gets, besides the handler (`@root.h`) and the file's helpers (`@root.t`). */
export type BodyData = Record<string, unknown>;
/** A body, or what the test needs instead: real infrastructure, or what only a person knows. */
export type Resolution = { partial: BodyKey; data: BodyData; uses: Uses[]; handlerNames?: string[] } | { needs: string; infrastructure?: true };
/** File-level helpers a body calls, so the file defines only those it uses. */
export type Uses = "seed" | "problem" | "event" | "command";

export interface Facts extends BodyFacts {
  /** Every input has a valid example, so a valid request can be written. */
  validRequest: boolean;
  /** The input naming the thing whose existence must not leak (and the account an anonymous caller is counted by). */
  target?: HandlerInput;
  /** The input naming the resource loaded (a route parameter of the resource's id). */
  resourceId?: HandlerInput;
  /** An input with an invalid example, for a refused attempt. */
  refusable?: { name: string; expr: string; echo?: string };
  piiInputs: HandlerInput[];
  /** The input carrying a secret link's token, when the use-case opens links: its example and that example's SHA-256 hex digest. */
  link?: { input: HandlerInput; token: string; hash: string; expiresAt: string };
}

/** Whether the tests can sign a request as its sender does: the signature input's rule accepts an HMAC-SHA256 hex digest (64 characters). */
export function signable(h: HandlerModel): boolean {
  const input = h.signed && h.inputs.find((i) => i.name === h.signed!.input);
  if (!h.signed) return true;
  if (!input) return false;
  const rule = parseRule(input.rule);
  const hex = "0".repeat(64);
  return rule.kind === "string" ? (rule.min ?? 0) <= 64 && (rule.max ?? Infinity) >= 64 : rule.kind === "pattern" && fullMatch(rule.source).test(hex);
}

/** The tests' shared secret, as the secret store would hold it. */
export const TEST_SIGNING_SECRET = "test-signing-secret";

/**
 * The valid request as its sender signs it, computed when the tests are written (they need no crypto
 * of their own): the raw body made of the body inputs' valid examples, its HMAC-SHA256 with the test
 * secret (hex), and one made with another secret (a forgery).
 */
export function signedExample(h: HandlerModel, replaced: Record<string, unknown> = {}): { rawBody: string; signature: string; forged: string } | undefined {
  if (!h.signed || !signable(h)) return undefined;
  const body: Record<string, unknown> = {};
  for (const name of h.signed.bodyInputs) {
    const example = h.inputs.find((i) => i.name === name)?.valueObject.valid[0];
    if (!example) return undefined;
    body[name] = name in replaced ? replaced[name] : example.value;
  }
  const rawBody = JSON.stringify(body);
  const hmac = (secret: string): string => createHmac("sha256", secret).update(rawBody).digest("hex");
  return { rawBody, signature: hmac(TEST_SIGNING_SECRET), forged: hmac("not-the-shared-secret") };
}

/**
 * An input that exists to be verified against something the tests cannot fake from the request alone
 * (REVIEW3 Q4, Q18): a CAPTCHA token (checked with its provider) or a one-time code (checked against the
 * caller's secret and the clock). A made-up example is one a correct implementation refuses.
 */
export const proofInputOf = (h: HandlerModel): HandlerInput | undefined =>
  h.inputs.find(
    (i) =>
      /captcha|turnstile/i.test(i.name) ||
      // A refresh token is a credential the store must hold (REVIEW3 Q40): a made-up one is refused.
      /^refreshToken$/.test(i.name) ||
      namesOneTimeCode(i.name) ||
      // A bare Code is a one-time code only as a few digits (a part or product code is not).
      (/^code$/i.test(i.name) && /^pattern\((?:\[0-9\]|\\d)\{\d(?:,\d)?\}\)$/.test(i.rule)),
  );

const NO_VALID = (f: Facts): string =>
  proofInputOf(f.h)
    ? `a valid ${proofInputOf(f.h)!.vo}: ${/^refreshToken$/.test(proofInputOf(f.h)!.name) ? "a refresh token seeded as the SHA-256 hash of the request's one, live and unused, in a token family of an active account (a port the contract does not have yet)" : /captcha|turnstile/i.test(proofInputOf(f.h)!.name) ? "a test token the CAPTCHA provider's verifier (a port the contract does not have yet) accepts, as its fake would" : "the code of a seeded test secret at the tests' fixed clock (RFC 6238 for a TOTP), which a correct verifier accepts"}; a made-up one is refused by a correct implementation`
    : f.h.upload && !f.h.upload.sample
    ? `a sample file of an accepted type (${f.h.upload.types.length ? `${f.h.upload.types.join(", ")}: the generator has no sample of it` : "the plan names none yet"}) as the request's file`
    : f.h.signed && !signable(f.h)
    ? `a signed request: ${f.h.signed.input}'s rule does not accept an HMAC-SHA256 hex digest (64 characters), so the tests cannot sign one as the sender does`
    : f.facts.oauthCallback
    ? "a valid callback: a state stored in this browser's pre-login record, and a code the identity provider's token endpoint (a fake of it) exchanges for a signed ID token"
    : f.facts.credentials
    ? "a valid sign-in: an account seeded with the hash of the request's password, in the format the implementation's password hasher verifies"
    : `a valid example of ${f.h.inputs.filter((i) => i.valid === undefined).map((i) => i.vo).join(", ")}, which the generator could not derive from its rule`;

/** A TypeScript expression of a valid value differing with `i`, for as many distinct targets as a limit needs. */
export function variantExpr(input: HandlerInput): string | undefined {
  const rule = parseRule(input.rule);
  if (rule.kind === "email") return "`user${i}@example.com`";
  if (rule.kind === "uuid") return '`123e4567-e89b-42d3-a456-${String(i).padStart(12, "0")}`';
  if (rule.kind === "string") {
    const lo = Math.max(rule.min ?? 1, 1);
    if (rule.max === undefined || rule.max >= lo + 4) return `\`${"a".repeat(lo)}\${i}\``;
  }
  return undefined;
}

/** Whether the file-name input takes "quarterly-report.pdf" (20 characters of text), the distinctive name a test sends. */
const nameFits = (f: Facts, name: string | undefined): boolean => {
  const rule = name ? parseRule(f.h.inputs.find((i) => i.name === name)?.rule ?? "") : undefined;
  return rule?.kind === "string" && (rule.min ?? 0) <= 20 && (rule.max ?? Infinity) >= 20;
};

/** The records a bulk delete names by id, for its needs-statements. */
const bulkOf = (f: Facts): string => withArticle(f.facts.bulkDelete?.pascal ?? "record").replace(/^an? /, "") || "record";

/** A needs-statement when no valid request can be written, else undefined. */
const valid = (f: Facts): Resolution | undefined => (f.validRequest ? undefined : { needs: NO_VALID(f) });
const body = (partial: BodyKey, uses: Uses[], data: BodyData = {}, handlerNames: string[] = []): Resolution => ({ partial, data, uses, ...(handlerNames.length ? { handlerNames } : {}) });
/** A body of a use-case that opens secret links, else what it needs. */
const opensLink = (f: Facts, make: (link: NonNullable<Facts["link"]>) => Resolution): Resolution =>
  valid(f) ?? (f.link ? make(f.link) : person(`the input that carries the ${secretWordOf(f)}: this use-case does not open a secret link (the one that does holds this test)`));
/** What the secret is as its holder has it (a link, or a code typed by a person), for the needs-statements. */
const secretWordOf = (f: Facts): string => (secretIsCodeOf(f.facts) ? "code" : "link");
/** A body of the use-case that issues secret links (it makes the token), else what it needs. */
const issuesLink = (f: Facts, make: (link: NonNullable<HandlerModel["link"]>) => Resolution): Resolution =>
  valid(f) ?? (f.h.link && f.facts.secretLink === "issue" ? make(f.h.link) : person("the use-case that issues the link: this one redeems it (the one that makes the token holds this test)"));
const person = (needs: string): Resolution => ({ needs });
/** A body of a use-case that sends messages (its outbox entry and send job), else what it needs. */
const sends = (f: Facts, make: (m: NonNullable<HandlerModel["messages"]>) => Resolution): Resolution =>
  f.h.messages ? make(f.h.messages) : person("a use-case that sends messages: its outbox entry and send job");
const infrastructure = (needs: string): Resolution => ({ needs, infrastructure: true });
/**
 * A body of a request that calls the external system itself, against the port's fake, else what it needs: a job
 * makes an accepted request's call, and an erasure's happens when its purge runs.
 */
const callsOut = (f: Facts, make: (x: NonNullable<HandlerModel["external"]>) => Resolution): Resolution =>
  valid(f) ??
  (f.h.external && f.facts.flow !== "async" && !f.facts.capabilities.includes("erasure")
    ? make(f.h.external)
    : person("the external system's port and its fake in the job that makes the call: the job run with the fake timing out, failing or answering nonsense"));
const requestEvents = (f: Facts): EventModel[] => f.events.filter((e) => !e.emitter);

const RESOLVE: Record<BodyKey, (f: Facts, subject?: string) => Resolution> = {
  success: (f) => valid(f) ?? body("success", ["seed"], { location: f.facts.successHeaders.includes("Location"), noBody: f.facts.success === 204 }),
  "problem-shape": (f) =>
    valid(f) ??
    body("problem-shape", ["problem"], {
      refusable: f.refusable,
      signedIn: f.facts.access !== "anonymous",
      roles: f.facts.access === "roles",
      // A 500 needs the handler to touch the repository; every flow does.
      broken: true,
    }),
  "invalid-input": (f) => {
    const v = valid(f);
    if (v) return v;
    // A signed delivery's event type is not refused: a type it does not handle is acknowledged (TRIAL4 V5), proven on its own.
    const inputs = f.h.inputs
      .filter((i) => i.name !== eventTypeInputOf(f.facts)?.camel)
      .map((i) => ({ i, bad: pickInvalid(i) }))
      .filter((x) => x.bad)
      .map(({ i, bad }) => ({ name: i.name, reply: `refused${i.vo}`, expr: bad!.expr, echo: bad!.echo }));
    return inputs.length ? body("invalid-input", ["problem"], { inputs }) : person("an input with a rule that can refuse something");
  },
  unauthenticated: (f) => valid(f) ?? body("unauthenticated", ["problem"]),
  "missing-role": (f) => valid(f) ?? body("missing-role", ["problem"]),
  "foreign-resource": (f) =>
    valid(f) ??
    (f.resourceId
      ? body("foreign-resource", ["problem"], { id: f.resourceId.valid!, field: ownerField(f) })
      : person(`a value object for the ${f.facts.resource?.pascal ?? "resource"}'s id in the route, so the test can name one`)),
  "resource-missing": (f) => valid(f) ?? body("resource-missing", ["problem"]),
  "anonymous-ignores-credential": (f) => valid(f) ?? body("anonymous-ignores-credential", ["seed"]),
  "enumeration-same-answer": (f) =>
    valid(f) ?? (f.target ? body("enumeration-same-answer", ["seed"]) : person(`the input that names the ${f.facts.enumeration ?? "target"} whose existence must not leak`)),
  "enumeration-same-timing": () =>
    infrastructure("a deployed service and a timing harness: many requests for known and unknown targets, their response times compared statistically (in-memory fakes take no meaningful time)"),
  "rate-limit-exceeded": (f) => valid(f) ?? toRecipients(f) ?? body("rate-limit-exceeded", ["seed", "problem"], { repeatable: repeatable(f), vary: recipientVariant(f) }),
  "rate-limit-per-account": (f) =>
    valid(f) ??
    toRecipients(f) ??
    (f.facts.access === "anonymous" && !f.target ? person("an account to count by: an anonymous caller names none in its inputs") : body("rate-limit-per-account", ["seed", "problem"], { repeatable: repeatable(f), vary: recipientVariant(f) })),
  "rate-limit-per-client": (f) => {
    const v = valid(f);
    if (v) return v;
    if (f.facts.access !== "anonymous") return body("rate-limit-per-client", ["problem"], { varyCaller: true });
    const variant = f.target && variantExpr(f.target);
    return variant && f.target
      ? body("rate-limit-per-client", ["problem"], { varyCaller: false, field: f.target.name, variant })
      : person("distinct valid values of the account an anonymous caller names, which the generator cannot derive from its rule");
  },
  "rate-limit-window-reset": (f) => valid(f) ?? toRecipients(f) ?? body("rate-limit-window-reset", ["seed"], { repeatable: repeatable(f), vary: recipientVariant(f) }),
  "pii-out-of-telemetry": (f) => {
    // A job's payload is stored outside the request, and its telemetry is written later: both are checked.
    const job = f.h.job && has(f, "scheduler") ? f.h.job.fn : undefined;
    // The send job of a message logs too, and reads the recipient's address: its telemetry is checked as well.
    const send = f.h.messages ? { fn: f.h.messages.sendFn, name: f.h.messages.nameConst } : undefined;
    const names = [...(job ? [job] : []), ...(send ? [send.fn, send.name] : [])];
    const ports = { outbox: has(f, "outbox"), audit: has(f, "audit"), job, send };
    return (
      valid(f) ??
      (f.piiInputs.length
        ? body("pii-out-of-telemetry", ["seed"], { values: searchable(f.piiInputs), refusable: f.refusable, ...ports }, names)
        : f.facts.pii.length
          ? // Personal data the use-case reads rather than receives: held by the stored record.
            body("pii-out-of-telemetry", ["seed"], { stored: storedPii(f), values: storedPii(f).map((p) => p.value), refusable: f.refusable, ...ports }, names)
          : person("the personal data the use-case receives: no input is named in --pii"))
    );
  },
  "attempts-correlated": (f) => valid(f) ?? body("attempts-correlated", ["seed"], { refusable: f.refusable, anonymous: f.facts.access === "anonymous" }),
  "audit-per-attempt": (f) => valid(f) ?? body("audit-per-attempt", ["seed"], { refusable: f.refusable, values: searchable(f.piiInputs) }),
  "read-only": (f) => valid(f) ?? body("read-only", ["seed"], { outbox: has(f, "outbox"), scheduler: has(f, "scheduler") }),
  "async-accepted": (f) =>
    valid(f) ??
    (f.h.job
      ? body(
          "async-accepted",
          ["seed"],
          { jobEvents: f.events.filter((e) => e.emitter).map((e) => e.names.pascal), ...(f.h.async ? { retry: String(f.h.async.retrySeconds), anonymous: f.facts.access === "anonymous" } : {}) },
          f.h.async ? [`type ${f.h.bodyType}`] : [],
        )
      : person("the scheduled command that runs the job")),
  "async-status": (f) =>
    valid(f) ?? (f.h.async && f.h.job ? body("async-status", ["seed"], { retry: String(f.h.async.retrySeconds) }, [f.h.async.statusFn, `type ${f.h.bodyType}`]) : person("the scheduled command that runs the job and moves its status")),
  "async-job-cap": (f) =>
    valid(f) ??
    (!f.h.async
      ? person("the job store of an asynchronous use-case")
      : // An anonymous caller's jobs are counted by its client (the plan says so); the second request, once a job is done, must pass the endpoint's own limit too.
        body("async-job-cap", ["seed", "problem"], { cap: f.h.async.activeJobs, again: f.h.rateLimit.limit >= 2, ...(f.facts.access === "anonymous" ? { owner: "client-1", other: "client-2", counted: "client" } : { owner: "user-1", other: "user-2", counted: "caller" }) })),
  "async-foreign-status": (f) =>
    valid(f) ??
    (!f.h.async
      ? person("the job store of an asynchronous use-case")
      : f.facts.access === "anonymous"
        ? person("a caller identity to scope a job's status by: an anonymous caller has none, so the unguessable job id is all that guards it")
        : body("async-foreign-status", ["seed", "problem"], {}, [f.h.async.statusFn, `type ${f.h.bodyType}`])),
  // A job is found only under the resource it was accepted for (REVIEW3 Q38): the same job id paired with another resource's id.
  "async-status-other-resource": (f) => {
    const v = valid(f);
    if (v) return v;
    const a = f.h.async;
    if (!a || !f.h.job) return person("the job store of an asynchronous use-case and the scheduled command that runs the job");
    if (!a.under.length) return person(`a status route under the ${f.facts.resource?.title ?? "resource"}: this one names the job alone`);
    const others = a.under.map((p) => {
      const input = f.h.inputs.find((i) => i.name === p.name);
      return input && parseRule(input.rule).kind === "uuid" ? `${p.name}: "123e4567-e89b-42d3-a456-999999999999", ` : undefined;
    });
    return others.every((o) => o !== undefined)
      ? body("async-status-other-resource", ["seed", "problem"], { otherArgs: others.join(""), resource: f.facts.resource?.title ?? "resource" }, [a.statusFn, `type ${f.h.bodyType}`])
      : person(`another valid id of the ${f.facts.resource?.title ?? "resource"}, which the generator cannot derive from its rule`);
  },
  "signature-refused": (f) =>
    valid(f) ?? (f.h.signed ? body("signature-refused", ["seed", "problem"], { forged: signedExample(f.h)?.forged, outbox: has(f, "outbox"), scheduler: has(f, "scheduler") }) : person("a request its sender signs: an input carrying the signature (a webhook)")),
  "event-in-outbox": (f, subject) => {
    const event = requestEvents(f).find((e) => e.names.pascal === subject);
    return valid(f) ?? (event ? body("event-in-outbox", ["seed", "event"], { event: event.names.pascal, refusable: f.refusable }) : person(`the event ${subject ?? ""} among the use-case's events`));
  },
  "event-by-job": (f, subject) => {
    const event = f.events.find((e) => e.names.pascal === subject && e.emitter);
    return valid(f) ?? (event && f.h.job ? body("event-by-job", ["seed", "event", "command"], { event: event.names.pascal }) : person(`the job that emits ${subject ?? "the event"}`));
  },
  "events-once": (f) => {
    const events = requestEvents(f).map((e) => e.names.pascal);
    // Events only a job emits: once per job, none when its work fails.
    if (!events.length) return RESOLVE["events-once-by-job"](f);
    return valid(f) ?? body("events-once", ["seed", "event"], { events, refusable: f.refusable, messages: f.facts.capabilities.includes("sends-message") });
  },
  "events-once-by-job": (f) => {
    const events = f.events.filter((e) => e.emitter).map((e) => e.names.pascal);
    if (!events.length || !f.h.job) return person("events the request or its job emits");
    return valid(f) ?? body("events-once-by-job", ["seed", "event"], { events }, [f.h.job.fn]);
  },
  "command-runs-once": (f) => {
    if (!f.command || !f.h.job) return person("a scheduled command");
    // An accepted job replays the command its request stored (with what the request kept for the job);
    // otherwise the command names the record the valid request acts on, so a job that loads it finds it.
    if (f.h.async && f.validRequest) return body("command-runs-once", ["seed"], { viaRequest: true }, [f.h.job.fn]);
    return body("command-runs-once", ["seed", "command"], { aggregate: seedId(f) });
  },
  "command-scheduled": (f) => valid(f) ?? (f.h.job ? body("command-scheduled", ["seed", "command"]) : person("a scheduled command")),
  "saved-in-one-transaction": () => infrastructure("the real database and outbox adapters: a failure injected between the save and the outbox write leaves neither"),
  criterion: () => person("the criterion's own arrange and assertion, written by a person from its Given/When/Then against the same fakes"),
  "latency-budget": () => infrastructure("a deployed service under expected load (k6, autocannon or similar) and its p95 latency measured"),
  "load-shedding": () => infrastructure("a deployed service driven past the rate limit, watching for errors and timeouts besides 429"),
  "mass-assignment": (f) =>
    // One record more where the request creates one, or issues a secret link (kept as a record of its own beside a changed resource).
    valid(f) ?? body("mass-assignment", ["seed"], { owner: ownerField(f), create: f.facts.flow === "create" || f.facts.secretLink === "issue", outbox: has(f, "outbox") }),
  // The handler never sees how a credential arrived: only the HTTP edge can refuse a cookie-only cross-site request.
  "cross-site-request": () =>
    infrastructure("the running application behind its HTTP edge: a request from another site's Origin carrying only the session cookie (no Authorization header, no CSRF token) is refused, and a GET never deletes"),
  "version-conflict": (f) => valid(f) ?? body("version-conflict", ["seed", "problem"], { outbox: has(f, "outbox") }),
  "query-scope": (f) => {
    const v = valid(f);
    if (v) return v;
    // A list of the resource is scoped like a list of the caller's records: the caller's own one must be on it (TRIAL4 V17).
    const list = !f.facts.resource || listsResourceOf(f.facts);
    if (list && (f.facts.access === "anonymous" || f.facts.access === "roles"))
      return person(`which records a ${f.facts.access === "anonymous" ? "caller without identity" : "caller with the role"} may list: the scope is not the caller's own records`);
    const own = list ? `{ id: "own-record"${f.facts.access === "anonymous" ? "" : `, ${ownerField(f)}: "user-1"`} }` : seedExpr(f);
    return body("query-scope", [], { own, list, ...(f.facts.access === "anonymous" ? {} : { owner: ownerField(f) }) });
  },
  "own-data-only": (f) => valid(f) ?? body("own-data-only", ["seed"], { outbox: has(f, "outbox") }),
  "empty-list": (f) => valid(f) ?? body("empty-list", [], { cursor: f.facts.capabilities.includes("pagination") }),
  deleted: (f) => valid(f) ?? body("deleted", ["seed"]),
  "delete-repeated": (f) => valid(f) ?? body("delete-repeated", ["seed"], { outbox: has(f, "outbox"), scheduler: has(f, "scheduler") }),
  // The fakes hold the resource's record only: another resource holding the item is the team's data model.
  "item-outside-resource": (f) =>
    person(`a second ${f.facts.resource?.pascal ?? "resource"} the caller may reach, holding ${itemOf(f.facts) ? `the ${itemOf(f.facts)!.names.pascal} the request names` : "the item"}: the request sends this one's id with that item's id, is answered 404, and neither record changes`),
  // A bulk delete's ids arrive as one input whose list format is the implementation's (no list rule yet): a person writes them.
  "bulk-foreign-untouched": (f) => person(`${bulkOf(f)}s of two accounts seeded, the request naming ids of both in the ids input's format: only the caller's deleted, the other's unchanged and answered as missing`),
  "bulk-cap": (f) => person(`the cap on ids the plan states, and a request naming one id more (in the ids input's format): answered 400, no ${bulkOf(f)} deleted`),
  "bulk-repeated": (f) => person(`${bulkOf(f)}s seeded and deleted by a request naming them, then the same request again: the same status, nothing more deleted, no event again`),
  "bulk-audit": (f) => person(`${bulkOf(f)}s seeded and deleted by one request: the audit entry and the events name each id deleted`),
  // The refresh-token store (hash, family, used, lifetimes) is the plan's to design: not in the contract's fakes yet.
  "refresh-rotated": () => person("a refresh token seeded by its hash in a family of an active account: one exchange answers new tokens, the old token is marked used, and the same token sent again is refused with 401"),
  "refresh-reuse": () => person("a family of refresh tokens where one was already rotated: sending that used one answers 401 and revokes every token of the family, the newest included"),
  "refresh-same-refusal": () => person("an unknown, an expired, a revoked and a used refresh token: each answered 401 with the same body (invalid_grant), nothing issued"),
  "refresh-no-store": () => person("a successful exchange against a seeded refresh token: the answer carries Cache-Control: no-store, and neither token appears in the telemetry or the outbox"),
  "state-moved": (f) => {
    // The seeded record is in the first transition's From state (seedExpr): the request moves it to that transition's To.
    const seededState = f.facts.transitions[0]?.from;
    const move = f.facts.transitions.find((t) => !t.emitter && t.from === seededState);
    return valid(f) ?? (move ? body("state-moved", ["seed"], { state: move.to }) : person(`a ${f.facts.resource?.pascal ?? "record"} seeded in a state this use-case moves from`));
  },
  "lookup-same-miss": (f) =>
    f.link ? RESOLVE["link-unknown-same-answer"](f) : person(`how ${withArticle(f.facts.resource?.pascal ?? "record")} expires or is revoked: the record fields that say so`),
  "link-expired": (f) => opensLink(f, () => body("link-expired", ["seed", "problem"])),
  "link-revoked": (f) => opensLink(f, () => body("link-revoked", ["seed", "problem"])),
  "link-reissued": (f) => person(`the use-case that issues ${secretWordOf(f)}s: a second ${secretWordOf(f)} issued for the same purpose, then the first one ${secretIsCodeOf(f.facts) ? "entered" : "opened"}`),
  "link-unknown-same-answer": (f) => opensLink(f, (l) => body("link-unknown-same-answer", ["seed", "problem"], { token: l.token })),
  "link-guessing": (f) =>
    opensLink(f, (l) => {
      const variant = variantExpr(l.input);
      return variant ? body("link-guessing", ["seed", "problem"], { field: l.input.name, variant }, [f.h.rateLimitConst]) : person("distinct valid tokens, which the generator cannot derive from the token's rule");
    }),
  "link-response-headers": (f) => opensLink(f, () => body("link-response-headers", ["seed"])),
  "personal-data-no-store": (f) => valid(f) ?? body("personal-data-no-store", ["seed"]),
  "link-token-not-logged": (f) => opensLink(f, (l) => body("link-token-not-logged", ["seed", "problem"], { token: l.token })),
  "link-token-entropy": (f) => (f.h.link ? body("link-token-entropy", [], {}, [f.h.link.newToken]) : person("the function that makes a link's token")),
  "link-constant-time": (f) => (f.h.link && f.link ? body("link-constant-time", [], { token: f.link.token, hash: f.link.hash }, [f.h.link.matches]) : person(`a valid token to compare: the input that carries the ${secretIsCodeOf(f.facts) ? "code" : "link's token"}`)),
  // Which of the caller's data a redeemed link changes (an invitation's membership, an account's email) is the plan's to say.
  "link-redeemer-own-data": () =>
    person("the caller's own record the redeem changes, as the plan states it: seeded for the signed-in caller and for another account, the link redeemed with the other account's id sent along, and only the caller's record changed"),
  "link-hashed-at-rest": () => person("the use-case that issues the link: the record it saves holds the token's SHA-256 digest and no column the token itself"),
  // The endpoint that issues links: the token is found where the link is handed out (the message in the outbox, or the answer), by its hash.
  "link-issued-hashed": (f) => issuesLink(f, (l) => body("link-issued-hashed", ["seed"], {}, [l.matches, l.lifetimeConst])),
  "link-issued-token-only-in-link": (f) =>
    issuesLink(f, (l) => body("link-issued-token-only-in-link", ["seed"], { message: f.facts.capabilities.includes("sends-message"), events: requestEvents(f).map((e) => e.names.pascal) }, [l.matches])),
  "link-issue-revokes-previous": (f) =>
    issuesLink(f, (l) =>
      f.h.rateLimit.limit < 2 && f.h.rateLimit.windowSeconds >= l.lifetimeSeconds
        ? person(`a second link issued for the same holder within the link's lifetime, which the endpoint's own limit (${f.h.rateLimit.limit} per ${f.h.rateLimit.windowSeconds} s) does not let through`)
        : body("link-issue-revokes-previous", ["seed"], { wait: f.h.rateLimit.limit < 2 }, f.h.rateLimit.limit < 2 ? [l.matches, f.h.rateLimitConst] : [l.matches]),
    ),
  // The lifetime at each end of the link: the issuer stores the expiry (and schedules its expiry job) at the end of it, the redeemer refuses past it.
  "link-lifetime": (f) =>
    f.facts.secretLink === "issue"
      ? issuesLink(f, (l) =>
          body("link-lifetime", ["seed"], { words: settingText({ value: l.lifetimeSeconds, unit: "seconds" }), expiryCommand: l.expiryCommand !== undefined && has(f, "scheduler") }, [l.lifetimeConst]),
        )
      : RESOLVE["link-expired"](f),
  "erasure-step-up": (f) => {
    if (f.facts.access === "anonymous" || !f.h.erasure) return valid(f) ?? person("a signed-in caller whose last authentication time is known");
    // Just inside the window and one second past it, the window the plan states.
    const window = f.h.erasure.stepUpSeconds;
    const data = { scheduler: has(f, "scheduler"), recent: window > 60 ? window - 60 : window - 1, stale: window + 1, words: settingText({ value: window, unit: "seconds" }) };
    return valid(f) ?? body("erasure-step-up", ["seed", "problem"], data);
  },
  // A change of the caller's own email or phone (TRIAL4 V13): pending until confirmed, and only with a recent sign-in.
  "contact-pending": (f) => {
    const fields = contactInputsOf(f.facts).map((n) => n.camel).filter((name) => f.h.inputs.some((i) => i.name === name && i.valid !== undefined));
    return valid(f) ?? (fields.length ? body("contact-pending", ["seed"], { fields }) : person("the new email or phone the request sets"));
  },
  "recent-sign-in": (f) => valid(f) ?? (f.facts.access === "anonymous" || f.h.inputs.some((i) => /^(?:current|old|existing)(?:password|passphrase)$/i.test(i.name)) ? person("a signed-in caller whose last authentication time is known, and no current password in the request") : body("recent-sign-in", ["seed", "problem"], { outbox: has(f, "outbox"), scheduler: has(f, "scheduler"), jobs: has(f, "jobs") })),
  // A repeated request finds the resource in the state the first one left it (TRIAL4 V12): the same success, nothing changed.
  "state-repeated": (f) => {
    const state = retryStatesOf(f.facts)[0];
    return valid(f) ?? (state && f.facts.resource && !itemOf(f.facts) && (f.facts.flow === "change" || f.facts.flow === "delete") ? body("state-repeated", ["seed"], { state, outbox: has(f, "outbox") }) : person(`the ${f.facts.resource?.pascal ?? "resource"} seeded in the state a first request left it`));
  },
  "export-told": () => person("the messages the plan chooses for an export asked for and ready (their outbox entries and templates): both sent to the account's own address, neither holding a link that opens the file without signing in"),
  // The resource under another parent than the route's is not found (TRIAL4 V18).
  "parent-scope": (f) => {
    const parent = parentParamsOf(f.facts)[0];
    return valid(f) ?? (parent && f.resourceId && f.h.inputs.some((i) => i.name === parent) ? body("parent-scope", ["problem"], { parent }) : person(`the parent's id as an input of the request, and a ${f.facts.resource?.pascal ?? "record"} seeded under another parent`));
  },
  "contact-confirm": () => person("the use-case that opens the confirmation link: it makes the pending address the account's, and holds this test"),
  "contact-notice": () => person("the message to the address in force, as the plan chooses it (its outbox entry and template): sent, and its undo link working"),
  "contact-taken": () => person("another account seeded with the address the valid request sets, as the plan's data model names the field: the same answer as for a free one, and both accounts unchanged"),
  "erasure-purge-after-window": (f) =>
    valid(f) ?? (f.h.job && f.h.erasure ? body("erasure-purge-after-window", ["seed"], {}, [f.h.job.fn, f.h.erasure.windowConst]) : person("the scheduled command that purges when the window ends")),
  "erasure-hidden-not-erased": (f) => valid(f) ?? body("erasure-hidden-not-erased", ["seed"], { scheduler: has(f, "scheduler") }),
  "erasure-repeated": (f) => valid(f) ?? (has(f, "scheduler") ? body("erasure-repeated", ["seed"], { conflict: false }) : person("the scheduled command that purges")),
  "erasure-already-scheduled": (f) => valid(f) ?? (has(f, "scheduler") ? body("erasure-repeated", ["seed", "problem"], { conflict: true }) : person("the scheduled command that purges")),
  "erasure-cancel": () => person("the use-case that cancels an erasure: cancelled within the window, the record is restored and the purge, when it runs, does nothing"),
  "erasure-every-store": () => infrastructure("every store the plan lists (database, search index, cache, file storage, analytics, third parties) behind its real adapter, searched for the subject's id after the purge"),
  "erasure-restore": () => infrastructure("a backup taken before the erasure, restored into a scratch environment, with the erasure log re-applied"),
  "erasure-proof": (f) =>
    valid(f) ??
    (f.h.job && f.h.erasure
      ? body("erasure-proof", ["seed"], { id: seedId(f), stored: storedPii(f), values: storedPii(f).map((p) => p.value) }, [f.h.job.fn, f.h.erasure.windowConst])
      : person("the scheduled command that purges, and the audit entry it writes naming the stores purged")),
  // What the law keeps and what others share are the plan's own lists: a person seeds them from it.
  "erasure-legal-retention": () =>
    person("the records the plan lists as kept by law (an invoice, a tax record), seeded beside the subject's data with the fields that tie them to the subject, and the purge run: each kept, detached"),
  "erasure-shared-resources": () =>
    person("a resource the plan says the subject shares (a meeting they hosted, a shared file), seeded with another user's access, and the purge run: still there for that user, reassigned or anonymised as the plan states"),
  "erasure-resume": () => infrastructure("the stores' real adapters, one made to fail after the first store, and the purge run again"),
  "page-size-cap": (f) =>
    valid(f) ??
    withPaging(f, (p) => (p.max === undefined ? person(`a maximum page size in the rule of ${p.size.vo}`) : body("page-size-cap", ["problem"], { field: p.size.name, tooLarge: p.literal(p.size, p.max + 1) }))),
  "page-cursor-tampered": (f) => valid(f) ?? withPaging(f, (p) => body("page-cursor-tampered", ["problem"], p.data)),
  "page-cursor-other-caller": (f) =>
    valid(f) ?? (f.facts.access === "anonymous" ? person("a caller identity the cursor is bound to: an anonymous list has none") : withPaging(f, (p) => body("page-cursor-other-caller", ["problem"], p.data))),
  "page-first-and-last": (f) => valid(f) ?? withPaging(f, (p) => body("page-first-and-last", [], p.data)),
  "page-stable-order": () => person("the list's sort field and its tie-breaker: two items with the same sort value across a page boundary, and one inserted between requests"),
  "page-deep": () => infrastructure("a real database holding 100 000 items and the p95 latency of the first and the 1000th page compared under load"),
  // The link this use-case hands out is used at another endpoint, which holds this test.
  "download-single-use": (f) =>
    f.h.async?.result ? RESOLVE["download-result-once"](f) : person("the endpoint that serves the download link: a link used a second time answers 410 and signs no storage URL"),
  "download-audit": (f) => (f.h.async?.result ? RESOLVE["download-result-audit"](f) : valid(f) ?? handsOutDownload(f, (id) => body("download-audit", ["seed"], { id }))),
  // The limit holds the request that hands out a file: this one (a GET of it), or the later download of a job's result.
  "download-limit": (f) =>
    f.h.async?.result
      ? RESOLVE["download-result-limit"](f)
      : f.facts.flow === "query" && f.resourceId
        ? RESOLVE["rate-limit-exceeded"](f)
        : person("the request that hands out the file: a GET of it by its id, or the download of a job's result"),
  "download-result-once": (f) => valid(f) ?? (f.h.async?.result && f.h.job ? body("download-result-once", ["seed", "problem"], {}, [f.h.async.result.fn, `type ${f.h.bodyType}`]) : person("the job that produces the file")),
  "download-result-audit": (f) => valid(f) ?? (f.h.async?.result && f.h.job ? body("download-result-audit", ["seed"], {}, [f.h.async.result.fn, `type ${f.h.bodyType}`]) : person("the job that produces the file")),
  "download-result-limit": (f) =>
    valid(f) ??
    (f.h.async?.result && f.h.job
      ? body("download-result-limit", ["seed", "problem"], { limit: f.h.async.result.limit, window: f.h.async.result.windowSeconds }, [f.h.async.result.fn, `type ${f.h.bodyType}`])
      : person("the job that produces the file")),
  "download-signed-url-expiry": () => infrastructure("the storage service: a URL it signed, fetched one second after its expiry"),
  "download-other-file": () => infrastructure("the storage service: a signed URL with its object key changed to another file's, fetched"),
  "download-bucket-private": () => infrastructure("the storage bucket: an unsigned request for a stored object, and a listing request, sent to it"),
  // The handler streams the file itself (REVIEW3 Q24): its answer's headers and bytes are the handler's, checked against the fake storage.
  "download-disposition": (f) =>
    f.h.download === "served"
      ? (valid(f) ?? body("download-disposition", ["seed"], {}, [`type ${f.h.bodyType}`]))
      : infrastructure("the storage service's answer to a signed URL: its Content-Disposition, Content-Type and X-Content-Type-Options headers"),
  "download-served-again": (f) => (f.h.download === "served" ? (valid(f) ?? body("download-served-again", ["seed"], {}, [`type ${f.h.bodyType}`])) : person("a read whose answer is the file itself: the same request twice")),
  "download-streaming": () => infrastructure("a stored 1 GB file downloaded through the deployed service while its memory is measured"),
  "message-recipient-cap": (f) => {
    const v = valid(f);
    if (v) return v;
    const m = f.h.messages;
    if (m === undefined) return person("the per-recipient cap of a use-case that sends messages");
    const cap = m.recipientCapPerHour;
    // A repeat of a state change or a delete finds the record moved on (a 409, or nothing more done): it cannot succeed cap times (TRIAL6 U2).
    if (!repeatable(f)) return person(`${cap + 1} requests for one recipient that each succeed: a repeat of this request finds the ${f.facts.resource?.pascal ?? "record"} already changed, so each needs its own ${f.facts.resource?.pascal ?? "record"}, all sent to the same recipient`);
    // As many requests as the cap within the hour (the cap-th and the one past it too), spaced so the endpoint's own limit lets each through.
    const spacing = Math.floor(3599 / cap);
    const perWindow = Math.ceil(f.h.rateLimit.windowSeconds / Math.max(spacing, 1));
    // An answer naming what it made (a job, a Location) differs between requests anyway: its status and headers are compared.
    const sameBody = !f.h.async && !f.facts.successHeaders.includes("Location");
    return spacing < 1 || perWindow > f.h.rateLimit.limit || f.h.rateLimit.windowSeconds > 3600
      ? person(`${cap + 1} requests for one recipient within the hour that the endpoint's own limit (${f.h.rateLimit.limit} per ${f.h.rateLimit.windowSeconds} s) lets through`)
      : body("message-recipient-cap", m.told ? ["seed", "problem"] : ["seed"], { spacing, cap, sameBody, told: m.told }, [m.nameConst]);
  },
  "message-via-outbox": (f) => valid(f) ?? sends(f, (m) => body("message-via-outbox", ["seed"], {}, [m.nameConst])),
  // The budget of the first channel the use-case sends on, spent beforehand through the rate limiter as the contract keys it.
  "message-budget": (f) =>
    valid(f) ??
    sends(f, (m) => (m.channels[0] ? body("message-budget", m.told ? ["seed", "problem"] : ["seed"], { key: `send-budget:${m.channels[0]}`, told: m.told }, [m.nameConst, m.budgetConst]) : person("the channel the use-case sends on"))),
  // A message to the caller's own account is not refused for a spent budget (TRIAL6 U3): the send job holds it, so the test needs the job's retry too.
  "message-own-budget": () => person("the day's send budget spent beforehand through the rate limiter, as the contract keys it: the valid request then answers its success status with its change saved and the message in the outbox, and the send job, run, keeps the entry for a later retry instead of dropping it"),
  // The roles' order is the plan's to state (its open question): which role is above which (TRIAL6 U10).
  "grant-role-ceiling": () => person("the caller's own role in the resource seeded below the one the valid request grants, by the roles' order the plan states: the request then answers 403 and nothing is saved, issued or sent"),
  "grant-link-bound": () => person("the saved invitation read back from the repository: it holds the invited address, normalised as the plan says, for the redeeming use-case to compare with the redeeming account's verified address"),
  "message-premium-number": (f) => person(`a phone-number input: ${f.h.inputs.some((i) => /phone|mobile|msisdn/i.test(i.name)) ? "the allowed country codes the plan lists" : "this use-case takes none, so it sends no SMS"}`),
  // User text the message shows: the recipient's name on the record the request acts on (the record fields say so).
  "message-escaping": (f) => valid(f) ?? sends(f, (m) => body("message-escaping", ["seed"], {}, [m.nameConst, m.sendFn])),
  "message-header-injection": (f) => valid(f) ?? sends(f, (m) => body("message-header-injection", ["seed"], {}, [m.nameConst, m.sendFn])),
  "message-send-once": (f) => valid(f) ?? sends(f, (m) => body("message-send-once", ["seed"], {}, [m.nameConst, m.sendFn])),
  "message-send-logs": (f) => valid(f) ?? sends(f, (m) => body("message-send-logs", ["seed"], {}, [m.nameConst, m.sendFn])),
  "message-domain-records": () => infrastructure("the sending domain's DNS: its SPF record, the DKIM key of the provider's selector and a DMARC policy of p=reject"),
  "upload-too-large": () => infrastructure("the running service behind its HTTP edge: an upload one byte over the size limit, refused before the body is read, and the storage bucket left empty"),
  "upload-content-type": (f) => person(f.h.upload ? `a sample file of each accepted type (${f.h.upload.types.join(", ") || "the plan names none yet"}), and the storage port that keeps the type read from the bytes` : "the uploaded bytes as an input of the handler contract, the allowed types the plan lists and a sample file of each"),
  "idempotent-replay": (f) => valid(f) ?? body("idempotent-replay", ["seed"], { outbox: has(f, "outbox") }),
  // An HTML page declared as the first accepted type: refused by its bytes, whatever the client claims.
  "upload-disguised": (f) => valid(f) ?? (f.h.upload ? body("upload-disguised", ["seed", "problem"], { type: f.h.upload.types[0] ?? "image/png", ...(textUploadOf(f.facts) ? { text: true, fileName: `upload.${(f.h.upload.types[0] ?? "text/plain").split("/")[1]!.replace(/[^a-z0-9]/g, "") || "txt"}` } : {}) }) : person("the uploaded bytes as an input of the handler contract")),
  "upload-quarantine": () => person("the scan state the stored file carries (pending, clean, infected) and the download use-case that reads it"),
  "upload-malware": () => infrastructure("a malware scanner (ClamAV or the storage provider's) fed the EICAR test file, and the alert it raises"),
  "upload-stored-name": () => person("the stored file's record fields (generated id, sanitised original name) the plan chooses"),
  // A stream kept open (REVIEW3 Q30): the handler contract answers once, so these need the transport or a person.
  "stream-heartbeat": () => infrastructure("the running service behind its HTTP edge: a stream opened, its Content-Type and messages read, and the time between heartbeats measured"),
  "stream-recheck": () => person("the stream's writer as the plan builds it (an event source the handler subscribes to, and the access check it repeats): the caller's access removed while the stream is open, then an event published, and none written"),
  "stream-cap": () => person("the count of a caller's open streams the plan keeps (a store of open connections): three streams held open, a fourth refused with 429"),
  "stream-replay": () => person("the event store the replay reads, as the plan chooses it: events of two streams stored, a reconnect with the other stream's id and with one older than the window, nothing replayed"),
  // An upload straight to storage (REVIEW3 Q43): the presigned URL's conditions, the declared claims, the URL kept out of the logs.
  "upload-presigned": (f) =>
    valid(f) ??
    (f.h.directUpload?.typeInput && f.h.directUpload.sizeInput
      ? body("upload-presigned", ["seed"], { type: f.h.directUpload.typeInput, size: f.h.directUpload.sizeInput, ...(nameFits(f, f.h.directUpload.nameInput) ? { name: f.h.directUpload.nameInput } : {}) }, ["MAX_UPLOAD_BYTES", "UPLOAD_URL_SECONDS"])
      : person("the inputs that declare the file's type and size (ContentType, SizeBytes)")),
  "upload-declared-refused": (f) =>
    valid(f) ??
    (f.h.directUpload?.typeInput && f.h.directUpload.sizeInput
      ? body("upload-declared-refused", ["seed"], { type: f.h.directUpload.typeInput, size: f.h.directUpload.sizeInput }, ["MAX_UPLOAD_BYTES"])
      : person("the inputs that declare the file's type and size (ContentType, SizeBytes)")),
  "upload-url-not-logged": (f) => valid(f) ?? (f.h.directUpload ? body("upload-url-not-logged", ["seed"], { audit: has(f, "audit"), outbox: has(f, "outbox") }) : person("an upload straight to storage")),
  "upload-completion": () =>
    person("the step that runs when the storage reports the object (its event, or the client's completion call), which this contract does not have yet: an object of another type or size than declared put in storage, the step run, the object deleted and nothing attached"),
  "upload-exif": () => person("the image-processing step that strips metadata, and a JPEG fixture with GPS EXIF tags"),
  "external-port": () => person("the external system's port (an HTTP client the handler takes, with timeouts, retries and a breaker) and a fake of it that can hang, fail and answer"),
  // The external call's tests run the request against the port's fake (REVIEW3 Q23): it times out, fails, or answers nonsense.
  "external-timeout": (f) => callsOut(f, () => body("external-timeout", ["seed", "problem"], { outbox: has(f, "outbox") }, ["EXTERNAL_CALL"])),
  "external-retry": (f) =>
    callsOut(f, (x) =>
      x.keyInput
        ? body("external-retry", ["seed"], {}, ["EXTERNAL_CALL"])
        : person("the plan's answer whether the call is idempotent (the question it asks): only an idempotent or keyed call is retried, and the request carries no idempotency key")),
  "external-no-retry": () =>
    person("a call the plan states is neither idempotent nor keyed (its open question says which calls are): one that times out, then the fake's calls counted, one"),
  "external-breaker": (f) =>
    callsOut(f, (x) => {
      const key = x.keyInput ? f.h.inputs.find((i) => i.name === x.keyInput) : undefined;
      const variant = key && variantExpr(key);
      if (key && !variant) return person(`distinct valid values of ${key.vo}, one per failing request, which the generator cannot derive from its rule`);
      if (f.h.rateLimit.limit <= x.failureThreshold) return person(`a rate limit above the breaker's ${x.failureThreshold} failures: the failing requests that open it are refused by the limit first`);
      return body("external-breaker", ["seed", "problem"], key && variant ? { vary: { field: key.name, variant } } : {}, ["BREAKER"]);
    }),
  "external-secret-not-logged": (f) => callsOut(f, () => body("external-secret-not-logged", ["seed", "problem"], { audit: has(f, "audit") })),
  "external-call-record": (f) =>
    callsOut(f, (x) => {
      const key = x.keyInput ? f.h.inputs.find((i) => i.name === x.keyInput)?.valueObject.valid[0]?.value : undefined;
      return body("external-call-record", ["seed"], { keyed: x.keyInput !== undefined, values: distinctiveValues(f).filter((v) => v !== JSON.stringify(key)) }, ["EXTERNAL_CALL"]);
    }),
  "external-bad-response": (f) => callsOut(f, () => body("external-bad-response", ["seed", "problem"], { outbox: has(f, "outbox") })),
  "external-ssrf": () => infrastructure("real name resolution and redirects: a host that resolves to 127.0.0.1 or 169.254.169.254, or an allowed host redirecting there, fetched by the real HTTP client"),
  "state-refused": (f) => {
    const froms = new Set(f.facts.transitions.map((t) => t.from));
    // A state the request itself moves to is a retry's, answered as the first time (catalog answers-states), not refused.
    const tos = new Set(retryStatesOf(f.facts));
    const state = f.facts.states.find((s) => !froms.has(s) && !tos.has(s));
    // Where every state it knows is left or reached by this use-case (Open -> Closed, a retry answering Closed), the refused
    // state is one it does not know: said by name, not as "a state no transition leaves", which reads as Closed (TRIAL5 U8).
    const known = f.facts.states.join(" and ");
    return valid(f) ?? (state && f.resourceId && !itemOf(f.facts) ? body("state-refused", ["seed", "problem"], { state, outbox: has(f, "outbox") }) : person(state || !known ? "a state no transition of this use-case leaves" : `a state of the ${f.facts.resource?.pascal ?? "resource"} this use-case does not know (it knows only ${known}), seeded: a request on ${withArticle(f.facts.resource?.pascal ?? "resource")} in it is refused`));
  },
  // What only the plan can say (which records are public) or only the HTTP edge does (caching) is named as what the test needs.
  "public-hidden": (f) =>
    person(`the condition that makes ${withArticle(f.facts.resource?.pascal ?? "record")} public (the plan's TODO: published, its publication time passed): a record outside it seeded beside a public one, and answered like a missing one`),
  "cacheable-answer": () =>
    infrastructure("the HTTP edge or CDN in front of the handler: the answer's Cache-Control and ETag headers, a repeat with If-None-Match answered 304 with no body, and the purge when a record changes"),
  "role-reaches-any": (f) =>
    valid(f) ?? (f.resourceId && f.facts.roles[0] ? body("role-reaches-any", ["seed"], { role: f.facts.roles[0] }) : person(`a role to hold and the ${f.facts.resource?.pascal ?? "resource"}'s id in the route, so the test can reach another user's`)),
  "async-status-any-client": (f) =>
    valid(f) ?? (f.h.async && f.h.job ? body("async-status-any-client", ["seed", "problem"], { values: distinctiveValues(f) }, [f.h.async.statusFn, `type ${f.h.bodyType}`]) : person("the job store of an asynchronous use-case")),
  "async-delete-marked": (f) =>
    person(`the reads and changes of the ${f.facts.resource?.pascal ?? "resource"} in the other use-cases: this contract only accepts the deletion, and each of them must skip a record marked deleting (missing to reads, 409 to changes)`),
  "async-delete-repeated": (f) => valid(f) ?? (f.h.async && f.h.job ? body("async-delete-repeated", ["seed"]) : person("the job store of an asynchronous delete")),
  "put-creates": (f) => valid(f) ?? body("put-creates", [], { values: distinctiveValues(f) }),
  // The same PUT twice is a retried request: the first answer, nothing saved or published twice.
  "put-repeated": (f) => valid(f) ?? body("idempotent-replay", ["seed"], { outbox: has(f, "outbox") }),
  "idempotent-concurrent": (f) => valid(f) ?? body("idempotent-concurrent", ["seed"], { outbox: has(f, "outbox") }),
  "redirect-refused": (f) =>
    valid(f) ??
    person(`where the answer sends the caller (a Location header or a field of the body, as the implementation chooses): ${f.facts.redirectInput?.pascal ?? "the redirect input"} set to https://evil.example, //evil.example and /\\evil.example in turn, each answered with the default page`),
  "rate-limit-unknown-target": (f) => valid(f) ?? (f.target ? body("rate-limit-unknown-target", ["problem"], { what: f.facts.enumeration ?? "target" }) : person(`the input that names the ${f.facts.enumeration ?? "target"}`)),
  "reauth-wrong-password": () =>
    person("the caller's stored password hash, in the format the implementation's password hasher verifies, so a request with another current password can be refused (a malformed seed would fail for the wrong reason)"),
  "reauth-failure-cap": () =>
    person("the caller's stored password hash, in the format the implementation's password hasher verifies: the wrong attempts up to the cap, then the right password refused with 429"),
  "sign-in-session": (f) => valid(f) ?? person("a valid sign-in: an account seeded with the hash of the request's password, in the format the implementation's password hasher verifies"),
  "sign-in-same-refusal": () =>
    person("an account seeded with a password hash in the format the implementation's hasher verifies, so that a wrong password is refused by the check itself and not by a malformed hash"),
  "password-not-kept": (f) => {
    const v = valid(f);
    if (v) return v;
    const input = f.h.inputs.find((i) => /^(?:password|newPassword|passphrase|newPassphrase)$/.test(i.name));
    const password = "Correct-Horse-Battery-9";
    const rule = input && parseRule(input.rule);
    const fits = rule?.kind === "string" && (rule.min ?? 0) <= password.length && (rule.max ?? Infinity) >= password.length;
    return input && fits
      ? body("password-not-kept", ["seed"], { field: input.name, password, outbox: has(f, "outbox"), audit: has(f, "audit"), scheduler: has(f, "scheduler") })
      : person(`a password its rule accepts that no other value could hold by chance (${input ? `${input.vo}'s rule does not take "${password}"` : "no input is named Password or NewPassword"})`);
  },
  "signature-constant-time": () =>
    person("a review of the implementation (or a lint rule): the signature compared with crypto.timingSafeEqual over two digests of equal length; timing differences cannot be measured against in-memory fakes"),
  // A repeated delivery is the same request again: the first answer, nothing saved or published twice.
  "delivery-repeated": (f) => valid(f) ?? (f.h.receivedBy ? body("delivery-repeated", ["seed"], { outbox: has(f, "outbox"), eventId: f.h.receivedBy }) : body("idempotent-replay", ["seed"], { outbox: has(f, "outbox") })),
  "delivery-stale": () =>
    person("the sender's signed timestamp as an input of the contract (its header, and what the signature covers): the plan asks which scheme the sender uses, and a delivery signed 301 seconds ago is then refused"),
  "page-cursor-other-filter": (f) => {
    // An optional filter the first page goes without: its cursor, sent with the filter set, was issued for other filters.
    const filter = f.h.inputs.find((i) => !i.required && !/page.?size|limit|cursor/i.test(i.name) && !f.facts.routeParams.includes(i.name) && i.valid !== undefined);
    if (filter) return valid(f) ?? withPaging(f, (p) => body("page-cursor-other-filter", ["problem"], { ...p.data, filter: filter.name, value: filter.valid }));
    return person(`a filter input of the list besides the page size and the cursor (${f.h.inputs.filter((i) => !/page.?size|limit|cursor/i.test(i.name)).map((i) => i.vo).join(", ") || "the list takes none yet"}), and a cursor issued with one value of it sent with another, refused with 400`);
  },
  "page-scope": (f) => (f.facts.access === "anonymous" ? RESOLVE["public-hidden"](f) : RESOLVE["query-scope"](f)),
  "external-idempotency-key": (f) =>
    callsOut(f, (x) =>
      x.keyInput
        ? body("external-idempotency-key", ["seed", "problem"])
        : person("an idempotency key the request carries (an Idempotency-Key input): the same request twice, and the key of both calls compared")),
  "external-then-save": () =>
    person("the way the plan chooses (reserve then confirm, a pending record and an outbox-driven call, or undoing the external action) and the external system's operation that undoes the action: the save failed after the call to the external system's fake, and that operation checked called"),
  "webhook-quick-answer": () =>
    person("the slow work a delivery starts (a job or an outbox entry the plan names): the answer given before it has run, the work found scheduled"),
  "webhook-kept": (f) =>
    valid(f) ??
    (f.h.receivedBy ? body("webhook-kept", ["seed"], { eventId: f.h.receivedBy }) : person("the input that carries the sender's event id (an EventId or a delivery header), by which each delivery is kept as received")),
  // A type the sender sends that this receiver does not handle, signed as the sender signs it: acknowledged, kept, nothing changed.
  "webhook-unhandled-type": (f) => {
    const v = valid(f);
    if (v) return v;
    const input = f.h.inputs.find((i) => i.name === eventTypeInputOf(f.facts)?.camel);
    const rule = input && parseRule(input.rule);
    if (!input || rule?.kind !== "enum") return person(`the event types this receiver handles (${input ? `${input.vo}'s rule names none` : "no input carries the event type"}): a delivery of another type, answered ${f.facts.success} and kept, nothing changed`);
    const other = "unhandled.event.type";
    const signed = signedExample(f.h, { [input.name]: other });
    return signed ? body("webhook-unhandled-type", ["seed"], { input: input.name, type: other, rawBody: signed.rawBody, signature: signed.signature, eventId: f.h.receivedBy, outbox: has(f, "outbox") }) : person("a signed request of another event type");
  },
  "signing-secret-not-logged": (f) =>
    valid(f) ?? (f.h.signed && signedExample(f.h) ? body("signing-secret-not-logged", ["seed", "problem"], { forged: signedExample(f.h)!.forged, outbox: has(f, "outbox") }) : person("a request its sender signs")),
  // A domain error of the answers (--error): its rule reads fields of a record only the plan names, so the test says what to seed.
  "domain-error": (f, subject) => {
    const e = f.facts.errors.find((x) => x.name === subject);
    // A condition on the inputs alone needs no seeded record: a request whose inputs make it hold (TRIAL4 V1).
    if (e && inputErrorsOf(f.facts).includes(e))
      return person(`a request whose inputs make "${e.when}" hold (the valid request with those inputs changed): it answers ${e.status} ${e.name} and nothing is read${f.facts.flow === "query" ? "" : " or saved"}`);
    // The external system's refusal comes from its answer: the fake answers so, and nothing of ours is seeded for it (TRIAL6 U11).
    if (e && externalErrorsOf(f.facts).includes(e))
      return person(`the fake external system answering the call with the refusal "${e.when ?? e.name}" (as its API documents it): the valid request then answers ${e.status} ${e.name}, the call made once, and nothing is saved${f.h.ports.some((p) => p.name === "outbox") ? " or published" : ""}`);
    const record = f.facts.resource ? `the ${f.facts.resource.pascal} the valid request names` : f.facts.self ? "the caller's record" : "the records the request reads";
    return person(
      `${record} seeded so that ${e?.when ? `"${e.when}" holds` : `${subject ?? "the error"} applies (the plan says when)`}: the fields the rule reads, as the plan's data model names them; the valid request then answers ${e?.status ?? "its status"} ${subject ?? ""} and nothing is saved${f.h.ports.some((p) => p.name === "outbox") ? " or published" : ""}`.replace(/ +/g, " "),
    );
  },
  // The packs of CSV exports and imports, OAuth callbacks, role changes, search and ranges: what each test needs beyond the contract.
  "csv-formula-cells": () => person("the export's rows as the implementation writes them (the CSV writer the plan chooses): stored records whose text is =1+1, +1, -1 and @SUM(A1), and the cells read back from the written file"),
  "csv-streamed": () => infrastructure("an export of many rows from a real database, with the process's memory measured while it streams"),
  "import-row-limit": () => person("the import's CSV parser and the row limit the plan states: a file of that many rows and one more, and the store checked empty after it"),
  "import-row-errors": () => person("the import's row report in the format the plan chooses: a file with one invalid row, and the report read for that row's number, column and reason, without the cell's value"),
  "import-formula-cells": () => person("the import's CSV parser and the export's writer: a cell =1+1 imported, the stored text read, and the exported cell read"),
  "import-file-deleted": () => person("the storage the uploaded file is kept in and the import job that removes it (the plan's steps name both): the file looked up after the job ends, successful and failed"),
  "oauth-state": () => person("the pre-login record the authorize request stores (its state and nonce) and a fake of the identity provider's token endpoint: a callback with another state, and one with no record"),
  "oauth-state-once": () => person("the pre-login record the authorize request stores and a fake of the identity provider's token endpoint: the same callback sent twice"),
  "oauth-code-refused": () => person("a fake of the identity provider's token endpoint that refuses a used or expired code: the callback carrying it"),
  "oauth-id-token": () => person("ID tokens signed by a test key the fake provider publishes (its JWKS), one each with a bad signature, another audience, another issuer, an expired exp and another nonce"),
  "oauth-unverified-email": () => person("an account seeded with an email, and an ID token from the fake provider naming that email with email_verified false"),
  "oauth-session": () => person("a valid callback: a stored pre-login record and a fake provider exchanging its code for a signed ID token; the answer's cookie and session id read"),
  "oauth-error": () => person("the callback as the provider sends a refusal (error=access_denied and no code) and the sign-in page the plan names"),
  "oauth-no-leak": () => person("a valid callback against the fake provider, then its code, state and tokens looked for in the telemetry, the outbox and the redirect's Location"),
  "role-last-admin": () => person("the users and their roles as the plan stores them (a role field on the user, or a membership record), seeded with one admin: its demotion answered 409 and the role kept"),
  "role-concurrent": () => infrastructure("the real store's transactions (a lock or a serializable check on the count of admins): two demotions of the last two admins run at once, one answered 409"),
  "role-self": () => person("the caller's own user record with its role, as the plan stores roles: a request changing it answered 403 and the record unchanged"),
  "role-above-own": () => person("the order of roles the plan states (which role may grant which): a caller granting one above its own answered 403"),
  "role-stale-token": () => infrastructure("the token issuer and the edge that checks tokens (a role version or a revocation list): a token issued before the demotion presented after it"),
  "role-audit": () => person("the audit record's fields for a role change as the plan states them (actor, target, old and new role): the record read after a change"),
  "search-wildcard": () => person("the search port's query (the engine the plan chooses) and a fake of it over seeded records, one of them holding % or _: the search for that character"),
  "search-operators": () => person("the search port's query and a fake of it over seeded records: a search text holding a quote, OR, * and a regular expression, answered 200 with the records that contain it as text"),
  "search-short-term": () => infrastructure("a realistic data set in the real search engine under load: the p95 latency of a one-letter search"),
  "search-sort": () => person("the allow-list of sort fields the plan states, and the input that names the sort: a field outside it answered 400"),
  // The valid request's range ends are in order (distinguishExamples): swapped, each stays valid alone and only the pair is wrong (REVIEW3 Q29).
  "range-order": (f) => {
    const ranges = f.facts.ranges
      .map((r) => ({ from: r.from.camel, to: r.to.camel, fromExpr: f.h.inputs.find((i) => i.name === r.from.camel)?.valid, toExpr: f.h.inputs.find((i) => i.name === r.to.camel)?.valid }))
      .filter((r) => r.fromExpr !== undefined && r.toExpr !== undefined && r.fromExpr !== r.toExpr);
    return valid(f) ?? (ranges.length === f.facts.ranges.length && ranges.length ? body("range-order", ["seed", "problem"], { ranges }) : person("the range's two inputs as the plan pairs them, each given a valid value with the ends the wrong way round: answered 400 naming both, nothing read"));
  },
  // The packs of health probes, impersonation, conditional changes, secrets answered once, recurring and undone jobs, role reads: what each test needs beyond the contract.
  "read-audit": () => person("the audit record's fields for a read as the plan states them (caller, the ids shown, hashed filters): a read by a role over seeded records, then the record read and searched for the personal fields"),
  "read-harvest-cap": () => person("the hourly cap of records read the plan states and the store of reads it counts: requests past the cap answered 429 and the alert's metric read"),
  "read-filters-private": () => person("the page token's format the plan chooses: a search by an email over seeded records, and the next page's token decoded and searched for the email"),
  "health-unavailable": () => infrastructure("the dependencies readiness checks (a real database or broker, stopped and started again): the probe read while one is down and once it is back"),
  "health-no-store": () => person("the probe's response headers as the plan's HTTP layer sets them: a 200 and a 503 answer read for Cache-Control"),
  "health-minimal": () => person("the probe's answer as the plan shapes it: its body read for a version, host name or error text"),
  "health-exempt": () => infrastructure("the edge's rate limiter with its allow-list of balancer addresses: probes past the limit from an allowed and from another address"),
  "impersonation-above": () => person("the users, roles and agents as the plan stores them: an agent impersonating an admin, another agent and itself, each answered 403 with no session issued"),
  "impersonation-restricted": () => person("an impersonation session as the plan issues it and the password and email change use-cases: each called with that session and answered 403"),
  "impersonation-both": () => person("the audit record's fields for an impersonated action as the plan states them (user, agent, reason): an action taken while impersonating, then the records read"),
  "impersonation-short": () => person("the impersonation session's lifetime the plan states and the clock: a request past it, and a refresh of it, both refused"),
  "query-post-per-item": () => person("records seeded for the caller and for another: a batch read naming both, and the other's id answered exactly as an unknown id"),
  "if-match-stale": () => person("the resource's version as the plan stores it and its ETag's format: a change sent with the ETag of an older version, answered 412, the record unchanged"),
  "if-match-missing": () => person("the resource seeded with a version: a change sent without If-Match, answered 428, the record unchanged"),
  "if-match-etag": () => person("the ETag's format the plan chooses: a successful change's ETag read from the answer and sent with the next change, which succeeds"),
  "referenced-foreign": () => person("a record of another owner seeded for each referenced id: the request naming it answered 404 like an unknown id, nothing changed"),
  "response-secret-not-logged": () => person("a successful request, then the secret the answer handed out looked for in the telemetry, the outbox, the events and the audit records, and the answer's Cache-Control read"),
  "response-secret-stored": () => person("the store's record of the secret as the plan keeps it (a hash or a key id): the answer's secret compared with what is stored"),
  "scheduled-recheck": () => person("the change undone before the command runs (the use-case that undoes it, or its state set back): the command run and the resource read unchanged"),
  "recurring-next-run": () => person("the schedule's rule (Cron or interval) as the plan stores it and the scheduler: a run, then the scheduler's next entry read for the rule's next time"),
  "recurring-once-per-period": () => person("the period key the plan chooses for a run: the command run twice for one period and its effect counted once"),
  "recurring-access": () => person("the creator's access as the plan checks it at run time: the creator's access removed, the command run, and nothing produced or sent"),
  "recurring-interval": () => person("the shortest interval the plan states: a rule that runs every minute sent and answered 400"),
  // The caller's permissions, the key store and its limits are the plan's to state (REVIEW3 Q2): not in the contract's fakes yet.
  "api-key-scopes": () => person("the caller's own permissions as the plan states them (a port the contract does not have yet): a member asking for an admin scope, answered 403, no key stored"),
  "api-key-cap": () => person("the cap of live keys the plan states: that many keys seeded for the caller, one more asked for, answered 409, the seeded ones still live"),
  "api-key-expiry": () => person("the default and the longest lifetime the plan states: a key asked for with no expiry stored with the default, one past the maximum answered 400"),
  "api-key-format": () => person("the key's prefix and stored fields as the plan states them: the issued key starts with the prefix, the stored record holds its hash and no field holds the key"),
  // Who may be found, and the daily cap, are the plan's to state (REVIEW3 Q45).
  "discovery-opt-out": (f) => person(`the setting by which ${withArticle(f.facts.enumeration ?? "record")} allows being found, as the plan states it: one seeded that does not allow it, looked up, answered as an unknown one`),
  "discovery-cap": () => person("the daily cap of lookups per caller the plan states: that many distinct values looked up, then one more answered 429"),
  // REVIEW3 Q17, Q21, Q48 (fit5b): what only the plan can say, precisely.
  "message-fixed-inbox": () => person("the inbox the plan configures (an address or a team's queue): the outbox entry's recipient is it, whatever address the request carries"),
  "message-never-dropped": () => person("the inbox the plan configures: each of more than 5 accepted requests in an hour leaves its message in the outbox for it"),
  "bulk-send-suppressed": () => person("the audience store the plan names: subscribers seeded with and without a recorded opt-in and one on the suppression list; the send job's messages go to the opted-in, unsuppressed one only"),
  "bulk-send-unsubscribe": () => person("the message template and the unsubscribe link's route the plan names: the rendered message's List-Unsubscribe and List-Unsubscribe-Post headers"),
  "bulk-send-second": () => person("the send's record as the plan stores it: one already requested, then a second request answered 409 with nothing more scheduled"),
  "bulk-send-batch-once": () => person("the audience store the plan names: a batch run twice for the same send leaves one message per recipient in the outbox"),
  "audit-changed-values": () => person("which fields the request changes and their seeded values: the audit entry holds the actor's id, the record's id and each changed field's old and new value"),
  "grant-same-answer": () => person("an account seeded for one address and none for another, as the plan's account store holds them: the two grants' answers compared"),
  "grant-unique": () => person("the grant's record as the plan stores it (its recipient field): one seeded for the recipient, then the same request again"),
  "ticket-checked": () => person("the ticket system's port the contract does not have yet, and its fake answering for a ticket that is missing, closed or about another record"),
  "ticket-audited": () => person("where the audit entry holds the ticket (a field the contract's AuditEntry does not have yet)"),
  "subject-export-every-store": () => infrastructure("every store the plan lists holding the person's records, and one of another person beside them"),
  "subject-export-expires": () => infrastructure("the export's file storage and its lifetime, as the plan states it"),
  "subject-export-deadline": () => person("where the request's date is kept and the deadline alert the plan names"),
  "consent-history": () => person("the consent record's history field as the plan stores it: a grant, then a withdrawal, read back as two entries"),
  "consent-version": () => person("where the server's current policy version is kept (a setting or a table the plan names)"),
  "consent-withdrawal": () => person("the consent record's history field as the plan stores it, and the withdrawal's event in the outbox beside the new entry"),
  "domain-unproven": () => infrastructure("a DNS resolver the test controls (or the resolver's port and fake), without the TXT record the server issued"),
  "domain-taken": () => person("the proven domain's record as the plan stores it, seeded for another organisation"),
  "sso-enforce-untested": () => person("where the plan records a successful test sign-in through the new identity provider (none seeded)"),
  "sso-assertion-checks": () => infrastructure("a SAML library and assertions signed with a test certificate: one by another certificate, one for another audience, one expired, one replayed"),
  "sso-enforce-sessions": () => person("members' sessions as the plan stores them, with how each was started, and the admins' notice"),
  "link-unsafe-destination": () => person("the reputation service's port the contract does not have yet, and its fake flagging a test URL"),
  "link-self-destination": () => person("our own domain as the plan configures it, to send as the destination"),
  "link-takedown": () => person("the use-case that opens a link and where a disabled link is marked"),
  "slug-taken": () => person("a link seeded with the chosen name as the plan stores it"),
  "slug-reserved": () => person("the reserved-word list the plan names (api, admin, login, ...)"),
  "maker-refused": () => person("the submitter and last editor fields as the plan's data model names them (submittedBy, lastEditedBy), seeded with the caller's id"),
  "approval-stale": () => person("the If-Match input the approval carries (the plan asks for it) and the record's version seeded newer"),
  "approval-audited": () => person("where the audit entry holds the submitter and the version (fields the contract's AuditEntry does not have yet)"),
  "creator-rule": () => person("the rule of who may create that the plan states, and a signed-in account it does not allow"),
  "any-signed-in": (f) => person(`a ${f.facts.resource?.pascal ?? "resource"} another signed-in account created, and the handler's finder, which checks no relation`),
  "guest-join-created": () => person("the guest participant and guest session the implementation creates, and the port that stores them: the plan names them, the handler's contract does not hold them yet"),
  "guest-session-scoped": () => infrastructure("a guest session token and a request with it to something other than what was joined, and one after that ended: the session's checks live outside this handler"),
  "link-token-out-of-url": () => person("how the plan hands the session over (a cookie and the redirect's target) once the link's token is exchanged"),
  "flag-safe-default": () => infrastructure("the flag store's client in a service that reads the flag, with the store made unreachable"),
  "flag-sticky-buckets": () => person("the bucketing function the plan names (a stable hash of flag and user id) and a set of user ids"),
  // A one-time code's store (HMAC, expiry, wrong tries) and its generator are the plan's to design (REVIEW3 Q27): not in the contract's fakes yet.
  "code-random": () => person("the code generator the handler contract names: 1000 codes, each six digits, with more than one distinct first digit"),
  "code-stored": () => person("the stored code's fields as the plan states them (HMAC, expiresAt, wrongTries): a valid request, then the record read back with no field holding the code sent"),
  "code-one-live": () => person("two requests for the same holder: the first code void after the second, and a third within the resend wait answered without a message sent"),
  "code-tries": () => person("the use-case that checks the code: a code seeded by its HMAC, CODE_ATTEMPTS wrong values sent, then the right one refused"),
  "code-only-in-message": () => person("the message the send job builds: the code found in its body and in no telemetry entry, audit record or outbox event"),
  // The check of a typed code (capability-one-time-code-redeem): a code is seeded as its HMAC with the server-side secret,
  // which the handler contract has no port for yet (TRIAL6): the plan names it, then a person writes these against the fakes.
  "code-check-tries": () => person("a holder seeded with a live code stored as its HMAC with the server-side secret (a port the contract does not have yet): CODE_ATTEMPTS wrong codes sent, then the right one refused with the same 404"),
  "code-check-expired": () => person("a holder seeded with a code stored as its HMAC and its expiry, and the fake clock moved one second past CODE_LIFETIME_SECONDS: the right code refused with the same 404 and body as a wrong one"),
  "code-check-used": () => person("a holder seeded with a live code stored as its HMAC: the right code accepted once, then refused with the same 404 and body as a wrong one"),
  "code-check-guessing": () => person("the failed-check limit the plan settles, and a holder seeded with a live code: wrong codes from one client answered 404, then 429 with Retry-After"),
  "code-check-compare": () => person("the server-side secret codeMatches uses (a port the contract does not have yet): a code's HMAC matches, the same code with its last digit changed does not, and the source uses timingSafeEqual"),
  // What an existing holder's record and its notice look like is the plan's to say: a person writes it against the fakes.
  "known-target-notice": (f) =>
    person(`${withArticle(f.facts.enumeration ?? "record")} seeded with the request's ${f.target?.name ?? "address"}: the request saves no new record and issues no link, and the outbox holds one notice for its owner`),
  "unknown-target-untouched": (f) =>
    valid(f) ?? (f.target ? body("unknown-target-untouched", [], { outbox: has(f, "outbox"), scheduler: has(f, "scheduler") }) : person(`the input that names the ${f.facts.enumeration ?? "target"}`)),
};

/**
 * Where a signed-in sender is told of the per-recipient cap (a 429 of its own), requests that test the
 * endpoint's rate limit each go to another recipient, so only the rate limit refuses: the recipient
 * input and a valid value differing with `i`. Undefined where the cap answers as usual (nothing to avoid).
 */
function recipientVariant(f: Facts): { field: string; variant: string } | undefined {
  if (!f.h.messages?.told) return undefined;
  const input = f.h.inputs.find((i) => parseRule(i.rule).kind === "email") ?? f.h.inputs.find((i) => /phone|mobile|msisdn/i.test(i.name));
  const variant = input && variantExpr(input);
  return input && variant ? { field: input.name, variant } : undefined;
}
/** What a rate-limit test of a told sender needs when it cannot vary the recipient, else undefined. */
const toRecipients = (f: Facts): Resolution | undefined =>
  f.h.messages?.told && !messageAudienceOf(f.facts.capabilities, "") && !recipientVariant(f) && f.h.rateLimit.limit > f.h.messages.recipientCapPerHour
    ? person(`distinct valid recipients for ${f.h.rateLimit.limit + 1} requests: past ${f.h.messages.recipientCapPerHour} messages to one recipient the cap answers 429 of its own`)
    : undefined;

/** The valid request's values that no other field could hold by chance (text of 4 characters or more, numbers of 3 digits or more), as JSON. */
/**
 * The examples of personal-data inputs a test can look for in what leaves: a one-letter name ("a") is in every
 * log line, so "not.toContain" of it could never pass; such a value is left out of the search, not the test.
 */
const searchable = (inputs: HandlerInput[]): string[] =>
  inputs.map((i) => i.valid!).filter((expr) => {
    const value: unknown = JSON.parse(expr.startsWith('"') ? expr : "null");
    return typeof value !== "string" || (value.length >= 4 && !/^(.)\1*$/.test(value));
  });

const distinctiveValues = (f: Facts): string[] =>
  f.h.inputs
    .map((i) => i.valueObject.valid[0]?.value)
    .filter((v): v is string | number => (typeof v === "string" && v.length >= 4 && !/^(.)\1*$/.test(v)) || (typeof v === "number" && Math.abs(v) >= 100))
    .map((v) => JSON.stringify(v));

/** An example of each personal-data field, as the stored record holds it. */
const storedPii = (f: Facts): { name: string; value: string }[] =>
  f.facts.pii.map((p) => ({ name: p.camel, value: JSON.stringify(/mail/i.test(p.camel) ? "ada@example.com" : `${p.kebab}-of-ada`) }));
/** A body for the use-case that hands out a download link for a file it loads by id (a GET), else what it needs. */
const handsOutDownload = (f: Facts, make: (id: string) => Resolution): Resolution =>
  f.facts.flow === "query" && f.resourceId
    ? make(f.resourceId.valueObject.valid[0]?.expr ?? f.resourceId.valid!)
    : person("the use-case that hands out the download link: a GET of the file by its id");

interface Paging {
  size: HandlerInput;
  cursor: HandlerInput;
  max?: number;
  literal: (i: HandlerInput, n: number) => string;
  /** The first page's request (the required inputs and a page size of 2), the cursor's field, the caller's ownership of a seeded item. */
  data: { firstPage: string; cursor: string; own: string };
}
/** The page-size and cursor inputs of a paged list, or what the test needs instead. */
function withPaging(f: Facts, make: (p: Paging) => Resolution): Resolution {
  const size = f.h.inputs.find((i) => /page.?size|limit/i.test(i.name) && parseRule(i.rule).kind === "int");
  const cursor = f.h.inputs.find((i) => /cursor/i.test(i.name));
  if (!size || !cursor) return person("the page-size and cursor inputs of the paged list (named pageSize and cursor)");
  const rule = parseRule(size.rule);
  const literal = (i: HandlerInput, n: number): string => (i.text ? JSON.stringify(String(n)) : String(n));
  const required = f.h.inputs.filter((i) => i.required && i !== size && i !== cursor).map((i) => `${i.name}: ${i.valid}`);
  const firstPage = `{ ${[...required, `${size.name}: ${literal(size, 2)}`].join(", ")} }`;
  const own = f.facts.access === "anonymous" ? "" : `, ${ownerField(f)}: "user-1"`;
  return make({ size, cursor, ...(rule.kind === "int" && rule.max !== undefined ? { max: rule.max } : {}), literal, data: { firstPage, cursor: cursor.name, own } });
}
/**
 * Whether the valid request succeeds each time it is repeated: not a change along a transition
 * (the record has moved on), a delete (nothing left) or an erasure (one is pending).
 */
const repeatable = (f: Facts): boolean =>
  !(f.facts.flow === "delete" || (f.facts.flow === "change" && f.facts.transitions.length > 0) || f.facts.capabilities.includes("erasure"));
const has = (f: Facts, port: string): boolean => f.h.ports.some((p) => p.name === port);
/** The field that ties a record to the caller: the relation's id (`hostId`, `billingAdminId` for "billing admin"), else `ownerId`. */
const ownerField = (f: Facts): string => relationFieldOf(f.facts.relation ?? "owner");

/**
 * The record the valid request acts on: the resource it names, related to the caller as the access
 * model asks; the caller's own record (`/me`); or the target it names (an account by its email).
 * A record a change flow loads carries the version it was read at (optimistic concurrency).
 */
export function seedExpr(f: Facts): string {
  // The record holds the parsed value, as the implementation stores it (a number from the text "20").
  // A string id the request sends is stored as sent: two inputs of one rule get distinct examples (distinguishExamples).
  const value = (i: HandlerInput) => (i.valueObject.primitive === "string" && i.valid !== undefined ? i.valid : (i.valueObject.valid[0]?.expr ?? i.valid!));
  // A record that moves along transitions starts in the state the first one leaves.
  const state = f.facts.transitions[0] ? `, state: ${JSON.stringify(f.facts.transitions[0].from)}` : "";
  // An item the route names inside the resource is held by it, with its state (REVIEW3 Q50): the valid request's one.
  const item = itemOf(f.facts);
  const itemInput = item ? f.h.inputs.find((i) => i.name === item.param) : undefined;
  // The id as the valid request sends it: a second id of the same rule names another record (distinguishExamples).
  const items = item && itemInput ? `, ${item.names.camel}s: [{ id: ${itemInput.valid ?? value(itemInput)}${state} }]` : "";
  const version = `${items ? "" : state}${f.facts.flow === "change" ? ", version: 1" : ""}${items}`;
  if (f.link) return `{ id: "record-1", tokenHash: ${JSON.stringify(f.link.hash)}, expiresAt: ${JSON.stringify(f.link.expiresAt)}${version} }`;
  const file = f.facts.capabilities.includes("file-download") ? ', fileKey: "files/file-1"' : "";
  // The caller's own resource under /me is scoped by its owner, as a related one is by its relation.
  const scope = f.facts.relation ?? (f.facts.self ? "owner" : undefined);
  const scopeField = scope === undefined ? undefined : relationFieldOf(scope);
  // The parents the route names hold it: the record carries their ids (TRIAL4 V18).
  const parents = parentParamsOf(f.facts).flatMap((p) => {
    const input = f.h.inputs.find((i) => i.name === p && i.valid !== undefined);
    return input ? [`, ${p}: ${value(input)}`] : [];
  });
  if (f.resourceId) return `{ id: ${value(f.resourceId)}${parents.join("")}${scopeField ? `, ${scopeField}: "user-1"` : ""}${file}${version} }`;
  if (f.facts.self) return `{ id: "user-1"${version} }`;
  if (f.target) return `{ id: "record-1", ${f.target.name}: ${value(f.target)}${version} }`;
  // A signed delivery names its record by the sender's id for it (PaymentIntentId), held by the record (TRIAL4 V5).
  const sent = f.facts.signature && f.facts.resource ? f.h.inputs.find((i) => i.name === lookupKeyOf(f.facts) && i.valid !== undefined) : undefined;
  if (sent) return `{ id: "record-1", ${sent.name}: ${value(sent)}${version} }`;
  // A record the caller relates to as the access model asks, though the request names none (a list of them, TRIAL4 V17).
  return `{ id: "record-1"${f.facts.relation && f.facts.access === "relation" ? `, ${relationFieldOf(f.facts.relation)}: "user-1"` : ""}${version} }`;
}

/** The id of the record seedExpr() seeds, as a TypeScript expression. */
export function seedId(f: Facts): string {
  if (f.link) return '"record-1"';
  if (f.resourceId) return f.resourceId.valueObject.primitive === "string" && f.resourceId.valid !== undefined ? f.resourceId.valid : (f.resourceId.valueObject.valid[0]?.expr ?? f.resourceId.valid!);
  return f.facts.self ? '"user-1"' : '"record-1"';
}

/** An invalid example of an input: preferably a distinctive text, so the test can also prove it is not echoed. */
function pickInvalid(input: HandlerInput): { expr: string; echo?: string } | undefined {
  // Text inputs carry text: only text examples, and the one that is not even of the rule's type.
  const all = input.valueObject.invalid.map((e) => ({ expr: e.expr }));
  const textInvalid = input.valueObject.text?.invalid;
  const examples = input.text ? [...all.filter((e) => e.expr.startsWith('"')), ...(textInvalid ? [{ expr: textInvalid }] : [])] : all;
  const distinctive = examples.find((e) => /^"[^"\\]{3,}"$/.test(e.expr) && /\S{3,}/.test(e.expr));
  const chosen = distinctive ?? examples[0];
  if (!chosen) return undefined;
  return distinctive ? { expr: chosen.expr, echo: chosen.expr } : { expr: chosen.expr };
}

/** The facts every body reads, computed once per use-case. */
export function bodyFacts(b: BodyFacts): Facts {
  const inputs = b.h.inputs;
  const f = b.facts;
  // The resource's own id where the route names an item after it too (/teams/:teamId/members/:memberId).
  // Under a parent the route names (/organisations/:organisationId/members/:memberId), the resource's id is the last parameter (TRIAL4 V18).
  const parents = parentParamsOf(f);
  const resourceId = f.resource
    ? (inputs.find((i) => i.name === `${f.resource!.camel}Id`) ?? (parents.length ? inputs.find((i) => i.name === f.routeParams[f.routeParams.length - 1]) : undefined) ?? inputs.find((i) => f.routeParams.includes(i.name)))
    : undefined;
  const target = f.enumeration ? (inputs.find((i) => parseRule(i.rule).kind === "email") ?? inputs.find((i) => i !== resourceId) ?? inputs[0]) : undefined;
  const refusableInput = inputs.find((i) => i.name !== eventTypeInputOf(f)?.camel && pickInvalid(i));
  const bad = refusableInput && pickInvalid(refusableInput);
  const piiNames = new Set(f.pii.map((p) => p.camel));
  // A link is redeemed by the token the request carries (an input named ...Token or ...Code, a string in its route, or the
  // guessable thing the use-case looks up): the record is found by the token's hash. The endpoint that issues links opens none.
  const isString = (i: HandlerInput) => parseRule(i.rule).kind === "string";
  const linkInput =
    b.h.link && f.secretLink === "redeem" ? (inputs.find((i) => carriesSecret(i.name) && isString(i)) ?? inputs.find((i) => f.routeParams.includes(i.name) && isString(i)) ?? target) : undefined;
  const linkToken = linkInput?.valueObject.valid[0]?.value;
  const link =
    b.h.link && linkInput && typeof linkInput.valid === "string" && typeof linkToken === "string"
      ? { input: linkInput, token: linkInput.valid, hash: createHash("sha256").update(linkToken).digest("hex"), expiresAt: new Date(Date.parse(b.start) + b.h.link.lifetimeSeconds * 1000).toISOString() }
      : undefined;
  return {
    ...b,
    // A sign-in succeeds only for a password whose stored hash the implementation's own hasher made: no fixture can seed one.
    validRequest: inputs.every((i) => i.valid !== undefined) && !f.credentials && !f.oauthCallback && !proofInputOf(b.h) && (!b.h.signed || signedExample(b.h) !== undefined) && (!b.h.upload || b.h.upload.sample !== undefined),
    ...(target ? { target } : {}),
    // The token in the route names no record by id: the record is looked up by the token's hash.
    ...(resourceId && resourceId !== link?.input ? { resourceId } : {}),
    ...(link ? { link } : {}),
    ...(refusableInput && bad ? { refusable: { name: refusableInput.name, ...bad } } : {}),
    piiInputs: inputs.filter((i) => piiNames.has(i.name) && i.valid !== undefined),
  };
}

export function resolveBody(c: TestCase, facts: Facts): Resolution {
  // A test of no known kind stays a todo its title describes; there is nothing more to say about what it needs.
  if (!c.body || !(BODY_KEYS as readonly string[]).includes(c.body)) return { needs: "" };
  return RESOLVE[c.body as BodyKey](facts, c.subject);
}
