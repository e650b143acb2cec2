/**
 * A team's packs: read from the config's pack folder, merged with the built-in
 * ones, switched off by name or a name's beginning (a trailing *), and a broken one refused before anything is written.
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { generators } from "../generators/index.js";
import { loadConfig } from "../lib/config/load-config.js";
import { configVocabularyOf } from "../lib/generator.js";
import { builtInPacks } from "../lib/packs/built-in.js";
import { knownCapabilities, packSetOf } from "../lib/packs/team.js";
import { buildContext } from "../lib/run/build-context.js";
import { cli, readTree, repoWith } from "./support/project.js";

const VOCABULARY = configVocabularyOf(generators);

const PAYMENTS = `name: payments
when: { capability: payment }
threats:
  - category: Tampering
    element: Payment provider callback
    threat: A forged callback marks an unpaid order as paid
    mitigation: Verify the provider's signature and the amount; idempotent by event id
    tests: [{ kind: security, title: refuses a callback with a bad signature }]
`;

const repo = (files: Record<string, string>): Promise<string> => repoWith(files, "mjoplan-team-packs-");

describe("the packs of a run", () => {
  it("are the built-in ones, then the team's from .mjoplan/packs", async () => {
    const dir = await repo({ ".mjoplan/packs/payments.yaml": PAYMENTS });
    const set = packSetOf(loadConfig(dir, VOCABULARY), dir);
    expect(set.active.map((p) => p.name)).toEqual([...builtInPacks().map((p) => p.name), "payments"]);
    expect(set.active.at(-1)).toMatchObject({ source: "team", file: "payments.yaml" });
    expect(set.teamFolder).toBe(".mjoplan/packs");
    expect(knownCapabilities(set.active)).toContain("payment");
    expect(knownCapabilities(set.active)).toContain("secret-link");
  });

  it("reach the generators through the build context", async () => {
    const dir = await repo({ ".mjoplan/packs/payments.yaml": PAYMENTS });
    expect(buildContext(loadConfig(dir, VOCABULARY), dir).packs?.map((p) => p.name)).toContain("payments");
  });

  it("come from the folder the config names, relative to the config", async () => {
    const dir = await repo({ "mjoplan.config.json": JSON.stringify({ packs: "tools/packs" }), "tools/packs/payments.json": JSON.stringify({ name: "payments" }), ".mjoplan/packs/ignored.yaml": "name: ignored\n" });
    const names = packSetOf(loadConfig(path.join(dir), VOCABULARY), dir).active.map((p) => p.name);
    expect(names).toContain("payments");
    expect(names).not.toContain("ignored");
  });

  it("leave out what the config switches off, and refuse a name no pack has", async () => {
    const dir = await repo({ "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-secret-link"] }) });
    const set = packSetOf(loadConfig(dir, VOCABULARY), dir);
    expect(set.active.map((p) => p.name)).not.toContain("capability-secret-link");
    expect(set.disabled.map((p) => p.name)).toEqual(["capability-secret-link"]);
    const typo = await repo({ "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-secret-links"] }) });
    expect(() => packSetOf(loadConfig(typo, VOCABULARY), typo)).toThrow(/mjoplan\.config\.json\.disablePacks\[0\]: no pack is named "capability-secret-links"/);
  });

  it("switch off by a trailing-* pattern every pack whose name begins with it, and refuse one that matches none", async () => {
    const dir = await repo({ ".mjoplan/packs/payments.yaml": PAYMENTS, "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-secret-link-redeem*", "pay*"] }) });
    const set = packSetOf(loadConfig(dir, VOCABULARY), dir);
    const matching = builtInPacks().map((p) => p.name).filter((n) => n.startsWith("capability-secret-link-redeem"));
    // More than the one named alike, so the test fails if the * were read as a name.
    expect(matching.length).toBeGreaterThan(1);
    expect(set.disabled.map((p) => p.name).sort()).toEqual([...matching, "payments"].sort());
    expect(set.active.map((p) => p.name)).toEqual(expect.arrayContaining(["capability-secret-link", "capability-secret-link-issue"]));
    const none = await repo({ "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-secret-link", "capability-secret-lynx-*"] }) });
    expect(() => packSetOf(loadConfig(none, VOCABULARY), none)).toThrow(/mjoplan\.config\.json\.disablePacks\[1\]: no pack's name begins with "capability-secret-lynx-"/);
  });

  it("let a team pack replace the built-in pack of its name", async () => {
    const dir = await repo({ ".mjoplan/packs/link.yaml": "name: capability-secret-link\nwhen: { capability: secret-link }\nquestions: [Our own question]\n" });
    const set = packSetOf(loadConfig(dir, VOCABULARY), dir);
    const mine = set.active.filter((p) => p.name === "capability-secret-link");
    expect(mine).toEqual([expect.objectContaining({ source: "team", questions: ["Our own question"] })]);
    expect(set.replaced.map((p) => p.name)).toEqual(["capability-secret-link"]);
  });
});

describe("a broken team pack", () => {
  it("stops a plan run with exit 2, its file, line and key path, and nothing written", async () => {
    const dir = await repo({ ".mjoplan/packs/payments.yaml": PAYMENTS.replace("Tampering", "Tampring") });
    const run = await cli(["plan", "--name", "Book room", "--dest", dir]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^mjoplan: \S*\.mjoplan\/packs\/payments\.yaml:4: threats\[0\]\.category: must be one of Spoofing, Tampering/);
    expect(String(run.stderr).trim().split("\n")).toHaveLength(1);
    expect([...(await readTree(dir)).keys()]).toEqual([".mjoplan/packs/payments.yaml"]);
  });

  it("a disablePacks pattern that matches no pack: exit 2, one line naming disablePacks[i], nothing written", async () => {
    const dir = await repo({ "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-sends-message-*", "capability-sends-mesage-*"] }) });
    const run = await cli(["plan", "--name", "Book room", "--dest", dir]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([expect.stringMatching(/^mjoplan: \S*mjoplan\.config\.json\.disablePacks\[1\]: no pack's name begins with "capability-sends-mesage-" \(mjoplan packs lists them\)$/)]);
    expect([...(await readTree(dir)).keys()]).toEqual(["mjoplan.config.json"]);
  });

  it("a * inside a disablePacks name is refused as such, not as an unknown pack", async () => {
    const dir = await repo({ "mjoplan.config.json": JSON.stringify({ disablePacks: ["capability-*-message"] }) });
    const run = await cli(["plan", "--name", "Book room", "--dest", dir]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/mjoplan\.config\.json\.disablePacks\[0\]: a pack name, or one ending in \* .*a \* is allowed only at the end/);
    expect([...(await readTree(dir)).keys()]).toEqual(["mjoplan.config.json"]);
  });

  it("a test named as another pack's (pack/key) that no pack has: exit 2, the file and key path, nothing written", async () => {
    const pack = "name: link-audit\nwhen: { capability: secret-link-issue }\nthreats:\n  - { category: Repudiation, element: Links, threat: A link is issued unseen, mitigation: Audit it, tests: [capability-secret-link-issue/issued-hashed-tests] }\n";
    const dir = await repo({ ".mjoplan/packs/link-audit.yaml": pack });
    const run = await cli(["plan", "--name", "Book room", "--dest", dir]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([expect.stringMatching(/^mjoplan: \S*\.mjoplan\/packs\/link-audit\.yaml: threats\[0\]\.tests\[0\]: pack capability-secret-link-issue has no test with the key "issued-hashed-tests"/)]);
    expect([...(await readTree(dir)).keys()]).toEqual([".mjoplan/packs/link-audit.yaml"]);
    // The key there is: the team's threat is proven by the built-in test, under its one ID.
    const good = await repo({ ".mjoplan/packs/link-audit.yaml": pack.replace("issued-hashed-tests", "issued-hashed-test") });
    const plan = await cli(["plan", "--name", "Share report", "--route", "/api/reports/:reportId/share-links", "--resource", "Report", "--capability", "secret-link-issue", "--dest", good, "--date", "2026-01-01"]);
    expect(plan.exitCode).toBe(0);
    const text = (await readTree(good)).get("docs/features/api/ShareReport/ShareReport-plan.md")!;
    const threat = /\| (T-\d+) \| Repudiation \| Links \| A link is issued unseen \| Audit it \| (INT-\d+) \|/.exec(text);
    expect(threat).not.toBeNull();
    expect(text).toMatch(new RegExp(`\\| ${threat![2]} \\| integration \\| issuing saves the link with its token's SHA-256 hash[^\\n]*\\b${threat![1]}\\b`));
  });

  it("a team pack replacing one whose test a built-in pack cites keeps that test, or the run stops with exit 2 saying so", async () => {
    const mine = "name: capability-secret-link-issue\nwhen: { capability: secret-link-issue }\nquestions: [Our own question]\n";
    const dir = await repo({ ".mjoplan/packs/link.yaml": mine });
    const run = await cli(["plan", "--name", "Share report", "--route", "/api/reports/:reportId/share-links", "--resource", "Report", "--capability", "secret-link-issue", "--dest", dir]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toMatch(/packs\/capability-secret-link-issue-shared\.yaml: threats\[0\]\.tests\[0\]: pack capability-secret-link-issue has no test with the key "issued-hashed-test" \(known: none\); the team's capability-secret-link-issue replaces the built-in one, so it needs that test too/);
    expect([...(await readTree(dir)).keys()]).toEqual([".mjoplan/packs/link.yaml"]);
  });

  it("a bad config key for packs is named like every config problem", async () => {
    const dir = await repo({ "mjoplan.config.json": JSON.stringify({ packs: "../elsewhere", disablePacks: "capability-secret-link" }) });
    const run = await cli(["plan", "--name", "Book room", "--dest", dir]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/mjoplan\.config\.json\.packs: "\.\.\/elsewhere" leads out of the repository/);
    expect(run.stderr).toMatch(/mjoplan\.config\.json\.disablePacks: must be a list of strings/);
  });
});
