/**
 * USER20 U4: `check --json` said `"failed": true` and not why, where the table's lines below it say it ("status is draft,
 * not approved", "NFR-6 has no test", "21 TODO(plan) marker(s) left"): a CI job parsing the data, or an agent through the
 * MCP check tool, could not report the reason. Each plan now carries those lines as `problems`, the same words.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

interface Checked {
  ok: boolean;
  plans: { plan: string; failed: boolean; problems: string[] }[];
}
const PLAN = "docs/features/api/CreateRoom/CreateRoom-plan.md";
let dest: string;
const check = async (...flags: string[]) => {
  const r = await cli(["check", "--dest", dest, ...flags]);
  return { exitCode: r.exitCode, json: flags.includes("--json") ? (JSON.parse(String(r.stdout)) as Checked) : undefined, text: String(r.stdout) };
};

beforeAll(async () => {
  dest = await tempDir("mjoplan-u20-");
  const r = await cli(["plan", "--dest", dest, "--name", "Create room", "--date", "2026-01-01", "--format", "never"]);
  expect(r.exitCode).toBe(0);
});

describe("check --json", () => {
  it("says why a plan fails the approval gate, in the words of the text report", async () => {
    const gate = await check("--json", "--require", "approved");
    expect(gate.exitCode).toBe(1);
    expect(gate.json!.plans).toEqual([expect.objectContaining({ plan: PLAN, failed: true, problems: ["status is draft, not approved"] })]);
    expect((await check("--require", "approved")).text).toContain(`  ${PLAN}: status is draft, not approved\n`);
  });

  it("names what --strict fails on", async () => {
    const strict = await check("--json", "--strict");
    expect(strict.exitCode).toBe(1);
    const problems = strict.json!.plans[0]!.problems;
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ review-checklist item\(s\) not ticked$/), expect.stringMatching(/^\d+ TODO\(plan\) marker\(s\) left$/)]));
    // Every line the text report prints for the plan is in the data, in the same order.
    const text = (await check("--strict")).text;
    const lines = text.split("\n").filter((l) => l.startsWith(`  ${PLAN}: `)).map((l) => l.slice(`  ${PLAN}: `.length));
    expect(problems).toEqual(lines);
  });

  it("names a missing file relative to --dest, and a plan in step has no problems", async () => {
    expect((await check("--json")).json!.plans[0]!.problems).toEqual([]);
    await rm(path.join(dest, "src/features/create-room/__tests__/create-room.domain.test.ts"));
    const broken = await check("--json");
    expect(broken.exitCode).toBe(1);
    expect(broken.json!.plans[0]!.problems).toContain("missing file src/features/create-room/__tests__/create-room.domain.test.ts");
  });
});
