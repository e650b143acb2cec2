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
  let out = appendRows(plan, "1. Feature definition", /^\| FR-\d+ +\|/, [`| ${g.fr} | ${cellPipes(g.requirement)} | ${ids} |`]);
  out = appendRows(
    out,
    "5. Test plan",
    TEST_ROW,
    g.tests.map((t) => `| ${t.id} | ${t.kind} | ${md(t.title)} | ${g.fr} | [${cellPipes(code(path.posix.basename(t.file.path)))}](${t.file.link}) |`),
  );
  out = appendRows(out, "Traceability matrix", /^\| FR-\d+ +\|/, [`| ${g.fr} | ${cellPipes(g.requirement)} | ${ids} | ${files.map(fileLink).join(", ") || "none"} |`]);
  const domainIds = g.tests.filter((t) => t.kind === "domain").map((t) => t.id);
  const domainFile = g.tests.find((t) => t.kind === "domain")?.file;
  if (domainIds.length && domainFile) {
    out = setChecklistCoverage(out, g.checklistItem, (current) => {
      const listed = /((?:DOM-\d+, )*DOM-\d+) in \[/.exec(current);
      return listed ? current.replace(listed[1]!, `${listed[1]}, ${domainIds.join(", ")}`) : `[Domain model](#domain-model); ${domainIds.join(", ")} in ${fileLink(domainFile)}`;
    });
  }
  return appendRows(out, "Generated files", /^- \[/, [`- [${code(g.file.path)}](${g.file.link})`]);
}

/** The plan with the code it embeds refreshed from the grown test files (by path below --dest). */
export function withEmbeddedTests(plan: string, planPath: string, testFiles: ReadonlyMap<string, string>): string {
  return syncEmbedded(plan, (link) => testFiles.get(path.posix.normalize(path.posix.join(path.posix.dirname(planPath), link))));
}
