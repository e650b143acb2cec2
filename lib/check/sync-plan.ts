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

/** Rewrites the Tests column of every item row (FR, NFR, AC, T) and the matrix's Files column. */
export function syncTraceability(markdown: string, index: TestIndex): string {
  let inMatrix = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (line.startsWith("## ")) inMatrix = /Traceability matrix/.test(line);
      const m = /^\|\s*((?:FR|NFR|AC|T)-\d+)\s*\|/.exec(line);
      if (!m) return line;
      const c = cells(line);
      const id = m[1]!;
      if (inMatrix) {
        const tests = testsFor(id, idList(c[2] ?? ""), index);
        const links = [...new Set(tests.map((t) => index.fileOf.get(t)!))];
        const files = links.map((l) => `[${path.posix.basename(l)}](${l})`).join(", ");
        return `| ${c[0]} | ${c[1]} | ${tests.join(", ") || "none"} | ${cellPipes(files) || "none"} |`;
      }
      const last = c.length - 1;
      const tests = testsFor(id, idList(c[last] ?? ""), index);
      return `| ${[...c.slice(0, last), tests.join(", ") || "none"].join(" | ")} |`;
    })
    .join("\n");
}
