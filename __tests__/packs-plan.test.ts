/**
 * Capability packs in real plans: for each built-in capability, a use-case that has
 * it and the same use-case without it, planned in one batch through the CLI. With
 * it, the plan holds the pack's requirements, threats, alerts and questions, its
 * test files hold the pack's tests (with IDs, traced), and "why these items" names
 * it; without it, none of that is anywhere in the plan or its files. All of them
 * compile, lint and pass `check`.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { lint } from "markdownlint/sync";
import { namesOf } from "../generators/plan/names.js";
import { builtInPacks } from "../lib/packs/built-in.js";
import type { LoadedPack, PackTest } from "../lib/packs/pack.js";
import { mappingGaps } from "./support/exception-mapping.js";
import { asProject, checkJson, cli, readTree, ROOT, tempDir, typecheck } from "./support/project.js";

interface Answers {
  name: string;
  capabilities: string[];
  [key: string]: unknown;
}

let dest: string;
let tree: Map<string, string>;
let cases: Answers[];

/** Escaping aside (a backslash before Markdown punctuation, JSON's in a TypeScript string), the text as written. */
const plain = (s: string): string => s.replace(/\\/g, "");

/** The plan of a use-case and each of its test files, by kind. */
function filesOf(name: string): { plan: string; tests: Record<string, string>; all: string } {
  const { pascal, kebab } = namesOf(name);
  const plan = tree.get(`docs/features/api/${pascal}/${pascal}-plan.md`) ?? "";
  const tests = Object.fromEntries(["security", "domain", "integration", "performance"].map((k) => [k, tree.get(`src/features/${kebab}/__tests__/${kebab}.${k}.test.ts`) ?? ""]));
  const code = [...tree].filter(([p]) => p.startsWith(`src/features/${kebab}/`)).map(([, c]) => c);
  return { plan: plain(plan), tests: Object.fromEntries(Object.entries(tests).map(([k, v]) => [k, plain(v)])), all: plain([plan, ...code].join("\n")) };
}

/** The texts of a pack that a plan shows as written (texts naming a fact are filled per use-case, so left out here). */
function texts(pack: LoadedPack) {
  const fixed = (s: string): boolean => !s.includes("{");
  const inline = [...(pack.requirements ?? []), ...(pack.threats ?? [])].flatMap((x) => x.tests ?? []).filter((t): t is PackTest => typeof t === "object");
  return {
    requirements: (pack.requirements ?? []).map((r) => r.text).filter(fixed),
    threats: (pack.threats ?? []).map((t) => t.threat).filter(fixed),
    mitigations: (pack.threats ?? []).map((t) => t.mitigation).filter(fixed),
    tests: [...(pack.tests ?? []), ...inline].filter((t) => fixed(t.title)),
    alerts: (pack.monitoring ?? []).filter((m) => m.kind === "alert").map((m) => m.text).filter(fixed),
    questions: (pack.questions ?? []).filter(fixed),
  };
}

const packOf = (capability: string): LoadedPack => builtInPacks().find((p) => p.name === `capability-${capability}`)!;

beforeAll(async () => {
  const withIt = JSON.parse(await readFile(path.join(ROOT, "__tests__/fixtures/capabilities.answers.json"), "utf8")) as Answers[];
  // The same use-case without the capability: only the capability differs.
  cases = [...withIt, ...withIt.map((a) => ({ ...a, name: `${a.name} without`, capabilities: [] }))];
  dest = await tempDir("mjoplan-capabilities-");
  const answers = path.join(dest, "answers.json");
  await writeFile(answers, JSON.stringify(cases));
  const run = await cli(["plan", "--answers", answers, "--dest", dest]);
  expect(run.stderr).toBe("");
  expect(run.exitCode).toBe(0);
  tree = await readTree(dest);
}, 120_000);

const CAPABILITIES = ["sends-message", "secret-link", "file-download", "file-upload", "erasure", "pagination", "external-call"];

describe.each(CAPABILITIES)("capability %s", (capability) => {
  const useCase = (): Answers => cases.find((c) => c.capabilities.includes(capability))!;

  it("with it: the plan holds the pack's requirements, threats, alerts and questions, and names the pack and why", () => {
    const { plan } = filesOf(useCase().name);
    const t = texts(packOf(capability));
    // A question the use-case's summary already answers is stated, not asked (TRIAL6 U9: a sort order "newest first").
    const answered = (q: string): boolean => q.startsWith("What is the sort order") && /\b(?:newest|oldest|latest|earliest)[- ]first\b|\b(?:sorted|ordered) by\b/i.test(String(useCase().summary ?? ""));
    for (const text of [...t.requirements, ...t.threats, ...t.mitigations, ...t.alerts, ...t.questions.filter((q) => !answered(q))]) expect({ text, inPlan: plan.includes(text) }).toEqual({ text, inPlan: true });
    expect(plan).toMatch(new RegExp(`^\\| capability-${capability} \\| built-in \`packs/capability-${capability}\\.yaml\` \\| .* \\| capability ${capability}(?:; [^|]+)? \\|$`, "m"));
  });

  it("with it: each of the pack's tests is in the test file of its kind, with an ID the plan traces to a threat or requirement", () => {
    const { plan, tests } = filesOf(useCase().name);
    for (const test of texts(packOf(capability)).tests) {
      const line = tests[test.kind]!.split("\n").find((l) => l.includes(` ${test.title}"`));
      expect({ title: test.title, inFile: line !== undefined }).toEqual({ title: test.title, inFile: true });
      const id = /"((?:SEC|DOM|INT|PERF)-\d+) /.exec(line!)?.[1];
      expect(id).toBeDefined();
      // The test plan lists it with what it covers (a requirement or threat ID).
      expect(plan).toMatch(new RegExp(`^\\| ${id} \\| ${test.kind} \\| .*\\| (?:FR|NFR|T)-\\d+`, "m"));
    }
  });

  it("without it: nothing of the pack is in the plan or its files", () => {
    const { all } = filesOf(`${useCase().name} without`);
    expect(all).not.toBe("");
    const t = texts(packOf(capability));
    const found = [...t.requirements, ...t.threats, ...t.mitigations, ...t.alerts, ...t.questions, ...t.tests.map((x) => x.title)].filter((text) => all.includes(text));
    expect(found).toEqual([]);
    expect(all).not.toContain(`capability-${capability}`);
  });
});

describe("the fourteen plans", () => {
  it("give every item an ID of its own", () => {
    for (const c of cases) {
      const { plan } = filesOf(c.name);
      // First column of the requirement, threat and test tables: each ID once per table.
      for (const section of plan.split(/^### /m)) {
        const ids = [...section.matchAll(/^\| ((?:FR|NFR|AC|T|SEC|DOM|INT|PERF)-\d+) \|/gm)].map((m) => m[1]);
        expect({ useCase: c.name, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({ useCase: c.name, duplicates: [] });
      }
    }
  });

  it("map every error they answer with, each domain error of an applied pack among them", () => {
    for (const c of cases) expect({ useCase: c.name, ...mappingGaps(filesOf(c.name).plan, (c["errors"] as string[] | undefined) ?? []) }).toEqual({ useCase: c.name, unraisedStatuses: [], strayRows: [], unmappedErrors: [] });
  });

  it("are markdownlint-clean", () => {
    const plans = Object.fromEntries(cases.map((c) => [c.name, tree.get(`docs/features/api/${namesOf(c.name).pascal}/${namesOf(c.name).pascal}-plan.md`)!]));
    const result = lint({ strings: plans, config: { default: true, MD013: false } });
    expect(Object.entries(result).flatMap(([name, errors]) => errors.map((e) => `${name}:${e.lineNumber} ${e.ruleNames.join("/")} ${e.errorDetail ?? ""}`))).toEqual([]);
  });

  it("agree with their files by `check`, and their code compiles", async () => {
    const check = await checkJson(dest);
    expect(check.code).toBe(0);
    expect(check.plans).toHaveLength(cases.length);
    await asProject(dest, "module");
    const compiled = await typecheck(dest);
    expect(compiled.stdout).toBe("");
    expect(compiled.exitCode).toBe(0);
  }, 120_000);
});
