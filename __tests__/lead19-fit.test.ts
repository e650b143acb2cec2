/**
 * Plans true for their use-case (session 19, the lead's own reading, LEAD19 in the session's note): each use-case is
 * planned from its flags, and its plan and code are checked for the statement that was missing or false, beside unlike
 * use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { planSchema } from "../generators/plan/schema.js";
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // L1. A POST of a mark's collection with nothing in its body (the common REST shape of a like or a follow) sets the
  // caller's own mark, as the PUT does: one row per caller and record, a repeat changes nothing, the count moved
  // atomically. It was a create of "a new Like" that a double click made twice ("concurrent requests never conflict").
  "Like a post": {
    flags: ["--route", "/api/posts/:postId/likes", "--resource", "Post", "--relation", "none", "--value-object", "PostId:uuid@path", "--response", "likeCount"],
    must: ["| answers-own-mark |", "sets the caller's own Like of the Post: one row per caller and Post (a unique key on both ids)", "`likeCount` moves by an atomic increment", "a second POST by the same caller keeps one Like", "At most 60 requests per 1m per account"],
    mustNot: ["saves the new aggregate", "Success headers: Location", "so concurrent requests never conflict", "a second PUT", "| block-respected |"],
  },
  // ... and a follow: the self-follow refusal is a check of the input, not a rule two requests at once could break,
  // and no follower's request locks the followed member's row.
  "Follow a user": {
    flags: ["--summary", "A member follows another member to see their posts in their feed", "--route", "/api/users/:userId/followers", "--resource", "User", "--relation", "none", "--value-object", "UserId:uuid@path", "--response", "followedUserId,followersCount", "--event", "UserFollowed:followerId,followedUserId", "--error", "CannotFollowSelf:422:the caller follows themselves"],
    must: ["sets the caller's own Follow of the User", "`followersCount` moves by an atomic increment", "At most 60 requests per 1m per account", "does a block between the caller and the person reached, either way, stop this"],
    mustNot: ["the second request answers 422 CannotFollowSelf", "the check and the add hold the User in one transaction", "adds a new Follower"],
  },
  // ... while a POST that names another person in its body adds that person: a create, as before.
  "Add a member to a team": {
    flags: ["--route", "/api/teams/:teamId/members", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid@path", "--value-object", "UserId:uuid", "--response", "memberId"],
    must: ["Success headers: Location"],
    mustNot: ["| answers-own-mark |", "sets the caller's own"],
  },
  // ... and a subscription under a plan is a billing record as often as a mark: a POST of one stays a create.
  "Subscribe to a plan": {
    flags: ["--route", "/api/plans/:planId/subscriptions", "--resource", "Plan", "--relation", "none", "--value-object", "PlanId:uuid@path", "--response", "subscriptionId"],
    must: ["Success headers: Location"],
    mustNot: ["| answers-own-mark |"],
  },
  // L2. A webhook's signing secret is one the server signs with: during the grace period each delivery is signed under
  // both secrets (not "both secrets authenticate" a caller), both kept encrypted (never "stored only as a hash"), and no
  // API key could rotate itself; an audited rotation records that the secret was replaced, never the secret.
  "Rotate webhook signing secret": {
    flags: ["--summary", "An organisation admin rotates the signing secret of a webhook endpoint; the old secret keeps signing for 24 hours so receivers can switch", "--route", "/api/organizations/:organizationId/webhooks/:webhookId/secret/rotate", "--resource", "WebhookEndpoint", "--relation", "admin", "--value-object", "OrganizationId:uuid@path", "--value-object", "WebhookId:uuid@path", "--response", "webhookId,secret,previousSecretExpiresAt", "--scheduled-command", "ExpirePreviousSigningSecret", "--event", "WebhookSecretRotated:webhookId,rotatedBy", "--audit"],
    must: ["| signing-secret-rotation |", "carries a signature under each secret", "the grace period of 24 hours the answers give", "kept only encrypted, never hashed (the server signs each delivery with it again)", "| audit-change |", "a secret never, old or new", "each changed field, and holds neither secret"],
    mustNot: ["| api-key-rotation |", "a leaked key cannot rotate itself", "recognisable prefix", "stored only as a hash", "both secrets authenticate", "old and the new value of each field the request changed (personal data by reference only), beside"],
  },
  // ... while an API key's rotation keeps its rules, and its audited change names the key's secret nowhere either.
  "Rotate my API key": {
    flags: ["--route", "/api/me/api-keys/:apiKeyId/rotate", "--resource", "ApiKey", "--value-object", "ApiKeyId:uuid@path", "--response", "apiKeyId,key", "--audit"],
    must: ["| api-key-rotation |", "a leaked key cannot rotate itself", "stored only as a hash", "| audit-change |", "a secret never, old or new"],
    mustNot: ["| signing-secret-rotation |", "carries a signature under each secret"],
  },
  // ... and an audited change that hands out no secret keeps its old and new values as before.
  "Archive project": {
    flags: ["--summary", "A workspace admin archives a project: it becomes read-only for every member", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--relation", "admin", "--value-object", "ProjectId:uuid@path", "--transition", "Active->Archived", "--audit"],
    must: ["| audit-change |", "the old and the new value of each field the request changed (personal data by reference only), beside"],
    mustNot: ["a secret never", "holds neither secret"],
  },
  // L3. A timesheet submitted "to their manager for approval" tells the manager: the message went "only to the caller's
  // own account" because the route is under /me.
  "Submit timesheet": {
    flags: ["--summary", "An employee submits their timesheet for a week to their manager for approval", "--route", "/api/me/timesheets/:weekStart/submit", "--resource", "Timesheet", "--value-object", "WeekStart:date@path", "--transition", "Draft->Submitted", "--capability", "sends-message-email"],
    must: ["The message goes only to the caller's manager (their address on file", "recipientId: the caller's manager's id", "Which manager does the message go to"],
    mustNot: ["the caller's own account (its address on file", "recipientId: callerId"],
  },
  // ... with no record given too (a new leave request under /me).
  "Request leave": {
    flags: ["--summary", "An employee requests days of leave; the request goes to their manager for approval", "--route", "/api/me/leave-requests", "--value-object", "From:date", "--value-object", "To:date", "--capability", "sends-message-email"],
    must: ["| capability-sends-message-record |", "The message goes only to the caller's manager"],
    mustNot: ["| capability-sends-message-own |", "the caller's own account (its address on file"],
  },
  // ... while the confirmation of the caller's own change still goes to the caller.
  "Cancel my subscription": {
    flags: ["--summary", "A customer cancels their subscription at the end of the period and is sent a confirmation", "--route", "/api/me/subscription/cancel", "--capability", "sends-message-email"],
    must: ["| capability-sends-message-own |", "the caller's own account (its address on file"],
    mustNot: ["the caller's manager"],
  },
  // L6. An approval whose words send it on to a second approver above an amount states that rule: it asked "up to what
  // amount may one approver approve alone" of a team that had said 1,000 EUR and the finance team.
  "Approve expense report": {
    flags: ["--summary", "A manager approves an expense report of a member of their team; reports over 1,000 EUR also need the finance team's approval", "--route", "/api/expense-reports/:expenseReportId/approve", "--resource", "ExpenseReport", "--relation", "manager", "--value-object", "ExpenseReportId:uuid@path", "--transition", "Submitted->Approved", "--audit"],
    must: ["| maker-checker-stated-threshold |", "Above 1,000 EUR this approval alone does not approve the ExpenseReport: it goes on to the finance team's approval", "between this approval and the finance team's (--transition)"],
    mustNot: ["Up to what amount may one approver approve alone", "| maker-checker-one-step |"],
  },
  // ... while an approval whose words name no amount still asks.
  "Approve purchase order": {
    flags: ["--summary", "A manager approves a purchase order a member of their team raised", "--route", "/api/purchase-orders/:purchaseOrderId/approve", "--resource", "PurchaseOrder", "--relation", "manager", "--value-object", "PurchaseOrderId:uuid@path", "--transition", "Submitted->Approved"],
    must: ["| maker-checker-one-step |", "Up to what amount may one approver approve alone"],
    mustNot: ["| maker-checker-stated-threshold |"],
  },
  // L8. A direct message reaches another person: whether a block between the two stops it is asked (block-person says
  // every such use-case checks it), as for a follow above; a like of a post (above) reaches no one directly.
  "Send a direct message": {
    flags: ["--summary", "A member sends a direct message to another member", "--route", "/api/conversations/:conversationId/messages", "--resource", "Conversation", "--relation", "participant", "--value-object", "ConversationId:uuid@path", "--value-object", "Text:string(1..4000)", "--response", "messageId"],
    must: ["| block-respected |", "does a block between the caller and the person reached, either way, stop this"],
    mustNot: [],
  },
  // L9, L10. Saving a card with the payment provider charges nothing (no amount shown first, no charge to authenticate),
  // and the provider's id of the card is checked with the provider, bound to the caller's own customer there: it was
  // looked up "within what the caller may reach", 404 otherwise, and "which records may it name" was asked.
  "Add a payment method": {
    flags: ["--summary", "A customer adds a card to their account through the payment provider; the card details never reach our servers", "--route", "/api/me/payment-methods", "--value-object", "ProviderPaymentMethodId:string(1..100)", "--response", "paymentMethodId,brand,last4", "--capability", "external-call"],
    must: ["| provider-id-verified |", "ProviderPaymentMethodId names a record the provider issued, never one of ours", "| 422 | ProviderPaymentMethodId names a record the provider does not have"],
    mustNot: ["amount to be charged", "| external-call-charge |", "Which records may ProviderPaymentMethodId name", "outside what the caller may reach"],
  },
  // ... while an upgrade charged through the provider keeps the charge's questions.
  "Upgrade my plan": {
    flags: ["--summary", "A customer upgrades their subscription; the difference is charged at once with proration through the payment provider", "--route", "/api/me/subscription/upgrade", "--value-object", "Plan:enum(team|business)", "--capability", "external-call"],
    must: ["| external-call-charge |", "amount to be charged"],
    mustNot: ["| provider-id-verified |"],
  },
  // L11. A notification preference named Mentions (a boolean) mentions no one: no question on @mentions, no block asked.
  "Set my notification preferences": {
    flags: ["--summary", "A user chooses which kinds of e-mail they receive: product news, weekly digest, mentions", "--method", "PUT", "--route", "/api/me/notification-preferences", "--value-object", "ProductNews:boolean", "--value-object", "WeeklyDigest:boolean", "--value-object", "Mentions:boolean"],
    must: ["A PUT sets the whole record"],
    mustNot: ["@mentions", "| block-respected |", "| mentions |"],
  },
  // L13. A chosen slug whose answers name their own error for a taken one (SlugTaken:409) answers with it: a second 409
  // row "The chosen name is already taken (NameTaken)" stood beside it.
  "Create an organisation": {
    flags: ["--summary", "A signed-in user creates an organisation and becomes its first admin; the organisation's slug must be unique", "--route", "/api/organizations", "--value-object", "Name:string(1..100)", "--value-object", "Slug:pattern([a-z0-9-]{3,40})", "--response", "organizationId,slug", "--error", "SlugTaken:409:another organisation has the slug"],
    must: ["| chosen-slug-answered |", "A chosen name already taken answers 409 (SlugTaken), the answers' own error", "| 422 | The chosen name is reserved or offensive (NameReserved) |"],
    mustNot: ["NameTaken", "| chosen-slug |"],
  },
  // ... while a short link's slug with no such error keeps NameTaken.
  "Create a short link": {
    flags: ["--route", "/api/links", "--value-object", "TargetUrl:url", "--value-object", "Slug?:pattern([a-z0-9-]{3,40})", "--response", "linkId,slug"],
    must: ["| chosen-slug |", "| 409 | The chosen name is already taken (NameTaken) |"],
    mustNot: ["| chosen-slug-answered |"],
  },
  // L7. An editor of an Article holds the role where the Article belongs, not in "the caller's membership of" an
  // Article, which has no members; under an organisation's route, in that Organization.
  "Publish article": {
    flags: ["--summary", "An editor publishes a draft article", "--route", "/api/articles/:articleId/publish", "--resource", "Article", "--relation", "editor", "--value-object", "ArticleId:uuid@path", "--transition", "Draft->Published"],
    must: ["scoped to the caller's membership of what the Article belongs to (its workspace, team or organisation)", "| 403 | The caller is a member of what the Article belongs to (its workspace, team or organisation) but not an editor |", "The caller's role in what the Article belongs to"],
    mustNot: ["membership of it", "a member of the Article"],
  },
  "Disable a webhook endpoint": {
    flags: ["--route", "/api/organizations/:organizationId/webhooks/:webhookId/disable", "--resource", "WebhookEndpoint", "--relation", "admin", "--value-object", "OrganizationId:uuid@path", "--value-object", "WebhookId:uuid@path"],
    must: ["scoped to the caller's membership of the Organization the route names", "| 403 | The caller is a member of the Organization the route names but not an admin |"],
    mustNot: ["a member of the WebhookEndpoint"],
  },
  // ... while a Team, which has members, keeps its words.
  "Rename team": {
    flags: ["--method", "PATCH", "--route", "/api/teams/:teamId", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid@path", "--value-object", "Name:string(1..80)"],
    must: ["scoped to the caller's membership of it (the caller is part of the query, never a check after loading), and a caller who is not a member gets 404", "| 403 | The caller is a member of the Team but not an admin |"],
    mustNot: ["belongs to (its workspace"],
  },
  // TRIAL19C F5 (its first part): the external call comes before the scheduled command, so a declined charge leaves
  // "nothing saved, sent or scheduled" true; the schedule was made before the call.
  "Change subscription plan": {
    flags: ["--summary", "A subscription owner changes the plan: an upgrade takes effect now and the difference is charged prorated; a downgrade takes effect at the end of the current billing period", "--method", "PUT", "--route", "/api/subscriptions/:subscriptionId/plan", "--resource", "Subscription", "--relation", "owner", "--value-object", "SubscriptionId:uuid@path", "--value-object", "PlanId:enum(starter|team|business)", "--capability", "external-call", "--scheduled-command", "ApplyScheduledDowngrade", "--response", "subscriptionId,planId,effectiveAt", "--error", "PaymentFailed:402:the provider declined the prorated charge"],
    // Its second part (left20): the downgrade is its own path with no call, so the upgrade's path cancels a pending
    // downgrade only after the charge, where it scheduled it.
    must: [/outcome = external\.call\([^\n]*\n(?:[^\n]*\n)*?  outcome says the provider declined the prorated charge -> PaymentFailed \(402\), nothing saved, sent or scheduled[^\n]*\n(?:[^\n]*\n)*?  cancel a pending ApplyScheduledDowngrade run/],
    mustNot: [/  cancel a pending ApplyScheduledDowngrade[^\n]*\n(?:[^\n]*\n)*?  outcome = external\.call\(/, /^  schedule ApplyScheduledDowngrade/m],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (lead19)");

// L12. At the prompt, Enter on the relation of a like or a comment planned "Only the owner of the Post may call it" (found
// by the tmux trial): the prompt offers no owner there, and plans it as the flags do without --relation (a viewer).
describe("the prompt's relation default", () => {
  const offered = (answers: Record<string, unknown>) => ({ default: planSchema.relation.askDefault?.({ auth: "authenticated", ...answers }), note: planSchema.relation.askNote?.({ auth: "authenticated", ...answers }) });
  it("is none to take for a mark or an item on another person's record", () => {
    expect(offered({ method: "PUT", route: "/api/posts/:postId/like", resource: "Post" })).toEqual({ default: undefined, note: "anyone who may see it: a mark or an item on another person's record" });
    expect(offered({ method: "POST", route: "/api/posts/:postId/comments", resource: "Post" }).default).toBeUndefined();
  });
  it("stays the owner for a change of the record itself", () => {
    expect(offered({ method: "PATCH", route: "/api/posts/:postId", resource: "Post" })).toEqual({ default: "owner", note: undefined });
  });
});
