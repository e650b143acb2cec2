/**
 * Whether a pack's `when` holds for a use-case's facts, and why in words a
 * reviewer reads in the plan's "why these items" and in `mjoplan packs`:
 * every key must hold; a list means any of its values.
 */
import type { PackFacts, PackWhen } from "./pack.js";
import { WHEN_FACTS, WHEN_ORDER, type FlagKey, type ListKey } from "./when-facts.js";

export interface WhenMatch {
  applies: boolean;
  /** The conditions that held, naming the facts: "capability secret-link", "auth anonymous". Empty for a pack without `when` (it always applies). */
  reasons: string[];
  /** The conditions that did not hold, with what the use-case has instead where that is not obvious: "capability secret-link (has none)", "async". */
  unmet: string[];
}

/** The words for `relation: true` and `relation: false`: the one list key a pack may also give as yes or no. */
const RELATION_WORDS: [yes: string, no: string] = ["the caller must relate to the resource", "no relation to check"];

/** The words for a yes/no condition holding or not. */
function wordsOf(key: FlagKey | "relation", wanted: boolean): string {
  if (key === "relation") return RELATION_WORDS[wanted ? 0 : 1];
  const fact = WHEN_FACTS[key];
  return wanted ? fact.yes : fact.no;
}

/** The fact values a list key is matched against. */
function have(key: ListKey, facts: PackFacts): string[] {
  switch (key) {
    case "flow":
      return [facts.flow];
    case "method":
      return [facts.method.toUpperCase()];
    case "auth":
      return [facts.auth];
    case "relation":
      return facts.relation ? [facts.relation] : [];
    case "capability":
      return facts.capabilities;
    case "secondFactor":
      // "none" names every use-case that is no step of a second factor (a pack that asks what these packs state).
      return [facts.secondFactor ?? "none"];
  }
}

/** One condition of a `when`, in the report's order: a yes/no fact with its words, or a list key with the values it accepts. */
type Check = { key: FlagKey | "relation"; flag: true; wanted: boolean; word: string } | { key: ListKey; flag: false; values: string[] };

/**
 * Each `when`'s conditions in WHEN_ORDER, worked out once per `when` object: a batch matches the same packs against every
 * use-case, and a pack's `when` is the same object in each (a generator's copy of a pack keeps it).
 */
const compiled = new WeakMap<PackWhen, Check[]>();
const NO_CHECKS: Check[] = [];

/** Each key's place in WHEN_ORDER. */
const RANK = new Map(WHEN_ORDER.map((key, i) => [key, i]));

function checksOf(when: PackWhen | undefined): Check[] {
  if (when === undefined) return NO_CHECKS;
  let checks = compiled.get(when);
  if (checks) return checks;
  checks = [];
  // The `when`'s own few keys, put in WHEN_ORDER: a loop over all of ORDER for each of the ~100 packs was a short run's one
  // hot loop, which V8 then optimized on a helper thread (about 5 ms of CPU, for a loop the run leaves soon after).
  const keys = (Object.keys(when) as (keyof PackWhen)[]).filter((key) => RANK.has(key));
  if (keys.length > 1) keys.sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  for (const key of keys) {
    const wanted = when[key];
    if (wanted === undefined) continue;
    if (typeof wanted === "boolean") {
      const k = key as FlagKey | "relation";
      checks.push({ key: k, flag: true, wanted, word: wordsOf(k, wanted) });
    } else {
      const k = key as ListKey;
      checks.push({ key: k, flag: false, values: [wanted].flat().map((v) => (k === "method" ? String(v).toUpperCase() : String(v))) });
    }
  }
  compiled.set(when, checks);
  return checks;
}

/** A yes/no fact's value, with the defaults of facts a caller built before the fact existed (when-facts.ts's `absent`). */
function flagOf(k: FlagKey | "relation", facts: PackFacts): boolean {
  if (k === "relation") return facts.relation !== undefined;
  const value = facts[k];
  if (value !== undefined) return value;
  const absent = WHEN_FACTS[k].absent;
  return absent ? absent(facts) : false;
}

export function matchWhen(when: PackWhen | undefined, facts: PackFacts): WhenMatch {
  const reasons: string[] = [];
  const unmet: string[] = [];
  for (const check of checksOf(when)) {
    if (check.flag) {
      // A yes/no fact has one other value: naming the wanted one says it all.
      (flagOf(check.key, facts) === check.wanted ? reasons : unmet).push(check.word);
      continue;
    }
    const present = have(check.key, facts);
    const hits = check.values.filter((v) => present.includes(v));
    if (hits.length) reasons.push(`${check.key} ${hits.join(", ")}`);
    else unmet.push(`${check.key} ${check.values.join(" or ")} (has ${present.length ? present.join(", ") : "none"})`);
  }
  return { applies: unmet.length === 0, reasons, unmet };
}

/** matchWhen's reasons where the `when` holds, else undefined: what applying packs needs, without the words of what did not hold. */
export function reasonsIfHolds(when: PackWhen | undefined, facts: PackFacts): string[] | undefined {
  const reasons: string[] = [];
  for (const check of checksOf(when)) {
    if (check.flag) {
      if (flagOf(check.key, facts) !== check.wanted) return undefined;
      reasons.push(check.word);
      continue;
    }
    const present = have(check.key, facts);
    const hits = check.values.filter((v) => present.includes(v));
    if (!hits.length) return undefined;
    reasons.push(`${check.key} ${hits.join(", ")}`);
  }
  return reasons;
}

/** A `when` in words, for listings: "flow query or delete; capability secret-link"; "always" without conditions. */
export function describeWhen(when: PackWhen | undefined): string {
  const parts: string[] = [];
  for (const key of WHEN_ORDER) {
    const wanted = when?.[key];
    if (wanted === undefined) continue;
    if (typeof wanted === "boolean") parts.push(wordsOf(key as FlagKey | "relation", wanted));
    else parts.push(`${key} ${[wanted].flat().join(" or ")}`);
  }
  return parts.length ? parts.join("; ") : "always";
}
