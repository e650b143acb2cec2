/**
 * `check` and `sync` find a plan's test plan, implementation steps and traceability matrix by their headings' words
 * (lib/check: ". Test plan", ". Implementation steps", "Traceability matrix"). A team template may change any text, and
 * one that renamed the matrix's heading ("Trace (Acme)") had sync rewrite every Files cell with test IDs or "none" and
 * check miss lost tests, exit 0 both (USER20 U12). So a plan rendered with the team's templates keeps those words in
 * every section it has, or the run is refused naming the template to mend. Pure but for the existence of the files.
 */
import { existsSync } from "node:fs";
import path from "node:path";

/** A section check and sync read, and the words its heading must keep. */
const READ_BY_CHECK: readonly { id: string; words: string }[] = [
  { id: "implementation-steps", words: ". Implementation steps" },
  { id: "test-plan", words: ". Test plan" },
  { id: "traceability", words: "Traceability matrix" },
];

/** The first section whose heading lost its words: the team's template that renders it and what to keep; undefined where all are kept. */
export function lostHeading(plan: string, omitted: readonly string[], overridesDir: string): { where: string; problem: string } | undefined {
  const headings = plan.split("\n").filter((l) => l.startsWith("## "));
  for (const { id, words } of READ_BY_CHECK) {
    if (omitted.includes(id) || headings.some((h) => h.includes(words))) continue;
    const own = [`plan/sections/${id}.md.hbs`, "plan/plan.md.hbs"].map((rel) => path.join(overridesDir, rel)).find((f) => existsSync(f));
    const shown = own ? path.relative(process.cwd(), own) || own : path.relative(process.cwd(), overridesDir) || overridesDir;
    return {
      where: shown,
      problem: `the plan's ${id} section has no "## " heading with the words ${JSON.stringify(words)}, by which mjoplan check and sync find it (sync would rewrite what it cannot find, check would miss what it checks there): keep those words in the heading, or leave the section out with the config's omitSections`,
    };
  }
  return undefined;
}
