/**
 * Plans true for their use-case, from a new user's eleventh trial (TRIAL11, trial15): each use-case is planned from
 * the flags a team would give, and its plan and code are checked for the statement the trial showed false, and beside
 * it unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and
 * whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Y2: the team's own error for a ticket that does not justify the request is the ticket check's answer: one status
  // for one condition, not the pack's 403 TicketNotValid beside the team's 422.
  "Reset a user's second factor as a support agent": {
    flags: ["--summary", "A support agent removes the second factor of a user who lost their device", "--context", "Support", "--auth", "roles", "--roles", "support-agent", "--route", "/api/users/:userId/two-factor/reset", "--resource", "User", "--value-object", "UserId:uuid", "--value-object", "TicketReference:pattern(SUP-[0-9]{1,10})", "--error", "TicketNotFound:422:the ticket reference names no open ticket of this user", "--transition", "TwoFactorEnabled->TwoFactorDisabled", "--audit"],
    must: ["| ticket-verified |", "otherwise 422 (TicketNotFound, as the answers say) and nothing is done", "=> 422 TicketNotFound, nothing done", "answers 422 TicketNotFound and nothing is done"],
    mustNot: ["TicketNotValid", /\| 403 \| The ticket does not exist/],
  },
  // ...while a ticket with no error of the team's keeps the pack's 403 TicketNotValid...
  "Export a customer's data for a ticket": {
    flags: ["--summary", "A support agent reads a customer's profile for a support case", "--context", "Support", "--auth", "roles", "--roles", "support-agent", "--method", "GET", "--route", "/api/customers/:customerId/profile", "--resource", "Customer", "--value-object", "CustomerId:uuid", "--value-object", "CaseId:string(1..40)@query", "--error", "CustomerArchived:410:the customer was archived", "--response", "customerId,plan"],
    must: ["| ticket-verified |", "otherwise 403 (TicketNotValid) and nothing is done", "=> 403 TicketNotValid, nothing done", "| TicketNotValid | 403 |"],
    mustNot: ["as the answers say) and nothing is done"],
  },
  // ...and a use-case with no ticket has no ticket check at all.
  "Archive a project": {
    flags: ["--summary", "The owner archives a finished project", "--context", "Projects", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--value-object", "ProjectId:uuid", "--transition", "Active->Archived", "--error", "ProjectNotFinished:409:the project has open tasks"],
    must: ["ProjectNotFinished"],
    mustNot: ["| ticket-verified |", "TicketNotValid", "ticketSystem", "| feature-flag-switch", "flag store"],
  },
  // Y4: a flag turned on for one tenant reaches that tenant: no sticky percentage buckets (no percentage is set), no
  // "every tenant at once" threat or question; the propagation delay and the safe default stay.
  "Turn a feature flag on for a tenant": {
    flags: ["--summary", "A platform admin turns a feature flag on or off for one tenant", "--context", "Platform", "--auth", "roles", "--roles", "platform-admin", "--method", "PUT", "--route", "/api/tenants/:tenantId/feature-flags/:flagKey", "--resource", "Tenant", "--value-object", "TenantId:uuid", "--value-object", "FlagKey:pattern([a-z][a-z0-9-]{2,63})", "--value-object", "Enabled:boolean", "--audit"],
    must: ["| feature-flag-switch |", "A change reaches every service within a stated delay", "A flag switched breaks a service for everyone the flag reaches"],
    mustNot: ["A percentage rollout places each user", "raising a rollout from 10% to 20%", "every tenant", "| feature-flag-switch-percentage |", "| feature-flag-switch-global |"],
  },
  // ...while a rollout to a share of every tenant's users keeps both.
  "Roll out a feature flag to a share of users": {
    flags: ["--summary", "An operator sets the share of users who see a feature", "--context", "Platform", "--auth", "roles", "--roles", "platform-operator", "--method", "PUT", "--route", "/api/admin/feature-flags/:flagKey", "--resource", "FeatureFlag", "--value-object", "FlagKey:pattern([a-z][a-z0-9-]{2,63})", "--value-object", "RolloutPercentage:int(0..100)", "--audit"],
    must: ["| feature-flag-switch-percentage |", "A percentage rollout places each user by a stable hash", "| feature-flag-switch-global |", "A flag turned on for every tenant at once breaks a service everywhere", "Which reason or change ticket must accompany a change that reaches every tenant"],
    mustNot: [],
  },
  // Y17: both ends required and the width capped by the team's own error: no "one end alone", no missing end's
  // default, no "how wide" question; the width threat answered by the team's error.
  "Show usage metrics of an organization": {
    flags: ["--summary", "Admins of the organization see usage per day for a date range", "--context", "Analytics", "--method", "GET", "--route", "/api/organizations/:organizationId/usage", "--resource", "Organization", "--relation", "admin", "--value-object", "OrganizationId:uuid", "--value-object", "From:date", "--value-object", "To:date", "--error", "RangeTooLong:400:the range spans more than 366 days", "--response", "days,totals"],
    must: ["| input-range-dates-closed-capped |", "From is not after To; a request with the ends the wrong way round is refused with 400", "A range of dates set years wide", "refused with 400 (RangeTooLong, as the answers say)", "answers 400 RangeTooLong and reads nothing past it"],
    mustNot: ["One end alone is an open range", "missing end default", "missing end of the range", "How wide may one request's range of dates be", "left open or set years wide", "an open question until it is answered"],
  },
  // ...while optional ends with no cap keep all of it...
  "List invoices of a team by date": {
    flags: ["--summary", "Members of a team list its invoices issued in a date range", "--context", "Billing", "--method", "GET", "--route", "/api/teams/:teamId/invoices", "--resource", "Team", "--relation", "member", "--value-object", "TeamId:uuid", "--value-object", "From?:date", "--value-object", "To?:date", "--response", "invoiceId,total"],
    must: ["One end alone is an open range", "How wide may one request's range of dates be (where From is not after To), and what does a missing end default to", "left open or set years wide", "an open question until it is answered"],
    mustNot: ["as the answers say"],
  },
  // ...and optional ends with a cap ask only what a missing end means.
  "Export audit events for a period": {
    flags: ["--summary", "Auditors read the audit events of a period", "--context", "Compliance", "--auth", "roles", "--roles", "auditor", "--method", "GET", "--route", "/api/audit-events", "--value-object", "StartDate?:date", "--value-object", "EndDate?:date", "--error", "PeriodTooLong:400:the period is longer than 31 days", "--response", "eventId,action"],
    must: ["One end alone is an open range", "What does a missing end of the range default to", "refused with 400 (PeriodTooLong, as the answers say)"],
    mustNot: ["How wide may one request's range of dates be"],
  },
  // Y13: an inbound e-mail's body and subject, which anyone who can send mail writes and agents read, are stored text
  // (stored XSS) even though a signed delivery carries them...
  "Receive an inbound email reply to a ticket": {
    flags: ["--summary", "The email provider posts a parsed inbound email, added as a reply to the ticket its reply token names", "--context", "Support", "--auth", "anonymous", "--route", "/api/webhooks/inbound-email", "--capability", "webhook", "--value-object", "ProviderSignature:string(1..512)@header", "--value-object", "ProviderMessageId:string(1..255)", "--value-object", "ReplyToken:pattern([A-Za-z0-9]{32})", "--value-object", "FromAddress:email", "--value-object", "Subject:string(0..998)", "--value-object", "Body:string(1..100000)", "--pii", "fromAddress,subject,body", "--event", "TicketReplyReceived:ticketId,messageId"],
    must: ["| stored-text |", "| webhook-signature |", "The text in Subject and Body is kept as the caller wrote it"],
    mustNot: ["ProviderMessageId is kept as the caller wrote it", "ReplyToken is kept"],
  },
  // ...while a payment provider's event fields stay data, not content.
  "Receive a payment webhook": {
    flags: ["--summary", "The payment provider reports a payment's outcome", "--context", "Billing", "--auth", "anonymous", "--route", "/api/webhooks/payments", "--capability", "webhook", "--value-object", "StripeSignature:string(1..512)@header", "--value-object", "EventId:string(1..255)", "--value-object", "EventType:enum(payment_intent.succeeded|payment_intent.payment_failed)", "--value-object", "Description:string(1..500)", "--event", "PaymentReported:paymentId"],
    must: ["| webhook-signature |"],
    mustNot: ["| stored-text |", "Stored XSS"],
  },
  // Y12: a document's new name is encoded where shown, but nobody writes Markdown or links into a name: no
  // formatting and moderation question, no clickable links...
  "Rename a document": {
    flags: ["--summary", "An editor renames a document", "--context", "Documents", "--method", "PATCH", "--route", "/api/documents/:documentId", "--resource", "Document", "--relation", "editor", "--value-object", "DocumentId:uuid", "--value-object", "NewName:string(1..255)"],
    must: ["| stored-text |", "The text in NewName is kept as the caller wrote it", "HTML-escaped by the templating wherever it is shown"],
    mustNot: ["hold formatting (Markdown, links)", "where links in it are made clickable", "links limited to http and https"],
  },
  // ...while a note, which is prose, keeps both (stored-text-prose).
  "Add a note to a document": {
    flags: ["--summary", "An editor adds a note to a document", "--context", "Documents", "--route", "/api/documents/:documentId/notes", "--resource", "Document", "--relation", "editor", "--value-object", "DocumentId:uuid", "--value-object", "Title:string(1..120)", "--value-object", "Note:string(1..5000)"],
    must: ["| stored-text |", "| stored-text-prose |", "May Note hold formatting (Markdown, links)", "Where links in Note are made clickable, only http and https"],
    // A title is one line of plain text, as a name is (stored-text-prose, TRIAL11 Y12).
    mustNot: ["May Title and Note hold formatting"],
  },
};

describeFit(CASES, "TRIAL11's use-cases are planned as they are (ticket checks, feature-flag switches, date ranges, stored text and names)");
