/**
 * A test a person adds to a generated file gets its row in the plan's test plan when synced: kind and
 * file as the other tests of its file, what it proves from its title, what it covers from the IDs the
 * title names. Sync used to link it in the requirement and matrix rows only, so the table a reviewer
 * reads top-down never listed it (TRIAL3 U20).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { checkJson, cli, tempDir } from "./support/project.js";

const PLAN = "docs/features/api/RenameRoom/RenameRoom-plan.md";
const SEC = "src/features/rename-room/__tests__/rename-room.security.test.ts";
const rowOf = (plan: string, id: string): string | undefined => plan.split("\n").find((l) => l.startsWith(`| ${id} |`));

describe("sync adds a test-plan row per test a person added", () => {
  it("kind, title, covered IDs and file as the plan writes them; after the last row of its file; check passes; a second sync changes nothing", async () => {
    const dest = await tempDir();
    const plan = await cli(["plan", "--name", "Rename room", "--value-object", "RoomId:uuid", "--rate-limit", "5/15m", "--dest", dest, "--date", "2026-01-01"]);
    expect(plan.exitCode).toBe(0);
    const planFile = path.join(dest, PLAN);
    const before = await readFile(planFile, "utf8");
    const nfr = /^\| (NFR-\d+) \| At most 5 requests per 15m/m.exec(before)?.[1];
    expect(nfr).toBeDefined();
    const secRows = before.split("\n").filter((l) => /^\| SEC-\d+ \|/.test(l));
    const lastSec = secRows.at(-1)!;
    const next = Math.max(...secRows.map((l) => Number(/SEC-(\d+)/.exec(l)![1]))) + 1;
    const id = `SEC-${next}`;
    const file = path.join(dest, SEC);
    const code = await readFile(file, "utf8");
    await writeFile(file, code.replace(/\n\}\);\n*$/, `\n\n  it("${id} ${nfr} a burst from two clients of one account is still limited", () => {\n    expect(1).toBe(1);\n  });\n});\n`));
    expect((await checkJson(dest)).code).toBe(1);

    expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
    const synced = await readFile(planFile, "utf8");
    const fileCell = lastSec.split(" | ").at(-1)!.replace(/ \|$/, "");
    expect(rowOf(synced, id)).toBe(`| ${id} | security | a burst from two clients of one account is still limited | ${nfr} | ${fileCell} |`);
    const lines = synced.split("\n");
    expect(lines.indexOf(rowOf(synced, id)!)).toBe(lines.indexOf(lastSec) + 1);
    expect(rowOf(synced, nfr!)).toMatch(new RegExp(`\\b${id}\\b`));
    const checked = await checkJson(dest);
    expect(checked.code).toBe(0);
    expect(checked.plans[0]!.orphans).toEqual([]);
    const again = await cli(["sync", "--dest", dest]);
    expect(String(again.stdout)).toContain("unchanged");
    expect(await readFile(planFile, "utf8")).toBe(synced);
  });
});

describe("a grow after sync added a person's test row", () => {
  it("takes both the person's row and the grow's new rows, with no conflict, and keeps the person's test (TRIAL5 U4)", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Rename room", "--value-object", "RoomId:uuid", "--tests", "domain", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const domain = path.join(dest, "src/features/rename-room/__tests__/rename-room.domain.test.ts");
    const code = await readFile(domain, "utf8");
    const at = code.lastIndexOf("});");
    await writeFile(domain, `${code.slice(0, at)}  it("DOM-99 a room keeps its id when renamed", () => {});\n${code.slice(at)}`);
    expect((await cli(["sync", "--dest", dest])).exitCode).toBe(0);
    expect(rowOf(await readFile(path.join(dest, PLAN), "utf8"), "DOM-99")).toBeDefined();
    // The event's domain tests are rows at the end of the same table, where sync put the person's row.
    const grow = await cli(["event", "--use-case", "Rename room", "--event", "RoomRenamed:roomId", "--dest", dest]);
    expect(grow.stderr).toBe("");
    expect(grow.exitCode).toBe(0);
    const plan = await readFile(path.join(dest, PLAN), "utf8");
    expect(rowOf(plan, "DOM-99")).toContain("a room keeps its id when renamed");
    expect(plan).toMatch(/^\| DOM-\d+ \| domain \| RoomRenamed round-trips through JSON/m);
    expect(await readFile(domain, "utf8")).toContain('it("DOM-99 a room keeps its id when renamed"');
  });
});
