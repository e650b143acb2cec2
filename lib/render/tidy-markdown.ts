/**
 * Template sections leave runs of blank lines where optional parts are absent;
 * Markdown lint (MD012) wants one. Collapses them outside fenced code blocks
 * (embedded test code stays byte for byte) and ends the text with one newline.
 * Runs over every plan of a batch, so it avoids a regular expression per line
 * and one over the whole text (`/\n*$/` tries every position of a long plan).
 */
export function tidyMarkdown(text: string): string {
  const out: string[] = [];
  let fence = "";
  let lastBlank = false;
  for (const line of text.split("\n")) {
    const opener = fenceOpener(line);
    const blank = isBlank(line);
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = "";
    } else if (opener) {
      fence = opener;
    } else if (blank && lastBlank) {
      continue;
    }
    out.push(line);
    lastBlank = blank;
  }
  return withOneNewline(out.join("\n"));
}

/** The fence a line opens or closes (``` or ~~~, up to three spaces in), if any. */
function fenceOpener(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const c = line[i];
  if (c !== "`" && c !== "~") return undefined;
  return /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
}

const isBlank = (line: string): boolean => line.length === 0 || /^\s*$/.test(line);

/** The text without its trailing newlines, plus one. */
export function withOneNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return `${text.slice(0, end)}\n`;
}
