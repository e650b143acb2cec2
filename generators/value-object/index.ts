/**
 * `value-object`: grows an existing use-case by value objects. Writes each stub,
 * adds its tests to the domain test file, and updates the plan in place: the
 * requirement, the domain model, the test plan, the embedded tests, the
 * traceability matrix, the checklist link and the list of generated files. The handler
 * contract takes each as an input of its request, the tests' valid request gets its valid
 * example, and the plan's stored answers list it, so a later `mjoplan test` derives the same.
 */
import { InputError } from "../../lib/errors.js";
import { cellPipes, code, md } from "../../lib/render/escape.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import { planSchema } from "../plan/schema.js";
import { valueObjectFormOf, valueObjectModel, valueObjectRequirement, valueObjectStub } from "../plan/value-object-model.js";
import { defineGrowGenerator } from "../grow/define-grow-generator.js";
import { contextField, useCaseField } from "../grow/use-case-files.js";
import { addDomainTests } from "../grow/domain-tests.js";
import { forRunner } from "../plan/testing.js";
import { addToTable, hasRow, nextNumber } from "../grow/plan-edits.js";
import { recordInPlan, withEmbeddedTests } from "../grow/record-in-plan.js";
import { contractWithInput, testsWithInput } from "../grow/handler-contract.js";
import { appendToStoredAnswers } from "../plan/stored-answers.js";
import { ruleText } from "../plan/rules.js";
import { refuseWhatPlanRefuses } from "../grow/grown-answers.js";

export const valueObjectSchema = {
  useCase: useCaseField,
  context: contextField,
  // The plan generator's own field, required here: growing by nothing is a mistake.
  valueObjects: { ...planSchema.valueObjects, required: true },
};

export const valueObjectGenerator = defineGrowGenerator({
  name: "value-object",
  description: "Grow a use-case by value objects: stubs, domain tests, and its plan updated in place",
  schema: valueObjectSchema,
  grow(input, uc, renderer) {
    const { useCase, planPath, ref, read } = uc;
    let contract = read(uc.handlerPath);
    // The tests that call the handler with a valid request: each gets the new inputs' examples.
    const callers = new Map((["security", "integration", "performance"] as const).flatMap((kind) => {
      const p = uc.testPath(kind);
      const code = read(p);
      return code === undefined ? [] : [[p, code] as [string, string]];
    }));
    const testPath = uc.testPath("domain");
    let plan = uc.plan;
    let tests = read(testPath);
    const files: PlannedFile[] = [];

    for (const voInput of input.valueObjects) {
      const vo = valueObjectModel(voInput, uc.dirs.valueObjects, ref, uc.fromTests, { location: voInput.location ?? "body", required: !voInput.optional }, uc.suffixes.valueObject);
      if (read(vo.file.path) !== undefined || hasRow(plan, `| ${vo.names.pascal} | `)) {
        throw new InputError(`--value-object ${JSON.stringify(`${voInput.name}:${vo.ruleText}`)}`, `${useCase.title} already has a value object ${vo.names.pascal}`);
      }
      const dom = Math.max(nextNumber(plan, "DOM"), nextNumber(tests ?? "", "DOM"));
      vo.acceptTestId = `DOM-${dom}`;
      vo.rejectTestId = `DOM-${dom + 1}`;
      if (vo.text) vo.textTestId = `DOM-${dom + 2}`;
      const fr = `FR-${nextNumber(plan, "FR")}`;
      files.push({ path: vo.file.path, content: renderer.render("domain/value-object.ts.hbs", valueObjectStub(vo, uc.kernelFor(vo.file.path), uc.valueObjectStyle)), mode: "owned" });

      // The domain tests: this value object's block, added to the file (or a new file).
      const testFile = ref(testPath);
      const rendered = renderer.render("tests/domain.test.ts.hbs", { valueObjects: [vo], events: [], date: "", useCase, testing: uc.testing, valueObjectStyle: uc.valueObjectStyle, valueObjectForm: valueObjectFormOf(uc.valueObjectStyle), kernelFromTests: uc.kernelFromTests });
      ({ plan, tests } = addDomainTests(plan, tests, rendered, testPath, testFile.link));

      plan = addToTable(
        plan,
        "| Value object | Rule | Accepts | Arrives in | File |",
        "No value objects were asked for",
        `| ${vo.names.pascal} | ${cellPipes(code(vo.ruleText))} | ${md(vo.ruleWords)} | ${vo.location}${vo.required ? "" : ", optional"} | [${cellPipes(code(vo.file.path))}](${vo.file.link}) |`,
      );
      if (contract !== undefined) {
        const edited = contractWithInput(contract, useCase, uc.handlerPath, vo, uc.ext);
        // A contract rewritten by hand stays as it is: its type-check names what to add.
        contract = edited.content;
      }
      const valid = vo.text ? vo.text.valid[0]?.text : vo.valid[0]?.expr;
      for (const [p, code] of callers) callers.set(p, testsWithInput(code, useCase, vo, valid));
      plan = recordInPlan(plan, {
        fr,
        requirement: valueObjectRequirement(vo),
        tests: [
          { id: vo.acceptTestId, kind: "domain", title: `${vo.names.pascal} accepts valid values`, file: testFile },
          { id: vo.rejectTestId, kind: "domain", title: `${vo.names.pascal} rejects each kind of invalid input with a clear error`, file: testFile },
          ...(vo.text && vo.textTestId ? [{ id: vo.textTestId, kind: "domain" as const, title: vo.text.title, file: testFile }] : []),
        ],
        checklistItem: "Value objects with validation",
        file: vo.file,
      });
    }
    // After each item's own checks (a name it already has), the answers as a whole, as `plan` judges them.
    refuseWhatPlanRefuses(uc.plan, planPath, (stored) => ({ ...stored, valueObjects: [...stored.valueObjects, ...input.valueObjects] }));
    tests = forRunner(tests!, uc.testing, "tests/domain.test.ts.hbs");
    files.push({ path: testPath, content: tests, mode: "update" });
    if (contract !== undefined && contract !== read(uc.handlerPath)) files.push({ path: uc.handlerPath, content: contract, mode: "update" });
    for (const [p, code] of callers) if (code !== read(p)) files.push({ path: p, content: code, mode: "update" });
    plan = appendToStoredAnswers(plan, planPath, { valueObjects: input.valueObjects.map((v) => `${v.name}${v.optional ? "?" : ""}:${ruleText(v.rule)}${v.location ? `@${v.location}` : ""}`) });
    // The plan embeds each test file's code: the grown ones are refreshed there too.
    const grownTests = new Map([[testPath, tests!], ...[...callers].filter(([p, code]) => code !== read(p))]);
    files.push({ path: planPath, content: withEmbeddedTests(plan, planPath, grownTests), mode: "update", isPlan: true });
    return files;
  },
});
