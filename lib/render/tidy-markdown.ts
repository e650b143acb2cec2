/**
 * Template sections leave runs of blank lines where optional parts are absent;
 * Markdown lint (MD012) wants one. Collapses them outside fenced code blocks
 * (embedded test code stays byte for byte) and ends the text with one newline.
 * Runs over every plan of a batch, so it walks the text once by its line breaks
 * and copies the stretches it keeps, rather than splitting it into a string per
 * line and joining them again; no regular expression per line, and none over
 * the whole text (`/\n*$/` tries every position of a long plan).
 */
export function tidyMarkdown(text: string): string {
  const kept: string[] = [];
  // The text from here on is kept, up to the next line dropped.
  let keepFrom = 0;
  let fence = "";
  let lastBlank = false;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const opener = fenceOpenerIn(text, start, end);
    const blank = isBlankIn(text, start, end);
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && text.slice(start, end).trim() === opener) fence = "";
    } else if (opener) {
      fence = opener;
    } else if (blank && lastBlank) {
      // A second blank line in a row goes, with the line break before it (the first line is never dropped: lastBlank starts false).
      kept.push(text.slice(keepFrom, start - 1));
      keepFrom = end;
      start = end + 1;
      continue;
    }
    lastBlank = blank;
    start = end + 1;
  }
  kept.push(text.slice(keepFrom));
  return withOneNewline(kept.length === 1 ? kept[0]! : kept.join(""));
}

/** The fence the line text[start, end) opens or closes (``` or ~~~, up to three spaces in), if any. */
function fenceOpenerIn(text: string, start: number, end: number): string | undefined {
  let i = start;
  while (i < start + 3 && i < end && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (i >= end || (c !== 96 && c !== 126)) return undefined;
  return /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(start, end))?.[1];
}

/** Whether the line text[start, end) is empty or white space only (what /^\s*$/ says), without a regular expression for ASCII text. */
function isBlankIn(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    // Other white space is Unicode's: the regular expression decides.
    if (c < 128) return false;
    return /^\s*$/.test(text.slice(start, end));
  }
  return true;
}

/** The text without its trailing newlines, plus one. */
export function withOneNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  // Already so (a plan mostly is): the text itself, not a copy of its 100 KB with the newline joined on again.
  if (end === text.length - 1) return text;
  return `${text.slice(0, end)}\n`;
}
