/**
 * Property: for any names and texts (Unicode, control characters, quotes, backticks,
 * `*\/`, `${`, `{{`, `|`, newlines, 100 KB strings), a run either refuses the input
 * with one clear line (exit 2 at the CLI) or writes only inside its destination,
 * Markdown tables keep their shape, and every TypeScript file it writes type-checks.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { planGenerator } from "../generators/plan/index.js";
import { DEFAULT_CONFIG } from "../lib/config/config.js";
import { TEMPLATES_DIR } from "../lib/paths.js";
import { runGenerator } from "../lib/run/pipeline.js";
import { inputOrRefusal } from "./support/plan-input.js";
import { asProject, tempDir, typecheck } from "./support/project.js";

const SPECIALS = ["`", "```", "*/", "/*", "${", "}", "{{", "}}", "|", "\\", '"', "'", "<", ">", "&", "#", "$", "\n", "\r\n", "\t", "\u2028", "é", "日本", "🚀", "e\u0301", "--", ":", ",", "..", "/", "-->", ";"];
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...SPECIALS) },
  // Control characters come only from the rare text below, so most runs get past validation.
  { weight: 8, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, "")) },
);
const clean = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));
const text = fc.oneof(
  { weight: 80, arbitrary: clean },
  { weight: 1, arbitrary: fc.tuple(clean, fc.constantFrom("\u0000", "\u001b", "\u007f")).map(([t, c]) => t + c) },
  { weight: 1, arbitrary: fc.constant("x".repeat(100_000)) },
);
// Names are mostly plausible, so that most runs get as far as writing; some are hostile.
const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom("Email", "Room name", "Größe", "Ünit", "x", "Ab Cd", "日本語 名") }, { weight: 1, arbitrary: text });
const rule = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("email", "uuid", "url", "boolean", "date", "string", "string(1..60)", "int(-5..5)", "number(0.5..9.5)", "enum(a|b)", "pattern(^[A-Z]{2}\\d$)") },
  { weight: 1, arbitrary: text.map((t) => `enum(${t})`) },
  { weight: 1, arbitrary: text.map((t) => `pattern(${t})`) },
  { weight: 1, arbitrary: text },
);

const answers = fc.record(
  {
    name: word,
    summary: text,
    actor: text,
    context: text,
    route: text.map((t) => `/api/${t}`),
    owner: text,
    system: text,
    valueObjects: fc.array(fc.tuple(word, rule).map(([n, r]) => `${n}:${r}`), { maxLength: 3 }),
    events: fc.array(fc.tuple(word, fc.array(word, { maxLength: 3 })).map(([n, f]) => (f.length ? `${n}:${f.join(",")}` : n)), { maxLength: 2 }),
    scheduledCommand: word,
    pii: fc.array(word, { maxLength: 2 }),
    criteria: fc.array(text.map((t) => `Given ${t} when it runs then ${t}`), { maxLength: 2 }),
  },
  { requiredKeys: ["name"] },
);

const context = { today: "2026-01-01", version: "test", templatesDir: TEMPLATES_DIR, config: DEFAULT_CONFIG };

/** Every Markdown table row has as many cells as its header (no text split or merged a row). */
function tableShapes(markdown: string): string[] {
  const problems: string[] = [];
  const cells = (line: string) => line.replace(/\\\|/g, "").split("|").length;
  let header = 0;
  let inFence = "";
  for (const line of markdown.split("\n")) {
    const fence = /^(`{3,})/.exec(line)?.[1];
    if (fence && (!inFence || fence.length >= inFence.length)) inFence = inFence ? "" : fence;
    if (inFence || !line.startsWith("|")) {
      header = 0;
      continue;
    }
    if (header === 0) header = cells(line);
    else if (cells(line) !== header) problems.push(line.slice(0, 120));
  }
  return problems;
}

describe("hostile input, property-based", () => {
  it("refuses with one clear line, or writes inside --dest only, with intact tables and front matter, and code that type-checks", async () => {
    const root = await tempDir("mjoplan-prop-");
    let run = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(answers, async (raw) => {
        const dest = path.join(root, `r${run++}`);
        const input = inputOrRefusal(raw);
        if (!input) {
          refused++;
          return;
        }
        const report = await runGenerator(planGenerator, [input], { dest, dryRun: false, onConflict: "fail" }, context);
        for (const change of report.changes) {
          const full = path.resolve(dest, change.path);
          expect(full.startsWith(dest + path.sep)).toBe(true);
          if (change.path.endsWith("-plan.md")) {
            expect(tableShapes(change.after)).toEqual([]);
            const front = parseYaml(change.after.split("---\n")[1]!) as Record<string, string>;
            expect(front["useCase"]).toBe(input.name.normalize("NFC")); // names are NFC-normalized, by design
            expect(front["owner"]).toBe(input.owner);
          }
        }
      }),
      { numRuns: 1000, seed: 20261125 },
    );
    expect(refused).toBeGreaterThan(20);
    expect(run - refused).toBeGreaterThan(100);

    // Everything written lies in the runs' own folders, and all of its TypeScript compiles in one project.
    expect((await readdir(root)).every((d) => /^r\d+$/.test(d))).toBe(true);
    await asProject(root, "module", ["r*/**/*.ts"]);
    const result = await typecheck(root);
    expect(String(result.stdout).split("\n").slice(0, 20).join("\n")).toBe("");
    expect(result.exitCode).toBe(0);
  });
});
