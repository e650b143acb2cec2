/**
 * `sync` as pure string -> string transforms of a plan: the embedded test code
 * and the traceability (matrix and the Tests columns) refreshed from the files.
 */
import path from "node:path";
import { cellPipes, fenceFor } from "../render/escape.js";
import { cells, coveredIdsIn, embeddedBlocks, idList, testTitles, trimNewlines } from "./plan-facts.js";

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

export interface TestIndex {
  /** Test ID -> the plan-relative link of the file it is in. */
  fileOf: Map<string, string>;
  /** Test ID -> its title, to read which IDs it names. */
  titleOf: Map<string, string>;
}

export function indexTests(files: { link: string; code: string }[]): TestIndex {
  const fileOf = new Map<string, string>();
  const titleOf = new Map<string, string>();
  for (const { link, code } of files) {
    for (const [id, title] of testTitles(code)) {
      fileOf.set(id, link);
      titleOf.set(id, title);
    }
  }
  return { fileOf, titleOf };
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

/** Rewrites the Tests column of every item row (FR, NFR, AC, T) and the matrix's Files column. */
export function syncTraceability(markdown: string, index: TestIndex): string {
  let inMatrix = false;
  const { text, whatOf } = withMatrixRows(markdown);
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
