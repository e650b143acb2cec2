/**
 * Must/must-not checks of a plan against its use-case: what a reviewer of that kind of feature
 * expects to read in it, and what would be false for it. Shared by the fit suites.
 */
import { expect } from "@jest/globals";
import { namesOf } from "../../generators/plan/names.js";
import { cli, readTree, tempDir } from "./project.js";

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
