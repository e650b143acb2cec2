/**
 * The rows of a plan's value-object table (`| Email | \`email\` | ...`): each
 * name and the rule in its code span. A scan in one pass over each line, not a
 * regular expression: a plan is text anyone can edit, and the pattern this
 * replaces (a lazy `.*?` before a back-reference to the fence) took quadratic
 * time on one long row, minutes for a 40 KB line.
 */
import { isSpace } from "../../lib/is-space.js";

const NAME = /\p{L}[\p{L}\p{N}]*/uy;
const LINES = /\r\n?|[\n\u2028\u2029]/;


const skipSpaces = (line: string, i: number): number => {
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
};

/**
 * `| Name | <fence>rule<fence> |` at the start of a line: the name, and the code
 * span's text (CommonMark: it closes at the next run of exactly as many
 * backticks, here followed by the cell's `|`); undefined for any other line.
 */
export function valueObjectRow(line: string): { name: string; rule: string } | undefined {
  if (line.charCodeAt(0) !== 124) return undefined;
  let i = skipSpaces(line, 1);
  NAME.lastIndex = i;
  const name = NAME.exec(line)?.[0];
  if (name === undefined) return undefined;
  i = skipSpaces(line, i + name.length);
  if (line.charCodeAt(i) !== 124) return undefined;
  i = skipSpaces(line, i + 1);
  const open = i;
  while (line.charCodeAt(i) === 96) i++;
  const fence = i - open;
  if (fence === 0) return undefined;
  const start = i < line.length && isSpace(line.charCodeAt(i)) ? i + 1 : i;
  // Each run of backticks is looked at once; a run closes the span when it ends in the fence and a `|` follows.
  for (let at = start; at < line.length; ) {
    if (line.charCodeAt(at) !== 96) {
      at++;
      continue;
    }
    let end = at;
    while (line.charCodeAt(end) === 96) end++;
    const close = end - fence;
    const after = skipSpaces(line, end);
    if (close >= start && end - at >= fence && line.charCodeAt(after) === 124) {
      const stop = close > start && isSpace(line.charCodeAt(close - 1)) ? close - 1 : close;
      return { name, rule: line.slice(start, stop) };
    }
    at = end;
  }
  return undefined;
}

/** Every value-object row of a plan, in order. */
export function valueObjectRows(plan: string): { name: string; rule: string }[] {
  const out: { name: string; rule: string }[] = [];
  for (const line of plan.split(LINES)) {
    const row = valueObjectRow(line);
    if (row) out.push(row);
  }
  return out;
}
