/**
 * The condition of an `--error` given without one, where the answers' own words say it (fix14a): the error's name read
 * as words ("LastOwnerCannotLeave": last owner cannot leave) found, in order, in a clause of the summary or of a
 * criterion ("A member leaves a team; the last owner cannot leave"). The plan then says when the error applies, where
 * it asked "(TODO say when)" although the answers had said it; a name the answers' words do not say stays a TODO.
 */
import { whenTail } from "../../../lib/render/when-clause.js";
import { namesOf } from "../names.js";
import { sameWord } from "./word-stems.js";

/** Small words that may stand between the name's words in the clause ("name is already taken"). */
const GAP = 2;
const LEAD = new Set(["the", "a", "an", "its", "their", "your", "his", "her", "this", "that", "any", "no"]);
/** A refusal said as what may not happen reads as a condition as what is attempted: "cannot leave" -> "tries to leave". */
const REFUSAL = /\b(?:cannot|can't|can not|may not|must not|is not allowed to)\s+(?=[a-z])/i;

/** The error name's words, split as its other names are (LastOwnerCannotLeave: last, owner, cannot, leave). */
const nameWords = (name: string): string[] => namesOf(name).kebab.split("-").filter(Boolean);

/** One word of the clause equal to one of the name's, or the same word inflected as sameWord reads it (closes/closed). */
const same = (clauseWord: string, word: string): boolean => {
  const w = clauseWord.toLowerCase().replace(/'/g, "");
  return (word === "cannot" && w === "cant") || sameWord(w, word);
};

/** The span of the clause saying the name's words, from its article to the clause's end ("if the slot is full": the slot is full). */
function conditionIn(clause: string, words: readonly string[]): string | undefined {
  const tokens = clause.trim().split(/\s+/);
  for (let start = 0; start < tokens.length; start++) {
    if (!same(tokens[start] ?? "", words[0] ?? "")) continue;
    let at = start;
    let ok = true;
    for (const word of words.slice(1)) {
      let next = at + 1;
      while (next < tokens.length && next - at - 1 <= GAP && !same(tokens[next] ?? "", word)) next++;
      if (next >= tokens.length || next - at - 1 > GAP) {
        ok = false;
        break;
      }
      at = next;
    }
    if (!ok) continue;
    const from = start > 0 && LEAD.has((tokens[start - 1] ?? "").toLowerCase()) ? start - 1 : start;
    const said = tokens.slice(from).join(" ");
    return (REFUSAL.test(said) ? said.replace(REFUSAL, "tries to ") : said).replace(/^[A-Z][a-z]+\b/, (w) => (LEAD.has(w.toLowerCase()) ? w.toLowerCase() : w));
  }
  return undefined;
}

/** The condition the answers' words give an error of that name, or undefined where they give none. */
export function saidConditionOf(name: string, texts: readonly string[]): string | undefined {
  const words = nameWords(name);
  if (words.length < 2) return undefined;
  for (const text of texts) for (const clause of text.split(/[;:.!?()]|,\s|\s[-\u2013\u2014]\s/)) {
    const said = conditionIn(clause, words);
    if (said) return said;
  }
  return undefined;
}

/**
 * A bare 404 on the caller's own record found by the credential (GET /api/me/profile, ProfileNotFound): the request
 * names no record, so the only thing missing is the caller's own one, which it may not have yet (fix14a). The error's
 * name says what ("ProfileNotFound": the caller has no profile yet); a name that says nothing stays a TODO.
 */
export function missingOwnOf(name: string): string | undefined {
  const what = /^([A-Z]\w*?)(?:NotFound|Missing|DoesNotExist|NotSetUp)$/.exec(name)?.[1];
  return what ? `the caller has no ${nameWords(what).join(" ")} yet` : undefined;
}

/**
 * A condition that says the named thing is not there at all: unknown, missing, not found, no such, does not exist. Read
 * by the load's own 404 (a ProductNotFound that says the product does not exist is the load's null, TRIAL17C C10) and by
 * the enumeration's warning (CouponNotFound "the code is unknown, expired or used up" is the one answer every miss gets,
 * TRIAL9 W6): one list of words, so the two never disagree on what "not found" says.
 */
export const SAYS_UNKNOWN = /\b(?:unknown|missing|not found|cannot be found|no such|does not exist|doesn't exist|never existed)\b/i;

/** The title of the test of an answers' error (`answers 412 StaleVersion when ...`): the answers pack's, and a pack's threat that names it. */
export const errorTestTitle = (e: { name: string; status: number; when: string }): string => `answers ${e.status} ${e.name}${e.when ? whenTail(e.when) : ""}`;
