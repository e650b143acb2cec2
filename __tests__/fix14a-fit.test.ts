/**
 * Plans true for their use-case (session 14, fix14a): each use-case is planned from its flags, and its plan and code are
 * checked for the statement that was missing or false, beside unlike use-cases for what must stay. All are planned into
 * one folder, whose code compiles under tsc --strict and whose generated tests pass.
 */
import { continued } from "../lib/render/when-clause.js";
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
    must: ["Saves the change; the client sends no version, so of two at once the last one wins.", "the client sends no version: of two at once the last one wins", "| flow-change-last-write-wins |", "The client sends no version, and each PATCH sets the fields it carries, so of two at once the last wins: must a client be kept from overwriting a newer change (If-Match with the ETag it read, 412 when it changed)?"],
    // The question is flow-change-last-write-wins's, on a when fact, where the lost-update pack was edited after it applied (fix19a).
    mustNot: ["| 409 |", "version conflict", "answers 409 when the record changed", "| Conflict | 409 |", "VersionConflict answers 409", "| flow-change-lost-update |"],
  },
  // ...while a PATCH whose rule reads the stored state (a transition) keeps the check of the version it read ...
  "Close a support ticket": {
    flags: ["--method", "PATCH", "--route", "/api/tickets/:ticketId", "--resource", "Ticket", "--transition", "Open->Closed"],
    must: ["| 409 | The record changed since it was read (version conflict)", "version conflict -> 409", "answers 409 when the record changed since it was read", "| flow-change-lost-update |"],
    mustNot: ["the last one wins", "| flow-change-last-write-wins |"],
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
  // 4. A call out shows in the diagrams where the steps make it, and its other end is the fact's: a URL the request gives
  // is the customer's endpoint, called with no credential of ours (no secret store) ...
  "Register a webhook endpoint": {
    flags: ["--summary", "An owner registers a URL we call with signed event deliveries; the signing secret is shown once", "--route", "/api/webhooks", "--value-object", "Url:url", "--capability", "external-call", "--response", "webhookId,signingSecret"],
    must: [
      "participant X as The URL the request gives",
      /A->>H: request parsed[^\n]*\n {4}H->>X: call it within the timeout[^\n]*\n {4}X-->>H: [^\n]*\n {4}H->>R: save the new aggregate/,
      'handler --> external["The URL the request gives',
      "The handler calls the URL the request gives, over HTTPS",
      "outcome = external.call(",
    ],
    // The signing secret's own encryption key is kept in the secret store (LEAD19 L2): no credential of ours is.
    mustNot: ["its credentials from the secret store", "Credentials for the external system", "configured hosts only, secrets"],
  },
  // ...a configured partner is ours to call with its credentials from the secret store, shown as such ...
  "Charge a card with the payment provider": {
    flags: ["--route", "/api/payments", "--value-object", "AmountMinor:int(1..1000000)", "--capability", "external-call"],
    must: ["participant X as External system", "call it within the timeout #40;a configured host#44; its credentials from the secret store#41;", "Credentials for the external system come from the secret store", "the logs and the error response of a failed external call contain no API key", "The handler calls the external system at a configured host"],
    mustNot: ["The URL the request gives"],
  },
  // ...and a use-case that calls nothing out draws no other end.
  "Create a note": {
    flags: ["--route", "/api/notes", "--value-object", "Body:string(1..2000)"],
    must: ["H->>R: save the new aggregate"],
    mustNot: ["participant X", "handler --> external", "secret store"],
  },
  // 5. The public cacheable read's NFR says nothing of a secret: an answer reached by a token or handing one out never
  // reaches that pack (its when), and is no-store by its own.
  "Get a recipe": {
    flags: ["--method", "GET", "--auth", "anonymous", "--route", "/api/recipes/:recipeId", "--resource", "Recipe", "--response", "title,steps"],
    must: ["Answers are cacheable: Cache-Control: public with a max-age, an ETag that a matching If-None-Match answers with 304 and no body, and the CDN purged when a record changes or stops being public. |"],
    mustNot: ["carries a secret", "no-store"],
  },
  "Get a guest pass": {
    flags: ["--method", "GET", "--auth", "anonymous", "--route", "/api/events/:eventId/guest-pass", "--resource", "Event", "--response", "passCode,apiKey"],
    must: ["Cache-Control: no-store", "| response-secret |"],
    mustNot: ["Answers are cacheable", "access-anonymous-read-cacheable", "Cache-Control: public"],
  },
  "Get a shared album": {
    flags: ["--method", "GET", "--auth", "anonymous", "--route", "/api/shared-albums/:shareToken", "--resource", "Album", "--capability", "secret-link-redeem", "--value-object", "ShareToken:string(20..100)@path"],
    must: ["no-store"],
    mustNot: ["Answers are cacheable", "Cache-Control: public"],
  },
  // 6. A one-word error name joined after "; " in a status row keeps its case, while an ordinary first word is lower-cased.
  "Close a booking": {
    flags: ["--method", "PATCH", "--route", "/api/bookings/:bookingId", "--resource", "Booking", "--transition", "Open->Closed", "--error", "Conflict:409:the booking is being paid"],
    must: ["| 409 | The record changed since it was read (version conflict); the Booking is not in a state that allows this change; Conflict: the booking is being paid |"],
    mustNot: ["; conflict: the booking"],
  },
  // TRIAL10 X4: a field named as a count is a number and one named as a yes/no a boolean, in the event and the contract;
  // a name that only ends in "count" (discount) and any other stays the answers' to type.
  "Sign out of all my other devices": {
    flags: ["--method", "POST", "--route", "/api/me/sessions/revoke-others", "--response", "revokedCount,hasMore", "--event", "OtherSessionsRevoked:userId,revokedCount"],
    must: ["userId: string, revokedCount: number", "Response fields: `revokedCount` (number), `hasMore` (boolean).", "readonly revokedCount: number;"],
    mustNot: ["say the type of `revokedCount`", "revokedCount: string"],
  },
  "Apply a coupon to my cart": {
    flags: ["--method", "POST", "--route", "/api/me/cart/coupons", "--value-object", "Code:string(4..20)", "--response", "discount,itemCount", "--event", "CouponApplied:cartId,discount"],
    must: ["cartId: string, discount: string", "`itemCount` (number)", "say the type of `discount`"],
    mustNot: ["`discount` (number)"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (fix14a)");

describe("a condition continued after ';' (fix14a)", () => {
  it("lower-cases an ordinary first word and keeps a name, a proper noun or an acronym as written", () => {
    const ordinary = ["Over 5 requests", "The record changed", "Missing, invalid or expired credentials", "No such Team", "After 10 failed attempts", "Too many wrong codes"];
    expect(ordinary.map(continued)).toEqual(["over 5 requests", "the record changed", "missing, invalid or expired credentials", "no such Team", "after 10 failed attempts", "too many wrong codes"]);
    const names = ["API key revoked", "Stripe declined the card", "IBAN rejected by the bank", "OAuth state mismatch", "Google refused the token", "Conflict: the slot is taken", "AccountLocked: after 10", "URL refused"];
    expect(names.map(continued)).toEqual(names);
  });
});
