/**
 * Plans true for their use-case, from a new user's ninth trial (TRIAL9, helper trial13): each use-case is planned from
 * the flags a team would give, and its plan and code are checked for the statement the trial showed false or missing,
 * and beside it unlike use-cases for what must stay. All are planned into one folder, whose code compiles under
 * tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { describeFit, type FitCase } from "./support/fit.js";
import { cli, tempDir } from "./support/project.js";

const CASES: Record<string, FitCase> = {
  // W2: a create under a resource that moves the resource's state saves the resource with the new item, held from
  // the load to the commit; it is not "only read".
  "Book an appointment slot": {
    flags: ["--summary", "A signed-in customer books one free slot; a slot can be booked once", "--context", "Scheduling", "--route", "/api/slots/:slotId/bookings", "--resource", "Slot", "--relation", "none", "--value-object", "SlotId:uuid", "--transition", "Available->Booked", "--error", "SlotAlreadyBooked:409:the slot was booked by someone else", "--event", "AppointmentBooked:slotId,bookingId"],
    must: ["Repository#58; Booking#44; and the Slot it moves to Booked", "add the new Booking and save the Slot moved to Booked", "the Slot is saved moved to Booked in the same transaction", "add(booking: Booking, slot: Slot, events: readonly unknown[]): Promise<void>;", "find(id: string): Promise<Slot | null>;", /slot\.state = moveSlot\(slot\.state, Booked\) -> err => 409\n {2}booking = new Booking under slot/, "repository.add(booking, slot, events)  // one transaction with the outbox: the new Booking, and the Slot saved in its new state"],
    mustNot: ["it only reads", "the Slot is not saved", "(read only)", "SlotView"],
  },
  // ...while a comment under a post, which changes nothing of the post, still reads the post for access only.
  "Comment on a post": {
    flags: ["--context", "Content", "--route", "/api/posts/:postId/comments", "--resource", "Post", "--relation", "none", "--value-object", "PostId:uuid", "--value-object", "Text:string(1..2000)", "--event", "CommentAdded:postId,commentId"],
    must: ["under a Post it only reads", "the Post is not saved", "Read only, for access", "repository.add(comment, events)"],
    mustNot: ["and the Post it moves", "save the Post moved", "post.state ="],
  },
  // ...and a create whose only transition is its job's (@Command) does not move the resource in the request.
  "Request a room cleaning": {
    flags: ["--context", "Rooms", "--route", "/api/rooms/:roomId/cleanings", "--resource", "Room", "--relation", "host", "--value-object", "RoomId:uuid", "--scheduled-command", "CleanRoom", "--transition", "Dirty->Clean@CleanRoom"],
    must: ["the Room is not saved"],
    mustNot: ["and the Room it moves", "save the Room moved", "room.state = moveRoom"],
  },
  // W1: free text kept for others to read (a comment's body, a bio) gets stored XSS: kept as written, encoded on output.
  "Post a comment on an article": {
    flags: ["--context", "Content", "--route", "/api/articles/:articleId/comments", "--resource", "Article", "--relation", "none", "--value-object", "ArticleId:uuid", "--value-object", "Body:string(1..5000)", "--event", "CommentPosted:commentId,articleId"],
    must: ["| stored-text | built-in", "The text in Body is kept as the caller wrote it", "Stored XSS: the caller writes markup or a script into Body", "never inserted as HTML (innerHTML", "May Body hold formatting (Markdown, links)"],
    mustNot: ["The text in ArticleId"],
  },
  "Update my profile": {
    flags: ["--context", "Accounts", "--method", "PATCH", "--route", "/api/me", "--value-object", "DisplayName?:string(1..50)", "--value-object", "Bio?:string(0..500)", "--value-object", "AvatarUrl?:url"],
    must: ["The text in DisplayName and Bio is kept as the caller wrote it", "| stored-text | built-in", "Will the server ever fetch AvatarUrl (a webhook delivery"],
    mustNot: ["AvatarUrl and", "and AvatarUrl"],
  },
  // ...while a sign-in's password, a coupon's code, a time zone and a search text are no text kept for people to read.
  "Log in with email and password": {
    flags: ["--context", "Identity", "--auth", "anonymous", "--route", "/api/sessions", "--value-object", "Email:email", "--value-object", "Password:string(8..128)", "--value-object", "ReturnTo?:url", "--capability", "sign-in", "--enumeration", "account"],
    must: ["| sign-in |", "| input-redirect |"],
    mustNot: ["stored-text", "Stored XSS", "input-url-kept"],
  },
  "Set my time zone": {
    flags: ["--context", "Accounts", "--method", "PUT", "--route", "/api/me/time-zone", "--value-object", "TimeZone:string(1..64)", "--value-object", "CouponCode:string(8..16)"],
    mustNot: ["stored-text", "Stored XSS"],
    must: [],
  },
  "Search articles": {
    flags: ["--context", "Content", "--method", "GET", "--route", "/api/articles", "--auth", "anonymous", "--value-object", "Title?:string(1..100)"],
    mustNot: ["stored-text", "Stored XSS"],
    must: [],
  },
  // W5: a URL the caller gives us to call (a webhook endpoint) is no configured host: no allow-list "never from the
  // request", but the SSRF checks at every call, and an http URL refused.
  "Register a webhook endpoint": {
    flags: ["--context", "Integrations", "--route", "/api/webhook-endpoints", "--value-object", "Url:url", "--capability", "external-call", "--response", "webhookEndpointId,signingSecret"],
    must: ["| capability-external-call-url |", "no allow-list of configured hosts applies", "A circuit breaker per host of the URL the request gives (one customer's dead endpoint never opens it for another's) opens after 5 failed calls", "an http URL is refused with 400", "a URL whose host redirects to an internal address is not followed"],
    mustNot: ["never to a host taken from the request", "capability-external-call-fixed-hosts", "A configured host (compromised", "input-url-kept"],
  },
  // ...while a call to a provider the configuration names keeps its allow-list.
  "Charge a saved card": {
    flags: ["--context", "Billing", "--route", "/api/charges", "--value-object", "OrderId:uuid", "--capability", "external-call", "--event", "CardCharged:chargeId"],
    must: ["never to a host taken from the request", "| capability-external-call-fixed-hosts |", "A circuit breaker per external system opens after 5 failed calls", "an allowed host that redirects to an internal address is not followed"],
    mustNot: ["capability-external-call-url", "no allow-list of configured hosts applies"],
  },
  // W10: a recurring report the job only stores asks nothing of recipients or unsubscribe links...
  "Generate a monthly usage report": {
    // The request names its Month: a run it asks for replaces that month's report (scheduled-recurring-rerun, TRIAL9 W9).
    flags: ["--summary", "Every 1st of the month a scheduled job aggregates last month's usage rows per customer into a stored report", "--context", "Billing", "--route", "/api/admin/usage-reports", "--auth", "roles", "--roles", "admin", "--async", "--value-object", "Month:pattern([0-9]{4}-(0[1-9]|1[0-2]))", "--scheduled-command", "GenerateMonthlyUsageReport", "--event", "UsageReportGenerated:reportId,month@GenerateMonthlyUsageReport"],
    must: ["| scheduled-recurring-rerun |"],
    mustNot: ["Who may receive what the schedule produces", "scheduled-recurring-recipients"],
  },
  // ...while a recurring reminder that mails people still asks who may receive it.
  "Send overdue task reminders": {
    flags: ["--summary", "Every morning a scheduled job emails each assignee a reminder of their overdue tasks", "--context", "Tasks", "--route", "/api/admin/overdue-reminders", "--auth", "roles", "--roles", "scheduler", "--async", "--capability", "sends-message-email", "--scheduled-command", "SendOverdueReminders"],
    must: ["| scheduled-recurring-recipients |", "Who may receive what the schedule produces"],
    mustNot: [],
  },
  // W11: an optional body input is parsed only when it is there; a required one always.
  "Edit my profile": {
    flags: ["--context", "Accounts", "--method", "PATCH", "--route", "/api/me", "--value-object", "DisplayName:string(1..50)", "--value-object", "Bio?:string(0..500)", "--value-object", "Locale?:enum(en|fr)@query"],
    must: ["bio = request.body.bio absent ? undefined : Bio.create(request.body.bio) -> err => 400 problem+json", "displayName = DisplayName.create(request.body.displayName) -> err => 400 problem+json", "locale = Locale.fromText(request.query.locale) -> err"],
    mustNot: ["displayName = request.body.displayName absent", "locale = request.query.locale absent"],
  },
  // W13: a URL kept without external-call (a webhook endpoint registered by a new user who named no capability) asks
  // whether the server will ever fetch it.
  "Add a webhook URL": {
    flags: ["--context", "Integrations", "--route", "/api/webhook-endpoints", "--value-object", "Url:url", "--response", "webhookEndpointId,signingSecret"],
    must: ["| input-url-kept |", "Will the server ever fetch Url (a webhook delivery, a link preview, an image imported or resized)? Then it is a server-side request forgery path: plan it with --capability external-call"],
    mustNot: ["capability-external-call-url"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (TRIAL9, trial13)");


// W13: a signed-in "webhook" that registers a URL is told which capability calls a URL, beside the signature warnings.
describe("the webhook warning on a signed-in request carrying a URL (TRIAL9 W13)", () => {
  const plan = async (more: string[]) => cli(["plan", "--name", "Register a webhook endpoint", "--route", "/api/webhook-endpoints", "--capability", "webhook", ...more, "--dest", await tempDir(), "--dry-run"]);
  it("points at external-call when the request carries a URL", async () => {
    const run = await plan(["--value-object", "Url:url"]);
    expect(String(run.stderr)).toContain("to register a URL we will call, that is --capability external-call");
  });
  it("says nothing of it without a URL", async () => {
    const run = await plan(["--value-object", "Name:string(1..50)"]);
    expect(String(run.stderr)).toContain("--capability webhook: a provider's delivery carries no user session");
    expect(String(run.stderr)).not.toContain("to register a URL we will call");
  });
});
