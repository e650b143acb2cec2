/**
 * USER20 U3: a team pack's checklist entry links an item of the review checklist to what covers it, found by its exact
 * text. "Runbook linked" (a new item) or "Threat model complete" (a typo) linked nothing, exit 0, without a word, where
 * every other mistake in a pack stops the run. Now refused: exit 2, one line naming the file and the entry, nothing
 * written; an item of the prompt's, as the README's worked team pack has, still links.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, repoWith } from "./support/project.js";

const packWith = (item: string) =>
  JSON.stringify({ name: "ops-runbook", description: "Every use-case names its runbook", checklist: [{ item, coveredBy: "#monitoring" }], monitoring: [{ kind: "log", text: "Runbook linked from the service's page" }] });
const plan = async (item: string) => {
  const dest = await repoWith({ "package.json": "{}", ".mjoplan/packs/ops.json": packWith(item) }, "mjoplan-u20-");
  const r = await cli(["plan", "--dest", dest, "--name", "Create room", "--date", "2026-01-01", "--format", "never"]);
  return { exitCode: r.exitCode, stderr: String(r.stderr), dest };
};

describe("a team pack's checklist entry", () => {
  it("whose item the review checklist lacks is refused, naming the file and the entry; nothing is written", async () => {
    const r = await plan("Runbook linked");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(
      `mjoplan: .mjoplan/packs/ops.json: checklist[0].item: "Runbook linked" is no item of the review checklist, so it would link nothing (a pack links one of the feature-planning prompt's items to what covers it; a new item goes in the config's checklist)`,
    );
    expect((await readdir(r.dest)).sort()).toEqual([".mjoplan", "package.json"]);
  });

  it("one typo off an item is refused with the item meant", async () => {
    const r = await plan("Threat model complete");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('did you mean "Threat model completed"?');
  });

  it("naming an item of the prompt's links it to what covers it", async () => {
    const r = await plan("Error tracking and alerting");
    expect(r.exitCode).toBe(0);
    const text = await readFile(path.join(r.dest, "docs/features/api/CreateRoom/CreateRoom-plan.md"), "utf8");
    expect(text).toContain("- [ ] Error tracking and alerting: [Error tracking](#error-tracking); [ops-runbook](#6-monitoring-and-operations) (packs)");
  });
});
