/**
 * `test`: grows an existing use-case by test kinds. The plan's stored answers gain the kinds, and
 * every file is rendered as `plan` renders the grown answers and merged with the disk (see
 * generators/grow/regrow.ts): the new kinds' test files, and in the plan their rows, the Tests
 * columns of what they cover, the traceability matrix, the checklist and the embedded code, with
 * what a person wrote kept. The requirement, criterion and threat IDs stay the plan's.
 */
import { InputError } from "../../lib/errors.js";
import { defineGrowGenerator } from "../grow/define-grow-generator.js";
import { contextField, useCaseField } from "../grow/use-case-files.js";
import { planSchema, TEST_KINDS, type TestKind } from "../plan/schema.js";

export const testSchema = {
  useCase: useCaseField,
  context: contextField,
  kinds: { ...planSchema.tests, flag: "kind", aliases: ["tests"], description: "Test kinds to add", valueHint: TEST_KINDS.join(","), required: true },
};

export const testGenerator = defineGrowGenerator({
  name: "test",
  description: "Grow a use-case by test kinds: the test files, and its plan as plan writes it, your edits kept",
  schema: testSchema,
  refuse(values, before, uc) {
    // Nothing to add: said at the use-case's answer, before a list of kinds it has is offered (given kinds are named below).
    if (values.kinds === undefined && TEST_KINDS.every((k) => before.tests.includes(k))) throw new InputError(`--use-case ${JSON.stringify(uc.useCase.title)}`, `${uc.useCase.title} already has every test kind (${TEST_KINDS.join(", ")}): nothing to add`);
  },
  // A kind the use-case has is there already: said, and the run is done (exit 0) when nothing else is asked for.
  already: (input, before, uc) => (input.kinds as TestKind[]).filter((k) => before.tests.includes(k)).map((k) => `--kind ${k}: ${uc.useCase.title} already has ${k} tests; nothing to add for it`),
  // At a prompt: only the kinds the use-case lacks, none ticked (TRIAL3 U37).
  offer: (before) => ({ kinds: TEST_KINDS.filter((k) => !before.tests.includes(k)) }),
  grow: (input, before) => (input.kinds.every((k) => before.tests.includes(k)) ? before : { ...before, tests: TEST_KINDS.filter((k) => before.tests.includes(k) || input.kinds.includes(k)) }),
});
