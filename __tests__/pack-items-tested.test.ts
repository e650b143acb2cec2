/**
 * F20: every requirement and threat of the packs F20 named (sends-message, erasure, external-call and the
 * signed-in redeem of a link) names a test, so `check --strict` can pass
 * on a plan without hand-written tests: a body where the ports can prove it, else a todo that says
 * what it needs (the records the law keeps, the resources a subject shares). And an erasure planned
 * without --scheduled-command plans the purge its texts rely on, and asks for the use-case that
 * cancels it, rather than saying no command was asked for.
 */
import { describe, expect, it } from "@jest/globals";
import { builtInPacks } from "../lib/packs/built-in.js";
import { asProject, checkJson, cli, jestSummary, readTree, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

/** The packs F20 found items without a test in (other packs' items are theirs to give tests, reported by check). */
const FOUND = ["capability-sends-message", "capability-erasure", "capability-external-call", "access-signed-in-link"];

describe("the built-in packs' items F20 found untested", () => {
  it("each requirement and threat names a test", () => {
    const packs = builtInPacks().filter((p) => FOUND.some((name) => p.name === name || p.name.startsWith(`${name}-`)));
    expect(packs.length).toBeGreaterThanOrEqual(FOUND.length);
    const untested = packs.flatMap((p) => [
      ...(p.requirements ?? []).filter((r) => !r.tests?.length).map((r) => `${p.name}: ${r.text}`),
      ...(p.threats ?? []).filter((t) => !t.tests?.length).map((t) => `${p.name}: ${t.threat}`),
    ]);
    expect(untested).toEqual([]);
  });
});

describe("DELETE /api/me --capability erasure without --scheduled-command", () => {
  it("plans the purge command, asks for the cancelling use-case, leaves nothing untested, compiles and its pending tests pass", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Delete my account", "--method", "DELETE", "--route", "/api/me", "--auth", "authenticated", "--capability", "erasure", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    const tree = await readTree(dest);
    const plan = tree.get("docs/features/api/DeleteMyAccount/DeleteMyAccount-plan.md") ?? "";
    expect(plan).not.toContain("No scheduled command was asked for");
    expect(plan).toContain("Scheduled command: PurgeAccount");
    expect(plan).toContain("Not asked for: the erasure's purge runs as this command when the cancellation window ends");
    expect(plan).toContain("TODO(plan): Which use-case cancels an erasure within the window");
    expect(tree.has("src/features/delete-my-account/domain/purge-account.command.ts")).toBe(true);
    expect(tree.get("src/features/delete-my-account/delete-my-account.handler.ts")).toContain("export async function runPurgeAccount(");
    const { plans } = await checkJson(dest);
    expect(plans.map((p) => p.uncovered)).toEqual([[]]);
    await asProject(dest, "module");
    expect((await typecheck(dest)).stdout).toBe("");
    const summary = jestSummary(await runGeneratedTests(dest));
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBeGreaterThan(0);
  });

  it("keeps the command it is given", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Erase my data", "--method", "DELETE", "--route", "/api/me/data", "--auth", "authenticated", "--capability", "erasure", "--scheduled-command", "EraseData", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    const plan = (await readTree(dest)).get("docs/features/api/EraseMyData/EraseMyData-plan.md") ?? "";
    expect(plan).toContain("Scheduled command: EraseData");
    expect(plan).not.toContain("Not asked for");
  });
});
