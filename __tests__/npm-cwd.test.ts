/**
 * Through `npm run plop` (real npm, which runs the script in the clone's root), relative paths are the
 * person's: resolved from the folder they typed the command in (npm's INIT_CWD), as the bin resolves them.
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { ROOT } from "./support/project.js";

const npmPlop = (args: string[], cwd: string) => execa("npm", ["run", "-s", "plop", "--", ...args], { cwd, stdin: "ignore", reject: false, env: { NO_COLOR: "1" } });

describe("npm run plop from a subfolder", () => {
  it("a relative --dest and --answers are resolved from that subfolder, not the clone's root", async () => {
    const sub = path.join(ROOT, "docs");
    const run = await npmPlop(["plan", "--answers", "../examples/request-password-reset.answers.json", "--dest", "play-sub", "--dry-run", "--json"], sub);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const summary = JSON.parse(String(run.stdout)) as { dest: string; useCases: string[] };
    expect(summary.dest).toBe(path.join(sub, "play-sub"));
    expect(summary.useCases).toEqual(["Request password reset"]);
  });

  it("check with no path checks the plans below that subfolder only", async () => {
    const fromExamples = await npmPlop(["check", "--json"], path.join(ROOT, "examples", "request-password-reset"));
    const plans = (JSON.parse(String(fromExamples.stdout)) as { plans: { plan: string }[] }).plans.map((p) => p.plan);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((p) => p.startsWith("docs/"))).toBe(true);
  });
});
