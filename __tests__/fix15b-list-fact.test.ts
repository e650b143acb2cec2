/**
 * One fact says whether a read answers a list, of what, under what and paged or not (listAnswerOf, fix15b): the
 * flow's steps, the handler's pseudo-code and body type, the contract's 200 row and the query port all read it, so
 * none says "a list" where another says "one record". Unlike reads: a list of the resource, a paged list under one,
 * a list naming its own list field, one record, and the caller's one record under /me.
 */
import { describe, expect, it } from "@jest/globals";
import { parseAll, withFallbacks, type Given } from "../lib/schema/resolve.js";
import { factsOf, listAnswerOf } from "../generators/plan/facts.js";
import { planSchema, type PlanInput } from "../generators/plan/schema.js";
import { describeFit, type FitCase } from "./support/fit.js";

const LIST_ROW = "| 200 | Found: the list of items, each with the response fields above";
const ONE_ROW = "| 200 | Found: the response fields above";

const CASES: Record<string, FitCase> = {
  // The resource itself listed: every part says list.
  "List my meetings": {
    flags: ["--method", "GET", "--route", "/api/me/meetings", "--resource", "Meeting", "--response", "title,startsAt"],
    must: ["readonly items: readonly ListMyMeetingsItem[];", LIST_ROW, "items = query.listForCaller(callerId, criteria)", "H->>R: list the caller#39;s own Meetings"],
    mustNot: [ONE_ROW, "view = query.", "nextCursor?: string"],
  },
  // Items under one resource, paged: the Room found, then a page of its bookings; a cursor beside the items.
  "List bookings of a room": {
    flags: ["--method", "GET", "--route", "/api/rooms/:roomId/bookings", "--resource", "Room", "--capability", "pagination", "--response", "startsAt,endsAt"],
    must: ["readonly nextCursor?: string;", `${LIST_ROW}; a next cursor while more pages follow`, "list a page of the bookings of the Room", "listForOwner(callerId: string, id: string, criteria: Criteria): Promise<readonly BookingView[] | null>"],
    mustNot: [ONE_ROW, "H->>R: find the Room", "view = query."],
  },
  // A list naming its own list field: read as a list, but the body is the response as named, not wrapped again.
  "Search my notes": {
    flags: ["--method", "GET", "--route", "/api/me/notes/search", "--value-object", "Q:string(1..100)@query", "--response", "items"],
    must: ["items = query.listForCaller(callerId, criteria)", "an empty list when nothing matches, never 404"],
    mustNot: ["readonly items: readonly SearchMyNotesItem[];", "SearchMyNotesItem"],
  },
  // One record named by the route: never a list.
  "Get a meeting": {
    flags: ["--method", "GET", "--route", "/api/meetings/:meetingId", "--resource", "Meeting", "--response", "title,startsAt"],
    must: [ONE_ROW, "view = query.findForOwner(callerId, id)"],
    mustNot: [LIST_ROW, "GetAMeetingItem", "readonly items:", "empty list"],
  },
};

describeFit(CASES, "every part of a read's plan agrees with the one list fact (fix15b)");

describe("listAnswerOf", () => {
  const input = (answers: Record<string, unknown>): PlanInput =>
    withFallbacks(planSchema, parseAll(planSchema, Object.fromEntries(Object.entries({ auth: "authenticated", method: "GET", ...answers }).map(([k, raw]): [string, Given] => [k, { raw, where: k }]))));
  const of = (answers: Record<string, unknown>) => listAnswerOf(factsOf(input(answers)));
  it("says what is listed, under what, and whether paged", () => {
    expect(of({ name: "List my meetings", route: "/api/me/meetings", resource: "Meeting" })).toEqual({ of: "resource", paged: false, itemsBody: true });
    expect(of({ name: "List bookings of a room", route: "/api/rooms/:roomId/bookings", resource: "Room", capabilities: ["pagination"] })).toEqual({ of: "under", paged: true, itemsBody: true });
    expect(of({ name: "List my meetings", route: "/api/me/meetings", response: ["title"], capabilities: ["pagination"] })).toEqual({ of: "records", paged: true, itemsBody: true });
    expect(of({ name: "Get a meeting", route: "/api/meetings/:meetingId", resource: "Meeting" })).toBeUndefined();
    expect(of({ name: "Update a meeting", method: "PATCH", route: "/api/meetings/:meetingId", resource: "Meeting" })).toBeUndefined();
  });
});
