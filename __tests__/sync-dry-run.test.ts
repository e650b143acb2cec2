/**
 * `sync --dry-run` shows which plans sync would rewrite, with the diff, and writes nothing; its
 * exit code is what sync's would be. TRIAL2 T23.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";
const SEC = "src/features/book-room/__tests__/book-room.security.test.ts";

describe("sync --dry-run", () => {
  let dest: string;
  beforeAll(async () => {
    dest = await tempDir();
    expect((await cli(["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
  }, 60_000);

  it("on plans in step: each unchanged, exit 0", async () => {
    const run = await cli(["sync", "--dest", dest, "--dry-run"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stdout)).toBe(`unchanged   ${PLAN}\n\n1 plan(s), 0 would be synced; nothing was written.`);
  });

  it("names the plan it would rewrite with the diff, as text and JSON, and writes nothing; sync then writes that", async () => {
    const sec = await readFile(path.join(dest, SEC), "utf8");
    await writeFile(path.join(dest, SEC), sec.replace(/\n\}\);\n$/, '\n  it("SEC-99 refuses a booking by hand (FR-1)", () => {\n    expect(1).toBe(1);\n  });\n});\n'));
    const before = await readTree(dest);

    const run = await cli(["sync", "--dest", dest, "--dry-run"]);
    expect(run.exitCode).toBe(0);
    const out = String(run.stdout);
    expect(out.startsWith(`would sync  ${PLAN}\n--- a/${PLAN}\t\n+++ b/${PLAN}\t\n@@ `)).toBe(true);
    expect(out).toMatch(/^\+ {2}it\("SEC-99 refuses a booking by hand \(FR-1\)"/m);
    // The traceability row of FR-1 gains the test.
    expect(out).toMatch(/^\+\| FR-1 \|.*SEC-99/m);
    expect(out).toContain("1 plan(s), 1 would be synced; nothing was written.");

    const json = await cli(["sync", "--dest", dest, "--dry-run", "--json"]);
    expect(json.exitCode).toBe(0);
    const report = JSON.parse(String(json.stdout)) as { ok: boolean; dryRun: boolean; plans: { path: string; action: string; diff?: string }[] };
    expect(report).toMatchObject({ ok: true, dryRun: true, plans: [{ path: PLAN, action: "overwrite" }] });
    expect(report.plans[0]!.diff).toContain('+  it("SEC-99 refuses a booking by hand (FR-1)"');
    expect(await readTree(dest)).toEqual(before);

    const sync = await cli(["sync", "--dest", dest, "--json"]);
    expect(JSON.parse(String(sync.stdout))).toMatchObject({ ok: true, dryRun: false, plans: [{ path: PLAN, action: "overwrite" }] });
    expect(await readFile(path.join(dest, PLAN), "utf8")).toContain("SEC-99 refuses a booking by hand (FR-1)");
  }, 60_000);
});
