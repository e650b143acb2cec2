/**
 * One plan against its files: what is missing, drifted or uncovered. The plan's
 * facts and the contents of the files it links are passed in; no disk here.
 */
import path from "node:path";
import type { PlanFacts } from "./plan-facts.js";
import { linkJoiner } from "./join-link.js";
import { trimNewlines } from "./plan-facts.js";
import type { TestStatus } from "./sync-plan.js";
import { statusesOf, type TestCalls, testCalls } from "./test-calls.js";

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
  openItems: number;
  placeholders: number;
  /** Tests still marked as expected to fail: the implementation does not satisfy them yet. */
  pending: string[];
  /** Tests the test plan still marks (todo) or (pending) while their file no longer does (sync refreshes the mark). */
  staleStatus: { id: string; listed: TestStatus; actual: TestStatus }[];
}

/** Inconsistencies: the plan and its files disagree. */
export const inconsistencies = (f: PlanFindings): number => f.missing.length + f.refused.length + f.drift.length + f.staleStatus.length + f.lostTests.length + f.orphans.length;

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
  // Each link is resolved once, though several findings look at it. Plain loops, no callbacks: check runs this for
  // thousands of plans in one process, and loops are fast before the optimizing compiler has looked at them too.
  const resolve = resolveLink ?? linkJoiner(path.posix.dirname(planPath), path.posix.join);
  const missing: string[] = [];
  for (const link of facts.links) {
    if (refused.has(link)) continue;
    const full = resolve(link);
    if (files.get(full) === undefined) missing.push(full);
  }
  const drift: string[] = [];
  for (const e of facts.embedded) {
    const full = resolve(e.link);
    const content = files.get(full);
    if (content !== undefined && trimNewlines(content) !== trimNewlines(e.code)) drift.push(full);
  }
  // A plan without its test plan (omitSections) embeds no tests: its test files are among the files it links to.
  const withTodos = marked.size > 0;
  const calls: TestCalls[] = [];
  const testFile = (link: string): void => {
    const code = files.get(resolve(link));
    // Each file's test calls read once: its IDs, its pending tests, and its todos when the plan marks any.
    if (code !== undefined) calls.push(testCalls(code, withTodos));
  };
  if (facts.sections?.testPlan === false) for (const link of facts.links) testFile(link);
  else for (const e of facts.embedded) testFile(e.link);
  const inFiles = new Set<string>();
  const pending = new Set<string>();
  // Each test's status as its file has it (statusesOf, as sync reads it).
  const actual = new Map<string, TestStatus>();
  for (const c of calls) {
    for (const id of c.titles.keys()) inFiles.add(id);
    for (const id of c.pending) pending.add(id);
    if (withTodos) for (const [id, s] of statusesOf(c)) actual.set(id, s);
  }
  const listed = new Set<string>();
  const uncovered: string[] = [];
  for (const t of facts.trace) {
    for (const id of t.tests) listed.add(id);
    if (t.tests.length === 0) uncovered.push(t.id);
  }
  const lostTests: string[] = [];
  for (const id of listed) if (!inFiles.has(id)) lostTests.push(id);
  // Nor is there a matrix to hold tests against in a plan that leaves it out.
  const orphans: string[] = [];
  if (facts.sections?.traceability !== false) for (const id of inFiles) if (!listed.has(id)) orphans.push(id);
  const staleStatus: PlanFindings["staleStatus"] = [];
  for (const [id, listedAs] of marked) {
    const now = actual.get(id);
    if (now !== undefined && now !== listedAs) staleStatus.push({ id, listed: listedAs, actual: now });
  }
  const refusals: PlanFindings["refused"] = [];
  for (const [link, reason] of refused) refusals.push({ link, reason });
  return {
    plan: planPath,
    status: facts.status,
    missing,
    refused: refusals,
    drift,
    lostTests,
    uncovered,
    orphans,
    openItems: facts.openItems,
    placeholders: facts.placeholders,
    pending: [...pending],
    staleStatus,
  };
}
