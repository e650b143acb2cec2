/**
 * `--pii` names fields the plan then keeps out of logs, telemetry and event
 * payloads. An entry that names no field (a typo such as `emial`) would make
 * that promise about nothing while the real field still travels: so every
 * entry must name a value object, an event field, a response field or a route
 * parameter. Pure.
 */
import { nearest } from "../../lib/measure/nearest.js";
import { routeParamsOf } from "./facts.js";
import { namesOf } from "./names.js";
import type { PlanInput } from "./schema.js";

/** The fields a `--pii` entry may name, camelCase, in the order a person reads them. */
export function piiCandidates(input: PlanInput): string[] {
  const fields = [
    ...input.valueObjects.map((v) => v.name),
    ...input.events.flatMap((e) => e.fields),
    ...input.response,
    ...(input.route ? routeParamsOf(input.route) : []),
  ].map((f) => namesOf(f).camel);
  return [...new Set(fields)];
}

/**
 * The first `--pii` entry that names no field, as a contradiction (flag and problem), or undefined.
 * Two cases name data the request does not carry, and stay allowed: a use-case with no field at all
 * (a team's default list, `defaults.pii`, applies to the fields a grow command adds later), and
 * erasure, whose personal data is the stored data it erases.
 */
export function piiProblem(input: PlanInput): { flag: string; problem: string } | undefined {
  const known = piiCandidates(input);
  if (known.length === 0 || input.capabilities.includes("erasure")) return undefined;
  for (const entry of input.pii) {
    if (known.includes(namesOf(entry).camel)) continue;
    const meant = nearest(namesOf(entry).camel, known);
    const hint = meant ? `; did you mean ${JSON.stringify(meant)}?` : ` (fields: ${known.join(", ")})`;
    return { flag: "pii", problem: `${JSON.stringify(entry)} names no field of ${input.name}: personal data is a value object, an event or response field, or a route parameter${hint}` };
  }
  return undefined;
}

/**
 * Event payload fields that carry an email address (a value object with the `email` rule) and that
 * `--pii` does not name: the payload would carry personal data, so it is said as a warning line.
 */
export function unnamedPersonalData(input: PlanInput): string[] {
  const pii = new Set(input.pii.map((p) => namesOf(p).camel));
  const emails = new Set(input.valueObjects.filter((v) => v.rule.kind === "email").map((v) => namesOf(v.name).camel));
  const warnings: string[] = [];
  for (const ev of input.events) {
    const carried = ev.fields.map((f) => namesOf(f).camel).filter((f) => emails.has(f) && !pii.has(f));
    if (carried.length) warnings.push(`${namesOf(ev.name).pascal}'s payload carries ${carried.join(", ")} (an email address: personal data), which --pii does not name; add --pii ${carried.join(",")} to keep it out of the payload, or say in the plan why it travels`);
  }
  return warnings;
}
