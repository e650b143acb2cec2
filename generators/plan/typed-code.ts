/**
 * Whether the secret is a one-time code a person is sent and types, not a link's token: one issued as a short code
 * (oneTimeCodeOf), or one redeemed from an input named as such a code (`VerificationCode`, `Otp`, `MfaCode`) typed into
 * the body. Its check is capability-one-time-code-redeem's (found by its holder, few tries, minutes to live). A code
 * many people share (a workspace's `InviteCode`, a meeting's `JoinCode`) is redeemed as a secret anyone holding it
 * uses, not a holder's one-time code: it stays with the link packs (their 404s, their guessing caps).
 */
import { secretIsCodeOf, type UseCaseFacts } from "./facts.js";
import { namesOneTimeCode } from "./word-checks.js";

export const oneTimeCodeSecretOf = (f: Pick<UseCaseFacts, "secretLink" | "secretInput" | "oneTimeCode">): boolean =>
  f.oneTimeCode === true || (secretIsCodeOf(f) && namesOneTimeCode(f.secretInput?.names.camel ?? ""));
