/**
 * Plans true for their use-case (session 21, trial21; findings of TRIAL21): each use-case is planned from its flags,
 * and its plan and code are checked for the statement that was false or missing, beside an unlike use-case for what
 * must stay. All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const DIRECT_MESSAGE = ["--route", "/api/members/:memberId/messages", "--resource", "Member", "--relation", "none", "--value-object", "MemberId:uuid@path", "--value-object", "Body:string(1..4000)", "--response", "messageId,conversationId"];

const CASES: Record<string, FitCase> = {
  // H1. A self check and a missing reference are no check of what the resource holds: the recipient is not locked for
  // them, and two messages at once are never "the second answers 422 CannotMessageSelf" ...
  "Send a direct message": {
    flags: [...DIRECT_MESSAGE, "--error", "CannotMessageSelf:422:the recipient is the sender", "--error", "AttachmentNotFound:422:an attachment is not one the sender uploaded"],
    must: ["The Member is only read (for access), never saved, so requests on the same Member never conflict"],
    mustNot: ["FOR UPDATE", "the second request answers 422 CannotMessageSelf", "The Member decides whether the new Message is allowed", "holds the Member in one transaction"],
  },
  // ... nor a participant's conversation, for the same checks ...
  "Send a chat message": {
    flags: ["--route", "/api/conversations/:conversationId/messages", "--resource", "Conversation", "--relation", "participant", "--value-object", "ConversationId:uuid@path", "--value-object", "Body:string(1..4000)", "--error", "CannotMessageSelf:422:the recipient is the sender", "--error", "AttachmentNotFound:422:an attachment is not one the sender uploaded"],
    must: ["The Conversation is only read (for access), never saved"],
    mustNot: ["FOR UPDATE", "the second request answers 422"],
  },
  // ... while a check of what the resource has room for still holds it, and the second of two answers that refusal.
  "Enrol in a course": {
    flags: ["--route", "/api/courses/:courseId/enrolments", "--resource", "Course", "--relation", "none", "--value-object", "CourseId:uuid@path", "--error", "CourseFull:409:the course has no seat left", "--error", "CannotEnrolSelf:422:the caller is the course's teacher themselves"],
    must: ["The Course decides whether the new Enrolment is allowed (CourseFull)", "the second request answers 409 CourseFull"],
    mustNot: ["is allowed (CourseFull, CannotEnrolSelf)", "answers 422 CannotEnrolSelf, and"],
  },
  // H6. A wrong current password answers the answers' own refusal, once: no 403 ReauthenticationFailed beside 401 WrongPassword ...
  "Change my email address": {
    flags: ["--route", "/api/me/email-change", "--success", "202", "--value-object", "NewEmail:email", "--value-object", "CurrentPassword:string(8..128)", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--pii", "newEmail", "--error", "WrongPassword:401:the current password is wrong"],
    must: ["A wrong one changes nothing and answers 401 WrongPassword", "-> wrong => 401 WrongPassword, nothing changed", "a wrong current password answers 401 WrongPassword and changes nothing"],
    mustNot: ["ReauthenticationFailed", "-> WrongPassword (401)"],
  },
  // ... while a re-authentication whose answers name no refusal keeps the pack's own.
  "Change my password": {
    flags: ["--route", "/api/me/password", "--method", "PUT", "--value-object", "CurrentPassword:string(8..128)", "--value-object", "NewPassword:string(12..128)"],
    must: ["A wrong one changes nothing and answers 403 ReauthenticationFailed", "| 403 | The current password is wrong (ReauthenticationFailed) |", "-> wrong => 403 ReauthenticationFailed"],
    mustNot: ["WrongPassword"],
  },
  // H8. A PUT of the caller's own email keeps the new one pending: every account has one, so nothing is created for a
  // caller "with none yet", and nothing is replaced whole, last write winning ...
  "Set my email address": {
    flags: ["--route", "/api/me/email", "--method", "PUT", "--success", "202", "--value-object", "NewEmail:email", "--value-object", "CurrentPassword:string(8..128)", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--pii", "newEmail"],
    must: ["A new NewEmail does not take effect with this request: it is kept as pending"],
    mustNot: ["A caller with none yet gets the record created", "a new record for the caller", "so the last one wins", "so of two at once the last wins"],
  },
  // ... while a PUT of the caller's own preferences is still an upsert.
  "Set my notification preferences": {
    flags: ["--route", "/api/me/notification-preferences", "--method", "PUT", "--value-object", "EmailDigest:boolean"],
    must: ["A caller with none yet gets the record created with these values (a PUT is an upsert), never a 404.", "a new record for the caller"],
    mustNot: [],
  },
  // H12. The page size's bounds are the Limit input's (1..50), not "e.g. 100 at most" ...
  "Find stores near a location": {
    flags: ["--method", "GET", "--route", "/api/stores/nearby", "--auth", "anonymous", "--value-object", "Latitude:number(-90..90)@query", "--value-object", "Longitude:number(-180..180)@query", "--value-object", "Cursor?:string(1..200)@query", "--value-object", "Limit?:int(1..50)@query", "--capability", "pagination", "--response", "items,nextCursor"],
    must: ["(from 1 to 50 as Limit gives, the default e.g. 20)", "What is the default page size (the maximum, 50, is given)?"],
    mustNot: ["100 at most", "What is the default and the maximum page size?"],
  },
  // ... while a list with no page-size input keeps the pack's example and its question.
  "List my orders": {
    flags: ["--method", "GET", "--route", "/api/me/orders", "--capability", "pagination", "--value-object", "Cursor?:string(1..200)@query", "--response", "items,nextCursor"],
    must: ["(e.g. 20 by default, 100 at most)", "What is the default and the maximum page size?"],
    mustNot: ["as Limit gives"],
  },
  // H5. A loyalty-points balance is no amount of money: no question on its currency or minor units ...
  "Redeem loyalty points": {
    flags: ["--route", "/api/rewards/:rewardId/redemptions", "--resource", "Reward", "--relation", "none", "--value-object", "RewardId:uuid@path", "--response", "redemptionId,pointsSpent,balance", "--summary", "A signed-in member redeems loyalty points for a reward: the balance must be at least the reward's cost in points", "--error", "InsufficientPoints:422:the balance is less than the reward's cost"],
    must: [],
    mustNot: ["amounts of money", "ISO 4217"],
  },
  // ... while a balance with no word of points still has its form asked.
  "Get my account balance": {
    flags: ["--method", "GET", "--route", "/api/me/balance", "--response", "balance"],
    must: ["In what form does the answer carry amounts of money (balance)"],
    mustNot: [],
  },
  // H11. An agent outside the ticket's team answers the answers' 422 AgentNotInTeam; the 404 is for one outside the organisation ...
  "Assign a support ticket": {
    flags: ["--route", "/api/tickets/:ticketId/assignee", "--method", "PUT", "--auth", "roles", "--roles", "support-supervisor", "--resource", "Ticket", "--value-object", "TicketId:uuid@path", "--value-object", "AgentId:uuid", "--error", "AgentNotInTeam:422:the agent is not a member of the ticket's team"],
    must: ["looked up among the people of the Ticket's organisation, in one query scoped to both: one outside it answers 404", "one of the organisation who is not of the Ticket's team answers 422 AgentNotInTeam, as the answers say"],
    mustNot: ["organisation (or team)"],
  },
  // ... while an assignment whose answers name no team refusal keeps "organisation (or team)".
  "Assign a code review": {
    flags: ["--route", "/api/pull-requests/:pullRequestId/reviewers", "--auth", "roles", "--roles", "maintainer", "--resource", "PullRequest", "--value-object", "PullRequestId:uuid@path", "--value-object", "ReviewerId:uuid"],
    must: ["looked up among the people of the PullRequest's organisation (or team), in one query scoped to both: one outside it answers 404, the same as an unknown id, and nothing changes, so the answer tells no one which accounts exist elsewhere."],
    mustNot: ["as the answers say, and nothing changes"],
  },
  // H13. A digest the words make opt-out goes to every member who has not opted out, not "only recipients with a recorded
  // opt-in", and a job the system runs has no author to send a test to ...
  "Send weekly activity digest": {
    flags: ["--scheduled-command", "SendWeeklyDigest", "--capability", "sends-message-email", "--summary", "A scheduled job sends each member who has not opted out a weekly e-mail digest of their unread activity on Monday at 08:00 in the member's own time zone"],
    must: ["Every recipient who has not opted out receives it, as the answers say", "a recipient who opted out, or on the suppression list", "Where is each recipient's opt-out kept", "recipients: not opted out, not suppressed"],
    mustNot: ["recorded opt-in", "test send to the author"],
  },
  // ... while a newsletter someone writes keeps its opt-in and its author's test send.
  "Send the monthly newsletter": {
    flags: ["--route", "/api/newsletters/:newsletterId/send", "--auth", "roles", "--roles", "marketing", "--resource", "Newsletter", "--value-object", "NewsletterId:uuid@path", "--capability", "sends-message-bulk", "--summary", "A marketer sends the month's newsletter to every subscriber"],
    must: ["Only recipients with a recorded opt-in receive it", "Is a test send to the author asked for before the send to everyone?", "where is each subscriber's opt-in (consent) recorded?", "recipients: opted in, not suppressed"],
    mustNot: ["has not opted out"],
  },
  // H10. Where the words say a reassignment replaces the assignee, only the same agent again is a repeat: another one
  // reassigns the Ticket, which stays Assigned, and the repeat's test seeds the agent the request names ...
  "Route a support ticket": {
    flags: ["--route", "/api/tickets/:ticketId/assignee", "--method", "PUT", "--auth", "roles", "--roles", "support-supervisor", "--resource", "Ticket", "--value-object", "TicketId:uuid@path", "--value-object", "AgentId:uuid", "--transition", "Open->Assigned", "--summary", "A support supervisor assigns an open ticket to an agent; reassigning replaces the current assignee"],
    must: ["A repeated request that finds the Ticket already Assigned with the same AgentId answers 200 as the first time", "one naming another person reassigns it, as the answers say: the Ticket stays Assigned, its assignee replaced by the new one", "with another agentId (a reassignment)", /state: "Assigned", agentId: "[0-9a-f-]{36}" \}\);/],
    mustNot: ["A repeated request that finds the Ticket already Assigned answers"],
  },
  // ... while an assignment whose words say nothing of reassigning keeps its plain repeat.
  "Escalate a support ticket": {
    flags: ["--route", "/api/tickets/:ticketId/escalation", "--auth", "roles", "--roles", "support-supervisor", "--resource", "Ticket", "--value-object", "TicketId:uuid@path", "--value-object", "AgentId:uuid", "--transition", "Open->Escalated", "--summary", "A support supervisor escalates an open ticket to a senior agent"],
    must: ["A repeated request that finds the Ticket already Escalated answers 200 as the first time"],
    mustNot: ["with the same AgentId", "reassigns it"],
  },
  // H3. A bid the Auction checks may move what the Auction holds (its highest bid, a closing time extended): the Auction
  // is saved too where the check changes it, never "the Auction is not saved" ...
  "Place a bid": {
    flags: ["--route", "/api/auctions/:auctionId/bids", "--resource", "Auction", "--relation", "none", "--value-object", "AuctionId:uuid@path", "--value-object", "AmountCents:int(1..1000000000)", "--response", "bidId,closesAt", "--error", "BidTooLow:422:the amount is less than the current highest bid plus the minimum step", "--error", "AuctionClosed:409:the closing time has passed", "--summary", "A member bids on a timed auction; a bid in the last 2 minutes extends the closing time by 2 minutes"],
    must: ["the Auction is saved too, in the same transaction, where the check changes what it holds"],
    mustNot: ["the Auction is not saved"],
  },
  // ... while a comment on a post, which the post does not check, still leaves the Post unsaved.
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "none", "--value-object", "PostId:uuid@path", "--value-object", "Text:string(1..2000)"],
    must: ["the Post is not saved"],
    mustNot: ["the Post is saved too"],
  },
  // H16. The answer's shape is not asked where the answers give it (200 with markedCount) ...
  "Mark all my notifications as read": {
    flags: ["--route", "/api/me/notifications/read-all", "--success", "200", "--response", "markedCount,unreadCount"],
    must: ["Does the client send the newest Notification it showed"],
    mustNot: ["Does it answer 204, or 200"],
  },
  // ... while one whose answers say nothing of it still asks.
  "Mark all my messages as read": {
    flags: ["--route", "/api/me/messages/read-all"],
    must: ["Does it answer 204, or 200 with the number changed (for the client's badge)? And does the client send the newest Message it showed"],
    mustNot: [],
  },
  // H9. The sessions the undo link signs out are that link's use-case's: the request that sends it revokes none ...
  "Request an email change": {
    flags: ["--route", "/api/me/email-change", "--success", "202", "--value-object", "NewEmail:email", "--capability", "secret-link-issue", "--capability", "sends-message-email", "--pii", "newEmail", "--criteria", "Given a change made, when the old address's owner opens the undo link within 7 days, then the old address is restored and every session is signed out"],
    must: [],
    mustNot: ["revokes every session and refresh token of the account", "sessions-revoked"],
  },
  // ... while a request whose own words sign the person out still revokes them.
  "Sign out everywhere": {
    flags: ["--route", "/api/me/sign-out-everywhere", "--success", "204", "--summary", "A signed-in user is signed out on every device"],
    must: ["revokes every session and refresh token of the account"],
    mustNot: [],
  },
  // H15. A direct message's notice goes to the Member it is for: the Member names no "owner or assignee" ...
  "Write to a member": {
    flags: [...DIRECT_MESSAGE, "--capability", "sends-message"],
    must: ["The message goes only to the caller or the Member the new Message is for", "Does the message go to the Member the new Message is for alone, or to the caller too (a confirmation)"],
    mustNot: ["a person the Member names", "its owner or assignee"],
  },
  // ... while a comment under a Post still goes to a person the Post names.
  "Comment on a recipe": {
    flags: ["--route", "/api/recipes/:recipeId/comments", "--resource", "Recipe", "--relation", "none", "--value-object", "RecipeId:uuid@path", "--value-object", "Text:string(1..2000)", "--capability", "sends-message"],
    must: ["a person the Recipe names (its owner or assignee)"],
    mustNot: ["the Recipe the new Comment is for"],
  },
};

describeFit(CASES, "says what is true for the use-case (TRIAL21)");
