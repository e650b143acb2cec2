/**
 * The answers a plan was made with, kept in the plan as an HTML comment (invisible
 * when rendered), so that the grow commands (`value-object`, `event`, `test`) can
 * plan the use-case again with more answers (generators/grow/regrow.ts).
 */
import { InputError } from "../../lib/errors.js";
import { ruleText } from "./rules.js";
import type { PlanInput, ValueObjectInput } from "./schema.js";

const MARK = "<!-- mjoplan:answers ";

/** A value object as it is typed: `Name?:rule@location`. */
export const valueObjectText = (v: ValueObjectInput): string => `${v.name}${v.optional ? "?" : ""}:${ruleText(v.rule)}${v.location ? `@${v.location}` : ""}`;

/** The answers as an answers file would hold them. */
export function toAnswers(input: PlanInput, date: string): Record<string, unknown> {
  return {
    ...input,
    valueObjects: input.valueObjects.map(valueObjectText),
    events: input.events.map((e) => ({ name: e.name, fields: e.fields, ...(e.emitter ? { emitter: e.emitter } : {}) })),
    transitions: input.transitions.map((t) => `${t.from}->${t.to}${t.emitter ? `@${t.emitter}` : ""}`),
    errors: input.errors.map((e) => ({ name: e.name, status: e.status, when: e.when })),
    date,
  };
}

/** The comment line; `<` and `>` are escaped in the JSON so no text can end the comment early. */
export function answersComment(answers: Record<string, unknown>): string {
  return `${MARK}${JSON.stringify(answers).replace(/</g, "\\u003c").replace(/>/g, "\\u003e")} -->`;
}

/** The stored answers; a comment that is not closed, or holds no JSON object, is bad input (`where` names the plan), never guessed at. */
export function readAnswers(plan: string, where = "plan"): Record<string, unknown> | undefined {
  const at = plan.lastIndexOf(MARK);
  if (at < 0) return undefined;
  // Closed on its own line: the next comment's close (the written-files comment after it) does not close it.
  const close = plan.indexOf(" -->", at);
  const next = plan.indexOf("\n<!-- mjoplan:", at);
  const end = next >= 0 && next < close ? -1 : close;
  if (end < 0) throw new InputError(where, `the stored answers comment (${MARK.trim()}) is not closed with " -->"`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(plan.slice(at + MARK.length, end));
  } catch (e) {
    throw new InputError(where, `the stored answers comment (${MARK.trim()} ... -->) does not parse as JSON (${(e as Error).message})`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new InputError(where, "the stored answers are not an object");
  return parsed as Record<string, unknown>;
}
