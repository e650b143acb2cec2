/**
 * A repository formatting with Prettier 2 and tabWidth 4 writes the review checklist as
 * `-   [ ] ...` (Prettier 2 aligns a list item's text to the tab width): check counts those items as
 * open as it counts `- [ ]`, so --strict does not pass a plan nobody reviewed (TRIAL3 U31).
 */
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { checkJson, cli, NODE_MODULES, repoWith } from "./support/project.js";

const PLAN = "docs/features/api/InviteParticipant/InviteParticipant-plan.md";

describe("a Prettier 2 repository with tabWidth 4", () => {
  it("its checklist's `-   [ ]` items are open items; --strict fails until they are ticked", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "p2", prettier: { semi: false, singleQuote: true, tabWidth: 4, printWidth: 100 }, devDependencies: { prettier: "^2.8.8" } }) });
    await mkdir(path.join(dir, "node_modules"));
    await symlink(path.join(NODE_MODULES, "prettier2"), path.join(dir, "node_modules/prettier"), "dir");
    const plan = await cli(["plan", "--name", "Invite participant", "--value-object", "Email:email", "--date", "2026-01-01", "--dest", dir]);
    expect(plan.exitCode).toBe(0);
    const file = path.join(dir, PLAN);
    const text = await readFile(file, "utf8");
    const aligned = text.split("\n").filter((l) => l.startsWith("-   [ ] ")).length;
    expect(aligned).toBeGreaterThan(10);
    const findings = await checkJson(dir);
    expect(findings.plans[0]!.openItems).toBe(aligned);
    // Every gap filled, nothing ticked: --strict still fails, naming the checklist.
    await writeFile(file, text.replaceAll("TODO(plan):", "Answered:"));
    const strict = await cli(["check", "--strict", "--dest", dir]);
    expect(strict.exitCode).toBe(1);
    expect(String(strict.stdout) + String(strict.stderr)).toMatch(/review-checklist item\(s\) not ticked/);
  });
});
