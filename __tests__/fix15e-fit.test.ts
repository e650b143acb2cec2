/**
 * Plans true for their use-case (session 15, fix15e; TRIAL11 Y3, Y15, Y16, Y6, Y14): each use-case is planned from its
 * flags, and its plan and code are checked for the statement that was missing or false, beside unlike use-cases for
 * what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Y3. A message to the User the request acts on (its own id in the route, no address among the inputs) goes to the
  // address on file: the change is saved and the message held back by the send job, never a 429 or 503 for the cap.
  "Reset a users two-factor as a support agent": {
    flags: ["--auth", "roles", "--roles", "support-agent", "--method", "POST", "--route", "/api/users/:userId/two-factor/reset", "--resource", "User", "--value-object", "UserId:uuid", "--value-object", "TicketReference:pattern(SUP-[0-9]{1,10})", "--capability", "sends-message-email", "--transition", "TwoFactorEnabled->TwoFactorDisabled"],
    must: ["The message goes only to the User the request acts on (their address on file, never one taken from the request)", "to flood the inbox of the User the request acts on", "{ recipientId: the User's id }", "Does the message go to the User alone"],
    mustNot: ["Message bombing", "with the victim's address", "RecipientCapped", "| 503 |", "SendBudgetSpent", "a person the User names", "the person the User names"],
  },
  // ...while another person's id among the inputs is a recipient the caller picks: capped, told, bombing case kept ...
  "Remind a project member": {
    flags: ["--method", "POST", "--route", "/api/projects/:projectId/reminders", "--resource", "Project", "--relation", "owner", "--value-object", "ProjectId:uuid", "--value-object", "MemberId:uuid", "--capability", "sends-message-email"],
    must: ["Message bombing", "RecipientCapped | 429", "| 503 |"],
    mustNot: ["goes only to"],
  },
  // ...and a record that is no person still names the person it tells.
  "Approve an expense report": {
    flags: ["--method", "POST", "--route", "/api/expense-reports/:expenseReportId/approval", "--resource", "ExpenseReport", "--auth", "roles", "--roles", "manager", "--value-object", "ExpenseReportId:uuid", "--transition", "Submitted->Approved", "--capability", "sends-message-email"],
    must: ["The message goes only to a person the ExpenseReport names", "Which person the ExpenseReport names does the message go to", "to flood the inbox of a person the ExpenseReport names"],
    mustNot: ["Message bombing", "RecipientCapped", "the ExpenseReport the request acts on"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix15e)");
