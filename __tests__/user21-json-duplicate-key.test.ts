/**
 * USER21 V6: a JSON answers file with a key given twice (`{"name": "Book room", "name": "Other"}`) planned the last
 * one without a word, where a YAML file with the same mistake is refused (line and column) and a plan's front matter
 * too. Now refused: one line naming the file (and the batch entry) and the key, exit 2, nothing written. Real bin.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";
import { duplicateKey } from "../lib/cli/json-duplicate-key.js";

async function run(answers: string): Promise<{ code: number | undefined; lines: string[]; files: string[] }> {
  const dest = await tempDir("mjoplan-u21-");
  await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "t" }));
  await writeFile(path.join(dest, "answers.json"), answers);
  const r = await cli(["plan", "--answers", "answers.json", "--format", "never", "--date", "2026-01-01"], { cwd: dest });
  return { code: r.exitCode, lines: String(r.stderr).trim().split("\n").filter(Boolean), files: (await readdir(dest)).sort() };
}

describe("a JSON answers file with a key given twice", () => {
  it("is refused, a single use-case", async () => {
    const r = await run('{"name": "Book room", "name": "Other"}');
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['mjoplan: answers.json: key "name" is given twice in one object; which one holds is a guess, so the answers are refused']);
    expect(r.files).toEqual(["answers.json", "package.json"]);
  });

  it("is refused inside a batch entry's value object, naming the entry", async () => {
    const r = await run(JSON.stringify([{ name: "Book room" }]).slice(0, -1) + ',{"name":"Cancel booking","valueObjects":[{"name":"Email","rule":"email","rule":"uuid"}]}]');
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['mjoplan: answers.json[1]: key "rule" is given twice in one object; which one holds is a guess, so the answers are refused']);
    expect(r.files).toEqual(["answers.json", "package.json"]);
  });

  it("keeps planning keys that only look alike: the same key in two objects, brackets and quotes inside strings", async () => {
    const r = await run(JSON.stringify([{ name: 'Book "room" \\', summary: '{"name": [x' }, { name: "Cancel booking", summary: "name" }]));
    expect(r.code).toBe(0);
    expect(r.files).toEqual(["answers.json", "docs", "package.json", "src"]);
  });

  it("finds the first key given twice at any depth, and none in JSON.stringify's output", () => {
    expect(duplicateKey('{"a": {"b": 1, "c": {"b": 2}}, "d": [{"e": 1}, {"e": 2}]}')).toBeUndefined();
    expect(duplicateKey('{"a": 1, "b": {"c": 1, "c": 2}}')).toBe("c");
    expect(duplicateKey('{"\\u0061": 1, "a": 2}')).toBe("a");
    expect(duplicateKey('{"a\\\\": 1, "a\\\\\\"": 2}')).toBeUndefined();
    expect(duplicateKey(JSON.stringify({ x: ['"{', "}]"], y: { x: 1 } }))).toBeUndefined();
  });
});
