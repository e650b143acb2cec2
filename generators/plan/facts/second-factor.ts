/**
 * A second factor the caller sets up for its own account (an authenticator app's TOTP seed): which step of it the
 * use-case is (fit13b). Enabling one is two requests, the seed handed out and then confirmed with a code, and its
 * reviewers ask what a generic create or change never says: a code accepted once within a window of one step either
 * side, the seed pending until confirmed, 409 for a second enable, recovery codes each usable once, a step-up first,
 * wrong codes capped. A sign-in's second step, a password reset, an API key or a change of email is none of it.
 */
import type { SecondFactorStepName } from "../../../lib/packs/pack.js";
import { isSelfRoute } from "../routes.js";
import { REAUTHENTICATING } from "./accounts.js";
import { secretResponseFieldsOf } from "./secrets.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** Which step of a second factor's life the use-case is: its enrolment started (the seed handed out), confirmed with a code, or turned off. */
export type SecondFactorStep = SecondFactorStepName;

/** The words of an authenticator-app second factor: TOTP's window and replay rules are its own. */
const SECOND_FACTOR = /(?:^|[^a-z0-9])(?:two[- ]?factor|2fa|mfa|multi[- ]?factor|totp|authenticator(?: app)?|second[- ]factor)(?![a-z0-9])/i;
/** A factor that is no TOTP seed (a texted code, a passkey): its rules differ, none of these packs fits it. */
const OTHER_FACTOR = /(?:^|[^a-z0-9])(?:sms|text message|webauthn|passkeys?|security keys?|fido2?|u2f)(?![a-z0-9])/i;
/** A step of signing in (a challenge answered with the code), not the account's own settings. */
const SIGN_IN_STEP = /sign[- ]?in|log[- ]?in|challenge|\/auth\/|\/sessions?(?:\/|$)/i;
/** Words of a settings change: where the route is not under /me, the name must say it enables, confirms or disables one ("verify" alone may be a sign-in's step). */
const SETTING_VERB = /\b(?:enable|set ?up|enrol|enroll|activate|confirm|disable|turn (?:on|off)|remove|deactivate|register)/i;
const TURNS_ON = /\b(?:enable|set ?up|enrol|enroll|activate|turn on|register|add)\b/i;
const TURNS_OFF = /\b(?:disable|turn off|remove|deactivate|unenrol|unenroll)/i;

/** The input carrying a code from the caller's authenticator (TotpCode, Code, OtpCode), not a recovery code. */
export const authenticatorCodeOf = (f: Pick<UseCaseFacts, "inputs">): string | undefined =>
  f.inputs.map((i) => i.names.camel).find((n) => /^(?:otp|totp)$|(?:^c|[a-z0-9]C)ode$/.test(n) && !/^(?:recovery|backup)Codes?$|(?:Recovery|Backup)Code$/.test(n));

/**
 * The step of the caller's own authenticator-app second factor the use-case is, read from its name, route and summary:
 * a signed-in caller acting on itself (not a sign-in, a link's end, a key or a change of email) whose words say two-factor,
 * 2FA, MFA, TOTP or authenticator, under /me or named for enabling, confirming or turning it off. A DELETE, or a name
 * that says disable or turn off, turns it off; one carrying a code from the authenticator confirms it; one handing out a
 * seed, or named for turning it on, starts it; any other (a change of its settings) is none of them.
 */
export function secondFactorStepOf(
  f: Pick<UseCaseFacts, "auth" | "self" | "route" | "summary" | "flow" | "inputs" | "response" | "credentials" | "secretLink" | "oauthCallback" | "tokenRefresh">,
  useCase: string,
): SecondFactorStep | undefined {
  if (f.auth === "anonymous" || !f.self || f.credentials || f.oauthCallback || f.tokenRefresh || f.secretLink !== undefined || f.flow === "query" || f.flow === "async") return undefined;
  const words = `${useCase} ${f.route} ${f.summary ?? ""}`;
  if (!SECOND_FACTOR.test(words) || OTHER_FACTOR.test(words) || SIGN_IN_STEP.test(`${useCase} ${f.route}`)) return undefined;
  if (!isSelfRoute(f.route) && !SETTING_VERB.test(useCase)) return undefined;
  // An input of the caller's own email or phone is a change of contact, whatever else the words say.
  if (f.inputs.some((i) => /^(?:new)?(?:e-?mail(?:address)?|phone(?:number)?|mobile(?:number|phone)?)$/i.test(i.names.camel))) return undefined;
  if (f.flow === "delete" || TURNS_OFF.test(`${useCase} ${f.route}`)) return "disable";
  if (authenticatorCodeOf(f) !== undefined) return "confirm";
  // A new set of recovery codes ("Regenerate my recovery codes") hands out no seed: it starts no enrolment; nor does a
  // change of the factor's settings (a preferred method) that neither hands out a seed nor is named for turning it on.
  if (/recovery|backup/i.test(`${useCase} ${f.route}`)) return undefined;
  return secretResponseFieldsOf(f).length > 0 || TURNS_ON.test(useCase) ? "enrol" : undefined;
}


/**
 * Whether turning the factor on or off rests on the session alone (no current password, no code from the factor in the
 * request): it then needs a recent sign-in (second-factor-recent-sign-in), checked in the handler's pseudo-code and by its test.
 */
export const secondFactorNeedsRecentSignInOf = (f: Parameters<typeof secondFactorStepOf>[0], useCase: string): boolean => {
  const step = secondFactorStepOf(f, useCase);
  return (step === "enrol" || step === "disable") && authenticatorCodeOf(f) === undefined && !f.inputs.some((i) => REAUTHENTICATING.test(i.names.camel));
};
