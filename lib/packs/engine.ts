/**
 * The rules engine: given a use-case's facts and the packs, applies the packs
 * whose `when` holds, in a fixed order, and returns the catalogue the plan
 * renders: requirements (FR-n, NFR-n), threats (T-n), tests (SEC-n, DOM-n, INT-n,
 * PERF-n) linked both ways, statuses, errors, telemetry, monitoring, questions,
 * checklist links, and which packs applied and why. Generic: it knows facts and
 * packs, nothing of any generator. Pure.
 */
import { articleFor } from "../article.js";
import { reasonsIfHolds } from "./match.js";
import { continued } from "../render/when-clause.js";
import { PACK_PLACEHOLDERS, settingText, type LoadedPack, type PackFacts, type PackPlaceholder, type PackSetting, type PackTest, type TestKindName } from "./pack.js";

export const TEST_PREFIX: Record<TestKindName, string> = { security: "SEC", domain: "DOM", integration: "INT", performance: "PERF" };

export interface CatalogRequirement {
  id: string;
  kind: "fr" | "nfr";
  text: string;
  tests: string[];
  pack: string;
}
export interface CatalogThreat {
  id: string;
  category: string;
  element: string;
  threat: string;
  mitigation: string;
  tests: string[];
  pack: string;
}
export interface CatalogTest {
  id: string;
  kind: TestKindName;
  title: string;
  /** Requirement and threat IDs this test proves. */
  covers: string[];
  /** No generated assertion: an it.todo a person fills in. */
  todo: boolean;
  pack: string;
  /** The pack's key for it, as `pack/key`, so a generator can find the ID of a test it asked for. */
  key?: string;
  /** What the test is, for the generator's body of it (PackTest.body). */
  body?: string;
}
export interface CatalogStatus {
  status: number;
  when: string;
  headers: string[];
  /** The packs that added this status, so a reader can tell a status a named domain error explains from a generic one. */
  packs?: string[];
}
export interface AppliedPack {
  name: string;
  source: string;
  file: string;
  description?: string;
  /** The facts that made it apply ("flow is query"); empty for a pack that always applies. */
  reasons: string[];
}
export interface PackCatalog {
  functional: CatalogRequirement[];
  nonFunctional: CatalogRequirement[];
  threats: CatalogThreat[];
  abuseCases: { name: string; attack: string; defence: string }[];
  tests: CatalogTest[];
  statuses: CatalogStatus[];
  /** Domain errors and the pack that names each. */
  errors: { name: string; status: number; when: string; logged?: string; pack?: string }[];
  telemetry: { field: string; handling: string }[];
  monitoring: { kind: string; text: string }[];
  questions: string[];
  /** Review-checklist items a pack covers: `coveredBy` is the ID of its requirement, threat or test, or a section anchor. */
  checklist: { item: string; coveredBy: string; pack: string }[];
  applied: AppliedPack[];
  /** The settings of the packs that applied, by name: a later pack's overrides an earlier one's. */
  settings: Record<string, number>;
}

export interface EngineOptions {
  /** Test kinds the plan generates; tests of other kinds are left out (and covered by nothing). */
  kinds: readonly TestKindName[];
  /** How a fact value lands in a pack's Markdown text: as text, or inside a code span (`` `{endpoint}` ``). */
  escape: { text: (value: string) => string; code: (value: string) => string };
  /** Pack names (or name prefixes ending in `-`) in the order they apply; others follow by name, built-in before team. */
  order?: readonly string[];
  /** Packs whose texts are final (made by a generator from its answers, already escaped): no placeholders filled. */
  literal?: (pack: LoadedPack) => boolean;
  /** A placeholder's plural (`{resource}s`: "Categories"), the generator's own word rules; by default an "s" added. */
  plural?: (word: string) => string;
}

/** A fact value a pack text names but the use-case lacks: a pack bug (its `when` should exclude it). */
export class PlaceholderError extends Error {}

/** An order made quick to look up: its exact names by rank, and its prefixes (ending in `-`) with theirs. */
interface Ranking {
  exact: Map<string, number>;
  prefixes: { prefix: string; rank: number }[];
  /** The rank of a name the order does not name: after all of it. */
  rest: number;
}

/** Each order's ranking, made once per order: a batch sorts its packs for every use-case. */
const rankings = new WeakMap<readonly string[], Ranking>();

function rankingOf(order: readonly string[]): Ranking {
  let ranking = rankings.get(order);
  if (ranking) return ranking;
  ranking = { exact: new Map(), prefixes: [], rest: order.length };
  for (let i = 0; i < order.length; i++) {
    const o = order[i]!;
    if (o.endsWith("-")) ranking.prefixes.push({ prefix: o, rank: i });
    else if (!ranking.exact.has(o)) ranking.exact.set(o, i);
  }
  rankings.set(order, ranking);
  return ranking;
}

/** A name's rank: the first entry of the order that names it exactly or by prefix. */
function rankOf(name: string, ranking: Ranking): number {
  let rank = ranking.exact.get(name) ?? ranking.rest;
  for (const { prefix, rank: at } of ranking.prefixes) {
    if (at >= rank) break;
    if (name.startsWith(prefix)) return at;
  }
  return rank;
}

const byName = (a: LoadedPack, b: LoadedPack): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The packs sorted: built-in before team, then by `order`, then by name. A pass that puts each pack in its rank's
 * bucket, not a sort by comparison: a short run sorts once, in V8's interpreter, where ~2,400 calls of a comparator and
 * 293 of findIndex's callback were 1-2 ms of its start. The built-in packs come in file-name order, so a bucket is
 * sorted by name already and is sorted again only where it is not.
 */
function inApplyOrder(packs: readonly LoadedPack[], order: readonly string[]): LoadedPack[] {
  const ranking = rankingOf(order);
  const buckets: LoadedPack[][] = [];
  for (const pack of packs) {
    const at = (pack.source === "team" ? ranking.rest + 1 : 0) + rankOf(pack.name, ranking);
    (buckets[at] ??= []).push(pack);
  }
  const out: LoadedPack[] = [];
  for (const bucket of buckets) {
    if (!bucket) continue;
    for (let i = 1; i < bucket.length; i++)
      if (byName(bucket[i - 1]!, bucket[i]!) > 0) {
        bucket.sort(byName);
        break;
      }
    for (const pack of bucket) out.push(pack);
  }
  return out;
}

/** The packs that apply, in the fixed order, each with the reasons it applies. */
export function applicablePacks(facts: PackFacts, packs: readonly LoadedPack[], order: readonly string[] = []): { pack: LoadedPack; reasons: string[] }[] {
  const out: { pack: LoadedPack; reasons: string[] }[] = [];
  for (const pack of inApplyOrder(packs, order)) {
    const reasons = reasonsIfHolds(pack.when, facts);
    if (reasons) out.push({ pack, reasons });
  }
  return out;
}

/** A pack text cut at its placeholders: the text between them, and each placeholder as the pattern of `fill` matched it. */
interface Cut {
  between: string[];
  places: { whole: string; article: string | undefined; inCode: string | undefined; plain: string | undefined; plural: boolean }[];
}
/** A placeholder, the article before it, and an "s" right after a plain one (`{resource}s`: its plural). */
const PLACEHOLDER = /(\b[Aa]n? )?(?:`\{(\w+)\}`|\{(\w+)\}(s\b)?)/g;

/** Texts cut already (pack texts are the same for every use-case of a batch); bounded, as a generator's own texts vary. */
const cuts = new Map<string, Cut | null>();
const CUTS_REMEMBERED = 4096;

function cutOf(text: string): Cut | null {
  let cut = cuts.get(text);
  if (cut !== undefined) return cut;
  cut = null;
  let from = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    cut ??= { between: [], places: [] };
    cut.between.push(text.slice(from, m.index));
    cut.places.push({ whole: m[0], article: m[1], inCode: m[2], plain: m[3], plural: m[4] !== undefined });
    from = m.index + m[0].length;
  }
  cut?.between.push(text.slice(from));
  if (cuts.size >= CUTS_REMEMBERED) cuts.clear();
  cuts.set(text, cut);
  return cut;
}

export function applyPacks(facts: PackFacts, packs: readonly LoadedPack[], options: EngineOptions): PackCatalog {
  const applicable = applicablePacks(facts, packs, options.order);
  // Settings first: every text of every pack shows the value in force, a later pack's over an earlier one's.
  const settings = new Map<string, PackSetting>();
  for (const { pack } of applicable) for (const s of pack.settings ?? []) settings.set(s.name, s);
  // What the answers state wins over every pack's default: a plan never says 30 days beside the user's 14.
  for (const [name, value] of Object.entries(facts.settings ?? {})) {
    const s = settings.get(name);
    if (s) settings.set(name, { ...s, value });
  }
  const out: PackCatalog = {
    functional: [], nonFunctional: [], threats: [], abuseCases: [], tests: [], statuses: [], errors: [], telemetry: [], monitoring: [], questions: [], checklist: [], applied: [],
    settings: Object.fromEntries([...settings].map(([name, s]) => [name, s.value])),
  };
  const counters: Record<TestKindName, number> = { security: 0, domain: 0, integration: 0, performance: 0 };
  const testByKindTitle = new Map<string, CatalogTest>();
  const namedRows = new Set<CatalogStatus>();

  for (const { pack, reasons } of applicable) {
    const isLiteral = options.literal?.(pack) ?? false;
    const fill = (text: string, markdown: boolean): string =>
      // An article written before a placeholder ("a {resource}") is made to fit its value: "an Avatar".
      isLiteral ? text : fillCut(text, markdown);
    // What text.replace(PLACEHOLDER, ...) gives, from the text's cut: each placeholder's value (or the placeholder as it was) between the texts around it.
    const fillCut = (text: string, markdown: boolean): string => {
      const cut = cutOf(text);
      if (cut === null) return text;
      let filled = cut.between[0]!;
      for (let i = 0; i < cut.places.length; i++) filled += place(cut.places[i]!, markdown) + cut.between[i + 1]!;
      return filled;
    };
    const place = ({ whole, article, inCode, plain, plural }: Cut["places"][number], markdown: boolean): string => {
      const key = (inCode ?? plain) as PackPlaceholder;
      const own = pack.settings?.some((s) => s.name === key) ? settings.get(key) : undefined;
      const one = facts.values[key] ?? (own ? settingText(own) : undefined);
      // `{resource}s` is the value's plural, made as English makes it (LEFT19B: "waitlist entrys", "Categorys").
      const value = one !== undefined && plural ? (options.plural ? options.plural(one) : `${one}s`) : one;
      if (value === undefined) {
        if (!(key in PACK_PLACEHOLDERS)) return whole;
        throw new PlaceholderError(`pack ${pack.name} (${pack.file}): {${key}} has no value for this use-case; its when should exclude it`);
      }
      const before = article ? `${articleFor(article.trimEnd(), value)} ` : "";
      if (!markdown) return before + (inCode !== undefined ? `\`${value}\`` : value);
      return before + (inCode !== undefined ? options.escape.code(value) : options.escape.text(value));
    };
    const md = (t: string) => fill(t, true);

    // Tests first: the pack's own list, then those written inline under a requirement or threat.
    const byKey = new Map<string, CatalogTest | undefined>();
    const addTest = (t: PackTest): CatalogTest | undefined => {
      if (!options.kinds.includes(t.kind)) return undefined;
      const title = fill(t.title, false);
      const same = testByKindTitle.get(`${t.kind}\n${title}`);
      if (same) return same;
      const test: CatalogTest = { id: `${TEST_PREFIX[t.kind]}-${++counters[t.kind]}`, kind: t.kind, title, covers: [], todo: t.todo ?? true, pack: pack.name, ...(t.key ? { key: `${pack.name}/${t.key}` } : {}), ...(t.body ? { body: t.body } : {}) };
      out.tests.push(test);
      testByKindTitle.set(`${t.kind}\n${title}`, test);
      return test;
    };
    for (const t of pack.tests ?? []) byKey.set(t.key ?? `#${byKey.size}`, addTest(t));
    // The tests written inline, in the order the items give them (requirements, then threats: the IDs they always had),
    // known by their keys before any item cites one: a requirement may cite a test written under a threat of the same
    // pack, which validation accepts (USER20 U2: the link was dropped).
    const inline = new Map<PackTest, CatalogTest | undefined>();
    for (const item of [...(pack.requirements ?? []), ...(pack.threats ?? [])])
      for (const ref of item.tests ?? []) {
        if (typeof ref === "string") continue;
        const test = addTest(ref);
        inline.set(ref, test);
        if (ref.key) byKey.set(ref.key, test);
      }
    const referenced = new Set<CatalogTest>();
    const resolve = (refs: (string | PackTest)[] | undefined, itemId: string): string[] => {
      const ids: string[] = [];
      for (const ref of refs ?? []) {
        let test: CatalogTest | undefined;
        // `pack/key`: a test of a pack applied before this one (its item shares the test, one ID); absent where that pack is not applied.
        test = typeof ref === "string" ? (ref.includes("/") ? out.tests.find((t) => t.key === ref) : byKey.get(ref)) : inline.get(ref);
        if (!test) continue;
        referenced.add(test);
        if (!test.covers.includes(itemId)) test.covers.push(itemId);
        if (!ids.includes(test.id)) ids.push(test.id);
      }
      return ids;
    };

    const items: { id: string; tests: string[] }[] = [];
    const itemByKey = new Map<string, string>();
    for (const r of pack.requirements ?? []) {
      const list = r.kind === "fr" ? out.functional : out.nonFunctional;
      const id = r.kind === "fr" ? `FR-${out.functional.length + 1}` : `NFR-${out.nonFunctional.length + 1}`;
      const req: CatalogRequirement = { id, kind: r.kind, text: md(r.text), tests: resolve(r.tests, id), pack: pack.name };
      list.push(req);
      items.push(req);
      if (r.key) itemByKey.set(r.key, id);
    }
    for (const t of pack.threats ?? []) {
      const id = `T-${out.threats.length + 1}`;
      const threat: CatalogThreat = { id, category: t.category, element: md(t.element), threat: md(t.threat), mitigation: md(t.mitigation), tests: resolve(t.tests, id), pack: pack.name };
      out.threats.push(threat);
      items.push(threat);
      if (t.key) itemByKey.set(t.key, id);
    }
    // A test of the pack that nothing names proves the pack as a whole: it covers each of its items.
    for (const test of byKey.values()) {
      if (!test || referenced.has(test) || test.pack !== pack.name) continue;
      for (const item of items) {
        if (!test.covers.includes(item.id)) test.covers.push(item.id);
        if (!item.tests.includes(test.id)) item.tests.push(test.id);
      }
    }

    for (const a of pack.abuseCases ?? []) out.abuseCases.push({ name: md(a.name), attack: md(a.attack), defence: md(a.defence) });
    for (const s of pack.statuses ?? []) {
      const when = md(s.when);
      // A condition with a domain error of its own (the malware scan's FileRejected) is a row apart from another
      // pack's named one (the answers' ImageTooLarge), both 422: one cell, one kind of condition (TRIAL7 U7).
      const ownError = (pack.errors ?? []).some((e) => e.status === s.status);
      const same = out.statuses.find((x) => x.status === s.status && (!ownError || !namedRows.has(x) || (x.packs ?? []).includes(pack.name)));
      if (ownError && same) namedRows.add(same);
      if (same) {
        // A second condition in the cell goes on in lower case: "Over 5 ... from the client; over 5 ... for the account" (TRIAL9 W15).
        if (!same.when.split("; ").map(continued).includes(continued(when))) same.when += `; ${continued(when)}`;
        for (const h of s.headers ?? []) if (!same.headers.includes(h)) same.headers.push(h);
        if (!same.packs?.includes(pack.name)) (same.packs ??= []).push(pack.name);
      } else {
        const row: CatalogStatus = { status: s.status, when, headers: [...(s.headers ?? [])], packs: [pack.name] };
        out.statuses.push(row);
        if (ownError) namedRows.add(row);
      }
    }
    for (const e of pack.errors ?? []) out.errors.push({ name: fill(e.name, false), status: e.status, when: md(e.when), ...(e.logged ? { logged: md(e.logged) } : {}), pack: pack.name });
    for (const t of pack.telemetry ?? []) out.telemetry.push({ field: md(t.field), handling: md(t.handling) });
    for (const m of pack.monitoring ?? []) {
      const text = md(m.text);
      if (!out.monitoring.some((x) => x.kind === m.kind && x.text === text)) out.monitoring.push({ kind: m.kind, text });
    }
    for (const q of pack.questions ?? []) {
      const text = md(q);
      if (!out.questions.includes(text)) out.questions.push(text);
    }
    for (const c of pack.checklist ?? []) {
      const id = itemByKey.get(c.coveredBy) ?? byKey.get(c.coveredBy)?.id;
      // A key whose test was left out (its kind not chosen) covers nothing here.
      if (id || c.coveredBy.startsWith("#")) out.checklist.push({ item: c.item, coveredBy: id ?? c.coveredBy, pack: pack.name });
    }
    out.applied.push({ name: pack.name, source: pack.source, file: pack.file, ...(pack.description ? { description: pack.description } : {}), reasons });
  }
  out.statuses.sort((a, b) => a.status - b.status);
  return out;
}
