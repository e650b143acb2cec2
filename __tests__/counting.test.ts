/**
 * The summary and `check` count each gap marker once: the traceability matrix
 * repeats a requirement's text, marker included, and that copy is not another gap.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { section } from "../lib/check/plan-facts.js";
import { checkJson, cli, ROOT, tempDir } from "./support/project.js";

const ANSWERS = path.join(ROOT, "examples/request-password-reset.answers.json");
const markers = (text: string): number => text.split("TODO(plan)").length - 1;

describe("counting gap markers", () => {
  it("counts a marker the matrix repeats once, in the summary and in check", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--answers", ANSWERS, "--dest", dest, "--json"]);
    expect(run.exitCode).toBe(0);
    const summary = JSON.parse(String(run.stdout)) as { placeholders: number; files: { path: string }[] };
    const planPath = summary.files.map((f) => f.path).find((p) => p.endsWith("-plan.md"))!;
    const plan = await readFile(path.join(dest, planPath), "utf8");
    const repeated = markers(section(plan, "Traceability matrix"));
    expect(repeated).toBeGreaterThan(0); // the example's latency requirement carries one
    expect(summary.placeholders).toBe(markers(plan) - repeated);
    const check = await checkJson(dest);
    expect(check.plans[0]!.placeholders).toBe(summary.placeholders);

    // Filled where it comes from, the marker is gone from the count; sync carries the text into the matrix.
    const lines = plan.split("\n");
    const at = lines.findIndex((l) => /^\| NFR-\d+ \|.*TODO\(plan\)/.test(l));
    lines[at] = lines[at]!.replace(/ \(TODO\(plan\):[^)]*\)/, "");
    await writeFile(path.join(dest, planPath), lines.join("\n"));
    const afterFill = await checkJson(dest);
    expect(afterFill.plans[0]!.placeholders).toBe(summary.placeholders - 1);
    expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
    expect(markers(section(await readFile(path.join(dest, planPath), "utf8"), "Traceability matrix"))).toBe(0);
  });
});
