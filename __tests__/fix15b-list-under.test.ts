/**
 * A list under one resource (`GET /api/teams/:teamId/invoices --resource Team`) finds that resource within the
 * caller's reach (404 otherwise), then lists its items and answers them, paged or not (fix15b): the steps never read
 * "the Team" as the answer. Unpaged, every item is answered, and how many at most and in what order is asked; paged,
 * a page in a stable order with a next cursor. A read of one Team keeps its one-record steps.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const FOUND = "The handler finds the Team through the read-only query port, in a query scoped to the caller as its member (one the caller is not member of is not found, and answers 404 as a missing one), then lists ";
const CAP_QUESTION = "How many items can one answer hold at most, and in what order";

const CASES: Record<string, FitCase> = {
  "List invoices of a team": {
    flags: ["--method", "GET", "--route", "/api/teams/:teamId/invoices", "--resource", "Team", "--relation", "member", "--response", "number,amount"],
    must: [
      `${FOUND}its invoices, every one (how many at most, and in what order, is an open question), answered as the items: none is an empty list (200)`,
      "H->>R: list the invoices of the Team the caller is member of",
      "items = query.listForMember(callerId, id, criteria)  // null -> 404: missing or not member; an empty list -> 200 with no items",
      "listForMember(callerId: string, id: string, criteria: Criteria): Promise<readonly InvoiceView[] | null>;",
      "This use-case lists invoices of one Team, the Team found by `:teamId`",
      CAP_QUESTION,
    ],
    mustNot: ["The handler reads the Team", "H->>R: find the Team", "view = query.findForMember", "a page", "This use-case reads one Team", "nextCursor"],
  },
  "Page through invoices of a team": {
    flags: ["--method", "GET", "--route", "/api/teams/:teamId/invoices", "--resource", "Team", "--relation", "member", "--capability", "pagination", "--response", "number,amount"],
    must: [
      `${FOUND}a page of its invoices, in a stable order from the cursor's position, answered as the items with a next cursor while more follow`,
      "H->>R: list a page of the invoices of the Team the caller is member of",
      "an empty page -> 200 with no items",
      "This use-case lists invoices of one Team a page at a time",
    ],
    mustNot: ["The handler reads the Team", "H->>R: find the Team", "every one", CAP_QUESTION],
  },
  // Under the caller's own Project: found in the caller's scope, then its tasks listed.
  "List tasks of my project": {
    flags: ["--method", "GET", "--route", "/api/me/projects/:projectId/tasks", "--resource", "Project", "--response", "title"],
    must: ["The handler finds the Project through the read-only query port, scoped to the caller (one outside that scope answers 404, as a missing one), then lists its tasks, every one", "items = query.listForCaller(callerId, id, criteria)", CAP_QUESTION],
    mustNot: ["The handler reads the Project", "view = query.", "a page"],
  },
  "Get a team": {
    flags: ["--method", "GET", "--route", "/api/teams/:teamId", "--resource", "Team", "--relation", "member", "--response", "name"],
    must: ["The handler reads the Team through the read-only query port, in a query scoped to the caller as its member", "view = query.findForMember(callerId, id)", "This use-case reads one Team"],
    mustNot: ["then lists", "readonly items:", CAP_QUESTION, "listForMember"],
  },
};

describeFit(CASES, "a list under one resource finds it, then lists its items (fix15b)");
