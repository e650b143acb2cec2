/**
 * Where a plan's gap markers are: each `TODO(plan):` with its line, its one-line
 * hint and the section it sits in, so an agent (or a person) can fill them one
 * by one. Counts exactly what `check` counts as placeholders. Pure: text in.
 */
import { PLACEHOLDER } from "./plan-facts.js";

export interface GapMarker {
  /** 1-based. */
  line: number;
  /** 1-based, where the marker starts. */
  column: number;
  /** The `## ` heading above the marker ("2. Design"), or "" before the first one. */
  section: string;
  /** The nearest `### ` (or deeper) heading below that section, when there is one. */
  subsection?: string;
  /** What belongs there, as the marker says it. */
  hint: string;
  /** The whole line, to find it again after other edits. */
  text: string;
}

/**
 * The hint ends where the marker's context does: at the end of a table cell,
 * at the parenthesis the marker was opened in, or at the end of the line.
 */
export function hintAfter(line: string, at: number): string {
  const rest = line.slice(at + PLACEHOLDER.length).replace(/^:\s*/, "");
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "\\") i++;
    else if (c === "|") return rest.slice(0, i).trim();
    else if (c === "(") depth++;
    else if (c === ")" && depth-- === 0) return rest.slice(0, i).trim();
  }
  return rest.trim();
}

const HEADING = /^(#{2,6})\s+(.*?)\s*#*\s*$/;

export function gapMarkers(markdown: string): GapMarker[] {
  const out: GapMarker[] = [];
  let section = "";
  let subsection: string | undefined;
  let fence: string | undefined;
  const lines = markdown.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    // Headings inside fenced code (embedded tests) are not headings.
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (fence === undefined || (fenceMark[0] === fence[0] && fenceMark.length >= fence.length))) fence = fence === undefined ? fenceMark : undefined;
    else if (fence === undefined) {
      const heading = HEADING.exec(line);
      if (heading) {
        if (heading[1] === "##") [section, subsection] = [heading[2]!, undefined];
        else subsection = heading[2]!;
      }
    }
    // The traceability matrix repeats requirements' text: its markers are filled where they come from (sync copies them).
    if (section.includes("Traceability matrix")) continue;
    for (let at = line.indexOf(PLACEHOLDER); at >= 0; at = line.indexOf(PLACEHOLDER, at + PLACEHOLDER.length)) {
      out.push({ line: n + 1, column: at + 1, section, ...(subsection ? { subsection } : {}), hint: hintAfter(line, at), text: line });
    }
  }
  return out;
}
