/**
 * A move of a record within an ordered list (LEAD20 R2): a task dragged to another place in its column, or to another
 * column; a playlist's track moved up. Its change is not the record's alone: the others between its old place and its
 * new one shift, and two moves in one list at once race on the list, which the moved record's version never sees.
 */
import { actionKindOf, movedItemOf } from "../action-kind.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** An input giving the place in the list: Position, SortOrder, Rank, Index (a whole number or a rank key). */
const POSITION_INPUT = /^(?:position|sortOrder|sortIndex|orderIndex|rank|index|newPosition|targetPosition)$/;

type MoveFacts = Pick<UseCaseFacts, "flow" | "method" | "route" | "inputs" | "resource">;

/** A change of a loaded record that gives a place in a list, or whose route or name is a move (action-kind.ts, as the rate limit's default reads it). */
export const reordersOf = (f: MoveFacts, useCase: string): boolean =>
  f.flow === "change" && f.resource !== undefined && (f.inputs.some((i) => POSITION_INPUT.test(i.names.camel)) || actionKindOf({ method: f.method, route: f.route, name: useCase }) === "move");

/** What the move moves, for the pack's words: the route's or the name's item (a track of a Playlist), else the resource. */
export const movedOf = (f: MoveFacts, useCase: string): string => movedItemOf({ method: f.method, route: f.route, name: useCase }, f.resource?.pascal) ?? f.resource?.pascal ?? "record";
