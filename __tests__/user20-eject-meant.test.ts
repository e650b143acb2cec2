/**
 * USER20 U5: eject's refusal of a name that is no built-in template suggested by edit distance alone:
 * "plan/sections/threat.md.hbs" got "did you mean plan/sections/design.md.hbs?" and "threat-model" got nothing. A name
 * is matched by its file's stem first (whole, then as its beginning), then by distance; a stem two templates share names
 * both. Nothing is written either way.
 */
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";
import { templatesMeant } from "../lib/cli/template-meant.js";

const eject = async (name: string) => {
  const dest = await tempDir("mjoplan-u20-");
  const r = await cli(["eject", name, "--dest", dest]);
  return { exitCode: r.exitCode, stderr: String(r.stderr), written: await readdir(dest) };
};

describe("eject of a name that is no built-in template", () => {
  it.each([
    ["plan/sections/threat.md.hbs", '"plan/sections/threat-model.md.hbs"'],
    ["threat-model", '"plan/sections/threat-model.md.hbs"'],
    // A stem one typo off, with no folder: nearer a stem than any whole path (the lead's trial).
    ["threat-modl", '"plan/sections/threat-model.md.hbs"'],
    ["plan/sections/threat-modle.md.hbs", '"plan/sections/threat-model.md.hbs"'],
    ["value-object", '"domain/value-object.ts.hbs" or "kernel/value-object.ts.hbs"'],
  ])("%s: names %s, exit 2, nothing written", async (name, meant) => {
    const r = await eject(name);
    expect(r).toEqual({ exitCode: 2, stderr: `mjoplan: ${name}: is not a built-in template; did you mean ${meant}? (mjoplan templates lists them)`, written: [] });
  });

  it("a name near none suggests none", async () => {
    expect((await eject("xyz")).stderr).toBe("mjoplan: xyz: is not a built-in template (mjoplan templates lists them)");
  });

  it("keeps to the folder given where the stem is in several", () => {
    expect(templatesMeant("domain/value-object", ["domain/value-object.ts.hbs", "kernel/value-object.ts.hbs"])).toEqual(["domain/value-object.ts.hbs"]);
  });
});
