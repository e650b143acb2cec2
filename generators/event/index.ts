/**
 * `event`: grows an existing use-case by domain events. The plan's stored answers gain them (and
 * their personal-data fields), and every file is rendered as `plan` renders the grown answers and
 * merged with the disk (see generators/grow/regrow.ts): the stub, its domain tests, the outbox
 * port in the handler contract, the integration tests, and in the plan the requirement, the events
 * NFR, the outbox in diagrams and steps, the threats, test plan, traceability, checklist and open
 * questions, with what a person wrote kept.
 */
import { withArticle } from "../../lib/article.js";
import { InputError } from "../../lib/errors.js";
import { defineGrowGenerator } from "../grow/define-grow-generator.js";
import { kindOfName } from "../grow/regrow.js";
import { contextField, useCaseField } from "../grow/use-case-files.js";
import { namesOf } from "../plan/names.js";
import { planSchema, type EventInput } from "../plan/schema.js";
import { piiProblem } from "../plan/pii-fields.js";

export const eventSchema = {
  useCase: useCaseField,
  context: contextField,
  // The plan generator's own fields; events are required here: growing by nothing is a mistake.
  events: { ...planSchema.events, required: true },
  pii: planSchema.pii,
};

export const eventGenerator = defineGrowGenerator({
  name: "event",
  description: "Grow a use-case by domain events: stubs, domain tests, the handler contract, and its plan as plan writes it, your edits kept",
  schema: eventSchema,
  refuse(values, before, uc) {
    for (const ev of (values.events ?? []) as EventInput[]) {
      const kind = kindOfName(before, ev.name);
      if (kind) throw new InputError(`--event ${JSON.stringify(ev.name)}`, `${uc.useCase.title} already has ${withArticle(kind)} ${namesOf(ev.name).pascal}`);
    }
    // A --pii entry one typo off a field of the grown use-case: said at its prompt, as plan says it.
    if (values.pii?.length) {
      const fault = piiProblem({ ...before, events: [...before.events, ...((values.events ?? []) as EventInput[])], pii: [...before.pii, ...values.pii] });
      if (fault) throw new InputError(`--${fault.flag}`, fault.problem);
    }
  },
  grow: (input, before) => ({
    ...before,
    events: [...before.events, ...input.events],
    pii: [...before.pii, ...input.pii.filter((p) => !before.pii.includes(p))],
  }),
});
