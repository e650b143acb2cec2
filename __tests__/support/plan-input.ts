/**
 * An answers object turned into the plan generator's input as the CLI would: each key parsed with
 * its place named `answers.<key>`, fallbacks filled, the cross-field check applied. Throws the
 * InputError a user would see.
 */
import { expect } from "@jest/globals";
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

/**
 * The input, or undefined where the answers are refused as they must be: by an InputError in one
 * line that names its `answers.<key>` (what a property test allows of contradictory answers).
 */
export function inputOrRefusal(raw: Record<string, unknown>): ReturnType<typeof planInputOf> | undefined {
  try {
    return planInputOf(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toContain("\n");
    expect((e as Error).message).toMatch(/^answers\.[\w-]+/);
    return undefined;
  }
}
