/**
 * The answers a plan was made with, kept in the plan as an HTML comment (invisible
 * when rendered), so that a later `mjoplan test` can derive a new test kind's
 * cases with the same IDs the plan already uses.
 */
import { InputError } from "../../lib/errors.js";
import { ruleText } from "./rules.js";
import type { PlanInput } from "./schema.js";

const MARK = "<!-- mjoplan:answers ";

/** The answers as an answers file would hold them. */
export function toAnswers(input: PlanInput, date: string): Record<string, unknown> {
  return {
    ...input,
    valueObjects: input.valueObjects.map((v) => `${v.name}${v.optional ? "?" : ""}:${ruleText(v.rule)}${v.location ? `@${v.location}` : ""}`),
    events: input.events.map((e) => ({ name: e.name, fields: e.fields, ...(e.emitter ? { emitter: e.emitter } : {}) })),
    transitions: input.transitions.map((t) => `${t.from}->${t.to}`),
    errors: input.errors.map((e) => ({ name: e.name, status: e.status, when: e.when })),
    date,
  };
}

/** The comment line; `<` and `>` are escaped in the JSON so no text can end the comment early. */
export function answersComment(answers: Record<string, unknown>): string {
  return `${MARK}${JSON.stringify(answers).replace(/</g, "\\u003c").replace(/>/g, "\\u003e")} -->`;
}

/** The stored answers; a comment that is not closed is bad input (`where` names the plan), never guessed at. */
export function readAnswers(plan: string, where = "plan"): Record<string, unknown> | undefined {
  const at = plan.lastIndexOf(MARK);
  if (at < 0) return undefined;
  const end = plan.indexOf(" -->", at);
  if (end < 0) throw new InputError(where, `the stored answers comment (${MARK.trim()}) is not closed with " -->"`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(plan.slice(at + MARK.length, end));
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new InputError(where, "the stored answers are not an object");
  return parsed as Record<string, unknown>;
}

/**
 * The plan with `items` appended to lists of its stored answers (a grown use-case's value objects,
 * events, pii), so a later `mjoplan test` derives tests from what the use-case now has. A plan
 * without stored answers is returned as it is.
 */
export function appendToStoredAnswers(plan: string, planPath: string, items: Record<string, unknown[]>): string {
  const stored = readAnswers(plan, planPath);
  if (!stored) return plan;
  const grown = { ...stored };
  for (const [key, added] of Object.entries(items)) grown[key] = [...(Array.isArray(stored[key]) ? stored[key] : []), ...added];
  return replaceAnswers(plan, grown);
}

export function replaceAnswers(plan: string, answers: Record<string, unknown>): string {
  const at = plan.lastIndexOf(MARK);
  const end = plan.indexOf(" -->", at);
  if (at >= 0 && end < 0) throw new InputError("plan", `the stored answers comment (${MARK.trim()}) is not closed with " -->"`);
  return at < 0 ? `${plan.replace(/\n*$/, "\n")}\n${answersComment(answers)}\n` : `${plan.slice(0, at)}${answersComment(answers)}${plan.slice(end + 4)}`;
}
