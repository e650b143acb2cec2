/**
 * Interactive questions, derived from the schema: one per field not given yet,
 * lists entered one item at a time until a blank answer. inquirer 9 style, with
 * the inquirer instance node-plop hands over (never a second copy).
 */
import { InputError } from "../errors.js";
import type { BuildContext, GeneratorDefinition } from "../generator.js";
import type { AnyField, InputOf, Schema } from "../schema/field.js";
import { parseGiven } from "../schema/resolve.js";
import { clearingInput } from "./clearing-input.js";

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
async function askList(inquirer: Inquirer, key: string, field: Extract<AnyField, { kind: "list" }>, required = false, check?: (items: unknown[]) => Promise<true | string>, inputType = "input"): Promise<unknown[]> {
  const items: unknown[] = [];
  for (;;) {
    const parts = items.length === 0 ? partsOf(field) : "";
    // One item is asked at a time: a comma list's hint (field,field; a,b) would read as "type several here".
    const itemHint = field.commaSeparated && field.valueHint && /^[^,]+(,[^,]+)+$/.test(field.valueHint) ? (/^([^,]+),\1$/.exec(field.valueHint)?.[1] ?? "") : field.valueHint;
    const hint = [itemHint, parts].filter(Boolean).join("; ");
    const message = `${messageOf(field)}${hint ? ` (${hint})` : ""} #${items.length + 1}, blank to finish:`;
    const { item } = await inquirer.prompt([
      {
        type: inputType,
        name: "item",
        message,
        validate: async (value) => {
          // A list the other answers make required (the roles, for access by role) needs a first item.
          if (typeof value !== "string" || value.trim() === "") return required && items.length === 0 ? "give at least one; it cannot be left empty here" : true;
          const verdict = validator(field, key)([...items, value]);
          // The first item's prompt lists what each part may be: the problem does not list it again, so the prompt and
          // its problem fit the window (inquirer cannot erase lines scrolled out of it: they stay, twice, in the scrollback).
          if (typeof verdict === "string" && parts && verdict.includes(" (expected one of ")) return verdict.slice(0, verdict.indexOf(" (expected one of "));
          return verdict !== true || !check ? verdict : check([...items, value]);
        },
      },
    ]);
    if (typeof item !== "string" || item.trim() === "") return items;
    items.push(item);
  }
}

/** The choices offered for a field (by key) given the answers so far, where they are not the schema's: what can still be added. */
export type Offered = (answers: Readonly<Record<string, unknown>>) => Readonly<Partial<Record<string, readonly string[]>>> | undefined;

/** The answers a use-case's plan keeps, once the answers so far name it, and where they come from. */
export type KeptAnswers = (answers: Readonly<Record<string, unknown>>) => { from: string; values: Readonly<Record<string, unknown>> } | undefined;

/**
 * Asks for every askable field of `schema` that `given` lacks (or only those named in `only`);
 * returns the given and the asked values, typed. `check` judges each answer with the ones
 * before it, so a wrong use-case name is said at once, not after every other question. `kept`:
 * once the answers name a use-case already planned, its plan's answers are the questions' defaults
 * (a list's blank first item keeps the plan's list), so Enter through them changes nothing; `say` tells so.
 */
/** The warnings the answers so far decide (a capability no pack knows), each said once: before the first question, or after the answer that brings it. */
export interface EarlyWarnings {
  of(answers: Readonly<Record<string, unknown>>): readonly string[];
  say(warning: string): void;
}

export async function askMissing<S extends Schema>(inquirer: Inquirer, schema: S, given: Partial<InputOf<S>>, only?: readonly string[], check?: AnswersCheck, contradiction?: Contradiction, kept?: KeptAnswers, say?: (line: string) => void, offered?: Offered, early?: EarlyWarnings): Promise<Partial<InputOf<S>>> {
  const answers: Record<string, unknown> = { ...given };
  // A refused answer leaves the line empty (the Up arrow brings it back), rather than under the cursor for the next text to run into.
  const inputType = clearingInput(inquirer);
  const warned = new Set<string>();
  const warnEarly = (): void => {
    for (const warning of early?.of(answers) ?? []) {
      if (warned.has(warning)) continue;
      warned.add(warning);
      early!.say(warning);
    }
  };
  // What the flags given already decide is said before the first question, not after the last (TRIAL6 U15).
  warnEarly();
  let from: Readonly<Record<string, unknown>> | undefined;
  const look = (): void => {
    if (from || !kept) return;
    const found = kept(answers);
    if (!found) return;
    from = found.values;
    say?.(`${found.from} keeps this use-case's answers: each question starts from its answer (Enter keeps it).\n`);
  };
  look();
  // An answer that contradicts an earlier one (a body input on a DELETE) is refused at its own prompt, in the rule's
  // words, rather than after every later question with all the answers lost (TRIAL4 V15); the same rules as a flag's.
  const refusedWith = (key: string, field: AnyField, value: unknown): true | string => {
    const broken = contradiction?.({ ...answers, [key]: value });
    return broken && broken.flag === field.flag ? broken.problem : true;
  };
  const judged = (key: string, field: AnyField) => async (value: unknown): Promise<true | string> => {
    const verdict = refusedWith(key, field, value);
    return verdict !== true || !check ? verdict : check({ ...answers, [key]: value });
  };
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
    const mine = from?.[key];
    if (field.kind === "list" && Array.isArray(mine) && mine.length > 0) {
      // The plan's list is kept by a blank first item; any item typed starts a new list.
      const items = await askList(inquirer, key, { ...field, prompt: `${messageOf(field)} (its plan keeps ${mine.length}; blank keeps them)` }, false, (items) => judged(key, field)(parseGiven(field, { raw: items, where: key })), inputType);
      answers[key] = items.length ? parseGiven(field, { raw: items, where: key }) : mine;
      look();
      warnEarly();
      continue;
    }
    if (field.kind === "list") {
      raw = await askList(inquirer, key, field, required, (items) => judged(key, field)(parseGiven(field, { raw: items, where: key })), inputType);
    } else {
      const valid = validator(field, key);
      const validate = async (v: unknown): Promise<true | string> => {
        const verdict = valid(v);
        return verdict !== true ? verdict : judged(key, field)(parseGiven(field, { raw: v, where: key }));
      };
      // Where no default is offered, what Enter plans is said where a default would show (TRIAL8 V12).
      const note = field.askDefault?.(answers) === undefined ? field.askNote?.(answers) : undefined;
      // A plan that keeps an empty answer (made without --relation) shows no default: what Enter keeps is said, where
      // a fresh run would show one (USER19 U4: the relation question of a re-plan showed nothing, its first run "owner").
      const keptEmpty = mine === "" && (field.askDefault?.(answers) !== undefined || note !== undefined) ? " (Enter keeps the plan's answer: none given)" : "";
      const base = { name: key, message: `${messageOf(field)}:${note && typeof mine !== "string" ? ` (Enter: ${note})` : keptEmpty}`, validate };
      // A default the answers so far decide (the route from the name) is shown as the one Enter takes.
      // The plan's own answer first, where its plan keeps one of the question's kind.
      // (An empty answer is one too: a plan made without a relation keeps none, whatever the route would suggest.)
      const planned = field.kind === "flag" ? (typeof mine === "boolean" ? mine : undefined) : field.kind === "multi" ? (Array.isArray(mine) ? mine : undefined) : typeof mine === "string" ? mine : undefined;
      const asked = planned ?? field.askDefault?.(answers);
      const fallback = asked ?? field.fallback;
      // Choices narrowed to what can still be added (test kinds the use-case lacks) start with none ticked: a
      // required one then needs a tick, said at the prompt rather than taking nothing.
      const offer = field.kind === "choice" || field.kind === "multi" ? offered?.(answers)?.[key] : undefined;
      const tickOne = async (v: unknown): Promise<true | string> => (field.required && Array.isArray(v) && v.length === 0 ? "tick at least one (space ticks, Enter goes on)" : validate(v));
      const question: Question =
        field.kind === "choice"
          ? { ...base, type: "list", choices: offer ?? field.choices, default: planned ?? field.askDefault?.(answers) ?? field.fallback }
          : field.kind === "multi"
            ? offer
              ? { ...base, type: "checkbox", choices: offer, default: [], validate: tickOne }
              : { ...base, type: "checkbox", choices: field.choices, default: planned ?? field.fallback }
            : field.kind === "flag"
              ? { ...base, type: "confirm", default: planned ?? field.fallback }
              : { ...base, type: inputType, ...(fallback ? { default: fallback } : {}) };
      raw = (await inquirer.prompt([question]))[key];
    }
    answers[key] = parseGiven(field, { raw, where: key });
    look();
    warnEarly();
  }
  return answers as Partial<InputOf<S>>;
}
