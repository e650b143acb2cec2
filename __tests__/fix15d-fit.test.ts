/**
 * Plans true for their use-case (session 15, fix15d, TRIAL11): each use-case is planned from its flags, and its plan
 * and code are checked for the statement that was false or missing, beside unlike use-cases for what must stay. All are
 * planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { nameDefaultsOf } from "../generators/plan/name-defaults.js";
import { namesOf } from "../generators/plan/names.js";
import { planSchema } from "../generators/plan/schema.js";
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Y8. A PUT of the caller's own mark on a record (a like) sets one row per (caller, record): no whole-record replace,
  // no last-wins or If-Match question, no lost-update 409, no state move, no mass assignment of a body it has not.
  "Like a post": {
    flags: ["--method", "PUT", "--route", "/api/posts/:postId/like", "--resource", "Post", "--relation", "viewer", "--value-object", "PostId:uuid", "--response", "likeCount,likedByMe", "--event", "PostLiked:postId,userId", "--criteria", "Given two members like the same post at the same moment, when both requests finish, then likeCount has grown by exactly two"],
    must: [
      "sets the caller's own Like of the Post: one row per caller and Post (a unique key on both ids)",
      "`likeCount` moves by an atomic increment",
      "the caller already has a Like of target (a repeat, a second click) -> respond as below, nothing saved, no event",
      "Two requests of one caller at once (a double click, a retry) both find no Like and insert two",
    ],
    mustNot: ["last one wins", "the last wins", "If-Match", "A PUT sets the whole record", "version conflict", "| 409 |", "to another state (--transition)", "Mass assignment"],
  },
  // ...the same for a bookmark.
  "Bookmark an article": {
    flags: ["--method", "PUT", "--route", "/api/articles/:articleId/bookmark", "--resource", "Article", "--value-object", "ArticleId:uuid"],
    must: ["sets the caller's own Bookmark of the Article", "This use-case sets the caller's own Bookmark (`/bookmark`) of one Article"],
    mustNot: ["last one wins", "A PUT sets the whole record", "to another state (--transition)"],
  },
  // ...while a PUT that sets a record whole keeps its last-wins decision and its state question ...
  "Replace a project's settings": {
    flags: ["--method", "PUT", "--route", "/api/projects/:projectId/settings", "--resource", "Project", "--value-object", "ProjectId:uuid", "--value-object", "Visibility:enum(private|public)"],
    must: ["A PUT sets the whole record", "A PUT replaces the whole record, so of two at once the last wins", "Does the change move the Project to another state (--transition)?", "Mass assignment"],
    mustNot: ["the caller's own Settings", "one row per caller"],
  },
  // ...and a notification marked as read is a field of the caller's own record, not a mark row (its per-click limit stays).
  "Mark a notification as read": {
    flags: ["--method", "PUT", "--route", "/api/notifications/:notificationId/read", "--resource", "Notification", "--value-object", "NotificationId:uuid"],
    must: ["60/1m", "A PUT sets the whole record"],
    mustNot: ["one row per caller", "the caller's own Read"],
  },
  // Y20. Removing the caller's own mark (an unlike): a caller without one is answered 204 again, never 404; no
  // soft-delete or legal-retention question for a like.
  "Unlike a post": {
    flags: ["--method", "DELETE", "--route", "/api/posts/:postId/like", "--resource", "Post", "--relation", "viewer", "--value-object", "PostId:uuid", "--event", "PostUnliked:postId,userId"],
    must: [
      "The handler deletes the caller's own Like of the Post, if there is one",
      "is answered 204 all the same: nothing changes and no event is emitted",
      "the caller has no Like of target (a repeat, a second click) -> respond as below, nothing saved, no event",
      "Deleting is idempotent",
    ],
    mustNot: ["the Like `/like`", "A Post without that Like answers 404", "the Post has no such Like", "Is the deletion soft", "else 404)", "-> none => 404", "what must be kept for legal reasons"],
  },
  // ...while removing a member the route names still answers 404 for one the team has not, and a plain delete asks soft or hard.
  "Remove a team member": {
    flags: ["--method", "DELETE", "--route", "/api/teams/:teamId/members/:memberId", "--resource", "Team", "--value-object", "TeamId:uuid", "--value-object", "MemberId:uuid"],
    must: ["A Team without that Member answers 404.", "Is the deletion soft (restorable for a time) or hard"],
    mustNot: ["one row per caller", "204 all the same"],
  },
  "Delete a post": {
    flags: ["--method", "DELETE", "--route", "/api/posts/:postId", "--resource", "Post", "--value-object", "PostId:uuid"],
    must: ["Is the deletion soft (restorable for a time) or hard"],
    mustNot: ["caller's own", "one row per caller"],
  },
  // Y1. An apostrophe inside a word is no word break: a user's is Users in every name the plan and code use.
  "Reset a user's password as an admin": {
    flags: ["--auth", "roles", "--roles", "admin", "--method", "POST", "--route", "/api/users/:userId/password-reset", "--resource", "User", "--value-object", "UserId:uuid"],
    must: ["handleResetAUsersPasswordAsAnAdmin", "reset-a-users-password-as-an-admin.handler", "# Reset a user's password as an admin: implementation plan"],
    mustNot: ["UserSPassword", "user-s-password"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix15d)");

// Y7. At a prompt the name's verb proposes the endpoint: a mark verb sets (PUT) or removes (DELETE) the caller's own mark
// on the one record its object names; other verbs keep theirs. A typed route's only id names the resource offered.
describe("a mark verb's endpoint at a prompt (fix15d, TRIAL11 Y7)", () => {
  it.each([
    ["Like a post", { method: "PUT", route: "/api/posts/:postId/like", resource: "Post" }],
    ["Unlike a post", { method: "DELETE", route: "/api/posts/:postId/like", resource: "Post" }],
    ["Follow a user", { method: "PUT", route: "/api/users/:userId/follow", resource: "User" }],
    ["Star a repository", { method: "PUT", route: "/api/repositories/:repositoryId/star", resource: "Repository" }],
    ["Archive project", { method: "POST", route: "/api/projects/:projectId/archive", resource: "Project" }],
    ["Remove member from team", { method: "DELETE", route: "/api/teams/:teamId/members/:memberId", resource: "Team" }],
  ])("%s", (name, expected) => {
    expect(nameDefaultsOf(name)).toEqual(expected);
  });

  const resourceOffered = (answers: Record<string, unknown>): string | undefined => planSchema.resource.askDefault?.(answers);
  it("offers the resource a typed route names by its only id, and none where it names several or none", () => {
    expect(resourceOffered({ name: "Give a thumbs up", method: "PUT", route: "/api/posts/:postId/like" })).toBe("Post");
    expect(resourceOffered({ name: "Like a post", method: "PUT", route: "/api/posts/:postId/likes/me" })).toBe("Post");
    expect(resourceOffered({ name: "Remove a member", method: "DELETE", route: "/api/teams/:teamId/members/:memberId" })).toBeUndefined();
    expect(resourceOffered({ name: "Create a project", method: "POST", route: "/api/projects" })).toBeUndefined();
    expect(resourceOffered({ name: "Update my avatar", method: "PUT", route: "/api/me/avatars/:avatarId" })).toBeUndefined();
  });
});

// Y9. "Terms of service" is one noun, and accepting it is the caller's own acceptance, not a state of a record by id;
// an invitation or a quote accepted is still the state verb's, and "X of a Y" still nests under the Y.
describe("an accepted document and nouns said with 'of' at a prompt (fix15d, TRIAL11 Y9)", () => {
  it.each([
    ["Accept the latest terms of service", { method: "POST", route: "/api/me/terms-of-service-acceptances" }],
    ["Agree to the privacy policy", { method: "POST", route: "/api/me/privacy-policy-acceptances" }],
    ["Show the code of conduct", { method: "GET", route: "/api/codes-of-conduct/:codeOfConductId", resource: "CodeOfConduct" }],
    ["Accept an invitation", { method: "POST", route: "/api/invitations/:invitationId/accept", resource: "Invitation" }],
    ["Accept a quote", { method: "POST", route: "/api/quotes/:quoteId/accept", resource: "Quote" }],
    ["List invoices of a team", { method: "GET", route: "/api/teams/:teamId/invoices", resource: "Team" }],
  ])("%s", (name, expected) => {
    expect(nameDefaultsOf(name)).toEqual(expected);
  });
});

describe("an apostrophe in a name (fix15d, TRIAL11 Y1)", () => {
  it.each([
    ["Reset a user's two-factor", "ResetAUsersTwoFactor", "reset-a-users-two-factor"],
    ["Don\u2019t send twice", "DontSendTwice", "dont-send-twice"],
    ["Mark a post as 'draft'", "MarkAPostAsDraft", "mark-a-post-as-draft"],
    ["Show the users' list", "ShowTheUsersList", "show-the-users-list"],
    ["Request password reset", "RequestPasswordReset", "request-password-reset"],
  ])("%s", (name, pascal, kebab) => {
    expect(namesOf(name)).toMatchObject({ title: name, pascal, kebab });
  });
});
