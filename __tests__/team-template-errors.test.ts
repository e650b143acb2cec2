/**
 * A team's template that cannot render stops the run the way a compiler does: the team's own
 * file, line and column and the parser's whole message, without --debug, exit 2, nothing
 * written. Parse errors, unknown helpers, reads of the prototype and partials that include
 * each other, in an ejected section template (a partial of the built-in plan.md.hbs).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, ROOT, tempDir } from "./support/project.js";

const DESIGN = ".mjoplan/templates/plan/sections/design.md.hbs";
const MONITORING = ".mjoplan/templates/plan/sections/monitoring.md.hbs";

/** A folder with the built-in section templates ejected, `edit` applied to their text, and the plan run from inside it. */
async function runWith(edits: Record<string, (text: string) => string>): Promise<{ exitCode: number | undefined; lines: string[]; files: string[] }> {
  const dest = await tempDir();
  for (const [file, edit] of Object.entries(edits)) {
    const template = file.replace(/^\.mjoplan\/templates\//, "");
    expect((await cli(["eject", template, "--dest", dest])).exitCode).toBe(0);
    await writeFile(path.join(dest, file), edit(await readFile(path.join(dest, file), "utf8")));
  }
  const run = await cli(["plan", "--name", "Book room", "--dest", ".", "--date", "2026-01-01"], { cwd: dest });
  return { exitCode: run.exitCode, lines: String(run.stderr).trimEnd().split("\n"), files: [...(await readTree(dest)).keys()] };
}

/** Inserts `text` at the end of line `n` (1-based). */
const atLineEnd = (n: number, text: string) => (source: string) => source.split("\n").map((l, i) => (i === n - 1 ? l + text : l)).join("\n");

describe("a team's section template that cannot render", () => {
  it("a parse error names the team's file, line and column and the parser's whole message, with its context; exit 2, nothing written", async () => {
    // Line 3 becomes "### Architecture Owner: {{md owner}": the mustache is not closed.
    const run = await runWith({ [DESIGN]: atLineEnd(3, " Owner: {{md owner}") });
    expect(run.exitCode).toBe(2);
    // Handlebars' own list of expected tokens is its business: the line, column and what it got are ours.
    expect(run.lines[0]).toMatch(new RegExp(`^mjoplan: ${DESIGN.replace(/\./g, "\\.")}:3:35: parse error: Expecting '.*, got 'INVALID'$`));
    // The parser's picture: the text before the spot and a caret under it.
    expect(run.lines.slice(1)).toEqual([expect.stringContaining("Owner: {{md owner}"), expect.stringMatching(/^ {2}-+\^$/)]);
    expect(run.lines.join("\n")).not.toContain("plan.md.hbs:");
    expect(run.files).toEqual([DESIGN]);
  });

  it("a block left open is reported at the end of the team's file, with what the parser expected", async () => {
    const run = await runWith({ [DESIGN]: atLineEnd(5, " {{#if useCase}}") });
    expect(run.exitCode).toBe(2);
    const lines = (await readFile(path.join(ROOT, "templates/plan/sections/design.md.hbs"), "utf8")).split("\n").length;
    expect(run.lines[0]).toMatch(new RegExp(`^mjoplan: ${DESIGN.replace(/\./g, "\\.")}:${lines}:\\d+: parse error: Expecting .*'OPEN_ENDBLOCK'.*, got 'EOF'$`));
    expect(run.files).toEqual([DESIGN]);
  });

  it("a block closed by the wrong name names the line and column", async () => {
    const run = await runWith({ [DESIGN]: atLineEnd(3, " {{#if useCase}}x{{/each}}") });
    expect(run.exitCode).toBe(2);
    expect(run.lines).toEqual([`mjoplan: ${DESIGN}:3:21: if doesn't match each`]);
  });

  it("an unknown helper is refused before anything renders, naming the helpers there are", async () => {
    const run = await runWith({ [DESIGN]: atLineEnd(3, " {{shout useCase.title}}") });
    expect(run.exitCode).toBe(2);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(new RegExp(`^mjoplan: ${DESIGN.replace(/\./g, "\\.")}:3:18: unknown helper "shout" \\(the helpers are if, unless, each, with, lookup, log, md, cell, code, .*\\)$`));
    expect(run.files).toEqual([DESIGN]);
  });

  it.each([
    ["{{constructor.name}}", '"constructor.name" reads the prototype ("constructor")'],
    ["{{__proto__}}", '"__proto__" reads the prototype ("__proto__")'],
    ["{{md useCase.constructor.name}}", '"useCase.constructor.name" reads the prototype ("constructor")'],
    ['{{lookup this "constructor"}}', 'lookup of "constructor" reads the prototype'],
    // A name computed while rendering: refused by the renderer's lookup, at the spot.
    ['{{lookup this (concat "constr" "uctor")}}', 'lookup of "constructor" reads the prototype'],
  ])("a read of the prototype, %s, is refused instead of rendering nothing", async (tag, message) => {
    const run = await runWith({ [DESIGN]: atLineEnd(3, ` ${tag}`) });
    expect(run.exitCode).toBe(2);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toContain(`mjoplan: ${DESIGN}:3:`);
    expect(run.lines[0]).toContain(`${message}, which templates may not do`);
    expect(run.files).toEqual([DESIGN]);
  });

  it("a section that includes itself is named, with the spot", async () => {
    const run = await runWith({ [DESIGN]: atLineEnd(3, " {{> design}}") });
    expect(run.exitCode).toBe(2);
    expect(run.lines).toEqual([`mjoplan: ${DESIGN}:3:18: partial "design" includes itself, without end`]);
  });

  it("two sections that include each other are named as a chain", async () => {
    const run = await runWith({ [DESIGN]: atLineEnd(3, " {{> monitoring}}"), [MONITORING]: atLineEnd(2, "{{> design}}") });
    expect(run.exitCode).toBe(2);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^mjoplan: \.mjoplan\/templates\/plan\/sections\/(design|monitoring)\.md\.hbs:\d+:\d+: partials include each other without end: (design -> monitoring -> design|monitoring -> design -> monitoring)$/);
    expect(run.files.sort()).toEqual([DESIGN, MONITORING]);
  });

  it("a partial that does not exist is named with the spot; one the template defines inline is its own", async () => {
    const run = await runWith({ [DESIGN]: atLineEnd(3, " {{> desgin}}") });
    expect(run.exitCode).toBe(2);
    expect(run.lines).toEqual([expect.stringMatching(new RegExp(`^mjoplan: ${DESIGN.replace(/\./g, "\\.")}:3:18: no partial is named "desgin" \\(partials are the plan's sections, feature-definition, design, .*\\)$`))]);
    const inline = await runWith({ [DESIGN]: atLineEnd(3, ' {{#*inline "ours"}}our own words{{/inline}}{{> ours}}') });
    expect(inline.exitCode).toBe(0);
    expect(inline.files.some((f) => f.endsWith("-plan.md"))).toBe(true);
  });

  it("a loop through a partial named by an expression is stopped while rendering and named, not a stack overflow", async () => {
    const run = await runWith({ [DESIGN]: atLineEnd(3, ' {{> (concat "des" "ign")}}') });
    expect(run.exitCode).toBe(2);
    expect(run.lines).toEqual([`mjoplan: ${DESIGN}: partial "design" includes itself, without end`]);
  });

  it("a value that is not in the model names the team's section file (not the built-in plan.md.hbs), line and column", async () => {
    const run = await runWith({ [DESIGN]: atLineEnd(3, " {{md ownerr}} {{nothere}}") });
    expect(run.exitCode).toBe(2);
    expect(run.lines).toEqual([`mjoplan: ${DESIGN}:3:18: helper "md" was given a value that is not defined (no such value in the plan model at this point)`]);
    const bare = await runWith({ [DESIGN]: atLineEnd(3, " {{nothere}}") });
    expect(bare.lines).toEqual([`mjoplan: ${DESIGN}:3:20: "nothere" is not defined here: no such value in the plan model at this point, and no such helper`]);
    expect(bare.files).toEqual([DESIGN]);
  });
});
