/**
 * Plans true for their use-case, from a new user's eighth trial (TRIAL8): each use-case is planned from the flags a
 * team would give, and its plan and code are checked for the statement the trial showed false or missing, and beside
 * it unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and
 * whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CHANGE_EMAIL = ["--summary", "Request a change of the signed-in user's email; a verification link goes to the new address and a notice to the old one", "--context", "Identity", "--value-object", "NewEmail:email", "--value-object", "CurrentPassword:string(8..128)", "--event", "EmailChangeRequested:userId", "--pii", "newEmail", "--enumeration", "account", "--capability", "secret-link-issue", "--capability", "sends-message-email"];

const CASES: Record<string, FitCase> = {
  // V1: a change of the caller's own email that issues the new address's link acts on an address with no account
  // (the reverse of a reset), and is a contact change: pending until confirmed, the old address told.
  "Change my email address": {
    flags: [...CHANGE_EMAIL, "--method", "PATCH", "--route", "/api/me/email"],
    must: ["For an account that does not exist yet the request goes ahead and its link is issued and sent", "The address in force before the change is told of it", "is answered exactly as a free one", "the link issued below goes to the new address", "| contact-change | built-in"],
    mustNot: ["For an unknown account no link is issued", "changes no email or phone of the caller's", "capability-secret-link-issue-hidden"],
  },
  // ...the same as a POST of a new email change under /me.
  "Request an email change": {
    flags: [...CHANGE_EMAIL, "--method", "POST", "--route", "/api/me/email-changes"],
    must: ["For an account that does not exist yet the request goes ahead", "The address in force before the change is told of it", "| contact-change | built-in"],
    mustNot: ["For an unknown account no link is issued"],
  },
  // ...while a reset still issues its link only for a known account, and is no contact change.
  "Request password reset": {
    flags: ["--auth", "anonymous", "--route", "/api/password-resets", "--value-object", "Email:email", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--enumeration", "account", "--pii", "email"],
    must: ["For an unknown account no link is issued and no message is sent"],
    mustNot: ["does not exist yet the request goes ahead", "The address in force before the change is told of it"],
  },
  // ...and a change of email without a link capability keeps its contact-change items and its own link line.
  "Update my profile email": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--value-object", "Email:email", "--value-object", "DisplayName?:string(1..80)"],
    must: ["The address in force before the change is told of it", "a single-use link (token hashed, expires after confirmLinkLifetime) to the new address"],
    mustNot: ["the link issued below", "does not exist yet the request goes ahead"],
  },
  // V2: a second factor's recovery codes in the answer are secrets: shown once, never logged or cached, kept hashed,
  // with no scanner prefix asked for.
  "Confirm two-factor authentication": {
    flags: ["--summary", "Confirm TOTP enrolment with a 6-digit code; answers ten recovery codes once", "--context", "Identity", "--route", "/api/me/two-factor/confirm", "--value-object", "TotpCode:pattern([0-9]{6})", "--response", "recoveryCodes", "--event", "TwoFactorEnabled:userId"],
    must: ["| response-secret |", "The secret in `recoveryCodes` is made by a cryptographically secure random generator", "shown in this answer only (Cache-Control: no-store)", "The secret in `recoveryCodes` is stored only as a hash", "How is recoveryCodes rotated or revoked?"],
    mustNot: ["recognisable prefix", "never hashed"],
  },
  // V7: a TOTP seed is read again to check each code: kept encrypted, never said to be hashed, no scanner prefix.
  "Enable two-factor authentication": {
    flags: ["--summary", "Start TOTP enrolment: a secret is shown once as a QR code, confirmed later with a code", "--context", "Identity", "--route", "/api/me/two-factor", "--value-object", "CurrentPassword:string(8..128)", "--response", "secret,otpauthUri"],
    must: ["The secret in `secret, otpauthUri` is kept only encrypted, never hashed (the server reads it again to check each code)", "How is secret, otpauthUri rotated or revoked?"],
    mustNot: ["is stored only as a hash", "recognisable prefix"],
  },
  // ...while an API key and a webhook's signing secret keep the hash-or-encrypted rule and the prefix question.
  "Create an API key": {
    flags: ["--summary", "A developer creates a personal API key", "--context", "Developer", "--route", "/api/me/api-keys", "--value-object", "Label:string(1..60)", "--response", "apiKeyId,apiKey"],
    must: ["The secret in `apiKey` is stored only as a hash (or encrypted, where the server must use it again, as a webhook's signing secret)"],
    mustNot: ["never hashed"],
  },
  "Register a webhook endpoint": {
    flags: ["--summary", "An owner registers a URL that receives signed event deliveries", "--context", "Developer", "--route", "/api/webhook-endpoints", "--value-object", "TargetUrl:url", "--response", "webhookEndpointId,signingSecret"],
    must: ["The secret in `signingSecret` is stored only as a hash (or encrypted", "How is signingSecret rotated or revoked, and is there a recognisable prefix so secret scanners find a leaked one?"],
    mustNot: ["never hashed"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL8, trial12)");
