/**
 * The type a field's name says where no value object gives one (TRIAL10 X4): a count (`revokedCount`, `count`) is a
 * whole number, and a field named as a yes/no (`isDefault`, `hasMore`, `canEdit`) a boolean, as is one that says
 * whether the caller did something to the record (`likedByMe`, `bookmarkedByMe`, `followedByMe`: fix16a). Any other name
 * stays the answers' to type (a string in code, "say the type" in the contract).
 */
export function namedPrimitiveOf(camel: string): "number" | "boolean" | undefined {
  if (/^count$|[a-z]Count$/.test(camel)) return "number";
  if (/^(?:is|has|can)[A-Z]|[a-z]ByMe$/.test(camel)) return "boolean";
  return undefined;
}

/** Participles that do not end in -ed (sent, paid), and words ending in -ed that are no participle (speed, embed). */
const IRREGULAR_PARTICIPLES = /^(?:sent|paid|held|lost|done|won|taken|given|seen|shown|hidden|written|sold|bought|kept|left|run)$/;
const NOT_PARTICIPLES = /^(?:speed|seed|feed|need|embed|shred|bed|red|hundred)$/;

/**
 * The type of an event's field where no value object gives one (TRIAL17B B19): what namedPrimitiveOf says, else a bare
 * participle (`imported`, `failed`, `sent`) says how many records ended so in an event about many of them, its name a
 * plural and a participle (`ContactsImported:importId,imported,failed`: a number), and whether the one record did in an
 * event about one (`PaymentAttempted:paymentId,failed`: a boolean). Any other name stays a string.
 */
export function eventFieldPrimitiveOf(camel: string, event: string): "number" | "boolean" | undefined {
  const named = namedPrimitiveOf(camel);
  if (named) return named;
  if (NOT_PARTICIPLES.test(camel) || !(/^[a-z]{2,}ed$/.test(camel) || IRREGULAR_PARTICIPLES.test(camel))) return undefined;
  return aboutManyOf(event) ? "number" : "boolean";
}

/** An event named for many records and what happened to them: a plural noun, then the participle (ContactsImported, InvoicesSent). */
const aboutManyOf = (event: string): boolean => {
  const words = event.match(/[A-Z][a-z0-9]*/g) ?? [];
  const noun = words[words.length - 2] ?? "";
  return words.length >= 2 && /[^s]s$/.test(noun) && !/(?:ss|us|is)$/.test(noun);
};
