/**
 * Plans true for their use-case (session 16, fix16d; findings of TRIAL12): each use-case is planned from its flags, and
 * its plan and code are checked for the statement that was missing or false, beside unlike use-cases for what must stay.
 * All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const WEEKLY_REMINDER = ["--summary", "Every week, each customer with unpaid invoices gets one reminder e-mail, at most once a week even when the job reruns; customers who opted out get none", "--auth", "roles", "--roles", "system", "--route", "/api/jobs/unpaid-invoice-reminders", "--value-object", "TenantId:uuid", "--value-object", "Week:pattern([0-9]{4}-W[0-9]{2})", "--scheduled-command", "SendUnpaidInvoiceReminders", "--capability", "sends-message-email", "--event", "UnpaidInvoiceReminderSent:customerId,invoiceCount@SendUnpaidInvoiceReminders"];

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
    ],
    mustNot: ["replaces that period's output", "RecipientCapped", "SendBudgetSpent", "429 of its own", "Phishing from our domain", "capability-sends-message-told", "a request that would send answers 503"],
  },
  // ... while a recurring report the request names the month of replaces that month's output (TRIAL9 W9).
  "Compute the monthly usage report": {
    flags: ["--auth", "roles", "--roles", "admin", "--route", "/api/reports/usage/runs", "--value-object", "Month:pattern([0-9]{4}-[0-9]{2})", "--scheduled-command", "ComputeMonthlyUsageReport", "--summary", "Every month the usage report is computed; an admin may run it again for a month"],
    must: ["replaces that period's output in one step", "| scheduled-recurring-rerun-replaces |", "| scheduled-recurring-rerun |"],
    mustNot: ["sends only to the recipients", "capability-sends-message-job"],
  },
  // ... and a message the request aims at an address it gives is still capped per recipient and told.
  "Invite a colleague by e-mail": {
    flags: ["--route", "/api/invitations", "--value-object", "Email:email", "--capability", "sends-message-email"],
    must: ["RecipientCapped", "| capability-sends-message-told |", "Phishing from our domain"],
    mustNot: ["capability-sends-message-job", "sends only to the people it selects"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix16d)");
