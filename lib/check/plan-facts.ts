/**
 * What `check` and `sync` read from a plan, with regular expressions over the
 * Markdown mjoplan writes (no Markdown parser: check must read 1,000 plans a second).
 * Pure: a plan's text in, its facts out.
 */

export interface EmbeddedTest {
  /** The link as written in the plan, relative to the plan's folder. */
  link: string;
  code: string;
}

export interface TraceItem {
  id: string;
  tests: string[];
}

export interface PlanFacts {
  status: string;
  /** Relative links to files (no URLs, no anchors). */
  links: string[];
  embedded: EmbeddedTest[];
  trace: TraceItem[];
  openItems: number;
  placeholders: number;
}

export const PLACEHOLDER = "TODO(plan)";
const EMBEDDED = /\[`[^`\n]*`\]\(([^)\s]+)\)\n\n(`{3,})ts\n([\s\S]*?)\n\2(?=\n|$)/g;
const LINK = /\]\(([^)\s]+)\)/g;

/** One `## ` section whose heading contains `title`, up to the next `## ` heading. */
export function section(markdown: string, title: string): string {
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

/** Without its trailing newlines; a loop, because /\n+$/ rescans long strings. */
export function trimNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}

/** Cells of a Markdown table row, with escaped pipes kept inside their cell. */
export function cells(row: string): string[] {
  return row
    .replace(/^\|/, "")
    .replace(/\|\s*$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

export const idList = (cell: string): string[] => (cell === "none" || cell === "" ? [] : cell.split(/,\s*/).filter((x) => /^[A-Z]+-\d+$/.test(x)));

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

export function readPlan(markdown: string): PlanFacts {
  const front = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? "";
  const status = /^status:\s*"?([\w-]+)"?\s*$/m.exec(front)?.[1] ?? "unknown";
  const links = [...markdown.matchAll(LINK)].map((m) => m[1]!).filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l) && !l.startsWith("#"));
  const embedded = [...markdown.matchAll(EMBEDDED)].map((m) => ({ link: m[1]!, code: m[3]! }));
  const trace = section(markdown, "Traceability matrix")
    .split("\n")
    .filter((l) => /^\|\s*[A-Z]+-\d+\s*\|/.test(l))
    .map((l) => {
      const c = cells(l);
      return { id: c[0]!, tests: idList(c[2] ?? "") };
    });
  return {
    status,
    links: [...new Set(links.map((l) => decodeURI(l.split("#")[0]!)))],
    embedded,
    trace,
    openItems: occurrences(markdown, "\n- [ ] "),
    placeholders: occurrences(markdown, PLACEHOLDER),
  };
}

// A test title that starts with an ID: it("SEC-1 ..."), it.todo("..."), test(...), or it.each(table)("DOM-1 ...").
const TITLE = /(?:\b(?:it|test)(?:\.\w+)?|\))\(\s*(["'`])([A-Z]{2,5}-\d+)\b((?:(?!\1)[^\\\n]|\\.)*)\1/g;

/** Each test's ID and whole title, from a test file's code. */
export function testTitles(code: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of code.matchAll(TITLE)) if (!/^(FR|NFR|AC|T)-/.test(m[2]!)) out.set(m[2]!, m[2]! + m[3]!);
  return out;
}

export const testIdsIn = (code: string): string[] => [...testTitles(code).keys()];

/** IDs of requirements, criteria and threats a test title names, e.g. "INT-5 AC-1 Given ...". */
export function coveredIdsIn(title: string): string[] {
  return [...title.matchAll(/\b((?:FR|NFR|AC|T)-\d+)\b/g)].map((m) => m[1]!);
}
