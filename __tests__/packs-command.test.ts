/**
 * `mjoplan packs`: the packs a plan can gain items from, built-in and the team's,
 * with their conditions; with answers, which apply and why.
 */
import { describe, expect, it } from "@jest/globals";
import { packsCommand } from "../lib/cli/packs-command.js";
import type { Terminal } from "../lib/cli/main.js";
import { configVocabularyOf, defineGenerator } from "../lib/generator.js";
import { builtInPacks } from "../lib/packs/built-in.js";
import { flag, list, text } from "../lib/schema/fields.js";
import { cli, repoWith } from "./support/project.js";

const PAYMENTS = `name: payments
description: Money moves - signed callbacks, integer amounts
when: { capability: payment }
threats:
  - category: Tampering
    element: Payment provider callback
    threat: A forged callback marks an unpaid order as paid
    mitigation: Verify the provider's signature and the amount; idempotent by event id
    tests: [{ kind: security, title: refuses a callback with a bad signature }]
`;

const repo = (files: Record<string, string>): Promise<string> => repoWith(files, "mjoplan-packs-cmd-");

describe("mjoplan packs", () => {
  it("lists every built-in and team pack with its condition and what it adds", async () => {
    const dir = await repo({ ".mjoplan/packs/payments.yaml": PAYMENTS, "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-erasure"] }) });
    const run = await cli(["packs"], { cwd: dir });
    expect(run.exitCode).toBe(0);
    const lines = String(run.stdout).split("\n");
    expect(lines[0]).toMatch(/^pack\s+from\s+applies when\s+adds$/);
    expect(lines).toContainEqual(expect.stringMatching(/^capability-secret-link\s+built-in\s+capability secret-link(?:; [a-zA-Z ,;]+?)?\s+1 requirement, 1 test, 3 telemetry fields, 2 questions/));
    // Each end of a secret link has its own pack: the one that issues it and the one that redeems it.
    expect(lines).toContainEqual(expect.stringMatching(/^capability-secret-link-issue\s+built-in\s+capability secret-link-issue(?:; [a-zA-Z ,;]+?)?\s+3 requirements, 3 threats, 3 tests/));
    expect(lines).toContainEqual(expect.stringMatching(/^capability-secret-link-redeem\s+built-in\s+capability secret-link-redeem(?:; [a-zA-Z ,;]+?)?\s+\d+ requirements, \d+ threats, \d+ abuse cases, \d+ tests/));
    expect(lines).toContainEqual(expect.stringMatching(/^payments\s+team\s+capability payment\s+1 threat, 1 test$/));
    expect(lines).toContainEqual(expect.stringMatching(/^capability-erasure\s+built-in, switched off\s+capability erasure/));
    expect(String(run.stdout)).toContain(`${builtInPacks().length + 1} pack(s): ${builtInPacks().length} built-in, 1 from .mjoplan/packs, 1 switched off by mjoplan.config.json.`);
  });

  it("--json gives the same list for tools", async () => {
    const dir = await repo({ ".mjoplan/packs/payments.yaml": PAYMENTS });
    const run = await cli(["packs", "--json"], { cwd: dir });
    const json = JSON.parse(String(run.stdout)) as { teamFolder: string; packs: { name: string; source: string; file: string; when: string; contributes: Record<string, number> }[] };
    expect(json.teamFolder).toBe(".mjoplan/packs");
    expect(json.packs.find((p) => p.name === "payments")).toEqual({ name: "payments", source: "team", file: ".mjoplan/packs/payments.yaml", description: "Money moves - signed callbacks, integer amounts", when: "capability payment", disabled: false, replacesBuiltIn: false, contributes: { threats: 1, tests: 1 } });
    expect(json.packs.find((p) => p.name === "capability-pagination")).toMatchObject({ source: "built-in", file: "packs/capability-pagination.yaml", when: "capability pagination" });
  });

  it("takes the plan's flags, as --help shows", async () => {
    const run = await cli(["packs", "--help"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Usage: mjoplan packs/);
    expect(run.stdout).toMatch(/--answers <file>/);
    expect(run.stdout).toMatch(/--method </);
  });

  it("explains a plan's packs from the plan's own flags, with the facts the plan uses", async () => {
    const run = await cli(["packs", "--name", "List recordings", "--method", "GET", "--route", "/api/recordings", "--capability", "pagination"]);
    expect(run.exitCode).toBe(0);
    const out = String(run.stdout);
    expect(out).toMatch(/^List recordings: \d+ of \d+ pack\(s\) apply/);
    expect(out).toMatch(/^  applies  capability-pagination\s+capability pagination$/m);
    // A GET that hands out a feed URL creates it on the first call: flow-query is the GET that hands out none (TRIAL17C C7).
    expect(out).toMatch(/^  applies  flow-query\s+flow query; no feed URL is handed out by a GET$/m);
    expect(out).toMatch(/^  not      capability-secret-link\s+needs capability secret-link \(has pagination\)$/m);
    expect(out).toMatch(/^  not      flow-create\s+needs flow create \(has query\)$/m);
  });

  it("refuses contradictory flags as plan does", async () => {
    const run = await cli(["packs", "--method", "GET", "--async"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^mjoplan: --async: a GET reads and answers/);
  });

  it("refuses a broken team pack with exit 2, its file, line and key path", async () => {
    const dir = await repo({ ".mjoplan/packs/payments.yaml": PAYMENTS.replace("when: { capability: payment }", "when: { capabilty: payment }") });
    const run = await cli(["packs"], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^mjoplan: \.mjoplan\/packs\/payments\.yaml:3: when\.capabilty: unknown key \(expected one of flow, method/);
  });
});

describe("mjoplan packs with answers", () => {
  /** A generator whose facts are its flags: what the command does with facts, apart from how the plan derives them. */
  const generator = defineGenerator({
    name: "toy",
    description: "",
    schema: {
      name: text({ flag: "name", description: "Name", required: true }),
      capability: list({ flag: "capability", description: "Capabilities", parseItem: (raw) => String(raw) }),
      anonymous: flag({ flag: "anonymous", description: "Anonymous caller" }),
    },
    label: (input) => input.name,
    build: () => [],
    packFacts: (input) => ({
      flow: "query",
      method: "GET",
      async: false,
      auth: input.anonymous ? "anonymous" : "authenticated",
      resource: false,
      enumeration: false,
      capabilities: input.capability,
      pii: false,
      audit: false,
      scheduledCommand: false,
      events: false,
      self: false,
      inputs: false,
      values: {},
    }),
  });

  async function run(argv: string[], cwd: string): Promise<string> {
    let out = "";
    const term: Terminal = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, stdinIsTTY: false, cwd };
    expect(await packsCommand(argv, term, generator, configVocabularyOf({ [generator.name]: generator }))).toBe(0);
    return out;
  }

  it("says which packs apply and which do not, and why", async () => {
    const dir = await repo({ ".mjoplan/packs/payments.yaml": PAYMENTS });
    const out = await run(["--name", "Pay invoice", "--capability", "payment", "--capability", "secret-link"], dir);
    expect(out).toMatch(/^Pay invoice: \d+ of \d+ pack\(s\) apply/); // the toy's facts also meet core, flow and access packs
    expect(out).toMatch(/applies\s+capability-secret-link\s+capability secret-link(?:; [a-zA-Z ,;]+?)?\n/);
    expect(out).toMatch(/applies\s+payments\s+capability payment\n/);
    expect(out).toMatch(/not\s+capability-erasure\s+needs capability erasure \(has payment, secret-link\)\n/);
  });

  it("reads an answers file, a batch too, and gives the verdicts as JSON", async () => {
    const dir = await repo({ "answers.json": JSON.stringify([{ name: "Join by link", capability: ["secret-link"] }, { name: "List meetings" }]) });
    const json = JSON.parse(await run(["--answers", "answers.json", "--json"], dir)) as { useCases: { useCase: string; facts: { capabilities: string[] }; packs: { name: string; applies: boolean; reasons: string[]; unmet: string[] }[] }[] };
    expect(json.useCases.map((u) => u.useCase)).toEqual(["Join by link (answers.json[0])", "List meetings (answers.json[1])"]);
    expect(json.useCases[0]!.packs.find((p) => p.name === "capability-secret-link")).toMatchObject({ name: "capability-secret-link", applies: true, reasons: expect.arrayContaining(["capability secret-link"]), unmet: [] });
    expect(json.useCases[1]!.packs.filter((p) => p.applies && p.name.startsWith("capability-"))).toEqual([]);
    expect(json.useCases[1]!.facts.capabilities).toEqual([]);
  });

  it("lists switched-off packs apart, never as applying", async () => {
    const dir = await repo({ "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-secret-link"] }) });
    const out = await run(["--name", "Join", "--capability", "secret-link"], dir);
    expect(out).not.toMatch(/applies\s+capability-secret-link\s/);
    expect(out).toMatch(/off\s+capability-secret-link \(switched off in the config\)/);
  });
});
