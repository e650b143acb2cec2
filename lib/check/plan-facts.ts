/**
 * What `check` and `sync` read from a plan, with regular expressions over the
 * Markdown mjoplan writes (no Markdown parser: check must read 1,000 plans a second).
 * Pure: a plan's text in, its facts out.
 */
import { isSpace } from "../is-space.js";
import { pathOfLink } from "../link-text.js";
import { bytesAsText } from "./bytes-as-text.js";
import { pendingOf, testTitlesOf } from "./test-calls.js";

export interface EmbeddedTest {
  /** The path the link names (URI-decoded, as `links`), relative to the plan's folder. */
  link: string;
  code: string;
}

export interface TraceItem {
  id: string;
  tests: string[];
}

export interface PlanFacts {
  status: string;
  /** Relative links to files (no URLs, no anchors), URI-decoded. */
  links: string[];
  /** Links that are not valid URI text (`%E0%A4%A`): a finding, never a crash. */
  badLinks: string[];
  /** A front-matter key given twice. */
  duplicateKey?: string;
  embedded: EmbeddedTest[];
  trace: TraceItem[];
  /** Whether the plan has a traceability matrix and a test plan at all (a config's omitSections may leave them out). */
  sections?: { traceability: boolean; testPlan: boolean };
  openItems: number;
  placeholders: number;
}

export const PLACEHOLDER = "TODO(plan)";
/** The longest link target read; a longer `](...)` is not a link mjoplan wrote (and bounds the scan: linear time). */
const MAX_LINK = 4096;

/** A link target as a plan holds it, between `](` and `)`, with where it starts. */
interface RawLink {
  target: string;
  /** Index of the `]`. */
  at: number;
  /** Index after the `)`. */
  end: number;
}

/** Whether the character at `i` is escaped by an odd run of backslashes before it. */
function escaped(text: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && text.charCodeAt(i - n - 1) === 92) n++;
  return n % 2 === 1;
}

/** A link target's characters: no white space (what isSpace calls so: /\s/), no ")". */
const TARGET = /[^\s)]+/y;

/**
 * Every `](target)` that is not escaped (`\](` is text a user wrote, escaped by
 * md()); the target holds no space and no `)`, or is `<...>` on one line (no `<`). A scan, not a regular expression:
 * one pass whatever the plan holds.
 */
export function rawLinks(markdown: string): RawLink[] {
  const out: RawLink[] = [];
  const code = notProse(markdown);
  let next = 0;
  let from = 0;
  // The first ")" at or after the target being read: looked for again only once passed, so each stretch of the plan once.
  let paren = -2;
  for (let at = markdown.indexOf("](", from); at >= 0; at = markdown.indexOf("](", from)) {
    from = at + 2;
    while (next < code.length && code[next]![1] <= at) next++;
    // Inside a fenced code block or an HTML comment (the stored answers) "](" is not a link.
    if (next < code.length && code[next]![0] <= at) {
      from = code[next]![1];
      continue;
    }
    if (escaped(markdown, at)) continue;
    // `](<path with spaces>)`: the destination between the angle brackets (CommonMark), on one line.
    if (markdown.charCodeAt(at + 2) === 60) {
      let close = at + 3;
      const stop = Math.min(markdown.length, at + 3 + MAX_LINK);
      while (close < stop && markdown.charCodeAt(close) !== 62 && markdown.charCodeAt(close) !== 10 && markdown.charCodeAt(close) !== 60) close++;
      if (markdown.charCodeAt(close) === 62 && markdown[close + 1] === ")") {
        out.push({ target: markdown.slice(at + 3, close), at, end: close + 2 });
        from = close + 2;
        continue;
      }
    }
    let end = at + 2;
    if (paren !== -1 && paren < end) paren = markdown.indexOf(")", end);
    // No ")" left: no link is left.
    if (paren < 0) break;
    if (paren - end <= MAX_LINK) {
      // One expression for the target's characters (not a call a character); it stops at that ")" at the latest.
      TARGET.lastIndex = end;
      if (TARGET.test(markdown)) end = TARGET.lastIndex;
    } else {
      const limit = Math.min(markdown.length, at + 2 + MAX_LINK);
      while (end < limit && markdown.charCodeAt(end) !== 41 && !isSpace(markdown.charCodeAt(end))) end++;
    }
    // No link here; nor at any "](" before `end`, which would stop at the same character.
    if (end === at + 2 || markdown[end] !== ")") {
      from = Math.max(from, end);
      continue;
    }
    out.push({ target: markdown.slice(at + 2, end), at, end: end + 1 });
    from = end + 1;
  }
  return out;
}

/**
 * The fenced code blocks, as [start, end) spans from the line after the opening
 * fence to the end of the closing one (CommonMark: a fence of ``` or ~~~ closes
 * with at least as many of the same character; an unclosed one runs to the end).
 */
export function fencedCode(markdown: string): [number, number][] {
  const out: [number, number][] = [];
  let open: { ch: string; len: number; body: number } | undefined;
  // Only lines holding ``` or ~~~ within their first characters can be fences: found with indexOf, not line by line
  // (an embedded test's indented lines are most of a plan). Each line is looked at once, so the scan stays linear.
  let tick = markdown.indexOf("```");
  let tilde = markdown.indexOf("~~~");
  while (tick >= 0 || tilde >= 0) {
    const at = tilde < 0 || (tick >= 0 && tick < tilde) ? tick : tilde;
    const lineStart = markdown.lastIndexOf("\n", at - 1) + 1;
    let lineEnd = markdown.indexOf("\n", at);
    if (lineEnd < 0) lineEnd = markdown.length;
    // /^ {0,3}(`{3,}|~{3,})/: at most three spaces before the run (the first ``` or ~~~ of a line starts its run).
    let fence = at - lineStart <= 3;
    for (let i = lineStart; fence && i < at; i++) if (markdown.charCodeAt(i) !== 32) fence = false;
    if (fence) {
      const ch = markdown[at]!;
      let len = 3;
      while (markdown[at + len] === ch) len++;
      const rest = markdown.slice(at + len, lineEnd);
      if (open === undefined) {
        if (ch === "~" || !rest.includes("`")) open = { ch, len, body: lineEnd + 1 };
      } else if (ch === open.ch && len >= open.len && rest.trim() === "") {
        out.push([open.body, lineEnd]);
        open = undefined;
      }
    }
    if (tick >= 0 && tick <= lineEnd) tick = markdown.indexOf("```", lineEnd + 1);
    if (tilde >= 0 && tilde <= lineEnd) tilde = markdown.indexOf("~~~", lineEnd + 1);
  }
  if (open) out.push([open.body, markdown.length]);
  return out;
}

/** Fenced code blocks and HTML comments outside them, as sorted, disjoint [start, end) spans. */
export function notProse(markdown: string): [number, number][] {
  const spans = fencedCode(markdown);
  const comments: [number, number][] = [];
  let k = 0;
  for (let at = markdown.indexOf("<!--"); at >= 0; ) {
    while (k < spans.length && spans[k]![1] <= at) k++;
    if (k < spans.length && spans[k]![0] <= at) {
      at = markdown.indexOf("<!--", spans[k]![1]);
      continue;
    }
    const end = markdown.indexOf("-->", at + 4);
    const stop = end < 0 ? markdown.length : end + 3;
    comments.push([at, stop]);
    at = markdown.indexOf("<!--", stop);
  }
  // Union of two sorted lists of spans.
  const all = [...spans, ...comments].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const span of all) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

export interface EmbeddedBlock extends EmbeddedTest {
  /** The block's span in the plan: from the link's line to the end of the closing fence. */
  start: number;
  end: number;
  /** The link line and the blank line after it, as written. */
  head: string;
  fence: string;
}

/**
 * Every embedded test: a line "[`name`](link)", a blank line, a fence of three or
 * more backticks with "ts", the code, and a line of exactly that fence. Found in
 * one pass (the closing fences are indexed first), so a crafted plan with
 * thousands of unclosed blocks costs no more than its length.
 */
export function embeddedBlocks(markdown: string, links: readonly RawLink[] = rawLinks(markdown)): EmbeddedBlock[] {
  // Lines made only of backticks, by their length, in order: the possible closing fences. Such a line starts
  // with ```, and the first ``` found from a line's start is at the start of that line if it begins with one.
  const closers = new Map<number, number[]>();
  for (let at = markdown.indexOf("```"); at >= 0; ) {
    let lineEnd = markdown.indexOf("\n", at);
    if (lineEnd < 0) lineEnd = markdown.length;
    if (at === 0 || markdown.charCodeAt(at - 1) === 10) {
      let i = at + 3;
      while (i < lineEnd && markdown.charCodeAt(i) === 96) i++;
      const len = lineEnd - at;
      if (i === lineEnd) (closers.get(len) ?? closers.set(len, []).get(len)!).push(at);
    }
    at = markdown.indexOf("```", lineEnd + 1);
  }
  const cursor = new Map<number, number>();
  const out: EmbeddedBlock[] = [];
  let after = 0;
  for (const link of links) {
    if (link.at < after) continue;
    // "[`...`](" with no newline or backtick inside the code span.
    if (markdown[link.at - 1] !== "`") continue;
    // A blank line after the link, looked at first: a test plan's rows link "[`file`](...)" too, and the look back below
    // is a slow call.
    const headEnd = link.end;
    if (markdown.charCodeAt(headEnd) !== 10 || markdown.charCodeAt(headEnd + 1) !== 10) continue;
    // The code span's opening backtick is the one before (so each look back covers new text: linear).
    const tick = markdown.lastIndexOf("`", link.at - 2);
    if (tick < 1 || markdown[tick - 1] !== "[" || markdown.slice(tick + 1, link.at - 1).includes("\n")) continue;
    const open = tick - 1;
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

/** One `## ` section whose heading contains `title`, up to the next `## ` heading. */
export function section(markdown: string, title: string): string {
  let at = nextHeading(markdown, 0);
  while (at >= 0) {
    const lineEnd = markdown.indexOf("\n", at + 1);
    if (markdown.slice(at + 1, lineEnd < 0 ? undefined : lineEnd).includes(title)) {
      const next = nextHeading(markdown, at + 1);
      return markdown.slice(at + 1, next < 0 ? undefined : next);
    }
    at = nextHeading(markdown, at + 1);
  }
  return "";
}

/** markdown.indexOf("\n## ", from), found from "## " (V8 finds a needle starting with "\n" slowly in a text of a thousand lines). */
function nextHeading(markdown: string, from: number): number {
  for (let at = markdown.indexOf("## ", from + 1); at >= 0; at = markdown.indexOf("## ", at + 1)) if (markdown.charCodeAt(at - 1) === 10) return at - 1;
  return -1;
}

/**
 * The traceability matrix and the test plan, as section() gives each, from one look at the plan's headings (check reads
 * both from every plan, and the test plan's marks from the second).
 */
function matrixAndTestPlan(markdown: string): { matrix: string; testPlan: string } {
  let matrix: string | undefined;
  let testPlan: string | undefined;
  for (let at = nextHeading(markdown, 0); at >= 0 && (matrix === undefined || testPlan === undefined); ) {
    const lineEnd = markdown.indexOf("\n", at + 1);
    const heading = markdown.slice(at + 1, lineEnd < 0 ? undefined : lineEnd);
    const next = nextHeading(markdown, at + 1);
    const isMatrix = matrix === undefined && heading.includes("Traceability matrix");
    const isTestPlan = testPlan === undefined && heading.includes(". Test plan");
    if (isMatrix || isTestPlan) {
      const body = markdown.slice(at + 1, next < 0 ? undefined : next);
      if (isMatrix) matrix = body;
      if (isTestPlan) testPlan = body;
    }
    at = next;
  }
  return { matrix: matrix ?? "", testPlan: testPlan ?? "" };
}

/** Without its trailing newlines; a loop, because /\n+$/ rescans long strings. */
export function trimNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}

/** Cells of a Markdown table row, with escaped pipes kept inside their cell. */
export function cells(row: string): string[] {
  // row.replace(/^\|/, "").replace(/\|\s*$/, "").split(/(?<!\\)\|/).map(trim), without the three expressions (check reads
  // every row of every matrix): the cells lie between the leading pipe and a last pipe followed by white space only.
  const start = row.charCodeAt(0) === 124 ? 1 : 0;
  let end = row.length;
  while (end > start && isSpace(row.charCodeAt(end - 1))) end--;
  end = end > start && row.charCodeAt(end - 1) === 124 ? end - 1 : row.length;
  const out: string[] = [];
  let from = start;
  for (let at = row.indexOf("|", start); at >= 0 && at < end; at = row.indexOf("|", at + 1)) {
    if (at > start && row.charCodeAt(at - 1) === 92) continue;
    out.push(row.slice(from, at).trim());
    from = at + 1;
  }
  out.push(row.slice(from, end).trim());
  return out;
}

/**
 * A table row as mjoplan writes it, one space around each cell, whatever padding
 * Prettier gave it; other lines as they are. Edits match rows in this form.
 */
export const normalRow = (line: string): string => (line.startsWith("|") ? `| ${cells(line).join(" | ")} |` : line);

const TRACE_ROW = /^\|\s*[A-Z]+-\d+\s*\|/;

/**
 * A matrix row's ID and tests: cells(row)[0] and idList(cells(row)[2] ?? ""), cutting out only those two cells (the
 * row's cells lie as cells() has them: between the leading pipe and a last pipe followed by white space only).
 */
function traceRow(row: string): TraceItem {
  const start = row.charCodeAt(0) === 124 ? 1 : 0;
  let end = row.length;
  while (end > start && isSpace(row.charCodeAt(end - 1))) end--;
  end = end > start && row.charCodeAt(end - 1) === 124 ? end - 1 : row.length;
  let id: string | undefined;
  let third: string | undefined;
  let n = 0;
  let from = start;
  for (let at = row.indexOf("|", start); at >= 0 && at < end; at = row.indexOf("|", at + 1)) {
    if (at > start && row.charCodeAt(at - 1) === 92) continue;
    if (n === 0) id = row.slice(from, at).trim();
    else if (n === 2) {
      third = row.slice(from, at).trim();
      break;
    }
    n++;
    from = at + 1;
  }
  if (id === undefined) id = row.slice(from, end).trim();
  else if (third === undefined && n === 2) third = row.slice(from, end).trim();
  return { id, tests: idList(third ?? "") };
}
const ID = /^[A-Z]+-\d+$/;

/** The IDs a cell lists: its parts between commas (white space after a comma dropped) that are IDs; no expression's split. */
export function idList(cell: string): string[] {
  if (cell === "none" || cell === "") return [];
  const out: string[] = [];
  for (let from = 0; ; ) {
    const comma = cell.indexOf(",", from);
    const piece = cell.slice(from, comma < 0 ? cell.length : comma);
    if (ID.test(piece)) out.push(piece);
    if (comma < 0) return out;
    from = comma + 1;
    while (from < cell.length && isSpace(cell.charCodeAt(from))) from++;
  }
}

/**
 * Unchecked review-checklist items: "\n- [ ] ", and the same item as Prettier 2 aligns its text to a tabWidth of 3 or 4
 * ("\n-  [ ] ", "\n-   [ ] ": TRIAL3 U31). One search for "[ ] " (rarer than a line end, and it cannot overlap
 * itself), each found one looked back from; the three forms cannot both end at one "[".
 */
export function openItems(markdown: string): number {
  let n = 0;
  for (let at = markdown.indexOf("[ ] "); at >= 0; at = markdown.indexOf("[ ] ", at + 4)) {
    if (at < 3 || markdown.charCodeAt(at - 1) !== 32) continue;
    let dash = at - 2;
    // At most two more spaces between the dash and the "[" (one is the form "- [ ]").
    while (dash > at - 4 && markdown.charCodeAt(dash) === 32) dash--;
    if (markdown.charCodeAt(dash) === 45 && dash > 0 && markdown.charCodeAt(dash - 1) === 10) n++;
  }
  return n;
}

/**
 * How often "TODO(plan)" occurs: looked for as "DO(p", rarer than "T" (and V8 finds a needle of seven characters or more
 * slowly: it prepares a table for each search), the rest compared where that is found. It cannot overlap itself.
 */
function placeholders(text: string): number {
  let n = 0;
  for (let at = text.indexOf("DO(p", 2); at >= 0; at = text.indexOf("DO(p", at + 4)) if (text.startsWith(PLACEHOLDER, at - 2)) n++;
  return n;
}

/**
 * The gap markers a person has to fill, each once: the traceability matrix
 * repeats the text of requirements, so a marker there is one already counted.
 */
export function countPlaceholders(markdown: string, matrix: string = section(markdown, "Traceability matrix")): number {
  return placeholders(markdown) - placeholders(matrix);
}

/** The front matter's top-level keys, in order; a key given twice is named, since which one wins is a guess. */
export function frontMatter(markdown: string): { text: string; duplicate?: string } {
  if (!markdown.startsWith("---\n")) return { text: "" };
  const end = markdown.indexOf("\n---", 4);
  const text = end < 0 ? "" : markdown.slice(4, end);
  const seen = new Set<string>();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0 || /^[\s#-]/.test(line)) continue;
    const key = line.slice(0, colon).trim().replace(/^["']|["']$/g, "");
    if (seen.has(key)) return { text, duplicate: key };
    seen.add(key);
  }
  return { text };
}

/**
 * A top-level scalar of the front matter, as YAML reads it: plain, "double-" or 'single-quoted' (Prettier
 * with singleQuote rewrites `status: "approved"` as `status: 'approved'`). No YAML library: check starts fast.
 */
export function frontValue(front: string, key: string): string | undefined {
  const raw = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, "m").exec(front)?.[1];
  if (raw === undefined) return undefined;
  if (raw.startsWith("'")) return /^'((?:[^']|'')*)'(?:\s+#.*)?$/.exec(raw)?.[1]!.replace(/''/g, "'");
  if (raw.startsWith('"')) {
    const quoted = /^("(?:[^"\\]|\\.)*")(?:\s+#.*)?$/.exec(raw)?.[1];
    try {
      return quoted === undefined ? undefined : (JSON.parse(quoted) as string);
    } catch {
      return undefined; // a YAML escape JSON does not know (\x41): not a value check compares
    }
  }
  return raw.replace(/\s+#.*$/, "");
}

/** Of one length, at most this many targets are compared one by one; more go to a set (a crafted plan stays linear). */
const FEW_TARGETS = 32;

/**
 * Whether a link target was seen before (and, if not, it is now). Each of a plan's ~200 targets is a new string, which a
 * set would hash in full (a call into V8's runtime for a string cut from the plan); compared with the few targets of the
 * same length instead, as long as they are few.
 */
function seenTargets(): (target: string) => boolean {
  const byLength = new Map<number, string[] | Set<string>>();
  return (target) => {
    const same = byLength.get(target.length);
    if (same === undefined) {
      byLength.set(target.length, [target]);
      return false;
    }
    if (Array.isArray(same)) {
      if (same.includes(target)) return true;
      if (same.length < FEW_TARGETS) same.push(target);
      else byLength.set(target.length, new Set([...same, target]));
      return false;
    }
    if (same.has(target)) return true;
    same.add(target);
    return false;
  };
}

/**
 * `asBytes`: the plan is its bytes read one character per byte (lib/check/bytes-as-text.ts); the
 * facts that name something (links, a key) are turned back into text, the embedded code stays bytes.
 */
export function readPlan(markdown: string, asBytes = false): PlanFacts {
  return readPlanParts(markdown, asBytes).facts;
}

/** readPlan's facts, and the tests the test plan marks (markedTests), as check reads both: the plan's headings looked at once. */
export function readPlanForCheck(markdown: string, asBytes = false): { facts: PlanFacts; marked: Map<string, "todo" | "pending"> } {
  const { facts, testPlan } = readPlanParts(markdown, asBytes);
  return { facts, marked: markedTests(markdown, testPlan) };
}

function readPlanParts(markdown: string, asBytes: boolean): { facts: PlanFacts; testPlan: string } {
  const text = asBytes ? bytesAsText : (s: string): string => s;
  const front = frontMatter(markdown);
  const given = frontValue(front.text, "status");
  const status = given !== undefined && /^[\w-]+$/.test(given) ? given : "unknown";
  // One scan for links serves both the links and the embedded tests.
  const raw = rawLinks(markdown);
  // A plan links the same file many times (each test its file): each target is looked at once, in the order first seen.
  const targets = seenTargets();
  const links: string[] = [];
  let last = "";
  for (const l of raw) {
    // The same target as the link before (a test plan's rows link their file one after another): no look needed.
    if (l.target === last || targets(l.target)) continue;
    last = l.target;
    const link = text(l.target);
    if (!/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith("#")) links.push(link);
  }
  // The path each embedded test's link names, decoded as the links are (src/Use%20Cases/... is src/Use Cases/...).
  // A loop and push, not map(): check's optimized checkPlan expects the array this makes, and the array map() makes once
  // this function is optimized differs from the one it makes before (checkPlan was thrown out and compiled again).
  const blocks = embeddedBlocks(markdown, raw);
  const embedded: EmbeddedTest[] = [];
  for (let i = 0; i < blocks.length; i++) embedded.push({ link: pathOfLink(text(blocks[i]!.link)), code: blocks[i]!.code });
  const decoded: string[] = [];
  const badLinks: string[] = [];
  const paths = new Set<string>();
  for (const x of links) {
    const hash = x.indexOf("#");
    paths.add(hash < 0 ? x : x.slice(0, hash));
  }
  for (const l of paths) {
    // decodeURI changes only what a "%" starts, and fails only there.
    if (!l.includes("%")) decoded.push(l);
    else
      try {
        decoded.push(decodeURI(l));
      } catch {
        badLinks.push(l);
      }
  }
  const { matrix, testPlan } = matrixAndTestPlan(markdown);
  // The matrix's rows, line by line (no array of every line, no callbacks: check reads thousands of plans a run).
  const trace: TraceItem[] = [];
  for (let at = 0; at < matrix.length; ) {
    let end = matrix.indexOf("\n", at);
    if (end < 0) end = matrix.length;
    if (matrix.charCodeAt(at) === 124) {
      const line = matrix.slice(at, end);
      if (TRACE_ROW.test(line)) trace.push(traceRow(line));
    }
    at = end + 1;
  }
  const facts: PlanFacts = {
    status,
    links: [...new Set(decoded)],
    badLinks,
    ...(front.duplicate !== undefined ? { duplicateKey: text(front.duplicate) } : {}),
    embedded,
    trace,
    sections: { traceability: matrix !== "", testPlan: testPlan !== "" },
    openItems: openItems(markdown),
    placeholders: countPlaceholders(markdown, matrix),
  };
  return { facts, testPlan };
}

/**
 * /^\|\s*([A-Z]{2,5}-\d+)\s*\|/.exec(row)?.[1] (a test plan row's ID) read by hand: the expression's exec made an array
 * and a string for each of a test plan's marked rows. No backtracking could find another match: a run of capitals
 * longer than five, or digits followed by anything but white space and a pipe, fails the expression too.
 */
function testRowId(row: string): string | undefined {
  if (row.charCodeAt(0) !== 124) return undefined;
  let i = 1;
  while (i < row.length && isSpace(row.charCodeAt(i))) i++;
  const start = i;
  while (i < row.length && row.charCodeAt(i) >= 65 && row.charCodeAt(i) <= 90) i++;
  if (i - start < 2 || i - start > 5 || row.charCodeAt(i) !== 45) return undefined;
  const digits = ++i;
  while (i < row.length && row.charCodeAt(i) >= 48 && row.charCodeAt(i) <= 57) i++;
  if (i === digits) return undefined;
  const end = i;
  while (i < row.length && isSpace(row.charCodeAt(i))) i++;
  return row.charCodeAt(i) === 124 ? row.slice(start, end) : undefined;
}

/** cells(row)[2] where the row has at least five cells as cells() splits it, else undefined; the other cells not cut out. */
function thirdOfFive(row: string): string | undefined {
  const start = row.charCodeAt(0) === 124 ? 1 : 0;
  let end = row.length;
  while (end > start && isSpace(row.charCodeAt(end - 1))) end--;
  end = end > start && row.charCodeAt(end - 1) === 124 ? end - 1 : row.length;
  let pipes = 0;
  let from = start;
  let third: string | undefined;
  for (let at = row.indexOf("|", start); at >= 0 && at < end; at = row.indexOf("|", at + 1)) {
    if (at > start && row.charCodeAt(at - 1) === 92) continue;
    if (pipes === 2) third = row.slice(from, at).trim();
    from = at + 1;
    // Four separating pipes: five cells at least.
    if (++pipes === 4) return third;
  }
  return undefined;
}

/**
 * The tests the test plan marks " (todo)" or " (pending)" after their titles: what sync-plan.ts markedStatuses
 * reads, found faster (a test in __tests__/plan-facts-scans.property.test.ts holds the two alike): V8's indexOf
 * of " (todo)" is slow in a text where its first character is everywhere.
 */
export function markedTests(markdown: string, testPlan: string = section(markdown, ". Test plan")): Map<string, "todo" | "pending"> {
  // A mark that counts ends the third cell of a row, so white space and a pipe follow it: the pipes are looked
  // at (a rare character, found fast), each row's cells read as markedStatuses reads them.
  const found = { todo: [] as string[], pending: [] as string[] };
  for (let bar = testPlan.indexOf("|"); bar >= 0; bar = testPlan.indexOf("|", bar + 1)) {
    let end = bar;
    while (end > 0 && isSpace(testPlan.charCodeAt(end - 1))) end--;
    if (testPlan.charCodeAt(end - 1) !== 41) continue;
    const mark = testPlan.endsWith(" (todo)", end) ? "todo" : testPlan.endsWith(" (pending)", end) ? "pending" : undefined;
    if (mark === undefined) continue;
    const lineEnd = testPlan.indexOf("\n", end);
    const line = testPlan.slice(testPlan.lastIndexOf("\n", end) + 1, lineEnd < 0 ? testPlan.length : lineEnd);
    const id = testRowId(line);
    if (id === undefined) continue;
    const third = thirdOfFive(line);
    // / \((todo|pending)\)$/ naming the same mark, without the expression.
    if (third !== undefined && third.endsWith(mark === "todo" ? " (todo)" : " (pending)")) found[mark].push(id);
  }
  // In markedStatuses' order: the todos, then the pending tests.
  const out = new Map<string, "todo" | "pending">();
  for (const id of found.todo) out.set(id, "todo");
  for (const id of found.pending) out.set(id, "pending");
  return out;
}

// A test title that starts with an ID: it("SEC-1 ..."), it.todo("..."), test(...), or it.each(table)("DOM-1 ...").
// Unbounded, since a title may hold a 2,000-character criterion, and linear: test-calls.ts reads them (its header has
// the regular expressions that define them), in one pass over the file's dashes and each title once.

/** Each test's ID and whole title, from a test file's code. */
export const testTitles = (code: string): Map<string, string> => testTitlesOf(code);

export const testIdsIn = (code: string): string[] => [...testTitles(code).keys()];

// A test marked as expected to fail until the use-case is implemented: jest's it.failing / test.failing,
// vitest's test.fails, or node's test runner's todo given a body (it.todo(title, fn), or the { todo } option after the title).

/** IDs of the tests a file marks pending (expected to fail until implemented). */
export const pendingIdsIn = (code: string): string[] => pendingOf(code);

/** IDs of requirements, criteria and threats a test title names, e.g. "INT-5 AC-1 Given ...". */
export function coveredIdsIn(title: string): string[] {
  return [...title.matchAll(/\b((?:FR|NFR|AC|T)-\d+)\b/g)].map((m) => m[1]!);
}
