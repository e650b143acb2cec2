/**
 * Typed answers in, the complete plan model out: names, paths, IDs, checks and
 * examples. Pure, so the same answers and date always give the same model.
 */
import path from "node:path";
import { buildCatalog, TODO } from "./catalog.js";
import { checklistOf } from "./checklist.js";
import { DEFAULT_LAYOUT, expand, fileRef, importPath, kernelImports, type Layout } from "./layout.js";
import type { CommandModel, EventModel, PlanModel, TestFileModel, TraceRow, ValueObjectModel } from "./model.js";
import { namesOf, type Names } from "./names.js";
import { parseRateLimit, TEST_KINDS, type PlanInput } from "./schema.js";
import { PLAN_SECTIONS } from "./sections.js";
import { stepsOf } from "./steps.js";
import { answersComment, toAnswers } from "./stored-answers.js";
import { eventModel } from "./event-model.js";
import { valueObjectModel } from "./value-object-model.js";

export interface NormalizeOptions {
  /** YYYY-MM-DD used when the input has no date. */
  today: string;
  generatorVersion: string;
  layout?: Layout;
  importExtension?: ".js" | "";
  kernelImport?: string;
  /** The team's own review-checklist items, by checklist section. */
  extraChecklist?: Record<string, string[]>;
  omitSections?: string[];
}

const LATENCY_BUDGET_MS = 300;

const TEST_TITLES = { security: "Security tests", domain: "Domain tests", integration: "Integration tests", performance: "Performance tests" } as const;

export function normalize(input: PlanInput, options: NormalizeOptions): PlanModel {
  const layout = options.layout ?? DEFAULT_LAYOUT;
  const useCase = namesOf(input.name);
  const planPath = expand(layout.plan, useCase);
  const sourceDir = expand(layout.source, useCase);
  const testsDir = expand(layout.tests, useCase);
  const kernelDir = expand(layout.kernel, useCase);
  const ref = (p: string) => fileRef(planPath, p);
  const ext = options.importExtension ?? ".js";
  const fromTests = (p: string) => importPath(testsDir, p, ext);
  const pii = input.pii.map(namesOf);
  const piiCamels = new Set(pii.map((p) => p.camel));

  const valueObjects: ValueObjectModel[] = input.valueObjects.map((vo) => valueObjectModel(vo, sourceDir, ref, fromTests));
  const voByCamel = new Map(valueObjects.map((vo) => [vo.names.camel, vo]));

  const events: EventModel[] = input.events.map((ev) => eventModel(ev, sourceDir, ref, fromTests, piiCamels, voByCamel));

  let command: CommandModel | undefined;
  if (input.scheduledCommand) {
    const names = namesOf(input.scheduledCommand);
    const filePath = `${sourceDir}/${names.kebab}.command.ts`;
    command = { names, file: ref(filePath), importFromTests: fromTests(filePath) };
  }

  const route = input.route || `/api/${useCase.kebab}`;
  const rateLimit = parseRateLimit(input.rateLimit);
  const catalog = buildCatalog({
    useCase,
    summary: input.summary,
    actor: input.actor,
    method: input.method,
    route,
    auth: input.auth,
    roles: input.roles,
    rateLimit,
    enumerationSensitive: input.enumerationSensitive,
    audit: input.audit,
    pii,
    criteria: input.criteria,
    kinds: input.tests,
    latencyBudgetMs: LATENCY_BUDGET_MS,
    valueObjects,
    events,
    ...(command ? { command } : {}),
  });

  const testFiles: TestFileModel[] = TEST_KINDS.filter((k) => input.tests.includes(k)).map((kind) => ({
    kind,
    title: TEST_TITLES[kind],
    file: ref(`${testsDir}/${useCase.kebab}.${kind}.test.ts`),
    cases: catalog.tests.filter((t) => t.kind === kind),
  }));

  const kernelFile = (name: string) => `${kernelDir}/${name}.ts`;
  const kernel = kernelImports(sourceDir, kernelDir, ext, options.kernelImport);
  const kernelRefs = options.kernelImport ? [] : ["result", "validation-error", "value-object", "domain-event"].map((n) => ref(kernelFile(n)));

  const generatedFiles = [
    ...valueObjects.map((v) => v.file),
    ...events.map((e) => e.file),
    ...(command ? [command.file] : []),
    ...testFiles.map((t) => t.file),
    ...kernelRefs,
  ];

  const fileOfTest = new Map(testFiles.flatMap((f) => f.cases.map((c) => [c.id, f.file] as const)));
  const traceability: TraceRow[] = [...catalog.functional, ...catalog.nonFunctional, ...catalog.criteria, ...catalog.threats].map((item) => {
    const files = [...new Set(item.tests.map((t) => fileOfTest.get(t)!))];
    return {
      id: item.id,
      what: "text" in item ? item.text : `${item.category}: ${item.threat}`,
      tests: item.tests.join(", "),
      files: files.map((f) => `[${path.posix.basename(f.path)}](${f.link})`).join(", "),
    };
  });

  const model: PlanModel = {
    useCase,
    summary: input.summary,
    actor: input.actor,
    context: input.context,
    method: input.method,
    route,
    auth: input.auth,
    authWords: input.auth === "anonymous" ? "anonymous (public endpoint)" : input.auth === "roles" ? `roles: ${input.roles.join(", ") || TODO}` : "authenticated",
    roles: input.roles,
    system: input.system,
    owner: input.owner,
    date: input.date || options.today,
    status: "draft",
    generator: `mjoplan ${options.generatorVersion}`,
    rateLimit,
    enumerationSensitive: input.enumerationSensitive,
    audit: input.audit,
    pii,
    latencyBudgetMs: LATENCY_BUDGET_MS,
    planFile: ref(planPath),
    ...(input.agentPrompt ? { agentPrompt: agentPromptOf(useCase, planPath) } : {}),
    kernelDir,
    ...(options.kernelImport ? { kernelImport: options.kernelImport } : {}),
    sections: PLAN_SECTIONS.filter((s) => !(options.omitSections ?? []).includes(s)),
    kernel,
    valueObjects,
    events,
    ...(command ? { command } : {}),
    testFiles,
    ...(catalog.domainRulesTodo ? { domainRulesTodo: catalog.domainRulesTodo } : {}),
    functional: catalog.functional,
    nonFunctional: catalog.nonFunctional,
    criteria: catalog.criteria,
    threats: catalog.threats,
    steps: [],
    checklist: [],
    traceability,
    generatedFiles,
    answersComment: answersComment(toAnswers(input, input.date || options.today)),
    telemetry: telemetryOf(pii, input.actor),
  };
  model.steps = stepsOf(model, kernelRefs);
  model.checklist = checklistOf(model, options.extraChecklist ?? {});
  return model;
}

function agentPromptOf(useCase: Names, planPath: string): { path: string; planLink: string } {
  const promptPath = `.github/prompts/${useCase.kebab}-plan.prompt.md`;
  return { path: promptPath, planLink: path.posix.relative(path.posix.dirname(promptPath), planPath) };
}

function telemetryOf(pii: Names[], actor: string): { field: string; handling: string }[] {
  return [
    { field: "correlationId, route, status, latency", handling: "kept" },
    { field: `${actor} id`, handling: "hashed (keyed HMAC, rotated key) so counts per caller work without identifying anyone" },
    { field: "client IP", handling: "truncated to /24 (IPv4) or /48 (IPv6) for rate-limit metrics; never stored raw" },
    ...pii.map((p) => ({ field: p.camel, handling: "dropped before logging, tracing and events (personal data)" })),
    { field: "request body, credentials, tokens", handling: "dropped" },
  ];
}
