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

/** A staff member's reason for an action (a refund's Reason, a moderator's Justification): an internal note, not user content. */
const STAFF_REASON = /^(?:reason|justification|internalNote|staffNote|note)$/;

/**
 * The prose a write keeps for people to read. A reason a role-gated caller gives for its action (Refund part of an
 * order: a support agent's Reason) is an internal note written by staff (TRIAL17C C9): it keeps stored-text's encoding,
 * but no "ugc" links or moderation before others see it.
 */
export const storedProseOf = (storedText: readonly Names[], auth = ""): Names[] =>
  storedText.filter((n) => !ONE_LINE.test(n.camel) && !(auth === "roles" && STAFF_REASON.test(n.camel)));

/**
 * Prose that is all the person's own personal data (`--pii reason`: the reason for a doctor's visit) is read by those who
 * handle the record, never published: no "ugc" links for others, no moderation before others see it (TRIAL18A D12).
 */
export const storedProsePrivateOf = (prose: readonly Names[], pii: readonly Names[]): boolean => prose.length > 0 && prose.every((n) => pii.some((p) => p.camel === n.camel));
