/** A sub-generator that grows one existing use-case per input: the part every one of them shares. */
import { defineGenerator, type BuildContext, type GeneratorDefinition } from "../../lib/generator.js";
import type { Renderer } from "../../lib/render/engine.js";
import type { InputOf } from "../../lib/schema/field.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import { PLAN_CONFIG } from "../plan/config.js";
import { planRenderer } from "../plan/render.js";
import { openUseCase, useCaseField, useCasesBelow, type UseCaseFiles } from "./use-case-files.js";
import { InputError } from "../../lib/errors.js";
import { nearest } from "../../lib/measure/nearest.js";

type GrowSchema = { useCase: typeof useCaseField } & Record<string, GeneratorDefinition["schema"][string]>;

export function defineGrowGenerator<S extends GrowSchema>(definition: {
  name: string;
  description: string;
  schema: S;
  grow(input: InputOf<S>, useCase: UseCaseFiles, renderer: Renderer, context: BuildContext): PlannedFile[];
}): GeneratorDefinition<S> {
  return defineGenerator({
    name: definition.name,
    description: definition.description,
    schema: definition.schema,
    label: (input) => input.useCase,
    // A grown use-case lies where the plan's layout put it: the same config names.
    config: PLAN_CONFIG,
    // The use-case must exist before anything else is asked: said at once, with the nearest name there is.
    async precheck(values, context, dest) {
      if (typeof values.useCase !== "string") return;
      const contextName = typeof values["context"] === "string" ? values["context"] : undefined;
      try {
        openUseCase(values.useCase, context, contextName);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const meant = nearest(values.useCase, await useCasesBelow(dest));
        throw meant ? new InputError(e.where, `${e.problem}; did you mean "${meant}"?`) : e;
      }
    },
    *build(inputs, context) {
      const renderer = planRenderer(context.templatesDir, context.overridesDir);
      for (const input of inputs) yield definition.grow(input, openUseCase(input.useCase, context, typeof input["context"] === "string" ? input["context"] : undefined), renderer, context);
    },
  });
}
