/** The `plan` generator: a use-case's plan, test skeletons and domain stubs. */
import { defineGenerator } from "../../lib/generator.js";
import { normalize } from "./normalize.js";
import { planRenderer, renderPlan } from "./render.js";
import { planSchema } from "./schema.js";

export const planGenerator = defineGenerator({
  name: "plan",
  description: "Plan a use-case: the plan, test skeletons per kind, value-object, event and command stubs",
  schema: planSchema,
  label: (input) => input.name,
  build(inputs, context) {
    const renderer = planRenderer(context.templatesDir);
    return inputs.map((input) => renderPlan(normalize(input, { today: context.today, generatorVersion: context.version }), renderer));
  },
});
