/**
 * Template sections leave runs of blank lines where optional parts are absent;
 * Markdown lint (MD012) wants one. Collapses them outside fenced code blocks
 * (embedded test code stays byte for byte) and ends the text with one newline.
 */
export function tidyMarkdown(text: string): string {
  const out: string[] = [];
  let fence = "";
  for (const line of text.split("\n")) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = "";
    } else if (opener) {
      fence = opener;
    } else if (line.trim() === "" && out.length > 0 && out[out.length - 1]!.trim() === "") {
      continue;
    }
    out.push(line);
  }
  return out.join("\n").replace(/\n*$/, "\n");
}
