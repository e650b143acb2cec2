/**
 * An ASCII text's words as a regular expression sees them without the `u` flag: maximal runs of `\w` ([A-Za-z0-9_]),
 * between which `\b` falls, lowercased (`/i` folds only ASCII letters onto ASCII letters), each with the text that
 * follows it up to the next word. A check that reads these instead of running a long `/i` pattern saves V8 compiling
 * the pattern, a fraction of a millisecond for each of a plan's word checks (most run once or twice a run, and V8
 * compiles a pattern at its first run and again at its second). Only for ASCII text (lib/is-ascii.ts): beyond it,
 * the checks run their pattern.
 */
export interface WordRuns {
  /** The words, lowercased. */
  words: string[];
  /** gaps[i]: the text between words[i] and words[i + 1] (after the last word: the rest of the text). */
  gaps: string[];
  /** Whether the text starts with a word. */
  startsWithWord: boolean;
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** The words of ASCII `text` (see the file's comment). The last text's are kept: a plan reads the same words in several checks. */
export function wordRuns(text: string): WordRuns {
  if (last?.text === text) return last.runs;
  const lower = text.toLowerCase();
  const n = lower.length;
  const words: string[] = [];
  const gaps: string[] = [];
  let at = 0;
  // What comes before the first word is no word's gap.
  while (at < n && !isWordCode(lower.charCodeAt(at))) at++;
  while (at < n) {
    const start = at;
    while (at < n && isWordCode(lower.charCodeAt(at))) at++;
    words.push(lower.slice(start, at));
    const gapStart = at;
    while (at < n && !isWordCode(lower.charCodeAt(at))) at++;
    gaps.push(lower.slice(gapStart, at));
  }
  const runs = { words, gaps, startsWithWord: n > 0 && isWordCode(lower.charCodeAt(0)) };
  last = { text, runs };
  return runs;
}
let last: { text: string; runs: WordRuns } | undefined;

/** Whether a word of `runs` is one of `words`. */
export const hasWord = (runs: WordRuns, words: ReadonlySet<string>): boolean => runs.words.some((w) => words.has(w));

/** Whether one of `first` comes before one of `then` (each a whole word), as `\b(?:first)\b[\s\S]*\b(?:then)\b` finds them. */
export function wordThenWord(runs: WordRuns, first: ReadonlySet<string>, then: ReadonlySet<string>): boolean {
  const at = runs.words.findIndex((w) => first.has(w));
  return at >= 0 && runs.words.some((w, i) => i > at && then.has(w));
}

/** Whether a word is made of ASCII digits alone (what `\b\d+` then a non-word character finds). */
export function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) < 48 || word.charCodeAt(i) > 57) return false;
  return word.length > 0;
}
