/**
 * A machine-to-machine caller (TRIAL17C C13): another system of ours or a partner's (a warehouse system) calls with a
 * token it got by the OAuth client-credentials grant, with no user behind it. Its summary says machine to machine or
 * client credentials, or its actor or role is named as a system or service (warehouse-system, "Billing service").
 * Which client may change which record is then a scope of the client's, not a person's role, and a source that sends
 * absolute values (a stock level) may deliver them late or twice, so an older one must not win.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

/** A name that is a system's, not a person's: it ends in system, service, integration, daemon or bot. */
const SYSTEM_NAME = /(?:^|[-_\s])(?:system|service|integration|daemon|bot)s?$/i;

export const machineClientOf = (f: Pick<UseCaseFacts, "auth" | "roles" | "summary">, actor: string): boolean =>
  f.auth !== "anonymous" &&
  (/\bmachine[-\s]to[-\s]machine\b|\bclient[-\s]credentials?\b|\bm2m\b/i.test(f.summary ?? "") || SYSTEM_NAME.test(actor.trim()) || f.roles.some((r) => SYSTEM_NAME.test(r)));
