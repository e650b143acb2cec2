/**
 * Bodies of a second factor's tests (the second-factor packs, fit13b): each needs a seed stored as the implementation
 * keeps it (encrypted, with its pending or active state and its last accepted step) and codes computed from it at the
 * tests' fixed clock, which the handler contract does not model: each is a todo that says what it needs.
 */
import type { BodyKey } from "./body-keys.js";
import { person, type Resolver } from "./resolution.js";

/** A seed the tests can compute codes from, stored as the plan keeps it. */
const SEED = "an account seeded with a TOTP seed stored as the implementation keeps it (encrypted, with its state and last accepted step), and codes computed from it with RFC 6238 at the tests' fixed clock";

export const SECOND_FACTOR_BODIES = {
  "second-factor-skew": () => person(`${SEED}: the codes of the step before and after the current one accepted, one two steps away refused with 403`),
  "second-factor-replay": () => person(`${SEED}: the same right code sent twice, the second refused with 403 and nothing changed`),
  "second-factor-code-cap": () => person(`${SEED}: wrong codes up to the cap, then the right code refused with 429 and Retry-After`),
  "second-factor-activates": () => person(`${SEED}, the seed pending: after a right code the account's factor is on, as the sign-in use-case reads it`),
  "second-factor-not-pending": () => person("the account's enrolment state as the implementation keeps it: no pending seed, or one older than the enrolment lifetime, answered 409 and nothing turned on"),
  "second-factor-removed": () => person(`${SEED}, the factor on, with recovery codes: after the request no seed or recovery code is left, and the sign-in use-case asks no code`),
  "second-factor-pending": () => person("the account's enrolment state as the implementation keeps it and the sign-in use-case that reads it: the new seed pending, the factor still off"),
  "second-factor-expiry": () => person("the job or query that deletes a pending seed past the enrolment lifetime, run at the tests' clock moved past it"),
  "second-factor-already-on": () => person("an account seeded with its second factor on, its seed as the implementation stores it: a new enable answered 409, the seed unchanged"),
  "recovery-code-once": () => person("the sign-in use-case that accepts a recovery code, and the codes stored as their hashes: one accepted once, refused the second time, a replaced set's refused"),
} satisfies Partial<Record<BodyKey, Resolver>>;
