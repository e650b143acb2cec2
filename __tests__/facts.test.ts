/** Answers to facts: the flow, the access model and the derived defaults (MODEL.md sections 1 and 2), table by table. */
import { describe, expect, it } from "@jest/globals";
import { parseAll, withFallbacks, type Given } from "../lib/schema/resolve.js";
import { contradictionOf, factsOf } from "../generators/plan/facts.js";
import { planSchema, type PlanInput } from "../generators/plan/schema.js";

function input(answers: Record<string, unknown>): PlanInput {
  const given = Object.fromEntries(Object.entries({ name: "X", ...answers }).map(([k, raw]): [string, Given] => [k, { raw, where: k }]));
  return withFallbacks(planSchema, parseAll(planSchema, given));
}

describe("factsOf", () => {
  it.each([
    ["GET", {}, "query", 200, "self"],
    ["GET, anonymous, with a resource", { auth: "anonymous", resource: "Invite" }, "query", 200, "anonymous"],
    ["POST", { method: "POST" }, "create", 201, "authenticated"],
    ["POST, existence hidden", { method: "POST", auth: "anonymous", enumeration: "account", valueObjects: ["Email:email"] }, "create", 202, "anonymous"],
    ["POST with a resource", { method: "POST", resource: "Meeting", route: "/api/meetings/:meetingId/cancel" }, "change", 200, "relation"],
    ["PATCH on the caller", { method: "PATCH", route: "/api/me/profile" }, "change", 200, "self"],
    ["DELETE /me", { method: "DELETE", route: "/api/me" }, "delete", 204, "self"],
    ["async POST", { method: "POST", async: true, resource: "Recording" }, "async", 202, "relation"],
    ["roles", { method: "POST", auth: "roles", roles: "admin" }, "create", 201, "roles"],
    ["--success given", { method: "POST", success: "200" }, "create", 200, "authenticated"],
  ])("%s", (_what, answers, flow, success, access) => {
    const f = factsOf(input({ method: "GET", ...answers }));
    expect([f.flow, f.success, f.access]).toEqual([flow, success, access]);
  });

  it("names a new item under the resource and a caller's own items by the singular of the route's plural (addresses: Address)", () => {
    expect(factsOf(input({ method: "POST", resource: "Customer", route: "/api/customers/:customerId/addresses" })).child?.pascal).toBe("Address");
    expect(factsOf(input({ method: "POST", resource: "Order", route: "/api/orders/:orderId/statuses" })).child?.pascal).toBe("Status");
  });

  it("puts an input where it arrives: named by the route in the path, else query for GET and DELETE, else body; ? makes it optional", () => {
    const get = factsOf(input({ method: "GET", route: "/api/rooms/{roomId}/slots", valueObjects: ["RoomId:uuid", "Day?:date", "Limit:int@header"] }));
    expect(get.inputs.map((i) => [i.names.pascal, i.location, i.required, i.fromText])).toEqual([
      ["RoomId", "path", true, true],
      ["Day", "query", false, true],
      ["Limit", "header", true, true],
    ]);
    const post = factsOf(input({ method: "POST", valueObjects: ["Title:string"] }));
    expect(post.inputs.map((i) => [i.location, i.fromText])).toEqual([["body", false]]);
  });

  it("defaults the relation to owner for a signed-in caller with a resource, and gives an anonymous caller none", () => {
    expect(factsOf(input({ resource: "Meeting" })).relation).toBe("owner");
    expect(factsOf(input({ resource: "Meeting", relation: "host" })).relation).toBe("host");
    expect(factsOf(input({ resource: "Invite", auth: "anonymous" })).relation).toBeUndefined();
  });

  it("reads --enumeration-sensitive as --enumeration account, and a pattern's own @ as part of its rule", () => {
    expect(factsOf(input({ enumerationSensitive: true, valueObjects: ["Email:email"] })).enumeration).toBe("account");
    expect(input({ valueObjects: ["Handle:pattern(^@[a-z]+$)@query"] }).valueObjects[0]).toMatchObject({ rule: { kind: "pattern", source: "^@[a-z]+$" }, location: "query" });
  });

  it("names each event's emitter: the request unless a scheduled command is named", () => {
    const f = factsOf(input({ method: "POST", scheduledCommand: "RunExport", events: ["ExportRequested", "ExportDone:fileId@RunExport"] }));
    expect([...f.emitters]).toEqual([["ExportRequested", "request"], ["ExportDone", "RunExport"]]);
  });

  it.each([
    [{ relation: "host" }, "relation"],
    [{ resource: "Invite", auth: "anonymous", relation: "host" }, "relation"],
    [{ method: "DELETE", valueObjects: ["Reason:string@body"] }, "value-object"],
    [{ valueObjects: ["Id:uuid@path"] }, "value-object"],
    [{ method: "POST", route: "/api/x/:id", valueObjects: ["Id?:uuid"] }, "value-object"],
    [{ method: "POST", events: ["Done@Nobody"] }, "event"],
    [{ method: "POST", async: true, success: "201" }, "success"],
    [{ method: "DELETE", response: "id" }, "response"],
  ])("refuses contradictory inputs: %j is a fault of --%s", (answers, flag) => {
    expect(contradictionOf(input({ method: "GET", ...answers }))?.flag).toBe(flag);
  });
});

describe("kinds of use-case read from the answers (REVIEW2 R1, R7, R9, R20, R25)", () => {
  const caps = (answers: Record<string, unknown>): string[] => factsOf(input(answers)).capabilities;

  it.each([
    ["an anonymous GET with Code and State is an OAuth callback", { method: "GET", auth: "anonymous", valueObjects: ["Code:string(1..512)", "State:string(16..128)"] }, true],
    ["so is any use-case that says so", { method: "POST", auth: "anonymous", capabilities: "oauth-callback" }, true],
    ["a GET with a code and no state is not", { method: "GET", auth: "anonymous", route: "/api/promotions/:code", valueObjects: ["Code:string(4..32)"] }, false],
    ["nor is a signed-in GET with both", { method: "GET", valueObjects: ["Code:string(1..9)", "State:string(1..9)"] }, false],
  ])("%s", (_what, answers, callback) => {
    const f = factsOf(input(answers));
    expect([f.oauthCallback, f.oauthCallback ? [f.flow, f.success, f.successHeaders] : undefined, f.capabilities.includes("oauth-callback")]).toEqual([callback, callback ? ["create", 302, ["Location", "Set-Cookie"]] : undefined, callback]);
  });

  it("lets an OAuth callback's GET emit events, and still refuses them on any other GET", () => {
    const event = { method: "GET", auth: "anonymous", events: ["UserSignedIn:userId"] };
    expect(contradictionOf(input({ ...event, valueObjects: ["Code:string(1..512)", "State:string(16..128)"] }))).toBeUndefined();
    expect(contradictionOf(input({ ...event, valueObjects: ["Code:string(1..512)"] }))?.flag).toBe("event");
  });

  it.each([
    ["From/To dates", ["From?:date", "To?:date"], [["From", "To", true]]],
    ["StartDate/EndDate datetimes", ["StartDate:datetime", "EndDate:datetime"], [["StartDate", "EndDate", true]]],
    ["MinPrice/MaxPrice numbers", ["MinPrice:int(0..1000)", "MaxPrice:number(0..1000)"], [["MinPrice", "MaxPrice", false]]],
    ["CreatedAfter/CreatedBefore", ["CreatedAfter:date", "CreatedBefore:date"], [["CreatedAfter", "CreatedBefore", true]]],
    ["languages named From and To", ["From:enum(en|de)", "To:enum(en|de)"], []],
    ["a date and a number", ["From:date", "To:int(1..9)"], []],
    ["a lone end", ["Since:date"], []],
  ])("a range: %s", (_what, valueObjects, ranges) => {
    const f = factsOf(input({ method: "GET", valueObjects }));
    expect(f.ranges.map((r) => [r.from.pascal, r.to.pascal, r.dates])).toEqual(ranges);
  });

  it.each([
    ["GET with Query", { method: "GET", valueObjects: ["Query?:string(1..100)"] }, "Query"],
    ["GET with Q", { method: "GET", valueObjects: ["Q:string(1..100)"] }, "Q"],
    ["said, with another text input", { method: "GET", capabilities: "search", valueObjects: ["Name:string(1..50)"] }, "Name"],
    ["POST with a Text", { method: "POST", valueObjects: ["Text:string(1..100)"] }, undefined],
    ["GET with a Query that is a number", { method: "GET", valueObjects: ["Query:int(1..9)"] }, undefined],
  ])("a search: %s", (_what, answers, searchInput) => {
    const f = factsOf(input(answers));
    expect([f.searchInput?.pascal, f.capabilities.includes("search")]).toEqual([searchInput, searchInput !== undefined]);
  });

  it.each([
    ["PATCH of a user's role", { method: "PATCH", route: "/api/admin/users/:userId/role", resource: "User", auth: "roles", roles: "admin", valueObjects: ["UserId:uuid", "Role:enum(member|admin)"] }, true],
    ["DELETE of a member's permission by its route", { method: "DELETE", route: "/api/teams/:teamId/members/:memberId/permissions/:permission", resource: "Team" }, true],
    ["PUT of a member's role", { method: "PUT", route: "/api/teams/:teamId/members/:memberId", resource: "Team", valueObjects: ["MemberRole:enum(member|admin)"] }, true],
    ["PUT of the caller's notification permissions", { method: "PUT", route: "/api/me/notification-permissions", valueObjects: ["NotificationPermissions:string(1..200)"] }, false],
    ["an invitation with a role", { method: "POST", route: "/api/invitations", valueObjects: ["Email:email", "Role:enum(member|admin)"] }, false],
    ["a GET of roles", { method: "GET", route: "/api/admin/roles" }, false],
    ["an anonymous PATCH with a role", { method: "PATCH", auth: "anonymous", route: "/api/x", valueObjects: ["Role:enum(a|b)"] }, false],
  ])("a change of privileges: %s", (_what, answers, changes) => {
    expect(caps(answers).includes("privilege-change")).toBe(changes);
  });

  it.each([
    ["Export report", "Export the monthly report as CSV", { capabilities: "file-download" }, [true, false]],
    ["Import contacts", "", { capabilities: "file-upload" }, [false, true]],
    ["Import contacts CSV", "", { capabilities: "file-upload" }, [true, true]],
    ["Upload avatar", "a new avatar image", { capabilities: "file-upload" }, [false, false]],
    ["Download recording", "", { capabilities: "file-download" }, [false, false]],
  ])("CSV and import: %s", (name, summary, answers, [csv, imports]) => {
    const f = factsOf(input({ method: "POST", name, summary, ...answers }));
    expect([f.csv, f.importsFile]).toEqual([csv, imports]);
  });
});
