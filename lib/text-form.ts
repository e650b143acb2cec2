/**
 * How a text file is stored, apart from what it says: its line ends (CRLF on a Windows checkout,
 * Git's core.autocrlf=true) and a leading UTF-8 byte-order mark (Notepad and some editors).
 * Every reader of a file a person may have checked out or saved sees it with LF line ends and
 * no mark, so no parser needs to know; every writer that replaces such a file puts the form back,
 * so a CRLF file stays CRLF. Files with neither (nearly all) cost one byte search.
 */

export interface TextForm {
  /** Lines end in CRLF (as the file's first line does). */
  crlf: boolean;
  /** The file starts with a UTF-8 byte-order mark. */
  bom: boolean;
}

const BOM = "\ufeff";
const CR = 0x0d;

/** Whether the bytes hold a CR or start with a UTF-8 byte-order mark: the cheap test before any normalizing. */
const hasStoredForm = (bytes: Uint8Array): boolean => bytes.indexOf(CR) >= 0 || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);

/** A form that changes nothing is no form: undefined. First line end decides, as editors do; lone CRs stay text. */
function formOfText(text: string): TextForm | undefined {
  const bom = text.startsWith(BOM);
  const nl = text.indexOf("\n");
  const crlf = nl > 0 && text.charCodeAt(nl - 1) === CR;
  return bom || crlf ? { crlf, bom } : undefined;
}

/** LF line ends, no byte-order mark. (Every CRLF goes, whatever the first line has: a file with mixed ends reads as one with LF.) */
const lf = (text: string): string => (text.startsWith(BOM) ? text.slice(1) : text).replace(/\r\n/g, "\n");

/** The text as readers see it, with the form it was stored in (undefined: plain LF, no mark). */
export function readForm(text: string): { text: string; form?: TextForm } {
  if (text.indexOf("\r") < 0 && !text.startsWith(BOM)) return { text };
  const form = formOfText(text);
  return form ? { text: lf(text), form } : { text: lf(text) };
}

/** The bytes as readers see them (decoded the same way as before), with the form they were stored in. */
export function readFormBytes(bytes: Buffer): { bytes: Buffer; form?: TextForm } {
  if (!hasStoredForm(bytes)) return { bytes };
  // latin1 keeps every byte as one character: CR, LF and the mark's three bytes are found and cut without decoding.
  const s = bytes.toString("latin1");
  const bom = s.startsWith("\xef\xbb\xbf");
  const body = bom ? s.slice(3) : s;
  const nl = body.indexOf("\n");
  const crlf = nl > 0 && body.charCodeAt(nl - 1) === CR;
  const out = Buffer.from(body.replace(/\r\n/g, "\n"), "latin1");
  return bom || crlf ? { bytes: out, form: { crlf, bom } } : { bytes: out };
}

/** LF text written back in a stored form: CRLF line ends and the mark where the file had them. */
export function inForm(text: string, form: TextForm | undefined): string {
  if (!form) return text;
  const ends = form.crlf ? text.replace(/\r?\n/g, "\r\n") : text;
  return form.bom && !ends.startsWith(BOM) ? BOM + ends : ends;
}

/** The text with LF line ends and no mark (where only the content matters). */
export const asLf = (text: string): string => readForm(text).text;
