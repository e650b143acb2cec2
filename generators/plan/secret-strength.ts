/**
 * How many bits of guessing a secret the request carries can hold at most, read from its rule: an invite
 * code `pattern([A-Z0-9]{8})` holds 8 characters of 36 (about 41 bits), far from the 128 bits that make
 * guessing a link's token infeasible (TRIAL5 U6). An upper bound: the rule says what is accepted, not how
 * the issuer draws it. Undefined where the rule bounds nothing that can be counted (an open-ended string,
 * a pattern with repetition or alternatives): no claim is made either way then.
 */
import type { Rule } from "./rules.js";

const log2 = (n: number): number => Math.log2(Math.max(1, n));

/** The characters a class like `[A-Z0-9]` or `[a-f\d]` admits; undefined for a negated or unreadable one. */
function classSize(body: string): number | undefined {
  if (body.startsWith("^")) return undefined;
  const chars = new Set<number>();
  let size = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "\\") {
      const e = body[++i];
      if (e === "d") size += 10;
      else if (e === "w") size += 63;
      else if (e === undefined || /[A-Za-z]/.test(e)) return undefined; // \s, \p{..}: not counted
      else chars.add(e.charCodeAt(0));
      continue;
    }
    if (body[i + 1] === "-" && i + 2 < body.length && body[i + 2] !== "\\") {
      const to = body.charCodeAt(i + 2);
      if (to < c.charCodeAt(0)) return undefined;
      for (let k = c.charCodeAt(0); k <= to; k++) chars.add(k);
      i += 2;
      continue;
    }
    chars.add(c.charCodeAt(0));
  }
  return size + chars.size;
}

/** A pattern that is a plain sequence of classes and literals with fixed counts: its bits; else undefined. */
function patternBits(source: string): number | undefined {
  const s = source.replace(/^\^/, "").replace(/\$$/, "");
  let bits = 0;
  for (let i = 0; i < s.length; ) {
    let atom: number; // the bits of one occurrence
    const c = s[i]!;
    if (c === "[") {
      const end = s.indexOf("]", i + 2);
      if (end < 0) return undefined;
      const size = classSize(s.slice(i + 1, end));
      if (size === undefined) return undefined;
      atom = log2(size);
      i = end + 1;
    } else if (c === "\\") {
      const e = s[i + 1];
      if (e === "d") atom = log2(10);
      else if (e === "w") atom = log2(63);
      else if (e !== undefined && !/[A-Za-z0-9]/.test(e)) atom = 0; // an escaped literal
      else return undefined;
      i += 2;
    } else if ("()|.*+?{}".includes(c)) {
      return undefined; // groups, alternatives and open repetition: not counted
    } else {
      atom = 0; // a literal character adds no guessing
      i += 1;
    }
    // A fixed count {n} or a bounded one {n,m} (the most it can hold); no count is one.
    const count = /^\{(\d+)(?:,(\d+))?\}/.exec(s.slice(i));
    let times = 1;
    if (count) {
      times = Number(count[2] ?? count[1]);
      i += count[0].length;
    } else if (s[i] === "?") i += 1;
    else if (s[i] === "*" || s[i] === "+" || s.startsWith("{", i)) return undefined;
    bits += atom * times;
  }
  return bits;
}

/** The most bits a value of `rule` can carry, rounded down; undefined where the rule does not bound it. */
export function secretBitsOf(rule: Rule): number | undefined {
  switch (rule.kind) {
    case "string":
      // At best base64url: 6 bits a character.
      return rule.max === undefined ? undefined : rule.max * 6;
    case "int":
      return rule.min === undefined || rule.max === undefined ? undefined : Math.floor(log2(rule.max - rule.min + 1));
    case "enum":
      return Math.floor(log2(rule.values.length));
    case "uuid":
      return 122; // a version 4 UUID's random bits
    case "pattern": {
      const bits = patternBits(rule.source);
      return bits === undefined ? undefined : Math.floor(bits);
    }
    default:
      return undefined;
  }
}

/** Below this a secret can be found by a client trying many (at scale, over time): the plan says so instead of "infeasible". */
export const GUESSABLE_BITS = 96;
