/**
 * Who an audit record names, in the plan's words and in the handler's pseudo-code: a signed-in caller's id, or for an
 * anonymous request what it names (TRIAL9 W4). One place, so the pseudo-code never writes an actor id the request has not.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

type AuditFacts = Pick<UseCaseFacts, "auth" | "signature" | "credentials" | "oauthCallback" | "enumeration" | "secretLink">;

/**
 * Who an audit record names. A signed-in caller is the actor its credential names; an anonymous request has no
 * credential: a sign-in or a request naming an account records that account (by id when it exists, by a keyed hash of
 * the name given when not, never the email itself), a signed delivery its sender, anything else the client (TRIAL9 W4).
 */
export function auditWhoOf(f: AuditFacts): { auditWho: string; auditWhoKept: string } {
  const kept = "not hashed, so the trail still answers who after any key rotation; the audit store is access-controlled";
  if (f.auth !== "anonymous") return { auditWho: "the actor's id as the credential names it", auditWhoKept: `the actor's id, as the credential names it: ${kept}` };
  if (f.signature) return { auditWho: "the sender its signature proves, and the delivery's id", auditWhoKept: `the sender its signature proves, and the delivery's id; the audit store is access-controlled` };
  if (f.credentials || f.oauthCallback || f.enumeration === "account") {
    const account = "the account the request names, by its id where it exists and else by a keyed hash of the name given, never the name itself; and the client's address";
    return { auditWho: account, auditWhoKept: `${account}; ids ${kept}` };
  }
  if (f.secretLink === "redeem") return { auditWho: "the account the link was issued for (its id), and the client's address", auditWhoKept: `the account the link was issued for (its id, ${kept.replace("; the", "), and the client's address; the")}` };
  return { auditWho: "no signed-in actor: the client's address and user agent", auditWhoKept: "no signed-in actor: the client's address and user agent; the audit store is access-controlled" };
}

/**
 * The who of the pseudo-code's audit.record(...), as auditWhoOf says it: the actor id where a credential names one; an
 * anonymous request's account by id or a keyed hash of the name given, a signed delivery's sender, a link's account,
 * or the client (fix14b: "actor id" on an anonymous request named an actor it does not have).
 */
export function auditWhoArgsOf(f: AuditFacts): string {
  if (f.auth !== "anonymous") return "actor id";
  if (f.signature) return "sender, delivery id";
  if (f.credentials || f.oauthCallback || f.enumeration === "account") return "account id or keyed hash of the name given, client address";
  if (f.secretLink === "redeem") return "the link's account id, client address";
  return "client address, user agent";
}
