/**
 * A bad value is named as the place it came from writes it (fit13b): a number in mjoplan.config.json or an answers
 * file is 999, never the text "999"; a text value in a JSON file keeps JSON's quotes, as its author wrote it, and in a
 * YAML file is plain where YAML reads it back as one word; a config default's cross-check says the file's keys, not
 * flags. On the command line the flag's value keeps the quotes that set it apart. Each refusal exits 2, writing nothing.
 */
import { describe, expect, it } from "@jest/globals";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { JSON_VALUES, valueWordsOf, YAML_VALUES } from "../lib/answer-words.js";
import { problem, shown } from "../lib/schema/problem.js";
import { cli, tempDir } from "./support/project.js";

/** The one line a run in `dir` refuses with, after the config or answers file is written there. */
async function refusal(dir: string, args: string[]): Promise<string> {
  const run = await cli(["plan", ...args, "--dest", dir]);
  expect(run.exitCode).toBe(2);
  expect((await readdir(dir)).filter((f) => !/\.(?:json|ya?ml)$/.test(f))).toEqual([]);
  return String(run.stderr).trim();
}

const config = async (defaults: Record<string, unknown>): Promise<string> => {
  const dir = await tempDir();
  await writeFile(path.join(dir, "mjoplan.config.json"), JSON.stringify({ defaults }));
  return dir;
};

describe("a config's bad value is named as JSON writes it", () => {
  it.each([
    [{ success: 999 }, "defaults.success: expected one of 200, 201, 202, 204, got 999"],
    [{ rateLimit: 5 }, "defaults.rateLimit: expected N/window such as 5/15m (s, m, h or d), got 5"],
    [{ date: 20260101 }, "defaults.date: expected YYYY-MM-DD, got 20260101"],
    [{ auth: 5 }, "defaults.auth: unknown value 5 (expected one of anonymous, authenticated, roles)"],
    [{ auth: "nobody" }, 'defaults.auth: unknown value "nobody" (expected one of anonymous, authenticated, roles)'],
    [{ route: "rooms" }, 'defaults.route: must start with / and have no spaces, got "rooms"'],
  ])("%j", async (defaults, said) => {
    const line = await refusal(await config(defaults), ["--name", "Create room"]);
    expect(line).toMatch(/^mjoplan: \S*mjoplan\.config\.json\./);
    expect(line.endsWith(`mjoplan.config.json.${said}`)).toBe(true);
    expect(line).not.toContain('"999"');
  });

  it("a default's cross-check names the config's keys, not flags", async () => {
    const line = await refusal(await config({ method: "GET", events: ["RoomRead"] }), ["--name", "Read room"]);
    expect(line).toContain("mjoplan.config.json.defaults.events: RoomRead: method: GET only reads and emits no events");
    expect(line).not.toContain("--method");
  });
});

describe("an answers file's bad value is named as its format writes it", () => {
  it("YAML: a number and a word plain, text with a space quoted", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "a.yaml");
    await writeFile(file, "name: Create room\nsuccess: 999\n");
    expect(await refusal(dir, ["--answers", file])).toMatch(/a\.yaml\.success: expected one of 200, 201, 202, 204, got 999$/);
    await writeFile(file, "name: Create room\nauth: nobody\n");
    expect(await refusal(dir, ["--answers", file])).toMatch(/a\.yaml\.auth: unknown value nobody \(expected one of/);
    await writeFile(file, 'name: Create room\nauth: "no body"\n');
    expect(await refusal(dir, ["--answers", file])).toMatch(/a\.yaml\.auth: unknown value "no body" \(expected one of/);
  });

  it("JSON: a number bare, text in JSON's quotes", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "a.json");
    await writeFile(file, JSON.stringify({ name: "Create room", success: 999 }));
    expect(await refusal(dir, ["--answers", file])).toMatch(/a\.json\.success: expected one of 200, 201, 202, 204, got 999$/);
    await writeFile(file, JSON.stringify({ name: "Create room", auth: "nobody" }));
    expect(await refusal(dir, ["--answers", file])).toMatch(/a\.json\.auth: unknown value "nobody" \(expected one of/);
  });

  it("a flag's value keeps the quotes that set it apart", async () => {
    expect(await refusal(await tempDir(), ["--name", "Create room", "--success", "999"])).toBe('mjoplan: --success 999: expected one of 200, 201, 202, 204, got "999"');
  });
});

describe("the value words", () => {
  it("write a problem's values in the place's terms, its text as it is", () => {
    const p = problem`got ${shown(999)} and ${shown("a b")} of ${"3 kinds"}`;
    expect(p.in(JSON_VALUES)).toBe('got 999 and "a b" of 3 kinds');
    expect(p.in(YAML_VALUES)).toBe('got 999 and "a b" of 3 kinds');
    expect(problem`got ${shown("nobody")}`.in(YAML_VALUES)).toBe("got nobody");
    // Words YAML would read as something else keep their quotes.
    for (const word of ["true", "no", "null", "5/1m", "a: b"]) expect(YAML_VALUES(word)).toBe(JSON.stringify(word));
    expect(valueWordsOf("backlog.yml")).toBe(YAML_VALUES);
    expect(valueWordsOf("mjoplan.config.json")).toBe(JSON_VALUES);
    expect(problem`got ${shown("999")}`.about("999", 999).in(JSON_VALUES)).toBe("got 999");
  });
});
