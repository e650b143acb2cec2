/**
 * Whether a use-case's message goes to the caller's own account (TRIAL6 U3): signed in, acting on itself (a /me
 * route, or no --resource), with no enumeration and no input naming someone to send to (an address, a phone
 * number, a recipient, an invitee, a user or member id). A confirmation of the caller's own cancellation goes to
 * the address on file: no request can aim it at a victim, so a per-recipient cap or a spent send budget must not
 * refuse the change (capability-sends-message-own), where a message to whom the request names is capped
 * (capability-sends-message-told, -hidden).
 */
import { AUDIENCE_CAPABILITIES } from "./message-channels.js";
import type { UseCaseFacts } from "./facts.js";

const NAMES_SOMEONE = /e-?mail|phone|mobile|msisdn|recipient|invitee|grantee|^(?:user|member|person|contact|customer|collaborator|account)Id$|address$/i;

export const ownRecipientOf = (f: Pick<UseCaseFacts, "capabilities" | "auth" | "self" | "enumeration" | "inputs">): boolean =>
  f.capabilities.includes("sends-message") &&
  !f.capabilities.some((c) => AUDIENCE_CAPABILITIES.includes(c)) &&
  f.auth !== "anonymous" &&
  f.self &&
  f.enumeration === undefined &&
  !f.inputs.some((i) => NAMES_SOMEONE.test(i.names.camel));
