/** `check` over the disk: reads each plan and the files it links, in parallel batches. */
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { checkPlan, type PlanFindings } from "./check-plan.js";
import { readPlan } from "./plan-facts.js";

const BATCH = 64;

async function readOrUndefined(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch(() => undefined);
}

export async function checkOne(planFile: string): Promise<PlanFindings> {
  const markdown = await readFile(planFile, "utf8");
  const facts = readPlan(markdown);
  const dir = path.dirname(planFile);
  const files = new Map<string, string | undefined>();
  const embedded = new Set(facts.embedded.map((e) => path.join(dir, e.link)));
  await Promise.all(
    facts.links.map(async (link) => {
      const full = path.join(dir, link);
      // Test files are read to compare with their embedded copy; the rest need only exist.
      if (embedded.has(full)) files.set(full, await readOrUndefined(full));
      else files.set(full, await access(full).then(() => "", () => undefined));
    }),
  );
  for (const full of embedded) if (!files.has(full)) files.set(full, await readOrUndefined(full));
  return checkPlan(planFile, facts, files);
}

export async function checkAll(planFiles: readonly string[]): Promise<PlanFindings[]> {
  const out: PlanFindings[] = [];
  for (let i = 0; i < planFiles.length; i += BATCH) out.push(...(await Promise.all(planFiles.slice(i, i + BATCH).map(checkOne))));
  return out;
}
