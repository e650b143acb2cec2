/**
 * `value-object`: grows an existing use-case by value objects. The plan's stored answers gain them,
 * and every file is rendered as `plan` renders the grown answers and merged with the disk (see
 * generators/grow/regrow.ts): the stub, its domain tests, the handler contract's request and parsed
 * input, the tests' valid request, and in the plan the requirement, API contract, 400 answer,
 * diagrams, steps, test plan, traceability and checklist, with what a person wrote kept.
 */
import { withArticle } from "../../lib/article.js";
import { InputError } from "../../lib/errors.js";
import { planSchema, type ValueObjectInput } from "../plan/schema.js";
import { defineGrowGenerator } from "../grow/define-grow-generator.js";
import { kindOfName } from "../grow/regrow.js";
import { contextField, useCaseField } from "../grow/use-case-files.js";
import { valueObjectText } from "../plan/stored-answers.js";
import { namesOf } from "../plan/names.js";

export const valueObjectSchema = {
  useCase: useCaseField,
  context: contextField,
  // The plan generator's own field, required here: growing by nothing is a mistake.
  valueObjects: { ...planSchema.valueObjects, required: true },
};

export const valueObjectGenerator = defineGrowGenerator({
  name: "value-object",
  description: "Grow a use-case by value objects: stubs, domain tests, the handler contract, and its plan as plan writes it, your edits kept",
  schema: valueObjectSchema,
  refuse(values, before, uc) {
    for (const vo of (values.valueObjects ?? []) as ValueObjectInput[]) {
      const kind = kindOfName(before, vo.name);
      // The value object as it was typed, with its ? and @location.
      if (kind) throw new InputError(`--value-object ${JSON.stringify(valueObjectText(vo))}`, `${uc.useCase.title} already has ${withArticle(kind)} ${namesOf(vo.name).pascal}`);
    }
  },
  grow: (input, before) => ({ ...before, valueObjects: [...before.valueObjects, ...input.valueObjects] }),
});
