/**
 * What a plan's exception mapping leaves out, read from the plan's Markdown as a reviewer
 * reads it: the error statuses of the API contract, the rows of the exception mapping, and
 * the domain errors of every built-in pack that "why these items" says applied.
 */
import { builtInPacks } from "../../lib/packs/built-in.js";

/** The rows of the tables below a plan's `### <heading>` (header rows too), as cells; throws when the plan has no such heading, so a renamed heading cannot leave nothing to check. */
function tableUnder(plan: string, heading: string): string[][] {
  const start = plan.indexOf(`### ${heading}\n`);
  if (start < 0) throw new Error(`the plan has no "### ${heading}" heading`);
  const rest = plan.slice(start).split("\n").slice(1);
  const end = rest.findIndex((l) => l.startsWith("#"));
  return (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.startsWith("| ") && !l.startsWith("| ---")).map((l) => l.slice(2, -2).split(" | "));
}

export interface MappingGaps {
  /** Error statuses of the API contract that no row of the exception mapping raises. */
  unraisedStatuses: number[];
  /** Rows of the exception mapping whose status the API contract does not list. */
  strayRows: string[];
  /** Domain errors (applied packs' and the answers' own) missing from the exception mapping with their status. */
  unmappedErrors: string[];
}

export function mappingGaps(plan: string, answersErrors: readonly string[] = []): MappingGaps {
  const mapping = tableUnder(plan, "Exception mapping")
    .map(([raised, status]) => ({ raised: raised!, status: Number(status) }))
    .filter((m) => m.status >= 400);
  // The status catalogue's rows: those of the API contract's tables that start with a status (the input table's do not).
  const statuses = tableUnder(plan, "API contract")
    .map(([status]) => Number(status))
    .filter((s) => s >= 400);
  // Sections are numbered by what the plan holds (omitSections renumbers them): find the heading by its words.
  const whyHeading = /^## \d+\. Why these items$/m.exec(plan);
  if (!whyHeading) throw new Error('the plan has no "## <n>. Why these items" heading');
  const why = plan.slice(whyHeading.index);
  const applied = new Set(why.split("\n").flatMap((l) => /^\| ([a-z][\w-]*) \|/.exec(l)?.[1] ?? []));
  const named = [
    ...builtInPacks()
      .filter((p) => applied.has(p.name))
      .flatMap((p) => p.errors ?? []),
    ...answersErrors.map((e) => ({ name: e.split(":")[0]!, status: Number(e.split(":")[1]) })),
  ];
  return {
    unraisedStatuses: statuses.filter((s) => !mapping.some((m) => m.status === s)),
    strayRows: mapping.filter((m) => !statuses.includes(m.status)).map((m) => `${m.raised} ${m.status}`),
    unmappedErrors: named.filter((e) => !mapping.some((m) => m.raised === e.name && m.status === e.status)).map((e) => `${e.name} ${e.status}`),
  };
}
