/**
 * omitSections leaves a plan a reader can follow: the remaining sections are numbered
 * 1 up without a gap, no link points to a heading the plan does not have, no "section N"
 * names a missing or different section, and markdownlint (its link-fragment rule
 * included) still passes. Each section left out in turn, over two dissimilar use-cases.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { lint } from "markdownlint/sync";
import { SECTION_TITLES } from "../generators/plan/section-refs.js";
import { checkJson, cli, readTree, ROOT, tempDir } from "./support/project.js";

const OMITTABLE = ["feature-definition", "design", "threat-model", "implementation-steps", "test-plan", "monitoring", "review-checklist", "traceability"] as const;
/** An anonymous reset that must not reveal accounts, and an asynchronous export on a recording the caller hosts. */
const USE_CASES = ["examples/request-password-reset.answers.json", "examples/export-recording.answers.json"];

/** GitHub's heading anchors, as markdownlint's link-fragment rule computes them (a repeated heading gets -1, -2, ...). */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .replace(/`/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  return anchors;
}

const sectionHeadings = (plan: string): { n: number; title: string }[] => [...plan.matchAll(/^## (\d+)\. (.+)$/gm)].map((m) => ({ n: Number(m[1]), title: m[2]! }));

/** Each section alone, and some at once: the design and monitoring, and a section that defines IDs with the matrix that repeats them. */
const CONFIGS: string[][] = [[], ...OMITTABLE.map((s) => [s]), ["design", "monitoring"], ["feature-definition", "traceability"], ["threat-model", "traceability"]];

let plans: Map<string, { omitted: string; file: string; text: string }>;
/** Where each configuration's plans were written, by what it leaves out. */
const dests = new Map<string, string>();

beforeAll(async () => {
  plans = new Map();
  for (const omitSections of CONFIGS) {
    const omitted = omitSections.join("+") || "(none)";
    const dest = await tempDir();
    dests.set(omitted, dest);
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ omitSections }));
    const batch = await Promise.all(USE_CASES.map(async (f) => JSON.parse(await readFile(path.join(ROOT, f), "utf8")) as object));
    await writeFile(path.join(dest, "batch.json"), JSON.stringify(batch));
    const run = await cli(["plan", "--answers", path.join(dest, "batch.json"), "--dest", dest, "--date", "2026-01-01", "--format", "never"]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    for (const [file, text] of await readTree(dest)) if (file.endsWith("-plan.md")) plans.set(`${omitted}: ${path.basename(file)}`, { omitted, file, text });
  }
  expect(plans.size).toBe(CONFIGS.length * USE_CASES.length);
}, 120_000);

describe("omitSections, each section left out in turn", () => {
  it("numbers the remaining sections 1 up without a gap, and leaves the omitted one out", () => {
    for (const [name, { omitted, text }] of plans) {
      const headings = sectionHeadings(text);
      expect({ name, numbers: headings.map((h) => h.n) }).toEqual({ name, numbers: headings.map((_, i) => i + 1) });
      const expected = OMITTABLE.filter((s) => !omitted.split("+").includes(s)).map((s) => SECTION_TITLES[s]);
      expect({ name, titles: headings.map((h) => h.title) }).toEqual({ name, titles: [...expected, "Why these items"] });
    }
  });

  it("leaves no link to a heading the plan does not have", () => {
    for (const [name, { text }] of plans) {
      const anchors = anchorsOf(text);
      const links = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(0);
      expect({ name, dangling: links.filter((a) => !anchors.has(a)) }).toEqual({ name, dangling: [] });
    }
  });

  it("names no section by a number it does not have, and the telemetry step names the monitoring section", () => {
    for (const [name, { omitted, text }] of plans) {
      const titleOf = new Map(sectionHeadings(text).map((h) => [h.n, h.title]));
      const mentions = [...text.matchAll(/\bsections? (\d+)\b/gi)].map((m) => Number(m[1]));
      expect({ name, missing: mentions.filter((n) => !titleOf.has(n)) }).toEqual({ name, missing: [] });
      const telemetry = /^### Step \d+: Telemetry, metrics and alerts(?: as in section (\d+))?$/m.exec(text);
      if (omitted === "implementation-steps") expect(telemetry).toBeNull();
      else if (omitted.includes("monitoring")) expect(telemetry?.[1]).toBeUndefined();
      else expect({ name, section: titleOf.get(Number(telemetry?.[1])) }).toEqual({ name, section: "Monitoring and operations" });
    }
  });

  it("says so in the review checklist where only a left-out section covered an item, instead of linking to it", () => {
    for (const [name, { omitted, text }] of plans) {
      const item = (text: string, start: string) => text.split("\n").find((l) => l.startsWith(`- [ ] ${start}:`));
      if (omitted === "monitoring") expect({ name, line: item(text, "Privacy-preserving telemetry") }).toEqual({ name, line: "- [ ] Privacy-preserving telemetry: not in this plan: the config leaves out Monitoring and operations (omitSections)" });
      if (omitted === "design") expect({ name, line: item(text, "Global exception handling") }).toEqual({ name, line: "- [ ] Global exception handling: not in this plan: the config leaves out Design (omitSections)" });
      if (omitted === "implementation-steps") expect({ name, line: item(text, "Code duplication eliminated") }).toEqual({ name, line: "- [ ] Code duplication eliminated: one shared domain kernel" });
    }
  });

  it("names no requirement, criterion or threat ID the plan does not define (a table's first cell)", () => {
    for (const [name, { text }] of plans) {
      const defined = new Set([...text.matchAll(/^\| *((?:FR|NFR|AC|T)-\d+) *\|/gm)].map((m) => m[1]));
      const named = [...new Set([...text.matchAll(/\b((?:FR|NFR|AC|T)-\d+)\b/g)].map((m) => m[1]!))];
      expect({ name, undefined: named.filter((id) => !defined.has(id)) }).toEqual({ name, undefined: [] });
    }
  });

  it("stays markdownlint-clean, link fragments (MD051) included", () => {
    const result = lint({ strings: Object.fromEntries([...plans].map(([name, p]) => [name, p.text])), config: { default: true, MD013: false } });
    expect(Object.entries(result).flatMap(([name, errors]) => errors.map((e) => `${name}:${e.lineNumber} ${e.ruleNames.join("/")} ${e.errorDetail ?? ""}`))).toEqual([]);
  });

  it("leaves the whole plan as it was when nothing is left out (the golden examples hold the numbers 1 to 9)", () => {
    for (const [, { omitted, text }] of plans) if (omitted === "(none)") expect(sectionHeadings(text).map((h) => h.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...plans.values()].filter((p) => p.omitted === "(none)")).toHaveLength(USE_CASES.length);
  });
});

describe("check on plans that leave sections out", () => {
  it("finds every plan in step with its files right after the run, whatever is left out", async () => {
    for (const [omitted, dest] of dests) {
      const check = await checkJson(dest);
      expect({ omitted, code: check.code, failing: check.plans.filter((p) => p.failed).map((p) => p.plan) }).toEqual({ omitted, code: 0, failing: [] });
    }
  }, 120_000);

  it("still reads the test files of a plan without a test plan: a test the matrix does not list fails it", async () => {
    const dest = dests.get("test-plan")!;
    const tree = await readTree(dest);
    const [file, code] = [...tree].find(([f]) => f.endsWith("request-password-reset.security.test.ts"))!;
    await writeFile(path.join(dest, file), code.replace(/\n\}\);\s*$/, '\n  it.todo("SEC-99 a test no requirement asked for");\n});\n'));
    const check = await checkJson(dest);
    expect(check.code).toBe(1);
    expect(check.plans.find((p) => p.plan.endsWith("RequestPasswordReset-plan.md"))?.orphans).toEqual(["SEC-99"]);
  });
});

describe("grow commands on a plan whose numbers moved", () => {
  it("value-object records its tests in the test plan (now section 4) and links no design heading that is not there", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ omitSections: ["design"] }));
    expect((await cli(["plan", "--name", "Rename room", "--value-object", "RoomId:uuid", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const grow = await cli(["value-object", "--use-case", "Rename room", "--value-object", "RoomName:string(1..60)", "--dest", dest]);
    expect(grow.stderr).toBe("");
    expect(grow.exitCode).toBe(0);
    const plan = [...(await readTree(dest))].find(([f]) => f.endsWith("-plan.md"))![1];
    const testPlan = plan.slice(plan.indexOf("## 4. Test plan"), plan.indexOf("## 5. "));
    expect(testPlan).toMatch(/^\| DOM-\d+ \| domain \| .*RoomName/m);
    expect([...plan.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!).filter((a) => !anchorsOf(plan).has(a))).toEqual([]);
    expect((await checkJson(dest)).code).toBe(0);
  });

  it("test adds its rows to the test plan (now section 4) and links the checklist to that section's real anchor", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "mjoplan.config.json"), JSON.stringify({ omitSections: ["design"] }));
    expect((await cli(["plan", "--name", "Rename room", "--tests", "domain", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const grow = await cli(["test", "--use-case", "Rename room", "--kind", "security", "--dest", dest]);
    expect(grow.stderr).toBe("");
    expect(grow.exitCode).toBe(0);
    const plan = [...(await readTree(dest))].find(([f]) => f.endsWith("-plan.md"))![1];
    const testPlan = plan.slice(plan.indexOf("## 4. Test plan"), plan.indexOf("## 5. "));
    expect(testPlan).toMatch(/^\| SEC-1 \| security \|/m);
    expect(testPlan).toContain("### Security tests");
    expect(plan).toMatch(/^- \[ \] Security test cases: \[Test plan\]\(#4-test-plan\); \[rename-room\.security\.test\.ts\]/m);
    expect([...plan.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!).filter((a) => !anchorsOf(plan).has(a))).toEqual([]);
    expect((await checkJson(dest)).code).toBe(0);
  });
});
