/**
 * The stored text inputs that are prose (TRIAL11 Y12): a Body, a Comment, a Bio, a Note, a Description may be written
 * with formatting and links, so whether they are rendered as Markdown, through which sanitizer, whether links become
 * clickable and whether they are moderated are the author's questions. A name (a FileName, a DisplayName, a document's
 * NewName), a title, a label or a subject is shown as plain text on one line: it keeps the stored-XSS encoding of every
 * stored text, and none of those questions.
 */
import type { Names } from "../names.js";

/** A name-like field: shown as one line of plain text, never formatted. */
const ONE_LINE = /(?:name|title|label|headline|tagline|subject|caption)$/i;

export const storedProseOf = (storedText: readonly Names[]): Names[] => storedText.filter((n) => !ONE_LINE.test(n.camel));
