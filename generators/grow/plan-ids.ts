/**
 * The IDs a grown plan gives its requirements, criteria and threats. `test` derives a new kind's
 * cases from the plan's stored answers; a plan grown by `event` or `value-object` may number its
 * items otherwise than those answers would up front (a grown item comes last, and one the answers
 * now imply may be missing). So the derived cases are linked to the plan's own items, matched by
 * what they say in the traceability matrix, never by a number that may name another item there.
 */
import { cells } from "../../lib/check/plan-facts.js";
import { cellPipes } from "../../lib/render/escape.js";
import type { TestFileModel, TraceRow } from "../plan/model.js";

const ITEM = /^(FR|NFR|AC|T)-\d+$/;

/** What a matrix cell says, whatever the padding or escaping a formatter left. */
const said = (cell: string): string => cell.replace(/\\(.)/g, "$1").replace(/\s+/g, " ").trim();

/** The plan's traceability matrix: each item's ID, by what it says (in the plan's order when two say the same). */
function planItems(plan: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = plan.split("\n");
  const start = lines.findIndex((l) => /^## (\d+\. )?Traceability matrix$/.test(l));
  if (start < 0) return out;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("## ")) break;
    if (!line.startsWith("|")) continue;
    const [id, what] = cells(line);
    if (!id || !ITEM.test(id) || what === undefined) continue;
    const key = said(what);
    out.set(key, [...(out.get(key) ?? []), id]);
  }
  return out;
}

/** Each derived item's ID as the plan has it; an item the plan does not list maps to nothing. */
export function idsInPlan(plan: string, derived: TraceRow[]): Map<string, string | undefined> {
  const items = planItems(plan);
  const out = new Map<string, string | undefined>();
  for (const row of derived) {
    const ids = items.get(said(cellPipes(row.what)));
    out.set(row.id, ids?.shift());
  }
  return out;
}

/**
 * A derived test file whose cases cover the plan's IDs. A handler test whose every item the plan
 * does not list yet is left out (it would cover nothing the plan has); domain cases are kept, as
 * the domain file is rendered from the value objects and events, not from its cases.
 */
export function linkedToPlan(file: TestFileModel, ids: Map<string, string | undefined>): TestFileModel {
  const cases = file.cases.flatMap((c) => {
    const covers = c.covers.flatMap((id) => {
      if (!ids.has(id)) return [id];
      const mapped = ids.get(id);
      return mapped ? [mapped] : [];
    });
    if (file.kind !== "domain" && c.covers.length > 0 && covers.length === 0) return [];
    return [{ ...c, covers }];
  });
  return { ...file, cases };
}
