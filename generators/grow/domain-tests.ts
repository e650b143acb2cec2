/**
 * Adds rendered domain tests (the domain test template, rendered for just the new
 * value objects or events) to a use-case's domain test file, or starts that file
 * and its section of the plan when the use-case has none yet.
 */
import { code } from "../../lib/render/escape.js";
import { RUNNER_IMPORT } from "../plan/testing.js";
import { addToTestFile, appendToSection } from "./plan-edits.js";

export function addDomainTests(plan: string, tests: string | undefined, rendered: string, testPath: string, testLink: string): { plan: string; tests: string } {
  if (tests === undefined) {
    // The plan's new section is filled with the file's code when the embedded tests are synced.
    return { tests: rendered, plan: appendToSection(plan, ". Test plan", `### Domain tests\n\n[${code(testPath)}](${testLink})\n\n\`\`\`ts\n\n\`\`\``) };
  }
  const split = rendered.indexOf("\n\ndescribe(");
  const head = rendered.slice(0, split);
  const body = rendered.slice(split);
  const imports = head.split("\n").filter((l) => l.startsWith("import ") && !RUNNER_IMPORT.test(l));
  // Events share one `meta`; a file that has none yet gets it with the first event.
  const meta = /\nconst meta = \{[\s\S]*?\n\};/.exec(head)?.[0];
  const needsMeta = meta !== undefined && !tests.includes("\nconst meta = {");
  // A file that had nothing to assert imports no `expect`; the new tests need it.
  const jest = head.split("\n").find((l) => l.includes('"@jest/globals"'));
  const withJest = jest ? tests.replace(/^import \{[^}]*\} from "@jest\/globals";$/m, (line) => (line.includes("expect") ? line : jest)) : tests;
  return { plan, tests: addToTestFile(withJest, imports, `${needsMeta ? `${meta!.trim()}\n\n` : ""}${body.trim()}`) };
}
