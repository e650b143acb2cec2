/**
 * The plan model in, the files of one use-case out, all in memory: domain stubs,
 * test files, the plan (which embeds the tests) and the shared kernel.
 */
import { Renderer } from "../../lib/render/engine.js";
import { tidyMarkdown } from "../../lib/render/tidy-markdown.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import type { PlanModel } from "./model.js";
import { PLAN_SECTIONS } from "./sections.js";
import { renderTest } from "./testing.js";
import { kernelFiles } from "./kernel.js";
import { kernelImports } from "./layout.js";
import path from "node:path";

export function planRenderer(templatesDir: string, overridesDir?: string): Renderer {
  return new Renderer(templatesDir, Object.fromEntries(PLAN_SECTIONS.map((s) => [s, `plan/sections/${s}.md.hbs`])), overridesDir);
}

export function renderPlan(model: PlanModel, renderer: Renderer): PlannedFile[] {
  const files: PlannedFile[] = [];
  const owned = (path: string, content: string): void => {
    files.push({ path, content, mode: "owned" });
  };
  // Each stub imports the kernel from its own folder (value objects, events and commands may live apart).
  const kernelFor = (file: string) => kernelImports(path.posix.dirname(file), model.kernelDir, model.importExtension, model.kernelImport);
  for (const vo of model.valueObjects) owned(vo.file.path, renderer.render("domain/value-object.ts.hbs", { vo, kernel: kernelFor(vo.file.path), style: model.valueObjectStyle }));
  for (const ev of model.events) owned(ev.file.path, renderer.render("domain/event.ts.hbs", { ev, kernel: kernelFor(ev.file.path) }));
  if (model.command) owned(model.command.file.path, renderer.render("domain/command.ts.hbs", { cmd: model.command, kernel: kernelFor(model.command.file.path) }));
  if (model.states) owned(model.states.file.path, renderer.render("domain/state.ts.hbs", { states: model.states, kernel: kernelFor(model.states.file.path) }));

  const testFiles = model.testFiles.map((file) => {
    const code = file.kind === "domain" ? renderTest(renderer, "tests/domain.test.ts.hbs", model, model.testing) : renderTest(renderer, "tests/todo-tests.test.ts.hbs", { file, useCase: model.useCase }, model.testing);
    owned(file.file.path, code);
    return { ...file, code };
  });
  // The plan goes first: it is what the summary and a reviewer look at first.
  files.unshift({ path: model.planFile.path, content: tidyMarkdown(renderer.render("plan/plan.md.hbs", { ...model, testFiles })), mode: "owned", isPlan: true });
  if (model.agentPrompt) owned(model.agentPrompt.path, renderer.render("agent/plan.prompt.md.hbs", model));

  // A team that imports its own kernel gets none written.
  if (!model.kernelImport) files.push(...kernelFiles(renderer, model.kernelDir, model.importExtension, "create-only"));
  return files;
}
