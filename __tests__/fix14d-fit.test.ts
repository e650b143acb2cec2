/**
 * A read that answers a list is typed and described as a list (TRIAL10 X10, fix14d): its handler's success body is
 * `{ items: <UseCase>Item[] }` (with a next cursor where it is paged) and its contract's 200 row says a list, an empty
 * one still 200; a read of one record, a read of the caller's one thing and a create keep their one-object body.
 * All are planned into one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const LIST_ROW = "| 200 | Found: the list of items, each with the response fields above";
/** Said where the query-list pack, which says it for lists naming no one resource, does not apply. */
const EMPTY = "; none found is an empty list, still 200";
const ONE_ROW = "| 200 | Found: the response fields above |";

const CASES: Record<string, FitCase> = {
  // The README's own example: a list under one Team named by the route, not paged.
  "List invoices of a team": {
    flags: ["--method", "GET", "--route", "/api/teams/:teamId/invoices", "--resource", "Team", "--relation", "member", "--response", "invoiceId,number,total"],
    must: [
      "export interface ListInvoicesOfATeamItem {\n  readonly invoiceId: unknown;\n  readonly number: unknown;\n  readonly total: unknown;\n}",
      "export interface ListInvoicesOfATeamBody {\n  readonly items: readonly ListInvoicesOfATeamItem[];\n}",
      `${LIST_ROW}${EMPTY} | none | the items, each with the response fields (an empty list when none) |`,
      "Reply<ListInvoicesOfATeamBody>",
    ],
    mustNot: [ONE_ROW, "export interface ListInvoicesOfATeamBody {\n  readonly invoiceId", "nextCursor?: string"],
  },
  // ...the same list paged: a next cursor beside the items.
  "Page through invoices of a team": {
    flags: ["--method", "GET", "--route", "/api/teams/:teamId/invoices", "--resource", "Team", "--relation", "member", "--response", "invoiceId,number,total", "--capability", "pagination"],
    must: [
      "export interface PageThroughInvoicesOfATeamBody {\n  readonly items: readonly PageThroughInvoicesOfATeamItem[];\n  readonly nextCursor?: string;\n}",
      `${LIST_ROW}; a next cursor while more pages follow${EMPTY} |`,
      "nextCursor names the next page, absent on the last one",
    ],
    mustNot: [ONE_ROW, "export interface PageThroughInvoicesOfATeamBody {\n  readonly invoiceId"],
  },
  // A list of the caller's own with no resource named.
  "List my meetings": {
    flags: ["--method", "GET", "--route", "/api/me/meetings", "--response", "meetingId,title,startsAt"],
    must: ["export interface ListMyMeetingsBody {\n  readonly items: readonly ListMyMeetingsItem[];\n}", "export interface ListMyMeetingsItem {\n  readonly meetingId: unknown;", `${LIST_ROW}; an empty list when nothing matches, never 404 |`,
      // ...and its steps read a list, not one answer: the query-list pack applies.
      "items = query.listForCaller(callerId, criteria)", "answers 200 with an empty list when nothing matches"],
    mustNot: [ONE_ROW, "nextCursor?: string", EMPTY, "readForCaller"],
  },
  // Must not: a read of one record keeps its one-object body...
  "Get an invoice": {
    flags: ["--method", "GET", "--route", "/api/invoices/:invoiceId", "--resource", "Invoice", "--relation", "team-member", "--response", "invoiceId,number,total"],
    must: ["export interface GetAnInvoiceBody {\n  readonly invoiceId: unknown;", ONE_ROW],
    mustNot: [LIST_ROW, "GetAnInvoiceItem", "readonly items:"],
  },
  // ...so does the caller's one profile under /me...
  "Get my profile": {
    flags: ["--method", "GET", "--route", "/api/me/profile", "--response", "displayName,email"],
    must: ["export interface GetMyProfileBody {\n  readonly displayName: unknown;", ONE_ROW],
    mustNot: [LIST_ROW, "GetMyProfileItem", "readonly items:"],
  },
  // ...and a create answers the one record it made.
  "Create an invoice": {
    flags: ["--method", "POST", "--route", "/api/invoices", "--resource", "Invoice", "--value-object", "InvoiceNumber:string(1..40)", "--response", "invoiceId,invoiceNumber"],
    must: ["export interface CreateAnInvoiceBody {\n  readonly invoiceId: unknown;", ": the response fields above |"],
    mustNot: [LIST_ROW, "CreateAnInvoiceItem", "readonly items:", "empty list"],
  },
};

describeFit(CASES, "a read answering a list is typed and described as one (fix14d)");
