/**
 * `sync` as pure string -> string transforms of a plan: the embedded test code
 * and the traceability (matrix and the Tests columns) refreshed from the files.
 */
import path from "node:path";
import { cellPipes } from "../render/escape.js";
import { cells, coveredIdsIn, idList, testTitles } from "./plan-facts.js";

/** Replaces each embedded test block with the content of its file (by the block's link). */
export function syncEmbedded(markdown: string, contentOf: (link: string) => string | undefined): string {
  return markdown.replace(/(\[`[^`\n]*`\]\(([^)\s]+)\)\n\n)(`{3,})ts\n([\s\S]*?)\n\3(?=\n|$)/g, (whole, head: string, link: string, fence: string) => {
    const content = contentOf(link);
    if (content === undefined) return whole;
    const body = content.replace(/\n+$/, "");
    const longest = Math.max(2, ...(body.match(/^ {0,3}`+/gm) ?? []).map((r) => r.trim().length));
    const f = longest >= fence.length ? "`".repeat(longest + 1) : fence;
    return `${head}${f}ts\n${body}\n${f}`;
  });
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
