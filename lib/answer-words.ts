/**
 * How a message names an answer: as its flag on the command line (`--resource`, `--resource Account`), or as the
 * answers file's key (`"resource"`, `resource: Account`) where the answer at fault came from the file (TRIAL7 U16).
 * A check is handed the wording of the place it reports on and builds its sentence with it: nothing is rewritten after.
 */
import type { Schema } from "./schema/field.js";
import { asJson } from "./schema/problem.js";

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

/**
 * How a file writes a value a message names (fit13b): a JSON file (mjoplan.config.json, package.json's "mjoplan" key,
 * an answers .json) as JSON, the number 999 bare and the text nobody as "nobody"; a YAML file plain where YAML reads
 * the text back as the same text and it is one word (nobody, securty), else double-quoted. A flag's or a prompt's value keeps the JSON
 * quotes that set it apart in the sentence.
 */
export type ValueWords = (value: unknown) => string;

export const JSON_VALUES: ValueWords = asJson;

/** Text YAML reads back as the same text unquoted and a sentence shows as one word: no indicator first, no space, not a number, boolean or null. */
const YAML_PLAIN = /^[A-Za-z_/.][\w./@()|+=-]*$/;
const YAML_SPECIAL = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

export const YAML_VALUES: ValueWords = (value) =>
  typeof value === "string" && YAML_PLAIN.test(value) && !YAML_SPECIAL.test(value) ? value : asJson(value);

/** The way `file` writes a value: YAML for .yaml and .yml, JSON otherwise. */
export const valueWordsOf = (file: string): ValueWords => (/\.ya?ml$/i.test(file) ? YAML_VALUES : JSON_VALUES);
