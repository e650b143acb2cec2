/**
 * `value-object`: grows an existing use-case by value objects. Writes each stub,
 * adds its tests to the domain test file, and updates the plan in place: the
 * requirement, the domain model, the test plan, the embedded tests, the
 * traceability matrix, the checklist link and the list of generated files.
 */
import path from "node:path";
import { syncEmbedded } from "../../lib/check/sync-plan.js";
import { InputError } from "../../lib/errors.js";
import { defineGenerator } from "../../lib/generator.js";
import { cellPipes, code, md } from "../../lib/render/escape.js";
import { list, text } from "../../lib/schema/fields.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import { expand, fileRef, importPath, kernelImports } from "../plan/layout.js";
import { namesOf, validateUseCaseName } from "../plan/names.js";
import { planRenderer } from "../plan/render.js";
import { noDuplicates, parseValueObject, type ValueObjectInput } from "../plan/schema.js";
import { valueObjectModel, valueObjectRequirement } from "../plan/value-object-model.js";
import { addToTable, addToTestFile, appendRows, appendToSection, nextNumber, setChecklistCoverage } from "./plan-edits.js";

export const valueObjectSchema = {
  useCase: text({ flag: "use-case", description: "The use-case to grow, by the name its plan was made with", valueHint: '"Rename room"', required: true, validate: validateUseCaseName }),
  valueObjects: list({
    flag: "value-object",
    description: "A value object and its rule",
    valueHint: "Name:rule",
    required: true,
    parseItem: parseValueObject,
    validate: noDuplicates<ValueObjectInput>("value object", (v) => namesOf(v.name).pascal),
  }),
};

export const valueObjectGenerator = defineGenerator({
  name: "value-object",
  description: "Grow a use-case by value objects: stubs, domain tests, and its plan updated in place",
  schema: valueObjectSchema,
  label: (input) => input.useCase,
  build(inputs, context) {
    const renderer = planRenderer(context.templatesDir, context.overridesDir);
    const { config } = context;
    const read = context.read ?? (() => undefined);
    return inputs.map((input) => {
      const useCase = namesOf(input.useCase);
      const planPath = expand(config.paths.plan, useCase);
      const sourceDir = expand(config.paths.source, useCase);
      const testsDir = expand(config.paths.tests, useCase);
      const testPath = `${testsDir}/${useCase.kebab}.domain.test.ts`;
      let plan = read(planPath);
      if (plan === undefined) throw new InputError(`--use-case ${JSON.stringify(input.useCase)}`, `no plan at ${planPath} (make it with mjoplan plan first)`);
      const ref = (p: string) => fileRef(planPath, p);
      const kernel = kernelImports(sourceDir, expand(config.paths.kernel, useCase), config.importExtension, config.kernelImport);
      let tests = read(testPath);
      const files: PlannedFile[] = [];

      for (const voInput of input.valueObjects) {
        const vo = valueObjectModel(voInput, sourceDir, ref, (p) => importPath(testsDir, p, config.importExtension));
        if (read(vo.file.path) !== undefined || plan.includes(`| ${vo.names.pascal} | `)) {
          throw new InputError(`--value-object ${JSON.stringify(`${voInput.name}:${vo.ruleText}`)}`, `${useCase.title} already has a value object ${vo.names.pascal}`);
        }
        const dom = Math.max(nextNumber(plan, "DOM"), nextNumber(tests ?? "", "DOM"));
        vo.acceptTestId = `DOM-${dom}`;
        vo.rejectTestId = `DOM-${dom + 1}`;
        const fr = `FR-${nextNumber(plan, "FR")}`;
        const ids = `${vo.acceptTestId}, ${vo.rejectTestId}`;
        files.push({ path: vo.file.path, content: renderer.render("domain/value-object.ts.hbs", { vo, kernel }), mode: "owned" });

        // The domain tests: this value object's block, added to the file (or a new file).
        const rendered = renderer.render("tests/domain.test.ts.hbs", { valueObjects: [vo], events: [], date: "", useCase });
        const [head, ...body] = rendered.split(/\n(?=\ndescribe\()/);
        const imports = head!.split("\n").filter((l) => l.startsWith("import "));
        const testFile = ref(testPath);
        if (tests === undefined) {
          // No domain tests yet: the file is new, and the plan gets its section (filled by syncEmbedded below).
          tests = rendered;
          plan = appendToSection(plan, "5. Test plan", `### Domain tests\n\n[${code(testPath)}](${testFile.link})\n\n\`\`\`ts\n\n\`\`\``);
        } else tests = addToTestFile(tests, imports.filter((l) => !l.includes("@jest/globals")), body.join("\n"));

        const link = `[${cellPipes(code(path.posix.basename(testPath)))}](${testFile.link})`;
        plan = appendRows(plan, "1. Feature definition", /^\| FR-\d+ \|/, [`| ${fr} | ${cellPipes(valueObjectRequirement(vo))} | ${ids} |`]);
        plan = addToTable(
          plan,
          "| Value object | Rule | Accepts | File |",
          "No value objects were asked for.",
          `| ${vo.names.pascal} | ${cellPipes(code(vo.ruleText))} | ${md(vo.ruleWords)} | [${cellPipes(code(vo.file.path))}](${vo.file.link}) |`,
        );
        plan = appendRows(plan, "5. Test plan", /^\| [A-Z]+-\d+ \| (security|domain|integration|performance) \|/, [
          `| ${vo.acceptTestId} | domain | ${md(`${vo.names.pascal} accepts valid values`)} | ${fr} | ${link} |`,
          `| ${vo.rejectTestId} | domain | ${md(`${vo.names.pascal} rejects each kind of invalid input with a clear error`)} | ${fr} | ${link} |`,
        ]);
        plan = appendRows(plan, "Traceability matrix", /^\| FR-\d+ \|/, [`| ${fr} | ${cellPipes(valueObjectRequirement(vo))} | ${ids} | [${path.posix.basename(testPath)}](${testFile.link}) |`]);
        plan = setChecklistCoverage(plan, "Value objects with validation", (current) => {
          const listed = /((?:DOM-\d+, )*DOM-\d+) in \[/.exec(current);
          return listed ? current.replace(listed[1]!, `${listed[1]}, ${ids}`) : `[Domain model](#domain-model); ${ids} in [${path.posix.basename(testPath)}](${testFile.link})`;
        });
        plan = appendRows(plan, "Generated files", /^- \[/, [`- [${code(vo.file.path)}](${vo.file.link})`]);
      }
      const finalTests = tests!;
      files.push({ path: testPath, content: finalTests, mode: "update" });
      plan = syncEmbedded(plan, (link) => (path.posix.normalize(path.posix.join(path.posix.dirname(planPath), link)) === testPath ? finalTests : undefined));
      files.push({ path: planPath, content: plan, mode: "update" });
      return files;
    });
  },
});
