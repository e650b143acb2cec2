/**
 * Accounts and signing in: a request that proves who the caller is (a password, an OAuth callback, a refresh token),
 * one that acts on an account that does not exist yet, a change of the caller's own email or phone, re-authentication,
 * impersonation.
 */
import type { Names } from "../names.js";
import { isSelfRoute } from "../routes.js";
import type { PlanInput } from "../schema.js";
import { namesSignIn, routesToSignIn, saysActsOnMissing as saysActsOnMissingIn } from "../word-checks.js";
import type { UseCaseFacts } from "./use-case-facts.js";
import { isStepUpError } from "../step-up.js";

/**
 * Whether the request proves who the caller is with a secret it knows: `--capability sign-in`, or an
 * anonymous POST carrying a password (not a new one: that is a reset or a sign-up's) to a route or a
 * use-case named for signing in (`/api/auth/sessions`, `/login`, "Sign in", "Log in"). A sign-up carries
 * a password too, and is not one: it stores the password's hash rather than checking it.
 */
export function checksCredentialsOf(input: Pick<PlanInput, "auth" | "method" | "capabilities" | "route" | "name">, inputNames: readonly string[]): boolean {
  if (input.auth !== "anonymous" || input.method !== "POST") return false;
  if (input.capabilities.includes("sign-in")) return true;
  const password = inputNames.some((n) => n === "password" || n === "passphrase" || n === "currentPassword");
  // word-checks.ts's SIGN_IN_ROUTE and SIGN_IN_NAME, read without the patterns where the text is ASCII.
  const signInWords = routesToSignIn(input.route ?? "") || namesSignIn(input.name);
  return password && signInWords;
}

/**
 * The last words' answer is kept: a plan asks of the same words four times, and V8 compiles a pattern to machine code
 * at its second run (__tests__/ascii-twins.property.test.ts holds it to the pattern).
 */
let lastActsOnMissing: { words: string; says: boolean } | undefined;

function saysActsOnMissing(words: string): boolean {
  // word-checks.ts's ACTS_ON_MISSING, read as words where the text is ASCII.
  if (lastActsOnMissing?.words !== words) lastActsOnMissing = { words, says: saysActsOnMissingIn(words) };
  return lastActsOnMissing.says;
}

/**
 * Whether the request acts when the thing it names does NOT exist yet (REVIEW3 Q41): a sign-up (an
 * anonymous create carrying a password, or named register / sign up), a change of email (a NewEmail
 * input, or named change email), an invitation by email. A password reset, a magic sign-in link or a
 * resend of a verification acts when it exists. With an enumeration the two cases answer the same; only
 * what is done differs, and it differs the other way round.
 */
export function actsOnMissingOf(f: Pick<UseCaseFacts, "enumeration" | "flow" | "auth" | "credentials" | "inputs" | "route" | "summary" | "self" | "secretLink">, useCase: string): boolean {
  if (!f.enumeration || f.credentials) return false;
  // A change of the caller's own email or phone (PATCH /api/me/email with NewEmail) is the change flow, not a create,
  // and acts the same way round: the new address with no account gets the link (TRIAL8 V1).
  if (f.flow === "change") return contactInputsOf(f).length > 0;
  if (f.flow !== "create") return false;
  if (saysActsOnMissing(`${useCase} ${f.route} ${f.summary ?? ""}`)) return true;
  const names = f.inputs.map((i) => i.names.camel);
  return names.some((n) => n === "newEmail" || n === "newEmailAddress") || (f.auth === "anonymous" && names.some((n) => n === "password" || n === "passphrase"));
}

/** The capability of a refresh-token exchange; tokenRefreshOf also infers it. */
export const TOKEN_REFRESH = "token-refresh";

/**
 * Whether the use-case exchanges a refresh token for new tokens (REVIEW3 Q40): `--capability token-refresh`,
 * or a POST carrying an input named RefreshToken. `--auth anonymous` there says no access token is sent: the
 * refresh token is the credential, so the endpoint is not public, an unknown, expired, revoked or reused
 * token is one 401, and each token is used once and rotated.
 */
export const tokenRefreshOf = (input: Pick<PlanInput, "method" | "capabilities">, inputNames: readonly string[]): boolean =>
  input.capabilities.includes(TOKEN_REFRESH) || (input.method === "POST" && inputNames.includes("refreshToken"));

/** The capability of an OAuth/OIDC redirect callback; oauthCallbackOf also infers it. */
export const OAUTH_CALLBACK = "oauth-callback";

/**
 * Whether the use-case is an OAuth/OIDC redirect callback: `--capability oauth-callback`, or what the
 * provider's redirect looks like (RFC 6749 4.1.2): an anonymous GET carrying both `code` and `state`.
 * The method is the provider's choice, not the author's, so the GET's read-only rule does not hold.
 */
export function oauthCallbackOf(input: Pick<PlanInput, "auth" | "method" | "capabilities">, inputNames: readonly string[]): boolean {
  if (input.capabilities.includes(OAUTH_CALLBACK)) return true;
  return input.auth === "anonymous" && input.method === "GET" && inputNames.includes("code") && inputNames.includes("state");
}

/**
 * The caller's own email or phone a signed-in change sets (`PATCH /api/me/profile` with `Email`, `PUT /api/me/phone`
 * with `PhoneNumber`): the address the account signs in and is recovered by, so a stolen session that sets it
 * takes the account over (TRIAL4 V13). Not where the use-case is itself the confirmation link's issue or redeem.
 */
export function contactInputsOf(f: Pick<UseCaseFacts, "auth" | "self" | "flow" | "inputs" | "route" | "secretLink">): Names[] {
  // The change that issues the new address's confirmation link is the contact change itself (TRIAL8 V1); the use-case
  // that redeems that link carries a token, not the address.
  if (f.auth === "anonymous" || !f.self || f.secretLink === "redeem") return [];
  if (!(f.flow === "change" || (f.flow === "create" && isSelfRoute(f.route) && /\/(?:e-?mails?|phones?|phone-numbers?|mobile|contact-(?:details|info)|(?:e-?mail|phone)-changes?)$/i.test(f.route)))) return [];
  return f.inputs.filter((i) => i.location === "body" && /^(?:new)?(?:e-?mail(?:address)?|phone(?:number)?|mobile(?:number|phone)?)$/i.test(i.names.camel)).map((i) => i.names);
}

/** An input that re-authenticates a signed-in caller: its current password (not one it sets: passwordInput). */
export const REAUTHENTICATING = /^(current|old|existing)(password|passphrase)$/i;

/**
 * The answers' own refusal of a wrong current password (WrongPassword:401, "the current password is wrong"), where a
 * signed-in caller re-authenticates: the reauthentication pack answers with it, never a 403 ReauthenticationFailed of its
 * own beside it (TRIAL21 H6: two answers to one wrong password).
 */
export const reauthRefusalOf = (f: Pick<UseCaseFacts, "auth" | "inputs" | "errors">): UseCaseFacts["errors"][number] | undefined =>
  f.auth !== "anonymous" && f.inputs.some((i) => REAUTHENTICATING.test(i.names.camel)) ? f.errors.find((e) => isStepUpError(e, f.inputs)) : undefined;

/** The capability of acting as another user (support's impersonation); impersonationOf also infers it. */
export const IMPERSONATION = "impersonation";

/** Whether a signed-in POST starts acting as another user: `--capability impersonation`, or a route or name that says impersonate. */
export const impersonationOf = (input: Pick<PlanInput, "auth" | "method" | "capabilities" | "name">, route: string): boolean =>
  input.capabilities.includes(IMPERSONATION) || (input.auth !== "anonymous" && input.method === "POST" && /impersonat/i.test(`${route} ${input.name}`));

/** A password input the request carries, whatever it is for; a new one (NewPassword) is always one being set. */
const PASSWORD_INPUT = /^(?:password|passphrase)$/i;
const NEW_PASSWORD_INPUT = /^(?:newPassword|newPassphrase)$/i;

/**
 * The password a signed-in caller sends only to prove who it is again (TRIAL7 U4): a `Password` on a use-case whose
 * name and route do not speak of passwords (a step-up before deleting the account, a confirmation), where "Change my
 * password" or `/api/me/password` sets one. It is compared with the stored hash, never stored or breach-checked: a
 * breach check there would stop a user whose password is in a breach list from deleting the account.
 */
export function stepUpPasswordOf(f: Pick<UseCaseFacts, "auth" | "inputs" | "route" | "credentials">, useCase: string): Names | undefined {
  if (f.auth === "anonymous" || f.credentials || f.inputs.some((i) => NEW_PASSWORD_INPUT.test(i.names.camel))) return undefined;
  if (/password|passphrase/i.test(`${useCase} ${f.route}`)) return undefined;
  return f.inputs.find((i) => PASSWORD_INPUT.test(i.names.camel))?.names;
}

/**
 * Whether the request sets a password (a sign-up, a reset, a change: `password-input` then keeps only a slow hash and
 * refuses a breached one): a new one, or a `Password` that neither signs in nor only proves who the caller is.
 */
export const setsPasswordOf = (f: Pick<UseCaseFacts, "auth" | "inputs" | "route" | "credentials">, useCase: string): boolean =>
  f.inputs.some((i) => NEW_PASSWORD_INPUT.test(i.names.camel)) || (!f.credentials && f.inputs.some((i) => PASSWORD_INPUT.test(i.names.camel)) && stepUpPasswordOf(f, useCase) === undefined);

/**
 * A state only an account that exists can be in (locked after failed attempts, disabled, suspended, unverified), read from
 * the error's name and its `when` ("AccountLocked: after 10 failed attempts" names the lock only in its name).
 */
const ACCOUNT_STATE = /\b(?:lock(?:ed|out|s)?|disabled|suspended|deactivated|banned|blocked|frozen|unverified|unconfirmed|not (?:yet )?(?:verified|confirmed|activated)|failed (?:attempts|sign-ins|logins|tries))\b/i;
/** A lock that failed attempts set: anyone who knows the account's name can set it (TRIAL9 W3). */
const LOCK_BY_FAILURES = /\block(?:ed|out|s)?\b|\bfailed (?:attempts|sign-ins|logins|tries)\b/i;

/**
 * The errors that answer a state only an existing account can be in, where the plan promises the same answer whether or
 * not it exists (an enumeration, or a sign-in's one 401) (TRIAL9 W3): no unknown account is ever locked, so a 423 of its
 * own tells that the account exists. A 401 is the refusal itself, a 429 is counted for unknown accounts too, a 400 is
 * about the input, and a 404 or 410 is warned of on its own.
 */
export function accountStateErrorsOf(f: Pick<UseCaseFacts, "enumeration" | "credentials" | "errors">): { error: UseCaseFacts["errors"][number]; lockByFailures: boolean }[] {
  if (!f.enumeration && !f.credentials) return [];
  return f.errors
    .filter((e) => ![400, 401, 404, 410, 429].includes(e.status))
    .map((e) => ({ error: e, words: `${e.name.replace(/([a-z])([A-Z])/g, "$1 $2")} ${e.when}` }))
    .filter((x) => ACCOUNT_STATE.test(x.words))
    .map((x) => ({ error: x.error, lockByFailures: LOCK_BY_FAILURES.test(x.words) }));
}

/**
 * The request proves who the caller is itself (its step-up password, a one-time or authenticator code) or the answers
 * name the refusal of a wrong one (WrongPassword:403): an erasure's step-up is that proof, not a session signed in
 * within 5 minutes (TRIAL19C F9). A sign-in's own password is no step-up.
 */
export const proofGivenOf = (f: Pick<UseCaseFacts, "auth" | "inputs" | "route" | "credentials" | "errors">, useCase: string): boolean =>
  f.auth !== "anonymous" &&
  !f.credentials &&
  (stepUpPasswordOf(f, useCase) !== undefined || f.inputs.some((i) => /otp|totp|oneTimeCode|mfaCode|twoFactorCode|verificationCode/i.test(i.names.camel)) || f.errors.some((e) => isStepUpError(e, f.inputs)));
