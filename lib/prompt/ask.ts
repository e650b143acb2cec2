/**
 * Interactive questions, derived from the schema: one per field not given yet,
 * lists entered one item at a time until a blank answer. inquirer 9 style, with
 * the inquirer instance node-plop hands over (never a second copy).
 */
import { InputError } from "../errors.js";
import type { BuildContext, GeneratorDefinition } from "../generator.js";
import type { AnyField, InputOf, Schema } from "../schema/field.js";
import { parseGiven } from "../schema/resolve.js";

interface Question {
  type: string;
  name: string;
  message: string;
  default?: unknown;
  choices?: readonly string[];
  validate?: (value: unknown) => true | string | Promise<true | string>;
}

export interface Inquirer {
  prompt(questions: Question[]): Promise<Record<string, unknown>>;
}

/** The generator's contradiction rules over answers (the rest at their fallbacks): the first one broken, naming its field's flag. */
export type Contradiction = (answers: Readonly<Record<string, unknown>>) => { flag: string; problem: string } | undefined;

/** A check of the answers so far that needs more than the schema (the use-case to grow exists): the problem, or true. */
export type AnswersCheck = (answers: Readonly<Record<string, unknown>>) => Promise<true | string>;

/**
 * A generator's precheck as a prompt's check: the problem in the prompt's words, or true. A problem
 * with an answer is shown without its flag (the prompt is the place); one in a file (a plan whose
 * kept answers do not read) names the file.
 */
export function answersCheckOf<S extends Schema>(generator: GeneratorDefinition<S>, context: BuildContext, dest: string): AnswersCheck | undefined {
  const precheck = generator.precheck;
  if (!precheck) return undefined;
  return async (answers) => {
    try {
      await precheck(answers as Partial<InputOf<S>>, context, dest);
      return true;
    } catch (e) {
      if (e instanceof InputError) return e.where.startsWith("--") ? e.problem : e.message;
      throw e;
    }
  };
}

// A bad value's problem is shown without the place it names (the prompt is the place): e.problem.

/** `true` when the raw value parses; the problem otherwise, for inquirer to show under the prompt. */
function validator(field: AnyField, key: string): (value: unknown) => true | string {
  return (value) => {
    try {
      parseGiven(field, { raw: value, where: key });
      return true;
    } catch (e) {
      if (e instanceof InputError) return e.problem;
      throw e;
    }
  };
}

/** The question's words: the field's own for prompts when it has them, else its description. */
const messageOf = (field: AnyField): string => field.prompt ?? field.description;

/** What each word of the value hint may be (`rule: string, email, ...`), shown before the first item rather than after a mistake. */
const partsOf = (field: AnyField): string =>
  Object.entries(field.parts ?? {})
    .map(([part, words]) => `${part}: ${words.join(", ")}`)
    .join("; ");

/** `check` judges the list so far with each new item, so an item the destination refuses (a name the use-case has) is said at once. */
async function askList(inquirer: Inquirer, key: string, field: Extract<AnyField, { kind: "list" }>, required = false, check?: (items: unknown[]) => Promise<true | string>): Promise<unknown[]> {
  const items: unknown[] = [];
  for (;;) {
    const parts = items.length === 0 ? partsOf(field) : "";
    // One item is asked at a time: a comma list's hint (field,field; a,b) would read as "type several here".
    const itemHint = field.commaSeparated && field.valueHint && /^[^,]+(,[^,]+)+$/.test(field.valueHint) ? (/^([^,]+),\1$/.exec(field.valueHint)?.[1] ?? "") : field.valueHint;
    const hint = [itemHint, parts].filter(Boolean).join("; ");
    const message = `${messageOf(field)}${hint ? ` (${hint})` : ""} #${items.length + 1}, blank to finish:`;
    const { item } = await inquirer.prompt([
      {
        type: "input",
        name: "item",
        message,
        validate: async (value) => {
          // A list the other answers make required (the roles, for access by role) needs a first item.
          if (typeof value !== "string" || value.trim() === "") return required && items.length === 0 ? "give at least one; it cannot be left empty here" : true;
          const verdict = validator(field, key)([...items, value]);
          return verdict !== true || !check ? verdict : check([...items, value]);
        },
      },
    ]);
    if (typeof item !== "string" || item.trim() === "") return items;
    items.push(item);
  }
}

/**
 * Asks for every askable field of `schema` that `given` lacks (or only those named in `only`);
 * returns the given and the asked values, typed. `check` judges each answer with the ones
 * before it, so a wrong use-case name is said at once, not after every other question.
 */
export async function askMissing<S extends Schema>(inquirer: Inquirer, schema: S, given: Partial<InputOf<S>>, only?: readonly string[], check?: AnswersCheck, contradiction?: Contradiction): Promise<Partial<InputOf<S>>> {
  const answers: Record<string, unknown> = { ...given };
  for (const [key, field] of Object.entries(schema)) {
    if (only && !only.includes(key)) continue;
    const value = answers[key];
    const required = field.requiredWhen?.(answers) === true;
    if (!field.ask || (value !== undefined && !(required && Array.isArray(value) && value.length === 0))) continue;
    if (field.askWhen && !field.askWhen(answers)) continue;
    // A yes the earlier answers already forbid (async after GET) is not asked: the rules, not a copy of them,
    // say so, rather than a refusal after every other question with all the answers lost.
    if (field.kind === "flag" && contradiction?.({ ...answers, [key]: true })?.flag === field.flag) continue;
    let raw: unknown;
    if (field.kind === "list") {
      raw = await askList(inquirer, key, field, required, check && ((items) => check({ ...answers, [key]: parseGiven(field, { raw: items, where: key }) })));
    } else {
      const valid = validator(field, key);
      const validate = async (v: unknown): Promise<true | string> => {
        const verdict = valid(v);
        if (verdict !== true || !check) return verdict;
        return check({ ...answers, [key]: parseGiven(field, { raw: v, where: key }) });
      };
      const base = { name: key, message: `${messageOf(field)}:`, validate };
      // A default the answers so far decide (the route from the name) is shown as the one Enter takes.
      const asked = field.askDefault?.(answers);
      const fallback = asked ?? field.fallback;
      const question: Question =
        field.kind === "choice"
          ? { ...base, type: "list", choices: field.choices, default: field.fallback }
          : field.kind === "multi"
            ? { ...base, type: "checkbox", choices: field.choices, default: field.fallback }
            : field.kind === "flag"
              ? { ...base, type: "confirm", default: field.fallback }
              : { ...base, type: "input", ...(fallback ? { default: fallback } : {}) };
      raw = (await inquirer.prompt([question]))[key];
    }
    answers[key] = parseGiven(field, { raw, where: key });
  }
  return answers as Partial<InputOf<S>>;
}
