/**
 * Plans true for their use-case, from a new user's twelfth trial (TRIAL12, trial16): each use-case is planned from
 * the flags a team would give, and its plan and code are checked for the statement the trial showed false, and beside
 * it unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and
 * whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // Z16: an audit log's ActorId filters the list the scoped query answers: an actor with no entries (a deleted user)
  // lists nothing, 200; it is no record to look up, 404 when unknown, nor one the caller "acts on".
  "List the audit log of my organization": {
    flags: ["--summary", "Organization admins list the audit log newest first, filtered by actor and action, with cursor pagination", "--context", "Audit", "--method", "GET", "--route", "/api/organizations/:organizationId/audit-log", "--resource", "Organization", "--relation", "org-admin", "--value-object", "OrganizationId:uuid", "--value-object", "ActorId?:uuid", "--value-object", "Action?:string(1..64)", "--value-object", "Cursor?:string(1..200)", "--value-object", "PageSize?:int(1..100)", "--capability", "pagination", "--response", "entries,nextCursor"],
    must: ["| capability-pagination-filters |", "an empty page -> 200 with no items"],
    mustNot: ["| referenced-records |", "find the record actorId names", "An id the request names (ActorId) is unknown", "Which records may ActorId name", "in ActorId and acts on it"],
  },
  // ...while the ids a transfer's body names are records it acts on, each looked up within the caller's reach...
  "Transfer money between my accounts": {
    flags: ["--summary", "The caller moves money from one of its accounts to another", "--context", "Payments", "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "Amount:int(1..100000000)", "--event", "MoneyTransferred:transferId"],
    must: ["| referenced-records |", "every record the request names by id (FromAccountId, ToAccountId) is found through a query scoped to what the caller may reach"],
    mustNot: [],
  },
  // ...and so is the account a read of one figure names in its query string: no list, a 404 outside the caller's reach.
  "Show the balance of one of my accounts": {
    flags: ["--summary", "The caller reads the balance of one of its accounts", "--context", "Payments", "--method", "GET", "--route", "/api/me/balance", "--value-object", "AccountId:uuid@query", "--response", "balance,currency"],
    must: ["| referenced-records |", "An id the request names (AccountId) is unknown or outside what the caller may reach"],
    mustNot: [],
  },
};

describeFit(CASES, "TRIAL12's use-cases are planned as they are (list filters by id)");
