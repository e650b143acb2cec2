/**
 * What every growth writes into the plan, whatever grew: its requirement (with
 * its tests), the test-plan rows, the traceability row, the checklist item's
 * coverage and the generated file's link. The domain-model row is the caller's.
 */
import path from "node:path";
import { syncEmbedded } from "../../lib/check/sync-plan.js";
import { cellPipes, code, md } from "../../lib/render/escape.js";
import type { FileRef } from "../plan/model.js";
import { appendRows, setChecklistCoverage } from "./plan-edits.js";

export interface Growth {
  /** The new requirement's ID and Markdown text. */
  fr: string;
  requirement: string;
  tests: { id: string; kind: string; title: string; file: FileRef }[];
  checklistItem: string;
  file: FileRef;
}

const TEST_ROW = /^\| [A-Z]+-\d+ +\| (security|domain|integration|performance) +\|/;

export function recordInPlan(plan: string, g: Growth): string {
  const ids = g.tests.map((t) => t.id).join(", ") || "none";
  const fileLink = (f: FileRef) => `[${path.posix.basename(f.path)}](${f.link})`;
  const files = [...new Map(g.tests.map((t) => [t.file.path, t.file])).values()];
  let out = appendRows(plan, ". Feature definition", /^\| FR-\d+ +\|/, [`| ${g.fr} | ${cellPipes(g.requirement)} | ${ids} |`]);
  out = appendRows(
    out,
    ". Test plan",
    TEST_ROW,
    g.tests.map((t) => `| ${t.id} | ${t.kind} | ${md(t.title)} | ${g.fr} | [${cellPipes(code(path.posix.basename(t.file.path)))}](${t.file.link}) |`),
  );
  out = appendRows(out, "Traceability matrix", /^\| FR-\d+ +\|/, [`| ${g.fr} | ${cellPipes(g.requirement)} | ${ids} | ${files.map(fileLink).join(", ") || "none"} |`]);
  const domainIds = g.tests.filter((t) => t.kind === "domain").map((t) => t.id);
  const domainFile = g.tests.find((t) => t.kind === "domain")?.file;
  if (domainIds.length && domainFile) {
    out = setChecklistCoverage(out, g.checklistItem, (current) => {
      const listed = domainTestList(current);
      if (listed) return current.replace(listed, `${listed}, ${domainIds.join(", ")}`);
      // The heading is linked only where the plan has it (a config may leave the design out).
      return `${/^### Domain model$/m.test(plan) ? "[Domain model](#domain-model); " : ""}${domainIds.join(", ")} in ${fileLink(domainFile)}`;
    });
  }
  return appendRows(out, "Generated files", /^- \[/, [`- [${code(g.file.path)}](${g.file.link})`]);
}

/** The plan with the code it embeds refreshed from the grown test files (by path below --dest). */
export function withEmbeddedTests(plan: string, planPath: string, testFiles: ReadonlyMap<string, string>): string {
  return syncEmbedded(plan, (link) => testFiles.get(path.posix.normalize(path.posix.join(path.posix.dirname(planPath), link))));
}

/**
 * The first list of domain-test IDs before " in [" in a checklist line
 * ("DOM-1, DOM-2 in [file](...)"), found by walking back from each " in [":
 * each character is looked at a bounded number of times (the regular expression
 * this replaces, `(?:DOM-\d+, )*DOM-\d+ in \[`, was quadratic on a long line).
 */
export function domainTestList(line: string): string | undefined {
  for (let at = line.indexOf(" in ["), from = 0; at >= 0; from = at + 5, at = line.indexOf(" in [", from)) {
    const isDigit = (i: number): boolean => i >= from && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57;
    // `start`: where the list found so far begins; each step takes one more "DOM-<digits>, " before it.
    let start = at;
    for (let end = at; ; ) {
      let d = end;
      while (isDigit(d - 1)) d--;
      if (d === end || d - 4 < from || line.slice(d - 4, d) !== "DOM-") break;
      start = d - 4;
      if (start - 2 < from || line.slice(start - 2, start) !== ", ") break;
      end = start - 2;
    }
    if (start < at) return line.slice(start, at);
  }
  return undefined;
}
