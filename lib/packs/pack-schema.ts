/**
 * The JSON Schema of a pack file: what the loader validates every pack with and
 * what the build writes to dist/mjoplan.pack.schema.json for editors. Each
 * object's properties are checked against pack.ts's interfaces at compile time
 * (`satisfies Record<keyof ...>`): a key added to the contract without a schema
 * entry, or a schema key the contract lacks, does not build.
 */
import type { JsonSchema } from "./json-schema.js";
import { FLOWS, SECOND_FACTOR_WHEN, type Pack, type PackAbuseCase, type PackChecklistLink, type PackError, type PackMonitoring, type PackRequirement, type PackSetting, type PackStatus, type PackTelemetry, type PackTest, type PackThreat, type PackWhen, type PackWhenLists } from "./pack.js";
import { WHEN_FACTS, WHEN_ORDER, type FlagKey } from "./when-facts.js";

export const STRIDE = ["Spoofing", "Tampering", "Repudiation", "Information disclosure", "Denial of service", "Elevation of privilege"] as const;
export const TEST_KINDS = ["security", "domain", "integration", "performance"] as const;
export const MONITORING_KINDS = ["metric", "alert", "log", "trace", "audit"] as const;
export const PACK_HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const AUTH_VALUES = ["anonymous", "authenticated", "roles"] as const;

const KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$";
const text = (description: string): JsonSchema => ({ type: "string", minLength: 1, description });
const oneOrMany = (item: JsonSchema, description: string): JsonSchema => ({ description, anyOf: [item, { type: "array", items: item, minItems: 1 }] });
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: "array", items, description });
const flag = (description: string): JsonSchema => ({ type: "boolean", description });
const obj = (properties: Record<string, JsonSchema>, required: string[], description: string): JsonSchema => ({ type: "object", description, properties, required, additionalProperties: false });

const key: JsonSchema = { type: "string", pattern: KEBAB, errorMessage: "must be kebab-case (a-z, 0-9 and single dashes)", description: "A name other items of this pack refer to it by" };

/** The `when` keys that name values; the yes/no ones are when-facts.ts's, with their descriptions. */
const whenLists = {
  flow: oneOrMany({ enum: FLOWS }, "query, create, change, delete or async (a list: any of them)"),
  method: oneOrMany({ enum: PACK_HTTP_METHODS }, "The HTTP method (a list: any of them)"),
  auth: oneOrMany({ enum: AUTH_VALUES }, "Who may call it (a list: any of them)"),
  relation: { anyOf: [{ type: "boolean" }, oneOrMany({ type: "string", pattern: "^[A-Za-z][A-Za-z0-9-]*$", errorMessage: "must be a word (owner, host, participant)" }, "")], description: "How the caller must relate to the resource (a list: any of them); true: any relation, false: none to check" },
  capability: oneOrMany({ type: "string", pattern: KEBAB, errorMessage: "must be a kebab-case capability name (sends-message)" }, "A capability (--capability); a list: any of them"),
  secondFactor: oneOrMany({ enum: SECOND_FACTOR_WHEN }, "Which step of the caller's own authenticator-app second factor (TOTP) the use-case is: enrol (the seed handed out, pending until confirmed), confirm (a code makes it active), disable, or none (no step of a second factor); a list: any of them"),
} satisfies Record<keyof PackWhenLists, JsonSchema>;

const when = Object.fromEntries(WHEN_ORDER.map((k) => [k, k in whenLists ? whenLists[k as keyof PackWhenLists] : flag(WHEN_FACTS[k as FlagKey].description)])) as Record<keyof PackWhen, JsonSchema>;

const test = {
  kind: { enum: TEST_KINDS, description: "The test file it lands in" },
  title: text("What the test proves, precise enough to implement"),
  key,
  todo: flag("false: the generator writes the test's assertions itself (built-in packs); default true, a todo to implement"),
  body: { type: "string", pattern: KEBAB, errorMessage: "must be a kebab-case body key (rate-limit-exceeded)", description: "What the test is, for its generated body (a body key of the plan generator); omitted: a todo that says what it needs" },
} satisfies Record<keyof PackTest, JsonSchema>;

/** Another pack's test, `pack/key`: the test a pack applied before it asks for (capability-secret-link-issue/issued-hashed-test). */
const OTHER_TEST = "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$";
const testRef: JsonSchema = {
  anyOf: [
    { ...key, description: "The key of a test of this pack" },
    { type: "string", pattern: OTHER_TEST, description: "pack/key: a test of another pack, one that applies before this one wherever this one applies" },
    { $ref: "#/definitions/test" },
  ],
};

const requirement = {
  kind: { enum: ["fr", "nfr"], description: "Functional (fr) or non-functional (nfr)" },
  text: text("The requirement"),
  key,
  tests: list(testRef, "Tests that prove it: keys of this pack's tests, pack/key for another pack's, or new tests"),
} satisfies Record<keyof PackRequirement, JsonSchema>;

const threat = {
  category: { enum: STRIDE, description: "The STRIDE category" },
  element: text("The part of the system it threatens"),
  threat: text("What an attacker does"),
  mitigation: text("What stops it"),
  key,
  tests: list(testRef, "Tests that prove the mitigation: keys of this pack's tests, pack/key for another pack's, or new tests"),
} satisfies Record<keyof PackThreat, JsonSchema>;

const abuseCase = {
  name: text("The attack's name (enumeration, brute force, replay, ...)"),
  attack: text("What the abuser does"),
  defence: text("What the system does about it"),
} satisfies Record<keyof PackAbuseCase, JsonSchema>;

const status = {
  status: { type: "integer", minimum: 100, maximum: 599, description: "The HTTP status" },
  when: text("When the API answers it"),
  headers: list({ type: "string", minLength: 1 }, "Response headers that come with it (Retry-After, Location)"),
} satisfies Record<keyof PackStatus, JsonSchema>;

const error = {
  name: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$", errorMessage: "must be a PascalCase error name (InviteExpired)", description: "The domain error's name" },
  status: { type: "integer", minimum: 400, maximum: 599, description: "The HTTP status it maps to" },
  when: text("When it happens"),
  logged: text("How the exception mapping logs it (default: as the generic error of its status, else not at all)"),
} satisfies Record<keyof PackError, JsonSchema>;

const telemetry = {
  field: text("The field (log attribute, span attribute)"),
  handling: text("dropped | hashed | kept, and why"),
} satisfies Record<keyof PackTelemetry, JsonSchema>;

const monitoring = {
  kind: { enum: MONITORING_KINDS, description: "metric, alert, log, trace or audit" },
  text: text("What is measured or alerted on"),
} satisfies Record<keyof PackMonitoring, JsonSchema>;

const checklistLink = {
  item: text("Words of the review-checklist item it answers"),
  coveredBy: text("A section anchor (#threat-model) or the key of a test, threat or requirement of this pack"),
} satisfies Record<keyof PackChecklistLink, JsonSchema>;

const setting = {
  name: { type: "string", pattern: "^[a-z][A-Za-z0-9]*$", errorMessage: "must be a camelCase name (stepUpWindow)", description: "The placeholder the pack's texts name it by ({stepUpWindow}), and the name the generator reads it by" },
  value: { type: "integer", minimum: 1, description: "The number" },
  unit: { enum: ["seconds", "count"], description: "seconds: written in words in texts (5 minutes); count: written as the number" },
  description: text("What it is, one line"),
} satisfies Record<keyof PackSetting, JsonSchema>;

const pack = {
  name: { ...key, description: "Unique, kebab-case; a team switches a built-in pack off by this name, or by its beginning with a trailing * (config disablePacks)" },
  description: text("One line: what knowledge the pack carries"),
  when: obj(when, [], "When the pack applies: every key must hold; a list means any of its values. Omitted: always."),
  requirements: list(obj(requirement, ["kind", "text"], "A requirement"), "Requirements the plan gains"),
  threats: list(obj(threat, ["category", "element", "threat", "mitigation"], "A threat"), "Threats the threat model gains"),
  abuseCases: list(obj(abuseCase, ["name", "attack", "defence"], "An abuse case"), "Abuse cases"),
  tests: list({ $ref: "#/definitions/test" }, "Tests the test files gain"),
  statuses: list(obj(status, ["status", "when"], "An API status"), "API statuses of the contract"),
  errors: list(obj(error, ["name", "status", "when"], "A domain error"), "Domain errors and their statuses"),
  telemetry: list(obj(telemetry, ["field", "handling"], "A telemetry field"), "Telemetry fields and how they are handled"),
  monitoring: list(obj(monitoring, ["kind", "text"], "A monitoring item"), "Metrics, alerts, logs, traces, audit records"),
  questions: list({ type: "string", minLength: 1 }, "Open questions for the plan's author"),
  checklist: list(obj(checklistLink, ["item", "coveredBy"], "A checklist link"), "Review-checklist items and what covers them"),
  settings: list(obj(setting, ["name", "value", "unit"], "A setting"), "Numbers the pack states once, for its texts ({name}) and the generated code and tests alike; a later pack's setting of the same name overrides it"),
} satisfies Record<keyof Pack, JsonSchema>;

/** The schema of one pack file. */
export const PACK_SCHEMA: JsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://mjoplan.dev/schema/pack.json",
  title: "mjoplan pack",
  description: "A rule of what a plan gains when its facts hold: built-in packs in packs/, a team's in .mjoplan/packs/",
  type: "object",
  properties: pack,
  required: ["name"],
  additionalProperties: false,
  definitions: { test: obj(test, ["kind", "title"], "A test") },
};
