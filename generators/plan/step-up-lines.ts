/**
 * The handler's step-up checks, built from what asks for them (TRIAL7 U6): the answers' own step-up errors, the
 * current-password pack's verification, the self-export and erasure packs' recent sign-in. The handler's pseudo-code
 * writes them once the request's inputs are checked and before anything is stored, claimed or read, so a caller
 * holding only a stolen session learns nothing of the record (a repeat's answer, a state's 409, a 404) and changes nothing.
 */
import { REAUTHENTICATING, stepUpPasswordOf } from "./facts/accounts.js";
import { secondFactorNeedsRecentSignInOf } from "./facts/second-factor.js";
import { secondFactorLinesOf } from "./second-factor-lines.js";
import { selfExportOf, type UseCaseFacts } from "./facts.js";
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
  const own = stepUpErrorsOf(f, checkedWithInputs);
  const reauth = currentPasswordOf(f);
  const erasure = m.handler.erasure;
  const stepUp = stepUpPasswordOf(f, m.useCase.title);
  return [
    ...own.map(errorLine),
    ...(reauth ? [`  verify ${reauth.names.camel} against the caller's stored password hash (argon2id or bcrypt) -> wrong => 403 ReauthenticationFailed, nothing changed; past the cap of wrong ones => 429 + Retry-After, locked`] : []),
    // A second factor turned on or off on the session alone needs a recent sign-in (second-factor-recent-sign-in, fit13b).
    ...(secondFactorNeedsRecentSignInOf(f, m.useCase.title) && !own.length ? ["  caller.authenticatedAt older than secondFactorRecentSignIn -> 403 ReauthenticationRequired, nothing changed  // a stolen session alone neither swaps nor removes the factor"] : []),
    // An export of the caller's own data is one request for everything: a recent sign-in first (TRIAL4 V14).
    ...(selfExportOf(f, m.useCase.title) ? ["  caller.authenticatedAt older than exportRecentSignIn -> 403 ReauthenticationRequired, nothing started  // one stolen session must not take the whole account"] : []),
    // A transfer of ownership needs a recent sign-in (capability-ownership-transfer, TRIAL17A A6), before the resource is read.
    ...(f.ownershipTransfer && f.resource && !own.length ? ["  caller.authenticatedAt older than transferRecentSignIn -> 403 ReauthenticationRequired, nothing changed  // a stolen session alone gives nothing away"] : []),
    // An erasure needs a fresh authentication (capability-erasure): said where the answers give no step-up error of their own.
    // A password the request carries is the erasure's step-up (TRIAL19C F9): verified, not a session's age.
    ...(erasure && stepUp && !own.length ? [`  verify ${stepUp.camel} against the caller's stored password hash (the hashing library's own verify) -> wrong => 403, nothing changed or scheduled; past the cap of wrong ones => 429 + Retry-After  // the proof is the request's, not the session's age`] : []),
    ...(erasure?.stepUpConst && f.auth !== "anonymous" ? [`  caller.authenticatedAt older than ${erasure.stepUpConst} -> 403 ReauthenticationRequired, nothing changed or scheduled  // a stolen session alone erases nothing`] : []),
    // A second factor's own checks follow the step-up: its state (409), the cap on wrong codes and the code (fit13b).
    ...secondFactorLinesOf(f, m.useCase.title),
  ];
}
