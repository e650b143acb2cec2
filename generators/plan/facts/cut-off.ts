/**
 * A change allowed only before a cut-off (fix17b, TRIAL12 Z11: "Cancel a pending bank transfer" before the daily
 * cut-off): which clock and time zone decide it, and the race with the batch that picks the record up at that time,
 * are what a reviewer asks. The words (summary, criteria, an error) say cut-off.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

const CUT_OFF = /\bcut[- ]?off\b|CutOff/i;

/** Whether a change or delete of a resource with its own moves is allowed only before a cut-off its words name. */
export const cutOffOf = (f: Pick<UseCaseFacts, "resource" | "flow" | "transitions" | "summary" | "errors">, criteria: readonly string[] = []): boolean =>
  f.resource !== undefined &&
  (f.flow === "change" || f.flow === "delete") &&
  f.transitions.some((t) => !t.emitter) &&
  [f.summary ?? "", ...criteria, ...f.errors.map((e) => `${e.name} ${e.when}`)].some((t) => CUT_OFF.test(t));

/** The states the request moves the resource from and to, as the race's conditional update names them. */
export function cutOffMoveOf(f: Pick<UseCaseFacts, "transitions">): string {
  const own = f.transitions.filter((t) => !t.emitter);
  return `${[...new Set(own.map((t) => t.from))].join(" or ")} to ${[...new Set(own.map((t) => t.to))].join(" or ")}`;
}
