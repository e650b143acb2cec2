/**
 * A move of a record within an ordered list (LEAD20 R2): a task dragged to another place in its column, or to another
 * column; a playlist's track moved up. Its change is not the record's alone: the others between its old place and its
 * new one shift, and two moves in one list at once race on the list, which the moved record's version never sees.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

/** An input giving the place in the list: Position, SortOrder, Rank, Index (a whole number or a rank key). */
const POSITION_INPUT = /^(?:position|sortOrder|sortIndex|orderIndex|rank|index|newPosition|targetPosition)$/;
/** A route whose last word is the move itself: `/tasks/:taskId/position`, `/tracks/:trackId/reorder`. */
const MOVE_ROUTE = /\/(?:position|reorder|rank|sort-order|order)\/?$/i;

export const reordersOf = (f: Pick<UseCaseFacts, "flow" | "route" | "inputs" | "resource">, useCase: string): boolean =>
  f.flow === "change" && f.resource !== undefined && (f.inputs.some((i) => POSITION_INPUT.test(i.names.camel)) || MOVE_ROUTE.test(f.route) || /^re-?order\b/i.test(useCase.trim()));
