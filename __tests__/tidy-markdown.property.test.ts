/**
 * Property: tidyMarkdown (which walks a plan once by its line breaks) does what its definition
 * says, line by line: outside fenced code blocks a blank line right after a blank line goes,
 * inside them every line stays, and the text ends with one newline.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { tidyMarkdown } from "../lib/render/tidy-markdown.js";

/** The definition, one line at a time. */
function byLines(text: string): string {
  const out: string[] = [];
  let fence = "";
  let lastBlank = false;
  for (const line of text.split("\n")) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    const blank = /^\s*$/.test(line);
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
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

const piece = fc.constantFrom("", "\n", "\n\n", "\n\n\n", " ", "   ", "\t", "\r", "\u00a0", "\u2028", "text", "# Heading", "```", "````", "```ts", "~~~", "   ```", "    ```", "`", "x ```", "é");
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));

describe("tidyMarkdown", () => {
  it("collapses blank lines outside fences as the line-by-line definition does", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(tidyMarkdown(t)).toBe(byLines(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps a fenced block's blank lines and drops the others", () => {
    expect(tidyMarkdown("a\n\n\n\nb\n```\n\n\n\n```\n\n\nc\n\n\n")).toBe("a\n\nb\n```\n\n\n\n```\n\nc\n");
  });
});
