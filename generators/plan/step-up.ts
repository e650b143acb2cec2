/**
 * A fresh authentication (step-up) asked of the caller is checked before anything the record could answer (TRIAL7 U6):
 * a repeated request's "204 as the first time", a 409 for the record's state or a 404 would otherwise tell a caller
 * holding only a stolen session about the account, and let it through the door the step-up guards.
 */
import type { ErrorInput } from "./schema.js";

/** The answers' error for a caller who has not proved again who they are: a 401, or one named for a re-authentication or a recent sign-in. */
export const isStepUpError = (e: ErrorInput): boolean =>
  e.status === 401 || ((e.status === 403 || e.status === 428) && /re-?auth|step-?up|fresh(?:ly)? (?:auth|sign)|recent(?:ly)? sign|password is wrong|wrong password|session is older/i.test(`${e.name} ${e.when ?? ""}`));

/** The pseudo-code line of an answers' error, as the handler steps write it. */
export const errorLine = (e: ErrorInput): string => `  ${e.when ? `if ${e.when}` : "when it applies"} -> ${e.name} (${e.status})`;

/** Lines the packs write for a step-up: the current password verified, a recent sign-in required. */
const STEP_UP_LINE = /^ {2}(?:verify \w+ against the caller's stored password hash|caller\.authenticatedAt older than )/;

/** The first line that reads the store or answers from the record's state: the step-up goes before it. */
const READS_RECORD = /^ {2}(?:.*\b(?:repository|store|jobs|receivedEvents|idempotency)\.\w+\(|\w+\.state is already |begin a transaction)/;

/** `lines` with the step-up checks moved before the first line that reads the record, in their order; unchanged when there is none. */
export function stepUpFirst(lines: string[], errors: readonly ErrorInput[]): string[] {
  const own = new Set(errors.filter(isStepUpError).map(errorLine));
  const stepUp = (l: string): boolean => own.has(l) || STEP_UP_LINE.test(l);
  const first = lines.findIndex((l) => READS_RECORD.test(l));
  if (first < 0 || !lines.slice(first).some(stepUp)) return lines;
  const rest = lines.slice(first);
  return [...lines.slice(0, first), ...rest.filter(stepUp), ...rest.filter((l) => !stepUp(l))];
}
