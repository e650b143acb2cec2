/**
 * An answers object turned into the plan generator's input as the CLI would: each key parsed with
 * its place named `answers.<key>`, fallbacks filled, the cross-field check applied. Throws the
 * InputError a user would see.
 */
import { planGenerator } from "../../generators/plan/index.js";
import { planSchema } from "../../generators/plan/schema.js";
import { InputError } from "../../lib/errors.js";
import { parseAll, withFallbacks, type Given } from "../../lib/schema/resolve.js";

export function planInputOf(raw: Record<string, unknown>) {
  const given: Record<string, Given> = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, { raw: v, where: `answers.${k}` }]));
  const input = withFallbacks(planSchema, parseAll(planSchema, given));
  const fault = planGenerator.crossCheck?.(input);
  if (fault) throw new InputError(`answers.${fault.flag}`, fault.problem);
  return input;
}
