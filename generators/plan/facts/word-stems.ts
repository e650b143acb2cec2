/**
 * An inflected word read as the word it is made on, for the facts that find the answers' words in names: an error's
 * name said in the summary (error-conditions.ts), a state named by the route or an error (retries-and-versions.ts).
 * The two ask different things, so there are two readings here, each kept as strict as it was: a broader one would
 * find a condition or a state in answers that never said it, and change plans that were right.
 */

/** A word less its longest inflection ending: leaves -> leav, leaving -> leav, canceled -> cancel, taken -> tak. */
const bareOf = (word: string): string => word.replace(/(?:es|s|ed|en|n|d|ing)$/, "");

/**
 * Two lower-case words the same, or two inflections of one: each longer than three letters and equal once each loses
 * its longest ending (canceled/cancels, closes/closed, leaving/leaves). A bare form ending in e or a doubled
 * consonant is not met by its inflections (leave/leaves, take/taken, ship/shipped): strict, as error names are read.
 */
export const sameWord = (a: string, b: string): boolean => a === b || (a.length > 3 && b.length > 3 && bareOf(a) === bareOf(b));

/**
 * The verb a state is made from, as word beginnings of four letters or more, for a word made on it to start with:
 * archived -> archiv, archive; cancelled -> cancel; verified -> verify; a state not made with -ed or -d has none.
 */
export function verbStemsOf(state: string): string[] {
  const ed = state.replace(/ed$/, "");
  return [ed, state.replace(/d$/, ""), state.replace(/ied$/, "y"), ed.replace(/([a-z])\1$/, "$1")].filter((stem) => stem.length >= 4 && stem !== state);
}
