/**
 * note20's review: a use-case planned again into a folder that holds its plan read and parsed that plan three times,
 * once for the precheck, once for the re-plan warnings and once for the build (a batch of 1,000 into an existing
 * folder read each ~110 KB plan three times). A run's reader now reads each plan once; a new run's reader reads the disk
 * again, so a plan changed between two runs is never answered from the first.
 */
import { describe, expect, it } from "@jest/globals";
import { planGenerator } from "../generators/plan/index.js";
import { planSchema } from "../generators/plan/schema.js";
import { DEFAULT_CONFIG } from "../lib/config/config.js";
import { TEMPLATES_DIR } from "../lib/paths.js";
import { withFallbacks } from "../lib/schema/resolve.js";

const PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";
const base = { today: "2026-01-01", version: "test", templatesDir: TEMPLATES_DIR, config: DEFAULT_CONFIG };
const input = (summary: string) => withFallbacks(planSchema, { name: "Book room", summary, date: "2026-01-01" });

/** The plan a first run wrote, and a reader of a folder holding it that counts its reads of the plan. */
function folderWith(plan: string): { read: (p: string) => string | undefined; planReads: () => number } {
  let reads = 0;
  return { read: (p) => (p === PLAN ? (reads++, plan) : undefined), planReads: () => reads };
}

const writtenPlan = (summary: string): string => [...planGenerator.build([input(summary)], base)][0]!.find((f) => f.path === PLAN)!.content;

describe("a run reads the plan on disk once", () => {
  it("the precheck, the warnings and the build of one use-case share one read of its plan", async () => {
    const folder = folderWith(writtenPlan("old"));
    const context = { ...base, read: folder.read };
    await planGenerator.precheck!(input("new"), context, "/dest");
    planGenerator.warnings!(input("new"), context);
    [...planGenerator.build([input("new")], context)];
    expect(folder.planReads()).toBe(1);
  });

  it("a new run's reader reads the plan again: what a run before it read is never kept for it", async () => {
    const first = folderWith(writtenPlan("first"));
    planGenerator.warnings!(input("new"), { ...base, read: first.read });
    const second = folderWith(writtenPlan("second"));
    planGenerator.warnings!(input("new"), { ...base, read: second.read });
    expect([first.planReads(), second.planReads()]).toEqual([1, 1]);
  });
});
