/** What a run prints: a line per file, diffs for a dry run, a summary, or the same as JSON. */
import { createRequire } from "node:module";
import type { Action, ReportedChange } from "../write/changes.js";
import { countPlaceholders as inPlan } from "../check/plan-facts.js";
import { fileTree } from "./file-tree.js";
import type { RunReport } from "../run/pipeline.js";
import { commandLine, type Env } from "./invocation.js";
import { shellWord } from "./shell-word.js";

/** What happens to each file, as a run lists it; a dry run says the same of what it would do. */
export const VERB: Record<Action, string> = {
  create: "create",
  overwrite: "overwrite",
  unchanged: "unchanged",
  skip: "skip",
  keep: "keep",
  conflict: "conflict",
};
export const WOULD: Record<Action, string> = { ...VERB, keep: "keep (exists)" };

/** Each change's verb padded to the widest among them, for a column of paths. */
export function verbColumn(changes: readonly ReportedChange[], verbs: Record<Action, string>): (change: ReportedChange) => string {
  const width = Math.max(0, ...changes.map((c) => verbs[c.action].length));
  return (change) => verbs[change.action].padEnd(width);
}

/** TODO(plan) markers left for a person or agent to fill. */
export const countPlaceholders = (changes: readonly ReportedChange[]): number =>
  changes.filter((c) => c.isPlan).reduce((n, c) => n + (c.placeholders ?? inPlan(c.after ?? "")), 0);

// The diff library is loaded only by dry runs.
const require = createRequire(import.meta.url);

export function diffOf(change: ReportedChange): string {
  const { createTwoFilesPatch } = require("diff") as typeof import("diff");
  return createTwoFilesPatch(`a/${change.path}`, `b/${change.path}`, change.before ?? "", change.after ?? "", "", "", { context: 3 }).replace(/^=+\n/, "");
}

/** A batch lists only what needs a look (files overwritten or skipped) unless `verbose`: 200 use-cases are thousands of files. */
/**
 * `dest`: --dest as the person gave it, so the check command the summary suggests looks where the
 * run wrote.
 */
/** `summary`: the closing line of a run that writes no use-case (eject), in place of the use-case's counts. */
export function humanReport(report: RunReport, options: { verbose?: boolean; env?: Env; dest?: string; summary?: string; cwd?: string } = {}): string {
  const lines: string[] = [];
  if (report.dryRun) {
    // A dry run lists flat paths, each followed by its diff, to read like a patch.
    const width = Math.max(...Object.values(WOULD).map((v) => v.length));
    for (const change of report.changes) {
      lines.push(`${WOULD[change.action].padEnd(width)}  ${change.path}`);
      if (change.action === "overwrite" || change.action === "conflict") lines.push(diffOf(change));
    }
  } else if (report.labels.length === 1 || options.verbose) {
    lines.push(...fileTree(report.changes.map((c) => ({ path: c.path, note: VERB[c.action] }))));
  } else {
    const notable = report.changes.filter((c) => c.action === "overwrite" || c.action === "skip");
    const verb = verbColumn(notable, VERB);
    lines.push(...notable.map((c) => `${verb(c)}  ${c.path}`));
    lines.push(`(${report.summary.files} files; --verbose lists every one)`);
  }
  // Counted over every file: a batch's report lists only some of them.
  const count = (a: Action) => report.summary.byAction[a];
  const written = count("create") + count("overwrite");
  const useCases = report.labels.length === 1 ? JSON.stringify(report.labels[0]) : `${report.labels.length} use-cases`;
  lines.push("");
  // A --dest that did not exist is made by the run: said, so a mistyped folder is noticed (TRIAL6 U15).
  if (report.destCreated) lines.push(`${report.dryRun ? "Would create" : "Created"} ${options.dest ?? report.dest}: the folder did not exist.`);
  if (options.summary !== undefined) return [...lines, options.summary].join("\n") + "\n";
  lines.push(
    report.dryRun
      ? `Dry run for ${useCases}: ${written} file(s) would be written in ${report.dest}, ${count("conflict")} conflict(s); nothing was written.`
      : `${useCases}: ${count("create")} created, ${count("overwrite")} overwritten, ${count("unchanged")} unchanged, ${count("skip")} skipped, ${count("keep")} kept, in ${report.dest}.`,
  );
  // A shared file written once (the ports, their fakes) that this plan's code needed more of: said, with what.
  for (const c of report.changes) {
    if (c.added?.length) lines.push(`${report.dryRun ? "Would add" : "Added"} to ${c.path} what this plan's code needs and it lacked: ${c.added.join(", ")} (nothing already in it ${report.dryRun ? "would change" : "changed"}).`);
    if (c.leftOut?.length) lines.push(`${c.path} lacks ${c.leftOut.join(", ")}, which this plan's code uses: add ${c.leftOut.length === 1 ? "it" : "them"} by hand (the file no longer has the shape to add ${c.leftOut.length === 1 ? "it" : "them"} to).`);
  }
  const { plans, firstPlan, placeholders } = report.summary;
  if (!report.dryRun && plans) {
    lines.push(`Next: fill the ${placeholders} TODO(plan) marker(s) in ${plans === 1 ? firstPlan : `${plans} plans`}, review, then set status: approved.`);
    const dest = options.dest && options.dest !== "." ? `--dest ${shellWord(options.dest)}` : "";
    lines.push(`Then: ${commandLine(options.env ?? {}, "check", dest, options.cwd)} keeps the plan and its files in step.`);
  }
  return lines.join("\n") + "\n";
}

/** The same shape whether the run wrote, would write, or stopped on a conflict: ok is false when a conflict is left. */
/** `warnings`: the run's `mjoplan: warning:` lines, for a script that reads the JSON alone. */
export function jsonReport(report: RunReport, warnings: readonly string[] = []): string {
  const conflicts = report.changes.filter((c) => c.action === "conflict").map((c) => c.path);
  return (
    JSON.stringify(
      {
        ok: conflicts.length === 0,
        dryRun: report.dryRun,
        dest: report.dest,
        ...(report.destCreated ? { destCreated: true } : {}),
        useCases: report.labels,
        // Each plan's path, as the MCP tools give them: a script had to pick them out of files by their "-plan.md" ending (USER20 U7).
        plans: report.changes.filter((c) => c.isPlan).map((c) => c.path),
        placeholders: report.summary.placeholders,
        conflicts,
        warnings,
        files: report.changes.map((c) => ({
          path: c.path,
          action: c.action,
          ...(c.added?.length ? { added: c.added } : {}),
          ...(c.leftOut?.length ? { leftOut: c.leftOut } : {}),
          ...(report.dryRun && (c.action === "overwrite" || c.action === "conflict") ? { diff: diffOf(c) } : {}),
        })),
      },
      null,
      2,
    ) + "\n"
  );
}

