/**
 * `test`: grows an existing use-case by test kinds. The plan keeps the answers it
 * was made with; normalizing them again with the new kinds gives the same
 * requirement, criterion and threat IDs as the plan's, and the new kinds' cases.
 * Writes each kind's test file and updates the plan in place.
 */
import path from "node:path";
import { InputError } from "../../lib/errors.js";
import { cellPipes, code, md } from "../../lib/render/escape.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import { addTestToItem, appendRows, appendToSection, setChecklistCoverage } from "../grow/plan-edits.js";
import { withEmbeddedTests } from "../grow/record-in-plan.js";
import { idsInPlan, linkedToPlan } from "../grow/plan-ids.js";
import { defineGrowGenerator } from "../grow/define-grow-generator.js";
import { contextField, useCaseField } from "../grow/use-case-files.js";
import { normalizeOptions } from "../plan/index.js";
import { normalize } from "../plan/normalize.js";
import { renderTestFile } from "../plan/render.js";
import { planSchema, TEST_KINDS, type TestKind } from "../plan/schema.js";
import { replaceAnswers, toAnswers } from "../plan/stored-answers.js";
import { storedPlanInput } from "../grow/grown-answers.js";

export const testSchema = {
  useCase: useCaseField,
  context: contextField,
  kinds: { ...planSchema.tests, flag: "kind", description: "Test kinds to add", valueHint: TEST_KINDS.join(","), required: true },
};

/** The checklist item each kind of test file covers. */
const CHECKLIST: Record<TestKind, string> = {
  security: "Security test cases",
  domain: "Domain logic unit tests",
  integration: "Integration tests for workflows",
  performance: "Performance testing",
};

export const testGenerator = defineGrowGenerator({
  name: "test",
  description: "Grow a use-case by test kinds: the test files, and its plan updated in place",
  schema: testSchema,
  grow(input, uc, renderer, context) {
    const answers = storedPlanInput(uc.plan, uc.planPath);
    if (!answers) throw new InputError(`--use-case ${JSON.stringify(input.useCase)}`, `${uc.planPath} keeps no answers to derive tests from (made by hand or by an older mjoplan)`);
    for (const kind of input.kinds) {
      if (answers.tests.includes(kind) || uc.read(uc.testPath(kind)) !== undefined) throw new InputError(`--kind ${kind}`, `${uc.useCase.title} already has ${kind} tests`);
    }
    const grown = { ...answers, tests: TEST_KINDS.filter((k) => answers.tests.includes(k) || input.kinds.includes(k)) };
    const model = normalize(grown, normalizeOptions(context));
    // The new cases cover the items the plan has, by what they say: a grown plan may number them otherwise.
    const ids = idsInPlan(uc.plan, model.traceability);
    let plan = uc.plan;
    const files: PlannedFile[] = [];
    const written = new Map<string, string>();

    for (const kind of input.kinds) {
      const file = linkedToPlan(model.testFiles.find((f) => f.kind === kind)!, ids);
      const content = renderTestFile(renderer, model, file);
      files.push({ path: file.file.path, content, mode: "owned" });
      written.set(file.file.path, content);
      const link = `[${path.posix.basename(file.file.path)}](${file.file.link})`;
      plan = appendRows(
        plan,
        ". Test plan",
        /^\| [A-Z]+-\d+ +\| (security|domain|integration|performance) +\|/,
        file.cases.map((c) => `| ${c.id} | ${kind} | ${md(c.title)}${c.todo ? " (todo)" : ""} | ${c.covers.join(", ") || "none"} | [${cellPipes(code(path.posix.basename(file.file.path)))}](${file.file.link}) |`),
      );
      plan = appendToSection(plan, ". Test plan", `### ${file.title}\n\n[${code(file.file.path)}](${file.file.link})\n\n\`\`\`ts\n\n\`\`\``);
      for (const c of file.cases) for (const id of c.covers) plan = addTestToItem(plan, id, c.id, link);
      // The test plan's number depends on the sections the config leaves out; without it, the file alone.
      const testPlan = /^## (\d+)\. Test plan$/m.exec(plan);
      plan = setChecklistCoverage(plan, CHECKLIST[kind], () => `${testPlan ? `[Test plan](#${testPlan[1]}-test-plan); ` : ""}${link}`);
      plan = appendRows(plan, "Generated files", /^- \[/, [`- [${code(file.file.path)}](${file.file.link})`]);
    }
    plan = replaceAnswers(plan, toAnswers(grown, grown.date || context.today));
    files.push({ path: uc.planPath, content: withEmbeddedTests(plan, uc.planPath, written), mode: "update", isPlan: true });
    return files;
  },
});
