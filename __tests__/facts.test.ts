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
