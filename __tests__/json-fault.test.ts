/**
 * A JSON file a person wrote (an answers file, mjoplan.config.json) that does not parse is one line
 * naming the file, the line and column, and what is wrong there; V8's message gave no position and
 * quoted the file across several lines (TRIAL3 U5).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { jsonFault } from "../lib/json-fault.js";
import { cli, readTree, tempDir } from "./support/project.js";

const lines = (s: unknown): string[] => String(s).trim().split("\n");

describe("a JSON file that does not parse", () => {
  it("an answers file: one line with the file, line and column, and the fault; exit 2, nothing written", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "a3.json"), '{"name": "A one",\n "valueObjects": ["Email:email",]\n}\n');
    const run = await cli(["plan", "--answers", "a3.json", "--dest", "out"], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual(['mjoplan: a3.json:2:33: not valid JSON (trailing comma before "]")']);
    expect([...(await readTree(dir)).keys()]).toEqual(["a3.json"]);
  });

  it("a batch whose last entry is cut short, and a config with a single-quoted key, likewise", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "batch.json"), '[\n  {"name": "A one"},\n  {"name": "B two"\n');
    expect(lines((await cli(["plan", "--answers", "batch.json", "--dest", "out"], { cwd: dir })).stderr)).toEqual(['mjoplan: batch.json:4:1: not valid JSON (expected "," or "}", found the end of the file)']);
    await writeFile(path.join(dir, "mjoplan.config.json"), "{\n  'testRunner': 'vitest'\n}\n");
    const run = await cli(["plan", "--name", "A one", "--dest", dir, "--dry-run"]);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([`mjoplan: ${path.join(dir, "mjoplan.config.json")}:2:3: not valid JSON (expected a key in double quotes, found "'")`]);
  });

  it("jsonFault finds a fault exactly where JSON.parse refuses the text, and none where it parses", () => {
    const valid = fc.json();
    // Valid JSON with a character inserted, removed or replaced somewhere: often no longer JSON.
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "]", "}", '"', "'", ":", "\n", "\\", "x", "1", "-", " ")).map(([json, at, c]) => {
      const i = at % (json.length + 1);
      return json.slice(0, i) + c + json.slice(i + (at % 2));
    });
    fc.assert(
      fc.property(fc.oneof(valid, mutated, fc.string()), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const fault = jsonFault(text);
        expect(fault === undefined).toBe(parses);
        if (fault) expect(fault.at).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("answers files as Windows saves them (TRIAL3 U33)", () => {
  const run = async (name: string, bytes: Buffer): Promise<{ code: number | undefined; out: string; err: string }> => {
    const dir = await tempDir();
    await writeFile(path.join(dir, name), bytes);
    const r = await cli(["plan", "--answers", name, "--dest", "out", "--dry-run", "--json"], { cwd: dir });
    return { code: r.exitCode, out: String(r.stdout), err: String(r.stderr) };
  };
  const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const utf16be = (text: string): Buffer => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);

  it.each([
    ["bom2.yaml", Buffer.from('\ufeff- name: Bom two\n  valueObjects:\n    - "Email:email"\n', "utf8")],
    ["u16.json", utf16le('{"name":"U16 one"}')],
    ["u16-list.json", utf16le('[{"name":"U16 one"},\r\n {"name":"U16 two","valueObjects":["Email:email"]}]')],
    ["u16be.json", utf16be('[{"name":"U16 one"}]')],
    ["u16.yaml", utf16le("- name: U16 one\r\n- name: U16 two\r\n")],
  ])("%s reads as the answers it holds", async (name, bytes) => {
    const r = await run(name, bytes);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { useCases: string[] }).useCases.length).toBeGreaterThan(0);
  });
});
