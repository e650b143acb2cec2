// V8 compiles a regular expression when it first runs, and one with Unicode property classes (\p{L}, \p{Lu}) or
// /iu case folding takes 0.3 to 1 ms to compile, against some 30 us for an ASCII class: a dozen of them were a
// tenth of a short run. Where a pattern's \p classes meet only ASCII text they match what an ASCII class
// matches (\p{L} is [A-Za-z], \p{N} [0-9], \p{Lu} [A-Z], \p{Ll} [a-z], \p{Cc} [\x00-\x1f\x7f]; \p{Cf}, \p{Zl}
// and \p{Zp} hold no ASCII character), so the hot paths test the text first and run the ASCII twin where it
// is ASCII, the Unicode pattern only for text that needs it (__tests__/ascii-twins.property.test.ts).

const NON_ASCII = /[^\x00-\x7f]/;

/** Whether every UTF-16 code unit of `text` is ASCII (below 0x80); a regular expression scans faster than a loop of a short run's interpreter. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}
