/**
 * Plans true for their use-case (session 16, fix16d; findings of TRIAL12): each use-case is planned from its flags, and
 * its plan and code are checked for the statement that was missing or false, beside unlike use-cases for what must stay.
 * All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describe, expect, it } from "@jest/globals";
import { planSchema } from "../generators/plan/schema.js";
import { parseArgv } from "../lib/cli/argv.js";
import { runSchema } from "../lib/cli/run-options.js";
import { describeFit, type FitCase } from "./support/fit.js";

const WEEKLY_REMINDER = ["--summary", "Every week, each customer with unpaid invoices gets one reminder e-mail at 9:00 in its tenant's time zone, at most once a week even when the job reruns; customers who opted out get none", "--auth", "roles", "--roles", "system", "--route", "/api/jobs/unpaid-invoice-reminders", "--value-object", "TenantId:uuid", "--value-object", "Week:pattern([0-9]{4}-W[0-9]{2})", "--scheduled-command", "SendUnpaidInvoiceReminders", "--capability", "sends-message-email", "--event", "UnpaidInvoiceReminderSent:customerId,invoiceCount@SendUnpaidInvoiceReminders"];

const CASES: Record<string, FitCase> = {
  // Z17. A recurring job that sends messages, run again for a period it names, sends no one a second message: it
  // sends only to whom the period has not reached, never "replaces that period's output" ...
  // Z18. ... and its recipients are the customers the job selects from the records, not someone the request names: no
  // cap or budget refuses the run (the send job holds back), no phishing by a caller's text.
  "Send the weekly reminder of unpaid invoices": {
    flags: WEEKLY_REMINDER,
    must: [
      "sends only to the recipients that period has not reached yet",
      "| scheduled-recurring-rerun-sends |",
      "SendUnpaidInvoiceReminders sends only to the people it selects from the records",
      "what is past them it holds back and sends with backoff",
      "| capability-sends-message-job |",
      // Z19. The words put the run at 9:00 in its tenant's time zone: the period's bounds and the hour are each tenant's.
      "A period's bounds are fixed in each tenant's time zone (an IANA name stored per tenant",
      "SendUnpaidInvoiceReminders runs at its hour in each tenant's time zone",
      "| scheduled-recurring-local-time |",
    ],
    mustNot: ["(UTC, unless the answers name another)", "replaces that period's output", "RecipientCapped", "SendBudgetSpent", "429 of its own", "Phishing from our domain", "capability-sends-message-told", "a request that would send answers 503"],
  },
  // ... while a recurring report the request names the month of replaces that month's output (TRIAL9 W9).
  "Compute the monthly usage report": {
    flags: ["--auth", "roles", "--roles", "admin", "--route", "/api/reports/usage/runs", "--value-object", "Month:pattern([0-9]{4}-[0-9]{2})", "--scheduled-command", "ComputeMonthlyUsageReport", "--summary", "Every month the usage report is computed; an admin may run it again for a month"],
    must: ["replaces that period's output in one step", "| scheduled-recurring-rerun-replaces |", "| scheduled-recurring-rerun |", "A period's bounds are fixed in one time zone (UTC, unless the answers name another)"],
    mustNot: ["sends only to the recipients", "capability-sends-message-job", "scheduled-recurring-local-time", "stored per"],
  },
  // ... and a daily digest at a local hour of no one named runs at each recipient's, though it names no period.
  "Send the daily digest": {
    flags: ["--auth", "roles", "--roles", "system", "--route", "/api/jobs/daily-digest", "--scheduled-command", "SendDailyDigest", "--capability", "sends-message-email", "--summary", "Every day at 7:00 local time each member who opted in gets a digest of yesterday's activity"],
    must: ["SendDailyDigest runs at its hour in each recipient's time zone", "| scheduled-recurring-local-time |"],
    mustNot: ["A period's bounds are fixed", "replaces that period's output"],
  },
  // ... and a message the request aims at an address it gives is still capped per recipient and told.
  "Invite a colleague by e-mail": {
    flags: ["--route", "/api/invitations", "--value-object", "Email:email", "--capability", "sends-message-email"],
    must: ["RecipientCapped", "| capability-sends-message-told |", "Phishing from our domain"],
    mustNot: ["capability-sends-message-job", "sends only to the people it selects"],
  },
  // Z2. An --error comparing a time the request gives with the clock is a check of the request: made with the inputs,
  // before anything is read; the Dashboard is only read, not locked, and the test sends an expiry too far ahead ...
  "Create a share link for a dashboard": {
    flags: ["--route", "/api/dashboards/:dashboardId/share-links", "--resource", "Dashboard", "--value-object", "DashboardId:uuid@path", "--value-object", "ExpiresAt:datetime", "--response", "shareLinkId,expiresAt", "--error", "ExpiryTooFar:422:the expiry is more than 90 days ahead"],
    must: ["checked with the inputs before anything is read", "if the expiry is more than 90 days ahead -> ExpiryTooFar (422), nothing read", "a request whose inputs make \"the expiry is more than 90 days ahead\" hold", "The Dashboard itself is not changed"],
    mustNot: ["FOR UPDATE", "decides whether the new", "seeded so that"],
  },
  // ... while a rule reading what the parent holds keeps the parent locked for the check and the add.
  "Refund part of a payment": {
    flags: ["--route", "/api/payments/:paymentId/refunds", "--resource", "Payment", "--value-object", "PaymentId:uuid@path", "--value-object", "Amount:int(1..100000)", "--error", "RefundExceedsCaptured:422:the amount is more than what is left to refund"],
    must: ["FOR UPDATE", "The Payment decides whether the new", "seeded so that"],
    mustNot: ["checked with the inputs before anything is read"],
  },
  // Z7. An event field named for a list input carries the list: typed, checked and round-tripped as an array ...
  "Reorder the tracks of a playlist": {
    flags: ["--method", "PATCH", "--route", "/api/playlists/:playlistId/tracks/order", "--resource", "Playlist", "--value-object", "PlaylistId:uuid@path", "--value-object", "TrackIds:uuid[](1..500)", "--response", "playlistId,trackIds", "--event", "PlaylistTracksReordered:playlistId,trackIds"],
    must: ["readonly trackIds: readonly string[];", "payload.trackIds must be a list of string", "playlistId: string, trackIds: string[]", 'trackIds: ["'],
    mustNot: ["readonly trackIds: string;", "payload.trackIds must be a string", '"sample trackIds"'],
  },
  // ... while a field named for a single input keeps its one primitive.
  "Rename a playlist": {
    flags: ["--method", "PATCH", "--route", "/api/playlists/:playlistId/name", "--resource", "Playlist", "--value-object", "PlaylistId:uuid@path", "--value-object", "Title:string(1..80)", "--event", "PlaylistRenamed:playlistId,title"],
    must: ["readonly title: string;", "payload.title must be a string", "playlistId: string, title: string"],
    mustNot: ["must be a list of", "title: string[]"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix16d)");

// Z20. A flag typed as the beginning of exactly one known flag suggests it; a beginning several flags share, or one
// too short to tell, suggests none; a typo keeps its own suggestion.
describe("an unknown flag's suggestion (fix16d)", () => {
  const schema = { ...planSchema, ...runSchema };
  const refusal = (flag: string): string => {
    try {
      parseArgv([flag, "X", "--name", "Y"], schema);
    } catch (e) {
      return String((e as Error).message);
    }
    return "accepted";
  };
  it("names the one flag a beginning extends, and none where it extends several or is too short", () => {
    expect(refusal("--schedule")).toContain("did you mean --scheduled-command?");
    expect(refusal("--value")).toContain("did you mean --value-object?");
    expect(refusal("--re")).not.toContain("did you mean");
    expect(refusal("--sheduled-command")).toContain("did you mean --scheduled-command?");
  });
});
