/**
 * Secrets the use-case issues, redeems or hands out: a secret link's end, the secret a request presents and how
 * strong it is, a code a person types, an API key, response fields holding a long-lived secret.
 */
import type { PackPlaceholder } from "../../../lib/packs/pack.js";
import { isMessageRefinement } from "../message-channels.js";
import { type Names, namesOf } from "../names.js";
import { ruleText } from "../rules.js";
import type { PlanInput } from "../schema.js";
import { GUESSABLE_BITS, secretBitsOf } from "../secret-strength.js";
import { saysActsOnMissing, saysCodeNotLink } from "../word-checks.js";
import type { InputFact, UseCaseFacts } from "./use-case-facts.js";

/**
 * Whether a secret link opens an account, read from what the use-case is called (its name, route and
 * scheduled command: "Request password reset", `/api/auth/sign-in-links`, `ExpirePasswordResetToken`).
 * Whoever holds such a link takes the account over while it lives, so it lives briefly (the built-in
 * capability-secret-link-recovery pack). An invitation, a sign-up's link or a share link is not one.
 */
export function opensAccountOf(capabilities: readonly string[], words: string): boolean {
  // A sign-up's verification link ("Sign up with email and password") or an invitation's opens no account that exists:
  // there is none to take over, so no reset's hour and no question on its other sessions (TRIAL8 V8).
  return capabilities.includes("secret-link") && /password|passphrase|recover|reset|magic.?link|passwordless|(?<![a-z])(?:sign|log).?ins?(?![a-z])/i.test(words) && !saysActsOnMissing(words);
}

export type SecretLinkRole = "issue" | "redeem";

/** The capabilities that say which end of a secret link a use-case is; either also means `secret-link`. */
export const SECRET_LINK_ROLES: Record<SecretLinkRole, string> = { issue: "secret-link-issue", redeem: "secret-link-redeem" };

/** A capability that only refines another (a secret link's end, a message's channel): no pack needs to declare it. */
export const isRefinement = (c: string): boolean => Object.values(SECRET_LINK_ROLES).includes(c) || isMessageRefinement(c);

/**
 * An input or route parameter that carries a link's secret: its name ends in Token, Code or Secret
 * (`:token`, `InviteCode`, `ResetToken`), but not a code that names a thing rather than granting
 * access (a country's, a postal or a currency code).
 */
export const carriesSecret = (camel: string): boolean =>
  /(?:^|[a-z0-9])(?:token|Token|code|Code|secret|Secret)$/.test(camel) && !/^(?:country|zip|post|postal|area|language|lang|currency|region|locale|status|error|bar|colou?r)Code$|^(?:postcode|barcode|zipcode)$/i.test(camel);

/**
 * Which end of a secret link the use-case is. Said explicitly (`--capability secret-link-issue` or
 * `secret-link-redeem`), or inferred: a request that carries the secret (a `:token` route parameter,
 * an input named ...Token, ...Code or ...Secret) redeems it; any other makes it, so it issues.
 */
export function secretLinkRoleOf(capabilities: readonly string[], inputNames: readonly string[]): SecretLinkRole | undefined {
  if (capabilities.includes(SECRET_LINK_ROLES.redeem)) return "redeem";
  if (capabilities.includes(SECRET_LINK_ROLES.issue)) return "issue";
  if (!capabilities.includes("secret-link")) return undefined;
  return inputNames.some(carriesSecret) ? "redeem" : "issue";
}

/** The capabilities as packs see them: a secret link's role added beside `secret-link` (and `secret-link` beside a role given alone). */
export function capabilitiesWithRole(capabilities: readonly string[], role: SecretLinkRole | undefined): string[] {
  if (!role) return [...capabilities];
  const out = capabilities.filter((c) => c !== SECRET_LINK_ROLES.issue && c !== SECRET_LINK_ROLES.redeem);
  if (!out.includes("secret-link")) out.push("secret-link");
  out.splice(out.indexOf("secret-link") + 1, 0, SECRET_LINK_ROLES[role]);
  return out;
}

/**
 * Whether the secret this use-case issues is a short code a person types (REVIEW3 Q27: "Send a 6-digit
 * code by SMS"), not a link: its name, summary or route say code, OTP, PIN or digits and never link. Its
 * strength is not entropy but a short life, few tries and caps on sending: capability-one-time-code-issue.
 */
export const oneTimeCodeOf = (f: { secretLink?: SecretLinkRole; route: string; summary?: string }, useCase: string): boolean => {
  const words = `${useCase} ${f.summary ?? ""} ${f.route}`;
  // word-checks.ts's SAYS_CODE and not SAYS_LINK, read as words where the text is ASCII.
  return f.secretLink === "issue" && saysCodeNotLink(words);
};

/**
 * Whether the use-case issues an API key (REVIEW3 Q2): a create whose answer hands out a long-lived secret
 * (secretResponseFieldsOf) and whose name or route says API key, access token or personal token. It is a
 * credential the holder keeps, not a link sent to them: no "one live link per holder", no day-long lifetime;
 * its scopes, count, expiry and revocation are what a reviewer asks about (api-key-issue).
 */
export const apiKeyOf = (f: Pick<UseCaseFacts, "flow" | "response" | "route">, useCase: string): boolean =>
  f.flow === "create" && secretResponseFieldsOf(f).length > 0 && /api[- _]?keys?|access[- _]?tokens?|personal[- _]?(?:access[- _]?)?tokens?|apikeys?/i.test(`${useCase} ${f.route}`);

/**
 * Whether the use-case rotates a key (TRIAL7 U12): a change of an existing record whose name or route says rotate,
 * regenerate, roll or reissue, and whose answer hands out a new secret. It hands out a key just as a create does
 * (api-key-issue's prefix, hash and last use hold for it too), and asks what a create does not: who may rotate (never
 * the key being rotated), both secrets during the grace period, the old one's last use.
 */
export const keyRotationOf = (f: Pick<UseCaseFacts, "flow" | "response" | "route" | "resource">, useCase: string): boolean =>
  f.flow === "change" && f.resource !== undefined && secretResponseFieldsOf(f).length > 0 && /rotat|regenerat|\broll\b|reissu|re-issu/i.test(`${useCase} ${f.route}`);

/**
 * Whether the rotated secret is an OAuth client's (TRIAL17B B10): the client authenticates at the token endpoint by its
 * client_id and secret, and what could rotate itself is a token it got with its own credentials, not an API key.
 */
export const oauthClientRotationOf = (f: Pick<UseCaseFacts, "flow" | "response" | "route" | "resource">, useCase: string): boolean =>
  keyRotationOf(f, useCase) && (/(?:OAuth|Oidc|Api)?Client$/.test(f.resource?.pascal ?? "") || f.response.some((r) => r.camel === "clientSecret") || /oauth/i.test(`${useCase} ${f.route}`));

/** The words of a secret the server signs with: a webhook's signing secret, an HMAC key. */
const SIGNING_SECRET = /signing[- _]?secrets?|\bwebhooks?\b|\bhmac\b/i;

/**
 * Whether a secret the answer hands out is one the server signs with (a webhook's signing secret, LEAD19 L2): the
 * server computes each delivery's signature with it again, so it is kept encrypted, never hashed; nothing authenticates
 * to the server with it.
 */
export const signsWithSecretOf = (f: Pick<UseCaseFacts, "response" | "route"> & Partial<Pick<UseCaseFacts, "auth">>, useCase: string): boolean => {
  const secrets = secretResponseFieldsOf(f);
  return secrets.some((r) => /^(?:signing|webhook)Secret$/.test(r.camel)) || (secrets.length > 0 && SIGNING_SECRET.test(`${useCase} ${f.route}`));
};

/**
 * Whether a key rotation rotates a secret the server signs with (LEAD19 L2): the receiver verifies what the server
 * sends, so during the grace period each delivery carries a signature under each secret, where an API key's rotation
 * has both secrets authenticate the caller; and no request is made with it, so none could rotate itself.
 */
export const signingSecretRotationOf = (f: Pick<UseCaseFacts, "flow" | "response" | "route" | "resource">, useCase: string): boolean =>
  keyRotationOf(f, useCase) && !oauthClientRotationOf(f, useCase) && signsWithSecretOf(f, useCase);

/**
 * Response fields that hand out a long-lived secret (signingSecret, apiKey, key, clientSecret): shown once,
 * never kept in clear (REVIEW3 Q20, Q2). A second factor's recovery or backup codes are such secrets too: each
 * signs in instead of the second factor (TRIAL8 V2). A token (a session's, a join token) is the sign-in's or the link's.
 */
export const secretResponseFieldsOf = (f: Pick<UseCaseFacts, "response"> & Partial<Pick<UseCaseFacts, "route" | "auth">>): Names[] =>
  f.response.filter((r) => /^(?:key|secret)$|(?:Secret|ApiKey|apiKey|Password)$|^(?:recovery|backup)Codes?$|(?:Recovery|Backup)Codes?$|^otpauth(?:Uri|Url)$/.test(r.camel) || keptToken(f, r));

/** A `token` a signed-in caller's create of its own token answers; a sign-in's token is its session's (credentials). */
const keptToken = (f: Partial<Pick<UseCaseFacts, "route" | "auth">>, r: Names): boolean =>
  f.auth !== undefined && f.auth !== "anonymous" && TOKEN_COLLECTION.test(f.route ?? "") && TOKEN_FIELD.test(r.camel);

/**
 * A collection of tokens a person keeps and uses as a credential (`/api/me/tokens`, `/access-tokens`,
 * `/personal-access-tokens`, `/api-tokens`): the `token` its create answers is a long-lived secret like an API key,
 * not a session's or a link's (TRIAL18A D13: a personal access token was planned with nothing of a secret).
 */
const TOKEN_COLLECTION = /\/(?:(?:personal-)?access-|api-|personal-|cli-)?tokens\/?$/i;
const TOKEN_FIELD = /^(?:token|(?:access|api|personalAccess|cli)Token)$/;

/** A second factor's recovery or backup codes: secrets the holder writes down, never pasted where a scanner looks. */
const RECOVERY_CODES = /^(?:recovery|backup)Codes?$|(?:Recovery|Backup)Codes?$/;

/** Whether the answer hands out a second factor's recovery or backup codes: each signs in once, in place of a code (fit13b). */
export const recoveryCodesOf = (f: Pick<UseCaseFacts, "response">): boolean => f.response.some((r) => RECOVERY_CODES.test(r.camel));

/**
 * Whether a secret the answer hands out is a second factor's shared seed (a TOTP secret, its otpauth:// URI): the
 * server reads it again to check every code, so it is kept encrypted, never hashed, and an authenticator app takes it
 * as RFC 6238 gives it, with no prefix of ours (TRIAL8 V7). Read from the use-case's name, route and summary.
 */
export const otpSeedOf = (f: Pick<UseCaseFacts, "response" | "route" | "summary">, useCase: string): boolean =>
  secretResponseFieldsOf(f).some((r) => !RECOVERY_CODES.test(r.camel)) && /\b(?:two[- ]?factor|2fa|mfa|multi[- ]?factor|totp|authenticator app|one[- ]time password)\b/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`);

/**
 * How the secrets the answer hands out are made, after "made by a cryptographically secure random generator": a token,
 * key or seed of at least 128 bits; recovery codes about ten of at least 50 bits each, since people type them and each
 * works once, is kept as its own slow hash and is tried only under a cap on wrong codes (fix14b: 128 bits was false).
 */
export function secretBitsWordsOf(f: Pick<UseCaseFacts, "response">): string {
  const [keys, codes] = secretFieldsByKind(f);
  const typed = "10 characters of base32, say, for a person to type; not a token's 128 bits, since each works once, is kept as its own slow hash and is tried at sign-in only under a cap on wrong codes";
  if (!codes) return " (at least 128 bits)";
  if (!keys) return ` as about ten codes of at least 50 bits each (${typed})`;
  return ` (at least 128 bits for ${keys}; ${codes} about ten codes of at least 50 bits each: ${typed})`;
}

/**
 * How the secrets the answer hands out are kept, after "is" and before "and can be rotated": a TOTP seed encrypted, never
 * hashed, as the server reads it again; any other key hashed (or encrypted where the server uses it again); recovery
 * codes each as its own slow hash, whatever is beside them (fix14b).
 */
export function secretStorageOf(f: Pick<UseCaseFacts, "response" | "route" | "summary">, useCase: string): string {
  const [keys, codes] = secretFieldsByKind(f);
  const key = otpSeedOf(f, useCase)
    ? "kept only encrypted, never hashed (the server reads it again to check each code), its key in the secret store,"
    : signsWithSecretOf(f, useCase)
      ? "kept only encrypted, never hashed (the server signs each delivery with it again), its key in the secret store,"
      : "stored only as a hash (or encrypted, where the server must use it again, as a webhook's signing secret),";
  const code = "only as hashes, each code its own slow hash (argon2id or bcrypt),";
  if (!codes) return key;
  if (!keys) return `stored ${code}`;
  return `kept as each needs: ${keys} ${key.replace(/^(?:kept|stored) /, "").replace(/,$/, ";")} ${codes} ${code}`;
}

/**
 * How the secrets handed out are replaced later: a key or signing secret by its operator or holder without a deploy;
 * a second factor's seed and recovery codes are one account's own, replaced by their owner (turning the factor off and
 * enrolling again, a new set of codes), never by configuration (TRIAL17B B9).
 */
export function secretRotationOf(f: Pick<UseCaseFacts, "response" | "route" | "summary">, useCase: string): string {
  const [keys, codes] = secretFieldsByKind(f);
  const seed = "replaced only by its owner, who turns the second factor off (with its own proof of the account) and enrols again";
  const set = "replaced by its owner with a new set, which ends every unused code of the old one at once";
  const key = otpSeedOf(f, useCase) ? seed : "can be rotated or revoked without a deploy";
  if (!codes) return otpSeedOf(f, useCase) ? `is ${seed}` : key;
  if (!keys) return `is ${set}`;
  return `${keys} ${otpSeedOf(f, useCase) ? `is ${seed}` : key}; ${codes} is ${set}`;
}

/** The secret response fields split into keys, tokens and seeds, and recovery codes, each as a list ("" where none). */
function secretFieldsByKind(f: Pick<UseCaseFacts, "response">): [string, string] {
  const fields = secretResponseFieldsOf(f).map((n) => n.camel);
  return [fields.filter((n) => !RECOVERY_CODES.test(n)).join(", "), fields.filter((n) => RECOVERY_CODES.test(n)).join(", ")];
}

/**
 * Whether a scanner prefix fits every secret the answer hands out: a key its holder pastes into configs and code
 * (an API key, a signing secret), not a second factor's seed or recovery codes (TRIAL8 V7).
 */
export const secretPrefixFitsOf = (f: Pick<UseCaseFacts, "response" | "route" | "summary">, useCase: string): boolean =>
  !otpSeedOf(f, useCase) && !secretResponseFieldsOf(f).some((r) => RECOVERY_CODES.test(r.camel));

/** The input carrying the secret a redeeming request presents (an input named ...Token, ...Code or ...Secret), where there is one. */
export function secretInputOf(input: PlanInput, inputs: readonly InputFact[]): { secretInput?: UseCaseFacts["secretInput"] } {
  const at = input.valueObjects.findIndex((v) => carriesSecret(namesOf(v.name).camel));
  if (at < 0) return {};
  const vo = input.valueObjects[at]!;
  const bits = secretBitsOf(vo.rule);
  return { secretInput: { names: inputs[at]!.names, location: inputs[at]!.location, rule: ruleText(vo.rule), ...(bits !== undefined ? { bits } : {}) } };
}

/** The redeemed secret, where its rule bounds it below 128 bits (an 8-character invite code): its name, rule and size. */
export function shortSecretOf(f: Pick<UseCaseFacts, "secretInput">): { name: string; rule: string; bits: number } | undefined {
  const s = f.secretInput;
  return s && s.bits !== undefined && s.bits < 128 ? { name: s.names.pascal, rule: s.rule, bits: s.bits } : undefined;
}

/**
 * Whether the secret is a code a person types, not a link: one issued as a short code (oneTimeCodeOf), or one redeemed
 * from an input named ...Code typed into the body or a header (`VerificationCode`); a code in the URL came in a link.
 */
export const secretIsCodeOf = (f: Pick<UseCaseFacts, "secretLink" | "secretInput" | "oneTimeCode">): boolean =>
  f.oneTimeCode === true || (f.secretLink === "redeem" && !secretInUrlOf(f) && /(?:^c|[a-z0-9]C)ode$/.test(f.secretInput?.names.camel ?? ""));

/** An input that names when a link expires (`ExpiresAt`, `Expiry`, `ValidUntil`, `ExpiresInDays`, `TtlSeconds`). */
const EXPIRY_INPUT = /^(?:expiresAt|expiresOn|expiry|expiryDate|expiryTime|expiration|expirationDate|expirationTime|validUntil|expiresIn(?:Seconds|Minutes|Hours|Days)?|ttl(?:Seconds|Minutes|Hours|Days)?)$/i;

/**
 * The input by which the issuing request gives its link's expiry (a share link the owner sets to expire at a time): the
 * link then expires when asked, bounded by a longest expiry, not at a lifetime of the plan's (TRIAL12 Z1).
 */
export const requestedExpiryOf = (f: Pick<UseCaseFacts, "secretLink" | "inputs">): InputFact | undefined =>
  f.secretLink === "issue" ? f.inputs.find((i) => EXPIRY_INPUT.test(i.names.camel)) : undefined;

/** A link no message sends and that opens no account is the caller's to hand out, a share link: several live at once, a new one revoking none (TRIAL12 Z3). */
export const sharedLinkOf = (f: Pick<UseCaseFacts, "secretLink" | "accountRecovery" | "capabilities" | "route" | "summary">, useCase = ""): boolean =>
  f.secretLink === "issue" && f.accountRecovery !== true && !f.capabilities.some((c) => c.startsWith("sends-message")) && !feedLinkOf(f, useCase);

/** Words of a secret URL an app subscribes to and polls: an iCal or calendar feed, an RSS or Atom feed. */
const FEED = /\b(?:i-?cal(?:endar)?|ics|webcal|calendar[- ]?(?:feeds?|subscriptions?)|(?:rss|atom) feeds?|feed[- ]?urls?)\b/i;

/**
 * Whether the secret link is a feed URL the caller's own calendar or feed app subscribes to (Get a private iCal feed
 * URL: TRIAL17C C7): the app polls it for months, so it lives until its owner resets it, reused on every poll, never
 * a link of a day's lifetime, single use or passed on to others.
 */
export const feedLinkOf = (f: Pick<UseCaseFacts, "capabilities" | "route" | "summary">, useCase: string): boolean =>
  f.capabilities.some((c) => c.startsWith("secret-link")) && FEED.test(`${useCase} ${f.route.replace(/[/:_-]+/g, " ")} ${f.summary ?? ""}`);

/**
 * A feed URL handed out by a GET (Get calendar feed URL, TRIAL17C C7): the GET reads the caller's one feed URL and
 * creates it on the caller's first call only, so "only reads" is not what it does, and its token is shown again on
 * every later read (kept encrypted, not only hashed). Issuing anew is a reset, a request of its own.
 */
export const feedIssuedByReadOf = (f: Pick<UseCaseFacts, "capabilities" | "route" | "summary" | "flow" | "secretLink">, useCase: string): boolean =>
  f.flow === "query" && f.secretLink === "issue" && feedLinkOf(f, useCase);
/**
 * A redeemed link that unsubscribes its holder from a mailing list (the one in every mail, RFC 8058 one-click): it
 * works as long as the list sends, every mail has its own, and the mail provider POSTs it with no session (TRIAL18B E5).
 */
export const unsubscribeLinkOf = (f: Pick<UseCaseFacts, "secretLink" | "route" | "summary">, useCase: string): boolean =>
  f.secretLink === "redeem" && /unsubscrib|\bopt[- ]?out\b|list-unsubscribe/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`);

/**
 * A redeemed code that carries value, a gift card, voucher or store credit (by its input's name or the use-case's words):
 * made to be given, it is no invitation, lives as long as its card, and pays from a balance (TRIAL18B E4).
 */
export const valueCodeOf = (f: Pick<UseCaseFacts, "secretLink" | "secretInput" | "route" | "summary">, useCase: string): boolean =>
  f.secretLink === "redeem" && VALUE_CODE.test(`${f.secretInput?.names.pascal ?? ""} ${useCase} ${f.route} ${f.summary ?? ""}`);

const VALUE_CODE = /gift-? ?cards?|GiftCard|vouchers?|store-? ?credits?|StoreCredit|gift-? ?certificates?|GiftCertificate/i;

/** The redeemed secret arrives in the URL (a link's token in the path or query), not typed into a body or a header (TRIAL5 U7). */
export const secretInUrlOf = (f: Pick<UseCaseFacts, "secretLink" | "secretInput">): boolean =>
  f.secretLink === "redeem" && (f.secretInput === undefined || (f.secretInput.location !== "body" && f.secretInput.location !== "header"));

/** How a redeemed secret resists guessing, as the redeem pack's threat and abuse case say it: its size where the rule bounds it. */
export function guessingValues(f: UseCaseFacts): Partial<Record<PackPlaceholder, string>> {
  const s = shortSecretOf(f);
  if (!s) return { guessingDefence: ">= 128-bit CSPRNG tokens make guessing infeasible", secretStrength: "128-bit tokens" };
  const size = `${s.name} holds at most about ${s.bits} bits (${s.rule})`;
  if (s.bits >= GUESSABLE_BITS) return { guessingDefence: `${size}, drawn from a CSPRNG: guessing is infeasible`, secretStrength: `${s.name}s drawn from a CSPRNG (about ${s.bits} bits)` };
  return {
    guessingDefence: `${size}: not a 128-bit token, so a client trying many finds live ones at scale; the cap on failed lookups across all clients, each ${s.name}'s expiry and a limit on its uses are the defence, and a longer ${s.name} where people need not type it`,
    secretStrength: `a cap on failed lookups across all clients (${s.name} holds only about ${s.bits} bits)`,
  };
}
