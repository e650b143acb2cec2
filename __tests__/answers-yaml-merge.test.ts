/** YAML answers files take merge keys (`<<: *base`), the usual way to share answers across a backlog (trial2 T20). */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

describe("YAML answers with merge keys", () => {
  it("each entry gets the shared answers, its own keys winning", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "backlog.yaml");
    await writeFile(file, ["- &base", "  name: Base one", "  context: Rooms", "  owner: rooms-team", "  rateLimit: 5/1m", "  date: 2026-01-01", "- <<: *base", "  name: Second one", "  method: GET", ""].join("\n"));
    const run = await cli(["plan", "--answers", file, "--dest", path.join(dir, "out"), "--format", "never"]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const second = (await readTree(path.join(dir, "out"))).get("docs/features/api/SecondOne/SecondOne-plan.md")!;
    expect(second).toContain('owner: "rooms-team"');
    expect(second).toContain("| Endpoint | `GET /api/second-one` |");
    expect(second).toMatch(/At most 5 requests per 1m/);
  });

  it("an anchored entry without a name holds shared answers only; the others keep their places in messages (TRIAL6 U7)", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "backlog.yaml");
    await writeFile(file, ["- &base {context: Rooms, owner: rooms-team}", "- <<: *base", "  name: First one", "- <<: *base", "  summary: no name", ""].join("\n"));
    const run = await cli(["plan", "--answers", file, "--dest", path.join(dir, "out"), "--format", "never"]);
    expect(run.exitCode).toBe(2);
    // The file's third entry, counted as the person counts them: the anchored one is the first.
    expect(String(run.stderr)).toContain(`${file}[2]: missing name`);
    // Shared answers alone are no use-case at all.
    await writeFile(file, "- &base {context: Rooms}\n");
    const alone = await cli(["plan", "--answers", file, "--dest", path.join(dir, "out"), "--format", "never"]);
    expect(alone.exitCode).toBe(2);
    expect(String(alone.stderr)).toContain("holds an empty list");
  });
});
