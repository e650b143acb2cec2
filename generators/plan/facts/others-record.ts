/**
 * What people make on a record someone else owns, by its route alone (LEAD19 L12): a mark (a like, a follow, a star)
 * or an item others add under it (a Comment on a Post, a Bid on an Auction). Its maker is anyone the record is visible
 * to, never only its owner: the facts take a viewer where the answers name no relation, and the prompt offers no
 * "owner" to take by pressing Enter. Pure.
 */
import { namesOf } from "../names.js";
import { routeMarkOf } from "./items.js";
import { childCollectionOf } from "./route-and-flow.js";

/** What people make under someone else's record (a Comment on a Post, a Bid on an Auction, a Booking of a Room). */
export const MADE_BY_OTHERS = /^(?:Comment|Reaction|Bid|Offer|Application|Review|Vote|Answer|Enrol?ment|Enrollment|Registration|Rsvp|Reservation|Booking|Signup)$/;

/** A signed-in PUT, POST or DELETE of a mark on the resource, or a POST adding an item others make under it. */
export function othersRecordByRouteOf(a: { method: string; route: string; resource: string; auth: string }): boolean {
  if (a.auth === "anonymous" || a.resource === "" || /\/api\/me(?:\/|$)/.test(a.route)) return false;
  const resource = namesOf(a.resource);
  if (["PUT", "POST", "DELETE"].includes(a.method) && routeMarkOf(a.route, resource) !== undefined) return true;
  return a.method === "POST" && MADE_BY_OTHERS.test(childCollectionOf(a.route)?.pascal ?? "");
}
