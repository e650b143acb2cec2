/**
 * USER20 U7: `plan --json` listed the use-cases and every file, but not which file is each one's plan, where the MCP
 * plan tool gives `plans`: a CI script picked them out by their "-plan.md" ending, which a team's paths.plan need not
 * keep. The CLI's summary now has `plans`, in the order of the use-cases, as the MCP result does.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

describe("plan --json", () => {
  it("names each use-case's plan, under the team's own plan path too", async () => {
    const dest = await tempDir("mjoplan-u20-");
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t", mjoplan: { paths: { plan: "plans/{use-case}.md" } } }));
    await writeFile(path.join(dest, "backlog.json"), JSON.stringify([{ name: "Create room" }, { name: "List rooms", method: "GET" }]));
    const r = await cli(["plan", "--dest", dest, "--answers", path.join(dest, "backlog.json"), "--json", "--dry-run", "--format", "never"]);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(String(r.stdout)) as { useCases: string[]; plans: string[] };
    expect(out.useCases).toEqual(["Create room", "List rooms"]);
    expect(out.plans).toEqual(["plans/create-room.md", "plans/list-rooms.md"]);
  });
});
