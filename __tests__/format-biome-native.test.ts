/**
 * Biome runs as its native binary, as its npm wrapper would run it, without the wrapper's cost: the wrapper
 * is a Node start plus `sh -c "ldd --version"` and ldd before the binary, four processes a file where one
 * does (TRIAL4 V21: ~100 processes and over a second of CPU a plan in a Biome repository). The output is
 * the one the wrapper gives.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { formatterFor, formatWith } from "../lib/format/format-files.js";
import { ROOT, tempDir } from "./support/project.js";

describe("Biome", () => {
  it("formats through its native binary, with the output its Node wrapper gives", async () => {
    const dir = await tempDir("biome-native");
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "b", private: true, devDependencies: { "@biomejs/biome": "*" } }));
    await writeFile(path.join(dir, "biome.json"), JSON.stringify({ formatter: { indentStyle: "space", indentWidth: 2 }, javascript: { formatter: { quoteStyle: "single", semicolons: "asNeeded" } } }));
    await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    await mkdir(path.join(dir, "src"));

    const biome = await formatterFor(dir, "auto");
    if (biome.kind !== "biome") throw new Error(`expected Biome, got ${biome.kind}`);
    expect(biome.command).not.toBe(process.execPath);
    expect(path.basename(biome.command)).toMatch(/^biome(\.exe)?$/);
    expect(biome.args).toEqual([]);

    const source = 'import { b } from "./b.js";\nimport { a } from "./a.js";\nexport const x = {a: a, b: b};\n';
    const [formatted] = await formatWith(biome, [{ path: "src/x.ts", content: source, mode: "owned" }], dir);
    const viaWrapper = await execa(process.execPath, [path.join(ROOT, "node_modules/@biomejs/biome/bin/biome"), "check", "--write", "--stdin-file-path=src/x.ts"], { cwd: dir, input: source });
    expect(formatted!.content).toBe(viaWrapper.stdout + "\n");
    expect(formatted!.content).toContain("export const x = { a: a, b: b }\n");
  });
});
