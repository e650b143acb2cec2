/**
 * The plan model in, the files of one use-case out, all in memory: domain stubs,
 * test files, the plan (which embeds the tests) and the shared kernel.
 */
import path from "node:path";
import { Renderer, templatesUnder } from "../../lib/render/engine.js";
import { tidyMarkdown } from "../../lib/render/tidy-markdown.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import type { PlanModel, TestFileModel } from "./model.js";
import { PLAN_SECTIONS } from "./sections.js";
import { renderTest, forRunner } from "./testing.js";
import { kernelFiles } from "./kernel.js";
import { importPath, kernelImports } from "./layout.js";
import { supportFiles } from "./handler-model.js";
import { testsView } from "./handler-tests.js";
import { helperImport } from "./test-runner.js";
import { valueObjectStub } from "./value-object-model.js";

// The ports and fakes depend only on where they go: a batch renders each once per renderer and context.
const once = new WeakMap<Renderer, Map<string, string>>();
function renderOnce(renderer: Renderer, template: string, context: Record<string, string>): string {
  let cache = once.get(renderer);
  if (!cache) once.set(renderer, (cache = new Map()));
  const key = `${template}\n${JSON.stringify(context)}`;
  let content = cache.get(key);
  if (content === undefined) cache.set(key, (content = renderer.render(template, context)));
  return content;
}

/** The test bodies are partials, each named by its path without the extension (`tests/bodies/success`). */
const BODIES = "tests/bodies";

/** The support files a newer port adds to: the ports themselves, and the fakes' factory and index. */
const GROWS = /(?:^|\/)(?:ports|fake-ports|index)\.ts\.hbs$/;

export function planRenderer(templatesDir: string, overridesDir?: string): Renderer {
  // The bodies folder's own files (a team cannot add one: an override of no built-in template is refused).
  const bodies = templatesUnder(templatesDir, BODIES).filter((rel) => rel.endsWith(".ts.hbs") && !rel.includes("/", BODIES.length + 1));
  return new Renderer(
    templatesDir,
    {
      ...Object.fromEntries(PLAN_SECTIONS.map((s) => [s, `plan/sections/${s}.md.hbs`])),
      ...Object.fromEntries(bodies.map((rel) => [rel.slice(0, -".ts.hbs".length), rel])),
    },
    overridesDir,
  );
}

/** One test file's code: the domain tests from the rules, the others against the handler contract (or todos). */
export function renderTestFile(renderer: Renderer, model: PlanModel, file: TestFileModel): string {
  if (file.kind === "domain") return renderTest(renderer, "tests/domain.test.ts.hbs", model, model.testing);
  const testsDir = path.posix.dirname(file.file.path);
  const t = testsView(model, file, model.testRunner, testsDir, model.support.ext);
  const template = t.anyBody ? "tests/handler-tests.test.ts.hbs" : "tests/todo-tests.test.ts.hbs";
  return renderTest(renderer, template, { file, useCase: model.useCase, h: model.handler, t }, model.testing);
}

export function renderPlan(model: PlanModel, renderer: Renderer): PlannedFile[] {
  const files: PlannedFile[] = [];
  const owned = (path: string, content: string): void => {
    files.push({ path, content, mode: "owned" });
  };
  // Each stub imports the kernel from its own folder (value objects, events and commands may live apart).
  const kernelFor = (file: string) => kernelImports(path.posix.dirname(file), model.kernelDir, model.importExtension, model.kernelImport);
  for (const vo of model.valueObjects) owned(vo.file.path, renderer.render("domain/value-object.ts.hbs", valueObjectStub(vo, kernelFor(vo.file.path), model.valueObjectStyle)));
  for (const ev of model.events) owned(ev.file.path, renderer.render("domain/event.ts.hbs", { ev, kernel: kernelFor(ev.file.path) }));
  if (model.command) owned(model.command.file.path, renderer.render("domain/command.ts.hbs", { cmd: model.command, kernel: kernelFor(model.command.file.path) }));
  if (model.states) owned(model.states.file.path, renderer.render("domain/state.ts.hbs", { states: model.states, kernel: kernelFor(model.states.file.path) }));
  owned(model.handler.file.path, renderer.render("handler/handler.ts.hbs", { h: model.handler, useCase: model.useCase }));

  const testFiles = model.testFiles.map((file) => {
    const code = renderTestFile(renderer, model, file);
    owned(file.file.path, code);
    return { ...file, code };
  });
  // The plan goes first: it is what the summary and a reviewer look at first.
  // Its ~110,000 characters are one flat string from here on. V8 makes a string of more than 128 KB a large object
  // (its own mmap'd pages, page faults, an munmap when collected: about 1.5 ms of CPU each on the benchmark's machine):
  // one character beyond Latin-1 doubles the plan to 220 KB and makes it one, and a copy (tidyMarkdown dropping a line)
  // makes another. So the built-in templates and packs write Latin-1 ("Client to API", " - ") and no blank line
  // tidyMarkdown would drop; a use-case's own words beyond Latin-1 still cost that, and are fine.
  files.unshift({ path: model.planFile.path, content: tidyMarkdown(renderer.render("plan/plan.md.hbs", { ...model, testFiles })), mode: "owned", isPlan: true });
  if (model.agentPrompt) owned(model.agentPrompt.path, renderer.render("agent/plan.prompt.md.hbs", model));

  // A team that imports its own kernel gets none written.
  if (!model.kernelImport) files.push(...kernelFiles(renderer, model.kernelDir, model.importExtension, "create-only"));
  // The ports and their fakes, likewise written only where missing, unless the team imports its own.
  const s = model.support;
  const ext = s.ext;
  for (const f of supportFiles(s)) {
    const dir = path.posix.dirname(f.path);
    const domainEvent = model.kernelImport ?? importPath(dir, `${model.kernelDir}/domain-event.ts`, ext);
    const ports = s.portsImport ?? importPath(dir, `${s.portsDir}/ports.ts`, ext);
    const context = { domainEvent, ports, ext, runnerImport: helperImport(model.testRunner, ["expect"]) };
    // A fake that asserts (expectProblem) speaks the runner's assertions too: node:assert for node's runner.
    // The ports and the fakes' index and factory grow with new ports: what a file written earlier lacks is added to it.
    files.push({ path: f.path, content: forRunner(renderOnce(renderer, f.template, context), model.testing, f.template), mode: "create-only", ...(GROWS.test(f.template) ? { additive: true as const } : {}) });
  }
  return files;
}
