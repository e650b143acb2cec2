/**
 * `check` reads a plan and its test files as their bytes, one character per byte (latin1),
 * where that reads exactly as the decoded text would: decoding a 76 KB plan from UTF-8 costs
 * ten times copying its bytes, and every scan after it runs on a string half the size (one byte
 * a character instead of two, as soon as the text holds a dash or an arrow).
 *
 * The parsers look only at ASCII (markup, IDs, markers, quotes) and at white space and line ends.
 * In the latin1 string each byte of a multi-byte UTF-8 character is a character from 0x80 to
 * 0xFF, none of which is white space to JavaScript (/\s/, trim) except 0xA0. So the bytes read
 * alike when they are valid UTF-8 (else decoding would replace bytes) and hold neither a 0xA0
 * byte nor a character that is white space or a line end beyond ASCII: U+1680, U+2000-U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF (U+00A0 holds a 0xA0 byte). Anything else is
 * decoded as before.
 */
import { isUtf8 } from "node:buffer";

const E2_80 = Buffer.from([0xe2, 0x80]);
/** The UTF-8 forms of the white space and line ends above, but for those starting E2 80 (checked by their third byte). */
const OTHER_SPACES = [
  [0xe1, 0x9a, 0x80],
  [0xe2, 0x81, 0x9f],
  [0xe3, 0x80, 0x80],
  [0xef, 0xbb, 0xbf],
].map((b) => Buffer.from(b));

/** Whether a U+2000-U+202F character with this third byte is white space or a line end. */
const spaceAfterE280 = (b: number): boolean => (b >= 0x80 && b <= 0x8a) || b === 0xa8 || b === 0xa9 || b === 0xaf;

/** Whether `bytes`, read as latin1, gives every parser of `check` what the decoded text would. */
export function readsAlikeAsBytes(bytes: Buffer): boolean {
  if (bytes.indexOf(0xa0) >= 0 || !isUtf8(bytes)) return false;
  for (let at = bytes.indexOf(E2_80); at >= 0; at = bytes.indexOf(E2_80, at + 2)) if (spaceAfterE280(bytes[at + 2] ?? 0)) return false;
  return OTHER_SPACES.every((seq) => bytes.indexOf(seq) < 0);
}

/** A string read from bytes one character per byte, as the text the bytes hold. */
export const bytesAsText = (s: string): string => (/[\x80-\xff]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s);
