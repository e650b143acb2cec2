/**
 * Pack files: what the loader accepts, what it refuses and how it says so (file,
 * line, key path, problem), the compiled built-in packs and the shipped schema.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { builtInPacks, COMPILED_PACKS, PACKS_DIR, PACKS_INDEX } from "../lib/packs/built-in.js";
import { loadPackDir, parsePack } from "../lib/packs/load.js";
import { PACK_SCHEMA } from "../lib/packs/pack-schema.js";
import { InputError } from "../lib/errors.js";
import { ROOT, tempDir } from "./support/project.js";

/** The team pack of MODEL.md section 3, as a team would write it. */
const PAYMENTS = `name: payments
when: { capability: payment }        # every key must hold; a list means any of them
requirements:
  - { kind: nfr, text: "Amounts are integers in minor units" }
threats:
  - category: Tampering
    element: Payment provider callback
    threat: A forged callback marks an unpaid order as paid
    mitigation: Verify the provider's signature and the amount; idempotent by event id
    tests: [{ kind: security, title: refuses a callback with a bad signature }]
monitoring:
  - { kind: alert, text: "Callbacks with bad signatures over 5 in 10 minutes" }
questions:
  - Which payment provider, and which of its callback versions?
`;

/** The loader's refusal, as the CLI prints it. */
function refusal(text: string, file = "team.yaml"): string {
  try {
    parsePack(text, file, "team");
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("the pack was accepted");
}

describe("parsePack", () => {
  it("reads MODEL.md's team pack as written", () => {
    const pack = parsePack(PAYMENTS, "payments.yaml", "team");
    expect(pack.name).toBe("payments");
    expect(pack.when).toEqual({ capability: "payment" });
    expect(pack.threats?.[0]).toMatchObject({ category: "Tampering", tests: [{ kind: "security", title: "refuses a callback with a bad signature" }] });
    expect(pack.monitoring).toEqual([{ kind: "alert", text: "Callbacks with bad signatures over 5 in 10 minutes" }]);
    expect(pack).toMatchObject({ source: "team", file: "payments.yaml" });
  });

  it("reads the same pack as JSON", () => {
    const json = JSON.stringify({ name: "payments", when: { capability: ["payment", "refund"] }, tests: [{ kind: "security", title: "x", key: "sig" }], threats: [{ category: "Spoofing", element: "e", threat: "t", mitigation: "m", tests: ["sig"] }] });
    expect(parsePack(json, "payments.json", "team").threats?.[0]?.tests).toEqual(["sig"]);
  });

  it("accepts placeholders the engine fills, guarded by when where the fact is optional", () => {
    const pack = parsePack(`name: guarded\nwhen: { resource: true, enumeration: true }\nrequirements:\n  - { kind: fr, text: "{actor} sees no difference between a missing {resource} and a missing {enumeration}" }\n`, "g.yaml", "team");
    expect(pack.requirements?.[0]?.text).toContain("{resource}");
  });

  it("accepts a placeholder naming one of the pack's own settings", () => {
    const pack = parsePack("name: stepped\nsettings:\n  - { name: stepUpWindow, value: 600, unit: seconds }\nrequirements:\n  - { kind: nfr, text: 'Re-authenticated within {stepUpWindow}' }\n", "s.yaml", "team");
    expect(pack.settings).toEqual([{ name: "stepUpWindow", value: 600, unit: "seconds" }]);
  });

  const cases: [string, string, RegExp][] = [
    ["a placeholder naming another pack's setting", "name: a\nrequirements:\n  - { kind: fr, text: 'Within {stepUpWindow}' }\n", /requirements\[0\]\.text: unknown placeholder \{stepUpWindow\}/],
    ["a setting named like a fact placeholder", "name: a\nsettings:\n  - { name: actor, value: 1, unit: count }\n", /^team\.yaml:3: settings\[0\]\.name: "actor" is the name of a fact placeholder/],
    ["a setting stated twice", "name: a\nsettings:\n  - { name: cap, value: 1, unit: count }\n  - { name: cap, value: 2, unit: count }\n", /^team\.yaml:4: settings\[1\]\.name: "cap" is already a setting at settings\[0\]/],
    ["a setting of no known unit", "name: a\nsettings:\n  - { name: cap, value: 1, unit: minutes }\n", /settings\[0\]\.unit: must be one of seconds, count \(got "minutes"\)/],
    ["a setting that is not a whole number", "name: a\nsettings:\n  - { name: cap, value: 1.5, unit: count }\n", /settings\[0\]\.value: must be a whole number/],
    ["an unknown when-key", "name: a\nwhen:\n  colour: red\n", /^team\.yaml:3: when\.colour: unknown key \(expected one of flow, method, async, auth/],
    ["a misspelt STRIDE category, with its line", "name: a\nthreats:\n  - category: Tampring\n    element: e\n    threat: t\n    mitigation: m\n", /^team\.yaml:3: threats\[0\]\.category: must be one of Spoofing, Tampering, Repudiation, Information disclosure, Denial of service, Elevation of privilege \(got "Tampring"\)$/],
    ["a threat without its mitigation", "name: a\nthreats:\n  - { category: Spoofing, element: e, threat: t }\n", /^team\.yaml:3: threats\[0\]\.mitigation: is required$/],
    ["an unknown placeholder", "name: a\nrequirements:\n  - { kind: fr, text: 'Only the {owner} may do it' }\n", /threats|requirements\[0\]\.text: unknown placeholder \{owner\} \(known: useCase, actor/],
    ["a placeholder of a fact the use-case may lack", "name: a\nrequirements:\n  - { kind: fr, text: 'The {resource} is loaded' }\n", /requirements\[0\]\.text: \{resource\} is not known for every use-case: the pack's when needs resource: true/],
    ["a test reference to no test", "name: a\nthreats:\n  - { category: Spoofing, element: e, threat: t, mitigation: m, tests: [sig] }\n", /threats\[0\]\.tests\[0\]: no test of this pack has the key "sig"/],
    ["a duplicate key", "name: a\ntests:\n  - { kind: security, title: x, key: k }\n  - { kind: domain, title: y, key: k }\n", /^team\.yaml:4: tests\[1\]\.key: key "k" is already used at tests\[0\]/],
    ["a bad test kind inside a threat", "name: a\nthreats:\n  - { category: Spoofing, element: e, threat: t, mitigation: m, tests: [{ kind: unit, title: x }] }\n", /threats\[0\]\.tests\[0\]\.kind: must be one of security, domain, integration, performance \(got "unit"\)/],
    ["a name that is not kebab-case", "name: My Pack\n", /^team\.yaml:1: name: "My Pack" must be kebab-case/],
    ["no name", "when: { async: true }\n", /^team\.yaml:1: name: is required$/],
    ["a when value of the wrong type", "name: a\nwhen: { async: 'yes' }\n", /when\.async: must be true or false \(got "yes"\)/],
    ["an unknown flow", "name: a\nwhen: { flow: [query, upsert] }\n", /when\.flow(\[1\])?: must be one of query, create, change, delete, async/],
    ["a checklist link to nothing", "name: a\nchecklist:\n  - { item: Secrets, coveredBy: nowhere }\n", /checklist\[0\]\.coveredBy: "nowhere" is neither a section anchor/],
    ["a status out of range", "name: a\nstatuses:\n  - { status: 999, when: never }\n", /statuses\[0\]\.status: must be at most 599 \(got 999\)/],
    ["broken YAML", "name: a\nthreats: [\n", /^team\.yaml:\d+: not valid YAML/],
    ["a duplicate YAML key", "name: a\nname: b\n", /^team\.yaml:2: not valid YAML \(Map keys must be unique/],
    ["an empty file", "", /^team\.yaml: is empty/],
    ["a list instead of a pack", "- name: a\n", /^team\.yaml:1: \(top level\): must be an object/],
  ];
  it.each(cases)("refuses %s, naming the file, line and key path", (_, text, expected) => {
    expect(refusal(text)).toMatch(expected);
  });

  it("names every problem of a file, one line each", () => {
    const lines = refusal("name: a\nwhen: { colour: red, async: 3 }\nquestions: [1]\n").split("\n");
    expect(lines).toEqual([expect.stringMatching(/when\.colour: unknown key/), expect.stringMatching(/when\.async: must be true or false/), expect.stringMatching(/questions\[0\]: must be a string/)]);
  });

  it("refuses broken JSON with the file's name", () => {
    expect(refusal('{ "name": ', "team.json")).toMatch(/^team\.json: not valid JSON/);
  });

  it("refuses a file over the size cap before parsing it", () => {
    expect(refusal(`name: a\nquestions:\n${"  - x\n".repeat(100_000)}`)).toMatch(/a pack file is at most 512 KB/);
  });
});

describe("loadPackDir", () => {
  it("reads .yaml, .yml and .json files in name order, and nothing else", async () => {
    const dir = await tempDir("mjoplan-packs-");
    await writeFile(path.join(dir, "b.yml"), "name: b\n");
    await writeFile(path.join(dir, "a.json"), '{ "name": "a" }');
    await writeFile(path.join(dir, "c.yaml"), "name: c\n");
    await writeFile(path.join(dir, "notes.md"), "# not a pack");
    await mkdir(path.join(dir, "d.yaml"));
    expect(loadPackDir(dir, "team").map((p) => [p.name, p.file])).toEqual([["a", "a.json"], ["b", "b.yml"], ["c", "c.yaml"]]);
  });

  it("has no packs where the folder does not exist", () => {
    expect(loadPackDir("/nonexistent/packs", "team")).toEqual([]);
  });

  it("refuses two packs of the same name", async () => {
    const dir = await tempDir("mjoplan-packs-");
    await writeFile(path.join(dir, "one.yaml"), "name: same\n");
    await writeFile(path.join(dir, "two.yaml"), "name: same\n");
    expect(() => loadPackDir(dir, "team", ".mjoplan/packs")).toThrow(/^\.mjoplan\/packs\/two\.yaml: name: "same" is already the name of \.mjoplan\/packs\/one\.yaml$/);
  });

  it("names the file as the team sees it", async () => {
    const dir = await tempDir("mjoplan-packs-");
    await writeFile(path.join(dir, "broken.yaml"), "name: x\nwhen: { capability: Payments }\n");
    expect(() => loadPackDir(dir, "team", ".mjoplan/packs")).toThrow(/^\.mjoplan\/packs\/broken\.yaml:2: when\.capability: "Payments" must be a kebab-case capability name/);
  });
});

describe("built-in packs", () => {
  it("are compiled from packs/ exactly as the loader reads them", () => {
    expect(builtInPacks()).toEqual(loadPackDir(PACKS_DIR, "built-in", "packs"));
    expect(builtInPacks().length).toBeGreaterThan(0);
  });

  it("are read from JSON: no YAML is parsed at start-up", async () => {
    const compiled = JSON.parse(await readFile(COMPILED_PACKS, "utf8")) as { packs: unknown[] };
    expect(compiled.packs).toEqual(builtInPacks());
  });

  it("are indexed: each pack's range of packs.json holds that pack, and the index holds what decides whether it applies", async () => {
    const text = await readFile(COMPILED_PACKS, "latin1");
    const index = (JSON.parse(await readFile(PACKS_INDEX, "utf8")) as { packs: { name: string; at: [number, number]; keys: string[]; when?: unknown }[] }).packs;
    const compiled = (JSON.parse(text) as { packs: { name: string; when?: unknown }[] }).packs;
    expect(index.map((e) => e.name)).toEqual(compiled.map((p) => p.name));
    index.forEach((entry, i) => {
      expect(JSON.parse(text.slice(...entry.at))).toEqual(compiled[i]);
      expect(entry.keys).toEqual(Object.keys(compiled[i]!));
      expect(entry.when).toEqual(compiled[i]!.when);
    });
  });

  it("read a pack's items only when something uses them, then all of them at once", () => {
    // A process of its own: this file's other tests have read every pack already.
    const script = `
      const { builtInPacks } = await import(${JSON.stringify(path.join(ROOT, "dist/lib/packs/built-in.js"))});
      const got = (p, k) => Object.getOwnPropertyDescriptor(p, k);
      const used = builtInPacks().find((p) => p.name === "access-anonymous");
      const other = builtInPacks().find((p) => p.name === "audit");
      const before = [typeof got(used, "requirements").get, typeof got(used, "when").value];
      const items = used.requirements.length;
      console.log(JSON.stringify({ before, items, after: Object.keys(used).map((k) => "value" in got(used, k)), other: typeof got(other, "requirements").get }));`;
    const seen = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as { before: string[]; items: number; after: boolean[]; other: string };
    expect(seen.before).toEqual(["function", "object"]);
    expect(seen.items).toBeGreaterThan(0);
    expect(seen.after.every(Boolean)).toBe(true);
    expect(seen.other).toBe("function");
  });

  it("open packs.json once for a run, at the first pack read, and not at all where no pack is read", () => {
    // A process of its own, on Linux: the descriptors open on packs.json, read from /proc/self/fd.
    const script = `
      const { readdirSync, readlinkSync } = await import("node:fs");
      const { builtInPacks, COMPILED_PACKS } = await import(${JSON.stringify(path.join(ROOT, "dist/lib/packs/built-in.js"))});
      const open = () => readdirSync("/proc/self/fd").filter((fd) => { try { return readlinkSync("/proc/self/fd/" + fd) === COMPILED_PACKS; } catch { return false; } }).length;
      const packs = builtInPacks();
      const before = open();
      const read = packs.slice(0, 5).map((p) => p.requirements.length);
      console.log(JSON.stringify({ before, read: read.length, after: open() }));`;
    const seen = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as { before: number; read: number; after: number };
    expect(seen).toEqual({ before: 0, read: 5, after: 1 });
  });

  it("have unique names", () => {
    const names = builtInPacks().map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("the pack JSON Schema in dist/", () => {
  it("is the schema the loader validates with", async () => {
    expect(JSON.parse(await readFile(path.join(ROOT, "dist/mjoplan.pack.schema.json"), "utf8"))).toEqual(JSON.parse(JSON.stringify(PACK_SCHEMA)));
  });

  it("lists every when-key MODEL.md names and refuses others", () => {
    const when = PACK_SCHEMA.properties!["when"]!;
    expect(Object.keys(when.properties!)).toEqual(expect.arrayContaining(["flow", "method", "async", "auth", "resource", "relation", "enumeration", "capability", "pii", "audit", "scheduledCommand", "events"]));
    expect(when.additionalProperties).toBe(false);
  });
});
