/**
 * The test calls of a test file that start with an ID, read the way three regular expressions
 * read them, but without running those expressions over the whole file (they cost ~1.5 µs a title
 * in V8: a lookahead per character of every title). Specification, match for match:
 *
 *   title:   /(?:\b(?:it|test)(?:\.\w+)?|\))\(\s*(["'`])([A-Z]{2,5}-\d+)\b((?:(?!\1)[^\\\n]|\\.)*)\1/g
 *   pending: /\b(?:(?:it|test)\.(?:failing|fails|skip)|xit|xtest)\(\s*(["'`])([A-Z]{2,5}-\d+)\b|\b(?:it|test)(\.todo)?\(\s*(["'`])([A-Z]{2,5}-\d+)\b(?:(?!\4)[^\\\n]|\\.)*\4\s*,\s*(?:\{\s*(?:todo|skip)\s*:|(?:async\s*)?\()/g
 *            plus every titled test inside a describe.skip / xdescribe block (skippedBlocks)
 *   todo:    /\b(?:it|test)\.todo\(\s*(["'`])([A-Z]{2,5}-\d+)\b(?:(?!\1)[^\\\n]|\\.)*\1\s*,?\s*\)/g
 *
 * (__tests__/test-calls.property.test.ts holds them and compares). Every match of each holds
 * "(", white space, a quote and an ID "AB-1": those are found from the file's dashes (a native
 * indexOf), the title's closing quote with a loop, and only the few characters before the "("
 * (the callee: `it`, `test.each`, `)`) and after the closing quote go through small sticky
 * expressions. Each kind keeps its own end of the last match, as a global expression would.
 */
import { isSpace } from "../is-space.js";

/** A place that may be an ID-titled call: `(`, white space, a quote, an ID ending at a word boundary. */
interface Candidate {
  /** The "(". */
  paren: number;
  /** Where the callee may start: the run of word characters and dots before the "(" (the "(" itself when none). */
  calleeFrom: number;
  quote: number;
  idStart: number;
  idEnd: number;
  /** The title's closing quote, or -1 when the title is not closed on its line. */
  close: number;
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** /\w/ (without the u flag). */
const isWord = (c: number): boolean => isDigit(c) || isUpper(c) || (c >= 97 && c <= 122) || c === 95;
/** What `.` does not match. */
const isLineEnd = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** The closing quote of a title starting at `from`: /((?:(?!q)[^\\\n]|\\.)*)q/ read by hand (no backtracking can find another). */
function closingQuote(code: string, from: number, quote: number): number {
  for (let i = from; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === quote) return i;
    if (c === 10) return -1;
    if (c === 92) {
      if (i + 1 >= code.length || isLineEnd(code.charCodeAt(i + 1))) return -1;
      i++;
    }
  }
  return -1;
}

function candidates(code: string): Candidate[] {
  const out: Candidate[] = [];
  for (let dash = code.indexOf("-"); dash >= 0; dash = code.indexOf("-", dash + 1)) {
    if (!isDigit(code.charCodeAt(dash + 1))) continue;
    let idStart = dash;
    while (idStart > 0 && dash - idStart < 6 && isUpper(code.charCodeAt(idStart - 1))) idStart--;
    if (dash - idStart < 2 || dash - idStart > 5) continue;
    const quoteAt = idStart - 1;
    const quote = code.charCodeAt(quoteAt);
    if (quote !== 34 && quote !== 39 && quote !== 96) continue;
    let paren = quoteAt - 1;
    while (paren >= 0 && isSpace(code.charCodeAt(paren))) paren--;
    if (paren < 0 || code.charCodeAt(paren) !== 40) continue;
    let idEnd = dash + 1;
    while (isDigit(code.charCodeAt(idEnd))) idEnd++;
    if (idEnd < code.length && isWord(code.charCodeAt(idEnd))) continue;
    let calleeFrom = paren;
    while (calleeFrom > 0 && (isWord(code.charCodeAt(calleeFrom - 1)) || code.charCodeAt(calleeFrom - 1) === 46)) calleeFrom--;
    out.push({ paren, calleeFrom, quote, idStart, idEnd, close: closingQuote(code, idEnd, quote) });
    dash = idEnd - 1;
  }
  return out;
}

const TITLE_CALLEE = /(?:\b(?:it|test)(?:\.\w+)?|\))\(/y;
// A skipped test is pending as the runners say it (jest's results give it status "pending"): it proves nothing yet.
const FAILING_CALLEE = /\b(?:(?:it|test)\.(?:failing|fails|skip)|xit|xtest)\(/y;
const PENDING_CALLEE = /\b(?:it|test)(?:\.todo)?\(/y;
const PENDING_TAIL = /\s*,\s*(?:\{\s*(?:todo|skip)\s*:|(?:async\s*)?\()/y;
const TODO_CALLEE = /\b(?:it|test)\.todo\(/y;
const TODO_TAIL = /\s*,?\s*\)/y;

/**
 * Whether `callee` matches at `at` and ends with the candidate's "(". test(), not exec(): only where the match ends is
 * read, and exec() made an array (and its strings) for each of a file's calls.
 */
function calleeAt(code: string, callee: RegExp, at: number, paren: number): boolean {
  callee.lastIndex = at;
  return callee.test(code) && callee.lastIndex === paren + 1;
}

/** Where a tail expression matching at `at` ends, or -1. */
function tailEnd(code: string, tail: RegExp, at: number): number {
  tail.lastIndex = at;
  return tail.test(code) ? tail.lastIndex : -1;
}

/**
 * For each candidate not overlapping the last match, the first start (leftmost, as a scan would
 * find it) at which `match` gives a match's end; -1 for none.
 */
function scan(list: readonly Candidate[], match: (c: Candidate, start: number) => number, take: (c: Candidate, start: number) => void): void {
  let lastEnd = 0;
  for (const c of list) {
    if (c.paren < lastEnd) continue;
    for (let start = Math.max(Math.min(c.calleeFrom, c.paren - 1), lastEnd); start < c.paren; start++) {
      const end = match(c, start);
      if (end >= 0) {
        take(c, start);
        lastEnd = end;
        break;
      }
    }
  }
}

export interface TestCalls {
  /** Each titled test's ID and whole title (ID and the rest), in file order; a repeated ID keeps its first place and its last title; FR, NFR, AC and T IDs left out. */
  titles: Map<string, string>;
  /** IDs of the tests marked as expected to fail (it.failing, test.fails, a todo with a body). */
  pending: string[];
  /** IDs of the todos without a body (it.todo("ID ...")). */
  todos: string[];
}

const COVERED = /^(FR|NFR|AC|T)-/;
const id = (code: string, c: Candidate): string => code.slice(c.idStart, c.idEnd);

export function testTitlesOf(code: string, list: readonly Candidate[] = candidates(code)): Map<string, string> {
  const titles = new Map<string, string>();
  scan(
    list,
    (c, start) => (c.close >= 0 && calleeAt(code, TITLE_CALLEE, start, c.paren) ? c.close + 1 : -1),
    (c) => {
      const key = id(code, c);
      // A title naming a requirement, criterion or threat first is not a test's ID (the call still counts as a match).
      if (!COVERED.test(key)) titles.set(key, key + code.slice(c.idEnd, c.close));
    },
  );
  return titles;
}

export function pendingOf(code: string, list: readonly Candidate[] = candidates(code)): string[] {
  const out: string[] = [];
  // Which alternative matched at the start taken, and whether the match counts as pending.
  let counts = false;
  scan(
    list,
    (c, start) => {
      if (calleeAt(code, FAILING_CALLEE, start, c.paren)) return (counts = true), c.idEnd;
      const end = c.close >= 0 && calleeAt(code, PENDING_CALLEE, start, c.paren) ? tailEnd(code, PENDING_TAIL, c.close + 1) : -1;
      // A todo given a body, or the { todo } option: pending; a plain it("ID ...", fn) is not. The match from `start` to
      // the "(" took the group (\.todo) where it is longer than "test": "it(" and "test(" are the only shorter ones.
      if (end >= 0) counts = c.paren - start > 4 || code.charCodeAt(end - 1) !== 40;
      return end;
    },
    (c) => {
      if (counts) out.push(id(code, c));
    },
  );
  pushSkipped(code, list, out);
  return out;
}

const SKIPPED_BLOCK = /\b(?:describe\.skip|xdescribe)\(/g;
/** Whether the file holds "describe.skip(" or "xdescribe(" at all. */
const ANY_SKIPPED_BLOCK = /describe\.skip\(|xdescribe\(/;

/** Where the call whose "(" is at `open` ends (after its ")"), skipping strings, templates and comments; the file's end if never. */
function callEnd(code: string, open: number): number {
  let depth = 0;
  // Template literals nest through ${...}: the brace depth at which each open template resumes.
  const templates: number[] = [];
  let braces = 0;
  for (let i = open; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 34 || c === 39) {
      // A quoted string: to its closing quote on the same line.
      for (i++; i < code.length && code.charCodeAt(i) !== c && code.charCodeAt(i) !== 10; i++) if (code.charCodeAt(i) === 92) i++;
    } else if (c === 96 || (c === 125 && templates.length && templates[templates.length - 1] === braces)) {
      // A template's text, from its start or from the "}" closing one of its ${...}, to its end or the next "${".
      if (c === 125) templates.pop();
      for (i++; i < code.length; i++) {
        const t = code.charCodeAt(i);
        if (t === 92) i++;
        else if (t === 96) break;
        else if (t === 36 && code.charCodeAt(i + 1) === 123) {
          templates.push(braces);
          i++;
          break;
        }
      }
    } else if (c === 47 && code.charCodeAt(i + 1) === 47) {
      while (i < code.length && code.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && code.charCodeAt(i + 1) === 42) {
      const end = code.indexOf("*/", i + 2);
      i = end < 0 ? code.length : end + 1;
    } else if (c === 123) braces++;
    else if (c === 125) braces--;
    else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i + 1;
  }
  return code.length;
}

/** The spans of describe.skip(...) and xdescribe(...) calls: every test inside is skipped. */
function skippedBlocks(code: string): [number, number][] {
  // One expression, not two searches: V8 prepares a table at every search of a needle of 7 characters or more.
  if (!ANY_SKIPPED_BLOCK.test(code)) return [];
  const out: [number, number][] = [];
  for (const m of code.matchAll(SKIPPED_BLOCK)) {
    const open = m.index + m[0].length - 1;
    if (out.length && open < out[out.length - 1]![1]) continue;
    out.push([open, callEnd(code, open)]);
  }
  return out;
}

/** The titled tests (as testTitlesOf reads them, requirement IDs left out) inside a skipped block, not yet in `out`. */
function pushSkipped(code: string, list: readonly Candidate[], out: string[]): void {
  const blocks = skippedBlocks(code);
  if (!blocks.length) return;
  const seen = new Set(out);
  scan(
    list,
    (c, start) => (c.close >= 0 && calleeAt(code, TITLE_CALLEE, start, c.paren) ? c.close + 1 : -1),
    (c) => {
      const key = id(code, c);
      if (COVERED.test(key) || seen.has(key) || !blocks.some(([from, to]) => c.paren > from && c.paren < to)) return;
      seen.add(key);
      out.push(key);
    },
  );
}

export function todosOf(code: string, list: readonly Candidate[] = candidates(code)): string[] {
  const out: string[] = [];
  scan(
    list,
    (c, start) => (c.close >= 0 && calleeAt(code, TODO_CALLEE, start, c.paren) ? tailEnd(code, TODO_TAIL, c.close + 1) : -1),
    (c) => out.push(id(code, c)),
  );
  return out;
}

/** All three from one look for candidates; the todos only when asked (only a plan that marks todos needs them). */
export function testCalls(code: string, withTodos: boolean): TestCalls {
  const list = candidates(code);
  if (list.length === 0) return { titles: new Map(), pending: [], todos: [] };
  return { titles: testTitlesOf(code, list), pending: pendingOf(code, list), todos: withTodos ? todosOf(code, list) : [] };
}

/**
 * A test call whose title, in quotes, starts with no ID: the callee (it, test, xit, xtest, with a modifier that keeps the
 * title the first argument: not .each, whose titles are templates of the call after its table) at a word's start. This
 * is UNTRACED_CALL_SPEC (the specification) without its look-behind `(?<![\w$.])`, which is checked by hand where a match
 * starts: with the look-behind first, V8 tries the expression at every character of the file; without it, only where an
 * "x", "i" or "t" starts the rest (about a fifth less time over a plan's four test files).
 */
const UNTRACED_CALL = /(?:x?it|x?test)(?:\.(?:only|skip|failing|fails|todo|concurrent))?\(\s*(["'`])(?![A-Z]{2,5}-\d+\b)/g;
export const UNTRACED_CALL_SPEC = /(?<![\w$.])(?:x?it|x?test)(?:\.(?:only|skip|failing|fails|todo|concurrent))?\(\s*(["'`])(?![A-Z]{2,5}-\d+\b)/g;

/**
 * The titles of the tests in a file that start with no ID (`it("checks nothing in particular", ...)`): no traceability
 * matrix can list them, so a test added that way would cover nothing while check said nothing (TRIAL6 U16). One
 * expression finds the rare call sites (16 us over a plan's four test files, against 38 for a search of every "it").
 * A match whose start follows a word character, "$" or "." is one UNTRACED_CALL_SPEC does not make there: the search goes
 * on from the next character, where the specification would try next (the first match at or after a start is the one
 * both make, since they differ only in what is checked before it).
 */
export function untracedTitles(code: string): string[] {
  const out: string[] = [];
  UNTRACED_CALL.lastIndex = 0;
  for (let m = UNTRACED_CALL.exec(code); m; m = UNTRACED_CALL.exec(code)) {
    if (m.index > 0 && afterWord(code.charCodeAt(m.index - 1))) {
      UNTRACED_CALL.lastIndex = m.index + 1;
      continue;
    }
    const close = closingQuote(code, UNTRACED_CALL.lastIndex, m[1]!.charCodeAt(0));
    if (close >= 0) out.push(code.slice(UNTRACED_CALL.lastIndex, close));
  }
  return out;
}

/** [\w$.] (without the u flag): what may not come before an untraced call's callee. */
const afterWord = (c: number): boolean => isWord(c) || c === 36 || c === 46;

/**
 * Each titled test's status as its file has it: a todo without a body, else pending (expected to fail), else a plain
 * test (""). What sync writes back beside a test's title and check compares with the test plan's marks.
 */
export function statusesOf(calls: TestCalls): Map<string, "todo" | "pending" | ""> {
  const out = new Map<string, "todo" | "pending" | "">();
  for (const id of calls.titles.keys()) out.set(id, "");
  for (const id of calls.pending) out.set(id, "pending");
  for (const id of calls.todos) out.set(id, "todo");
  return out;
}
