/**
 * The test that a password is kept nowhere (session 11, fixb left): a request that must first match a stored hash (a
 * sign-in, a change verifying the current password) cannot succeed against a record seeded without one, so its test is
 * a todo naming the hash it needs, never a body that a correct handler fails or passes without storing anything; a
 * sign-up, which verifies nothing, keeps its written body.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  "Sign in": {
    flags: ["--summary", "A user signs in with email and password", "--auth", "anonymous", "--method", "POST", "--route", "/api/sessions", "--value-object", "Email:email", "--value-object", "Password:string(8..128)"],
    must: [
      /\/\/ Needs an account seeded with the hash of the password the test sends, made by the implementation's password hasher \(the contract has no hasher port\): a sign-in with it and one with a wrong password, then both passwords looked for[^\n]*\n {2}it\.todo\("SEC-\d+ after a sign-in and a refused one, the password appears in no log line/,
    ],
    mustNot: [/it\.failing\("SEC-\d+ after a sign-in and a refused one/],
  },
  "Change my password": {
    flags: ["--summary", "The signed-in user changes their password", "--method", "POST", "--route", "/api/me/password", "--value-object", "CurrentPassword:string(8..128)", "--value-object", "NewPassword:string(12..128)"],
    must: [
      /\/\/ Needs the caller's stored password hash made from the request's CurrentPassword by the implementation's password hasher \(the contract has no hasher port\), so the change succeeds[^\n]*\n {2}it\.todo\("SEC-\d+ after a request with a new password, the password appears in no stored field/,
    ],
    mustNot: [/it\.failing\("SEC-\d+ after a request with a new password/, 'const password = "Correct-Horse-Battery-9"'],
  },
  // A sign-up verifies no password: the body is written, and a correct handler passes it.
  "Register an account": {
    flags: ["--summary", "A visitor signs up with email and password", "--auth", "anonymous", "--method", "POST", "--route", "/api/accounts", "--value-object", "Email:email", "--value-object", "Password:string(12..128)"],
    must: [/it\.failing\("SEC-\d+ after a request with a new password, the password appears in no stored field[^\n]*\n(?: {4}[^\n]*\n)* {4}expect\(leaving\)\.not\.toContain\(password\);/],
    mustNot: ["the contract has no hasher port"],
  },
};

describeFit(CASES, "a password-not-kept test is written only where the request needs no stored hash (fixb left)");
