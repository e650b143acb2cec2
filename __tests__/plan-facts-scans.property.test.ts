/**
 * check's scans of a plan were rewritten to look for rare strings with indexOf instead of reading
 * every line or running expressions per row (lib/check/plan-facts.ts). The earlier versions are
 * kept here as the specification. Property: for random plan-like text (fences of both kinds and
 * lengths, indented, unclosed; tables with escaped and trailing pipes; marks; checklists; gap
 * markers; white space beyond ASCII) the fenced code, the embedded tests, the table cells, the
 * marked tests and the facts are what the earlier versions give.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { cells, type EmbeddedBlock, embeddedBlocks, fencedCode, idList, markedTests, notProse, rawLinks, readPlan, section } from "../lib/check/plan-facts.js";
import { markedStatuses } from "../lib/check/sync-plan.js";

function fencedCodeByLines(markdown: string): [number, number][] {
  const out: [number, number][] = [];
  let open: { ch: string; len: number; body: number } | undefined;
  for (let lineStart = 0; lineStart < markdown.length; ) {
    let lineEnd = markdown.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = markdown.length;
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(markdown.slice(lineStart, lineEnd));
    if (fence) {
      const len = fence[1]!.length;
      const ch = fence[1]![0]!;
      const at = lineStart + fence[0].length - len;
      const rest = markdown.slice(at + len, lineEnd);
      if (open === undefined) {
        if (ch === "~" || !rest.includes("`")) open = { ch, len, body: lineEnd + 1 };
      } else if (ch === open.ch && len >= open.len && rest.trim() === "") {
        out.push([open.body, lineEnd]);
        open = undefined;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (open) out.push([open.body, markdown.length]);
  return out;
}

type RawLink = ReturnType<typeof rawLinks>[number];

function embeddedBlocksByLines(markdown: string, links: readonly RawLink[] = rawLinks(markdown)): EmbeddedBlock[] {
  // Lines made only of backticks, by their length, in order: the possible closing fences.
  const closers = new Map<number, number[]>();
  for (let lineStart = 0; lineStart <= markdown.length; ) {
    let lineEnd = markdown.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = markdown.length;
    const len = lineEnd - lineStart;
    if (len >= 3 && markdown.charCodeAt(lineStart) === 96) {
      let i = lineStart;
      while (i < lineEnd && markdown.charCodeAt(i) === 96) i++;
      if (i === lineEnd) (closers.get(len) ?? closers.set(len, []).get(len)!).push(lineStart);
    }
    lineStart = lineEnd + 1;
  }
  const cursor = new Map<number, number>();
  const out: EmbeddedBlock[] = [];
  let after = 0;
  for (const link of links) {
    if (link.at < after) continue;
    // "[`...`](" with no newline or backtick inside the code span.
    if (markdown[link.at - 1] !== "`") continue;
    // The code span's opening backtick is the one before (so each look back covers new text: linear).
    const tick = markdown.lastIndexOf("`", link.at - 2);
    if (tick < 1 || markdown[tick - 1] !== "[" || markdown.slice(tick + 1, link.at - 1).includes("\n")) continue;
    const open = tick - 1;
    const headEnd = link.at + 2 + link.target.length + 1;
    if (markdown.slice(headEnd, headEnd + 2) !== "\n\n") continue;
    let f = headEnd + 2;
    while (markdown.charCodeAt(f) === 96) f++;
    const fence = markdown.slice(headEnd + 2, f);
    if (fence.length < 3 || markdown.slice(f, f + 3) !== "ts\n") continue;
    const codeStart = f + 3;
    // The first line of exactly this fence after the opening line ("\n" + fence + end of line).
    const list = closers.get(fence.length) ?? [];
    let k = cursor.get(fence.length) ?? 0;
    while (k < list.length && list[k]! <= codeStart - 1) k++;
    cursor.set(fence.length, k);
    const close = list[k];
    if (close === undefined) continue;
    out.push({ link: link.target, code: markdown.slice(codeStart, close - 1), start: open, end: close + fence.length, head: markdown.slice(open, headEnd + 2), fence });
    after = close + fence.length;
  }
  return out;
}

function sectionByLineEnds(markdown: string, title: string): string {
  let at = markdown.indexOf("\n## ");
  while (at >= 0) {
    const lineEnd = markdown.indexOf("\n", at + 1);
    if (markdown.slice(at + 1, lineEnd < 0 ? undefined : lineEnd).includes(title)) {
      const next = markdown.indexOf("\n## ", at + 1);
      return markdown.slice(at + 1, next < 0 ? undefined : next);
    }
    at = markdown.indexOf("\n## ", at + 1);
  }
  return "";
}

/** rawLinks as it was written first: every target read a character at a time. */
function rawLinksByChars(markdown: string): RawLink[] {
  const out: RawLink[] = [];
  const code = notProse(markdown);
  let next = 0;
  let from = 0;
  for (let at = markdown.indexOf("](", from); at >= 0; at = markdown.indexOf("](", from)) {
    from = at + 2;
    while (next < code.length && code[next]![1] <= at) next++;
    if (next < code.length && code[next]![0] <= at) {
      from = code[next]![1];
      continue;
    }
    let n = 0;
    while (at - n - 1 >= 0 && markdown.charCodeAt(at - n - 1) === 92) n++;
    if (n % 2 === 1) continue;
    if (markdown[at + 2] === "<") {
      let close = at + 3;
      while (close < Math.min(markdown.length, at + 3 + 4096) && !"<>\n".includes(markdown[close]!)) close++;
      if (markdown[close] === ">" && markdown[close + 1] === ")") {
        out.push({ target: markdown.slice(at + 3, close), at, end: close + 2 });
        from = close + 2;
        continue;
      }
    }
    let end = at + 2;
    const limit = Math.min(markdown.length, at + 2 + 4096);
    while (end < limit && markdown[end] !== ")" && !/\s/.test(markdown[end]!)) end++;
    if (end === at + 2 || markdown[end] !== ")") {
      from = Math.max(from, end);
      continue;
    }
    out.push({ target: markdown.slice(at + 2, end), at, end: end + 1 });
    from = end + 1;
  }
  return out;
}

/** readPlan's links and bad links as they were computed first: every raw link, split at "#", then deduplicated. */
function linksAsBefore(markdown: string): { links: string[]; badLinks: string[] } {
  const links = rawLinksByChars(markdown).map((l) => l.target).filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l) && !l.startsWith("#"));
  const decoded: string[] = [];
  const badLinks: string[] = [];
  for (const l of new Set(links.map((x) => x.split("#")[0]!))) {
    try {
      decoded.push(decodeURI(l));
    } catch {
      badLinks.push(l);
    }
  }
  return { links: [...new Set(decoded)], badLinks };
}

/** The traceability matrix's rows as readPlan read them first: every line, filtered and mapped by expressions. */
const traceByExpressions = (markdown: string): { id: string; tests: string[] }[] =>
  section(markdown, "Traceability matrix")
    .split("\n")
    .filter((l) => /^\|\s*[A-Z]+-\d+\s*\|/.test(l))
    .map((l) => {
      const c = cellsByExpressions(l);
      const cell = c[2] ?? "";
      return { id: c[0]!, tests: cell === "none" || cell === "" ? [] : cell.split(/,\s*/).filter((x) => /^[A-Z]+-\d+$/.test(x)) };
    });

const cellsByExpressions = (row: string): string[] =>
  row
    .replace(/^\|/, "")
    .replace(/\|\s*$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

const piece = fc.constantFrom(
  "---\n", "status: draft\n", "## 5. Test plan\n", "## 8. Traceability matrix\n", "## 2. Design\n", "### 5. Test plan\n", "\n## ", "## ",
  "| SEC-1 | security | x (todo) | FR-1 | [`a.test.ts`](a.test.ts) |\n", "| DOM-2 | domain | y (pending) | AC-2 | f |\n", "| INT-3 | integration | z (todo) (pending) | T-1 | f |\n",
  "| INT-4 | integration | w (todo) | T-1 |\n", "| INT-5 | integration | v (pending)\n| a | b |\n", "| FR-1 | x | SEC-1, DOM-2 |\n", "| NFR-2 | z | SEC-1 ,DOM-2,\tINT-3,, x-1,  AB-12 |\n", ", ", ",", "| AC-2 | y \\| z | none |  \n", "|", "| ", " |", "\\|", "\\", " (todo)", "(todo)", " (pending)", "(pending)",
  "[`a.test.ts`](a.test.ts)\n\n```ts\nit(\"SEC-1 x\", () => {});\n```\n", "[`b.test.ts`](b.test.ts)\n\n````ts\n```\ntest('DOM-2')\n````\n",
  "[`c.test.ts`](c.test.ts)\n\n```ts\n", "\n```\n", "\n````\n", "\n```ts\n", "[`d.test.ts`](d.test.ts)\n\n````ts\n", "\n```a\n", "```", "````", "~~~", "~~~~", " ```", "   ```", "    ```", "``` ts", "```ts", "~~~ `x`", "``` `x`", "`", "~", "\n", "\n\n", " ", "  ", "\t",
  "- [ ] open\n", "- [x] done\n", "\n- [ ] ", "\n-   [ ] ", "\n-  [ ] ", "[ ] ", "TODO(plan)", "TODO", "(plan)", "TODO(plan): fill", "<!-- ", " -->", "](", ")", "[x](y.md)", "[y](y.md#a)", "[z](%E0%A4%A)", "[u](https://e.com)", "[h](#a)", "](a b)", "](<a b>)", "](<a", "\\](x)", "\\\\](y)", "x", "é", "\u00a0", "\u2028", "\u3000",
);
const planLike = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(""));

describe("plan scans with indexOf give what the line-by-line scans gave", () => {
  it("fenced code, closing fences, cells and marks, for random plan-like text", () => {
    fc.assert(
      fc.property(planLike, (text) => {
        expect([text, fencedCode(text)]).toEqual([text, fencedCodeByLines(text)]);
        expect([text, embeddedBlocks(text)]).toEqual([text, embeddedBlocksByLines(text)]);
        expect([text, rawLinks(text)]).toEqual([text, rawLinksByChars(text)]);
        const facts = readPlan(text);
        expect([text, { links: facts.links, badLinks: facts.badLinks }]).toEqual([text, linksAsBefore(text)]);
        expect([text, facts.trace]).toEqual([text, traceByExpressions(text)]);
        for (const line of text.split("\n")) for (const cell of line.split("|")) expect([cell, idList(cell.trim())]).toEqual([cell, cell.trim() === "none" || cell.trim() === "" ? [] : cell.trim().split(/,\s*/).filter((x) => /^[A-Z]+-\d+$/.test(x))]);
        for (const line of text.split("\n")) expect([line, cells(line)]).toEqual([line, cellsByExpressions(line)]);
        expect([text, [...markedTests(text)]]).toEqual([text, [...markedStatuses(text)]]);
        for (const title of ["Traceability matrix", ". Test plan", "Design"]) expect([text, section(text, title)]).toEqual([text, sectionByLineEnds(text, title)]);
      }),
      { numRuns: 4000 },
    );
  });

  it("the facts of a plan: gap markers and open items counted as before", () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const facts = readPlan(text);
        const count = (s: string, needle: string): number => s.split(needle).length - 1;
        expect([text, facts.placeholders]).toEqual([text, count(text, "TODO(plan)") - count(section(text, "Traceability matrix"), "TODO(plan)")]);
        // Prettier 2 aligns an item's text to its tabWidth: "-  [ ] " and "-   [ ] " are open items too.
        expect([text, facts.openItems]).toEqual([text, count(text, "\n- [ ] ") + count(text, "\n-  [ ] ") + count(text, "\n-   [ ] ")]);
      }),
      { numRuns: 2000 },
    );
  });
});
