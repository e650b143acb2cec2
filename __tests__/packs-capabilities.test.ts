/**
 * The built-in capability packs carry what a reviewer of that kind of feature asks
 * for (MODEL.md section 3's table), apply exactly when the use-case has the
 * capability, and their knowledge appears in no pack that applies without it.
 */
import { describe, expect, it } from "@jest/globals";
import { builtInPacks } from "../lib/packs/built-in.js";
import { matchWhen } from "../lib/packs/match.js";
import type { LoadedPack, PackFacts } from "../lib/packs/pack.js";

const CAPABILITIES = ["sends-message", "secret-link", "file-download", "file-upload", "erasure", "pagination", "external-call"] as const;
type Capability = (typeof CAPABILITIES)[number];

/** Dissimilar use-cases without any capability: a pack for one must fire on all of them once it is added. */
const BASES: PackFacts[] = [
  { flow: "query", method: "GET", async: false, auth: "authenticated", resource: false, enumeration: false, capabilities: [], pii: false, audit: false, scheduledCommand: false, events: false, self: true, inputs: true, values: {} },
  { flow: "create", method: "POST", async: false, auth: "anonymous", resource: false, enumeration: true, capabilities: [], pii: true, audit: false, scheduledCommand: true, events: true, self: false, inputs: true, values: {} },
  { flow: "change", method: "PATCH", async: false, auth: "roles", resource: true, relation: "host", enumeration: false, capabilities: [], pii: false, audit: true, scheduledCommand: false, events: true, self: false, inputs: true, values: {} },
  { flow: "async", method: "POST", async: true, auth: "authenticated", resource: true, relation: "owner", enumeration: false, capabilities: [], pii: true, audit: true, scheduledCommand: true, events: true, self: false, inputs: true, values: {} },
  { flow: "delete", method: "DELETE", async: false, auth: "authenticated", resource: false, enumeration: false, capabilities: [], pii: true, audit: true, scheduledCommand: true, events: true, self: true, inputs: true, values: {} },
];

const packOf = (capability: Capability): LoadedPack => {
  const pack = builtInPacks().find((p) => p.name === `capability-${capability}`);
  if (!pack) throw new Error(`no built-in pack capability-${capability}`);
  return pack;
};

/**
 * What a pack states about the use-case, as one text to search. Its open questions aside: a
 * question may rightly ask whether a capability is missing ("is a page size cap needed?").
 */
const textOf = (p: LoadedPack): string => JSON.stringify({ ...p, when: undefined, name: undefined, file: undefined, description: undefined, questions: undefined });
const threats = (p: LoadedPack): string => JSON.stringify(p.threats);
const tests = (p: LoadedPack): string => [...(p.tests ?? []), ...(p.threats ?? []).flatMap((t) => t.tests ?? []), ...(p.requirements ?? []).flatMap((r) => r.tests ?? [])].map((t) => (typeof t === "string" ? "" : t.title)).join("\n");
const alerts = (p: LoadedPack): string => (p.monitoring ?? []).filter((m) => m.kind === "alert").map((m) => m.text).join("\n");
const requirements = (p: LoadedPack): string => (p.requirements ?? []).map((r) => r.text).join("\n");

/** MODEL.md's table, each item where a reviewer looks for it: a requirement or threat, a test that proves it, an alert that watches it. */
const EXPECTED: Record<Capability, { requirements: RegExp[]; threats: RegExp[]; tests: RegExp[]; alerts: RegExp[] }> = {
  "sends-message": {
    requirements: [/per recipient/, /budget/, /escaped/],
    threats: [/bombing/, /SMS bill|toll fraud/, /injects HTML/],
    tests: [/past \{recipientCapPerHour\} requests within an hour for the same recipient/, /budget spent/, /HTML-escaped/, /CR LF/],
    alerts: [/budget at 80%/i, /bounce rate/i, /cap more than 3 times/i],
  },
  "secret-link": {
    requirements: [/128 bits from a CSPRNG/, /SHA-256 hash/, /expires/, /revoked/, /constant-time/, /Referrer-Policy: no-referrer/],
    threats: [/guesses or enumerates tokens/, /dump or backup/, /Referer/, /timing/],
    tests: [/at least 16 random bytes/, /after its expiry is refused with the same 404/, /revoked (?:link|\{secret\}) is refused/, /timingSafeEqual/, /Referrer-Policy: no-referrer/, /then 429/],
    alerts: [/link guessing|guessing of the (?:link|\{secret\})/i],
  },
  "file-download": {
    requirements: [/short-lived, single-use signed URL/, /streamed/, /audit trail/],
    threats: [/exfiltration/, /object key/, /bucket/],
    tests: [/after its expiry is refused/, /used a second time is refused with 410/, /memory growth/, /audit record/],
    alerts: [/exfiltration/i],
  },
  "file-upload": {
    // The type check reads the content: magic bytes, or for text that it parses ({uploadTypeCheck}, TRIAL4 V20).
    requirements: [/limited in size/, /magic bytes|decided by the file's content|\{uploadTypeCheck\}/, /scanned for malware/, /outside the web root/],
    threats: [/HTML, SVG with script/, /\.\.\/\.\.\//, /decompression bombs/, /malware/],
    tests: [/one byte over the size limit .* 413/, /\{uploadDisguise\} sent as the first accepted type .* 415/, /EICAR/, /generated id/],
    alerts: [/malware detection/i],
  },
  erasure: {
    requirements: [/fresh authentication/, /cancellation window/, /every store/, /Backups/, /retention/, /audit trail proves the erasure/],
    threats: [/stolen or unattended session/, /survives in a search index/, /cannot prove an erasure/],
    tests: [/older than \{stepUpWindow\} is refused with 403/, /cancelling within the window/, /found in none of the stores/, /restoring a backup/, /contain none of the erased personal data/],
    alerts: [/purge not completed/i],
  },
  pagination: {
    requirements: [/signed \(HMAC\) or encrypted/, /maximum/, /stable, unique key/],
    threats: [/edits a cursor/, /pageSize=1000000/],
    tests: [/one character changed is refused with 400/, /maximum plus one is refused with 400/, /exactly once/, /"20" from the query string/],
    alerts: [/invalid cursors/i, /scraping/i],
  },
  "external-call": {
    requirements: [/total timeout/, /exponential backoff and jitter/, /circuit breaker/, /allow-list of hosts/, /secret store/],
    threats: [/SSRF/, /slow or failing external system/, /API keys leak/],
    tests: [/after the total timeout/, /retries with increasing delays/, /breaker opens/, /169\.254\.169\.254/, /no API key/],
    alerts: [/circuit breaker open/i, /SSRF guard/i],
  },
};

describe.each(CAPABILITIES)("the %s pack", (capability) => {
  const pack = packOf(capability);

  it("applies to every kind of use-case with the capability, and to none without it", () => {
    for (const base of BASES) {
      // The capability is what makes it apply; a link's pack also names that its secret is a link (not a code a person types, not an API key).
      const matched = matchWhen(pack.when, { ...base, capabilities: [capability] });
      expect(matched).toMatchObject({ applies: true, unmet: [] });
      expect(matched.reasons[0]).toBe(`capability ${capability}`);
      expect(matchWhen(pack.when, base).applies).toBe(false);
      const others = CAPABILITIES.filter((c) => c !== capability);
      expect(matchWhen(pack.when, { ...base, capabilities: others }).applies).toBe(false);
    }
  });

  // The pack and its companions (capability-secret-link-issue, -redeem; capability-erasure-delete, ...), which
  // carry what differs between the kinds of use-case with the capability (issuing a link or redeeming it).
  const family = builtInPacks().filter((p) => p.name === pack.name || p.name.startsWith(`${pack.name}-`));
  const all = (field: "requirements" | "threats" | "abuseCases" | "tests" | "telemetry" | "monitoring" | "questions" | "checklist"): unknown[] => family.flatMap((p) => p[field] ?? []);

  it("brings what MODEL.md's table lists, each where a reviewer looks for it, in the pack or its companions", () => {
    const e = EXPECTED[capability];
    for (const re of e.requirements) expect(family.map(requirements).join("\n")).toMatch(re);
    for (const re of e.threats) expect(family.map(threats).join("\n")).toMatch(re);
    for (const re of e.tests) expect(family.map(tests).join("\n")).toMatch(re);
    for (const re of e.alerts) expect(family.map(alerts).join("\n")).toMatch(re);
  });

  it("has every kind of content a pack can bring, in the pack or its companions", () => {
    for (const field of ["requirements", "threats", "abuseCases", "tests", "telemetry", "monitoring", "questions", "checklist"] as const) expect(all(field).length).toBeGreaterThan(0);
    // Sending a message adds no status on purpose: a capped or refused send answers as usual, so nobody learns it was capped.
    // Statuses may come from companion packs (capability-file-download-direct, -result) that say whose answer they are.
    if (capability !== "sends-message") expect(family.reduce((n, p) => n + (p.statuses ?? []).length + (p.errors ?? []).length, 0)).toBeGreaterThan(0);
    else expect([...(pack.statuses ?? []), ...(pack.errors ?? [])]).toEqual([]);
  });

  it("names a test for every requirement it makes testable and states each threat's STRIDE category", () => {
    const titles = (pack.tests ?? []).map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length);
    // A threat without a test is allowed only where no test of this use-case could prove the mitigation.
    expect((pack.threats ?? []).filter((t) => t.tests?.length).length).toBeGreaterThanOrEqual(Math.ceil((pack.threats ?? []).length * 0.6));
    // Every test is used by a requirement or threat, so it traces to something.
    const referenced = new Set([...(pack.requirements ?? []), ...(pack.threats ?? [])].flatMap((x) => x.tests ?? []).map((t) => (typeof t === "string" ? t : t.key)));
    expect((pack.tests ?? []).filter((t) => !referenced.has(t.key))).toEqual([]);
  });
});

describe("capability knowledge stays with its capability", () => {
  /** Words that belong to one capability: no pack that can apply without it may use them. */
  const OWN: [Capability, RegExp, string[]?, string[]?][] = [
    // An inbound e-mail a provider posts (inboundMail) is mail, and its attachments are scanned for malware, without
    // either capability: the fourth entry names such `when` facts, true in every pack allowed the words. A mailing
    // list's unsubscribe link (unsubscribeLink) is about the mail the list sends, whichever use-case sends it (TRIAL18B E5).
    ["sends-message", /\b(mail|e-mail|SMS|inbox|message bombing)\b/i, [], ["inboundMail", "unsubscribeLink"]],
    // An OAuth callback's code is a secret in a URL too: kept out of the Referer header the same way.
    ["secret-link", /Referrer-Policy|CSPRNG/, ["oauth-callback"]],
    ["file-download", /exfiltration|signed URL/i],
    ["file-upload", /malware|magic bytes|EICAR/i, [], ["inboundMail"]],
    // Granting the highest role asks for a recent sign-in too (step-up), as an erasure does.
    ["erasure", /cancellation window|step-up/i, ["privilege-change"]],
    ["pagination", /\bcursors?\b|page size/i],
    // A document renderer (rendersDocument) fetches what a field's markup names: SSRF without the capability (TRIAL17B B15).
    ["external-call", /\bSSRF\b|circuit breaker/i, [], ["rendersDocument"]],
  ];

  it.each(OWN)("%s words appear only in packs that need it", (capability, words, sharedWith = [], facts = []) => {
    // A capability's variants (secret-link-issue, secret-link-redeem) are that capability.
    const needs = (p: LoadedPack): boolean =>
      ([p.when?.capability ?? []].flat().length > 0 && [p.when?.capability ?? []].flat().every((c) => c === capability || c.startsWith(`${capability}-`) || sharedWith.includes(c))) ||
      facts.some((fact) => (p.when as Record<string, unknown> | undefined)?.[fact] === true);
    const offenders = builtInPacks().filter((p) => !needs(p) && words.test(textOf(p)));
    expect(offenders.map((p) => `${p.name}: ${textOf(p).match(words)?.[0]}`)).toEqual([]);
  });
});
