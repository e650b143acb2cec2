/**
 * TRIAL3 U28: a secret link issued by a POST to a collection under the resource (an invitation to a
 * meeting) is the create flow the README's flow table gives such a POST: 201 with Location, a new
 * Invitation. Only redeeming a link acts on the resource itself (the change flow).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

const INVITE = ["--name", "Invite participant", "--method", "POST", "--route", "/api/meetings/:meetingId/invitations", "--resource", "Meeting", "--relation", "host", "--value-object", "MeetingId:uuid"];

// The flow's own pack (flow-change), not one of its parts that the packs command may list first (flow-change-lost-update).
const flowOf = async (args: string[]): Promise<string | undefined> => /^ {2}applies {2}(flow-(?:query|create|change|delete|async))\s/m.exec(String((await cli(["packs", ...args])).stdout))?.[1];

describe("the flow of a secret link's issue or redeem under a resource", () => {
  it("issuing to a collection under the resource creates, as without the capability: 201 with Location of the new item", async () => {
    expect(await flowOf(INVITE)).toBe("flow-create");
    expect(await flowOf([...INVITE, "--capability", "secret-link-issue"])).toBe("flow-create");
    // secret-link alone, with nothing in the request carrying a secret, issues too.
    expect(await flowOf([...INVITE, "--capability", "secret-link"])).toBe("flow-create");
    const dest = await tempDir();
    expect((await cli(["plan", ...INVITE, "--capability", "secret-link-issue", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const plan = await readFile(path.join(dest, "docs/features/api/InviteParticipant/InviteParticipant-plan.md"), "utf8");
    expect(plan).toContain("| INT-1 | integration | POST /api/meetings/:meetingId/invitations answers 201 for a valid request from User");
    expect(plan).toContain("respond 201 with Location of the new Invitation");
    expect(plan).not.toMatch(/answers 200\b/);
  });

  it("redeeming a link posted under the resource it names still acts on that resource (the change flow)", async () => {
    const accept = ["--name", "Accept invite", "--method", "POST", "--route", "/api/invites/:inviteCode/acceptances", "--resource", "Invite", "--value-object", "InviteCode:string(1..64)"];
    expect(await flowOf([...accept, "--capability", "secret-link-redeem"])).toBe("flow-change");
    expect(await flowOf([...accept, "--capability", "secret-link"])).toBe("flow-change");
  });
});
