/**
 * What kind of action a use-case is, by what its method, route and name say: a move of a record within an ordered list
 * (a task dragged to another place, a playlist's track moved up), or a toggle of a mark on one record (read, like,
 * follow, a ticket scanned at a door). The one reading that both the prompt's rate-limit default (rate-limit-default.ts,
 * which has no facts) and the plan's facts (facts/reorder.ts, facts/route-and-flow.ts) call: two word lists had drifted,
 * so "Reorder tracks in a playlist" (POST .../reorder-tracks) got a per-click rate limit but no reorder-position (mend21).
 */
import { namesOf, singularOf } from "./names.js";

export type ActionKind = "move" | "toggle";

/** What a use-case's kind is read from; the facts add nothing the prompt does not have. */
export interface ActionWords {
  method: string;
  route: string;
  name?: string;
}

/**
 * A route whose last segment is the move itself: `/tasks/:taskId/position`, `/tracks/:trackId/reorder`,
 * `/playlists/:playlistId/reorder-tracks`; `order` only after a list (`/playlists/:playlistId/tracks/order`), since
 * `/carts/:cartId/order` places an order.
 */
const MOVE_ROUTE = /\/(?:position|reorder(?:-[a-z]+)*|rank|sort-order|[a-z][a-z-]*s\/order)\/?$/i;
/** ...or by the use-case's name: "Reorder tasks in a column", "Re-order the tracks of a playlist". */
const MOVE_NAME = /^re-?order\b/i;

/** A toggle of one record by the route's last word (`/notifications/:id/read`, `/posts/:id/likes/me`, `/stars`, `/check-ins`). */
const TOGGLE_ROUTE = /\/(?:read|unread|seen|likes?|unlike|stars?|unstar|pins?|unpin|bookmarks?|unbookmark|favou?rites?|unfavou?rite|follows?|followers|unfollow|watchers|subscribers|reactions?|upvotes?|downvotes?|dismiss(?:al)?|mute|unmute|check-?ins?|scans?)(?:\/me)?\/?$/i;
/** ...or by the use-case's name: "Mark a notification as read", "Like a post", "Star a repository", "Check in attendee". */
const TOGGLE_NAME = /^(?:mark\b.*\bas (?:read|unread|seen|done)\b|(?:un)?(?:like|star|pin|bookmark|favou?rite|follow|mute)\b|(?:up|down)vote\b|react\b|dismiss\b|check[- ]?in\b|scan\b)/i;

/** The kind of action, where its route or name says one; a read (GET) is neither. */
export function actionKindOf(a: ActionWords): ActionKind | undefined {
  if (a.method === "GET") return undefined;
  const name = (a.name ?? "").trim();
  if (MOVE_ROUTE.test(a.route) || MOVE_NAME.test(name)) return "move";
  if (TOGGLE_ROUTE.test(a.route) || TOGGLE_NAME.test(name)) return "toggle";
  return undefined;
}

/** Whether the route's last segment is a move (`reorder-tracks`): an action on the list, never a collection of new records. */
export const movesByRouteOf = (route: string): boolean => MOVE_ROUTE.test(route);

/**
 * What a move moves, in the words of the route or the name, where they name something other than the resource: the
 * route's `reorder-tracks` or the name's "Reorder the tracks of a playlist" move a track while the Playlist, which holds
 * the list, is what the request loads. Undefined where they name the resource itself ("Reorder tasks", a Task) or
 * nothing: the resource is what moves.
 */
export function movedItemOf(a: ActionWords, resource: string | undefined): string | undefined {
  const last = a.route.replace(/\/$/, "").split("/").pop() ?? "";
  const words =
    /^reorder-(.+s)$/i.exec(last)?.[1] ??
    /^re-?order\s+(?:the\s+|my\s+|our\s+)?([a-z][a-z-]*s)\b/i.exec((a.name ?? "").trim())?.[1] ??
    /\/([a-z][a-z-]*s)\/order\/?$/i.exec(a.route)?.[1];
  if (!words) return undefined;
  const item = singularOf(words.toLowerCase()).replace(/-/g, " ");
  return resource !== undefined && namesOf(item).pascal === resource ? undefined : item;
}
