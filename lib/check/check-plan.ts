/**
 * One plan against its files: what is missing, drifted or uncovered. The plan's
 * facts and the contents of the files it links are passed in; no disk here.
 */
import path from "node:path";
import type { PlanFacts } from "./plan-facts.js";
import { linkJoiner } from "./join-link.js";
import { trimNewlines } from "./plan-facts.js";
import type { TestStatus } from "./sync-plan.js";
import { statusesOf, type TestCalls, testCalls, untracedTitles } from "./test-calls.js";

export interface PlanFindings {
  plan: string;
  status: string;
  /** Linked files that do not exist. */
  missing: string[];
  /** Links that were not followed, each with the reason: outside the repository, not a regular file, too large, not URI text. */
  refused: { link: string; reason: string }[];
  /** Test files whose embedded copy in the plan differs from the file. */
  drift: string[];
  /** Tests the traceability matrix lists that no test file has. */
  lostTests: string[];
  /** Requirements, criteria and threats with no test. */
  uncovered: string[];
  /** Tests in the files that no requirement, criterion or threat lists. */
  orphans: string[];
  /** Tests in the files whose title starts with no ID: no requirement, criterion or threat can list them. */
  untraced: { file: string; title: string }[];
  openItems: number;
  placeholders: number;
  /** Tests still marked as expected to fail: the implementation does not satisfy them yet. */
  pending: string[];
  /** Requirements, criteria and threats whose every test is still a todo (it.todo): listed, never written. */
  todoOnly: string[];
  /** Tests the test plan still marks (todo) or (pending) while their file no longer does (sync refreshes the mark). */
  staleStatus: { id: string; listed: TestStatus; actual: TestStatus }[];
}

/** Inconsistencies: the plan and its files disagree. */
export const inconsistencies = (f: PlanFindings): number => f.missing.length + f.refused.length + f.drift.length + f.staleStatus.length + f.lostTests.length + f.orphans.length + f.untraced.length;

/**
 * `marked`: the tests the plan's test plan marks (todo) or (pending) (sync-plan.ts markedStatuses). `resolveLink`: the
 * caller's joins of the plan's links with its folder (linkJoiner), where they are path.posix's.
 */
export function checkPlan(
  planPath: string,
  facts: PlanFacts,
  files: ReadonlyMap<string, string | undefined>,
  refused: ReadonlyMap<string, string> = new Map(),
  marked: ReadonlyMap<string, TestStatus> = new Map(),
  resolveLink?: (link: string) => string,
): PlanFindings {
  // Each link is resolved once, though several findings look at it. Plain loops over arrays, and a map's or a set's
  // forEach rather than for-of over its entries: check runs this for thousands of plans in one process, loops are fast
  // before the optimizing compiler has looked at them too, and for-of over a map (destructured above all) made this
  // function the costliest of check's compile jobs (each worker thread compiles it again).
  const resolve = resolveLink ?? linkJoiner(path.posix.dirname(planPath), path.posix.join);
  const missing: string[] = [];
  const links = facts.links;
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    if (refused.has(link)) continue;
    const full = resolve(link);
    if (files.get(full) === undefined) missing.push(full);
  }
  const drift: string[] = [];
  const embedded = facts.embedded;
  for (let i = 0; i < embedded.length; i++) {
    const e = embedded[i]!;
    const full = resolve(e.link);
    const content = files.get(full);
    // A test file that is its embedded copy (run-check.ts readTest) is that very string: no need to cut and compare 30 KB.
    if (content !== undefined && content !== e.code && trimNewlines(content) !== trimNewlines(e.code)) drift.push(full);
  }
  // A plan without its test plan (omitSections) embeds no tests: its test files are among the files it links to.
  const withTodos = marked.size > 0;
  const calls: TestCalls[] = [];
  // Nor is there a matrix to hold tests against in a plan that leaves it out (orphans below).
  const traced = facts.sections?.traceability !== false;
  const untraced: PlanFindings["untraced"] = [];
  const testFile = (link: string): void => {
    const file = resolve(link);
    const code = files.get(file);
    if (code === undefined) return;
    // Each file's test calls read once: its IDs, its pending tests, and its todos when the plan marks any.
    calls.push(testCalls(code, withTodos));
    if (traced) {
      const titles = untracedTitles(code);
      for (let i = 0; i < titles.length; i++) untraced.push({ file, title: titles[i]! });
    }
  };
  if (facts.sections?.testPlan === false) for (let i = 0; i < links.length; i++) testFile(links[i]!);
  else for (let i = 0; i < embedded.length; i++) testFile(embedded[i]!.link);
  const inFiles = new Set<string>();
  const pending = new Set<string>();
  // Each test's status as its file has it (statusesOf, as sync reads it).
  const actual = new Map<string, TestStatus>();
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i]!;
    c.titles.forEach((_, id) => inFiles.add(id));
    for (let k = 0; k < c.pending.length; k++) pending.add(c.pending[k]!);
    if (withTodos) statusesOf(c).forEach((s, id) => actual.set(id, s));
  }
  const listed = new Set<string>();
  const uncovered: string[] = [];
  for (let i = 0; i < facts.trace.length; i++) {
    const t = facts.trace[i]!;
    for (let k = 0; k < t.tests.length; k++) listed.add(t.tests[k]!);
    if (t.tests.length === 0) uncovered.push(t.id);
  }
  // Known where the plan marks todos (a generated plan does; sync keeps the marks), as the files have them.
  const todoOnly: string[] = [];
  if (withTodos) {
    for (let i = 0; i < facts.trace.length; i++) {
      const t = facts.trace[i]!;
      let todos = 0;
      for (let k = 0; k < t.tests.length; k++) if (actual.get(t.tests[k]!) === "todo") todos++;
      if (todos > 0 && todos === t.tests.length) todoOnly.push(t.id);
    }
  }
  const lostTests: string[] = [];
  listed.forEach((id) => {
    if (!inFiles.has(id)) lostTests.push(id);
  });
  const orphans: string[] = [];
  if (traced)
    inFiles.forEach((id) => {
      if (!listed.has(id)) orphans.push(id);
    });
  const staleStatus: PlanFindings["staleStatus"] = [];
  marked.forEach((listedAs, id) => {
    const now = actual.get(id);
    if (now !== undefined && now !== listedAs) staleStatus.push({ id, listed: listedAs, actual: now });
  });
  const refusals: PlanFindings["refused"] = [];
  refused.forEach((reason, link) => refusals.push({ link, reason }));
  const pendingIds: string[] = [];
  pending.forEach((id) => pendingIds.push(id));
  return {
    plan: planPath,
    status: facts.status,
    missing,
    refused: refusals,
    drift,
    lostTests,
    uncovered,
    orphans,
    untraced,
    openItems: facts.openItems,
    placeholders: facts.placeholders,
    pending: pendingIds,
    todoOnly,
    staleStatus,
  };
}
