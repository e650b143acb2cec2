/**
 * Bodies of tests about other systems: calls out through a port (timeouts, retries, a breaker) and signed
 * deliveries in (signatures, repeats, unhandled types).
 */
import { eventTypeInputOf, signatureErrorOf, stripeSchemeOf } from "../facts.js";
import type { HandlerModel } from "../model.js";
import { parseRule } from "../rules.js";
import type { Facts } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { body, distinctiveValues, has, infrastructure, person, type Resolution, type Resolver, valid, variantExpr } from "./resolution.js";
import { signedExample } from "./signed-request.js";

/**
 * A body of a request that calls the external system itself, against the port's fake, else what it needs: a job
 * makes an accepted request's call, and an erasure's happens when its purge runs.
 */
const callsOut = (f: Facts, make: (x: NonNullable<HandlerModel["external"]>) => Resolution): Resolution =>
  valid(f) ??
  (f.h.external && f.facts.flow !== "async" && !f.facts.capabilities.includes("erasure")
    ? make(f.h.external)
    : person("the external system's port and its fake in the job that makes the call: the job run with the fake timing out, failing or answering nonsense"));

export const EXTERNAL_AND_WEBHOOK_BODIES = {
  // A webhook endpoint's verification ping (fix15c): the real HTTP client and an endpoint the test controls.
  "webhook-ping-signed": () => person("an endpoint the test controls recording the ping it receives, and the signing scheme the plan states: its signature verified with the signing secret handed out, its body holding only the ping type, the endpoint's id and the challenge"),
  "webhook-ping-challenge": () => person("an endpoint the test controls answering the ping 200 without the challenge, and one answering 302, each failing the verification and no event delivered to it"),
  "webhook-ping-answer": () => person("an endpoint the test controls answering the ping with a distinctive body, absent from the caller's answer and the logs"),
  // A delivery to a customer's stored endpoint (TRIAL18B E8): what is kept of its answer, and how it is signed.
  "stored-url-answer": () => person("an endpoint the test controls answering a delivery with a large, distinctive HTML body: the delivery's log read back holding only its status, duration and first few KB, and none of it in the request's answer"),
  "stored-url-signed": () => person("an endpoint the test controls recording the delivery it receives, and the signing scheme the plan states: the signature verified with the endpoint's secret over the delivery's id, timestamp and raw body"),
  // A retry of a delivery (TRIAL18B E20): the store's conditional update, and what is sent again.
  "delivery-retry-once": () => infrastructure("the real store and the delivery seeded failed: two retries sent at once, and the automatic retry's job run beside them, with exactly one attempt made and the others refused as in progress"),
  "delivery-retry-same": () => person("an endpoint the test controls recording what it receives: the retried delivery's body and id equal to the first attempt's, its timestamp new and its signature verifying with the endpoint's current secret"),
  // A mailing list's unsubscribe link (TRIAL18B E5): the one-click POST, a safe GET, suppression and the mail's headers.
  "unsubscribe-one-click": () => person("the HTTP endpoint as the mail provider calls it: a form-encoded POST of List-Unsubscribe=One-Click with no cookie, then the subscription read back unsubscribed and the answer 200 with no Set-Cookie and no Location"),
  "unsubscribe-get-safe": () => person("the HTTP endpoint as a mail scanner calls it: a GET of the link, then the subscription read back unchanged and the page's button posting to the link"),
  "unsubscribe-suppressed": () => person("the list's send queue and its import: a mail queued for the address before the unsubscribe not sent after it, and the address imported again left unsubscribed"),
  "unsubscribe-headers": () => person("a mail of the list as the sender builds it: its List-Unsubscribe and List-Unsubscribe-Post headers, and both among the DKIM signature's signed headers (h=)"),
  // An inbound mail's delivery (webhook-signed-inbound-mail): what the provider's payload says of the mail, which only
  // its real parser and the mail store's fakes can stand for.
  "inbound-mail-sender": () => person("the provider's payload as it delivers a mail (its SPF, DKIM and DMARC verdicts, the From) and a thread with its known addresses: one delivery failing DMARC and one from an unknown address, each kept for review and neither added as a reply"),
  "inbound-mail-reply-only": () => person("a thread seeded with its state and assignee, and a delivery whose body also asks to close, reassign or show the thread: only a reply added, the thread otherwise unchanged"),
  "inbound-mail-auto-reply": () => person("deliveries carrying Auto-Submitted: auto-replied (or Precedence: bulk), and more replies to one thread than the hourly cap: each kept, no notification sent and the thread not reopened"),
  "inbound-mail-attachment": () => person("the attachment store and the malware scanner's fake: a delivery with an attachment over the size cap, one over the count cap and one the scanner flags, none of them stored where an agent can open it"),
  "signature-refused": (f) =>
    valid(f) ?? (f.h.signed ? body("signature-refused", ["seed", "problem"], { forged: signedExample(f.h)?.forged, status: signatureErrorOf(f.facts)?.status ?? 401, outbox: has(f, "outbox"), scheduler: has(f, "scheduler") }) : person("a request its sender signs: an input carrying the signature (a webhook)")),
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
  "signature-constant-time": () =>
    person("a review of the implementation (or a lint rule): the signature compared with crypto.timingSafeEqual over two digests of equal length; timing differences cannot be measured against in-memory fakes"),
  // A repeated delivery is the same request again: the first answer, nothing saved or published twice.
  "delivery-repeated": (f) => valid(f) ?? (f.h.receivedBy ? body("delivery-repeated", ["seed"], { outbox: has(f, "outbox"), eventId: f.h.receivedBy }) : body("idempotent-replay", ["seed"], { outbox: has(f, "outbox") })),
  // Stripe's scheme is known (TRIAL17A A12): the timestamp is its header's t=, nothing left to ask.
  "delivery-stale": (f) =>
    person(
      stripeSchemeOf(f.facts)
        ? "the t= of the Stripe-Signature header parsed into the contract's request (the signature covers it): a delivery signed 301 seconds ago is then refused"
        : "the sender's signed timestamp as an input of the contract (its header, and what the signature covers): the plan asks which scheme the sender uses, and a delivery signed 301 seconds ago is then refused",
    ),
  "external-idempotency-key": (f) =>
    callsOut(f, (x) =>
      x.keyInput
        ? body("external-idempotency-key", ["seed", "problem"])
        : person("an idempotency key the request carries (an Idempotency-Key input): the same request twice, and the key of both calls compared")),
  "external-then-save": () =>
    person("the way the plan chooses (reserve then confirm, a pending record and an outbox-driven call, or undoing the external action) and the external system's operation that undoes the action: the save failed after the call to the external system's fake, and that operation checked called"),
  // The slow work is what the contract has ports for: a job it schedules, entries in its outbox; else the plan names none yet.
  "webhook-quick-answer": (f) => {
    const work = [has(f, "scheduler") ? "the job it schedules" : "", has(f, "outbox") ? "its outbox entries" : ""].filter(Boolean);
    return person(`${work.length ? `the slow work a delivery starts (${work.join(" and ")})` : "the slow work a delivery starts, which the plan names none of yet (a job it schedules, or an event it emits)"}: the answer given before it has run, the work found scheduled`);
  },
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
    valid(f) ?? (f.h.signed && signedExample(f.h) ? body("signing-secret-not-logged", ["seed", "problem"], { forged: signedExample(f.h)!.forged, status: signatureErrorOf(f.facts)?.status ?? 401, outbox: has(f, "outbox") }) : person("a request its sender signs")),
  // A plan change's two paths (TRIAL19C F5): which plan is above which, and the provider's period end, are the team's.
  "plan-downgrade-scheduled": () => person("the plans' order and the fake provider's subscription with its current period end: a downgrade asked, then no call made, the plan unchanged, and one run scheduled at that period end"),
  "plan-upgrade-supersedes": () => person("the plans' order and a downgrade pending with its scheduled run: an upgrade charged, applied at once, and the pending run cancelled (or finding nothing to do)"),
} satisfies Partial<Record<BodyKey, Resolver>>;
