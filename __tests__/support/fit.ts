/**
 * Must/must-not checks of a plan against its use-case: what a reviewer of that kind of feature
 * expects to read in it, and what would be false for it. Shared by the fit suites.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { namesOf } from "../../generators/plan/names.js";
import { asProject, cli, jestSummary, readTree, runGeneratedTests, tempDir, typecheck } from "./project.js";

export interface Fit {
  must: (string | RegExp)[];
  mustNot: (string | RegExp)[];
}

/** Every `must` statement is in `text` and no `mustNot` one is, each reported by name when it fails. */
export function expectFit(name: string, text: string, fit: Fit): void {
  const found = (statement: string | RegExp): boolean => (typeof statement === "string" ? text.includes(statement) : statement.test(text));
  for (const statement of fit.must) expect({ name, statement, found: found(statement) }).toEqual({ name, statement, found: true });
  for (const statement of fit.mustNot) expect({ name, statement, found: found(statement) }).toEqual({ name, statement, found: false });
}

/**
 * One use-case planned from its flags into `dest` (a fresh folder when not given; several use-cases
 * may share one, so their code compiles and runs in one go): its plan, and the plan with the code it writes.
 */
export async function planned(name: string, flags: string[], dest?: string): Promise<{ plan: string; text: string; dest: string }> {
  const out = dest ?? (await tempDir());
  const run = await cli(["plan", "--name", name, ...flags, "--dest", out, "--date", "2026-01-01"]);
  expect({ name, exitCode: run.exitCode, stderr: String(run.stderr) }).toMatchObject({ name, exitCode: 0 });
  const files = await readTree(out);
  const { pascal, kebab } = namesOf(name);
  const plan = files.get(`docs/features/api/${pascal}/${pascal}-plan.md`) ?? "";
  expect(plan).not.toBe("");
  return { dest: out, plan, text: [plan, ...[...files].filter(([p]) => p.includes(`/${kebab}/`)).map(([, c]) => c)].join("\n") };
}

/** A use-case of a fit suite: the flags it is planned with, and what its plan must and must not say. */
export interface FitCase extends Fit {
  flags: string[];
}

/**
 * A fit suite: every case planned into one folder; each plan checked for what it must and must not
 * say (`says` titles that check); then the folder's code compiled under tsc --strict and its
 * generated tests run, which pass while nothing is implemented.
 */
export function describeFit(cases: Record<string, FitCase>, says: string): void {
  let dest: string;
  const texts = new Map<string, string>();

  beforeAll(async () => {
    dest = await tempDir();
    for (const [name, c] of Object.entries(cases)) texts.set(name, (await planned(name, c.flags, dest)).text);
  }, 120_000);

  describe(says, () => {
    it.each(Object.keys(cases))("%s", (name) => {
      const { must, mustNot } = cases[name]!;
      expectFit(name, texts.get(name) ?? "", { must, mustNot });
    });
  });

  describe("the plans' code", () => {
    it("compiles under tsc --strict, and the generated tests pass while nothing is implemented", async () => {
      await asProject(dest, "module");
      const compiled = await typecheck(dest);
      expect(compiled.stdout).toBe("");
      const tests = jestSummary(await runGeneratedTests(dest));
      expect(tests.failed).toBe(0);
      expect(tests.passed).toBeGreaterThan(40);
    }, 240_000);
  });
}
