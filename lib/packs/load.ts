/**
 * Reads pack files: YAML or JSON text to a validated LoadedPack. Every problem
 * names its file, line (YAML) and key path (`payments.yaml:7: threats[0].category:
 * must be one of Spoofing, ...`) and fails as bad input (exit 2). Beyond the
 * JSON Schema, a pack must be usable by the engine: its `{placeholder}`s are
 * facts the engine fills, a placeholder of an optional fact is guarded by `when`,
 * and the keys its items refer to exist.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type * as Yaml from "yaml";
import { InputError, InputErrors } from "../errors.js";
import { formatPath, validate, type SchemaProblem } from "./json-schema.js";
import { PACK_PLACEHOLDERS, PACK_PLACEHOLDER_PATTERN, type LoadedPack, type Pack, type PackPlaceholder, type PackTest, type PackWhen } from "./pack.js";
import { PACK_SCHEMA } from "./pack-schema.js";

/** A pack file larger than this is refused before parsing: packs are a page or two of text. */
export const MAX_PACK_BYTES = 512 * 1024;

export const PACK_FILE = /\.(ya?ml|json)$/i;

// The YAML parser loads only when a YAML pack is read: a run with no team packs parses none (the built-in ones are compiled to JSON).
const require = createRequire(import.meta.url);
const yaml = (): typeof Yaml => require("yaml") as typeof Yaml;

/**
 * Placeholders of facts a use-case may lack, and the `when` that guarantees the fact:
 * a pack naming `{resource}` must say `when: { resource: true }`, or its text would
 * be filled with nothing in plans without one.
 */
const GUARDS: Partial<Record<PackPlaceholder, { needs: string; holds: (w: PackWhen) => boolean }>> = {
  resource: { needs: "resource: true", holds: (w) => w.resource === true || (w.relation !== undefined && w.relation !== false) },
  // A resource with --auth roles and no --relation has no relation: the role grants access.
  item: { needs: "itemInResource: true", holds: (w) => w.itemInResource === true },
  itemAlsoChanges: { needs: "itemInResource: true", holds: (w) => w.itemInResource === true },
  importReader: { needs: "importsFile: true", holds: (w) => w.importsFile === true },
  importTooWide: { needs: "importsFile: true", holds: (w) => w.importsFile === true },
  importBomb: { needs: "importsFile: true", holds: (w) => w.importsFile === true },
  records: { needs: "bulkDelete: true or bulkChange: true", holds: (w) => w.bulkDelete === true || w.bulkChange === true || w.bulkStateChange === true },
  relation: { needs: "relation (true, or its names)", holds: (w) => w.relation !== undefined && w.relation !== false },
  aRelation: { needs: "relation (true, or its names)", holds: (w) => w.relation !== undefined && w.relation !== false },
  relationBasis: { needs: "relation (true, or its names)", holds: (w) => w.relation !== undefined && w.relation !== false },
  roles: { needs: "auth: roles", holds: (w) => [w.auth].flat().every((a) => a === "roles") && w.auth !== undefined },
  enumeration: { needs: "enumeration: true", holds: (w) => w.enumeration === true },
  command: { needs: "scheduledCommand: true", holds: (w) => w.scheduledCommand === true },
  // memberScope is also the member-of pack's (LEAD20 R1): either fact fills it.
  memberScope: { needs: "memberRole: true or memberOfScope: true", holds: (w) => w.memberRole === true || w.memberOfScope === true },
  scopeRole: { needs: "memberOfScope: true", holds: (w) => w.memberOfScope === true },
  scopeTie: { needs: "memberOfScope: true", holds: (w) => w.memberOfScope === true },
  readingTime: { needs: "reportsReading: true", holds: (w) => w.reportsReading === true },
  roleHolder: { needs: "memberRole: true", holds: (w) => w.memberRole === true },
  runAfterInput: { needs: "runAfterInput: true", holds: (w) => w.runAfterInput === true },
  child: { needs: "repeatKeepsOne: true", holds: (w) => w.repeatKeepsOne === true },
  impersonationLife: { needs: "capability: impersonation", holds: (w) => [w.capability ?? []].flat().length > 0 && [w.capability ?? []].flat().every((c) => c === "impersonation") },
  impersonationLimit: { needs: "capability: impersonation", holds: (w) => [w.capability ?? []].flat().length > 0 && [w.capability ?? []].flat().every((c) => c === "impersonation") },
  memberScopeRef: { needs: "memberRole: true", holds: (w) => w.memberRole === true },
  memberScopeTail: { needs: "memberRole: true", holds: (w) => w.memberRole === true },
  slugTakenError: { needs: "slugTakenAnswered: true", holds: (w) => w.slugTakenAnswered === true },
  providerIds: { needs: "providerIdInput: true", holds: (w) => w.providerIdInput === true },
  approvalThreshold: { needs: "statedSecondApproval: true", holds: (w) => w.statedSecondApproval === true },
  secondApprover: { needs: "statedSecondApproval: true", holds: (w) => w.statedSecondApproval === true },
  events: { needs: "events: true", holds: (w) => w.events === true },
  pii: { needs: "pii: true", holds: (w) => w.pii === true },
  signature: { needs: "signed: true", holds: (w) => w.signed === true },
  forgedDelivery: { needs: "signed: true", holds: (w) => w.signed === true },
  forgedEvent: { needs: "signed: true", holds: (w) => w.signed === true },
  outOfOrderExample: { needs: "signed: true", holds: (w) => w.signed === true },
  signatureRefusal: { needs: "signed: true", holds: (w) => w.signed === true },
  redirect: { needs: "redirectInput: true", holds: (w) => w.redirectInput === true },
  ticket: { needs: "ticketInput: true", holds: (w) => w.ticketInput === true },
  claimed: { needs: "claimsByKey: true", holds: (w) => w.claimsByKey === true },
  claimTaken: { needs: "claimsByKey: true", holds: (w) => w.claimsByKey === true },
  grantRecord: { needs: "expiringGrant: true", holds: (w) => w.expiringGrant === true },
  movedRecord: { needs: "movesBetween: true", holds: (w) => w.movesBetween === true },
  dayRangeFrom: { needs: "rangeOfDays: true", holds: (w) => w.rangeOfDays === true },
  dayRangeTo: { needs: "rangeOfDays: true", holds: (w) => w.rangeOfDays === true },
  dayRangeZone: { needs: "rangeOfDays: true", holds: (w) => w.rangeOfDays === true },
  dayRangeZoneQuestion: { needs: "rangeOfDays: true", holds: (w) => w.rangeOfDays === true },
  rangeWidthError: { needs: "rangeWidthCapped: true", holds: (w) => w.rangeWidthCapped === true },
  ownRefusals: { needs: "ownStateChecked: true", holds: (w) => w.ownStateChecked === true },
  uniqueValue: { needs: "uniqueTakenAnswered: true", holds: (w) => w.uniqueTakenAnswered === true },
  uniqueTakenError: { needs: "uniqueTakenAnswered: true", holds: (w) => w.uniqueTakenAnswered === true },
  rangeOrderRefusal: { needs: "rangeInput: true", holds: (w) => w.rangeInput === true },
  rangeOrderAnswer: { needs: "rangeInput: true", holds: (w) => w.rangeInput === true },
  rangeWidthStatus: { needs: "rangeWidthCapped: true", holds: (w) => w.rangeWidthCapped === true },
  ticketError: { needs: "ticketAnswered: true", holds: (w) => w.ticketAnswered === true },
  ticketErrorStatus: { needs: "ticketAnswered: true", holds: (w) => w.ticketAnswered === true },
  contact: { needs: "contactChange: true", holds: (w) => w.contactChange === true },
  domain: { needs: "domainClaim: true", holds: (w) => w.domainClaim === true },
  uploadTypes: { needs: "capability: file-upload", holds: (w) => [w.capability ?? []].flat().length > 0 && [w.capability ?? []].flat().every((c) => c === "file-upload") },
  uploadDisguise: { needs: "capability: file-upload", holds: (w) => [w.capability ?? []].flat().length > 0 && [w.capability ?? []].flat().every((c) => c === "file-upload") },
  uploadContentRule: { needs: "capability: file-upload", holds: (w) => [w.capability ?? []].flat().length > 0 && [w.capability ?? []].flat().every((c) => c === "file-upload") },
  recordRecipient: { needs: "recordRecipient: true", holds: (w) => w.recordRecipient === true },
  recordRecipientQuestion: { needs: "recordRecipient: true", holds: (w) => w.recordRecipient === true },
  optionalInputs: { needs: "optionalBody: true", holds: (w) => w.optionalBody === true },
  uploadTypeCheck: { needs: "capability: file-upload", holds: (w) => [w.capability ?? []].flat().length > 0 && [w.capability ?? []].flat().every((c) => c === "file-upload") },
  // Filled only where the fact holds (LEAD18 L1, L3): a pack that names them fires only then, never with a stand-in word.
  ownRecords: { needs: "allOwnChange: true", holds: (w) => w.allOwnChange === true },
  assignee: { needs: "assigneeChange: true", holds: (w) => w.assigneeChange === true },
  lastWriteWinsBy: { needs: "lastWriteWins: true", holds: (w) => w.lastWriteWins === true },
  versionError: { needs: "versionErrorAnswered: true", holds: (w) => w.versionErrorAnswered === true },
  versionErrorTest: { needs: "versionErrorAnswered: true", holds: (w) => w.versionErrorAnswered === true },
  idsDiffer: { needs: "idsDifferAsked: true", holds: (w) => w.idsDifferAsked === true },
};

/** Keys whose strings are names or references, not texts a reader sees: no placeholders there. */
const NOT_TEXT = new Set(["name", "key", "kind", "category", "coveredBy", "when"]);

/** Problems a schema cannot express: placeholders, their guards, keys and references. */
function semanticProblems(pack: Pack): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const when = pack.when ?? {};
  const own = new Set((pack.settings ?? []).map((s) => s.name));
  pack.settings?.forEach((s, i) => {
    if (s.name in PACK_PLACEHOLDERS) problems.push({ path: ["settings", i, "name"], problem: `"${s.name}" is the name of a fact placeholder; a setting needs a name of its own` });
    const first = pack.settings!.findIndex((o) => o.name === s.name);
    if (first < i) problems.push({ path: ["settings", i, "name"], problem: `"${s.name}" is already a setting at settings[${first}]` });
  });
  const walk = (value: unknown, at: (string | number)[], inTests: boolean): void => {
    if (typeof value === "string") {
      if (inTests) return; // a test given by key
      for (const m of value.matchAll(PACK_PLACEHOLDER_PATTERN)) {
        const name = m[1]!;
        if (own.has(name)) continue;
        if (!(name in PACK_PLACEHOLDERS)) problems.push({ path: at, problem: `unknown placeholder {${name}} (known: ${[...Object.keys(PACK_PLACEHOLDERS), ...own].join(", ")})` });
        else {
          const guard = GUARDS[name as PackPlaceholder];
          if (guard && !guard.holds(when)) problems.push({ path: at, problem: `{${name}} is not known for every use-case: the pack's when needs ${guard.needs}` });
        }
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i], inTests));
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) if (!NOT_TEXT.has(k)) walk(v, [...at, k], k === "tests" && at.length > 0);
    }
  };
  walk(pack, [], false);

  // Keys are unique in the pack; references name one of them.
  const keys = new Map<string, (string | number)[]>();
  const testKeys = new Set<string>();
  const noteKey = (k: string | undefined, at: (string | number)[], isTest: boolean): void => {
    if (k === undefined) return;
    if (keys.has(k)) problems.push({ path: [...at, "key"], problem: `key "${k}" is already used at ${formatPath(keys.get(k)!)}` });
    else keys.set(k, at);
    if (isTest) testKeys.add(k);
  };
  const inlineTests = (tests: (string | PackTest)[] | undefined, at: (string | number)[]): void =>
    tests?.forEach((t, i) => typeof t === "object" && noteKey(t.key, [...at, "tests", i], true));
  pack.tests?.forEach((t, i) => noteKey(t.key, ["tests", i], true));
  pack.requirements?.forEach((r, i) => {
    noteKey(r.key, ["requirements", i], false);
    inlineTests(r.tests, ["requirements", i]);
  });
  pack.threats?.forEach((t, i) => {
    noteKey(t.key, ["threats", i], false);
    inlineTests(t.tests, ["threats", i]);
  });
  const refs = (tests: (string | PackTest)[] | undefined, at: (string | number)[]): void =>
    // A `pack/key` names another pack's test: checked where all packs are known (otherPackTestProblems).
    tests?.forEach((t, i) => typeof t === "string" && !t.includes("/") && !testKeys.has(t) && problems.push({ path: [...at, "tests", i], problem: `no test of this pack has the key "${t}" (known: ${[...testKeys].join(", ") || "none"})` }));
  pack.requirements?.forEach((r, i) => refs(r.tests, ["requirements", i]));
  pack.threats?.forEach((t, i) => refs(t.tests, ["threats", i]));
  pack.checklist?.forEach((c, i) => {
    if (!c.coveredBy.startsWith("#") && !keys.has(c.coveredBy)) problems.push({ path: ["checklist", i, "coveredBy"], problem: `"${c.coveredBy}" is neither a section anchor (#threat-model) nor a key of this pack (known: ${[...keys.keys()].join(", ") || "none"})` });
  });
  return problems;
}

/** The line of the node at a key path in a YAML document, for messages. */
type LineOf = (at: (string | number)[]) => number | undefined;

function problemsError(file: string, problems: SchemaProblem[], lineOf: LineOf): InputErrors {
  return new InputErrors(
    problems.map((p) => {
      const line = lineOf(p.path);
      return `${file}${line ? `:${line}` : ""}: ${formatPath(p.path)}: ${p.problem}`;
    }),
  );
}

function parseText(text: string, file: string): { data: unknown; lineOf: LineOf } {
  if (/\.json$/i.test(file)) {
    try {
      return { data: JSON.parse(text), lineOf: () => undefined };
    } catch (e) {
      throw new InputError(file, `not valid JSON (${(e as Error).message})`);
    }
  }
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) throw new InputError(`${file}:${lineCounter.linePos(first.pos[0]).line}`, `not valid YAML (${first.message.split("\n")[0]})`);
  const lineOf: LineOf = (at) => {
    // The deepest node that exists on the path (a missing key: its parent).
    for (let n = at.length; n >= 0; n--) {
      const node = doc.getIn(at.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { data: doc.toJS({ maxAliasCount: 50 }), lineOf };
}

/**
 * One pack from its text. `file` names it in messages and decides the syntax
 * (`.json` is JSON, anything else YAML).
 */
export function parsePack(text: string, file: string, source: LoadedPack["source"]): LoadedPack {
  if (Buffer.byteLength(text) > MAX_PACK_BYTES) throw new InputError(file, `a pack file is at most ${MAX_PACK_BYTES / 1024} KB (this one is ${Math.ceil(Buffer.byteLength(text) / 1024)} KB)`);
  const { data, lineOf } = parseText(text, file);
  if (data === null || data === undefined) throw new InputError(file, "is empty (a pack needs at least a name)");
  const schemaProblems = validate(PACK_SCHEMA, data);
  if (schemaProblems.length) throw problemsError(file, schemaProblems, lineOf);
  const pack = data as Pack;
  const more = semanticProblems(pack);
  if (more.length) throw problemsError(file, more, lineOf);
  return { ...pack, source, file };
}

/** Every pack file in a folder (not below it), in name order; a missing folder has none. */
export function loadPackDir(dir: string, source: LoadedPack["source"], shownAs: string = dir): LoadedPack[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => PACK_FILE.test(n)).sort();
  } catch {
    return [];
  }
  const packs = names
    .filter((n) => statSync(path.join(dir, n)).isFile())
    .map((n) => {
      const shown = path.join(shownAs, n);
      const size = statSync(path.join(dir, n)).size;
      if (size > MAX_PACK_BYTES) throw new InputError(shown, `a pack file is at most ${MAX_PACK_BYTES / 1024} KB (this one is ${Math.ceil(size / 1024)} KB)`);
      return { ...parsePack(readFileSync(path.join(dir, n), "utf8"), shown, source), file: n };
    });
  const seen = new Map<string, string>();
  for (const p of packs) {
    const other = seen.get(p.name);
    if (other) throw new InputError(path.join(shownAs, p.file), `name: "${p.name}" is already the name of ${path.join(shownAs, other)}`);
    seen.set(p.name, p.file);
  }
  return packs;
}

/** A pack's test keys: its own list's and those written inline under a requirement or threat. */
const testKeysOf = (p: Pack): Set<string> =>
  new Set([...(p.tests ?? []), ...[...(p.requirements ?? []), ...(p.threats ?? [])].flatMap((x) => x.tests ?? [])].flatMap((t) => (typeof t === "object" && t.key ? [t.key] : [])));

/**
 * A `pack/key` reference of `packs` (another pack's test, tests: [capability-secret-link-issue/issued-hashed-test])
 * that names no pack among `among`, or no test of it, one line each (`file: requirements[0].tests[1]: ...`): checked
 * where every pack is known, the build for the built-in ones and a run for the team's. A pack the config switches off
 * is still known: its test is then left out, as a test of a kind the plan does not generate.
 */
export function otherPackTestProblems(packs: readonly LoadedPack[], among: readonly LoadedPack[], shownAs: (p: LoadedPack) => string = (p) => p.file): string[] {
  const problems: string[] = [];
  for (const p of packs) {
    const items = [...(p.requirements ?? []).map((r, i) => [`requirements[${i}]`, r] as const), ...(p.threats ?? []).map((t, i) => [`threats[${i}]`, t] as const)];
    for (const [at, item] of items)
      item.tests?.forEach((t, j) => {
        if (typeof t !== "string" || !t.includes("/")) return;
        const [name, key] = t.split("/") as [string, string];
        const named = among.find((o) => o.name === name);
        if (!named) problems.push(`${shownAs(p)}: ${at}.tests[${j}]: no pack is named "${name}"`);
        else if (!testKeysOf(named).has(key)) {
          // A built-in pack citing one a team pack replaces: the team's needs the key the built-in one had.
          const replacedBy = p.source === "built-in" && named.source === "team" ? `; the team's ${name} replaces the built-in one, so it needs that test too` : "";
          problems.push(`${shownAs(p)}: ${at}.tests[${j}]: pack ${name} has no test with the key "${key}" (known: ${[...testKeysOf(named)].join(", ") || "none"})${replacedBy}`);
        }
      });
  }
  return problems;
}
