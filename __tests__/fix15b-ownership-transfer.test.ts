/**
 * A transfer of ownership says what the previous owner becomes where the use-case's words say it ("the old owner stays
 * a member", "the former owner loses access"), and otherwise asks (fix15b): never "the role the plan states" where no
 * part of the plan states one.
 */
import { describe, expect, it } from "@jest/globals";
import { previousOwnerKeepsOf } from "../generators/plan/facts/access.js";
import { describeFit, type FitCase } from "./support/fit.js";

const TRANSFER = ["--method", "POST", "--route", "/api/workspaces/:workspaceId/transfer-ownership", "--resource", "Workspace", "--relation", "owner", "--value-object", "NewOwnerId:uuid", "--error", "NewOwnerNotMember:422"];
const NEVER = "the role the plan states";
const ASKED = "What does the previous owner keep (an admin, a member, nothing), and does the Workspace's billing move to the new owner?";

const CASES: Record<string, FitCase> = {
  "Transfer ownership of a workspace": {
    flags: [...TRANSFER, "--summary", "The owner hands the workspace to another member; the old owner stays a member", "--audit"],
    must: ["the caller stops being it, staying a member, as the use-case says;", "and the previous owner is a member", "With the previous owner a member, does the Workspace's billing move to the new owner?"],
    mustNot: [NEVER, ASKED, "open question on the previous owner"],
  },
  "Hand over a workspace": {
    flags: [...TRANSFER, "--summary", "The owner transfers ownership of the workspace to a member; the previous owner loses access"],
    must: ["the caller stops being it, leaving the Workspace, as the use-case says;", "and the previous owner is no longer a member"],
    mustNot: [NEVER, ASKED, "staying a member"],
  },
  "Give a workspace away": {
    flags: [...TRANSFER, "--summary", "The owner transfers ownership of the workspace to another member"],
    must: ["keeping what the open question on the previous owner settles", ASKED, "and the previous owner holds what the open question on the previous owner settles"],
    mustNot: [NEVER, "as the use-case says"],
  },
  // Not a transfer: none of it.
  "Rename a workspace": {
    flags: ["--method", "PATCH", "--route", "/api/workspaces/:workspaceId", "--resource", "Workspace", "--value-object", "Name:string(1..80)", "--response", "name"],
    must: [],
    mustNot: ["previous owner", NEVER],
  },
};

describeFit(CASES, "a transfer says what the previous owner becomes, or asks (fix15b)");

describe("previousOwnerKeepsOf", () => {
  it("reads the role the words give the previous owner, none where it leaves, nothing where they say nothing", () => {
    expect(previousOwnerKeepsOf("The owner hands the workspace to another member; the old owner stays a member")).toBe("member");
    expect(previousOwnerKeepsOf("the previous owner becomes an admin.")).toBe("admin");
    expect(previousOwnerKeepsOf("the former owner loses access")).toBe("none");
    expect(previousOwnerKeepsOf("The owner hands the workspace to another member")).toBeUndefined();
  });
});
