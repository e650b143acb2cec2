/**
 * Plans true for their use-case (session 14, fix14c, TRIAL10 X6-X8): a transfer of ownership is a role change of two
 * people, not one against oneself; a criterion that answers a member who is not the relation 403 makes the relation a
 * role among members; an id the answers give a scope error of its own is answered by that error, not a second 404.
 * Unlike use-cases keep what was right for them. All are planned into one folder, whose code compiles and whose
 * generated tests pass.
 */
import { nameDefaultsOf } from "../generators/plan/name-defaults.js";
import { describeFit, type FitCase } from "./support/fit.js";

const TRANSFER = ["--summary", "The owner hands ownership of the workspace to another member", "--route", "/api/workspaces/:workspaceId/transfer-ownership", "--resource", "Workspace", "--relation", "owner", "--value-object", "WorkspaceId:uuid@path", "--value-object", "NewOwnerId:uuid", "--response", "workspaceId,ownerId", "--event", "WorkspaceOwnershipTransferred:workspaceId,previousOwnerId,newOwnerId", "--capability", "sends-message-email", "--capability", "privilege-change", "--error", "NewOwnerNotMember:422", "--error", "AlreadyOwner:409", "--audit", "--rate-limit", "5/1h"];

const CASES: Record<string, FitCase> = {
  // X6: handing over ownership changes the caller's own role by design; X7: the criterion's 403 for an admin who is not
  // the owner; X8: NewOwnerNotMember is the answer for a new owner outside the workspace, no 404 "outside the caller's reach".
  "Transfer ownership of a workspace": {
    flags: [...TRANSFER, "--criteria", "Given I am an admin but not the owner, when I transfer ownership, then 403"],
    must: [
      "the Workspace has exactly one owner after, also when two transfers run at once",
      "A transfer needs a recent authentication of the caller",
      "The previous and the new owner are both told of the transfer",
      "The new owner is found among the current members of the Workspace",
      "Must the new owner accept the transfer before it takes effect",
      "| 403 | The caller is a member of the Workspace but not the owner; the caller's last authentication is not recent enough to transfer the Workspace (ReauthenticationRequired) |",
      "only its owner may reach it; another member gets 403, and anyone who is not a member the same 404 as for a missing one",
      "| 422 | NewOwnerNotMember |",
    ],
    mustNot: [
      "A caller cannot change its own roles",
      "No change of one's own roles",
      "the last admin",
      "target is the caller, or a role or permission given",
      "A demotion takes effect at once",
      "for anyone else the query finds nothing",
      "(NewOwnerId) is found through a query scoped to what the caller may reach",
      "Which records may NewOwnerId name",
      "newOwner = find the record newOwnerId names",
    ],
  },
  // ...the same transfer without the criterion: 404 for anyone but the owner, as the relation says.
  "Hand over ownership of a board": {
    flags: ["--route", "/api/boards/:boardId/ownership", "--resource", "Board", "--relation", "owner", "--value-object", "BoardId:uuid@path", "--value-object", "NewOwnerId:uuid"],
    must: ["only its owner may reach it; anyone else gets the same 404 as for a missing one", "the Board has exactly one owner after"],
    mustNot: ["| 403 | The caller is a member", "A caller cannot change its own roles"],
  },
  // ...a change of another member's role keeps every rule against oneself.
  "Change a member's role": {
    flags: ["--method", "PATCH", "--route", "/api/teams/:teamId/members/:memberId/role", "--resource", "Team", "--relation", "team-admin", "--value-object", "TeamId:uuid@path", "--value-object", "MemberId:uuid@path", "--value-object", "Role:enum(member|admin)"],
    must: ["A caller cannot change its own roles or permissions", "the last admin demoting itself", "A demotion takes effect at once"],
    mustNot: ["exactly one owner after", "A transfer needs a recent sign-in"],
  },
  // ...an id with no error of its own is still looked up within the caller's reach, 404 outside it.
  "Move a task to another project": {
    flags: ["--method", "PATCH", "--route", "/api/tasks/:taskId/project", "--resource", "Task", "--value-object", "TaskId:uuid@path", "--value-object", "TargetProjectId:uuid"],
    must: ["(TargetProjectId) is found through a query scoped to what the caller may reach"],
    mustNot: ["exactly one owner after", "| 403 | The caller is a member"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix14c)");

// X3, X5: the endpoint a prompt offers reads the name as a verb with its object: the caller's own sessions under /me, an
// action on the Y a name's "of a Y" names; names it cannot read keep the documented default.
describe("X3, X5: the route a name proposes", () => {
  it.each([
    ["Sign out of all my other devices", { method: "POST", route: "/api/me/sessions/revoke-others" }],
    ["Log out of every device", { method: "POST", route: "/api/me/sessions/revoke-all" }],
    ["Transfer ownership of a workspace", { method: "POST", route: "/api/workspaces/:workspaceId/transfer-ownership", resource: "Workspace" }],
    ["Send a reminder for a meeting", { method: "POST", route: "/api/meetings/:meetingId/send-reminder", resource: "Meeting" }],
    // ...while what it read before stays.
    ["Transfer money between my accounts", { method: "POST", route: "/api/me/transfers" }],
    ["Invite a member to a workspace", { method: "POST", route: "/api/workspaces/:workspaceId/invitations", resource: "Workspace" }],
    ["Archive project", { method: "POST", route: "/api/projects/:projectId/archive", resource: "Project" }],
  ])("%s", (name, expected) => {
    expect(nameDefaultsOf(name)).toEqual(expected);
  });

  it.each(["Sign out", "Export invoices of a team", "Request password reset", "Book room"])("%s: none, the documented defaults stand", (name) => {
    expect(nameDefaultsOf(name)).toBeUndefined();
  });
});
