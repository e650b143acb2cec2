/**
 * The answers' own bare 404 for the loaded resource (`--error ProductNotFound:404` on GET /api/products/:slug) is what
 * the load's null raises (loadNotFoundOf), and so is every 404 an access pack answers "the same as for a missing one"
 * (not public, not the owner's): the contract's 404 row is one statement naming it, where it joined "No such Product",
 * each of those, and the answers' own row saying the first again.
 */
import { reasonsIfHolds } from "../../lib/packs/match.js";
import type { LoadedPack, PackFacts } from "../../lib/packs/pack.js";
import { loadNotFoundOf } from "./facts/derive-facts.js";
import type { UseCaseFacts } from "./facts.js";

const applies = (p: LoadedPack, facts: PackFacts): boolean => reasonsIfHolds(p.when, facts) !== undefined;

/**
 * The packs whose 404 is the load's null: a resource the request names (resource), or the caller's one under /me found
 * by the credential (access-self-one: "The caller has no Profile").
 */
const LOAD_PACKS: ReadonlySet<string> = new Set(["resource", "access-self-one"]);
const loadPackOf = (packs: readonly LoadedPack[], facts: PackFacts): LoadedPack | undefined =>
  packs.find((p) => LOAD_PACKS.has(p.name) && p.statuses?.some((s) => s.status === 404) && applies(p, facts));

/** The answers' bare 404 for the loaded resource, where a load pack applies and answers that 404. */
export const namedLoadNotFoundOf = (packs: readonly LoadedPack[], f: UseCaseFacts, facts: PackFacts): UseCaseFacts["errors"][number] | undefined =>
  loadPackOf(packs, facts) ? loadNotFoundOf(f) : undefined;

/** How an access pack says its 404 is a missing resource's answer: "The caller is not the owner of the Project: the same answer as for a missing one". */
const AS_MISSING = /: the same answer as for a missing one$/;

/**
 * The resource pack's 404 row names the answers' error and folds in each applying pack's "the same answer as for a
 * missing one" 404: "ProductNotFound: no such Product, or the Product is not visible to the public (...): one answer
 * for both". Those packs' own 404 rows go; the answers' row, requirement and test for the error are left out where the
 * answers' pack is made.
 */
export function withLoadNotFound(packs: readonly LoadedPack[], f: UseCaseFacts, facts: PackFacts): readonly LoadedPack[] {
  const e = namedLoadNotFoundOf(packs, f, facts);
  const load = loadPackOf(packs, facts);
  if (!e || !load) return packs;
  const asMissing = (s: { status: number; when: string }): boolean => s.status === 404 && AS_MISSING.test(s.when);
  const folded = new Set(packs.filter((p) => p !== load && p.statuses?.some(asMissing) && applies(p, facts)));
  const others = [...folded].flatMap((p) => p.statuses!.filter(asMissing).map((s) => s.when.replace(AS_MISSING, "")));
  const lower = (w: string): string => w.charAt(0).toLowerCase() + w.slice(1);
  const lowered = others.map(lower);
  // The load pack's own words for what is missing: "no such {resource}", "the caller has no {resource}".
  const missing = lower(load.statuses!.find((s) => s.status === 404)!.when);
  const when = `${e.name}: ${missing}${lowered.length ? `, or ${lowered.join(", or ")}: one answer for ${lowered.length > 1 ? "all" : "both"}` : ""}`;
  // Its requirement and test name the error through {loadNotFound} and {loadNotFoundTest} (pack-facts): the answers' own
  // requirement and test for it are left out (TRIAL9 W16).
  const named = (p: LoadedPack): LoadedPack => ({ ...p, statuses: p.statuses!.map((s) => (s.status === 404 ? { ...s, when } : s)) });
  return packs.map((p) => (p === load ? named(p) : folded.has(p) ? { ...p, statuses: p.statuses!.filter((s) => !asMissing(s)) } : p));
}
