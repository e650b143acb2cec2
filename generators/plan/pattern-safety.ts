/**
 * Whether a `pattern(...)` rule is safe to put in a generated value object, which runs it on
 * untrusted input: no catastrophic backtracking, and nothing the example generator cannot honour.
 *
 * The backtracking question goes to recheck (makenowjust-labs), a maintained ReDoS checker: an
 * automaton analysis that decides exponential and polynomial ambiguity, and a step-counting fuzzer
 * for what the automaton cannot cover. It is asked about the regex the value object really runs
 * (`^(?:source)$`, flag u). Where it cannot decide in time, the pattern is refused, never waved through.
 */
import { createRequire } from "node:module";
import type { Diagnostics, Parameters } from "recheck";

// recheck is loaded only when a run has a pattern rule: most runs have none.
const require = createRequire(import.meta.url);
const loadRecheck = (): typeof import("recheck") => require("recheck") as typeof import("recheck");

export type Verdict = { safe: true } | { safe: false; reason: string };

/** How long recheck may take over one pattern before the pattern is refused as undecided. */
export const CHECK_TIMEOUT_MS = 10_000;

const PARAMETERS: Parameters = {
  // A bounded repetition is constant time to the automaton, yet `(?:a|a){30}` is 2^30 steps: past a
  // total repeat count of 10, the fuzzer (which counts real steps) decides instead.
  maxRepeatCount: 10,
  // The fuzzer's verdict "vulnerable" means an attack string of at most 300,000 characters makes the
  // matcher read more than this many characters: ~2^23 steps, a fraction of a second of V8's time.
  attackLimit: 10_000_000,
  randomSeed: 0,
};

/** The lookbehind a source opens, if any: randexp, the example generator, cannot read one. */
function lookbehindIn(source: string): string | undefined {
  // The source is valid with flag u (parseRule checked): outside a class, `\` escapes one character;
  // inside `[...]`, `(` is literal and only an unescaped `]` ends it (flag u has no nested classes).
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(" && (source.startsWith("(?<=", i) || source.startsWith("(?<!", i))) return source.slice(i, i + 4);
  }
  return undefined;
}

const shown = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

function reasonOf(d: Diagnostics, timeoutMs: number): string | undefined {
  if (d.status === "safe") return undefined;
  if (d.status === "vulnerable") {
    const how = d.complexity.type === "exponential" ? "exponential time" : `polynomial time, degree ${d.complexity.degree}`;
    return `can backtrack catastrophically (${how}, e.g. on ${shown(d.attack.pattern)}); rewrite it so no two parts can match the same text`;
  }
  if (d.error.kind === "timeout" || d.error.kind === "cancel") return `could not be shown safe within ${timeoutMs} ms (the checker timed out); simplify it`;
  return `could not be shown safe (the checker says: ${d.error.kind}${"message" in d.error ? `, ${d.error.message}` : ""})`;
}

const verdicts = new Map<string, Verdict>();
/** The MCP server lives long: the remembered verdicts are bounded. */
const MAX_VERDICTS = 256;

/** The verdict on a pattern rule's source (already a valid flag-u regex); the same source is checked once per run. */
export function checkPattern(source: string, options: { timeoutMs?: number } = {}): Verdict {
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const key = `${timeoutMs}\0${source}`;
  const known = verdicts.get(key);
  if (known) return known;
  const behind = lookbehindIn(source);
  let verdict: Verdict;
  if (behind) verdict = { safe: false, reason: `a lookbehind "${behind}" is not supported: the example generator cannot honour it; match the text itself instead` };
  else {
    const reason = reasonOf(loadRecheck().checkSync(`^(?:${source})$`, "u", { ...PARAMETERS, timeout: timeoutMs }), timeoutMs);
    verdict = reason === undefined ? { safe: true } : { safe: false, reason };
  }
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}
