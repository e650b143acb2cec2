/**
 * The elements of a JSON array found by a scan of its bytes, so that a batch's answers
 * file is parsed one entry at a time and never held as thousands of objects at once.
 * The scan only finds where each element starts and ends (strings, escapes and nesting
 * followed); JSON.parse of each element checks it. Anything the scan does not expect
 * (not an array, a trailing comma, text after the end) gives undefined: the caller
 * then parses the whole text the usual way, which also gives JSON's own error message.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** `[start, end)` byte offsets of each element of the array that is the whole of `bytes` (after a byte-order mark), or undefined. */
export function arrayElements(bytes: Uint8Array): number[] | undefined {
  const n = bytes.length;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const skip = (): void => {
    while (i < n && isSpace(bytes[i])) i++;
  };
  skip();
  if (bytes[i] !== 0x5b) return undefined;
  i++;
  skip();
  const ranges: number[] = [];
  if (bytes[i] === 0x5d) {
    i++;
    skip();
    return i === n ? ranges : undefined;
  }
  for (;;) {
    skip();
    const start = i;
    let depth = 0;
    for (; i < n; i++) {
      const c = bytes[i]!;
      if (c === QUOTE) {
        for (i++; i < n && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
        if (i >= n) return undefined;
      } else if (OPEN.has(c)) depth++;
      else if (CLOSE.has(c)) {
        if (depth === 0) break;
        depth--;
      } else if (c === COMMA && depth === 0) break;
    }
    if (i >= n) return undefined;
    let end = i;
    while (end > start && isSpace(bytes[end - 1])) end--;
    if (end === start) return undefined;
    ranges.push(start, end);
    if (bytes[i] === COMMA) {
      i++;
      continue;
    }
    if (bytes[i] !== 0x5d) return undefined;
    i++;
    skip();
    return i === n ? ranges : undefined;
  }
}
