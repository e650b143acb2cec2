/**
 * Every item of every built-in pack is tested (F20, then every pack added since): each requirement and
 * threat names a test, so `check --strict` can pass on a plan without hand-written tests; and each
 * security, integration or performance test names what it is (a body key), so the generator writes its
 * body where the ports can prove it, or a todo that says precisely what it needs (real infrastructure,
 * or what only the plan or a person can say). Domain tests are the domain code's own, left as todos.
 * And an erasure planned without --scheduled-command plans the purge its texts rely on, and asks for the
 * use-case that cancels it, rather than saying no command was asked for.
 */
import { describe, expect, it } from "@jest/globals";
import { builtInPacks } from "../lib/packs/built-in.js";
import type { LoadedPack, PackTest } from "../lib/packs/pack.js";
import { BODY_KEYS } from "../generators/plan/test-bodies.js";
import { asProject, checkJson, cli, jestSummary, readTree, runGeneratedTests, tempDir, typecheck } from "./support/project.js";

/** A pack's tests: its own list and those written inline under a requirement or threat. */
const testsOf = (p: LoadedPack): PackTest[] => [...(p.tests ?? []), ...[...(p.requirements ?? []), ...(p.threats ?? [])].flatMap((i) => (i.tests ?? []).filter((t): t is PackTest => typeof t === "object"))];

describe("every built-in pack's items are tested", () => {
  it("holds every built-in pack", () => {
    expect(builtInPacks().length).toBeGreaterThanOrEqual(60);
  });

  it("each requirement and threat names a test", () => {
    const untested = builtInPacks().flatMap((p) => [
      ...(p.requirements ?? []).filter((r) => !r.tests?.length).map((r) => `${p.name}: ${r.text}`),
      ...(p.threats ?? []).filter((t) => !t.tests?.length).map((t) => `${p.name}: ${t.threat}`),
    ]);
    expect(untested).toEqual([]);
  });

  it("each test the generator writes (security, integration, performance) names a known body: written, or a todo saying what it needs", () => {
    const known = new Set<string>(BODY_KEYS);
    const unnamed = builtInPacks().flatMap((p) =>
      testsOf(p)
        .filter((t) => t.kind !== "domain" && t.todo !== false && !(t.body && known.has(t.body)))
        .map((t) => `${p.name}: ${t.title}${t.body ? ` (unknown body ${t.body})` : ""}`),
    );
    expect(unnamed).toEqual([]);
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
