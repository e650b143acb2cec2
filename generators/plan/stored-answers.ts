/**
 * The answers a plan was made with, kept in the plan as an HTML comment (invisible
 * when rendered), so that the grow commands (`value-object`, `event`, `test`) can
 * plan the use-case again with more answers (generators/grow/regrow.ts).
 */
import { InputError } from "../../lib/errors.js";
import { ruleText } from "./rules.js";
import { planSchema, type PlanInput, type ValueObjectInput } from "./schema.js";

const MARK = "<!-- mjoplan:answers ";

/** A value object as it is typed: `Name?:rule@location`. */
export const valueObjectText = (v: ValueObjectInput): string => `${v.name}${v.optional ? "?" : ""}:${ruleText(v.rule)}${v.location ? `@${v.location}` : ""}`;

/** Answers always kept, whatever their value: the use-case's name and context say which plan it is and where it lies. */
const ALWAYS_KEPT = new Set(["name", "context"]);

/**
 * The answers as an answers file would hold them, without those left at mjoplan's own default (system MjoMeet, owner
 * unassigned, every test kind): a plan planned again takes the config's default there, as a first run would, rather
 * than a default frozen in by the first run though nobody typed it (TRIAL6 U12). A grow's reading of them falls back
 * to the same defaults, so it renders what this run rendered.
 */
export function toAnswers(input: PlanInput, date: string): Record<string, unknown> {
  const given = Object.fromEntries(
    Object.entries(input).filter(([key, value]) => {
      const fallback = (planSchema as Record<string, { fallback?: unknown }>)[key]?.fallback;
      return ALWAYS_KEPT.has(key) || fallback === undefined || JSON.stringify(value) !== JSON.stringify(fallback);
    }),
  ) as Partial<PlanInput>;
  return {
    ...given,
    ...(given.valueObjects ? { valueObjects: input.valueObjects.map(valueObjectText) } : {}),
    ...(given.events ? { events: input.events.map((e) => ({ name: e.name, fields: e.fields, ...(e.emitter ? { emitter: e.emitter } : {}) })) } : {}),
    ...(given.transitions ? { transitions: input.transitions.map((t) => `${t.from}->${t.to}${t.emitter ? `@${t.emitter}` : ""}`) } : {}),
    ...(given.errors ? { errors: input.errors.map((e) => ({ name: e.name, status: e.status, when: e.when })) } : {}),
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
