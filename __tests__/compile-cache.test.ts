/**
 * The code cache for the package's own CommonJS files (the bin's bundle, the compiled
 * templates): the same exports as require, an entry written when the process exits, and never
 * stale code for a changed file (V8 alone would take a cache made for another text of the same
 * length), nor a cache folder others may write to; a built-in module asked to load lazily loads
 * when the file first uses it. The cache lives in the folder os.tmpdir() names, found without node:os.
 */
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { ROOT, tempDir } from "./support/project.js";

const HELPER = path.join(ROOT, "dist/lib/compile-cache.js");

/** Loads `file` through the helper in a fresh process whose temporary folder is `tmp`. */
async function load(file: string, tmp: string): Promise<unknown> {
  const run = await execa("node", ["--input-type=module", "-e", `const { requireCached } = await import(${JSON.stringify(HELPER)}); console.log(JSON.stringify(requireCached(${JSON.stringify(file)})));`], { env: { TMPDIR: tmp } });
  return JSON.parse(String(run.stdout));
}

const entries = async (tmp: string): Promise<string[]> => readdir(path.join(tmp, `mjoplan-compile-cache-${process.getuid?.() ?? "user"}`)).catch(() => []);

describe("requireCached", () => {
  it("gives the file's exports, from a cache entry after the first run, and the new exports when the file changes", async () => {
    const tmp = await tempDir();
    const file = path.join(tmp, "data.cjs");
    await writeFile(file, 'module.exports = { value: "aaaa", add: (a, b) => a + b };\n');
    expect(await load(file, tmp)).toEqual({ value: "aaaa" });
    const first = await entries(tmp);
    expect(first).toHaveLength(1);
    expect(await load(file, tmp)).toEqual({ value: "aaaa" });
    // Same length, other text: a cache keyed by length alone would run the old code.
    await writeFile(file, 'module.exports = { value: "bbbb", add: (a, b) => a + b };\n');
    expect(await load(file, tmp)).toEqual({ value: "bbbb" });
    // The new text's entry replaces the old one: a cache does not grow with every build.
    const second = await entries(tmp);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });

  it("uses no cache folder that others may write to", async () => {
    const tmp = await tempDir();
    const dir = path.join(tmp, `mjoplan-compile-cache-${process.getuid?.() ?? "user"}`);
    await mkdir(dir);
    await chmod(dir, 0o777);
    const file = path.join(tmp, "data.cjs");
    await writeFile(file, 'module.exports = { value: "aaaa" };\n');
    expect(await load(file, tmp)).toEqual({ value: "aaaa" });
    expect(await entries(tmp)).toEqual([]);
  });
});

/**
 * Loads `file` as load does, in a process that then ends with `code` (a run refused at its flags ends with 2). The code
 * comes in the environment: node's -e text is among the flags an entry is kept for.
 */
async function loadEnding(file: string, tmp: string, code: number): Promise<void> {
  await execa("node", ["--input-type=module", "-e", `const { requireCached } = await import(${JSON.stringify(HELPER)}); requireCached(${JSON.stringify(file)}).add(1, 2); process.exitCode = Number(process.env.CODE);`], { env: { TMPDIR: tmp, CODE: String(code) }, reject: false });
}

describe("an entry written by a run that stopped early", () => {
  it("is a partial one, replaced by the next run that goes the whole way, and a whole entry is kept", async () => {
    const tmp = await tempDir();
    const file = path.join(tmp, "data.cjs");
    await writeFile(file, 'module.exports = { value: "aaaa", add: (a, b) => a + b };\n');
    await loadEnding(file, tmp, 2);
    const first = await entries(tmp);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/\.part\.bin$/);
    // A second run refused early leaves the partial entry as it is.
    await loadEnding(file, tmp, 2);
    expect(await entries(tmp)).toEqual(first);
    // A run that ends well writes the whole entry and drops the partial one.
    await loadEnding(file, tmp, 0);
    const whole = await entries(tmp);
    expect(whole).toHaveLength(1);
    expect(whole[0]).toBe(first[0]!.replace(/\.part\.bin$/, ".bin"));
    const folder = path.join(tmp, `mjoplan-compile-cache-${process.getuid?.() ?? "user"}`);
    const written = await readFile(path.join(folder, whole[0]!));
    // Runs after it, refused or not, read the whole entry and write nothing.
    await loadEnding(file, tmp, 2);
    await loadEnding(file, tmp, 0);
    expect(await entries(tmp)).toEqual(whole);
    expect(await readFile(path.join(folder, whole[0]!))).toEqual(written);
    expect(await load(file, tmp)).toEqual({ value: "aaaa" });
  });
});

describe("the cache folder", () => {
  it("a relative TMPDIR: no cache, nothing written in the folder the run starts in", async () => {
    const cwd = await tempDir();
    const file = path.join(cwd, "data.cjs");
    await writeFile(file, 'module.exports = { value: "aaaa" };\n');
    const run = await execa("node", ["--input-type=module", "-e", `const { requireCached } = await import(${JSON.stringify(HELPER)}); console.log(JSON.stringify(requireCached(${JSON.stringify(file)})));`], { cwd, env: { TMPDIR: "tmpcache" } });
    expect(JSON.parse(String(run.stdout))).toEqual({ value: "aaaa" });
    expect(await readdir(cwd)).toEqual(["data.cjs"]);
  });
});

describe("files the build wrapped", () => {
  const wrapped = (names: string[], body: string): string => `/*mjoplan:wrapped-ascii*/(function (${names.join(", ")}) {${body}\n})`;

  it("a wrapped file runs as the script it is, from the cache after the first run; another file's UTF-8 text reads as UTF-8", async () => {
    const tmp = await tempDir();
    const file = path.join(tmp, "wrapped.cjs");
    await writeFile(file, wrapped(["exports", "require", "module", "__filename", "__dirname"], 'const path = require("node:path");\nmodule.exports = { value: "\\u00e9t\\u00e9", file: path.basename(__filename) };'));
    expect(await load(file, tmp)).toEqual({ value: "été", file: "wrapped.cjs" });
    expect(await entries(tmp)).toHaveLength(1);
    expect(await load(file, tmp)).toEqual({ value: "été", file: "wrapped.cjs" });
    const plain = path.join(tmp, "plain.cjs");
    await writeFile(plain, 'module.exports = { value: "été — ok" };\n');
    expect(await load(plain, tmp)).toEqual({ value: "été — ok" });
  });

  it("a file the bin's bundle carries comes from the bundle: the file itself is not read", async () => {
    const tmp = await tempDir();
    const file = path.join(tmp, "carried.cjs");
    await writeFile(file, 'module.exports = { from: "the file" };\n');
    const script = `globalThis[Symbol.for("mjoplan.carried")] = { ${JSON.stringify(file)}: (exports, require, module, filename) => { module.exports = { from: "the bundle", filename }; } }; const { requireCached } = await import(${JSON.stringify(HELPER)}); console.log(JSON.stringify(requireCached(${JSON.stringify(file)})));`;
    const run = await execa("node", ["--input-type=module", "-e", script], { env: { TMPDIR: tmp } });
    expect(JSON.parse(String(run.stdout))).toEqual({ from: "the bundle", filename: file });
    expect(await load(file, tmp)).toEqual({ from: "the file" });
  });

  it("a file wrapped for other variables than the caller passes is refused, naming the file", async () => {
    const tmp = await tempDir();
    const file = path.join(tmp, "wrapped.cjs");
    await writeFile(file, wrapped(["exports", "require", "module", "__filename", "__dirname", "__other"], "module.exports = 1;"));
    await expect(load(file, tmp)).rejects.toThrow(`${file} was wrapped for other variables`);
  });

  it("the build's bundle and compiled templates are wrapped, and ASCII alone", async () => {
    for (const file of ["dist/bin/mjoplan-run.cjs", "dist/templates.compiled.cjs"]) {
      const text = await readFile(path.join(ROOT, file), "latin1");
      expect(text.startsWith("/*mjoplan:wrapped-ascii*/(function (exports, require, module, __filename, __dirname")).toBe(true);
      expect(text.endsWith("\n})")).toBe(true);
      expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    }
  });
});

describe("runCached", () => {
  it("passes the extra variables, and loads a lazy built-in module only when the file uses it", async () => {
    const tmp = await tempDir();
    const file = path.join(tmp, "lazy.cjs");
    await writeFile(file, 'const cp = require("node:child_process");\nmodule.exports = { before: process.moduleLoadList.includes("NativeModule child_process"), spawnType: typeof cp.spawn, after: process.moduleLoadList.includes("NativeModule child_process"), greeting };\n');
    const script = `const { runCached } = await import(${JSON.stringify(HELPER)}); console.log(JSON.stringify(runCached(${JSON.stringify(file)}, { extra: { greeting: "hi" }, lazy: ["node:child_process"] })));`;
    const run = await execa("node", ["--input-type=module", "-e", script], { env: { TMPDIR: tmp } });
    expect(JSON.parse(String(run.stdout))).toEqual({ before: false, spawnType: "function", after: true, greeting: "hi" });
  });
});

describe("tmpdir", () => {
  it("names the folder os.tmpdir() names, whichever of TMPDIR, TMP and TEMP is set", async () => {
    const cases: Record<string, string>[] = [{ TMPDIR: "/var/tmp/x" }, { TMPDIR: "/var/tmp/x/" }, { TMPDIR: "/" }, { TMPDIR: "relative/" }, { TMPDIR: "", TMP: "/t/mp/" }, { TEMP: "/te/mp" }, {}];
    const script = `const { tmpdir } = await import(${JSON.stringify(HELPER)}); const os = await import("node:os"); console.log(JSON.stringify([tmpdir(), os.tmpdir()]));`;
    for (const env of cases) {
      const run = await execa("node", ["--input-type=module", "-e", script], { env: { PATH: process.env["PATH"] ?? "", ...env }, extendEnv: false });
      const [ours, node] = JSON.parse(String(run.stdout)) as [string, string];
      expect({ env, dir: ours }).toEqual({ env, dir: node });
    }
  });
});
