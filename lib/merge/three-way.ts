/**
 * A three-way merge of lines, as git and Yeoman-style generators merge a file a person edited with a
 * new rendering of it: `base` is what the tool wrote before, `ours` the file as it is now (the
 * person's edits), `theirs` what the tool writes now. Each side's changes from base apply; where
 * both changed the same lines differently, that is a conflict: the merge then holds their lines
 * there (what --force writes) and names the place in ours.
 *
 * Two changes that only touch (one ends where the other starts) both apply: a person filling in the
 * last row of a table while the tool appends a row after it is no conflict. Two insertions at one
 * place are, unless they are the same.
 */
import { createRequire } from "node:module";

/** base[start, end) replaced by `lines`. */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
  side: "ours" | "theirs";
}

/** A place both sides changed: lines [from, to] of ours, 1-based (from > to: ours removed the lines before `from`). */
export interface Conflict {
  from: number;
  to: number;
}

export interface Merged {
  lines: string[];
  conflicts: Conflict[];
}

// The diff library is loaded only by the runs that merge.
const require = createRequire(import.meta.url);

/** Edits past which two versions are taken as wholly different: the diff's time grows with the edits times the length. */
const MAX_EDITS = 5000;

function hunks(base: readonly string[], other: readonly string[], side: Hunk["side"]): Hunk[] {
  const { diffArrays } = require("diff") as typeof import("diff");
  const parts = diffArrays(base as string[], other as string[], { maxEditLength: MAX_EDITS });
  // Too far apart to diff in bounded time: one change of the whole.
  if (!parts) return [{ start: 0, end: base.length, lines: [...other], side }];
  const out: Hunk[] = [];
  let at = 0;
  let open: Hunk | undefined;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      open = undefined;
      at += part.count ?? part.value.length;
      continue;
    }
    if (!open) out.push((open = { start: at, end: at, lines: [], side }));
    if (part.removed) {
      at += part.count ?? part.value.length;
      open.end = at;
    } else open.lines.push(...part.value);
  }
  return out;
}

const isInsertion = (h: Hunk): boolean => h.start === h.end;

/** base[start, end) with the given hunks (all inside it, in order) applied. */
function apply(base: readonly string[], start: number, end: number, applied: Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const h of applied) {
    out.push(...base.slice(at, h.start), ...h.lines);
    at = h.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((l, i) => l === b[i]);

/**
 * `unionRows`: two insertions at one place that are both Markdown table rows (a row `sync` added for a test a person
 * wrote, rows a grow adds for a new event's tests) both apply, theirs then ours, as git's union merge would: rows of
 * one table are no conflict (TRIAL5 U4).
 */
export function mergeLines(base: readonly string[], ours: readonly string[], theirs: readonly string[], { unionRows = false } = {}): Merged {
  // In base order; at one place an insertion comes before a replacement that starts there.
  const all = [...hunks(base, ours, "ours"), ...hunks(base, theirs, "theirs")].sort((a, b) => a.start - b.start || Number(isInsertion(b)) - Number(isInsertion(a)));
  const lines: string[] = [];
  const conflicts: Conflict[] = [];
  let at = 0;
  // Lines of ours minus lines of base before the current place: maps a base index to ours' line.
  let shift = 0;
  for (let i = 0; i < all.length; ) {
    const group = [all[i]!];
    let start = group[0]!.start;
    let end = group[0]!.end;
    for (i++; i < all.length; i++) {
      const h = all[i]!;
      // Overlapping, or a second insertion at the place of the group's own insertion.
      if (h.start < end || (isInsertion(h) && start === end && h.start === end)) {
        start = Math.min(start, h.start);
        end = Math.max(end, h.end);
        group.push(h);
      } else break;
    }
    lines.push(...base.slice(at, start));
    const mine = group.filter((h) => h.side === "ours");
    const their = group.filter((h) => h.side === "theirs");
    const oursText = apply(base, start, end, mine);
    const theirsText = apply(base, start, end, their);
    const from = start + shift + 1;
    shift += oursText.length - (end - start);
    if (!mine.length) lines.push(...theirsText);
    else if (!their.length || same(oursText, theirsText)) lines.push(...oursText);
    else if (unionRows && group.every((h) => isInsertion(h) && h.lines.every((l) => l.startsWith("|")))) lines.push(...theirsText, ...oursText.filter((l) => !theirsText.includes(l)));
    else {
      lines.push(...theirsText);
      conflicts.push({ from, to: from + oursText.length - 1 });
    }
    at = end;
  }
  lines.push(...base.slice(at));
  return { lines, conflicts };
}

/** "lines 12-14, 40" for a message. */
export function placesOf(conflicts: readonly Conflict[]): string {
  const places = conflicts.map((c) => (c.to <= c.from ? `${c.from}` : `${c.from}-${c.to}`));
  return `line${conflicts.length === 1 && conflicts[0]!.to <= conflicts[0]!.from ? "" : "s"} ${places.join(", ")}`;
}
