/**
 * The rules engine on its own: which packs apply and in what order, stable IDs,
 * tests linked both ways, placeholders filled per output context, statuses merged,
 * and the reasons each pack applied. No generator involved.
 */
import { describe, expect, it } from "@jest/globals";
import { applyPacks, PlaceholderError } from "../lib/packs/engine.js";
import { pluralOf } from "../generators/plan/names.js";
import type { LoadedPack, PackFacts } from "../lib/packs/pack.js";

const facts: PackFacts = {
  flow: "query",
  method: "GET",
  async: false,
  auth: "anonymous",
  resource: true,
  enumeration: true,
  capabilities: ["secret-link"],
  pii: false,
  audit: false,
  scheduledCommand: false,
  events: false,
  self: false,
  inputs: true,
  values: { endpoint: "GET /api/invites/:code", enumeration: "invite code", resource: "Invite", rateLimitCount: "10", window: "1m" },
};

const pack = (p: Partial<LoadedPack> & { name: string }): LoadedPack => ({ source: "built-in", file: `${p.name}.yaml`, ...p });
const options = { kinds: ["security", "integration", "performance"] as const, escape: { text: (s: string) => s.replace(/\|/g, "\\|"), code: (s: string) => `\`${s}\`` } };

describe("applyPacks", () => {
  const packs = [
    pack({ name: "team-extra", source: "team", requirements: [{ kind: "nfr", text: "Team rule", tests: [{ kind: "security", title: "team test" }] }] }),
    pack({ name: "zeta", when: { flow: "create" }, requirements: [{ kind: "fr", text: "never" }] }),
    pack({
      name: "lookup",
      when: { resource: true, enumeration: true },
      requirements: [{ kind: "nfr", text: "Every miss of the {resource} by its {enumeration} looks the same at `{endpoint}`", tests: ["miss", "time"] }],
      threats: [{ category: "Information disclosure", element: "API", threat: "probing {enumeration}s", mitigation: "same answer", tests: ["time"] }],
      tests: [
        { key: "miss", kind: "security", title: "answers an unknown {enumeration} with 404 at `{endpoint}`" },
        { key: "time", kind: "security", title: "answers in the same time" },
        { key: "domain-only", kind: "domain", title: "not generated: domain is not a chosen kind" },
      ],
      statuses: [{ status: 404, when: "No such {resource}" }],
    }),
    pack({ name: "core", requirements: [{ kind: "nfr", text: "One error shape" }], tests: [{ kind: "performance", title: "stays fast" }], statuses: [{ status: 404, when: "Not found", headers: ["X-A"] }] }),
    pack({ name: "rate", when: { auth: "anonymous" }, requirements: [{ kind: "nfr", text: "{rateLimitCount} per {window}", tests: [{ kind: "security", title: "answers the same in the same time", key: "t" }] }] }),
  ];
  const out = applyPacks(facts, packs, { ...options, order: ["core", "rate", "lookup"] });

  it("applies the packs whose when holds, in the given order, built-in before team, with the facts that made them apply", () => {
    expect(out.applied.map((a) => [a.name, a.reasons])).toEqual([
      ["core", []],
      ["rate", ["auth anonymous"]],
      ["lookup", ["loads a resource", "enumeration"]],
      ["team-extra", []],
    ]);
  });

  it("numbers requirements, threats and tests in that order, and links them both ways", () => {
    expect(out.nonFunctional.map((r) => [r.id, r.text, r.tests])).toEqual([
      ["NFR-1", "One error shape", ["PERF-1"]],
      ["NFR-2", "10 per 1m", ["SEC-1"]],
      ["NFR-3", "Every miss of the Invite by its invite code looks the same at `GET /api/invites/:code`", ["SEC-2", "SEC-3"]],
      ["NFR-4", "Team rule", ["SEC-4"]],
    ]);
    expect(out.threats).toEqual([expect.objectContaining({ id: "T-1", threat: "probing invite codes", tests: ["SEC-3"] })]);
    expect(out.tests.map((t) => [t.id, t.title, t.covers])).toEqual([
      ["PERF-1", "stays fast", ["NFR-1"]],
      ["SEC-1", "answers the same in the same time", ["NFR-2"]],
      ["SEC-2", "answers an unknown invite code with 404 at `GET /api/invites/:code`", ["NFR-3"]],
      ["SEC-3", "answers in the same time", ["NFR-3", "T-1"]],
      ["SEC-4", "team test", ["NFR-4"]],
    ]);
    expect(out.functional).toEqual([]);
  });

  it("links a requirement to a test written under a threat of the same pack, by its key, whatever their order (USER20 U2)", () => {
    const cited = applyPacks(facts, [pack({ name: "payments", requirements: [{ kind: "fr", text: "Reconciled every night", tests: ["reconcile"] }], threats: [{ category: "Tampering", element: "Webhook", threat: "a forged event", mitigation: "signature", tests: [{ kind: "integration", key: "reconcile", title: "reconciles a payment with the provider report" }] }] })], options);
    expect(cited.functional.map((r) => [r.id, r.tests])).toEqual([["FR-1", ["INT-1"]]]);
    expect(cited.threats.map((t) => [t.id, t.tests])).toEqual([["T-1", ["INT-1"]]]);
    expect(cited.tests.map((t) => [t.id, t.covers])).toEqual([["INT-1", ["FR-1", "T-1"]]]);
  });

  it("merges statuses of the same code, and sorts them", () => {
    expect(out.statuses).toEqual([{ status: 404, when: "Not found; no such Invite", headers: ["X-A"], packs: ["core", "lookup"] }]);
  });

  it("fills a pack's settings in its texts, in words for seconds, a later pack's value over an earlier one's, and returns the values in force", () => {
    const stated = pack({
      name: "stated",
      settings: [
        { name: "stepUpWindow", value: 300, unit: "seconds" },
        { name: "recipientCap", value: 5, unit: "count" },
      ],
      requirements: [{ kind: "nfr", text: "within {stepUpWindow}, at most {recipientCap}" }],
    });
    expect(applyPacks(facts, [stated], options).functional.concat(applyPacks(facts, [stated], options).nonFunctional)[0]!.text).toBe("within 5 minutes, at most 5");
    const team = { ...pack({ name: "longer", settings: [{ name: "stepUpWindow", value: 86_400, unit: "seconds" }] }), source: "team" as const };
    const both = applyPacks(facts, [team, stated], options);
    expect(both.nonFunctional[0]!.text).toBe("within 1 day, at most 5");
    expect(both.settings).toEqual({ stepUpWindow: 86_400, recipientCap: 5 });
  });

  it("refuses a placeholder the use-case has no value for, naming the pack", () => {
    expect(() => applyPacks(facts, [pack({ name: "bad", requirements: [{ kind: "fr", text: "as {relation}" }] })], options)).toThrow(PlaceholderError);
    expect(() => applyPacks(facts, [pack({ name: "bad", requirements: [{ kind: "fr", text: "as {relation}" }] })], options)).toThrow(/pack bad \(bad\.yaml\): \{relation\}/);
  });

  it("leaves braces that name no fact, and the texts of literal packs, as written", () => {
    const literal = applyPacks(facts, [pack({ name: "mine", requirements: [{ kind: "fr", text: "{ id } and {resource}" }] })], { ...options, literal: () => true });
    expect(literal.functional[0]!.text).toBe("{ id } and {resource}");
    const filled = applyPacks(facts, [pack({ name: "mine", requirements: [{ kind: "fr", text: "{ id } and {resource}" }] })], options);
    expect(filled.functional[0]!.text).toBe("{ id } and Invite");
  });

  it("resolves a checklist link to the ID of the pack's requirement, threat or test, keeps an anchor, and drops a link to a test left out", () => {
    const linked = applyPacks(
      facts,
      [
        pack({
          name: "links",
          threats: [{ key: "guess", category: "Spoofing", element: "Link", threat: "guessing", mitigation: "entropy" }],
          tests: [{ key: "dom", kind: "domain", title: "left out" }],
          checklist: [
            { item: "Threat model completed", coveredBy: "guess" },
            { item: "Global exception handling", coveredBy: "#exception-mapping" },
            { item: "Domain logic unit tests", coveredBy: "dom" },
          ],
        }),
      ],
      options,
    );
    expect(linked.checklist).toEqual([
      { item: "Threat model completed", coveredBy: "T-1", pack: "links" },
      { item: "Global exception handling", coveredBy: "#exception-mapping", pack: "links" },
    ]);
  });
});

// A placeholder followed by "s" is its value's plural, made by the generator's word rules (LEFT19B: "waitlist entrys",
// "Categorys"); with none given, an "s" is added.
describe("a placeholder's plural", () => {
  const plural = (value: string): string =>
    applyPacks({ ...facts, values: { ...facts.values, resource: value } }, [pack({ name: "plural", requirements: [{ kind: "fr", text: "only the caller's own {resource}s are reachable" }] })], { ...options, plural: pluralOf }).functional[0]!.text;
  it("follows the word's ending", () => {
    expect(plural("Category")).toBe("only the caller's own Categories are reachable");
    expect(plural("waitlist entry")).toBe("only the caller's own waitlist entries are reachable");
    expect(plural("Address")).toBe("only the caller's own Addresses are reachable");
    expect(plural("Order")).toBe("only the caller's own Orders are reachable");
    expect(plural("Survey")).toBe("only the caller's own Surveys are reachable");
  });
  it("adds an s where no word rules are given", () => {
    expect(applyPacks({ ...facts, values: { ...facts.values, resource: "Category" } }, [pack({ name: "plural", requirements: [{ kind: "fr", text: "{resource}s" }] })], options).functional[0]!.text).toBe("Categorys");
  });
});
