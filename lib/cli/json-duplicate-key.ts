/**
 * A key given twice in one object of a JSON text (`{"name": "Book room", "name": "Other"}`): JSON.parse keeps the
 * last without a word, where the YAML parser refuses it and a plan's front matter is refused ("which one holds is a
 * guess"). Run on text JSON.parse has accepted, so only strings and brackets need telling apart: one pass, each
 * string read once (linear in the text).
 */

// The characters that start or end something the scan follows; everything between them (numbers, true, commas) is skipped.
const NEXT = /["{}[\]]/g;

/** The first key given twice in one object, or undefined. `text` must be valid JSON. */
export function duplicateKey(text: string): string | undefined {
  // One set of keys per open object; undefined for an open array.
  const open: (Set<string> | undefined)[] = [];
  NEXT.lastIndex = 0;
  for (let m = NEXT.exec(text); m; m = NEXT.exec(text)) {
    const c = m[0];
    if (c === "{") open.push(new Set());
    else if (c === "[") open.push(undefined);
    else if (c === "}" || c === "]") open.pop();
    else {
      const end = stringEnd(text, m.index);
      NEXT.lastIndex = end;
      const keys = open[open.length - 1];
      if (keys && isKey(text, end)) {
        const key = JSON.parse(text.slice(m.index, end)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
      }
    }
  }
  return undefined;
}

/** The offset just past the string that opens at `start` (a quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return text.length;
    // An odd number of backslashes before it escapes it.
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Whether the string ending at `end` is a key: a colon comes next, past white space. */
function isKey(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  return text[i] === ":";
}
