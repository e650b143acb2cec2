/**
 * `check` finds each kind of disagreement between a plan and its files; `sync`
 * mends what can be derived from the files, after which check passes.
 */
import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { type CheckedPlan, checkJson, cli, tempDir } from "./support/project.js";
import { indexTests, markedStatuses, syncTestStatus, testStatuses } from "../lib/check/sync-plan.js";

const PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";
const SEC = "src/features/book-room/__tests__/book-room.security.test.ts";
const VO = "src/features/book-room/domain/room-id.value-object.ts";

async function check(dest: string, ...flags: string[]): Promise<{ code: number | undefined; plans: CheckedPlan[]; text: string }> {
  const json = await checkJson(dest, flags);
  const text = await cli(["check", "--dest", dest, ...flags]);
  return { code: json.code, plans: json.plans, text: String(text.stdout) };
}

const edit = async (dest: string, file: string, change: (s: string) => string) => writeFile(path.join(dest, file), change(await readFile(path.join(dest, file), "utf8")));

describe("check and sync", () => {
  let dest: string;
  beforeEach(async () => {
    dest = await tempDir();
    const run = await cli(["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--event", "RoomBooked:roomId", "--criteria", "Given a free room, when booked, then it is taken", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
  });

  it("a fresh scaffold checks clean: open checklist items and placeholders are reported, not failed", async () => {
    const { code, plans, text } = await check(dest);
    expect(code).toBe(0);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ plan: PLAN, status: "draft", missing: [], drift: [], lostTests: [], orphans: [], untraced: [], uncovered: [], openItems: 21, failed: false });
    expect(plans[0]!.placeholders).toBeGreaterThan(0);
    expect(plans[0]!.pending).toContain("SEC-1");
    expect(text).toMatch(new RegExp(`docs/features/api/BookRoom/BookRoom-plan.md\\s+draft\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+21\\s+\\d+\\s+${plans[0]!.pending.length}\\s+ok`));
  });

  it("--strict fails on open items and placeholders; --require approved fails on a draft, passes once approved", async () => {
    expect((await check(dest, "--strict")).code).toBe(1);
    const draft = await check(dest, "--require", "approved");
    expect(draft.code).toBe(1);
    expect(draft.text).toContain("status is draft, not approved");
    await edit(dest, PLAN, (s) => s.replace("status: draft", "status: approved"));
    expect((await check(dest, "--require", "approved")).code).toBe(0);
  });

  it("counts pending tests per plan; --strict fails while any remain once the plan says it is implemented", async () => {
    const { plans } = await check(dest);
    const pending = plans[0]!.pending;
    expect(pending.length).toBeGreaterThan(3);
    expect(pending.every((id) => /^(SEC|INT)-\d+$/.test(id))).toBe(true);
    await edit(dest, PLAN, (s) => s.replace("status: draft", "status: implemented"));
    const implemented = await check(dest, "--strict");
    expect(implemented.code).toBe(1);
    expect(implemented.text).toContain(`status is implemented, but ${pending.length} test(s) are still pending: ${pending.join(", ")}`);
    // Unmarking the tests (as the implementer does once they pass) clears the finding; sync brings the plan's copy along.
    for (const file of [SEC, SEC.replace("security", "integration")]) await edit(dest, file, (s) => s.replaceAll("it.failing(", "it("));
    await cli(["sync", "--dest", dest]);
    const done = await check(dest, "--strict");
    expect(done.plans[0]!.pending).toEqual([]);
    expect(done.text).not.toContain("still pending");
  });

  it("--strict fails an implemented plan while an item has only todo tests, naming it; written, it passes (TRIAL4 V22)", async () => {
    const draft = await check(dest);
    const todoOnly = draft.plans[0]!.todoOnly;
    // The performance requirement's only test is a todo until a team writes it; a draft is not failed for it.
    expect(todoOnly.length).toBeGreaterThan(0);
    expect(todoOnly.every((id) => /^(FR|NFR|AC|T)-?\d+/.test(id))).toBe(true);
    expect(draft.code).toBe(0);
    await edit(dest, PLAN, (s) => s.replace("status: draft", "status: implemented"));
    const implemented = await check(dest, "--strict");
    expect(implemented.code).toBe(1);
    expect(implemented.text).toContain(`status is implemented, but ${todoOnly.join(", ")} ${todoOnly.length === 1 ? "has" : "have"} only todo tests`);
    // Every todo written as a real test (and sync bringing the plan's marks along): the finding goes.
    for (const kind of ["security", "integration", "performance", "domain"]) {
      await edit(dest, SEC.replace("security", kind), (s) => s.replace(/it\.todo\(("[^"]*")\);/g, "it($1, () => {\n    expect(true).toBe(true);\n  });"));
    }
    expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
    const written = await check(dest, "--strict");
    expect(written.plans[0]!.todoOnly).toEqual([]);
    expect(written.text).not.toContain("only todo tests");
  });

  it("a todo made a real test, a pending test made plain: sync refreshes the test plan's (todo) and (pending), and check names a stale mark", async () => {
    const PERF = SEC.replace("security", "performance");
    const row = (plan: string, id: string) => plan.split("\n").find((l) => l.startsWith(`| ${id} |`))!;
    const before = await readFile(path.join(dest, PLAN), "utf8");
    expect(row(before, "PERF-1")).toMatch(/ \(todo\) \| NFR-\d+ \|/);
    expect(row(before, "SEC-1")).toContain(" (pending) |");
    await edit(dest, PERF, (s) => s.replace(/it\.todo\(("PERF-1 [^"]*")\);/, "it($1, () => {\n    expect(1).toBe(1);\n  });"));
    await edit(dest, SEC, (s) => s.replace('it.failing("SEC-1 ', 'it("SEC-1 '));
    expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
    const synced = await readFile(path.join(dest, PLAN), "utf8");
    expect(row(synced, "PERF-1")).not.toContain("(todo)");
    expect(row(synced, "PERF-1")).toBe(row(before, "PERF-1").replace(" (todo)", ""));
    expect(row(synced, "SEC-1")).not.toContain("(pending)");
    // The marks the files still have are kept.
    expect(row(synced, "PERF-2")).toContain(" (todo) |");
    expect(row(synced, "SEC-2")).toContain(" (pending) |");
    expect((await check(dest)).code).toBe(0);
    // A plan an older sync left with the stale mark: check names it, and fails until sync runs.
    await edit(dest, PLAN, (s) => s.replace(row(synced, "PERF-1"), row(before, "PERF-1")));
    const stale = await check(dest);
    expect(stale.code).toBe(1);
    expect(stale.plans[0]!.staleStatus).toEqual([{ id: "PERF-1", listed: "todo", actual: "" }]);
    expect(stale.text).toContain(`${PLAN}: the test plan marks PERF-1 (todo), but its file has it as a real test (mjoplan sync refreshes it)`);
    await cli(["sync", "--dest", dest]);
    expect((await check(dest)).code).toBe(0);
  });

  it("reports a referenced file that is missing", async () => {
    await rm(path.join(dest, VO));
    const { code, plans, text } = await check(dest);
    expect(code).toBe(1);
    expect(plans[0]!.missing).toEqual([path.join(dest, VO)]);
    expect(text).toContain(`missing file ${VO}`);
  });

  it("reports embedded test code that differs from the file, and sync refreshes it", async () => {
    await edit(dest, SEC, (s) => s.replace('it.failing("SEC-1 ', 'it.failing("SEC-1 (edited) '));
    const before = await check(dest);
    expect(before.code).toBe(1);
    expect(before.plans[0]!.drift).toEqual([path.join(dest, SEC)]);
    const sync = await cli(["sync", "--dest", dest]);
    expect(sync.exitCode).toBe(0);
    expect(sync.stdout).toMatch(/synced\s+docs\/features\/api\/BookRoom\/BookRoom-plan.md/);
    expect(await readFile(path.join(dest, PLAN), "utf8")).toContain('it.failing("SEC-1 (edited) ');
    expect((await check(dest)).code).toBe(0);
  });

  it("reports a test the matrix lists that no file has; sync drops it from the matrix", async () => {
    await edit(dest, SEC, (s) => s.replace(/^\s*it\.todo\("SEC-3 .*\n/m, "").replace(/^  it\.failing\("SEC-3 [\s\S]*?^  \}\);\n/m, ""));
    const before = await check(dest);
    expect(before.plans[0]!.lostTests).toEqual(["SEC-3"]);
    await cli(["sync", "--dest", dest]);
    const after = await check(dest);
    expect(after.code).toBe(0);
    expect(await readFile(path.join(dest, PLAN), "utf8")).not.toMatch(/^\| NFR-\d+ \|.*SEC-3\b/m);
  });

  it("reports a test that covers nothing; sync links a test whose title names what it covers", async () => {
    await edit(dest, SEC, (s) => s.replace(/\n\}\);\n$/, '\n  it.todo("SEC-90 a test nobody planned");\n  it.todo("SEC-91 NFR-2 bursts from one client are limited too");\n});\n'));
    await cli(["sync", "--dest", dest]);
    const after = await check(dest);
    expect(after.code).toBe(1);
    expect(after.plans[0]!.orphans).toEqual(["SEC-90"]);
    const plan = await readFile(path.join(dest, PLAN), "utf8");
    expect(plan).toMatch(/^\| NFR-2 \| .* \| [^|]*SEC-91[^|]* \|$/m);
    expect(plan).toMatch(/^\| NFR-2 \| .* \| [^|]*SEC-91[^|]* \| [^|]*\[book-room.security.test.ts\]/m);
  });

  it("fails a test whose title has no ID, which no matrix can list, and names it (TRIAL6 U16); a table test's template title is left alone", async () => {
    await edit(dest, SEC, (s) => s.replace(/\n\}\);\n$/, '\n  it("checks nothing in particular", () => {});\n  it.each([1, 2])("row %s", () => {});\n});\n'));
    await cli(["sync", "--dest", dest]);
    const after = await check(dest);
    expect(after.code).toBe(1);
    expect(after.plans[0]!.untraced).toEqual([{ file: expect.stringMatching(new RegExp(`/${SEC}$`)), title: "checks nothing in particular" }]);
    expect(after.plans[0]!.orphans).toEqual([]);
    expect(after.text).toContain(`the test "checks nothing in particular" in ${SEC} has no ID, so no requirement, criterion or threat can list it`);
    await edit(dest, SEC, (s) => s.replace('it("checks nothing in particular"', 'it("SEC-1 checks nothing in particular"'));
    await cli(["sync", "--dest", dest]);
    expect((await check(dest)).plans[0]!.untraced).toEqual([]);
  });

  it("finds every plan under the given paths, and exits 2 for a path that does not exist", async () => {
    const other = await tempDir();
    await cli(["plan", "--name", "Cancel booking", "--dest", other]);
    await appendFile(path.join(other, "notes.md"), "not a plan\n");
    const run = await cli(["check", dest, other]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("2 plan(s): 2 ok, 0 failing.");
    const bad = await cli(["check", path.join(dest, "nope")]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/nope: no such file or folder/);
  });
});

describe("test statuses as the files have them", () => {
  it("reads todo, pending and plain tests of every runner, also as a formatter lays them out", () => {
    const code = [
      'it.todo("PERF-1 one line");',
      "it.todo(",
      '  "PERF-2 a title long enough that Prettier breaks the call",',
      ");",
      'it.failing("SEC-1 jest pending", async () => {});',
      'test.fails("SEC-2 vitest pending", async () => {});',
      'it.todo("SEC-3 node pending, a todo with a body", async () => {});',
      'it("SEC-4 node pending, the todo option", { todo: true }, async () => {});',
      'it("DOM-1 a real test", () => {});',
      'it("DOM-2 a title with it.todo(\\"DOM-9\\") inside", () => {});',
    ].join("\n");
    expect(Object.fromEntries(testStatuses(code))).toEqual({ "PERF-1": "todo", "PERF-2": "todo", "SEC-1": "pending", "SEC-2": "pending", "SEC-3": "pending", "SEC-4": "pending", "DOM-1": "", "DOM-2": "" });
  });

  it("rewrites a padded row only where its status changed, and leaves rows of tests no file has", () => {
    const plan = [
      "# Plan",
      "",
      "## 5. Test plan",
      "",
      "| Test   | Kind        | Proves            | Covers | File |",
      "| ------ | ----------- | ----------------- | ------ | ---- |",
      "| PERF-1 | performance | is fast (todo)    | NFR-1  | f    |",
      "| PERF-2 | performance | sheds load (todo) | NFR-2  | f    |",
      "| PERF-3 | performance | gone (todo)       | NFR-3  | f    |",
      "",
      "## 6. Monitoring",
      "",
      "| PERF-1 | x (todo) | y | z | w |",
    ].join("\n");
    const index = indexTests([{ link: "f", code: 'it("PERF-1 is fast", () => {});\nit.todo("PERF-2 sheds load");' }]);
    const lines = syncTestStatus(plan, index).split("\n");
    expect(lines[6]).toBe("| PERF-1 | performance | is fast | NFR-1 | f |");
    expect(lines.filter((_, i) => i !== 6)).toEqual(plan.split("\n").filter((_, i) => i !== 6));
    expect(Object.fromEntries(markedStatuses(plan))).toEqual({ "PERF-1": "todo", "PERF-2": "todo", "PERF-3": "todo" });
  });
});
