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
 * The ordinary words a condition starts with (the packs' statuses and the common openers of a clause): only these are
 * lower-cased after "; ". A capitalised word that is not one of them is a name, kept as written: a proper noun
 * (Stripe, Google), a one-word error name (Conflict: ...), as acronyms (URL, IBAN, OAuth) and PascalCase names are (fix14a).
 */
const ORDINARY = new Set(
  "a an the no not over under too this that these those its their our your his her any every each some all both either neither one two only another other already missing anything nothing none something someone download after before once if when whenever while until unless within without during upon since past beyond more less fewer many most several same found invalid expired unknown there it"
    .split(" "),
);

/**
 * A condition joined to another with "; " in one cell: its first word lower-cased where it is an ordinary word
 * ("Over 5 requests" -> "over 5 requests"), never a name (AccountLocked, URL, GET, Stripe, OAuth).
 */
export const continued = (when: string): string => when.replace(/^[A-Z][a-z]+(?=[\s,:;.)]|$)/, (w) => (ORDINARY.has(w.toLowerCase()) ? w.toLowerCase() : w));
