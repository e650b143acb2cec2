/**
 * The handler's step-up checks, built from what asks for them (TRIAL7 U6): the answers' own step-up errors, the
 * current-password pack's verification, the self-export and erasure packs' recent sign-in. The handler's pseudo-code
 * writes them once the request's inputs are checked and before anything is stored, claimed or read, so a caller
 * holding only a stolen session learns nothing of the record (a repeat's answer, a state's 409, a 404) and changes nothing.
 */
import { REAUTHENTICATING, reauthRefusalOf, stepUpPasswordOf } from "./facts/accounts.js";
import { recentSignInStepOf } from "./facts/recent-sign-in.js";
import { secondFactorLinesOf } from "./second-factor-lines.js";
import type { UseCaseFacts } from "./facts.js";
import { errorLine, isStepUpError } from "./step-up.js";
import type { ErrorInput } from "./schema.js";
import type { PlanModel } from "./model.js";

/** The current-password input a change verifies before anything else (the change-password and contact packs' step-up). */
export const currentPasswordOf = (f: UseCaseFacts): UseCaseFacts["inputs"][number] | undefined =>
  f.auth !== "anonymous" ? f.inputs.find((i) => REAUTHENTICATING.test(i.names.camel)) : undefined;

/** Whether the use-case has a signed-in caller to step up: a sign-in, a token refresh, a provider's callback or a signed delivery has none yet. */
const hasCaller = (f: UseCaseFacts): boolean => f.auth !== "anonymous" && !f.credentials && !f.tokenRefresh && !f.oauthCallback && !f.signature;

/** The answers' errors that are step-ups, other than those checked with the inputs (`checkedWithInputs`). */
export const stepUpErrorsOf = (f: UseCaseFacts, checkedWithInputs: readonly ErrorInput[] = []): ErrorInput[] =>
  hasCaller(f) ? f.errors.filter((e) => isStepUpError(e, f.inputs) && !checkedWithInputs.includes(e)) : [];

/** The step-up lines of the handler's pseudo-code, in the order they are checked. */
export function stepUpLinesOf(m: PlanModel, checkedWithInputs: readonly ErrorInput[]): string[] {
  const f = m.facts;
  const reauth = currentPasswordOf(f);
  // The answers' own refusal of a wrong current password is the verification's answer, said once (TRIAL21 H6).
  const refusal = reauth ? reauthRefusalOf(f) : undefined;
  const own = stepUpErrorsOf(f, checkedWithInputs).filter((e) => e !== refusal);
  const erasure = m.handler.erasure;
  const recent = m.handler.recentSignIn;
  const stepUp = stepUpPasswordOf(f, m.useCase.title);
  return [
    ...own.map(errorLine),
    ...(reauth ? [`  verify ${reauth.names.camel} against the caller's stored password hash (argon2id or bcrypt) -> wrong => ${refusal ? `${refusal.status} ${refusal.name}` : "403 ReauthenticationFailed"}, nothing changed; past the cap of wrong ones => 429 + Retry-After, locked`] : []),
    // The one recent-sign-in rule (packs/recent-sign-in.yaml), for whatever asks for it: a transfer, a passkey, the second
    // factor, an export, a new credential, single sign-on (fit13b, TRIAL4 V14, TRIAL17A A6, TRIAL18A D20, TRIAL18B E15).
    // Said where the answers give no step-up error of their own (an export's is checked all the same); a contact change's
    // is asked only when the address changes, with that change (steps.ts).
    ...(recent && recent !== "contact" && (recent === "export" || !own.length) ? [recentSignInStepOf(recent)] : []),
    // An erasure needs a fresh authentication (capability-erasure): said where the answers give no step-up error of their own.
    // A password the request carries is the erasure's step-up (TRIAL19C F9): verified, not a session's age.
    ...(erasure && stepUp && !own.length ? [`  verify ${stepUp.camel} against the caller's stored password hash (the hashing library's own verify) -> wrong => 403, nothing changed or scheduled; past the cap of wrong ones => 429 + Retry-After  // the proof is the request's, not the session's age`] : []),
    ...(erasure?.stepUpConst && f.auth !== "anonymous" ? [`  caller.authenticatedAt older than ${erasure.stepUpConst} -> 403 ReauthenticationRequired, nothing changed or scheduled  // a stolen session alone erases nothing`] : []),
    // A second factor's own checks follow the step-up: its state (409), the cap on wrong codes and the code (fit13b).
    ...secondFactorLinesOf(f, m.useCase.title),
  ];
}
