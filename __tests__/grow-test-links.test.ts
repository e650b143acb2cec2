/**
 * `test --kind` after the use-case grew (F17): the new tests cover the requirement, criterion and
 * threat IDs the plan has, each the item its case is about, so `check` passes and the traceability
 * matrix tells the truth (the rate-limit test covers the rate-limit NFR and the denial-of-service
 * threat, not whatever item the stored answers would number alike up front).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cells } from "../lib/check/plan-facts.js";
import { checkJson, cli, tempDir } from "./support/project.js";

const PLAN = "docs/features/api/RenameRoom/RenameRoom-plan.md";

async function grown(steps: string[][]): Promise<{ dest: string; rows: string[][] }> {
  const dest = await tempDir();
  const plan = await cli(["plan", "--name", "Rename room", "--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--tests", "domain,integration", "--dest", dest, "--date", "2026-01-01"]);
  expect(plan.exitCode).toBe(0);
  for (const step of steps) {
    const run = await cli([...step, "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
  }
  const text = await readFile(path.join(dest, PLAN), "utf8");
  return { dest, rows: text.split("\n").filter((l) => l.startsWith("|")).map(cells) };
}

/** The ID of the first table row (a requirement, criterion or threat) whose cells say `words`. */
const idOf = (rows: string[][], pattern: RegExp, words: RegExp): string => rows.find((r) => pattern.test(r[0] ?? "") && r.slice(1).some((c) => words.test(c)))![0]!;

describe("test --kind after event", () => {
  it("links the security tests to the plan's own items; check passes", async () => {
    const { dest, rows } = await grown([
      ["event", "--use-case", "Rename room", "--event", "RoomRenamed:roomId"],
      ["test", "--use-case", "Rename room", "--kind", "security"],
    ]);
    const rateLimit = idOf(rows, /^NFR-\d+$/, /^At most 10 requests per 1m/);
    const flood = idOf(rows, /^T-\d+$/, /^Denial of service/);
    const repudiation = idOf(rows, /^T-\d+$/, /^Repudiation/);
    const sec = rows.filter((r) => /^SEC-\d+$/.test(r[0] ?? "") && r[1] === "security");
    const request11 = sec.find((r) => /request 11/.test(r[2] ?? ""))!;
    expect(request11[3]).toBe(`${rateLimit}, ${flood}`);
    expect(sec.find((r) => /without an audit trail/.test(r[2] ?? ""))![3]).toBe(repudiation);
    const { code, plans } = await checkJson(dest);
    expect(plans[0]!.orphans).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  it("the README's grow sequence (value-object, event with personal data, two kinds) leaves a plan check passes", async () => {
    const { dest } = await grown([
      ["value-object", "--use-case", "Rename room", "--value-object", "RoomName:string(1..60)"],
      ["event", "--use-case", "Rename room", "--event", "RoomRenamed:roomId,contactEmail", "--pii", "contactEmail"],
      ["test", "--use-case", "Rename room", "--kind", "security,performance"],
    ]);
    const { code, plans } = await checkJson(dest);
    expect(plans[0]!.orphans).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);
});
