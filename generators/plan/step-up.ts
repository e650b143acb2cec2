/**
 * A fresh authentication (step-up) asked of the caller is checked before anything the record could answer (TRIAL7 U6):
 * a repeated request's "204 as the first time", a 409 for the record's state or a 404 would otherwise tell a caller
 * holding only a stolen session about the account, and let it through the door the step-up guards.
 */
import type { ErrorInput } from "./schema.js";

/** Words of an error asking the caller to prove again who it is: a re-authentication, a recent sign-in, the password or a one-time code again. */
const STEP_UP_WORDS = /re-?auth|step-?up|fresh(?:ly)? (?:auth|sign)|recent(?:ly)? sign|password (?:is |was )?(?:wrong|incorrect|invalid)|(?:wrong|incorrect|invalid) (?:current )?password|current password|session is older|signed in (?:recently|too long ago|more than)|(?:one-time|otp|totp|mfa|2fa|two-factor|verification) code/i;

/** Words of a 401 about the credential itself (none, or one no longer good): the caller is not signed in, not asked to prove it again. */
const NO_SESSION_WORDS = /\bno (?:valid |active )?(?:session|credential|token)|not (?:signed|logged) in|unauthenticated|(?:token|session|credential|cookie)s? (?:is |are |was |has )?(?:missing|absent|invalid|expired|revoked|unknown|malformed)|(?:missing|invalid|expired|revoked|unknown|malformed) (?:access |bearer )?(?:token|session|credential|cookie)/i;

/** An input by which the caller proves who it is again: its password or a one-time code (a sign-in's own password is no step-up: f.credentials). */
export const isProofInput = (camel: string): boolean => /password|passphrase|otp|totp|oneTimeCode|mfaCode|twoFactor|verificationCode/i.test(camel);

/**
 * The answers' error for a caller who has not proved again who it is: a 401, 403 or 428 that says so by its name or
 * condition (a re-authentication, a recent sign-in, a wrong password or code), or whose condition names one of the
 * request's proof inputs. A 401 for no session, or a token invalid or expired, is the credential's, not a step-up.
 */
export function isStepUpError(e: ErrorInput, inputs: readonly { names: { camel: string; kebab: string } }[] = []): boolean {
  if (e.status !== 401 && e.status !== 403 && e.status !== 428) return false;
  const said = `${e.name} ${e.when ?? ""}`;
  if (STEP_UP_WORDS.test(said)) return true;
  if (NO_SESSION_WORDS.test(said)) return false;
  const when = e.when ?? "";
  return inputs.some((i) => isProofInput(i.names.camel) && new RegExp(`\\b(?:${i.names.camel}|${i.names.kebab.replace(/-/g, "[ -]?")})\\b`, "i").test(when));
}

/** The pseudo-code line of an answers' error, as the handler steps write it. */
export const errorLine = (e: ErrorInput): string => `  ${e.when ? `if ${e.when}` : "when it applies"} -> ${e.name} (${e.status})`;
