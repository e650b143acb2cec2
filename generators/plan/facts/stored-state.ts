/**
 * Whether an error's condition reads what is stored rather than what the request carries, by its words. One list of
 * words, read three ways, where three lists had grown apart (note20's review): every reading starts from what a record
 * already holds ("already", "what is left", "the remaining days", "the balance") and adds the words of its own question.
 */

/** What a record already holds: every reading's words. */
const HELD = ["already", "left", "remaining", "balance"];
/** A stored value the request's value is compared with ("the code is taken", "the amount exceeds what is available"). */
const STORED_VALUE = [...HELD, "exists?", "stored", "taken", "used", "available", "captured", "state", "current"];
/** ...or a record's state a seeded record arranges ("the invoice is closed", "the order is unpaid"). */
const RECORD_STATE = [...STORED_VALUE, "frozen", "closed", "locked", "submitted", "pending", "open", "unpaid", "orders?"];
/** ...or the caller's own set of records a create is checked against ("overlaps a leave already requested", "exceeds the quota"). */
const CALLERS_OWN = [...HELD, "overlap\\w*", "exceeds?", "quota", "existing", "duplicates?"];

const words = (list: readonly string[]): RegExp => new RegExp(`\\b(?:${list.join("|")})\\b`, "i");

/**
 * The three readings: `value`, a condition no input comparison alone decides (inputErrorsOf); `record`, one a test
 * arranges by seeding a record (errorArrangementOf); `callers-own`, a create's refusal by what the caller already holds
 * (own-checked.ts).
 */
const READINGS = { value: words(STORED_VALUE), record: words(RECORD_STATE), "callers-own": words(CALLERS_OWN) } as const;

export type StoredReading = keyof typeof READINGS;

export const readsStoredState = (when: string, reading: StoredReading): boolean => READINGS[reading].test(when);
