/**
 * A condition the answers give (an --error's `when`, a status's) put after "when" or at the start of a sentence.
 * A condition that is itself a clause ("after 10 failed attempts", "if the code expired", "once it is paid") is
 * not put after "When": "When after 10 failed attempts" reads wrong (TRIAL9 W15).
 */
const CLAUSE_START = /^(?:after|before|once|if|when|whenever|while|until|unless|within|during|upon|as soon as)\b/i;

/** Whether the condition begins with its own conjunction or preposition of time. */
export const isClause = (when: string): boolean => CLAUSE_START.test(when);

/** The condition at the start of a sentence: "When the code expired", or "After 10 failed attempts". */
export const whenSentence = (when: string): string => (isClause(when) ? `${when.charAt(0).toUpperCase()}${when.slice(1)}` : `When ${when}`);

/** The condition after what happens: "... when the code expired", or "... after 10 failed attempts". */
export const whenTail = (when: string): string => (isClause(when) ? ` ${when}` : ` when ${when}`);

/**
 * A condition joined to another with "; " in one cell: its first word lower-cased where it is an ordinary word
 * ("Over 5 requests" -> "over 5 requests"), never a name (AccountLocked, URL, GET).
 */
export const continued = (when: string): string => when.replace(/^[A-Z][a-z]+(?=[\s,:;.)]|$)/, (w) => w.toLowerCase());
