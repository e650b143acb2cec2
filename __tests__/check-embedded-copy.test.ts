/**
 * check reads a test file whose bytes are its plan's embedded copy (but for the newlines at the end) as that copy,
 * without a text of its own (run-check.ts readTest): the findings must be exactly those of reading the plan and every
 * file as decoded text, whatever the files hold: ASCII, characters beyond it, a no-break space (which makes check read
 * everything as text), CRLF line ends, more or fewer newlines at the end, or a change of one character (drift).
 */
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { findPlans } from "../lib/check/find-plans.js";
import { checkPlan, type PlanFindings } from "../lib/check/check-plan.js";
import { markedTests, readPlan } from "../lib/check/plan-facts.js";
import { checkAll } from "../lib/check/run-check.js";
import { cli, tempDir } from "./support/project.js";

const FEATURE = "src/features/book-room/__tests__";
const DOMAIN = `${FEATURE}/book-room.domain.test.ts`;
const SECURITY = `${FEATURE}/book-room.security.test.ts`;

/** The findings of the plan read as text, and each linked file as text (UTF-8, CRLF read as LF), nothing read as bytes. */
function asText(planFile: string): PlanFindings {
  const text = readFileSync(planFile, "utf8");
  const facts = readPlan(text);
  const files = new Map<string, string | undefined>();
  for (const link of facts.links) {
    const full = path.join(path.dirname(planFile), link);
    let content: string | undefined;
    try {
      content = readFileSync(full, "utf8").replace(/\r\n/g, "\n");
    } catch {
      content = undefined;
    }
    files.set(full, content);
  }
  return checkPlan(planFile, facts, files, new Map(), markedTests(text));
}

describe("a test file that is its plan's embedded copy", () => {
  let repo: string;
  let planFile: string;
  let plan: string;
  const originals = new Map<string, string>();

  beforeAll(async () => {
    repo = await tempDir("mjoplan-embedded-copy-");
    await writeFile(path.join(repo, "package.json"), JSON.stringify({ name: "embedded-copy", private: true }));
    const run = await cli(["plan", "--name", "Book room", "--dest", repo, "--date", "2026-01-01", "--format", "never"]);
    expect(run.exitCode).toBe(0);
    [planFile] = await findPlans([], repo);
    plan = await readFile(planFile!, "utf8");
    for (const f of [DOMAIN, SECURITY]) originals.set(f, await readFile(path.join(repo, f), "utf8"));
  });

  /** Writes the plan and the two test files as `edit` makes them (the plan's copy edited as `inPlan`), and checks. */
  async function checked(edit: (file: string, text: string) => string, inPlan: (file: string, text: string) => string = edit): Promise<{ found: PlanFindings; expected: PlanFindings }> {
    let text = plan;
    for (const [file, original] of originals) {
      const body = original.replace(/\n+$/, "");
      expect(text.includes(body)).toBe(true);
      text = text.split(body).join(inPlan(file, body));
      await writeFile(path.join(repo, file), edit(file, original));
    }
    await writeFile(planFile, text);
    const [found] = checkAll([planFile], repo);
    return { found: found!, expected: asText(planFile) };
  }

  const cases: [string, (file: string, text: string) => string, ((file: string, text: string) => string) | undefined, boolean][] = [
    ["as written", (_f, t) => t, undefined, false],
    ["with more newlines at the end", (_f, t) => `${t}\n\n\n`, (_f, t) => t, false],
    ["with no newline at the end", (_f, t) => t.replace(/\n+$/, ""), (_f, t) => t, false],
    ["with characters beyond ASCII, in the file and its copy", (_f, t) => t.replace("describe(", "describe(/* é → 漢 🙂 */ "), undefined, false],
    ["with a no-break space in the file and its copy (all read as text)", (f, t) => (f === DOMAIN ? t.replace("describe(", "describe(/*\u00a0*/ ") : t), undefined, false],
    ["with CRLF line ends in the file", (f, t) => (f === DOMAIN ? t.replace(/\n/g, "\r\n") : t), (_f, t) => t, false],
    ["with one character changed in the file", (f, t) => (f === DOMAIN ? t.replace("describe(", "Describe(") : t), (_f, t) => t, true],
    ["with a character added in the file", (f, t) => (f === DOMAIN ? t.replace("describe(", "describe (") : t), (_f, t) => t, true],
    ["with a no-break space in the file alone", (f, t) => (f === SECURITY ? t.replace("describe(", "describe(/*\u00a0*/ ") : t), (_f, t) => t, true],
  ];

  it.each(cases)("%s: the findings of reading everything as text", async (_name, edit, inPlan, drift) => {
    const { found, expected } = await checked(edit, inPlan);
    expect(found).toEqual(expected);
    expect(found.drift.length > 0).toBe(drift);
    expect(found.missing).toEqual([]);
  });
});
