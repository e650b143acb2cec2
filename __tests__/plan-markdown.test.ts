/**
 * Plans as a reviewer's tools see them: markdownlint with its default rules (line
 * length off) finds nothing, every Mermaid diagram parses with Mermaid's own parser,
 * and the review checklist is the feature-planning prompt's, word for word.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { lint } from "markdownlint/sync";
import { PROMPT_CHECKLIST } from "../generators/plan/checklist.js";
import { cli, parseMermaid, readTree, ROOT, tempDir } from "./support/project.js";

let plans: Map<string, string>;

beforeAll(async () => {
  const dest = await tempDir();
  for (const answers of ["examples/request-password-reset.answers.json", "__tests__/fixtures/varied.answers.json"]) {
    expect((await cli(["plan", "--answers", path.join(ROOT, answers), "--dest", dest, "--date", "2026-01-01", "--on-conflict", "skip"])).exitCode).toBe(0);
  }
  const hostile = ["plan", "--name", "Pipes | and `ticks` and ${x} and {{y}} and */", "--summary", "# not a heading | <b>x</b> [link](y) *em* _u_ ~s~", "--actor", '"Quoted" actor; with # hash', "--context", "dashes -- and --> arrows", "--auth", "roles", "--roles", "a_b,c.d", "--route", "/api/x|y/`z`", "--criteria", "Given | a pipe, when `code`, then ```fence```", "--dest", dest];
  expect((await cli(hostile)).exitCode).toBe(0);
  plans = new Map([...(await readTree(dest))].filter(([p]) => p.endsWith("-plan.md")));
  expect(plans.size).toBe(5);
});

describe("generated plans", () => {
  it("are markdownlint-clean with the default rules, line length off", () => {
    const result = lint({ strings: Object.fromEntries(plans), config: { default: true, MD013: false } });
    const findings = Object.entries(result).flatMap(([file, errors]) => errors.map((e) => `${file}:${e.lineNumber} ${e.ruleNames.join("/")} ${e.errorDetail ?? ""}`));
    expect(findings).toEqual([]);
  });

  it("hold diagrams that Mermaid's parser accepts: an architecture flowchart and a request sequence each", async () => {
    const dir = await tempDir();
    const files = await Promise.all(
      [...plans.values()].map(async (text, i) => {
        const file = path.join(dir, `${i}.md`);
        await writeFile(file, text);
        return file;
      }),
    );
    const results = await parseMermaid(files);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(plans.size * 2);
    for (const text of plans.values()) {
      expect(text).toMatch(/```mermaid\nflowchart LR\n/);
      expect(text).toMatch(/```mermaid\nsequenceDiagram\n/);
    }
  });

  it("rejects a broken diagram, so the check above can fail", async () => {
    const file = path.join(await tempDir(), "broken.md");
    await writeFile(file, '```mermaid\nflowchart LR\n  a["x"] -->|"y" b\n```\n');
    expect(await parseMermaid([file])).toEqual([expect.objectContaining({ ok: false, error: expect.stringMatching(/Parse error on line/) })]);
  });

  it("carry every item of the prompt's review checklist, word for word, each linked to what covers it", async () => {
    const prompt = await readFile(path.join(ROOT, "docs/feature-planning-prompt.md"), "utf8");
    const fromPrompt: Record<string, string[]> = {};
    let current = "";
    for (const line of prompt.split("\n")) {
      const heading = /^### (.+)$/.exec(line);
      if (heading) current = heading[1]!.trim();
      const item = /^- \[ \] (.+)$/.exec(line);
      if (item && current) (fromPrompt[current] ??= []).push(item[1]!.trim());
    }
    expect(PROMPT_CHECKLIST).toEqual(fromPrompt);
    for (const text of plans.values()) {
      for (const [sectionTitle, items] of Object.entries(fromPrompt)) {
        expect(text).toContain(`### ${sectionTitle}\n`);
        for (const item of items) expect(text).toMatch(new RegExp(`^- \\[ \\] ${item.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: .*\\]\\(`, "m"));
      }
    }
  });
});
