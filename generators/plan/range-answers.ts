/**
 * What the answers already say of a range (TRIAL11 Y17), in the input-range packs: where both ends of every range are
 * required, no end can be missing, so the plan says nothing of "one end alone" or of what a missing end defaults to;
 * where the answers name the error that caps a range's width (`RangeTooLong:400:the range spans more than 366 days`),
 * that error is the cap: the width threat's test answers with it, and how wide a range may be is not asked. Pure.
 */
import type { LoadedPack, PackTest } from "../../lib/packs/pack.js";
import type { UseCaseFacts } from "./facts.js";

/** The answers' error that caps how wide a range may be: a 4xx speaking of a span, width or length of the range. */
export function rangeWidthErrorOf(f: Pick<UseCaseFacts, "errors" | "ranges">): { name: string; status: number } | undefined {
  if (!f.ranges.length) return undefined;
  return f.errors.find((e) => e.status >= 400 && e.status < 500 && /\bspans?\b|\bwide\b|\bwider\b|\bwidth\b|too\s*long|\blonger than\b|more than \d+ (?:days?|weeks?|months?|years?)|RangeTooLong|RangeTooWide|SpanTooLong|TooManyDays/i.test(`${e.name} ${e.when ?? ""}`));
}

const MISSING_END = " One end alone is an open range.";
const DEFAULT_END = ", and what does a missing end default to (today, the first record, unbounded)?";

export function withRangeAnswers(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  if (!f.ranges.length) return packs;
  const required = (camel: string): boolean => f.inputs.some((i) => i.names.camel === camel && i.required);
  const closed = f.ranges.every((r) => required(r.from.camel) && required(r.to.camel));
  const width = rangeWidthErrorOf(f);
  if (!closed && !width) return packs;
  const test = (t: string | PackTest): string | PackTest =>
    typeof t === "string" || !width ? t : { ...t, title: `a range of dates wider than the maximum width answers ${width.status} ${width.name} and reads nothing past it` };
  return packs.map((p) => {
    if (p.name === "input-range" && closed) return { ...p, requirements: p.requirements?.map((r) => ({ ...r, text: r.text.replace(MISSING_END, "") })) };
    if (p.name !== "input-range-dates") return p;
    const questions = (p.questions ?? []).flatMap((q) => {
      if (width && closed) return [];
      if (width) return ["What does a missing end of the range default to (where {range}): today, the first record, unbounded?"];
      return [q.replace(DEFAULT_END, "?")];
    });
    return {
      ...p,
      threats: p.threats?.map((t) => ({
        ...t,
        ...(closed ? { threat: t.threat.replace("left open or set years wide", "set years wide") } : {}),
        ...(width ? { mitigation: `A maximum width per request, refused with ${width.status} (${width.name}, as the answers say), and an index on the ranged field` } : {}),
        tests: t.tests?.map(test),
      })),
      questions,
    };
  });
}
