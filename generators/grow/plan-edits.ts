/**
 * Edits of an existing plan and test file as pure `string -> string` functions,
 * for sub-generators that grow a use-case. Each keeps everything a person wrote
 * and touches only the rows and lines it adds to.
 */
import { cells, normalRow, trimNewlines } from "../../lib/check/plan-facts.js";

/** The next free number for IDs with this prefix: nextNumber(plan, "FR") after FR-1..FR-6 is 7. */
export function nextNumber(text: string, prefix: string): number {
  let max = 0;
  for (const m of text.matchAll(new RegExp(`\\b${prefix}-(\\d+)\\b`, "g"))) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** [start, end) line indexes of the `## ` section whose heading contains `title`. */
function sectionRange(lines: string[], title: string): [number, number] | undefined {
  const start = lines.findIndex((l) => l.startsWith("## ") && l.includes(title));
  if (start < 0) return undefined;
  const next = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return [start, next < 0 ? lines.length : next];
}

/** Whether a table row (in any alignment) starts with these cells: `hasRow(plan, "| Email |")`. */
export const hasRow = (markdown: string, start: string): boolean => markdown.split("\n").some((l) => l.startsWith("|") && normalRow(l).startsWith(start));

/**
 * Inserts `rows` after the last line of the section that matches `rowPattern`; unchanged when there is none.
 * Rows are matched as mjoplan writes them (`| FR-1 | ...`), whatever padding a formatter gave them.
 */
export function appendRows(markdown: string, sectionTitle: string, rowPattern: RegExp, rows: string[]): string {
  const lines = markdown.split("\n");
  const range = sectionRange(lines, sectionTitle);
  if (!range) return markdown;
  let last = -1;
  for (let i = range[0]; i < range[1]; i++) if (rowPattern.test(normalRow(lines[i]!))) last = i;
  if (last < 0) return markdown;
  lines.splice(last + 1, 0, ...rows);
  return lines.join("\n");
}

/** Appends a block of lines at the end of the section whose heading contains `title`. */
export function appendToSection(markdown: string, sectionTitle: string, block: string): string {
  const lines = markdown.split("\n");
  const range = sectionRange(lines, sectionTitle);
  if (!range) return markdown;
  let end = range[1];
  while (end > range[0] && lines[end - 1]!.trim() === "") end--;
  lines.splice(end, 0, "", ...block.split("\n"));
  return lines.join("\n");
}

/** Adds a row to the table whose header starts with `header` (in any alignment), or puts the table in place of the line starting with `placeholder`. */
export function addToTable(markdown: string, header: string, placeholder: string, row: string): string {
  const lines = markdown.split("\n");
  const at = lines.findIndex((l) => l.startsWith("|") && normalRow(l).startsWith(header));
  if (at >= 0) {
    let end = at + 1;
    while (end < lines.length && lines[end]!.startsWith("|")) end++;
    lines.splice(end, 0, row);
    return lines.join("\n");
  }
  const empty = lines.findIndex((l) => l.startsWith(placeholder));
  if (empty < 0) return markdown;
  const columns = header.split("|").length - 2;
  lines.splice(empty, 1, header, `|${" --- |".repeat(columns)}`, row);
  return lines.join("\n");
}

/** Rewrites what a checklist item is covered by, keeping its checkbox as the reviewer left it. */
export function setChecklistCoverage(markdown: string, item: string, coveredBy: (current: string) => string): string {
  const lines = markdown.split("\n");
  const at = lines.findIndex((l) => /^- \[[ xX]\] /.test(l) && l.slice(6).startsWith(`${item}:`));
  if (at < 0) return markdown;
  const current = lines[at]!.slice(6 + item.length + 1).trim();
  lines[at] = `${lines[at]!.slice(0, 6)}${item}: ${coveredBy(current)}`;
  return lines.join("\n");
}

/** A test file with more imports (after the last import) and one more block at the end. */
export function addToTestFile(code: string, imports: string[], block: string): string {
  const lines = trimNewlines(code).split("\n");
  let lastImport = -1;
  lines.forEach((l, i) => {
    if (l.startsWith("import ")) lastImport = i;
  });
  // A formatter may break a long import over lines: insert after its end, not inside it.
  while (lastImport >= 0 && lastImport < lines.length - 1 && !/\bfrom\s*["']|^import\s*["']/.test(lines[lastImport]!)) lastImport++;
  lines.splice(lastImport + 1, 0, ...imports.filter((imp) => !lines.includes(imp)));
  return `${lines.join("\n")}\n\n${block.replace(/^\n+|\n+$/g, "")}\n`;
}

const addToList = (cell: string, item: string): string => (cell === "none" || cell === "" ? item : cell.split(", ").includes(item) ? cell : `${cell}, ${item}`);

/**
 * Lists a new test for a requirement, criterion or threat: in the Tests column of
 * its own table and of the traceability matrix, whose Files column gets the test's file.
 */
export function addTestToItem(markdown: string, itemId: string, testId: string, fileLink: string): string {
  let inMatrix = false;
  const row = new RegExp(`^\\|\\s*${itemId}\\s*\\|`);
  return markdown
    .split("\n")
    .map((line) => {
      if (line.startsWith("## ")) inMatrix = line.includes("Traceability matrix");
      if (!row.test(line)) return line;
      const c = cells(line);
      if (inMatrix) {
        c[2] = addToList(c[2] ?? "none", testId);
        c[3] = addToList(c[3] ?? "none", fileLink);
      } else c[c.length - 1] = addToList(c[c.length - 1]!, testId);
      return `| ${c.join(" | ")} |`;
    })
    .join("\n");
}
