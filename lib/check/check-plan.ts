/**
 * One plan against its files: what is missing, drifted or uncovered. The plan's
 * facts and the contents of the files it links are passed in; no disk here.
 */
import path from "node:path";
import type { PlanFacts } from "./plan-facts.js";
import { joinLink } from "./join-link.js";
import { trimNewlines } from "./plan-facts.js";
import type { TestStatus } from "./sync-plan.js";
import { statusesOf, testCalls } from "./test-calls.js";

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

/** `marked`: the tests the plan's test plan marks (todo) or (pending) (sync-plan.ts markedStatuses). */
export function checkPlan(
  planPath: string,
  facts: PlanFacts,
  files: ReadonlyMap<string, string | undefined>,
  refused: ReadonlyMap<string, string> = new Map(),
  marked: ReadonlyMap<string, TestStatus> = new Map(),
): PlanFindings {
  const dir = path.posix.dirname(planPath);
  // Each link is resolved once, though several findings look at it.
  const resolved = new Map<string, string>();
  const resolve = (link: string): string => {
    let full = resolved.get(link);
    if (full === undefined) resolved.set(link, (full = joinLink(dir, link, path.posix.join)));
    return full;
  };
  const isRefused = (link: string): boolean => refused.has(link);
  const missing = facts.links.filter((l) => !isRefused(l)).map(resolve).filter((p) => files.get(p) === undefined);
  const drift = facts.embedded.filter((e) => {
    const content = files.get(resolve(e.link));
    return content !== undefined && trimNewlines(content) !== trimNewlines(e.code);
  }).map((e) => resolve(e.link));
  // A plan without its test plan (omitSections) embeds no tests: its test files are among the files it links to.
  const testLinks = facts.sections?.testPlan === false ? facts.links : facts.embedded.map((e) => e.link);
  const testFiles = testLinks.map((l) => files.get(resolve(l))).filter((c): c is string => c !== undefined);
  // Each file's test calls read once: its IDs, its pending tests, and its todos when the plan marks any.
  const calls = testFiles.map((code) => testCalls(code, marked.size > 0));
  const inFiles = new Set(calls.flatMap((c) => [...c.titles.keys()]));
  const listed = new Set(facts.trace.flatMap((t) => t.tests));
  // Each test's status as its file has it (statusesOf, as sync reads it).
  const actual = new Map<string, TestStatus>();
  if (marked.size) for (const c of calls) for (const [id, s] of statusesOf(c)) actual.set(id, s);
  // Nor is there a matrix to hold tests against in a plan that leaves it out.
  const traced = facts.sections?.traceability !== false;
  return {
    plan: planPath,
    status: facts.status,
    missing,
    refused: [...refused].map(([link, reason]) => ({ link, reason })),
    drift,
    lostTests: [...listed].filter((id) => !inFiles.has(id)),
    uncovered: facts.trace.filter((t) => t.tests.length === 0).map((t) => t.id),
    orphans: traced ? [...inFiles].filter((id) => !listed.has(id)) : [],
    openItems: facts.openItems,
    placeholders: facts.placeholders,
    pending: [...new Set(calls.flatMap((c) => c.pending))],
    staleStatus: [...marked].filter(([id, status]) => actual.has(id) && actual.get(id) !== status).map(([id, listed]) => ({ id, listed, actual: actual.get(id)! })),
  };
}
