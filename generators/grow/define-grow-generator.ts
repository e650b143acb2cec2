/** A sub-generator that grows one existing use-case per input: the part every one of them shares. */
import { defineGenerator, type BuildContext, type GeneratorDefinition } from "../../lib/generator.js";
import type { InputOf } from "../../lib/schema/field.js";
import { PLAN_CONFIG } from "../plan/config.js";
import type { PlanInput } from "../plan/schema.js";
import { planRenderer } from "../plan/render.js";
import { contextsOfUseCase, openUseCase, useCaseField, useCasesBelow, type UseCaseFiles } from "./use-case-files.js";
import { regrow, storedInput } from "./regrow.js";
import { InputError } from "../../lib/errors.js";
import { nearest } from "../../lib/measure/nearest.js";

type GrowSchema = { useCase: typeof useCaseField } & Record<string, GeneratorDefinition["schema"][string]>;

export function defineGrowGenerator<S extends GrowSchema>(definition: {
  name: string;
  description: string;
  schema: S;
  /**
   * Refuses (InputError) what the use-case already has, from the values given so far: run before
   * anything is written, and at a prompt after each answer, so a name it has is said at once.
   */
  refuse?(values: Partial<InputOf<S>>, before: PlanInput, useCase: UseCaseFiles): void;
  /** The choices a prompt offers, from what the use-case has (the test kinds it lacks): by key, see GeneratorDefinition.offered. */
  offer?(before: PlanInput): Partial<Record<keyof S & string, readonly string[]>>;
  /** The use-case's answers grown by the input. */
  grow(input: InputOf<S>, before: PlanInput): PlanInput;
  /**
   * What the input asks for that the use-case has already (a test kind it has), one line each: said as a
   * warning and left out. A grow that then adds nothing writes nothing and is done (exit 0): a no-op, not bad input.
   */
  already?(input: InputOf<S>, before: PlanInput, useCase: UseCaseFiles): string[];
}): GeneratorDefinition<S> {
  const contextOf = (values: Partial<InputOf<S>>): string | undefined => (typeof values["context"] === "string" ? values["context"] : undefined);
  // The context found for a use-case planned under one other context than the one given (precheck finds it, build uses it).
  const found = new Map<string, string>();
  const open = (input: InputOf<S>, context: BuildContext): UseCaseFiles => {
    try {
      return openUseCase(input.useCase, context, contextOf(input));
    } catch (e) {
      const other = found.get(input.useCase);
      if (!(e instanceof InputError) || other === undefined) throw e;
      return openUseCase(input.useCase, context, other);
    }
  };
  return defineGenerator({
    name: definition.name,
    description: definition.description,
    schema: definition.schema,
    label: (input) => input.useCase,
    // Two entries of a batch growing one use-case would each render it from the same kept answers: refused, not merged over each other.
    target: (input, context) => open(input, context).planPath,
    // A grown use-case lies where the plan's layout put it: the same config names.
    config: PLAN_CONFIG,
    // The use-case must exist before anything else is asked: said at once, with the nearest name there is.
    async precheck(values, context, dest) {
      if (typeof values.useCase !== "string") return;
      let uc: UseCaseFiles;
      try {
        uc = openUseCase(values.useCase, context, contextOf(values));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        // Planned under another context: one such plan is the one meant when no --context was given; several are named.
        const contexts = (await contextsOfUseCase(dest, values.useCase)).filter((c) => c !== contextOf(values));
        if (contexts.length === 1 && contextOf(values) === undefined) {
          found.set(values.useCase, contexts[0]!);
          uc = openUseCase(values.useCase, context, contexts[0]);
        } else if (contexts.length) {
          throw new InputError(e.where, `${e.problem}; did you mean ${contexts.map((c) => `--context ${JSON.stringify(c)}`).join(" or ")}?`);
        } else {
          const meant = nearest(values.useCase, await useCasesBelow(dest));
          throw meant && meant !== values.useCase ? new InputError(e.where, `${e.problem}; did you mean "${meant}"?`) : e;
        }
      }
      definition.refuse?.(values, storedInput(uc, values.useCase), uc);
    },
    ...(definition.offer
      ? {
          offered(values: Partial<InputOf<S>>, context: BuildContext) {
            if (typeof values.useCase !== "string") return undefined;
            try {
              return definition.offer!(storedInput(open(values as InputOf<S>, context), values.useCase));
            } catch (e) {
              // A use-case that does not open was refused at its own prompt already: the schema's choices then.
              if (e instanceof InputError) return undefined;
              throw e;
            }
          },
        }
      : {}),
    ...(definition.already
      ? {
          warnings(input: InputOf<S>, context: BuildContext) {
            const uc = open(input, context);
            return definition.already!(input, storedInput(uc, input.useCase), uc);
          },
        }
      : {}),
    *build(inputs, context: BuildContext) {
      const renderer = planRenderer(context.templatesDir, context.overridesDir);
      for (const input of inputs) {
        const uc = open(input, context);
        const before = storedInput(uc, input.useCase);
        definition.refuse?.(input, before, uc);
        const after = definition.grow(input, before);
        // Nothing new in the answers (every kind asked for is there): nothing is rendered again, nothing written.
        yield JSON.stringify(after) === JSON.stringify(before) ? [] : regrow(before, after, renderer, context);
      }
    },
  });
}
