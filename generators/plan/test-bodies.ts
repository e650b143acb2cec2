/**
 * Bodies of the security and integration tests. Each test a pack makes names
 * what it IS by a stable body key (`body:` in packs/*.yaml); this table says,
 * per key, which template writes its body and from which facts, or what it needs
 * when no test against the handler contract and the in-memory fakes can prove it
 * (real infrastructure, or knowledge only a person has). Titles are never read here.
 *
 * This file is the entry point: the table is the union of one table per family of tests in test-bodies/
 * (request, access, rate limits, jobs and events, changes, secrets and sign-in, files, messages, external systems
 * and webhooks, lists, features), beside the body keys, the facts the bodies read and their shared helpers.
 */
import type { TestCase } from "./model.js";
import { BODY_KEYS, type BodyKey } from "./test-bodies/body-keys.js";
import type { Facts } from "./test-bodies/body-facts.js";
import type { Resolution, Resolver } from "./test-bodies/resolution.js";
import { REQUEST_BODIES } from "./test-bodies/request-bodies.js";
import { ACCESS_BODIES } from "./test-bodies/access-bodies.js";
import { RATE_LIMIT_BODIES } from "./test-bodies/rate-limit-bodies.js";
import { JOB_AND_EVENT_BODIES } from "./test-bodies/job-and-event-bodies.js";
import { CHANGE_BODIES } from "./test-bodies/change-bodies.js";
import { SECRET_AND_SIGN_IN_BODIES } from "./test-bodies/secret-and-sign-in-bodies.js";
import { FILE_BODIES } from "./test-bodies/file-bodies.js";
import { MESSAGE_BODIES } from "./test-bodies/message-bodies.js";
import { EXTERNAL_AND_WEBHOOK_BODIES } from "./test-bodies/external-and-webhook-bodies.js";
import { LIST_BODIES } from "./test-bodies/list-bodies.js";
import { FEATURE_BODIES } from "./test-bodies/feature-bodies.js";
import { SECOND_FACTOR_BODIES } from "./test-bodies/second-factor-bodies.js";

export type { BodyKey } from "./test-bodies/body-keys.js";
export { BODY_KEYS, BODIES_WITHOUT_REQUEST } from "./test-bodies/body-keys.js";
export type { BodyFacts, Facts } from "./test-bodies/body-facts.js";
export { seedExpr, seedId, bodyFacts } from "./test-bodies/body-facts.js";
export { signable, TEST_SIGNING_SECRET, signedExample } from "./test-bodies/signed-request.js";
export type { BodyData, Resolution, Uses } from "./test-bodies/resolution.js";
export { proofInputOf, variantExpr } from "./test-bodies/resolution.js";

/** Each body key's resolver, from the table of its family; the type holds that every key has one. */
const RESOLVE: Record<BodyKey, Resolver> = { ...REQUEST_BODIES, ...ACCESS_BODIES, ...RATE_LIMIT_BODIES, ...JOB_AND_EVENT_BODIES, ...CHANGE_BODIES, ...SECRET_AND_SIGN_IN_BODIES, ...FILE_BODIES, ...MESSAGE_BODIES, ...EXTERNAL_AND_WEBHOOK_BODIES, ...LIST_BODIES, ...FEATURE_BODIES, ...SECOND_FACTOR_BODIES };

export function resolveBody(c: TestCase, facts: Facts): Resolution {
  // A test of no known kind stays a todo its title describes; there is nothing more to say about what it needs.
  if (!c.body || !(BODY_KEYS as readonly string[]).includes(c.body)) return { needs: "" };
  return RESOLVE[c.body as BodyKey](facts, c.subject);
}
