/**
 * Plans true for their use-case (session 17, fix17b): statements found false or missing in session 16 and TRIAL12.
 * Each use-case is planned from its flags, and its plan and code are checked for the statement that was missing or
 * false, beside an unlike use-case for what must stay. All are planned into one folder, whose code compiles under
 * tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // 1. A job the system runs on its fixed schedule, with no route or access answered, is the scheduler's to run: only
  // its service identity may call the trigger; no signed-in account may, and who may create is not asked.
  "Send weekly digest": {
    flags: ["--scheduled-command", "SendWeeklyDigest", "--summary", "Every Monday each member gets a digest"],
    must: ["| Access | roles: scheduler |", "| Actor | Scheduler |", "only the scheduler's own service identity", "| scheduled-system-job |", "Which service identity does the scheduler call"],
    mustNot: ["Any signed-in account may create", "Who may create through", "| Access | authenticated |"],
  },
  // ...while a job whose route and access the team gives keeps them, and a schedule the caller sets is the caller's.
  "Run the nightly export of unpaid invoices": {
    flags: ["--scheduled-command", "ExportUnpaidInvoices", "--summary", "Every night the unpaid invoices are exported", "--auth", "roles", "--roles", "system", "--route", "/api/jobs/unpaid-invoice-export"],
    must: ["| Access | roles: system |", "`POST /api/jobs/unpaid-invoice-export`"],
    mustNot: ["scheduled-system-job", "role scheduler"],
  },
  "Schedule a recurring report": {
    flags: ["--scheduled-command", "SendReport", "--summary", "The user sets how often its report is sent", "--value-object", "Cron:pattern([0-9*/ ,-]{9,60})"],
    must: ["| Access | authenticated |", "| scheduled-recurring-user |"],
    mustNot: ["scheduled-system-job", "role scheduler"],
  },
  // 2. A resource no route parameter or input names: which one is loaded is asked, never "the Report the request names".
  "Update the report": {
    flags: ["--resource", "Report", "--method", "PATCH", "--value-object", "Title:string(1..100)"],
    must: ["The handler loads one Report, though the request names none", "Which Report does `PATCH /api/update-the-report` act on", "| resource-unnamed |"],
    mustNot: ["loads the Report the request names", "found by what the request names"],
  },
  // ...while one the route names keeps its line.
  "Rename a report": {
    flags: ["--resource", "Report", "--method", "PATCH", "--route", "/api/reports/:reportId", "--value-object", "ReportId:uuid@path", "--value-object", "Title:string(1..100)"],
    must: ["The handler loads the Report the request names; a missing Report answers 404."],
    mustNot: ["resource-unnamed", "though the request names none"],
  },
  // 3. A health probe carries no input: nothing is brute-forced, and its 503 is mapped as NotReady, without Retry-After.
  "Check service health": {
    flags: ["--route", "/api/health", "--auth", "anonymous", "--method", "GET"],
    must: ["| NotReady | 503 |", "NotReady -> 503; anything else -> 500", "**Flooding**: an attacker repeats requests from one client to load the service", "| rate-limit-client-no-input |"],
    mustNot: ["brute-forces its input", "**Brute force**", "NotReady -> 503 + Retry-After"],
  },
  // ...while an anonymous request that carries an input to guess keeps its brute force.
  "Check whether a username is free": {
    flags: ["--route", "/api/usernames/availability", "--auth", "anonymous", "--method", "GET", "--value-object", "Username:pattern([a-z0-9_]{3,20})@query", "--response", "available"],
    must: ["One client floods the endpoint or brute-forces its input", "**Brute force**", "| rate-limit-client |"],
    mustNot: ["rate-limit-client-no-input", "NotReady"],
  },
  // Z8. A team's own answer for an expired code (CodeExpired:410) wins over the one-time-code pack's "the same 404".
  "Verify my phone number": {
    flags: ["--route", "/api/me/phone/verify", "--value-object", "PhoneCode:pattern([0-9]{6})", "--capability", "secret-link-redeem", "--error", "CodeExpired:410"],
    must: ["is refused with 410 CodeExpired, as the answers name it", "The code is wrong, used or void: one answer for all three", "| capability-one-time-code-redeem-expiry-answered |", "past it, the code is refused with 410 CodeExpired, as the answers name it"],
    mustNot: ["wrong, expired, used or void", "a code typed one second after CODE_LIFETIME_SECONDS is refused with the same 404"],
  },
  // ...while a code whose expiry the answers do not name keeps the one 404 for all four.
  "Confirm my new email address with its code": {
    flags: ["--route", "/api/me/email/confirm", "--value-object", "EmailCode:pattern([0-9]{6})", "--capability", "secret-link-redeem"],
    must: ["The code is wrong, expired, used or void: one answer for all four", "| capability-one-time-code-redeem-expiry |"],
    mustNot: ["expiry-answered", "as the answers name it"],
  },
  // Z12. The team's own refusal of a move the state does not allow (NotPending:409) is the one 409 row for it.
  "Cancel a pending order": {
    flags: ["--route", "/api/orders/:orderId/cancel", "--resource", "Order", "--value-object", "OrderId:uuid@path", "--transition", "Pending->Cancelled", "--error", "NotPending:409"],
    must: ["any other change is refused with 409 NotPending", "NotPending: the order is not Pending, the state this change moves it from", "-> err => 409 NotPending"],
    mustNot: ["not in a state that allows this change", "When NotPending applies", "change-before-cut-off"],
  },
  // ...while a cancel that names no refusal of its own keeps the generic 409 row.
  "Cancel a booking": {
    flags: ["--route", "/api/bookings/:bookingId/cancel", "--resource", "Booking", "--value-object", "BookingId:uuid@path", "--transition", "Confirmed->Cancelled"],
    must: ["the Booking is not in a state that allows this change", "any other change is refused with 409 and changes nothing"],
    mustNot: ["409 NotPending"],
  },
  // Z22. A share link reached by its token knows only the expiry stored at its issue, which its owner may have set.
  "View a shared dashboard": {
    flags: [
      "--summary", "An anonymous viewer reads a dashboard through its public share link, read-only, until the link expires or is revoked", "--auth", "anonymous", "--method", "GET",
      "--route", "/api/shared-dashboards/:token", "--resource", "Dashboard", "--value-object", "Token:pattern([A-Za-z0-9_-]{43})@path", "--capability", "secret-link-redeem",
      "--response", "dashboardId,title,widgets",
    ],
    must: ["is refused past the expiry stored with it when it was issued", "| capability-secret-link-redeem-shared |", "this read never uses it"],
    mustNot: ["A link lives 1 day", "Is 1 day the right lifetime", "a link lives 1 day", "How long a link lives, in seconds (as the plan states)"],
  },
  // ...while an invitation accepted by its token keeps the plan's lifetime.
  "Accept a project invitation": {
    flags: ["--auth", "anonymous", "--method", "POST", "--route", "/api/invitations/:token/accept", "--value-object", "Token:pattern([A-Za-z0-9_-]{43})@path", "--capability", "secret-link-redeem"],
    must: ["lives 1 day from its issue"],
    mustNot: ["capability-secret-link-redeem-shared"],
  },
  // Z14. A merge loads the duplicate too, in the same tenant and transaction, marks it merged and repoints its references;
  // the team's own refusal of a self-merge (SameCustomer) is the one, no MergeWithSelf beside it.
  "Merge two duplicate customer records": {
    flags: [
      "--summary", "An admin merges a duplicate customer into the surviving one, which keeps every reference of the other", "--context", "Customers", "--auth", "roles", "--roles", "admin",
      "--route", "/api/customers/:customerId/merge", "--resource", "Customer", "--value-object", "CustomerId:uuid", "--value-object", "DuplicateCustomerId:uuid", "--transition", "Active->Merged",
      "--error", "SameCustomer:422:the duplicate is the surviving customer itself", "--event", "CustomersMerged:customerId,duplicateCustomerId", "--audit",
    ],
    must: ["both are loaded in one transaction, locked in ascending id order", "the same tenant", "every record that referenced it is repointed to the survivor", "refused with 422 SameCustomer", "duplicateCustomer marked merged into target", "| merge-records |"],
    mustNot: ["MergeWithSelf", "| merge-records-self |"],
  },
  // ...a merge whose answers name no refusal of a self-merge gets MergeWithSelf...
  "Merge two contacts": {
    flags: ["--route", "/api/contacts/:contactId/merge", "--resource", "Contact", "--value-object", "ContactId:uuid@path", "--value-object", "DuplicateId:uuid"],
    must: ["| MergeWithSelf | 422 |", "| merge-records-self |"],
    mustNot: [],
  },
  // ...while a request naming another record by id that merges nothing says nothing of merging.
  "Transfer a project to a new owner": {
    flags: ["--route", "/api/projects/:projectId/transfer", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "NewOwnerId:uuid"],
    must: ["| referenced-records |"],
    mustNot: ["merge-records", "merged into"],
  },
  // Z15. A rating: once per rater and ride, and the driver's average kept in the rating's own transaction.
  "Rate a completed ride": {
    flags: ["--summary", "The passenger rates the driver of a completed ride from 1 to 5 stars", "--route", "/api/rides/:rideId/rating", "--resource", "Ride", "--relation", "passenger", "--value-object", "RideId:uuid@path", "--value-object", "Stars:int(1..5)", "--value-object", "Comment?:string(0..500)"],
    must: ["A Ride is rated once by each rater", "409 AlreadyRated", "The average of the Ride's driver is kept as a stored sum and count", "in the same transaction as the rating is saved", "| rating |"],
    mustNot: ["average of the Ride's passenger"],
  },
  // ...while a comment on a ride, which carries no score, is no rating.
  "Comment on a ride": {
    flags: ["--route", "/api/rides/:rideId/comments", "--resource", "Ride", "--relation", "passenger", "--value-object", "RideId:uuid@path", "--value-object", "Body:string(1..2000)"],
    must: [],
    mustNot: ["AlreadyRated", "| rating |"],
  },
  // Z11. A cancel before a cut-off: the server's clock in one stated zone, and one conditional update against the batch.
  "Cancel a pending bank transfer": {
    flags: [
      "--summary", "The payer cancels a transfer while it is still pending, before the daily cut-off at 14:00", "--context", "Payments", "--route", "/api/transfers/:transferId/cancel", "--resource", "Transfer",
      "--relation", "payer", "--value-object", "TransferId:uuid", "--transition", "Pending->Cancelled", "--error", "NotPending:409:the transfer is no longer pending", "--error", "CutOffPassed:409:the cut-off has passed",
      "--event", "TransferCancelled:transferId",
    ],
    must: ["The cut-off is decided by the server's clock in one stated time zone", "never by a time the client sends", "The move (Pending to Cancelled) is one conditional update", "the batch's pick-up", "Which time and time zone is the cut-off", "| change-before-cut-off |"],
    mustNot: [],
  },
};

describeFit(CASES, "fix17b: false or missing statements of session 16 and TRIAL12");
