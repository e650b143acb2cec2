/**
 * A GET of the caller's one record its /me route names by its singular (`GET /api/me/profile --resource Profile`)
 * answers that one object, found by the credential alone (404 when the caller has none), never `{ items }` nor an
 * empty list (fix15b); `GET /api/me/invoices --resource Invoice`, the collection's plural, is still a list of the
 * caller's own; a change of the caller's one profile keeps its own-one items.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const LIST_ROW = "| 200 | Found: the list of items, each with the response fields above";

const CASES: Record<string, FitCase> = {
  "Get my profile": {
    flags: ["--summary", "The signed-in user reads their own profile", "--method", "GET", "--route", "/api/me/profile", "--resource", "Profile", "--response", "displayName,bio,avatarUrl"],
    must: [
      "export interface GetMyProfileBody {\n  readonly displayName: unknown;",
      "| 200 | Found: the response fields above | none | the response fields |",
      "view = query.findForCaller(callerId)  // null -> 404: the caller has none",
      "findForCaller(callerId: string): Promise<ProfileView | null>;",
      "the caller's own, found by the credential's identity alone (404 when the caller has none)",
      "A caller who has no Profile yet gets 404.",
      "This use-case reads the caller's own Profile",
    ],
    mustNot: [LIST_ROW, "GetMyProfileItem", "readonly items:", "empty list", "listForCaller", "Profiles are listed", "found by what the request names", "query-list"],
  },
  "List my invoices": {
    flags: ["--method", "GET", "--route", "/api/me/invoices", "--resource", "Invoice", "--response", "number,amount"],
    must: ["readonly items: readonly ListMyInvoicesItem[];", LIST_ROW, "items = query.listForCaller(callerId, criteria)", "answers 200 with an empty list when nothing matches", "Only the caller's own Invoices are listed"],
    mustNot: ["findForCaller", "A caller who has no Invoice yet gets 404.", "access-self-one"],
  },
  "Update my profile": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--resource", "Profile", "--value-object", "Bio:string(0..500)", "--response", "bio"],
    must: ["target = repository.findForCaller(callerId)  // null -> 404: the caller has none", "A caller who has no Profile yet gets 404."],
    mustNot: [LIST_ROW, "empty list", "listForCaller"],
  },
};

describeFit(CASES, "a GET of the caller's one record under /me answers it, not a list (fix15b)");
