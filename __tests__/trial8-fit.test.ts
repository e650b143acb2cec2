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
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL8, trial12)");
