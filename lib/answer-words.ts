/**
 * How a message names an answer: as its flag on the command line (`--resource`, `--resource Account`), or as the
 * answers file's key (`"resource"`, `resource: Account`) where the answer at fault came from the file (TRIAL7 U16).
 * A check is handed the wording of the place it reports on and builds its sentence with it: nothing is rewritten after.
 */
import type { Schema } from "./schema/field.js";

export interface AnswerWords {
  /** The answer named alone: `--resource`, or `"resource"`. */
  name(flag: string): string;
  /** The answer named with its value: `--resource Account`, or `resource: Account`. */
  given(flag: string, value: string): string;
}

export const FLAG_WORDS: AnswerWords = { name: (flag) => `--${flag}`, given: (flag, value) => `--${flag} ${value}` };

/** The answers file's keys of `schema`; a flag the schema does not have is still said as a flag. */
export function answersFileWords(schema: Schema): AnswerWords {
  const keyOf = (flag: string): string | undefined => Object.keys(schema).find((k) => schema[k]!.flag === flag);
  return {
    name: (flag) => {
      const key = keyOf(flag);
      return key === undefined ? FLAG_WORDS.name(flag) : `"${key}"`;
    },
    given: (flag, value) => {
      const key = keyOf(flag);
      return key === undefined ? FLAG_WORDS.given(flag, value) : `${key}: ${value}`;
    },
  };
}
