/**
 * The answers' own refusal of a value another record already holds (CouponCodeTaken:409 "the code is already used by
 * another coupon", EmailAlreadyExists; LEAD20 K1): a uniqueness rule. Read before the write, two requests at once with
 * one value both find it free; a unique key decides, and its violation is that error. A chosen public name has its own
 * packs (chosen-slug, chosen-slug-change).
 */
import type { ErrorInput } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";

const TAKEN_NAME = /(?:Taken|AlreadyExists|AlreadyUsed|AlreadyInUse|InUse|AlreadyRegistered|Duplicate\w*|NotUnique)$/;
const TAKEN_WORDS = /\balready (?:used|taken|exists|registered|in use)\b|\bexists already\b|\bis not unique\b/i;

/** The input the error is about: the one its name begins or ends with, before Taken (CouponCodeTaken: Code). */
export function uniqueTakenInputOf(f: Pick<UseCaseFacts, "flow" | "errors" | "inputs">): string | undefined {
  const stem = uniqueTakenErrorOf(f)?.name.replace(TAKEN_NAME, "");
  return stem ? f.inputs.map((i) => i.names.pascal).find((p) => stem.endsWith(p) || stem.startsWith(p)) : undefined;
}

/**
 * The answers' 409 for a value another record holds, by its name or its words: the one reading of "taken", for a
 * unique value of any create or change (below) and for a chosen public name (recognised-features' slugTakenErrorOf,
 * which narrows it to the use-cases with one).
 */
export const takenErrorOf = (f: Pick<UseCaseFacts, "errors">): ErrorInput | undefined => f.errors.find((e) => e.status === 409 && (TAKEN_NAME.test(e.name) || TAKEN_WORDS.test(e.when ?? "")));

export const uniqueTakenErrorOf = (f: Pick<UseCaseFacts, "flow" | "errors">): ErrorInput | undefined => (f.flow === "create" || f.flow === "change" ? takenErrorOf(f) : undefined);
