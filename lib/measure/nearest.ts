/**
 * The name a person most likely meant: the nearest of the known ones by edit
 * distance (insertions, deletions, substitutions; case and spacing ignored),
 * when it is near enough to be a typo rather than another name. Pure.
 */

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

const folded = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, " ").trim();

/** The nearest known name within a third of its length (at least 2 edits), or undefined. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(folded(name), folded(candidate));
    if (distance <= Math.max(2, Math.floor(folded(candidate).length / 3)) && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}
