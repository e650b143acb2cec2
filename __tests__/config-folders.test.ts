/**
 * A config whose `templates` or `packs` names a folder that is not there (a typo: tools/template for
 * tools/templates) is bad input, said in one line naming the key, exit 2, nothing written: it used to be
 * ignored, every plan silently without the team's sections and packs (TRIAL3 U35). The default folders stay
 * optional, and eject creates the configured one.
 */
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, repoWith } from "./support/project.js";

describe("a configured templates or packs folder that does not exist", () => {
  it("is refused by the commands that read it, in one line naming the key; eject creates it, after which it is used", async () => {
    const dir = await repoWith({ "mjoplan.config.json": JSON.stringify({ templates: "tools/tpl", packs: "tools/packs" }) });
    const before = await readTree(dir);
    for (const args of [["templates"], ["packs"], ["plan", "--name", "A b", "--dry-run"], ["plan", "--name", "A b"]]) {
      const run = await cli([...args, "--dest", dir]);
      expect([args, run.exitCode]).toEqual([args, 2]);
      const lines = String(run.stderr).trimEnd().split("\n");
      expect(lines[0]).toMatch(/^mjoplan: \S*mjoplan\.config\.json\.templates: "tools\/tpl" is not a folder \(looked in .+\); the team's templates would not be used$/);
      expect(String(run.stderr)).toMatch(/mjoplan\.config\.json\.packs: "tools\/packs" is not a folder/);
      expect(String(run.stderr)).not.toMatch(/\n\s+at /);
    }
    expect(await readTree(dir)).toEqual(before);

    // With the packs folder made, the templates folder alone is refused; eject creates it, after which the team's copy is used.
    await mkdir(path.join(dir, "tools/packs"), { recursive: true });
    const still = await cli(["templates", "--dest", dir]);
    expect(still.exitCode).toBe(2);
    expect(String(still.stderr).trimEnd()).toMatch(/^mjoplan: \S*mjoplan\.config\.json\.templates: "tools\/tpl" is not a folder[^\n]*$/);
    const eject = await cli(["eject", "plan/sections/threat-model.md.hbs", "--dest", dir]);
    expect(String(eject.stderr)).toBe("");
    expect(eject.exitCode).toBe(0);
    expect(await readdir(path.join(dir, "tools/tpl/plan/sections"))).toEqual(["threat-model.md.hbs"]);
    const listed = await cli(["templates", "--dest", dir]);
    expect(listed.exitCode).toBe(0);
    expect(String(listed.stdout)).toMatch(/plan\/sections\/threat-model\.md\.hbs\s+\S*tools\/tpl\/plan\/sections\/threat-model\.md\.hbs/);
  });

  it("the default folders named explicitly stay optional", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ mjoplan: { templates: "./.mjoplan/templates", packs: ".mjoplan/packs/" } }) });
    const run = await cli(["plan", "--name", "A b", "--dry-run", "--dest", dir]);
    expect(String(run.stderr)).toBe("");
    expect(run.exitCode).toBe(0);
  });
});
