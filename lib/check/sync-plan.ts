/**
 * `sync` as pure string -> string transforms of a plan: the embedded test code
 * and the traceability (matrix and the Tests columns) refreshed from the files.
 */
import path from "node:path";
import { cellPipes, fenceFor, md } from "../render/escape.js";
import { cells, coveredIdsIn, embeddedBlocks, idList, section, trimNewlines } from "./plan-facts.js";
import { statusesOf, testCalls } from "./test-calls.js";

/** Replaces each embedded test block with the content of its file (by the block's link). */
export function syncEmbedded(markdown: string, contentOf: (link: string) => string | undefined): string {
  const parts: string[] = [];
  let at = 0;
  for (const block of embeddedBlocks(markdown)) {
    const content = contentOf(block.link);
    if (content === undefined) continue;
    const body = trimNewlines(content);
    const f = fenceFor(body).length > block.fence.length ? fenceFor(body) : block.fence;
    parts.push(markdown.slice(at, block.start), `${block.head}${f}ts\n${body}\n${f}`);
    at = block.end;
  }
  parts.push(markdown.slice(at));
  return parts.join("");
}

/** What the test plan says of a test beside its title: still a todo, pending (expected to fail), or neither. */
export type TestStatus = "todo" | "pending" | "";

export interface TestIndex {
  /** Test ID -> the plan-relative link of the file it is in. */
  fileOf: Map<string, string>;
  /** Test ID -> its title, to read which IDs it names. */
  titleOf: Map<string, string>;
  /** Test ID -> its status as its file has it. */
  statusOf: Map<string, TestStatus>;
}

/** Each test's status in a file: the same markers the plan generator writes, read back (one read of its test calls). */
export const testStatuses = (code: string): Map<string, TestStatus> => statusesOf(testCalls(code, true));

export function indexTests(files: { link: string; code: string }[]): TestIndex {
  const fileOf = new Map<string, string>();
  const titleOf = new Map<string, string>();
  const statusOf = new Map<string, TestStatus>();
  for (const { link, code } of files) {
    // Titles and statuses from one read of the file's test calls, as check reads them.
    const calls = testCalls(code, true);
    for (const [id, title] of calls.titles) {
      fileOf.set(id, link);
      titleOf.set(id, title);
    }
    for (const [id, status] of statusesOf(calls)) statusOf.set(id, status);
  }
  return { fileOf, titleOf, statusOf };
}

const TEST_ROW = /^\|\s*([A-Z]{2,5}-\d+)\s*\|/;
const SUFFIX = / \((todo|pending)\)$/;

/**
 * The tests the test plan marks " (todo)" or " (pending)" after their titles. Only marked rows are read
 * (a scan for the two marks, not of every row): check reads thousands of plans a second, and a mark
 * that no longer holds is what goes stale when a person finishes a test.
 */
export function markedStatuses(markdown: string): Map<string, TestStatus> {
  const out = new Map<string, TestStatus>();
  const testPlan = section(markdown, ". Test plan");
  for (const mark of ["todo", "pending"] as const) {
    for (let at = testPlan.indexOf(` (${mark})`); at >= 0; at = testPlan.indexOf(` (${mark})`, at + 1)) {
      const line = testPlan.slice(testPlan.lastIndexOf("\n", at) + 1, (testPlan.indexOf("\n", at) + 1 || testPlan.length + 1) - 1);
      const id = TEST_ROW.exec(line)?.[1];
      const c = id ? cells(line) : [];
      if (id && c.length >= 5 && SUFFIX.exec(c[2]!)?.[1] === mark) out.set(id, mark);
    }
  }
  return out;
}

/**
 * The test plan's rows with each test's status as its file now has it: a todo turned into a real test
 * loses its " (todo)", a pending test that passes and became a plain test loses its " (pending)".
 * Tests no file has keep what the row says.
 */
export function syncTestStatus(markdown: string, index: TestIndex): string {
  let inTestPlan = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (line.startsWith("## ")) inTestPlan = line.includes(". Test plan");
      const id = inTestPlan ? TEST_ROW.exec(line)?.[1] : undefined;
      const status = id === undefined ? undefined : index.statusOf.get(id);
      if (status === undefined) return line;
      const c = cells(line);
      if (c.length < 5) return line;
      const title = c[2]!.replace(SUFFIX, "");
      return rowOf(line, c, [c[0]!, c[1]!, status ? `${title} (${status})` : title, ...c.slice(3)]);
    })
    .join("\n");
}

/** The kind of test an ID's prefix names, as the plan generator numbers them. */
const KIND_OF_PREFIX: Readonly<Record<string, string>> = { SEC: "security", DOM: "domain", INT: "integration", PERF: "performance" };

/**
 * The test plan's table with a row for every test the files have that it lacks (one a person added, such
 * as `it("SEC-20 NFR-6 bursts from two clients are limited")`): its kind and file cell as the rows of the
 * same file have them (else from the ID and the file's name), what it proves from its title without the IDs
 * it covers, those IDs, placed after the last row of its file. Its mark is syncTestStatus's.
 */
export function syncTestRows(markdown: string, index: TestIndex): string {
  const lines = markdown.split("\n");
  const heading = lines.findIndex((l) => l.startsWith("## ") && l.includes(". Test plan"));
  if (heading < 0) return markdown;
  let end = lines.findIndex((l, i) => i > heading && l.startsWith("## "));
  if (end < 0) end = lines.length;
  const rows = new Map<string, number>();
  for (let i = heading + 1; i < end; i++) {
    const id = TEST_ROW.exec(lines[i]!)?.[1];
    if (id) rows.set(id, i);
  }
  if (!rows.size) return markdown;
  const inserts = new Map<number, string[]>();
  let last = Math.max(...rows.values());
  for (const [id, title] of index.titleOf) {
    if (rows.has(id)) continue;
    const link = index.fileOf.get(id)!;
    // The rows of the same file: the new row goes after their last, with their kind and file cell.
    const sameFile = [...rows.values()].filter((i) => lines[i]!.includes(`](${link})`));
    const at = sameFile.length ? Math.max(...sameFile) : last;
    const like = sameFile.length ? cells(lines[at]!) : undefined;
    const fileKind = /\.(security|domain|integration|performance)\.[^/]*$/.exec(link)?.[1];
    const kind = like?.[1] ?? KIND_OF_PREFIX[id.replace(/-\d+$/, "")] ?? fileKind ?? "test";
    const file = like?.[4] ?? cellPipes(`[\`${path.posix.basename(link)}\`](${link})`);
    const covers = coveredIdsIn(title);
    const proves = title.slice(id.length).replace(/^\s*(?:(?:FR|NFR|AC|T)-\d+[\s,]*)*/, "").trim() || title;
    inserts.set(at, [...(inserts.get(at) ?? []), `| ${id} | ${kind} | ${cellPipes(md(proves))} | ${covers.join(", ") || "none"} | ${file} |`]);
  }
  if (!inserts.size) return markdown;
  return lines.flatMap((line, i) => [line, ...(inserts.get(i) ?? [])]).join("\n");
}

/** The tests an item keeps: those still in the files, plus those whose titles name the item. */
function testsFor(id: string, listed: string[], index: TestIndex): string[] {
  const kept = listed.filter((t) => index.fileOf.has(t));
  const named = [...index.titleOf].filter(([, title]) => coveredIdsIn(title).includes(id)).map(([t]) => t);
  return [...new Set([...kept, ...named])];
}

const ITEM_ROW = /^\|\s*((?:FR|NFR|AC|T)-\d+)\s*\|/;

/** A row rewritten only where its cells change, so a formatter's padding survives every row sync leaves alone. */
const rowOf = (line: string, before: string[], after: string[]): string => (after.length === before.length && after.every((c, i) => c === before[i]) ? line : `| ${after.join(" | ")} |`);

const PENDING_LINE = "pending until the handler satisfies them: ";
const TODO_LINE = /^([A-Z]{2,5}-\d+): /;
const TODO_NEED = /^- ([A-Z]{2,5}-\d+)\b/;
const ALL_ASSERT = "all generated tests assert already; run them";

/**
 * The lists of what is still open, as the files now have it: in the implementation steps, each test
 * step's "pending until ..." IDs (those still pending, and a todo that became pending) and its todo
 * lines (those still todos); in the test plan, "What each todo needs" (its bullets for tests still
 * todos, the whole list gone with the last). A test no file has keeps what the plan says.
 */
export function syncOpenLists(markdown: string, index: TestIndex): string {
  const still = (id: string, status: TestStatus): boolean => {
    const now = index.statusOf.get(id);
    return now === undefined || now === status;
  };
  const lines = markdown.split("\n");
  const out: string[] = [];
  let part = "";
  let block: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("## ")) part = line.includes(". Implementation steps") ? "steps" : line.includes(". Test plan") ? "tests" : "";
    if (part === "steps") {
      // A step's text block: read whole, then written back with what is still open.
      if (block === undefined && line === "```text") {
        block = [];
        out.push(line);
        continue;
      }
      if (block !== undefined && line !== "```") {
        block.push(line);
        continue;
      }
      if (block !== undefined) {
        out.push(...openBlock(block, still), line);
        block = undefined;
        continue;
      }
    }
    if (part === "tests" && line === "What each todo needs:") {
      let end = i + 1;
      while (end < lines.length && (lines[end] === "" || TODO_NEED.test(lines[end]!))) end++;
      const needs = lines.slice(i + 1, end).filter((l) => TODO_NEED.test(l));
      const kept = needs.filter((l) => still(TODO_NEED.exec(l)![1]!, "todo"));
      if (kept.length === needs.length) {
        out.push(...lines.slice(i, end));
      } else if (kept.length) {
        out.push(line, "", ...kept, "");
      }
      // With none kept, the heading, its bullets and the blank line after them go; the blank line before stays.
      i = end - 1;
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

/** A test step's text block with only what is still open; a block of nothing else is left alone. */
function openBlock(block: string[], still: (id: string, status: TestStatus) => boolean): string[] {
  const pendingAt = block.findIndex((l) => l.startsWith(PENDING_LINE));
  const todos = block.filter((l) => TODO_LINE.test(l));
  if (pendingAt < 0 && !todos.length) return block;
  const pending = pendingAt < 0 ? [] : idList(block[pendingAt]!.slice(PENDING_LINE.length));
  const nowPending = [...pending.filter((id) => still(id, "pending")), ...todos.map((l) => TODO_LINE.exec(l)![1]!).filter((id) => !pending.includes(id) && !still(id, "todo") && still(id, "pending"))];
  const kept = block.flatMap((l, i) => {
    if (i === pendingAt) return nowPending.length ? [`${PENDING_LINE}${nowPending.join(", ")}`] : [];
    if (TODO_LINE.test(l)) return still(TODO_LINE.exec(l)![1]!, "todo") ? [l] : [];
    return [l];
  });
  // A todo that became pending joins the pending line, made where there was none.
  if (pendingAt < 0 && nowPending.length) kept.unshift(`${PENDING_LINE}${nowPending.join(", ")}`);
  return kept.length ? kept : [ALL_ASSERT];
}

/** Rewrites the Tests column of every item row (FR, NFR, AC, T), the matrix's Files column, each test's status in the test plan, and the lists of what is still open. */
export function syncTraceability(markdown: string, index: TestIndex): string {
  let inMatrix = false;
  const { text, whatOf } = withMatrixRows(syncOpenLists(syncTestStatus(syncTestRows(markdown, index), index), index));
  return text
    .split("\n")
    .map((line) => {
      if (line.startsWith("## ")) inMatrix = /Traceability matrix/.test(line);
      const m = ITEM_ROW.exec(line);
      if (!m) return line;
      const c = cells(line);
      const id = m[1]!;
      if (inMatrix) {
        const tests = testsFor(id, idList(c[2] ?? ""), index);
        const links = [...new Set(tests.map((t) => index.fileOf.get(t)!))];
        const files = links.map((l) => `[${path.posix.basename(l)}](${l})`).join(", ");
        // The matrix repeats each item's text: a gap filled there is filled here too.
        return rowOf(line, c, [c[0]!, whatOf.get(id) ?? c[1]!, tests.join(", ") || "none", cellPipes(files) || "none"]);
      }
      const last = c.length - 1;
      const tests = testsFor(id, idList(c[last] ?? ""), index);
      return rowOf(line, c, [...c.slice(0, last), tests.join(", ") || "none"]);
    })
    .join("\n");
}

/**
 * The plan with a traceability row for every requirement, criterion and threat
 * its other tables list (one may be missing after a hand edit or an older
 * mjoplan): each put back after the row of the item before it, with the tests
 * its own row lists. The sync that follows keeps those the files have.
 */
function withMatrixRows(markdown: string): { text: string; whatOf: Map<string, string> } {
  const whatOf = new Map<string, string>();
  const lines = markdown.split("\n");
  const heading = lines.findIndex((l) => l.startsWith("## ") && l.includes("Traceability matrix"));
  if (heading < 0) return { text: markdown, whatOf };
  let end = lines.findIndex((l, i) => i > heading && l.startsWith("## "));
  if (end < 0) end = lines.length;
  const inMatrix = new Map<string, number>();
  let header = -1;
  for (let i = heading + 1; i < end; i++) {
    if (header < 0 && lines[i]!.startsWith("|")) header = i;
    const id = ITEM_ROW.exec(lines[i]!)?.[1];
    if (id) inMatrix.set(id, i);
  }
  if (header < 0) return { text: markdown, whatOf };
  const items: { id: string; what: string; tests: string }[] = [];
  lines.forEach((line, i) => {
    if (i >= heading && i < end) return;
    const id = ITEM_ROW.exec(line)?.[1];
    if (!id || items.some((x) => x.id === id)) return;
    const c = cells(line);
    // A threat's matrix text is "Category: threat", as the plan generator writes it.
    items.push({ id, what: c.length >= 6 ? `${c[1]}: ${c[3]}` : (c[1] ?? ""), tests: c[c.length - 1] ?? "none" });
    whatOf.set(id, items[items.length - 1]!.what);
  });
  const inserts = new Map<number, string[]>();
  let after = header + 1; // the separator row: a first item goes right below it
  for (const item of items) {
    const at = inMatrix.get(item.id);
    if (at !== undefined) {
      after = at;
      continue;
    }
    inserts.set(after, [...(inserts.get(after) ?? []), `| ${item.id} | ${item.what} | ${item.tests} | none |`]);
  }
  if (!inserts.size) return { text: markdown, whatOf };
  return { text: lines.flatMap((line, i) => [line, ...(inserts.get(i) ?? [])]).join("\n"), whatOf };
}
