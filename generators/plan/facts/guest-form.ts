/**
 * A public form a guest fills in (Submit a support ticket as a guest, TRIAL17C C6): an anonymous create that keeps free
 * text or writes back to an address it was given. The guest has no account, so a message to it names the new record
 * (whose stored address the send job reads), is an acknowledgement with no preference to turn off, and must not carry
 * the guest's text to an address nobody verified; and bots fill public forms, so a challenge is the reviewer's ask.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

type AddressFacts = Pick<UseCaseFacts, "auth" | "flow" | "enumeration" | "enumeratesCreated" | "secretLink" | "oneTimeCode" | "inputs">;

/**
 * The address a create keeps and writes to: a guest's (below), or one a signed-in caller names for a person who may have
 * no account (Invite a member by e-mail: the invitation keeps the invited address, TRIAL18B E10). A message to it names
 * the new record, whose stored address the send job reads, never a recipient id that does not exist. Undefined for a
 * reset, a code or an anonymous link sent to an account the address names: that goes to the account.
 */
export function keptAddressOf(f: AddressFacts): { pascal: string } | undefined {
  // An enumeration that names the record the create adds (a waitlist entry) keeps the address on it all the same.
  if (f.flow !== "create" || (f.enumeration && !f.enumeratesCreated) || f.oneTimeCode || (f.auth === "anonymous" && f.secretLink)) return undefined;
  return f.inputs.find((i) => i.location === "body" && /^(?:e-?mail(?:address)?|phone(?:number)?|mobile(?:number)?)$/i.test(i.names.camel))?.names;
}

/** The address an anonymous create keeps and writes back to (Email, Phone): a guest's, who has no account and gave no link. */
export const guestAddressOf = (f: AddressFacts): { pascal: string } | undefined => (f.auth === "anonymous" && !f.secretLink ? keptAddressOf(f) : undefined);

/** A public form: an anonymous create of free text or of an address to write back to, with no credential of any kind (a signature, a password, a provider's code). */
export const anonymousFormOf = (f: UseCaseFacts): boolean =>
  f.auth === "anonymous" && f.flow === "create" && !f.signature && !f.credentials && !f.oauthCallback && !f.tokenRefresh && (!f.enumeration || f.enumeratesCreated === true) && !f.secretLink && !f.oneTimeCode &&
  (f.storedText.length > 0 || guestAddressOf(f) !== undefined);
