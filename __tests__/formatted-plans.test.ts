/**
 * Plans as a repository that uses Prettier keeps them: tables padded to their
 * widest cell. Growing a use-case and `sync` read those tables back, whatever the
 * alignment, and leave them formatted, so `prettier --check` and `check` both pass.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { cells } from "../lib/check/plan-facts.js";
import { syncTraceability, indexTests } from "../lib/check/sync-plan.js";
import { type CheckedPlan, checkJson, cli, repoWith, ROOT, tempDir } from "./support/project.js";

const PLAN = "docs/features/api/RenameRoom/RenameRoom-plan.md";
const DOMAIN = "src/features/rename-room/__tests__/rename-room.domain.test.ts";
const prettierCheck = (dir: string) => execa("node", [path.join(ROOT, "node_modules/prettier/bin/prettier.cjs"), "--check", "docs", "src"], { cwd: dir, reject: false });

/** The rows of a table whose first cell is `first`, as cells: alignment does not matter to a reader. */
const rowsStartingWith = (plan: string, first: string): string[][] =>
  plan
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map(cells)
    .filter((c) => c[0] === first);

async function checkOne(dest: string): Promise<{ code: number | undefined; plan: CheckedPlan }> {
  const { code, plans } = await checkJson(dest);
  return { code, plan: plans[0]! };
}

describe("sync on any table alignment (pure)", () => {
  const padded = [
    "## 1. Feature definition",
    "",
    "| ID   | Requirement | Tests |",
    "| ---- | ----------- | ----- |",
    "| FR-1 | a           | DOM-1 |",
    "",
    "## 2. Design",
    "",
    "| Value object | Rule     | Accepts |",
    "| :----------- | :------: | ------: |",
    "| RoomId       | `uuid`   | a uuid  |",
    "",
    "## 8. Traceability matrix",
    "",
    "| Requirement, criterion or threat | What | Tests | Files |",
    "| -------------------------------- | ---- | ----- | ----- |",
    "| FR-1                             | a    | DOM-1 | [d](d) |",
    "| NFR-1                            | b    | none  | none  |",
    "",
  ].join("\n");

  it("sync leaves a row whose content is unchanged exactly as it was", () => {
    const index = indexTests([{ link: "d", code: 'it("DOM-1 x", () => {});' }]);
    expect(syncTraceability(padded, index)).toBe(padded);
  });
});

describe("growing and syncing a plan formatted by Prettier", () => {
  let dest: string;
  beforeEach(async () => {
    dest = await tempDir();
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "team", devDependencies: { prettier: "^3.0.0" } }));
    const run = await cli(["plan", "--name", "Rename room", "--value-object", "RoomId:uuid", "--event", "RoomRenamed:roomId", "--tests", "domain,integration", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
  });

  it("value-object adds the domain-model, API-contract and traceability rows; check and prettier --check pass", async () => {
    const run = await cli(["value-object", "--use-case", "Rename room", "--value-object", "Seats:int(1..20)", "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const plan = await readFile(path.join(dest, PLAN), "utf8");
    // The domain model's row and the API contract's input row.
    expect(rowsStartingWith(plan, "Seats").map((c) => c[1])).toEqual(["`int(1..20)`", "body"]);
    const fr = plan
      .split("\n")
      .filter((l) => l.startsWith("|"))
      .map(cells)
      .filter((c) => /^FR-\d+$/.test(c[0] ?? "") && (c[1] ?? "").startsWith("Input Seats "));
    expect(fr).toHaveLength(2); // the requirement and its traceability row
    expect(fr[1]![2]).toBe(fr[0]![2]);
    expect(fr[1]![2]).toMatch(/^DOM-\d+, DOM-\d+$/);
    expect((await checkJson(dest)).code).toBe(0);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
  });

  it("value-object refuses a value object the formatted plan already has", async () => {
    const run = await cli(["value-object", "--use-case", "Rename room", "--value-object", "RoomId:string", "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/already has a value object RoomId/);
  });

  it("event adds the events-table and traceability rows; check and prettier --check pass", async () => {
    const run = await cli(["event", "--use-case", "Rename room", "--event", "RoomClosed:roomId", "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const plan = await readFile(path.join(dest, PLAN), "utf8");
    expect(rowsStartingWith(plan, "RoomClosed")).toHaveLength(1);
    // The events requirement names both events, as plan writes it with both.
    expect(plan).toMatch(/Events \(RoomRenamed, RoomClosed\) leave through the outbox/);
    expect((await checkJson(dest)).code).toBe(0);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
    const again = await cli(["event", "--use-case", "Rename room", "--event", "RoomClosed", "--dest", dest]);
    expect(again.exitCode).toBe(2);
  });

  it("test adds kinds; check and prettier --check pass", async () => {
    const run = await cli(["test", "--use-case", "Rename room", "--kind", "security", "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const plan = await readFile(path.join(dest, PLAN), "utf8");
    expect(rowsStartingWith(plan, "SEC-1")).toHaveLength(1);
    expect((await checkJson(dest)).code).toBe(0);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
  });

  it("sync leaves an untouched formatted plan exactly as it was", async () => {
    const before = await readFile(path.join(dest, PLAN), "utf8");
    const run = await cli(["sync", "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("1 plan(s), 0 synced.");
    expect(await readFile(path.join(dest, PLAN), "utf8")).toBe(before);
  });

  it("sync keeps a plan it changes formatted", async () => {
    const file = path.join(dest, DOMAIN);
    await writeFile(file, (await readFile(file, "utf8")).replace(/\n\}\);\n$/, '\n  it.todo("DOM-90 FR-1 a test someone added later");\n});\n'));
    const run = await cli(["sync", "--dest", dest]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("1 plan(s), 1 synced.");
    expect((await checkJson(dest)).code).toBe(0);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
  });

  it("sync puts back the traceability rows items lost, formatted as before", async () => {
    const planFile = path.join(dest, PLAN);
    const plan = await readFile(planFile, "utf8");
    const matrix = plan.split("\n").findIndex((l) => l.includes("Traceability matrix"));
    await writeFile(planFile, plan.split("\n").filter((l, i) => i < matrix || !/^FR-/.test(cells(l)[0] ?? "")).join("\n"));
    expect((await checkOne(dest)).plan.orphans.length).toBeGreaterThan(0);
    expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
    expect(await readFile(planFile, "utf8")).toBe(plan);
    expect((await checkJson(dest)).code).toBe(0);
  });
});

describe("a plan formatted by Prettier with other options for Markdown than for TypeScript", () => {
  /** Rename room planned in a repository whose Prettier gives Markdown a narrower width than code. */
  async function planWithNarrowMarkdown(): Promise<string> {
    const dest = await repoWith({
      "package.json": JSON.stringify({ name: "team", devDependencies: { prettier: "^3.0.0" } }),
      ".prettierrc": JSON.stringify({ overrides: [{ files: "*.md", options: { printWidth: 40 } }] }),
    });
    const run = await cli(["plan", "--name", "Rename room", "--value-object", "RoomId:uuid", "--tests", "domain,integration", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    return dest;
  }

  it("embeds each test file exactly as the file is formatted: the new plan passes check", async () => {
    // Markdown given a narrower width than code. Formatted inside the Markdown, the plan's copies of the test files came
    // out at 40 columns while the files were at 80, and a plan failed its own check as soon as it was written.
    const dest = await planWithNarrowMarkdown();
    const plan = await readFile(path.join(dest, PLAN), "utf8");
    const domain = await readFile(path.join(dest, DOMAIN), "utf8");
    // The file's code holds lines longer than the Markdown's 40 columns, and the plan holds that code as it is.
    expect(domain.split("\n").some((l) => l.length > 40)).toBe(true);
    expect(plan).toContain(`\`\`\`ts\n${domain}\`\`\``);
    const { code, plan: checked } = await checkOne(dest);
    expect(checked.drift).toEqual([]);
    expect(code).toBe(0);
  });

  it("passes the repository's own `prettier --check` too, and `prettier --write` then `sync` change nothing", async () => {
    // The plan's copies of the test files sit in a range Prettier leaves as it is: formatted inside the Markdown at
    // its 40 columns they would differ from the files, `prettier --write` then made check find drift, and `sync` put
    // the files' code back for the repository's check to fail again.
    const dest = await planWithNarrowMarkdown();
    const planFile = path.join(dest, PLAN);
    const plan = await readFile(planFile, "utf8");
    const first = await prettierCheck(dest);
    expect(first.stderr).toBe("");
    expect(first.exitCode).toBe(0);
    const write = await execa("node", [path.join(ROOT, "node_modules/prettier/bin/prettier.cjs"), "--write", "docs", "src"], { cwd: dest, reject: false });
    expect(write.exitCode).toBe(0);
    expect(await readFile(planFile, "utf8")).toBe(plan);
    expect((await checkOne(dest)).plan.drift).toEqual([]);
    const sync = await cli(["sync", "--dest", dest]);
    expect(sync.exitCode).toBe(0);
    expect(await readFile(planFile, "utf8")).toBe(plan);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
    // A real change to a test file is still drift, and sync takes it into the range as the file has it.
    const domainFile = path.join(dest, DOMAIN);
    await writeFile(domainFile, (await readFile(domainFile, "utf8")).replace("describe(", "// reviewed: covers every RoomId rule\ndescribe("));
    expect((await checkOne(dest)).plan.drift).toEqual([path.join(dest, DOMAIN)]);
    expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
    expect(await readFile(planFile, "utf8")).toContain("// reviewed: covers every RoomId rule\ndescribe(");
    expect((await checkJson(dest)).code).toBe(0);
    expect((await prettierCheck(dest)).exitCode).toBe(0);
  });
});
