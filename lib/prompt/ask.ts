/**
 * Interactive questions, derived from the schema: one per field not given yet,
 * lists entered one item at a time until a blank answer. inquirer 9 style, with
 * the inquirer instance node-plop hands over (never a second copy).
 */
import { InputError } from "../errors.js";
import type { AnyField, InputOf, Schema } from "../schema/field.js";
import { parseGiven } from "../schema/resolve.js";

interface Question {
  type: string;
  name: string;
  message: string;
  default?: unknown;
  choices?: readonly string[];
  validate?: (value: unknown) => true | string;
}

export interface Inquirer {
  prompt(questions: Question[]): Promise<Record<string, unknown>>;
}

/** `true` when the raw value parses; the problem otherwise, for inquirer to show under the prompt. */
function validator(field: AnyField, key: string): (value: unknown) => true | string {
  return (value) => {
    try {
      parseGiven(field, { raw: value, where: key });
      return true;
    } catch (e) {
      if (e instanceof InputError) return e.message.slice(key.length + 2);
      throw e;
    }
  };
}

async function askList(inquirer: Inquirer, key: string, field: Extract<AnyField, { kind: "list" }>, required = false): Promise<unknown[]> {
  const items: unknown[] = [];
  for (;;) {
    const message = `${field.description}${field.valueHint ? ` (${field.valueHint})` : ""} #${items.length + 1}, blank to finish:`;
    const { item } = await inquirer.prompt([
      {
        type: "input",
        name: "item",
        message,
        validate: (value) => {
          // A list the other answers make required (the roles, for access by role) needs a first item.
          if (typeof value !== "string" || value.trim() === "") return required && items.length === 0 ? "at least one is needed here" : true;
          return validator(field, key)([...items, value]);
        },
      },
    ]);
    if (typeof item !== "string" || item.trim() === "") return items;
    items.push(item);
  }
}

/** Asks for every askable field of `schema` that `given` lacks (or only those of `only`); returns the given and the asked values, typed. */
export async function askMissing<S extends Schema>(inquirer: Inquirer, schema: S, given: Partial<InputOf<S>>, only?: readonly string[]): Promise<Partial<InputOf<S>>> {
  const answers: Record<string, unknown> = { ...given };
  for (const [key, field] of Object.entries(schema)) {
    if (only && !only.includes(key)) continue;
    const value = answers[key];
    const required = field.requiredWhen?.(answers) === true;
    if (!field.ask || (value !== undefined && !(required && Array.isArray(value) && value.length === 0))) continue;
    if (field.askWhen && !field.askWhen(answers)) continue;
    let raw: unknown;
    if (field.kind === "list") {
      raw = await askList(inquirer, key, field, required);
    } else {
      const base = { name: key, message: `${field.description}:`, validate: validator(field, key) };
      const question: Question =
        field.kind === "choice"
          ? { ...base, type: "list", choices: field.choices, default: field.fallback }
          : field.kind === "multi"
            ? { ...base, type: "checkbox", choices: field.choices, default: field.fallback }
            : field.kind === "flag"
              ? { ...base, type: "confirm", default: field.fallback }
              : { ...base, type: "input", ...(field.fallback ? { default: field.fallback } : {}) };
      raw = (await inquirer.prompt([question]))[key];
    }
    answers[key] = parseGiven(field, { raw, where: key });
  }
  return answers as Partial<InputOf<S>>;
}
