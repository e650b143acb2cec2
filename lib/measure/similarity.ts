/**
 * How alike plans read: the share of a plan's lines that every other plan has
 * too, once each plan's own names are replaced by one placeholder. A plan
 * written for its use-case shares little beyond headings and table rules; a
 * form letter shares most of its lines. Only lines that say something count:
 * blank lines, table rules, code fences and lone brackets are layout. Pure.
 */

export interface NamedText {
  text: string;
  /** The plan's own names (use-case title and its cased forms, route, actor): replaced before comparing. */
  names: string[];
}

/** A line says something when it holds at least two words. */
const SAYS_SOMETHING = /\p{L}{2,}[\s\S]*?\P{L}[\s\S]*?\p{L}{2,}/u;

/** The text with each name (longest first) replaced by `<name>`, lines trimmed, layout lines dropped. */
export function neutralLines({ text, names }: NamedText): string[] {
  const sorted = [...new Set(names.filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
  return text
    .split("\n")
    .map((line) => sorted.reduce((l, name) => l.split(name).join("<name>"), line).trim())
    .filter((line) => SAYS_SOMETHING.test(line));
}

/** For each text, the share (0..1) of its lines that occur in every other text. */
export function sharedLineShares(texts: readonly NamedText[]): number[] {
  const lines = texts.map(neutralLines);
  const sets = lines.map((l) => new Set(l));
  return lines.map((own, i) => {
    if (own.length === 0) return 0;
    const shared = own.filter((line) => sets.every((set, j) => j === i || set.has(line))).length;
    return shared / own.length;
  });
}
