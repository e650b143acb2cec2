/**
 * `event`: grows an existing use-case by domain events. Writes each event stub,
 * adds its domain tests (and an integration todo where the use-case has
 * integration tests), and updates the plan in place through the shared edits. The handler
 * contract gets the outbox port where the request (or the job) now emits an event, and the
 * plan's stored answers list the event, so a later `mjoplan test` derives the same.
 */
import { GenerationError, InputError } from "../../lib/errors.js";
import { cellPipes, code } from "../../lib/render/escape.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import { addDomainTests } from "../grow/domain-tests.js";
import { forRunner } from "../plan/testing.js";
import { addToTable, hasRow, nextNumber } from "../grow/plan-edits.js";
import { recordInPlan, withEmbeddedTests } from "../grow/record-in-plan.js";
import { defineGrowGenerator } from "../grow/define-grow-generator.js";
import { contextField, useCaseField, valueObjectsOf } from "../grow/use-case-files.js";
import { eventModel, eventRequirement } from "../plan/event-model.js";
import { valueObjectFormOf } from "../plan/value-object-model.js";
import { namesOf } from "../plan/names.js";
import { planSchema } from "../plan/schema.js";
import { contractWithEvent } from "../grow/handler-contract.js";
import { withTodoTest } from "../grow/test-file-edits.js";
import { refuseWhatPlanRefuses } from "../grow/grown-answers.js";
import { appendToStoredAnswers, readAnswers } from "../plan/stored-answers.js";

export const eventSchema = {
  useCase: useCaseField,
  context: contextField,
  // The plan generator's own fields; events are required here: growing by nothing is a mistake.
  events: { ...planSchema.events, required: true },
  pii: planSchema.pii,
};

export const eventGenerator = defineGrowGenerator({
  name: "event",
  description: "Grow a use-case by domain events: stubs, domain tests, and its plan updated in place",
  schema: eventSchema,
  grow(input, uc, renderer, context) {
    const { useCase, planPath, ref, read } = uc;
    const domainPath = uc.testPath("domain");
    const integrationPath = uc.testPath("integration");
    const voByCamel = new Map(valueObjectsOf(uc).map((vo) => [vo.names.camel, vo]));
    const pii = new Set(input.pii.map((p) => namesOf(p).camel));
    let plan = uc.plan;
    let tests = read(domainPath);
    let integration = read(integrationPath);
    let contract = read(uc.handlerPath);
    const files: PlannedFile[] = [];

    for (const evInput of input.events) {
      const ev = eventModel(evInput, uc.dirs.events, ref, uc.fromTests, pii, voByCamel, uc.suffixes.event);
      if (read(ev.file.path) !== undefined || hasRow(plan, `| ${ev.names.pascal} | 1 |`) || voByCamel.has(ev.names.camel)) {
        throw new InputError(`--event ${JSON.stringify(evInput.name)}`, `${useCase.title} already has a value object or event named ${ev.names.pascal}`);
      }
      const dom = Math.max(nextNumber(plan, "DOM"), nextNumber(tests ?? "", "DOM"));
      ev.roundTripTestId = `DOM-${dom}`;
      ev.rejectTestId = `DOM-${dom + 1}`;
      if (ev.excluded.length) ev.privacyTestId = `DOM-${dom + 2}`;
      const fr = `FR-${nextNumber(plan, "FR")}`;
      files.push({ path: ev.file.path, content: renderer.render("domain/event.ts.hbs", { ev, kernel: uc.kernelFor(ev.file.path) }), mode: "owned" });

      const domainFile = ref(domainPath);
      const rendered = renderer.render("tests/domain.test.ts.hbs", { valueObjects: [], events: [ev], date: context.today, useCase, testing: uc.testing, valueObjectStyle: uc.valueObjectStyle, valueObjectForm: valueObjectFormOf(uc.valueObjectStyle), kernelFromTests: uc.kernelFromTests });
      ({ plan, tests } = addDomainTests(plan, tests, rendered, domainPath, domainFile.link));
      const grown = [
        { id: ev.roundTripTestId, kind: "domain", title: `${ev.names.pascal} round-trips through JSON`, file: domainFile },
        { id: ev.rejectTestId, kind: "domain", title: `${ev.names.pascal} refuses another event's name, an unknown version and a malformed payload`, file: domainFile },
        ...(ev.privacyTestId ? [{ id: ev.privacyTestId, kind: "domain", title: `${ev.names.pascal} keeps personal data out of its payload`, file: domainFile }] : []),
      ];
      if (integration !== undefined) {
        const id = `INT-${Math.max(nextNumber(plan, "INT"), nextNumber(integration, "INT"))}`;
        const title = `a successful request publishes ${ev.names.pascal}`;
        const withTest = withTodoTest(integration, `${id} ${title}`);
        // A plan that lists a test no file has is false: refused, nothing written.
        if (withTest === undefined) throw new GenerationError(`${integrationPath}: found no top-level describe(...) block to add ${id} to; add it.todo("${id} ${title}") by hand or restore the file's describe block`);
        integration = withTest;
        grown.push({ id, kind: "integration", title, file: ref(integrationPath) });
      }

      const payload = ev.fields.map((f) => `${f.names.camel}: ${f.primitive}`).join(", ") || "none";
      const excluded = ev.excluded.map((f) => f.camel).join(", ") || "none";
      plan = addToTable(
        plan,
        "| Event | Version | Emitted by | Payload | Personal data kept out | File |",
        "No domain events were asked for",
        `| ${ev.names.pascal} | 1 | ${ev.emitter ? `${ev.emitter}, when it runs` : "the request, after the change"} | ${payload} | ${excluded} | [${cellPipes(code(ev.file.path))}](${ev.file.link}) |`,
      );
      plan = recordInPlan(plan, { fr, requirement: eventRequirement(ev), tests: grown, checklistItem: "Domain events for state changes", file: ev.file });
      if (contract !== undefined) {
        const edited = contractWithEvent(contract, useCase, ev);
        // A contract rewritten by hand stays as it is: its type-check names what to add.
        contract = edited.content;
      }
    }
    // After each item's own checks (a name it already has), the answers as a whole, as `plan` judges them.
    refuseWhatPlanRefuses(uc.plan, planPath, (stored) => ({ ...stored, events: [...stored.events, ...input.events], pii: [...new Set([...stored.pii, ...input.pii])] }));
    const grownTests = new Map([[domainPath, forRunner(tests!, uc.testing, "tests/domain.test.ts.hbs")]]);
    if (integration !== undefined) grownTests.set(integrationPath, integration);
    for (const [path, content] of grownTests) files.push({ path, content, mode: "update" });
    if (contract !== undefined && contract !== read(uc.handlerPath)) files.push({ path: uc.handlerPath, content: contract, mode: "update" });
    const storedPii = readAnswers(plan, planPath)?.["pii"];
    plan = appendToStoredAnswers(plan, planPath, {
      events: input.events.map((e) => ({ name: e.name, fields: e.fields, ...(e.emitter ? { emitter: e.emitter } : {}) })),
      pii: input.pii.filter((p) => !(Array.isArray(storedPii) && storedPii.includes(p))),
    });
    files.push({ path: planPath, content: withEmbeddedTests(plan, planPath, grownTests), mode: "update", isPlan: true });
    return files;
  },
});
