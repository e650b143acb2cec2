/**
 * `check` over the disk: reads each plan and the files it links. Synchronous
 * reads on purpose: for thousands of small files they beat promise-based ones
 * (no thread-pool round trips), and files shared by many plans (the kernel) are
 * looked at once.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkPlan, type PlanFindings } from "./check-plan.js";
import { readPlan } from "./plan-facts.js";

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export function checkOne(planFile: string, exists: (file: string) => boolean = existsSync): PlanFindings {
  const facts = readPlan(readFileSync(planFile, "utf8"));
  const dir = path.dirname(planFile);
  const files = new Map<string, string | undefined>();
  // Test files are read to compare with their embedded copy; the rest need only exist.
  for (const e of facts.embedded) {
    const full = path.join(dir, e.link);
    files.set(full, readOrUndefined(full));
  }
  for (const link of facts.links) {
    const full = path.join(dir, link);
    if (!files.has(full)) files.set(full, exists(full) ? "" : undefined);
  }
  return checkPlan(planFile, facts, files);
}

export function checkAll(planFiles: readonly string[]): PlanFindings[] {
  const known = new Map<string, boolean>();
  const exists = (file: string): boolean => {
    let seen = known.get(file);
    if (seen === undefined) known.set(file, (seen = existsSync(file)));
    return seen;
  };
  return planFiles.map((f) => checkOne(f, exists));
}
