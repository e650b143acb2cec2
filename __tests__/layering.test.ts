/**
 * The generic floor stays generic: nothing in lib/ imports a generator (what a
 * generator knows stays behind its definition; the bin hands the registry in),
 * and no command module imports the CLI's main module back.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../lib/config/config.js";
import { configVocabularyOf, defineGenerator } from "../lib/generator.js";
import { ROOT } from "./support/project.js";

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(full)));
    else if (entry.name.endsWith(".ts")) out.push(full);
  }
  return out;
}

describe("lib/ layering", () => {
  it("imports nothing from generators/", async () => {
    const offenders: string[] = [];
    for (const file of await sources(path.join(ROOT, "lib"))) {
      const rel = path.relative(ROOT, file);
      if (/(?:from\s+|import\s*\()["'](?:\.\.\/)+generators\//.test(await readFile(file, "utf8"))) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  it("has no command module importing the CLI's main module", async () => {
    const offenders: string[] = [];
    for (const file of await sources(path.join(ROOT, "lib/cli"))) {
      if (/from\s+["']\.\/main\.js["']/.test(await readFile(file, "utf8"))) offenders.push(path.relative(ROOT, file));
    }
    expect(offenders).toEqual([]);
  });
});

describe("the config's names come from the generators' definitions, not from lib/", () => {
  /** A program of its own: one generator with other paths, sections and checklist than the plan's. */
  const docs = defineGenerator({
    name: "docs",
    description: "Write a page",
    schema: {},
    label: () => "docs",
    build: () => [[]],
    config: { paths: { page: { what: "Path of a page", default: "docs/{name}.md" } }, placeholders: { "{name}": "the page's name" }, sections: ["intro", "usage"], checklistSections: ["Style"] },
  });
  const vocabulary = configVocabularyOf({ docs });

  it("accepts the names that program's generator declares", () => {
    const { config, problems } = parseConfig({ paths: { page: "pages/{name}.md" }, omitSections: ["usage"], checklist: { Style: ["Short sentences"] } }, "cfg", vocabulary);
    expect(problems).toEqual([]);
    expect(config.paths).toEqual({ page: "pages/{name}.md" });
    expect(config.omitSections).toEqual(["usage"]);
  });

  it("refuses the plan generator's names there, each by its key path", () => {
    const { problems } = parseConfig({ paths: { plan: "x.md", page: "{UseCase}.md" }, omitSections: ["design"], checklist: { "Security & Privacy": [] } }, "cfg", vocabulary);
    expect(problems).toEqual([
      "cfg.paths.plan: unknown key (expected page)",
      "cfg.paths.page: unknown placeholder {UseCase} (expected one of {name})",
      "cfg.checklist.Security & Privacy: unknown checklist section (expected one of Style)",
      'cfg.omitSections[0]: unknown section "design" (expected one of intro, usage)',
    ]);
  });

  it("ships mjoplan's own names in the config's JSON Schema, from its registry", async () => {
    const schema = JSON.parse(await readFile(path.join(ROOT, "dist/mjoplan.config.schema.json"), "utf8")) as { properties: Record<string, { items?: { enum?: string[] }; properties?: Record<string, unknown> }> };
    expect(schema.properties["omitSections"]?.items?.enum).toContain("threat-model");
    expect(Object.keys(schema.properties["paths"]?.properties ?? {})).toEqual(["plan", "source", "valueObjects", "events", "commands", "states", "tests", "kernel", "handler"]);
    expect(Object.keys(schema.properties["checklist"]?.properties ?? {})).toContain("Security & Privacy");
  });
});
