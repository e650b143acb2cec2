/**
 * The answers' errors that report a failure of the external system the request calls (`RefundFailed:502:the
 * payment provider refused the refund` beside --capability external-call): known only from the call's outcome, so
 * checked after the call, never before it (TRIAL6 U11); and since the call is made before anything is saved, the
 * change is not made when it fails.
 */
import type { UseCaseFacts } from "./facts.js";

export const externalErrorsOf = (f: Pick<UseCaseFacts, "capabilities" | "errors">): UseCaseFacts["errors"] =>
  f.capabilities.includes("external-call") ? f.errors.filter((e) => e.status === 502 || e.status === 503 || e.status === 504 || REFUSED_THERE.test(e.when ?? "")) : [];

/**
 * A condition that the external system says no (`PaymentDeclined:402:the provider declines the prorated charge`,
 * "the bank rejects the transfer"): a refusal its API documents, known from the call's answer as a 5xx is (TRIAL17A A3),
 * so never checked before the call is made.
 */
const REFUSED_THERE = /\b(?:provider|gateway|processor|bank|issuer|acquirer|external system|carrier|registrar|stripe|paypal|adyen|braintree)\b[^.;]*\b(?:declin|refus|reject|den(?:y|ies)|fail)/i;

/**
 * The key a call from a change carries where the request gives none: the record's id and the version the change starts
 * from, the same on every retry of that change. A call to a URL the request gives fetches it (metadata, a feed) or
 * pings it: no command of the other system's to make once, so no key (TRIAL18B E11).
 */
export const derivedCallKeyOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "inputs" | "urlInput">): string | undefined =>
  f.resource && !f.urlInput && (f.flow === "change" || f.flow === "delete") && !f.inputs.some((i) => i.names.camel === "idempotencyKey") ? `"${f.resource.camel}:" + target.id + ":" + target.version` : undefined;
