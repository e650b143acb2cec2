/**
 * The words of packs/sessions-revoked.yaml, said once per kind of sign-out: its four placeholders say one fact,
 * whether the request's own session is kept ("sign out of my other devices", TRIAL10 X1) or every session ends
 * ("signed out everywhere", TRIAL7 U5), each wording in the place its sentence needs.
 */
import type { PackPlaceholder } from "../../../lib/packs/pack.js";
import { keepsOwnSessionOf } from "./stated-words.js";

type SignOutWords = Readonly<Record<Extract<PackPlaceholder, "revokedSessions" | "revokedSessionsShort" | "signedOutWhere" | "revokedTestTitle">, string>>;

const EVERYWHERE: SignOutWords = {
  revokedSessions: "every session and refresh token of the account, on every device",
  revokedSessionsShort: "Every session and refresh token",
  signedOutWhere: "everywhere",
  revokedTestTitle: "after the request, a session and a refresh token the account held before it are refused with 401 at their next use",
};

// The request's own session is found by the credential's session id, and its test checks it still answers.
const OTHER_DEVICES: SignOutWords = {
  revokedSessions: "every other session of the account and their refresh tokens, on every other device (the request's own session, found by the credential's session id, stays valid)",
  revokedSessionsShort: "Every session but the request's own, and their refresh tokens,",
  signedOutWhere: "on its other devices",
  revokedTestTitle: "after the request, another session and a refresh token the account held before it are refused with 401 at their next use, and the session that made the request still answers",
};

/** The sessions-revoked pack's words for a use-case whose name, summary and criteria are `words`. */
export const signOutWordsOf = (words: string): SignOutWords => (keepsOwnSessionOf(words) ? OTHER_DEVICES : EVERYWHERE);
