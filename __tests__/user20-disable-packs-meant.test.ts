/**
 * USER20 U11: a `disablePacks` entry one typo off a pack's name was refused without the name meant, where a capability
 * or a template one typo off is named with it. Exit 2, nothing written, as before.
 */
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { cli, repoWith } from "./support/project.js";

describe("disablePacks", () => {
  it("names the pack meant by an entry one typo off", async () => {
    const dest = await repoWith({ "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-sends-mesage"] }) }, "mjoplan-u20-");
    const r = await cli(["plan", "--name", "Invite member", "--format", "never"], { cwd: dest });
    expect(r.exitCode).toBe(2);
    expect(String(r.stderr)).toBe('mjoplan: mjoplan.config.json.disablePacks[0]: no pack is named "capability-sends-mesage"; did you mean "capability-sends-message"? (mjoplan packs lists them)');
    expect(await readdir(dest)).toEqual(["mjoplan.config.json"]);
  });

  it("names none for an entry near no pack", async () => {
    const dest = await repoWith({ "mjoplan.config.json": JSON.stringify({ disablePacks: ["payments-xyz-legacy"] }) }, "mjoplan-u20-");
    const r = await cli(["plan", "--name", "Invite member", "--format", "never"], { cwd: dest });
    expect(String(r.stderr)).toBe('mjoplan: mjoplan.config.json.disablePacks[0]: no pack is named "payments-xyz-legacy" (mjoplan packs lists them)');
  });
});
