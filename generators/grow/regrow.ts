/**
 * Growing a use-case is planning it again with more answers. A plan keeps the answers it was made
 * with; a grow command adds to them (a value object, an event, test kinds), renders every file the
 * way `plan` renders those answers, and hands each with `base`, its rendering from the old answers,
 * so the run merges it with the file on disk three ways (lib/merge): every generated part (rows,
 * requirements, threats, diagrams, steps, tests, the handler contract) is what `plan` writes given
 * all the answers at once, and what a person wrote stays.
 */
import { InputError } from "../../lib/errors.js";
import type { BuildContext } from "../../lib/generator.js";
import type { Renderer } from "../../lib/render/engine.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import { normalizeOptions, planGenerator } from "../plan/index.js";
import { namesOf } from "../plan/names.js";
import { normalize } from "../plan/normalize.js";
import { renderPlan } from "../plan/render.js";
import type { PlanInput } from "../plan/schema.js";
import { oldRendering, storedPlanInput, withBases } from "../plan/replan.js";
import type { UseCaseFiles } from "./use-case-files.js";

/** The answers the use-case's plan keeps, as the plan generator's input; a plan without them cannot be grown. */
export function storedInput(uc: UseCaseFiles, useCaseFlag: string): PlanInput {
  let stored: PlanInput | undefined;
  try {
    stored = storedPlanInput(uc.plan, uc.planPath);
  } catch (e) {
    throw e instanceof InputError ? new InputError(e.where, `${e.problem}; a grow plans the use-case again from the answers its plan keeps: mend the comment`) : e;
  }
  if (!stored) throw new InputError(`--use-case ${JSON.stringify(useCaseFlag)}`, `${uc.planPath} keeps no answers to grow from (made by hand or by an older mjoplan); plan it again with mjoplan plan`);
  return stored;
}

/** What a name already is in the answers (value object, event, scheduled command), or undefined. */
export function kindOfName(answers: PlanInput, name: string): string | undefined {
  const pascal = namesOf(name).pascal;
  if (answers.valueObjects.some((v) => namesOf(v.name).pascal === pascal)) return "value object";
  if (answers.events.some((e) => namesOf(e.name).pascal === pascal)) return "event";
  if (answers.scheduledCommand && namesOf(answers.scheduledCommand).pascal === pascal) return "scheduled command";
  return undefined;
}

/** The use-case's files from the grown answers, each that the old answers render too carrying that rendering as its base. */
export function regrow(before: PlanInput, after: PlanInput, renderer: Renderer, context: BuildContext): PlannedFile[] {
  // The grown answers must hold together as a plan's would (an event emitted by no command, a body on a GET...).
  const fault = planGenerator.crossCheck?.(after);
  if (fault) throw new InputError(`--${fault.flag}`, fault.problem);
  const options = normalizeOptions(context);
  return withBases(renderPlan(normalize(after, options), renderer), oldRendering(normalize(before, options), renderer, context));
}
