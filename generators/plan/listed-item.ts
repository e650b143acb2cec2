/**
 * What a paged list under a resource lists, named from its route (`GET /api/teams/:teamId/invoices`: Invoice), else
 * from the use-case's name ("List invoices of a team"): a plan about "the items of the Team" never says what a
 * reviewer must think about, invoices (TRIAL6 U9). Undefined where neither names it.
 */
import { namesOf, singularOf, type Names } from "./names.js";

export function listedItemOf(route: string, useCase: string): { names: Names; plural: string } | undefined {
  const segments = route.split("/").filter(Boolean);
  const lastParam = segments.map((s) => /^(?::|\{)/.test(s)).lastIndexOf(true);
  const after = segments.slice(lastParam + 1).filter((s) => /^[a-z][a-z0-9-]*$/i.test(s));
  const fromRoute = after[after.length - 1];
  if (fromRoute && lastParam >= 0) return { names: namesOf(singularOf(fromRoute.replace(/-/g, " "))), plural: fromRoute.replace(/-/g, " ").toLowerCase() };
  const said = /^(?:list|show|get|browse|page through)\s+(?:(?:the|all|my)\s+)?([a-z][a-z -]*?)\s+(?:of|in|for|under)\b/i.exec(useCase.trim());
  return said ? { names: namesOf(singularOf(said[1]!.trim())), plural: said[1]!.trim().toLowerCase() } : undefined;
}
