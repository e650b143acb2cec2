/**
 * `mjoplan check [paths...]` and `mjoplan sync [paths...]`: deterministic, for CI.
 * check exits 0 when plans and files agree, 1 on any inconsistency (or, with
 * --strict / --require, on open items, placeholders, gaps or the status), 2 on bad usage.
 */
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { inconsistencies, type PlanFindings } from "../check/check-plan.js";
import { findPlans } from "../check/find-plans.js";
import { readConfined, repositoryRoot } from "../check/confined-read.js";
import { walkAndCheck } from "../check/check-parallel.js";
import { loadPlan } from "../check/run-check.js";
import { asLf, inForm } from "../text-form.js";
import { linkTo, pathOfLink } from "../link-text.js";
import { InputError } from "../errors.js";
import { checkNoEscape, checkRelative } from "../write/inside.js";
import { lockDest } from "../write/lock.js";
import { checkDest } from "../write/dest.js";
import { indexTests, syncEmbedded, syncTraceability } from "../check/sync-plan.js";
import { formatFiles } from "../format/format-files.js";
import { choice, flag, text } from "../schema/fields.js";
import type { Schema } from "../schema/field.js";
import { catchingSignals } from "../run/interrupts.js";
import { commit, Interrupted } from "../write/commit.js";
import type { Change } from "../write/changes.js";
import { parseCommand } from "./command-options.js";
import { diffOf } from "./report.js";
import type { Terminal } from "./terminal.js";
import { shownWord } from "./shell-word.js";

export const checkSchema = {
  strict: flag({
    flag: "strict",
    description: "Also fail on open checklist items, placeholders, requirements without a test, and pending tests once a plan is implemented",
    ask: false,
  }),
  require: choice({ flag: "require", description: "Fail where a plan's status is below this (approved: approved or implemented)", choices: ["none", "approved"], fallback: "none", ask: false }),
  json: flag({ flag: "json", description: "Print the findings as JSON", ask: false }),
  dest: text({ flag: "dest", description: "Folder the paths are relative to", valueHint: "dir", fallback: ".", ask: false }),
  help: flag({ flag: "help", description: "Show the flags", ask: false }),
} satisfies Schema;

export const syncSchema = {
  dest: checkSchema.dest,
  dryRun: flag({ flag: "dry-run", description: "Show which plans would be synced, with diffs; write nothing", ask: false }),
  json: flag({ flag: "json", description: "Print what was (or would be) synced as JSON", ask: false }),
  help: checkSchema.help,
} satisfies Schema;

const APPROVED = ["approved", "implemented"];

export function failed(f: PlanFindings, strict: boolean, requireApproved: boolean): boolean {
  return (
    inconsistencies(f) > 0 ||
    (strict && (f.openItems > 0 || f.placeholders > 0 || f.uncovered.length > 0 || pendingWhenImplemented(f))) ||
    (requireApproved && !APPROVED.includes(f.status))
  );
}

/**
 * A plan that says it is implemented while tests are still marked as expected to fail, or while a requirement, criterion
 * or threat has only todo tests (TRIAL4 V22): a todo neither passes nor fails, so "every test passes" says nothing of it.
 */
const pendingWhenImplemented = (f: PlanFindings): boolean => f.status === "implemented" && (f.pending.length > 0 || f.todoOnly.length > 0);

function table(findings: PlanFindings[], base: string, strict: boolean, requireApproved: boolean): string {
  // Built once per plan, with plain loops: check over 5,000 plans prints 5,000 rows, and this ran on the main thread
  // after every worker was done (each plan's path made relative once, each verdict decided once).
  const head = ["plan", "status", "missing", "refused", "drift", "lost", "orphans", "untested", "open", "todo", "pending", "result"];
  const rows: string[][] = [];
  const names: string[] = [];
  const verdicts: boolean[] = [];
  const widths = head.map((h) => h.length);
  for (const f of findings) {
    const name = path.relative(base, f.plan);
    const fails = failed(f, strict, requireApproved);
    names.push(name);
    verdicts.push(fails);
    const row = [
      name,
      f.status,
      String(f.missing.length),
      String(f.refused.length),
      String(f.drift.length + f.staleStatus.length),
      String(f.lostTests.length),
      String(f.orphans.length + f.untraced.length),
      String(f.uncovered.length),
      String(f.openItems),
      String(f.placeholders),
      String(f.pending.length),
      fails ? "FAIL" : "ok",
    ];
    for (let i = 0; i < row.length; i++) if (row[i]!.length > widths[i]!) widths[i] = row[i]!.length;
    rows.push(row);
  }
  const line = (r: string[]): string => {
    let out = "";
    for (let i = 0; i < r.length; i++) out += (i ? "  " : "") + r[i]!.padEnd(widths[i]!);
    return out.trimEnd();
  };
  const details: string[] = [];
  findings.forEach((f, n) => {
    for (const problem of problemsOf(f, base, strict, requireApproved)) details.push(`  ${names[n]!}: ${problem}`);
  });
  let failing = 0;
  for (const v of verdicts) if (v) failing++;
  const lines = [line(head)];
  for (const r of rows) lines.push(line(r));
  if (details.length) {
    lines.push("");
    for (const d of details) lines.push(d);
  }
  lines.push("", `${findings.length} plan(s): ${findings.length - failing} ok, ${failing} failing.`, "");
  return lines.join("\n");
}

/**
 * What is wrong with one plan, a line each, as the table's lines below it say it and --json's `problems` hold it: the
 * data said `"failed": true` without why (USER20 U4), so a CI job or an agent had to work out, say, that the status was
 * below --require approved.
 */
export function problemsOf(f: PlanFindings, base: string, strict: boolean, requireApproved: boolean): string[] {
  const out: string[] = [];
  for (const p of f.missing) out.push(`missing file ${path.relative(base, p)}`);
  for (const r of f.refused) out.push(`link ${shownWord(r.link)} not followed: it ${r.reason}`);
  for (const p of f.drift) out.push(`embedded test code differs from ${path.relative(base, p)} (mjoplan sync refreshes it)`);
  for (const s of f.staleStatus) out.push(`the test plan marks ${s.id} (${s.listed}), but its file has it ${s.actual ? `as ${s.actual}` : "as a real test"} (mjoplan sync refreshes it)`);
  for (const id of f.lostTests) out.push(`${id} is listed in the traceability matrix but in no test file`);
  for (const id of f.orphans) out.push(`${id} is in a test file but covers no requirement, criterion or threat`);
  for (const u of f.untraced) out.push(`the test ${JSON.stringify(u.title)} in ${path.relative(base, u.file)} has no ID, so no requirement, criterion or threat can list it: start its title with a test ID the traceability matrix lists`);
  if (strict && pendingWhenImplemented(f) && f.pending.length) out.push(`status is implemented, but ${f.pending.length} test(s) are still pending: ${f.pending.join(", ")}`);
  if (strict && pendingWhenImplemented(f) && f.todoOnly.length) out.push(`status is implemented, but ${f.todoOnly.join(", ")} ${f.todoOnly.length === 1 ? "has" : "have"} only todo tests, which neither pass nor fail: write them`);
  if (requireApproved && !APPROVED.includes(f.status)) out.push(`status is ${f.status}, not approved`);
  // What --strict fails on, named, so a reviewer knows where to look. Untested items are named without
  // --strict too: a count in the table alone leaves a person guessing which (say, a p95 latency
  // requirement in a plan without performance tests).
  if (f.uncovered.length) out.push(`${f.uncovered.join(", ")} ${f.uncovered.length === 1 ? "has" : "have"} no test${strict ? "" : " (check --strict fails on it)"}`);
  if (strict && f.openItems) out.push(`${f.openItems} review-checklist item(s) not ticked`);
  if (strict && f.placeholders) out.push(`${f.placeholders} TODO(plan) marker(s) left`);
  return out;
}

/** The findings as --json prints them (and the MCP server's check tool returns them). */
export function checkJson(findings: PlanFindings[], base: string, strict: boolean, requireApproved: boolean): { ok: boolean; plans: (PlanFindings & { failed: boolean; problems: string[] })[] } {
  const plans = findings.map((f) => ({ ...f, plan: path.relative(base, f.plan), failed: failed(f, strict, requireApproved), problems: problemsOf(f, base, strict, requireApproved) }));
  return { ok: !plans.some((p) => p.failed), plans };
}

/**
 * --dest of check and sync, an existing folder: else one line naming the --dest typed (not ".", the
 * path it became), exit 2. Returns the folder's real path.
 */
async function existingFolder(dest: string, cwd: string): Promise<string> {
  const where = `--dest ${shownWord(dest)}`;
  const full = path.resolve(cwd, dest);
  const s = await stat(full).catch(() => null);
  if (!s) throw new InputError(where, "no such folder");
  if (!s.isDirectory()) throw new InputError(where, "names a file, not a folder");
  return realpath(full);
}

export async function checkCommand(argv: readonly string[], term: Terminal): Promise<number> {
  const command = parseCommand(argv, checkSchema, "check [paths...]", "Verify that plans and their files agree.", term);
  if (!command) return 0;
  const { options, positionals } = command;
  const base = path.resolve(term.cwd, options.dest);
  await existingFolder(options.dest, term.cwd);
  const findings = await walkAndCheck(positionals, base, positionals.map((p) => path.resolve(base, p)));
  const requireApproved = options.require === "approved";
  const anyFailed = findings.some((f) => failed(f, options.strict, requireApproved));
  if (options.json) term.stdout.write(JSON.stringify(checkJson(findings, base, options.strict, requireApproved), null, 2) + "\n");
  else term.stdout.write(findings.length ? table(findings, base, options.strict, requireApproved) : `No plans found in ${path.relative(term.cwd, base) || "this folder"}${positionals.length ? ` (${positionals.join(", ")})` : ""}${options.strict ? "; --strict fails without any" : ""}.\n`);
  // Under --strict, a gate that checked nothing does not pass: a wrong path must not look green.
  return anyFailed || (options.strict && findings.length === 0) ? 1 : 0;
}

export async function syncCommand(argv: readonly string[], term: Terminal, signal?: AbortSignal): Promise<number> {
  const command = parseCommand(argv, syncSchema, "sync [paths...]", "Refresh the test code and traceability a plan embeds from its files.", term);
  if (!command) return 0;
  const { options, positionals } = command;
  const base = path.resolve(term.cwd, options.dest);
  const root = repositoryRoot(base);
  const destReal = await existingFolder(options.dest, term.cwd);
  // Plans already in step need no write, and so no lock: a sync in a read-only checkout (a CI cache, another
  // user's clone) that finds nothing to refresh reports so, as check would.
  const first = await syncChanges(destReal, root, base, positionals, term, signal);
  if (options.dryRun || !first.changes.some((c) => c.action === "overwrite")) return reportSync(first, options.json, term, options.dryRun);
  // Something to write: a place that cannot be written is bad input (one line, exit 2), found before the lock.
  await checkDest(options.dest, term.cwd);
  // Holding the lock, the run has something to undo: SIGINT and SIGTERM are caught and end it cleanly.
  return catchingSignals(async () => {
    const lock = await lockDest(destReal, `sync ${argv.join(" ")}`.slice(0, 200), (line) => term.stderr.write(`mjoplan: ${line}\n`));
    try {
      // Read again under the lock: another run may have changed the plans since the look above.
      const synced = await syncChanges(destReal, root, base, positionals, term, signal);
      await commit(destReal, synced.changes, { ...(signal ? { signal } : {}), journal: (entries) => lock.journal(entries), guard: (rel) => checkNoEscape(destReal, rel) });
      return reportSync(synced, options.json, term);
    } finally {
      await lock.release();
    }
  });
}

interface SyncResult {
  changes: Change[];
  refused: string[];
}

async function syncChanges(destReal: string, root: string, base: string, positionals: string[], term: Terminal, signal: AbortSignal | undefined): Promise<SyncResult> {
  const changes: Change[] = [];
  const refused: string[] = [];
  for (const planFile of await findPlans(positionals, base)) {
    if (signal?.aborted) throw new Interrupted();
    const rel = path.relative(destReal, await realpath(planFile));
    // sync writes plans the way `plan` writes files: only inside --dest, never through a link out of it.
    try {
      checkRelative(rel.split(path.sep).join("/"));
    } catch {
      throw new InputError(path.relative(term.cwd, planFile) || planFile, "is outside --dest; sync writes only plans inside it");
    }
    // Read with LF line ends and no byte-order mark (confined-read.ts); written back in the plan's own form.
    const { text: before, facts, form } = loadPlan(root, planFile, base);
    const dir = path.dirname(planFile);
    const files = new Map<string, string | undefined>();
    for (const link of facts.badLinks) refused.push(`${rel}: link ${shownWord(link)} not followed: it is not valid URI text`);
    for (const e of facts.embedded) {
      const read = readConfined(root, path.join(dir, e.link));
      if (read.kind === "refused") refused.push(`${rel}: link ${shownWord(e.link)} not followed: it ${read.reason}`);
      files.set(e.link, read.kind === "file" ? read.content : undefined);
    }
    // Keyed by the path each link names; the matrix's Files column links them again (encoded where a path has a space).
    const present = [...files].filter((f): f is [string, string] => f[1] !== undefined).map(([link, code]) => ({ link: linkTo(link), code }));
    const contentOf = (link: string): string | undefined => files.get(pathOfLink(link));
    const synced = syncTraceability(syncEmbedded(before, contentOf), indexTests(present));
    const target = rel.split(path.sep).join("/");
    await checkNoEscape(destReal, target);
    // Formatted as plan and grow commands format, so the repository's format check stays clean after a sync; the test
    // code embedded again after, as its file has it: Prettier re-formats code in Markdown, and a test file a person edited
    // without the formatter would then never match its plan's copy, check failing and sync "unchanged" for ever.
    const after = synced === before ? before : asLf(syncEmbedded((await formatFiles([{ path: target, content: synced, mode: "update", isPlan: true }], destReal, "auto"))[0]!.content, contentOf));
    changes.push({ path: target, action: after === before ? "unchanged" : "overwrite", before: inForm(before, form), after: inForm(after, form) });
  }
  return { changes, refused };
}

/**
 * What sync did, or with --dry-run would do: a line per plan (a dry run follows each plan it would
 * rewrite with the diff, as plan's dry run does), or the same as JSON. The exit code is the same
 * either way: 1 where a link was not followed, else 0.
 */
function reportSync({ changes, refused }: SyncResult, json: boolean, term: Terminal, dryRun = false): number {
  for (const line of refused) term.stderr.write(`mjoplan: ${line}\n`);
  const changed = changes.filter((c) => c.action === "overwrite");
  // Diffs of the text as read (LF): a CRLF plan's diff shows what changes, not its line ends.
  const diff = (c: Change): string => diffOf({ path: c.path, action: c.action, before: asLf(c.before ?? ""), after: asLf(c.after) });
  if (json) {
    const plans = changes.map((c) => ({ path: c.path, action: c.action, ...(dryRun && c.action === "overwrite" ? { diff: diff(c) } : {}) }));
    term.stdout.write(JSON.stringify({ ok: refused.length === 0, dryRun, refused, plans }, null, 2) + "\n");
  } else {
    const verb = (c: Change): string => (c.action !== "overwrite" ? "unchanged" : dryRun ? "would sync" : "synced   ").padEnd(dryRun ? 10 : 9);
    const lines = changes.flatMap((c) => [`${verb(c)}  ${c.path}`, ...(dryRun && c.action === "overwrite" ? [diff(c).trimEnd()] : [])]);
    const done = dryRun ? `${changed.length} would be synced; nothing was written` : `${changed.length} synced`;
    term.stdout.write([...lines, "", `${changes.length} plan(s), ${done}${refused.length ? `, ${refused.length} link(s) not followed` : ""}.`, ""].join("\n"));
  }
  return refused.length ? 1 : 0;
}
