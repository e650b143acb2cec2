/**
 * A typo gets the name meant, as a person expects of a serious CLI: a capability one typo off a
 * pack's is refused (accepted, the plan would lack the whole pack, said only by a warning after
 * every question), a rule's name is suggested, and so are a flag's and a command's (TRIAL3 U3, U4).
 */
import path from "node:path";
import { mkdir, writeFile } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const lines = (s: unknown): string[] => String(s).trim().split("\n");

describe("a capability one typo off a known one", () => {
  it.each([
    ["send-message", "sends-message"],
    ["send-mesage", "sends-message"],
    ["file-uplaod", "file-upload"],
    ["sends-message-emial", "sends-message-email"],
  ])("--capability %s is refused naming %s: exit 2, one line, nothing written", async (typo, meant) => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Notify member", "--capability", typo, "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([`mjoplan: --capability ${typo}: no pack knows "${typo}"; did you mean "${meant}"? (a team's own capability is declared by a pack in .mjoplan/packs)`]);
    expect((await readTree(dest)).size).toBe(0);
  });

  it.each(["webhook", "sign-in", "token-refresh"])("the built-in %s, whose packs come by the fact it stands for, is no unknown capability (TRIAL4 V4)", async (capability) => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Receive hook", "--method", "POST", "--route", "/api/webhooks/github", "--auth", "anonymous", "--value-object", "HubSignature:string(1..200)@header", "--capability", capability, "--dest", dest, "--format", "never", "--dry-run"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).not.toMatch(/no pack knows it/);
  });

  it("a name near none stays a team's own: a warning, and the plan is written", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Post ledger entry", "--capability", "ledger-posting", "--dest", dest, "--format", "never"]);
    expect(run.exitCode).toBe(0);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^mjoplan: warning: --capability ledger-posting: no pack knows it/)]);
    // A script reading --json alone gets the same warnings (TRIAL3 U41).
    const json = await cli(["plan", "--name", "Post ledger entry", "--capability", "ledger-posting", "--dest", dest, "--format", "never", "--json", "--dry-run"]);
    expect((JSON.parse(String(json.stdout)) as { warnings: string[] }).warnings).toEqual([expect.stringMatching(/^--capability ledger-posting: no pack knows it/)]);
  });

  it("a team pack's own capability is known, and a typo of it is named", async () => {
    const dest = await tempDir();
    await mkdir(path.join(dest, ".mjoplan/packs"), { recursive: true });
    await writeFile(path.join(dest, ".mjoplan/packs/ledger.yaml"), 'name: ledger\ndescription: Postings\nwhen: { capability: ledger-posting }\nrequirements:\n  - { kind: nfr, text: "Every posting balances" }\n');
    const known = await cli(["plan", "--name", "Post ledger entry", "--capability", "ledger-posting", "--dest", dest, "--dry-run"]);
    expect(String(known.stderr)).toBe("");
    expect(known.exitCode).toBe(0);
    const typo = await cli(["plan", "--name", "Post ledger entry", "--capability", "ledger-postin", "--dest", dest, "--dry-run"]);
    expect(typo.exitCode).toBe(2);
    expect(lines(typo.stderr)).toEqual([expect.stringContaining('did you mean "ledger-posting"?')]);
  });
});

describe("a rule one typo off a known one", () => {
  it("names the rule meant, before the list", async () => {
    const run = await cli(["plan", "--name", "Book room", "--value-object", "BookingId:uid", "--dry-run", "--dest", await tempDir()]);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^mjoplan: --value-object BookingId:uid: unknown rule "uid"; did you mean "BookingId:uuid"\? \(expected one of string, /)]);
  });
});

describe("a flag or a command one typo off", () => {
  it.each([
    [["plan", "--name", "x", "--capabilty", "sends-message"], "mjoplan: --capabilty: unknown flag; did you mean --capability? (see --help)"],
    [["plan", "--name", "x", "--dryrun"], "mjoplan: --dryrun: unknown flag; did you mean --dry-run? (see --help)"],
    [["value-object", "--usecase", "x"], "mjoplan: --usecase: unknown flag; did you mean --use-case? (see --help)"],
    // plan's --name, typed to a grow command: far from --use-case in letters, the same answer (TRIAL6 U13).
    [["value-object", "--name", "Cancel my subscription", "--value-object", "Reason:string(1..200)"], "mjoplan: --name: unknown flag; did you mean --use-case? (see --help)"],
    [["event", "--name", "Cancel my subscription", "--event", "SubscriptionCancelled:subscriptionId"], "mjoplan: --name: unknown flag; did you mean --use-case? (see --help)"],
    [["test", "--name", "Cancel my subscription", "--kind", "security"], "mjoplan: --name: unknown flag; did you mean --use-case? (see --help)"],
  ])("%j names the flag meant (exit 2, one line)", async (argv, line) => {
    const run = await cli([...argv, "--dest", await tempDir()]);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([line]);
  });

  it.each([
    ["pln", "plan"],
    ["value-objects", "value-object"],
    ["chek", "check"],
  ])("%s names the command %s, then the list", async (typo, meant) => {
    const run = await cli([typo]);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(new RegExp(`^mjoplan: "${typo}": unknown command; did you mean "${meant}"\\? \\(expected one of plan, value-object, event, test, .*\\)$`))]);
  });

  it("a name near no command gets the list alone", async () => {
    const run = await cli(["frobnicate"]);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^mjoplan: "frobnicate": unknown command \(expected one of plan, /)]);
  });
});

describe("an answers file's keys and values", () => {
  const answers = async (content: unknown): Promise<string[]> => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "a1.json"), JSON.stringify(content));
    const run = await cli(["plan", "--answers", "a1.json", "--dest", "out"], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect((await readTree(dir)).size).toBe(1);
    return lines(run.stderr);
  };

  it("a value is quoted as the file has it", async () => {
    expect(await answers([{ name: "A one" }, { name: "B two", method: "FETCH" }])).toEqual([expect.stringMatching(/^mjoplan: a1\.json\[1\]\.method: unknown value "FETCH"[;( ]/)]);
  });

  it("a key or a value one typo off names the one meant", async () => {
    expect(await answers([{ name: "A one" }, { nme: "B two" }])).toEqual([expect.stringMatching(/^mjoplan: a1\.json\[1\]\.nme: unknown key; did you mean "name"\? \(expected one of name, /)]);
    expect(await answers({ name: "A one", tests: "security,domian" })).toEqual([expect.stringMatching(/^mjoplan: a1\.json\.tests: unknown value "domian"; did you mean "domain"\? \(expected one of /)]);
  });

  it("a config key one typo off, likewise", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "mjoplan.config.json"), JSON.stringify({ testRuner: "vitest" }));
    const run = await cli(["plan", "--name", "A one", "--dest", dir, "--dry-run"]);
    expect(run.exitCode).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/mjoplan\.config\.json\.testRuner: unknown key; did you mean "testRunner"\? /)]);
  });
});

describe("a sibling command's flag for the same answer", () => {
  // plan spells its test kinds --tests; the test grow's own flag is --kind, and --tests there pointed at --dest (TRIAL4 V10).
  it("test --tests is taken as --kind", async () => {
    const dest = await tempDir();
    expect((await cli(["plan", "--name", "Rename room", "--tests", "domain", "--dest", dest, "--format", "never"])).exitCode).toBe(0);
    const grow = await cli(["test", "--use-case", "Rename room", "--tests", "security", "--dest", dest, "--format", "never"]);
    expect(grow.stderr).toBe("");
    expect(grow.exitCode).toBe(0);
    expect([...(await readTree(dest)).keys()].filter((f) => f.includes(".security."))).toHaveLength(1);
  });
});
