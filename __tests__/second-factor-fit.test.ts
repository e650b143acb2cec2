/**
 * Plans true for a second factor's use-cases (fit13b): turning on an authenticator-app second factor (the seed handed
 * out, pending, then confirmed with a code), turning it off, and what a reviewer of 2FA asks of each: a code accepted
 * once within one step of skew, 409 for a second enable, the seed pending until confirmed, recovery codes each usable
 * once, a step-up first, wrong codes capped. Beside them, use-cases that are no second factor's step (a sign-in, its
 * second step, a password reset, an API key's rotation, a change of email, new recovery codes) gain none of it. All
 * are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const IDENTITY = ["--context", "Identity"];
const CODE_ITEMS = ["one step either side (30 seconds of clock skew) and no wider", "a code of that step or an earlier one is refused with 403 TwoFactorCodeRejected", "After 5 wrong codes for one account within 15 minutes", "| second-factor-code |"];

const CASES: Record<string, FitCase> = {
  // The enrolment's start on the session alone: pending seed, 409 for a second enable, a recent sign-in; no code is checked here.
  "Enable two-factor authentication": {
    flags: [...IDENTITY, "--summary", "Start TOTP enrolment: a secret is shown once as a QR code, confirmed later with a code", "--route", "/api/me/two-factor", "--response", "secret,otpauthUri"],
    must: ["| second-factor-enrol |", "The seed handed out is pending, not in force", "an unconfirmed seed is deleted after 10 minutes", "answered 409 TwoFactorAlreadyEnabled", "| 409 | The account's second factor is already on (TwoFactorAlreadyEnabled)", "Turning the second factor on or off needs a recent authentication", "caller.authenticatedAt older than recentSignIn -> 403 ReauthenticationRequired", "Where are the recovery codes handed out", "kept only encrypted, never hashed"],
    mustNot: [...CODE_ITEMS, "TwoFactorNotPending", "| second-factor-recovery-codes |", "| second-factor-disable |"],
  },
  // ...with the current password in the request: the password is the step-up, and the generic credential question goes.
  "Set up my authenticator app": {
    flags: [...IDENTITY, "--route", "/api/me/mfa", "--value-object", "CurrentPassword:string(8..128)", "--response", "secret,otpauthUri"],
    must: ["| second-factor-enrol |", "403 ReauthenticationFailed", "answered 409 TwoFactorAlreadyEnabled"],
    mustNot: ["| second-factor-recent-sign-in |", "does the old value stay in force until the new one is confirmed", "older than recentSignIn"],
  },
  // The confirmation with a code: the TOTP rules, the pending seed made active once, recovery codes each usable once.
  "Confirm two-factor authentication": {
    flags: [...IDENTITY, "--summary", "Confirm TOTP enrolment with a 6-digit code; answers ten recovery codes once", "--route", "/api/me/two-factor/confirm", "--value-object", "TotpCode:pattern([0-9]{6})", "--response", "recoveryCodes", "--event", "TwoFactorEnabled:userId"],
    must: [...CODE_ITEMS, "| second-factor-confirm |", "409 TwoFactorNotPending", "Each recovery code signs in once", "a new set replaces the whole old one", "totpCode checked against the pending seed (RFC 6238) at the current time step or one either side"],
    mustNot: ["| second-factor-recent-sign-in |", "Where are the recovery codes handed out", "| second-factor-enrol |"],
  },
  // Turning it off on the session alone: seed and recovery codes gone, a recent sign-in; no enrolment items.
  "Disable two-factor authentication": {
    flags: [...IDENTITY, "--method", "DELETE", "--route", "/api/me/two-factor"],
    must: ["| second-factor-disable |", "deletes its seed and every unused recovery code in one transaction", "403 ReauthenticationRequired", "Second factors turned off above the usual daily rate"],
    mustNot: [...CODE_ITEMS, "TwoFactorAlreadyEnabled", "TwoFactorNotPending", "The seed handed out is pending"],
  },
  // ...and with a code from the factor in force: the code is the proof, checked as a confirmation's is.
  "Turn off two-factor authentication with a code": {
    flags: [...IDENTITY, "--route", "/api/me/two-factor/disable", "--value-object", "TotpCode:pattern([0-9]{6})"],
    must: [...CODE_ITEMS, "| second-factor-disable |", "totpCode checked against the seed in force"],
    mustNot: ["| second-factor-recent-sign-in |", "| second-factor-confirm |", "TwoFactorNotPending"],
  },
  // New recovery codes: each usable once, but no seed is handed out or confirmed.
  "Regenerate my recovery codes": {
    flags: [...IDENTITY, "--route", "/api/me/two-factor/recovery-codes", "--value-object", "CurrentPassword:string(8..128)", "--response", "recoveryCodes"],
    must: ["| second-factor-recovery-codes |", "Each recovery code signs in once"],
    mustNot: ["| second-factor-enrol |", "TwoFactorAlreadyEnabled", "The seed handed out is pending"],
  },
  // A change of the factor's settings hands out no seed and turns nothing on: no enrolment's items.
  "Update my MFA settings": {
    flags: [...IDENTITY, "--method", "PATCH", "--route", "/api/me/mfa", "--value-object", "PreferredMethod:enum(app|sms)"],
    must: [],
    mustNot: ["second-factor-", "TwoFactorAlreadyEnabled", "The seed handed out is pending"],
  },
  // None of it for a sign-in (with its code), a sign-in's second step, a reset, a key's rotation or a change of email.
  "Sign in": {
    flags: [...IDENTITY, "--auth", "anonymous", "--route", "/api/auth/sessions", "--value-object", "Email:email", "--value-object", "Password:string(1..128)", "--value-object", "TotpCode?:pattern([0-9]{6})", "--pii", "email"],
    must: ["| sign-in |"],
    mustNot: ["second-factor-", "TwoFactorAlreadyEnabled", "one step either side (30 seconds of clock skew)"],
  },
  "Verify two-factor code": {
    flags: [...IDENTITY, "--summary", "The second step of signing in: a code from the authenticator app", "--route", "/api/auth/mfa/verify", "--value-object", "TotpCode:pattern([0-9]{6})"],
    must: [],
    mustNot: ["second-factor-", "TwoFactorNotPending"],
  },
  "Request password reset": {
    flags: [...IDENTITY, "--auth", "anonymous", "--route", "/api/password-resets", "--value-object", "Email:email", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--enumeration", "account", "--pii", "email"],
    must: ["For an unknown account no link is issued"],
    mustNot: ["second-factor-", "TwoFactor"],
  },
  "Rotate my API key": {
    flags: ["--context", "Developer", "--route", "/api/me/api-key/rotate", "--resource", "ApiKey", "--response", "apiKey"],
    must: ["| response-secret |"],
    mustNot: ["second-factor-", "TwoFactor"],
  },
  "Change my email address": {
    flags: [...IDENTITY, "--method", "PATCH", "--route", "/api/me/email", "--summary", "Change the email the account signs in with; its second factor stays as it is", "--value-object", "NewEmail:email", "--pii", "newEmail"],
    must: ["| contact-change |"],
    mustNot: ["second-factor-", "TwoFactor"],
  },
};

describeFit(CASES, "a second factor's steps get what a reviewer of 2FA asks, and nothing else does");
