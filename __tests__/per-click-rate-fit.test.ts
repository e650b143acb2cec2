/**
 * Plans true for a per-click action's rate limit (fit13b): a cheap toggle a person repeats while reading (mark a
 * notification as read, like a post, follow someone) gets 60 a minute per account, says why it is not a write's 10,
 * and tests that a person's clicks get through; a write that costs or reaches others (a message sent, an invitation,
 * an anonymous caller's like), a plain create, and a per-click action whose answers give their own limit keep theirs
 * and say nothing of clicks. Every case is planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const WHY = "not a write's 10 a minute";
const CLICKS = ["| rate-limit-per-click |", WHY, "At most 60 requests per 1m per account; request 61 gets 429", "as a person clicking through a page makes them, are all accepted"];

const CASES: Record<string, FitCase> = {
  // Per-click: by the name (a PATCH of the notification), by the route's last word (likes/me), by a follow.
  "Mark a notification as read": {
    flags: ["--summary", "Mark one of my notifications as read", "--context", "Notifications", "--method", "PATCH", "--route", "/api/me/notifications/:notificationId", "--resource", "Notification", "--value-object", "NotificationId:uuid", "--value-object", "Read:boolean"],
    must: [...CLICKS, "rateLimiter.consume(accountKey)  // 60/1m, else 429"],
    mustNot: ["10/1m", "request 11 gets 429"],
  },
  "Like a post": {
    flags: ["--context", "Feed", "--method", "PUT", "--route", "/api/posts/:postId/likes/me", "--resource", "Post", "--relation", "none", "--value-object", "PostId:uuid", "--event", "PostLiked:postId"],
    must: CLICKS,
    mustNot: ["10/1m"],
  },
  "Follow a user": {
    flags: ["--context", "Social", "--method", "POST", "--route", "/api/users/:userId/follows", "--resource", "User", "--relation", "none", "--value-object", "UserId:uuid"],
    must: CLICKS,
    mustNot: ["10/1m"],
  },
  // ...but not where it sends a message, nor for an anonymous caller, nor a plain create: the tight default stays.
  "Mark an invoice as paid and tell the customer": {
    flags: ["--context", "Billing", "--method", "POST", "--route", "/api/invoices/:invoiceId/paid", "--resource", "Invoice", "--value-object", "InvoiceId:uuid", "--capability", "sends-message-email"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["rate-limit-per-click", WHY],
  },
  "Like a public post": {
    flags: ["--context", "Feed", "--auth", "anonymous", "--method", "POST", "--route", "/api/posts/:postId/likes", "--value-object", "PostId:uuid"],
    must: ["10 requests per 1m"],
    mustNot: ["rate-limit-per-click", WHY],
  },
  "Create a tag": {
    flags: ["--summary", "A signed-in user creates a tag", "--route", "/api/tags", "--value-object", "TagName:string(1..40)"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["rate-limit-per-click", WHY],
  },
  // ...and a limit the answers give is theirs: no per-click reason beside it.
  "Star a project": {
    flags: ["--context", "Code", "--method", "PUT", "--route", "/api/projects/:projectId/stars/me", "--resource", "Project", "--relation", "none", "--value-object", "ProjectId:uuid", "--rate-limit", "20/1m"],
    must: ["At most 20 requests per 1m per account"],
    mustNot: ["rate-limit-per-click", WHY],
  },
};

describeFit(CASES, "a per-click action's rate limit lets a person's clicks through, and says why; other writes keep theirs");
