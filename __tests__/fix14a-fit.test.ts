/**
 * Plans true for their use-case (session 14, fix14a): each use-case is planned from its flags, and its plan and code are
 * checked for the statement that was missing or false, beside unlike use-cases for what must stay. All are planned into
 * one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // 1. An error the summary says as a clause ("the last owner cannot leave") says when it applies: in its requirement,
  // its contract row, its handler step and its test, never "(TODO say when)".
  "Leave a team": {
    flags: ["--summary", "A member leaves a team; the last owner cannot leave", "--method", "DELETE", "--route", "/api/teams/:teamId/members/me", "--resource", "Team", "--relation", "member", "--error", "LastOwnerCannotLeave:409"],
    must: ["When the last owner tries to leave, the answer is 409 (LastOwnerCannotLeave)", "| 409 | LastOwnerCannotLeave: the last owner tries to leave |", "if the last owner tries to leave -> LastOwnerCannotLeave (409)", "answers 409 LastOwnerCannotLeave when the last owner tries to leave"],
    mustNot: ["When LastOwnerCannotLeave applies", "say when", "when it applies -> LastOwnerCannotLeave"],
  },
  // ...a clause with words between the name's, after "fails if": the condition from its article, said once.
  "Book a room slot": {
    flags: ["--summary", "The attendee books a slot; fails if the slot is already full", "--route", "/api/slots/:slotId/bookings", "--resource", "Slot", "--error", "SlotAlreadyFull:409"],
    must: ["When the slot is already full, the answer is 409 (SlotAlreadyFull)", "if the slot is already full -> SlotAlreadyFull (409)"],
    mustNot: ["When SlotAlreadyFull applies", "if if"],
  },
  // ...a criterion's words say it as well as a summary's.
  "Transfer team ownership": {
    flags: ["--route", "/api/teams/:teamId/owner", "--resource", "Team", "--value-object", "NewOwnerId:uuid", "--error", "NewOwnerNotMember:422", "--criteria", "Given the new owner is not a member, when the owner transfers the team, then the answer is 422"],
    must: ["When the new owner is not a member, the answer is 422 (NewOwnerNotMember)"],
    mustNot: ["When NewOwnerNotMember applies"],
  },
  // ...while an error whose name the answers' words do not say still asks when, and a bare 404 on a load stays its own.
  "Rename a team": {
    flags: ["--summary", "The owner renames a team; names are unique in an organisation", "--route", "/api/teams/:teamId/name", "--method", "PUT", "--resource", "Team", "--value-object", "TeamName:string(1..80)", "--error", "TeamNameTaken:409", "--error", "TeamNotFound:404"],
    must: ["When TeamNameTaken applies (TODO(plan): say when)", "null -> TeamNotFound (404)"],
    mustNot: ["When names are unique"],
  },
  // 2. A PATCH of the caller's own fields with no version from the client promises no 409 it cannot earn or avoid: the
  // last write wins, said as such and asked as a decision ...
  "Update my profile": {
    flags: ["--method", "PATCH", "--route", "/api/me", "--value-object", "DisplayName?:string(1..80)", "--value-object", "Bio?:string(0..500)"],
    must: ["Saves the change; the client sends no version, so of two at once the last one wins.", "the client sends no version: of two at once the last one wins", "The client sends no version, and each PATCH sets the fields it carries, so of two at once the last wins: must a client be kept from overwriting a newer change (If-Match with the ETag it read, 412 when it changed)?"],
    mustNot: ["| 409 |", "version conflict", "answers 409 when the record changed", "| Conflict | 409 |", "VersionConflict answers 409"],
  },
  // ...while a PATCH whose rule reads the stored state (a transition) keeps the check of the version it read ...
  "Close a support ticket": {
    flags: ["--method", "PATCH", "--route", "/api/tickets/:ticketId", "--resource", "Ticket", "--transition", "Open->Closed"],
    must: ["| 409 | The record changed since it was read (version conflict)", "version conflict -> 409", "answers 409 when the record changed since it was read"],
    mustNot: ["the last one wins"],
  },
  // ...and one with the client's If-Match answers its stale copy with 412.
  "Edit a document": {
    flags: ["--method", "PATCH", "--route", "/api/documents/:documentId", "--resource", "Document", "--value-object", "Title?:string(1..80)", "--value-object", "IfMatch:string(1..100)@header"],
    must: ["| 412 | If-Match does not match the Document's current ETag", "Saves the change; fails on a version conflict."],
    mustNot: ["the last one wins", "the last wins"],
  },
  // 3. A bare 404 on the caller's own record found by the credential says what is missing (the caller's profile), once,
  // and the read is no list: no "empty list, never 404" beside it.
  "Get my profile": {
    flags: ["--method", "GET", "--route", "/api/me/profile", "--error", "ProfileNotFound:404"],
    must: ["| 404 | ProfileNotFound: the caller has no profile yet | none | problem+json |", "When the caller has no profile yet, the answer is 404 (ProfileNotFound)", "if the caller has no profile yet -> ProfileNotFound (404)"],
    mustNot: ["| 404 | ProfileNotFound |", "say when", "empty list", "never 404", "When ProfileNotFound applies"],
  },
  // ...while the caller's own list still answers an empty one, and a record the request names is "no such" one.
  "List my meetings": {
    flags: ["--method", "GET", "--route", "/api/me/meetings", "--capability", "pagination"],
    must: ["A query that matches nothing answers 200 with an empty list, never 404."],
    mustNot: ["the caller has no"],
  },
  "Get an invoice": {
    flags: ["--method", "GET", "--route", "/api/invoices/:invoiceId", "--resource", "Invoice", "--error", "InvoiceNotFound:404"],
    must: ["InvoiceNotFound (404)"],
    mustNot: ["the caller has no invoice"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix14a)");
