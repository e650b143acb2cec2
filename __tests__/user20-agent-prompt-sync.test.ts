/**
 * USER20 U10: the prompt file `plan --agent-prompt` writes asked the agent to "update the test code embedded in the plan
 * to match the files" by hand, where `mjoplan sync` copies it (and the traceability) and a hand copy one character off
 * fails `check`. The prompt names sync, and check for what is still open.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

describe("the per-use-case agent prompt", () => {
  it("has the agent run sync after writing tests, then check; no copying by hand", async () => {
    const dest = await tempDir("mjoplan-u20-");
    const r = await cli(["plan", "--dest", dest, "--name", "Create room", "--agent-prompt", "--date", "2026-01-01", "--format", "never"]);
    expect(r.exitCode).toBe(0);
    const prompt = await readFile(path.join(dest, ".github/prompts/create-room-plan.prompt.md"), "utf8");
    expect(prompt).toContain("Then run `npx mjoplan sync`, which copies the test files' code into the plan and updates its traceability");
    expect(prompt).toContain("and `npx mjoplan check`, which says what is still open.");
    expect(prompt).not.toContain("update the test code embedded in the plan to match the files");
  });
});
