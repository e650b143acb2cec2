/**
 * The built-in templates run as the plain JavaScript the build compiles them to (scripts/compile-templates.mjs), not
 * on Handlebars; what they write must be what Handlebars writes.
 * - Each answers file of the examples and fixtures is planned twice: as a run does, and in a repository whose team
 *   template folder holds a copy of one built-in template that differs only by a comment Handlebars drops, which
 *   makes the run compile every template with Handlebars. Every file written is the same, byte for byte; the module
 *   recorder shows that the first run loaded no Handlebars and the second did.
 * - Templates using each construct the compiler knows (blocks and their else, @data, ../, helpers, subexpressions,
 *   partials and their indent, white space control, lambdas, own-property lookups) render as Handlebars renders
 *   them, over contexts that reach each edge (zero, empty arrays, objects, iterables, numbers side by side); a
 *   missing value is an error in both.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import Handlebars from "handlebars";
import { compileTemplates } from "../scripts/compile-templates.mjs";
import { COMPILE_OPTIONS, RUNTIME_HELPERS } from "../lib/render/engine.js";
import { helpers } from "../lib/render/helpers.js";
import { BIN, readTree, ROOT, tempDir } from "./support/project.js";

const RECORDER = path.join(ROOT, "__tests__/support/record-loads.mjs");
const ANSWERS = [
  "examples/request-password-reset.answers.json",
  "examples/export-recording.answers.json",
  "__tests__/fixtures/capabilities.answers.json",
  "__tests__/fixtures/strict-corners.answers.json",
  "__tests__/fixtures/use-cases.answers.json",
  "__tests__/fixtures/varied.answers.json",
];

/** Plans `answers` in a fresh repository (with a team template folder holding `teamCopy`, if given): its files, and whether Handlebars loaded. */
async function planIn(answers: string, teamCopy?: { rel: string; text: string }): Promise<{ files: Map<string, string>; handlebars: boolean }> {
  const repo = await tempDir("mjoplan-compiled-");
  // The team's folder is found from the repository's config (without one, from --dest).
  await writeFile(path.join(repo, "package.json"), JSON.stringify({ mjoplan: { templates: ".mjoplan/templates" } }));
  if (teamCopy) {
    await mkdir(path.dirname(path.join(repo, ".mjoplan/templates", teamCopy.rel)), { recursive: true });
    await writeFile(path.join(repo, ".mjoplan/templates", teamCopy.rel), teamCopy.text);
  }
  const record = path.join(await tempDir("mjoplan-loads-"), "loads.txt");
  await writeFile(record, "");
  const run = await execa("node", ["--import", RECORDER, BIN, "plan", "--answers", path.join(ROOT, answers), "--dest", "out", "--format", "never"], {
    cwd: repo,
    stdin: "ignore",
    reject: false,
    env: { MJOPLAN_RECORD_LOADS: record },
  });
  expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: "" });
  const loaded = await readFile(record, "utf8");
  return { files: await readTree(path.join(repo, "out")), handlebars: loaded.includes("/node_modules/handlebars/") };
}

describe("the built-in templates, compiled to JavaScript", () => {
  it.each(ANSWERS)("write what Handlebars writes for %s", async (answers) => {
    const rel = "kernel/result.ts.hbs";
    const original = await readFile(path.join(ROOT, "templates", rel), "utf8");
    // A comment on a line of its own, after the last line: Handlebars drops it and its line.
    const [compiled, handlebars] = await Promise.all([planIn(answers), planIn(answers, { rel, text: `${original}{{!-- the team's copy --}}` })]);
    expect(compiled.handlebars).toBe(false);
    expect(handlebars.handlebars).toBe(true);
    expect([...compiled.files.keys()]).toEqual([...handlebars.files.keys()]);
    expect(compiled.files.size).toBeGreaterThan(5);
    for (const [file, content] of handlebars.files) expect({ file, content: compiled.files.get(file) }).toEqual({ file, content });
  });
});

type Compiled = (context: unknown, data?: object) => string;
const require = createRequire(import.meta.url);
let fileCount = 0;

/** Compiles `templates` both ways: with the build's compiler (loaded as the build writes it) and with Handlebars. */
async function bothWays(templates: Record<string, string>): Promise<{ compiled: Record<string, Compiled>; handlebars: Record<string, HandlebarsTemplateDelegate> }> {
  const entries = Object.entries(templates).map(([name, source]) => ({ name, source, key: "" }));
  const file = path.join(await tempDir("mjoplan-compiled-"), `templates-${fileCount++}.cjs`);
  await writeFile(file, compileTemplates(entries, RUNTIME_HELPERS));
  const lookup = (obj: unknown, field: unknown, options: { lookupProperty(o: unknown, f: unknown): unknown }) => (obj ? options.lookupProperty(obj, field) : obj);
  const all = { ...helpers, lookup } as Record<string, (...all: unknown[]) => unknown>;
  let compiled: Record<string, Compiled> = {};
  compiled = (require(file) as { create(h: object, p: (name: unknown, context: unknown, data: object) => string): Record<string, Compiled> }).create(all, (name, context, data) => {
    const partial = compiled[String(name)];
    if (!partial) throw new Error(`The partial ${String(name)} could not be found`);
    return partial(context, data);
  });
  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn);
  const handlebars: Record<string, HandlebarsTemplateDelegate> = {};
  for (const [name, source] of Object.entries(templates)) {
    handlebars[name] = env.compile(source, COMPILE_OPTIONS);
    env.registerPartial(name, source);
  }
  return { compiled, handlebars };
}

/** What rendering gives: the text, or that it failed. */
function outcome(render: () => string): string {
  try {
    return render();
  } catch {
    return "<error>";
  }
}

class Inherits {
  own = "own";
}
(Inherits.prototype as unknown as { inherited: string }).inherited = "inherited";

const CONTEXTS: object[] = [
  { num: 1, other: 2, xs: [1, 2, 3], o: { k: "v", l: "w" }, p: { name: "P", n: 0 }, flag: 0, top: "T", text: "a *b* | c", list: ["x", "y"], nested: [{ ys: [{ name: "y1" }, { name: "y2" }], name: "n1" }] },
  { num: "A", other: null, xs: [], o: {}, p: null, flag: [], top: 0, text: "", list: [], nested: [] },
  { num: 0, other: false, xs: new Set(["s1", "s2"]), o: new Map([["m", 1]]), p: [], flag: "x", top: [1, 2], text: "é\u202e", list: "not a list", nested: [{ ys: [], name: "" }] },
  { num: () => "called", other: "", xs: "string", o: [0, ""], p: { name: "" }, flag: [0], top: { t: 1 }, text: "`code`", list: [1], nested: [{ ys: [{ name: 0 }], name: 1 }] },
];

const SNIPPETS: Record<string, string> = {
  // Two numbers side by side at a program's start are added, as Handlebars joins them; {{a}} is the helper a.
  side: "{{num}}{{other}}|{{this.num}}{{./other}}|{{#if num}}{{num}}{{/if}}{{other}}|{{a}}",
  each: "{{#each xs}}{{@index}}:{{this}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}},{{else}}none{{/each}}",
  eachObject: "{{#each o}}{{@key}}={{this}}{{#unless @last}};{{/unless}}{{else}}empty{{/each}}",
  with: "{{#with p}}{{name}}-{{../top}}{{else}}no p{{/with}}",
  ifUnless: "{{#if flag}}yes{{else if top}}top{{else}}no{{/if}}/{{#unless flag}}U{{else}}N{{/unless}}",
  depths: "{{#each nested}}{{#each ys}}[{{name}} {{../name}} {{../../top}} {{@root.top}}]{{/each}}{{/each}}",
  helpers: '{{ts text}} {{md text}} {{code text}} {{concat "x" (concat top "y")}} {{join list}} {{eq num 1}} {{lookup this "top"}}',
  whitespace: "start\n  {{#if flag}}\n  inside {{num}}\n  {{else}}\n  outside\n  {{/if}}\nmiddle {{~top~}} end\n{{!-- a comment --}}\nlast\n",
  partial: "before\n  {{> (concat \"part\")}}\nafter {{> part p}}|{{> part}}\n",
  part: "line {{@root.top}}\nsecond\n",
  missing: "{{nothing}}",
  missingDeep: "{{p.nothing}}",
  lambda: "{{num}}",
};

describe("the template compiler", () => {
  it("renders each construct as Handlebars does, over contexts that reach its edges", async () => {
    const { compiled, handlebars } = await bothWays(SNIPPETS);
    let rendered = 0;
    for (const name of Object.keys(SNIPPETS)) {
      for (const context of CONTEXTS) {
        const expected = outcome(() => handlebars[name]!(context));
        expect({ name, context, text: outcome(() => compiled[name]!(context)) }).toEqual({ name, context, text: expected });
        if (expected !== "<error>") rendered++;
      }
    }
    // Most renders give text, not an error on both sides.
    expect(rendered).toBeGreaterThan(30);
    expect(outcome(() => compiled["missing"]!({}))).toBe("<error>");
  });

  it("reads own properties only, as Handlebars' runtime does", async () => {
    const { compiled, handlebars } = await bothWays({ own: "{{x.own}}/{{x.inherited}}/{{lookup x \"inherited\"}}" });
    const context = { x: new Inherits() };
    const errors = console.error;
    console.error = () => {};
    try {
      expect(compiled["own"]!(context)).toBe(handlebars["own"]!(context));
      expect(compiled["own"]!(context)).toBe("own//");
    } finally {
      console.error = errors;
    }
  });

  it("refuses, when building, what it does not compile", () => {
    expect(() => compileTemplates([{ name: "x.hbs", source: "{{#each xs as |x|}}{{x}}{{/each}}", key: "" }], RUNTIME_HELPERS)).toThrow(/x\.hbs:1:1: .*not compiled/);
    expect(() => compileTemplates([{ name: "y.hbs", source: "{{> part a=1}}", key: "" }], RUNTIME_HELPERS)).toThrow(/y\.hbs:1:1: a partial with a hash/);
  });
});
