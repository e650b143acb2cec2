/**
 * One file's three-way merge (three-way.ts), knowing what mjoplan's files are. In a plan two things
 * are not text to merge: the test code it embeds, which is a copy of the test files (each merged on
 * its own, then embedded again by the caller), and the padding a formatter gives a table (a row
 * added to a table re-pads every row of it, which would make a person's edit in any row a
 * conflict). So a plan's embedded blocks are merged empty and its table rows in the form mjoplan
 * writes them; the caller formats the result again. Conflicts are named by the lines of the file
 * as it is on disk.
 */
import { cells, embeddedBlocks } from "../check/plan-facts.js";
import { mergeLines, type Conflict } from "./three-way.js";

interface Prepared {
  lines: string[];
  /** For each line, its 1-based line in the text it came from. */
  lineOf: number[];
}

const SEPARATOR = /^:?-+:?$/;

/** A table row as mjoplan writes it: one space around each cell, a separator's dashes as three. */
export function plainRow(line: string): string {
  if (!line.startsWith("|")) return line;
  const c = cells(line);
  if (c.length && c.every((x) => SEPARATOR.test(x))) return `| ${c.map((x) => `${x.startsWith(":") ? ":" : ""}---${x.length > 1 && x.endsWith(":") ? ":" : ""}`).join(" | ")} |`;
  return `| ${c.join(" | ")} |`;
}

function prepare(text: string, isPlan: boolean): Prepared {
  const all = text.split("\n");
  if (!isPlan) return { lines: all, lineOf: all.map((_, i) => i + 1) };
  // The lines of each embedded block's code, by index: left out (the block is merged empty).
  const inCode = new Set<number>();
  const lineAt = (offset: number): number => {
    let n = 0;
    for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
    return n;
  };
  for (const block of embeddedBlocks(text)) {
    const open = lineAt(block.start) + 2; // the link line, the blank line, then the opening fence
    const close = lineAt(block.end); // the closing fence's line
    for (let l = open + 1; l < close; l++) inCode.add(l);
  }
  const lines: string[] = [];
  const lineOf: number[] = [];
  all.forEach((line, i) => {
    if (inCode.has(i)) return;
    lines.push(plainRow(line));
    lineOf.push(i + 1);
  });
  return { lines, lineOf };
}

/** A plan with every embedded block's code left out (what is merged of it, and cheaper to format). */
export function withoutEmbeddedCode(plan: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const block of embeddedBlocks(plan)) {
    parts.push(plan.slice(at, block.start), `${block.head}${block.fence}ts\n${block.fence}`);
    at = block.end;
  }
  parts.push(plan.slice(at));
  return parts.join("");
}

interface FileMerge {
  /** The merged text; where both sides changed the same lines, theirs. A plan's embedded blocks are empty. */
  content: string;
  /** Where both changed the same lines, by the lines of `ours` as given. */
  conflicts: Conflict[];
}

export function mergeFile(base: string, ours: string, theirs: string, isPlan: boolean): FileMerge {
  const [b, o, t] = [prepare(base, isPlan), prepare(ours, isPlan), prepare(theirs, isPlan)];
  const merged = mergeLines(b.lines, o.lines, t.lines, { unionRows: isPlan });
  const onDisk = (line: number): number => o.lineOf[Math.min(Math.max(line, 1), o.lineOf.length) - 1] ?? line;
  return {
    content: merged.lines.join("\n"),
    conflicts: merged.conflicts.map((c) => ({ from: onDisk(c.from), to: c.to < c.from ? onDisk(c.from) : onDisk(c.to) })),
  };
}
