/**
 * What people make on a record someone else owns (LEAD19 L12): a mark (a like, a follow, a star), an item others add
 * under it (a Comment on a Post, a Bid on an Auction) or a report of it to its moderators. Its maker is anyone the
 * record is visible to, never only its owner: the facts take a viewer where the answers name no relation (onOthers),
 * and the prompt offers no "owner" to take by pressing Enter. One decision, othersRecordOf, for both: the plan gives it
 * what all the answers tell, the prompt what the answers so far tell, so the two cannot decide it differently. Pure.
 */
import { type Names, namesOf } from "../names.js";
import { contentReportOf, type OwnMark, routeMarkOf } from "./items.js";
import { childCollectionOf, meMarkOf, mineChildOf, routeParamsOf } from "./route-and-flow.js";

/**
 * What people make under someone else's record (a Comment on a Post, a Bid on an Auction, a Booking of a Room), or ask
 * of it (a StockAlert or a PriceAlert on a Product, a Watch of an Issue: LEAD21 B1, a customer is no owner of the catalogue).
 */
export const MADE_BY_OTHERS = /^(?:Comment|Reaction|Bid|Offer|Application|Review|Vote|Answer|Enrol?ment|Enrollment|Registration|Rsvp|Reservation|Booking|Signup|(?:Stock|Price|Restock|Availability)Alert|Watch)$/;

/** What a request does to its resource, as far as the answers tell. */
export interface MadeOnRecord {
  route: string;
  resource: Names | undefined;
  signedIn: boolean;
  /** The route is a list of the caller's own marks under /me keyed by a record's id (meMarkOf). */
  meMark: boolean;
  /** The request sets or removes the caller's own mark on the resource (the facts' ownMark). */
  ownMark: boolean;
  /** The new item a create adds under the resource (a Comment under a Post), if the request is one. */
  created: Names | undefined;
  /** The use-case's name, summary and route: a report's words say abuse or spam (contentReportOf). */
  words: string;
}

/**
 * A signed-in request on a resource, outside the caller's own /me (a trailing /me and a /me list of marks are the
 * mark's), that sets or removes the caller's own mark on it, or creates an item others make under it or a report of it.
 */
export const othersRecordOf = (m: MadeOnRecord): boolean =>
  m.resource !== undefined &&
  m.signedIn &&
  (m.meMark || !m.route.replace(/\/me\/?$/, "").includes("/me/")) &&
  (m.ownMark || (m.created !== undefined && (contentReportOf(m.created, m.words) || MADE_BY_OTHERS.test(m.created.pascal))));

/**
 * A POST of a mark's collection with nothing in its body (`POST /api/posts/:postId/likes`, `/users/:userId/followers`)
 * sets the caller's own mark as the PUT does: the caller is whom it adds, no body names another person (LEAD19 L1). A
 * subscription is a billing record as often as a mark: only its PUT or DELETE is one. `inputs` are the value objects'
 * names and where they arrive; none before they are answered.
 */
export const markPostedOf = (method: string, route: string, routeMark: OwnMark | undefined, async: boolean, inputs: readonly { camel: string; location?: string }[]): boolean =>
  method === "POST" && routeMark !== undefined && !async && routeMark.names.pascal !== "Subscription" && inputs.every((i) => i.location === "path" || routeParamsOf(route).includes(i.camel));

/**
 * The prompt's reading, from the answers so far (name, summary, method, route, auth, async, resource; the value objects,
 * the enumeration and the capabilities come after the relation is asked, so none is taken): what derive-facts works
 * out for ownMark and the created item from the same answers, given to othersRecordOf.
 */
export function othersRecordByRouteOf(a: { name: string; summary: string; method: string; route: string; resource: string; auth: string; async: boolean }): boolean {
  if (a.resource === "") return false;
  const resource = namesOf(a.resource);
  const signedIn = a.auth !== "anonymous";
  const meMark = meMarkOf(a.route);
  const routeMark = signedIn ? routeMarkOf(a.route, resource, meMark) : undefined;
  const posted = markPostedOf(a.method, a.route, routeMark, a.async, []);
  const ownMark = routeMark !== undefined && !a.async && (a.method === "PUT" || a.method === "DELETE" || posted);
  const mine = (a.method === "PUT" || a.method === "POST") && !a.async && !((a.method === "PUT" || posted) && routeMark !== undefined) ? mineChildOf(a.route) : undefined;
  const created = mine ?? (a.method === "POST" && !posted && !a.async ? childCollectionOf(a.route) : undefined);
  return othersRecordOf({ route: a.route, resource, signedIn, meMark: meMark !== undefined, ownMark, created, words: [a.name, a.summary, a.route].join(" ") });
}
