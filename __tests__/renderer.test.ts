/** The renderer: precompiled built-ins, compiled edits, and failures that name the template and the line. */
import { cp, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { GenerationError } from "../lib/errors.js";
import { TEMPLATES_DIR } from "../lib/paths.js";
import { Renderer } from "../lib/render/engine.js";
import { tempDir } from "./support/project.js";

describe("Renderer", () => {
  it("fails with the template's name and line when it does not parse", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "broken.md.hbs"), "# Title\n{{#each items}}\n- {{this}}\n");
    const renderer = new Renderer(dir);
    expect(() => renderer.render("broken.md.hbs", { items: [] })).toThrow(GenerationError);
    expect(() => renderer.render("broken.md.hbs", { items: [] })).toThrow(/^template .*\/broken.md.hbs:4:1: parse error: Expecting .*, got .EOF.$/);
  });

  it("fails, instead of writing an empty string, when a template names a value that is not there", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "typo.ts.hbs"), "export const a = {{ts nmae}};\n");
    await writeFile(path.join(dir, "typo2.ts.hbs"), "export const a = {{nmae}};\n");
    expect(() => new Renderer(dir).render("typo.ts.hbs", { name: "x" })).toThrow(/template .*\/typo.ts.hbs:1:18: helper "ts" was given a value that is not defined/);
    expect(() => new Renderer(dir).render("typo2.ts.hbs", { name: "x" })).toThrow(/template .*\/typo2.ts.hbs:1:20: "nmae" is not defined here/);
  });

  it("renders an edited copy of a built-in template, compiled at run time, with the same helpers", async () => {
    const dir = await tempDir();
    await cp(TEMPLATES_DIR, dir, { recursive: true });
    await writeFile(path.join(dir, "kernel/result.ts.hbs"), "// edited {{ts (concat \"a\" \"b\")}}\n");
    expect(new Renderer(dir).render("kernel/result.ts.hbs", {})).toBe('// edited "ab"\n');
  });
});
