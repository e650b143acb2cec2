/**
 * What resolving a body key gives (a body template and its data, or what the test needs instead), and the small
 * helpers the body tables share.
 */
import type { EventModel, HandlerInput, HandlerModel } from "../model.js";
import { relationFieldOf } from "../names.js";
import { parseRule } from "../rules.js";
import { namesOneTimeCode } from "../word-checks.js";
import type { Facts } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { signable } from "./signed-request.js";

/** What a body key resolves to, for the facts of one use-case (and the subject a test names: an event, an error). */
export type Resolver = (f: Facts, subject?: string) => Resolution;

/** What a body template gets, besides the handler (`@root.h`) and the file's helpers (`@root.t`). */
export type BodyData = Record<string, unknown>;

/** A body, or what the test needs instead: real infrastructure, or what only a person knows. */
export type Resolution = { partial: BodyKey; data: BodyData; uses: Uses[]; handlerNames?: string[] } | { needs: string; infrastructure?: true };

/** File-level helpers a body calls, so the file defines only those it uses. */
export type Uses = "seed" | "problem" | "event" | "command";

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

/** A needs-statement when no valid request can be written, else undefined. */
export const valid = (f: Facts): Resolution | undefined => (f.validRequest ? undefined : { needs: NO_VALID(f) });

export const body = (partial: BodyKey, uses: Uses[], data: BodyData = {}, handlerNames: string[] = []): Resolution => ({ partial, data, uses, ...(handlerNames.length ? { handlerNames } : {}) });

export const person = (needs: string): Resolution => ({ needs });

/** A body of a use-case that sends messages (its outbox entry and send job), else what it needs. */
export const sends = (f: Facts, make: (m: NonNullable<HandlerModel["messages"]>) => Resolution): Resolution =>
  f.h.messages ? make(f.h.messages) : person("a use-case that sends messages: its outbox entry and send job");

export const infrastructure = (needs: string): Resolution => ({ needs, infrastructure: true });

export const requestEvents = (f: Facts): EventModel[] => f.events.filter((e) => !e.emitter);

/** The valid request's values that no other field could hold by chance (text of 4 characters or more, numbers of 3 digits or more), as JSON. */
export const distinctiveValues = (f: Facts): string[] =>
  f.h.inputs
    .map((i) => i.valueObject.valid[0]?.value)
    .filter((v): v is string | number => (typeof v === "string" && v.length >= 4 && !/^(.)\1*$/.test(v)) || (typeof v === "number" && Math.abs(v) >= 100))
    .map((v) => JSON.stringify(v));

/** An example of each personal-data field, as the stored record holds it. */
export const storedPii = (f: Facts): { name: string; value: string }[] =>
  f.facts.pii.map((p) => ({ name: p.camel, value: JSON.stringify(/mail/i.test(p.camel) ? "ada@example.com" : `${p.kebab}-of-ada`) }));

/**
 * Whether the valid request succeeds each time it is repeated: not a change along a transition
 * (the record has moved on), a delete (nothing left) or an erasure (one is pending).
 */
export const repeatable = (f: Facts): boolean =>
  !(f.facts.flow === "delete" || (f.facts.flow === "change" && f.facts.transitions.length > 0) || f.facts.capabilities.includes("erasure"));

export const has = (f: Facts, port: string): boolean => f.h.ports.some((p) => p.name === port);

/** The field that ties a record to the caller: the relation's id (`hostId`, `billingAdminId` for "billing admin"), else `ownerId`. */
export const ownerField = (f: Facts): string => relationFieldOf(f.facts.relation ?? "owner");
