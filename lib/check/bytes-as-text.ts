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

/** The UTF-8 forms of the white space and line ends above, but for those starting E2 80 (checked by their third byte), as latin1 text. */
const OTHER_SPACES = ["\xe1\x9a\x80", "\xe2\x81\x9f", "\xe3\x80\x80", "\xef\xbb\xbf"];

/** Whether a U+2000-U+202F character with this third byte is white space or a line end. */
const spaceAfterE280 = (b: number): boolean => (b >= 0x80 && b <= 0x8a) || b === 0xa8 || b === 0xa9 || b === 0xaf;

/**
 * Whether `bytes`, read as latin1, gives every parser of `check` what the decoded text would. `latin1`: the bytes read
 * so, when the caller has made it already: the bytes are looked for in it (a string's indexOf is a cheaper call than a
 * buffer's, and finds a byte where the buffer's finds the same byte).
 */
export function readsAlikeAsBytes(bytes: Buffer, latin1: string = bytes.toString("latin1")): boolean {
  if (!isUtf8(bytes) || latin1.indexOf("\xa0") >= 0) return false;
  for (let at = latin1.indexOf("\xe2\x80"); at >= 0; at = latin1.indexOf("\xe2\x80", at + 2)) if (spaceAfterE280(latin1.charCodeAt(at + 2))) return false;
  for (const seq of OTHER_SPACES) if (latin1.indexOf(seq) >= 0) return false;
  return true;
}

/** A string read from bytes one character per byte, as the text the bytes hold. */
export const bytesAsText = (s: string): string => (/[\x80-\xff]/.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s);
