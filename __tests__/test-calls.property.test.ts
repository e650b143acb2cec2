/**
 * check finds the ID-titled calls of test files by hand (lib/check/test-calls.ts) instead of
 * running three regular expressions over each file. Property: for random test-like code (callees,
 * quotes, IDs, escapes, line ends, todos with and without bodies, white space beyond ASCII) the
 * hand-written reading finds exactly what the expressions find, match for match; and on the test
 * files a real plan writes.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pendingOf, testCalls, testTitlesOf, todosOf, UNTRACED_CALL_SPEC, untracedTitles } from "../lib/check/test-calls.js";

// The expressions check used (and sync's todo reader still uses): the specification.
const TITLE = /(?:\b(?:it|test)(?:\.\w+)?|\))\(\s*(["'`])([A-Z]{2,5}-\d+)\b((?:(?!\1)[^\\\n]|\\.)*)\1/g;
// A skipped test (it.skip, test.skip, xit, xtest, node's { skip } option) reads as pending too; tests inside a
// describe.skip block are beyond an expression (the block's extent): "describe" is not a token here, they have their own test.
const PENDING = /\b(?:(?:it|test)\.(?:failing|fails|skip)|xit|xtest)\(\s*(["'`])([A-Z]{2,5}-\d+)\b|\b(?:it|test)(\.todo)?\(\s*(["'`])([A-Z]{2,5}-\d+)\b(?:(?!\4)[^\\\n]|\\.)*\4\s*,\s*(?:\{\s*(?:todo|skip)\s*:|(?:async\s*)?\()/g;
const TODO = /\b(?:it|test)\.todo\(\s*(["'`])([A-Z]{2,5}-\d+)\b(?:(?!\1)[^\\\n]|\\.)*\1\s*,?\s*\)/g;

function titlesByRegex(code: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of code.matchAll(TITLE)) if (!/^(FR|NFR|AC|T)-/.test(m[2]!)) out.set(m[2]!, m[2]! + m[3]!);
  return out;
}
const pendingByRegex = (code: string): string[] => [...code.matchAll(PENDING)].filter((m) => m[2] || m[3] || !m[0].endsWith("(")).map((m) => m[2] ?? m[5]!);
const todosByRegex = (code: string): string[] => [...code.matchAll(TODO)].map((m) => m[2]!);

/**
 * The untraced titles as the specification reads them: each match of UNTRACED_CALL_SPEC (look-behind and all), the title
 * up to its closing quote on the same line as /((?:(?!q)[^\\\n]|\\.)*)q/ reads it.
 */
function untracedByRegex(code: string): string[] {
  const out: string[] = [];
  const spec = new RegExp(UNTRACED_CALL_SPEC.source, "g");
  for (const m of code.matchAll(spec)) {
    const from = m.index + m[0].length;
    const title = new RegExp(`((?:(?!${m[1]})[^\\\\\\n]|\\\\.)*)${m[1]}`, "y");
    title.lastIndex = from;
    const t = title.exec(code);
    if (t) out.push(t[1]!);
  }
  return out;
}

function expectSame(code: string): void {
  expect([code, untracedTitles(code)]).toEqual([code, untracedByRegex(code)]);
  expect([code, [...testTitlesOf(code)]]).toEqual([code, [...titlesByRegex(code)]]);
  expect([code, pendingOf(code)]).toEqual([code, pendingByRegex(code)]);
  expect([code, todosOf(code)]).toEqual([code, todosByRegex(code)]);
  const all = testCalls(code, true);
  expect([[...all.titles], all.pending, all.todos]).toEqual([[...titlesByRegex(code)], pendingByRegex(code), todosByRegex(code)]);
}

const token = fc.constantFrom(
  "it", "test", "xit", "xtest", "testing", "$", "a.", "xx", "it.only(", "test.concurrent(", "it.each(", "'checks nothing", '"no id here', "`plain", ".", "todo", "failing", "fails", "each", "skip", "(", ")", "((", " ", "\n", "\r", "\t", "\u00a0", "\u2028", "\u3000",
  '"', "'", "`", "\\", "\\\n", "\\\r", "\\\u2028", "\\\"", "\\'", "AB", "SEC", "ABCDEF", "A", "-", "1", "12", "_", "x", ",", "{", "todo:", "async", "FR", "T", "AC", "é", "漢",
  'it("SEC-1 a', "test.each(t)('DOM-2 b", "it.todo(`INT-3 c", '", () => {})', "', async () => {", "`, { todo: true }", '", { skip: true }', '",\n)', 'it.failing("AB-12"', 'it.skip("AB-3"', "xit('SEC-4", 'test.skip(`DOM-5',
);
const codeLike = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(""));

describe("finding ID-titled test calls without the expressions", () => {
  it("finds what the expressions find, for random test-like code", () => {
    fc.assert(fc.property(codeLike, (code) => expectSame(code)), { numRuns: 5000 });
  });

  it("finds what the expressions find in the golden example's test files", () => {
    const dir = path.resolve("examples/request-password-reset/src/features/request-password-reset/__tests__");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(2);
    let titles = 0;
    for (const f of files) {
      const code = readFileSync(path.join(dir, f), "utf8");
      expectSame(code);
      titles += titlesByRegex(code).size;
    }
    // The comparison saw real titles, not only files without any.
    expect(titles).toBeGreaterThan(20);
  });
});
