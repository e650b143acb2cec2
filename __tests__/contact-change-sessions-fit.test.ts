/**
 * Plans true for a change of the account's own email or phone (fit13b): whether the other sessions end once the new
 * address is confirmed is asked only where the answers do not say it; where they say the person is signed out
 * everywhere, sessions-revoked states it and no question asks it again. Every case is planned into one folder, whose
 * code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const QUESTION = "Are the account's other sessions and refresh tokens revoked once the new";
const EMAIL = ["--context", "Identity", "--method", "PATCH", "--route", "/api/me/email", "--value-object", "NewEmail:email", "--pii", "newEmail"];

const CASES: Record<string, FitCase> = {
  // Nothing said of the other sessions: asked.
  "Change my email address": {
    flags: [...EMAIL, "--summary", "Change the email the account signs in with"],
    must: ["| contact-change |", "| contact-change-sessions |", `${QUESTION} NewEmail is confirmed?`],
    mustNot: ["| sessions-revoked |"],
  },
  // The summary says every other device is signed out: stated by sessions-revoked, not asked; the request's own
  // session is not among them (TRIAL10 X1).
  "Change my sign-in email": {
    flags: [...EMAIL, "--summary", "Change the email the account signs in with; every other device is signed out"],
    must: ["| contact-change |", "| sessions-revoked |", "revokes every other session of the account and their refresh tokens"],
    mustNot: [QUESTION, "contact-change-sessions"],
  },
  // ...so does a criterion that says the sessions are revoked, for a phone.
  "Change my phone number": {
    flags: ["--context", "Identity", "--method", "PUT", "--route", "/api/me/phone", "--value-object", "PhoneNumber:pattern(\\+[1-9][0-9]{6,14})", "--pii", "phoneNumber", "--criteria", "Given a confirmed new phone number, when it takes effect, then the account's other sessions are revoked"],
    must: ["| contact-change |", "| sessions-revoked |"],
    mustNot: [QUESTION],
  },
  // ...and a change that is no contact change asks nothing of it either way.
  "Rename my profile": {
    flags: ["--context", "Identity", "--method", "PATCH", "--route", "/api/me/profile", "--value-object", "DisplayName:string(1..80)"],
    must: [],
    mustNot: [QUESTION, "contact-change"],
  },
};

describeFit(CASES, "a contact change asks about other sessions only where the answers do not say");
