/**
 * The answers a grown use-case amounts to: the plan's stored answers with the grow command's
 * additions, judged by `plan`'s own cross-check (one set of rules for both ways in). Growing
 * into answers `plan` would refuse up front (an event on a GET, an event of a command the
 * use-case does not have, a path input the route does not name) is refused the same way:
 * exit 2, one line, nothing written.
 */
import { InputError } from "../../lib/errors.js";
import { parseAll, withFallbacks, type Given } from "../../lib/schema/resolve.js";
import { planGenerator } from "../plan/index.js";
import { planSchema, type PlanInput } from "../plan/schema.js";
import { readAnswers } from "../plan/stored-answers.js";

/** The plan's stored answers parsed by the plan's schema (a bad one named by its key); undefined for a plan that keeps none. */
export function storedPlanInput(plan: string, planPath: string): PlanInput | undefined {
  const stored = readAnswers(plan, planPath);
  if (!stored) return undefined;
  const given = Object.fromEntries(Object.entries(stored).map(([k, raw]): [string, Given] => [k, { raw, where: `${planPath}: stored answers.${k}` }]));
  return withFallbacks(planSchema, parseAll(planSchema, given));
}

/**
 * Refuses `grow(stored)` where `plan` would refuse it. A plan with no stored answers (made by
 * hand or an older mjoplan) cannot be judged, and a contradiction the stored answers already
 * held is not the grow command's to report: both pass.
 */
export function refuseWhatPlanRefuses(plan: string, planPath: string, grow: (stored: PlanInput) => PlanInput): void {
  const stored = storedPlanInput(plan, planPath);
  if (!stored || planGenerator.crossCheck?.(stored)) return;
  const fault = planGenerator.crossCheck?.(grow(stored));
  if (fault) throw new InputError(`--${fault.flag}`, fault.problem);
}
