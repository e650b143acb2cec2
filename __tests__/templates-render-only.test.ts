/**
 * Templates only place what the model holds: no built-in template compares a fact
 * (no `eq`, `ne`, `or`, `and`, `not` in a condition) or branches on the flow, the access,
 * the method or a config style; they branch on nothing but whether a list or value is
 * there. What a use-case's facts and the team's config mean is decided by packs, the facts
 * and the model (generators/plan/facts.ts, flows.ts, value-object-model.ts), where a rule
 * can be read and tested, and where a team's copy of a template gets it too.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ROOT } from "./support/project.js";

/** Every template below templates/, by its path from the repository root. */
async function templates(): Promise<string[]> {
  const dir = path.join(ROOT, "templates");
  return (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".hbs")).map((f) => path.relative(ROOT, path.join(dir, f)).split(path.sep).join("/"));
}

const CONDITION = String.raw`\{\{(?:#if|#unless|else if|else unless) `;
const DECIDES = new RegExp(
  String.raw`${CONDITION}\((?:eq|ne|or|and|not) |${CONDITION}(?:@root\.|(?:\.\./)+)?(?:flow|auth|access|method|async|self|style|valueObjectStyle)\b`,
);

/**
 * Decisions still in a template another engineer owns, each with what replaces it; an entry
 * whose template no longer decides fails below, so the list only shrinks.
 */
const HANDED_OVER: Record<string, string> = {
  "templates/tests/domain.test.ts.hbs": "g17's: the model holds valueObjectForm.throws; the template compares valueObjectStyle instead",
};

async function offenders(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of await templates()) {
    const lines = (await readFile(path.join(ROOT, file), "utf8")).split("\n");
    const bad = lines.flatMap((line, i) => (DECIDES.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
    if (bad.length) found.set(file, bad);
  }
  return found;
}

describe("the built-in templates", () => {
  it("compare no fact: no eq, and no branch on the flow, the access, the method or a style, in any template folder", async () => {
    const found = await offenders();
    const unexpected = [...found].filter(([file]) => !Object.hasOwn(HANDED_OVER, file)).flatMap(([file, lines]) => lines.map((l) => `${file}:${l}`));
    expect(unexpected).toEqual([]);
  });

  it("hand over only templates that still decide", async () => {
    const found = await offenders();
    expect(Object.keys(HANDED_OVER).filter((file) => !found.has(file))).toEqual([]);
  });

  it("catch a comparison and a branch on a fact or a style where they are written", () => {
    for (const line of ['{{#if (eq style "throw")}}', "{{else if (or a b)}}", "{{#unless @root.async}}", "{{#if ../flow}}", "{{#if valueObjectStyle}}"]) expect([line, DECIDES.test(line)]).toEqual([line, true]);
    for (const line of ["{{#if form.throws}}", "{{#if h.job}}", "{{#unless required}}", "{{#if selfService}}", "{{#each methods}}"]) expect([line, DECIDES.test(line)]).toEqual([line, false]);
  });
});
