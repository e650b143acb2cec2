/**
 * Whether a request is made on someone else's record (a mark, a comment, a report) is one decision, othersRecordOf:
 * the prompt's default relation (othersRecordByRouteOf, from the answers it has when it asks) and the plan's onOthers
 * read it alike, so pressing Enter plans what the same flags without --relation plan (note19's review: the two had
 * their own conditions).
 */
import { describe, expect, it } from "@jest/globals";
import { factsOf } from "../generators/plan/facts.js";
import { othersRecordByRouteOf } from "../generators/plan/facts/others-record.js";
import { planInputOf } from "./support/plan-input.js";

// The answers the prompt has when it asks for the relation, and what the plan decides from them.
const CASES: [string, { method: string; route: string; resource: string; async?: boolean; summary?: string }, boolean][] = [
  ["Like a post", { method: "PUT", route: "/api/posts/:postId/like", resource: "Post" }, true],
  ["Like a post by POST", { method: "POST", route: "/api/posts/:postId/likes", resource: "Post" }, true],
  ["Unlike a post", { method: "DELETE", route: "/api/posts/:postId/likes/me", resource: "Post" }, true],
  ["Follow a user", { method: "POST", route: "/api/users/:userId/followers", resource: "User" }, true],
  ["Bookmark a post", { method: "PUT", route: "/api/me/bookmarks/:postId", resource: "Post" }, true],
  ["Comment on a post", { method: "POST", route: "/api/posts/:postId/comments", resource: "Post" }, true],
  ["Bid on an auction", { method: "POST", route: "/api/auctions/:auctionId/bids", resource: "Auction" }, true],
  ["Report an abusive post", { method: "POST", route: "/api/posts/:postId/reports", resource: "Post" }, true],
  // ... and what the plan gives its owner: a like counted by a job, a subscription (a billing record as often as a
  // mark), a usage report, a task added to a project, a reply to a ticket, a change of the record itself, a comment
  // under the caller's own /me.
  ["Like a post later", { method: "POST", route: "/api/posts/:postId/likes", resource: "Post", async: true }, false],
  ["Subscribe to a plan", { method: "POST", route: "/api/plans/:planId/subscriptions", resource: "Plan" }, false],
  ["Generate a usage report for a project", { method: "POST", route: "/api/projects/:projectId/reports", resource: "Project" }, false],
  ["Add a task to a project", { method: "POST", route: "/api/projects/:projectId/tasks", resource: "Project" }, false],
  ["Reply to a ticket", { method: "POST", route: "/api/tickets/:ticketId/replies", resource: "Ticket" }, false],
  ["Edit a post", { method: "PATCH", route: "/api/posts/:postId", resource: "Post" }, false],
  ["Comment on my post", { method: "POST", route: "/api/me/posts/:postId/comments", resource: "Post" }, false],
];

describe("a mark or an item on someone else's record", () => {
  it.each(CASES)("%s: the prompt and the plan decide it alike", (name, answers, others) => {
    const facts = factsOf(planInputOf({ name, ...answers }));
    const prompt = othersRecordByRouteOf({ name, summary: answers.summary ?? "", auth: "authenticated", async: answers.async === true, ...answers });
    expect({ plan: facts.onOthers === true, prompt }).toEqual({ plan: others, prompt: others });
  });
});
