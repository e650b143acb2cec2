/**
 * The handler's pseudo-code lines of a second factor's step (the second-factor packs, fit13b): the state it must find
 * (409 for a factor already on, or no pending seed), the cap on wrong codes, and the code's check (one step of skew
 * either side, each step once), written with the step-ups: before anything is stored.
 */
import { authenticatorCodeOf, secondFactorStepOf } from "./facts/second-factor.js";
import { recoveryCodesOf } from "./facts/secrets.js";
import type { UseCaseFacts } from "./facts.js";

export function secondFactorLinesOf(f: UseCaseFacts, useCase: string): string[] {
  const step = secondFactorStepOf(f, useCase);
  if (!step) return [];
  const code = authenticatorCodeOf(f);
  const seed = step === "confirm" ? "the pending seed" : "the seed in force";
  const checked = code
    ? [
        `  wrong codes of the account past totpFailures within totpLockout -> 429 + Retry-After, the code not checked`,
        `  ${code} checked against ${seed} (RFC 6238) at the current time step or one either side, compared with timingSafeEqual, and of a step after the last one accepted -> else 403 TwoFactorCodeRejected, the failure counted, nothing changed`,
      ]
    : [];
  if (step === "enrol") return ["  the account's second factor already on -> 409 TwoFactorAlreadyEnabled, nothing changed or shown", "  seed = 160 random bits from a CSPRNG: the account's pending seed (replacing a pending one), kept encrypted, deleted after enrolmentLifetime unless confirmed"];
  if (step === "confirm")
    return [
      "  the account's second factor already on -> 409 TwoFactorAlreadyEnabled; no pending seed, or one older than enrolmentLifetime -> 409 TwoFactorNotPending; nothing changed",
      ...checked,
      `  the pending seed becomes the account's second factor, its accepted step kept${recoveryCodesOf(f) ? "; recoveryCodes = a new set from a CSPRNG, each kept as its own slow hash, replacing any old set, shown in this answer only" : ""}`,
    ];
  return [...checked, "  the change below removes the seed and every unused recovery code with it, in one transaction"];
}
