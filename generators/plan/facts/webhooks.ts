/**
 * A signed delivery (a provider's webhook): the input carrying its signature, its own id, its event type and its
 * timestamp, and a webhook planned as signed-in.
 */
import type { Names } from "../names.js";
import type { PlanInput } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** A webhook's signature: an input named ...Signature (`Signature`, `StripeSignature`, `XHubSignature256`). */
export const isSignature = (camel: string): boolean => /(?:^s|S)ignature(?:\d+)?$/.test(camel);

/**
 * The input that signs the request, when its sender signs it (a provider's webhook): an anonymous
 * POST, PUT or PATCH with an input named like a signature, or `--capability webhook`. Such a request
 * is not credential-free: the signature over the raw body is the credential.
 */
export function signatureInputOf(auth: string, method: string, capabilities: readonly string[], inputNames: readonly string[]): string | undefined {
  if (auth !== "anonymous" || method === "GET" || method === "DELETE") return undefined;
  const named = inputNames.find(isSignature);
  if (named) return named;
  return capabilities.includes("webhook") ? "signature" : undefined;
}

/**
 * A signed delivery's own id, the sender's event id (`EventId`, `DeliveryId`, `WebhookId`, `X-GitHub-Delivery`,
 * `Svix-Id`): what a redelivery repeats, so the receiver answers it 2xx again and changes nothing (TRIAL4 V5).
 */
export function deliveryIdOf(f: Pick<UseCaseFacts, "signature" | "inputs">): Names | undefined {
  if (!f.signature) return undefined;
  return f.inputs.find((i) => (/Id$/.test(i.names.camel) && /event|delivery|webhook|notification|svix/i.test(i.names.camel)) || /Delivery$/.test(i.names.camel))?.names;
}

/**
 * A signed delivery's event type (`EventType`, `Type`, `X-GitHub-Event`): a sender sends every type the account
 * subscribes to, and retries anything but a 2xx, so a type this receiver does not handle is acknowledged (2xx),
 * kept as received and changes nothing, never refused with 400 (TRIAL4 V5).
 */
export function eventTypeInputOf(f: Pick<UseCaseFacts, "signature" | "inputs">): Names | undefined {
  if (!f.signature) return undefined;
  return f.inputs.find((i) => /^(?:(?:x[A-Z][A-Za-z]*)?[Ee]vent(?:Type|Name)?|(?:event|webhook|notification)?[Tt]ype|eventKind|kind)$/.test(i.names.camel))?.names;
}

/** A signed delivery's signed timestamp (`Timestamp`, `StripeTimestamp`, `X-Slack-Request-Timestamp`): an old one is a replay (TRIAL4 V5). */
/**
 * Whether the signature arrives in Stripe's own header (`Stripe-Signature`, `t=...,v1=...`): the scheme is then known,
 * the timestamp its t=, and no question asks which header carries what (TRIAL17A A12).
 */
export const stripeSchemeOf = (f: Pick<UseCaseFacts, "signature" | "inputs">): boolean =>
  f.signature !== undefined && f.inputs.some((i) => i.names.camel === f.signature!.camel && i.location === "header" && i.names.kebab === "stripe-signature");

/**
 * The answers' own error for a signature that does not verify (`InvalidSignature:400:the Stripe-Signature header does not
 * match the raw body`): the signature check's answer, said once in place of the webhook pack's 401 (TRIAL17A A4).
 */
export const signatureErrorOf = (f: Pick<UseCaseFacts, "signature" | "errors">): UseCaseFacts["errors"][number] | undefined =>
  f.signature ? f.errors.find((e) => (e.status === 400 || e.status === 401 || e.status === 403) && /signature/i.test(`${e.name} ${e.when ?? ""}`)) : undefined;

export function deliveryTimestampOf(f: Pick<UseCaseFacts, "signature" | "inputs">): Names | undefined {
  if (!f.signature) return undefined;
  return f.inputs.find((i) => /(?:^t|T)imestamp$/.test(i.names.camel))?.names;
}

/**
 * Whether a signed-in caller was given to a webhook (`--capability webhook --auth authenticated`): a provider's
 * delivery carries no user's session or token; its signature over the raw body is the credential. The plan takes the
 * caller as the signed sender, and warningsOf says so in one line.
 */
export const webhookSignedInOf = (input: Pick<PlanInput, "auth" | "method" | "capabilities">): boolean =>
  input.capabilities.includes("webhook") && input.auth !== "anonymous" && input.method !== "GET" && input.method !== "DELETE";

/**
 * Whether the use-case registers (or changes) an endpoint of the caller's that we then call, and calls it now: a URL the
 * request gives with `--capability external-call`, where the words (use-case, route, summary) say webhook or callback,
 * or the answer hands out the endpoint's signing secret. That call is a verification ping, not a generic call to an
 * external system: signed with the endpoint's secret, answered 2xx with the challenge echoed (capability-external-call-
 * webhook-ping). A feed or a file fetched from a URL is none.
 */
export const webhookEndpointOf = (f: Pick<UseCaseFacts, "flow" | "urlInput" | "capabilities" | "route" | "summary" | "response">, useCase: string): boolean =>
  (f.flow === "create" || f.flow === "change") &&
  f.urlInput &&
  f.capabilities.includes("external-call") &&
  (/webhook|call-?back/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`) || f.response.some((r) => /^(?:signing|webhook|endpoint)Secret$/.test(r.camel)));

/**
 * Whether an external call goes to a URL a customer stored earlier, not to a host of ours: a webhook delivery (or its
 * retry) to the customer's endpoint, a callback URL, with no URL input and nothing received (TRIAL18B E8). No
 * allow-list of configured hosts lists it, so the SSRF defences of a URL from a request apply at every attempt.
 */
// A sign-in callback (an OAuth or SSO one) is called by the provider; its own call goes to the provider's configured
// endpoints, never to a customer's stored URL: "each delivery signed with the endpoint's own secret" was said of it.
const SIGN_IN_CALLBACK = /\bsaml\b|\bsso\b|single sign-?on|\boidc\b|\boauth\b|sign-?in|log-?in/i;
export const storedUrlCallOf = (f: Pick<UseCaseFacts, "urlInput" | "capabilities" | "route" | "summary" | "signature" | "oauthCallback">, useCase: string): boolean => {
  const words = `${useCase} ${f.route} ${f.summary ?? ""}`;
  return !f.urlInput && f.signature === undefined && f.capabilities.includes("external-call") && (/webhook/i.test(words) || (/call-?back/i.test(words) && !f.oauthCallback && !SIGN_IN_CALLBACK.test(words)));
};

/** Words that say a delivery is a mail received (an inbound e-mail, a reply by mail), not an event about mail sent. */
const MAIL_WORDS = /\be-?mails?\b|\bmail\b/i;
const MAIL_EVENT_WORDS = /\b(?:events?|status(?:es)?|bounces?|deliver(?:y|ies)|complaints?|opens?|clicks?)\b/i;
/** A name that says the mail is received, not only that one is sent besides ("... and email the receipt"). */
const MAIL_RECEIVED = /\b(?:inbound|incoming|reply|replies|forwarded)\b/i;

/**
 * A signed delivery of a mail its provider received for us (an inbound e-mail parsed and posted: a reply to a ticket),
 * not an event a provider reports (a charge, a push, a mail's bounce): its route or name says mail and no event type
 * is among its inputs, or its inputs are a mail's (a Subject, a From address). What a reviewer asks of one is the
 * sender's SPF/DKIM/DMARC verdict, the reply token, attachments, auto-replies and quoted history, never a refund
 * that arrives before its charge (TRIAL11 Y15).
 */
export function inboundMailOf(f: Pick<UseCaseFacts, "signature" | "inputs" | "route">, useCase: string): boolean {
  if (!f.signature || eventTypeInputOf(f)) return false;
  const route = f.route.replace(/[/:_-]+/g, " ");
  const words = MAIL_RECEIVED.test(useCase) ? `${route} ${useCase}` : route;
  const mailInputs = f.inputs.some((i) => /^subject$/i.test(i.names.camel)) && f.inputs.some((i) => /^(?:from|sender)(?:Address|Email)?$/i.test(i.names.camel));
  return mailInputs || (MAIL_WORDS.test(words) && !MAIL_EVENT_WORDS.test(words));
}

/** Statuses a sender is told by design (a bad or missing signature, too many deliveries, too large): no retry question. */
const SENDER_FAULTS = new Set([400, 401, 403, 413, 415, 429]);

/**
 * The answers' errors a signed delivery is refused with though its sender did nothing wrong (a 422 for a reply token
 * that names no open ticket): a sender retries anything but a 2xx, and a mail provider bounces the mail to its author,
 * so the plan asks whether the delivery is rather kept and answered 2xx, changing nothing (TRIAL11 Y14).
 */
export function retriedDeliveryErrorsOf(f: Pick<UseCaseFacts, "signature" | "errors">): UseCaseFacts["errors"] {
  if (!f.signature) return [];
  return f.errors.filter((e) => e.status < 500 && !SENDER_FAULTS.has(e.status));
}
