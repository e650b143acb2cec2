/**
 * A change that gives a record a public name the caller chooses (an article published under its slug, a handle
 * changed) where the answers refuse one already taken (SlugTaken:409): two requests at once for the same name each
 * pass a read of "is it taken?", so the name is held by a unique key and the save's violation is that answer (LEAD19,
 * an article's slug taken by two publishes at once). A create's chosen name is chosen-slug's (chosenSlugOf).
 */
import { SLUG_NAMED, slugTakenErrorOf } from "./recognised-features.js";
import type { UseCaseFacts } from "./use-case-facts.js";

export const slugOnChangeOf = (f: Pick<UseCaseFacts, "flow" | "inputs" | "errors">): boolean =>
  f.flow === "change" && f.inputs.some((i) => i.location !== "path" && SLUG_NAMED.test(i.names.camel)) && slugTakenErrorOf(f) !== undefined;
