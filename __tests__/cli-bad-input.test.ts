/**
 * Bad input: one line naming the field and the problem, exit 2, nothing written.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

async function badAnswers(content: string, ext = "json"): Promise<string> {
  const dir = await tempDir("mjoplan-answers-");
  const file = path.join(dir, `answers.${ext}`);
  await writeFile(file, content);
  return file;
}

const cases: [string, () => Promise<string[]>, RegExp][] = [
  ["an empty name", async () => ["--name", ""], /--name "": must not be empty/],
  ["a digits-only name", async () => ["--name", "12345"], /--name 12345: must contain a letter/],
  ["an unknown rule", async () => ["--name", "X", "--value-object", "Email:mail"], /--value-object Email:mail: unknown rule "mail"/],
  ["a value object without a rule", async () => ["--name", "X", "--value-object", "Email"], /--value-object Email: expected Name:rule/],
  ["a duplicate value object", async () => ["--name", "X", "--value-object", "Email:email", "--value-object", "email:string"], /--value-object: value object Email is given twice/],
  ["an unknown test kind", async () => ["--name", "X", "--tests", "security,unit"], /--tests security,unit: unknown value "unit"/],
  ["an impossible date", async () => ["--name", "X", "--date", "2026-02-30"], /--date 2026-02-30: 2026-02-30 is not a calendar date/],
  ["a malformed date", async () => ["--name", "X", "--date", "01/02/2026"], /--date 01\/02\/2026: expected YYYY-MM-DD/],
  ["an impossible range", async () => ["--name", "X", "--value-object", "Age:int(10..1)"], /--value-object "Age:int\(10..1\)": int\(10..1\): the range is empty \(10 > 1\)/],
  ["a broken regular expression", async () => ["--name", "X", "--value-object", "Code:pattern([a-)"], /pattern\(\[a-\): not a valid regular expression/],
  ["a bad rate limit", async () => ["--name", "X", "--rate-limit", "fast"], /--rate-limit fast: expected N\/window/],
  ["an unknown flag", async () => ["--name", "X", "--colour", "red"], /--colour: unknown flag/],
  ["a flag without its value", async () => ["--name"], /--name: needs a value/],
  ["a criterion not in Given/When/Then form", async () => ["--name", "X", "--criteria", "it works"], /--criteria "it works": expected Given\/When\/Then or EARS form/],
  ["a name clashing with a built-in", async () => ["--name", "X", "--value-object", "Date:date"], /"Date" clashes with a built-in/],
  ["a missing answers file", async () => ["--answers", "/nonexistent/answers.json"], /--answers \/nonexistent\/answers.json: file not found/],
  ["a broken answers file", async () => ["--answers", await badAnswers("{ \"name\": ")], /answers.json:1:11: not valid JSON \(the file ends where a value belongs\)/],
  ["a broken YAML answers file", async () => ["--answers", await badAnswers("name: [unclosed", "yaml")], /answers.yaml:1:16: not valid YAML/],
  // TRIAL4 V9: a YAML fault named by its place, as JSON's are, without the parser's dangling "at line N, column M:".
  ["a YAML list left open in a batch", async () => ["--answers", await badAnswers("- name: A one\n  valueObjects: [Email:email\n- name: B\n", "yaml")], /^mjoplan: \S*answers.yaml:3:1: not valid YAML \(Flow sequence in block collection must be sufficiently indented and end with a \]\)$/],
  ["an unknown key in an answers file", async () => ["--answers", await badAnswers(JSON.stringify({ name: "X", colour: "red" }))], /answers.json.colour: unknown key/],
  ["a bad entry deep in a batch", async () => ["--answers", await badAnswers(JSON.stringify([{ name: "A" }, { name: "B", valueObjects: ["Ok:email", "Bad:nope"] }]))], /answers.json\[1\].valueObjects\[1\]: unknown rule "nope"/],
  ["two use-cases of a batch with the same name", async () => ["--answers", await badAnswers(JSON.stringify([{ name: "Book room", summary: "a" }, { name: "book room", summary: "b" }]))], /would write the same file \(same name\?\)/],
  ["an event named like a value object", async () => ["--name", "X", "--value-object", "RoomName:string", "--event", "room name"], /--event: RoomName is already the name of a value object/],
  ["no name and no terminal to ask on", async () => ["--summary", "x"], /missing --name \(no terminal to ask on\)/],
  // One convention: an answer in a file is named by its entry (0-based, as the file is indexed) and key; one on the command line by its flag.
  ["a batch entry without a name", async () => ["--answers", await badAnswers(JSON.stringify([{ name: "A" }, { name: "B" }, { summary: "no name" }]))], /answers.json\[2\]: missing name \(a batch is never asked for; give it in the file, or as --name for every use-case\)/],
  ["a contradiction inside a batch entry", async () => ["--answers", await badAnswers(JSON.stringify([{ name: "A" }, { name: "B", relation: "host" }]))], /answers.json\[1\].relation: needs "resource": a relation/],
  ["a flag that contradicts one entry of a batch", async () => ["--answers", await badAnswers(JSON.stringify([{ name: "A", resource: "Room", route: "/api/rooms/:roomId" }, { name: "B" }])), "--relation", "host"], /answers.json\[1\] with --relation host: needs --resource/],
  ["a contradiction given as flags", async () => ["--name", "A", "--relation", "host"], /^mjoplan: --relation host: /],
  // Inside an answers file's object forms too: a misspelt key is not dropped, so an optional input stays optional (TRIAL4 V8).
  ["a misspelt key of a value object's object form", async () => ["--answers", await badAnswers("- name: A\n  valueObjects:\n    - { name: PageSize, rule: \"int(1..100)\", optinal: true, location: query }\n", "yaml")], /answers.yaml\[0\].valueObjects\[0\]: unknown key "optinal"; did you mean "optional"\? \(expected name, rule, optional, location\)/],
  ["a misspelt key of an event's object form", async () => ["--answers", await badAnswers(JSON.stringify([{ name: "A", events: [{ name: "Done", field: ["amount"] }] }]))], /answers.json\[0\].events\[0\]: unknown key "field"; did you mean "fields"\?/],
  ["a misspelt key of a transition's object form", async () => ["--answers", await badAnswers(JSON.stringify({ name: "A", resource: "Room", route: "/api/rooms/:roomId", method: "POST", transitions: [{ from: "Open", too: "Closed" }] }))], /answers.json.transitions\[0\]: unknown key "too"; did you mean "to"\?/],
  ["a misspelt key of an error's object form", async () => ["--answers", await badAnswers(JSON.stringify({ name: "A", errors: [{ name: "Gone", status: 410, wen: "it is gone" }] }))], /answers.json.errors\[0\]: unknown key "wen"; did you mean "when"\?/],
  // A word after the rule's @ is a location: a misspelt one is said as one, not as an unknown rule (TRIAL4 V9).
  ["a misspelt location", async () => ["--name", "X", "--value-object", "Name:string(1..10)@bdy"], /--value-object "Name:string\(1..10\)@bdy": unknown location "bdy"; did you mean "body"\?/],
  // A precheck's fault in a file is the file's key, as every other answer's (TRIAL4 V9).
  ["a --pii typo given in an answers file", async () => ["--answers", await badAnswers("- name: A one\n  pii: [emial]\n  valueObjects: [Email:email]\n", "yaml")], /answers.yaml\[0\].pii: "emial" names no field of A one; did you mean "email"\?/],
];

describe("bad input", () => {
  it.each(cases)("%s: exits 2 with one line naming the field, and writes nothing", async (_name, args, message) => {
    const dest = await tempDir();
    const run = await cli(["plan", ...(await args()), "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe("");
    const stderr = String(run.stderr);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^mjoplan: /);
    expect(stderr).toMatch(message);
    expect(await readdir(dest)).toEqual([]);
  });

  it("an unknown command exits 2 naming the commands", async () => {
    const run = await cli(["plna"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/"plna": unknown command; did you mean "plan"\? \(expected one of plan/);
  });
});
