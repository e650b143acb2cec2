/**
 * Plans true for their use-case (session 16, fix16b): last session's leftovers.
 * 1. A /me route's one id names a record of the caller's own even without --resource ("Rotate my API key",
 *    `POST /api/me/api-keys/:keyId/rotate`): another user's key id answers as a missing one, never "no foreign record
 *    to hide behind a 404". A /me route that names no id (confirm my new email) stays the caller's own data.
 * 2. The team's 404 about the caller's own resource found by the credential (`GET /api/me/profile --resource Profile
 *    --error ProfileNotFound:404`) is the load's not-found answer: one row, one requirement, one test, the team's name,
 *    and no generic NotFound beside it. A 404 about another record (a payment method) stays a check of its own.
 * 3. The time-zone pack asked a booking's question ("the venue's" zone) of every zone the request gives: a usage
 *    report's range is read in the zone the caller gives, a preference is the caller's own; only a booking asks it.
 * 4. The team's own error for a refused ticket is the ticket check's answer by a `when` fact (ticketAnswered) and a
 *    pack split (ticket-verified-answers-error beside ticket-verified-not-valid), no longer by rewriting the pack's
 *    text after it applied: a ticket named CaseNumber, or an error worded "case", is matched as the fact says. So are a
 *    range's required ends and the answers' cap on its width (rangeEndsRequired, rangeWidthCapped: input-range-closed,
 *    input-range-dates-closed, -capped, -closed-capped).
 */
import { describe, expect, it } from "@jest/globals";
import { meRecordOfRoute } from "../generators/plan/facts/route-and-flow.js";
import { describeFit, type FitCase } from "./support/fit.js";

const NO_FOREIGN_RECORD = "there is no foreign record to hide behind a 404";

const CASES: Record<string, FitCase> = {
  // 1. The leftover, as it was given: no --resource; the key the route names is one of the caller's ApiKeys.
  "Rotate my API key": {
    flags: ["--method", "POST", "--route", "/api/me/api-keys/:keyId/rotate", "--auth", "authenticated", "--response", "apiKey"],
    must: [
      "Only the caller's own ApiKeys are reachable",
      "an id outside that scope is not found and answers 404, the same as a missing ApiKey",
      "| 404 | No such ApiKey; the ApiKey is not among the caller's own: the same answer as for a missing one |",
      "findForCaller(callerId: string, id: string): Promise<ApiKey | null>;",
      "This use-case changes one ApiKey, found by `:keyId` from the route",
      "| access-self-resource |",
      "| 200 | Done",
    ],
    mustNot: [NO_FOREIGN_RECORD, "| access-self |", "findForCaller(callerId: string): Promise<Aggregate | null>;", "| 201 |", "| flow-create |"],
  },
  // A new item under one of the caller's records the route names: a create under the Post, the Post the caller's own.
  "Comment on my post": {
    flags: ["--method", "POST", "--route", "/api/me/posts/:postId/comments", "--auth", "authenticated", "--value-object", "Body:string(1..500)"],
    must: ["| 404 | No such Post; the Post is not among the caller's own", "| 201 |", "| flow-create |"],
    mustNot: [NO_FOREIGN_RECORD],
  },
  // A read of one of the caller's records by its id: the query scoped to the caller, another's id a missing one.
  "Show my order": {
    flags: ["--method", "GET", "--route", "/api/me/orders/:orderId", "--auth", "authenticated", "--response", "orderId,total"],
    must: ["| 404 | No such Order; the Order is not among the caller's own", "| access-self-resource |"],
    mustNot: [NO_FOREIGN_RECORD, "| access-self |"],
  },
  // 2. The leftover: the team's not-found of the caller's own Profile is the load's null.
  "Get my profile": {
    flags: ["--method", "GET", "--route", "/api/me/profile", "--auth", "authenticated", "--resource", "Profile", "--error", "ProfileNotFound:404", "--response", "displayName"],
    must: [
      "| 404 | ProfileNotFound: the caller has no Profile | none | problem+json |",
      "| ProfileNotFound | 404 | no |",
      "view = query.findForCaller(callerId)  // null -> ProfileNotFound (404): the caller has none",
      "Unauthenticated -> 401; ProfileNotFound -> 404;",
      "A caller who has no Profile yet gets 404 (ProfileNotFound).",
      "answers 404 ProfileNotFound when the caller has no Profile",
    ],
    mustNot: ["| NotFound | 404 |", "NotFound -> 404; ProfileNotFound", "if the caller has no profile yet -> ProfileNotFound (404)", "When the caller has no profile yet, the answer is 404", /\| 404 \| The caller has no Profile/, "it.todo(\"INT-4 answers 404 ProfileNotFound"],
  },
  // The same load, where the team's 404 is about another record: the load's own 404 and the team's check, each once.
  "Renew my subscription": {
    flags: ["--method", "POST", "--route", "/api/me/subscription/renew", "--auth", "authenticated", "--resource", "Subscription", "--error", "PaymentMethodNotFound:404"],
    must: [
      "target = repository.findForCaller(callerId)  // null -> 404: the caller has none",
      "if the caller has no payment method yet -> PaymentMethodNotFound (404)",
      "| NotFound | 404 | no |",
      "| PaymentMethodNotFound | 404 | no |",
    ],
    mustNot: ["null -> PaymentMethodNotFound", "gets 404 (PaymentMethodNotFound)"],
  },
  // 3. TRIAL11 Y18's use-case: a report per day in the zone the caller gives; no venue, no "whose zone".
  "Show usage metrics of my organization for a date range": {
    flags: [
      "--summary", "Aggregated usage of the organization per day for a date range", "--method", "GET", "--route", "/api/orgs/:orgId/usage", "--auth", "authenticated",
      "--resource", "Organization", "--relation", "member", "--value-object", "From:date@query", "--value-object", "To:date@query", "--value-object", "TimeZone:string(1..64)@query",
      "--error", "RangeTooLong:400:the range spans more than 366 days", "--response", "days,totals",
    ],
    must: ["| time-zone |", "IANA zone name", "| aggregate-report-zoned |", "A day runs from local midnight to local midnight in the requested zone"],
    mustNot: ["venue", "Whose time zone shows a time", "| time-zone-booking |"],
  },
  // A booking's time happens at a place whose zone may not be the caller's: asked.
  "Book a consultation": {
    flags: ["--route", "/api/practitioners/:practitionerId/bookings", "--auth", "authenticated", "--resource", "Practitioner", "--relation", "none", "--value-object", "StartsAt:datetime", "--value-object", "TimeZone:string(1..64)"],
    must: ["| time-zone |", "| time-zone-booking |", "Whose time zone shows a time: the zone of the place where it happens (the practitioner's, the venue's) or the caller's"],
    mustNot: [],
  },
  // The caller's own zone, set as a preference: no venue either.
  "Set my time zone": {
    flags: ["--method", "PUT", "--route", "/api/me/time-zone", "--auth", "authenticated", "--value-object", "TimeZone:string(1..64)"],
    must: ["| time-zone |", "IANA zone name"],
    mustNot: ["venue", "Whose time zone shows a time"],
  },
  // 4. A case, not a ticket: the team's 404 about the case is the check's answer.
  "Unlock an account for a case": {
    flags: ["--summary", "A support agent unlocks a customer's account for a support case", "--auth", "roles", "--roles", "support-agent", "--route", "/api/accounts/:accountId/unlock", "--resource", "Account", "--value-object", "AccountId:uuid", "--value-object", "CaseNumber:pattern(C-[0-9]{1,8})", "--error", "CaseNotOpen:409:the case is closed or about another account", "--transition", "Locked->Active", "--audit"],
    must: ["| ticket-verified |", "| ticket-verified-answers-error |", "otherwise 409 (CaseNotOpen, as the answers say) and nothing is done", "=> 409 CaseNotOpen, nothing done", "answers 409 CaseNotOpen and nothing is done"],
    mustNot: ["TicketNotValid", "| ticket-verified-not-valid |", /\| 403 \| The ticket does not exist/],
  },
  // ...while an error about something else leaves the pack's 403 TicketNotValid.
  "Refund an order for a ticket": {
    flags: ["--summary", "A support agent refunds a customer's order for a ticket", "--auth", "roles", "--roles", "support-agent", "--route", "/api/orders/:orderId/refund", "--resource", "Order", "--value-object", "OrderId:uuid", "--value-object", "TicketId:string(1..40)", "--error", "OrderNotPaid:409:the order was never paid", "--transition", "Paid->Refunded"],
    must: ["| ticket-verified |", "| ticket-verified-not-valid |", "otherwise 403 (TicketNotValid) and nothing is done", "=> 403 TicketNotValid, nothing done", "| TicketNotValid | 403 |", "answers 403 and nothing is done"],
    mustNot: ["as the answers say) and nothing is done", "| ticket-verified-answers-error |"],
  },
  // 4. Both ends required and a cap of the team's, named unlike TRIAL11's (Since/Until, PeriodTooWide:422).
  "Count sign-ups per week": {
    flags: ["--summary", "An analyst counts sign-ups per week between two dates", "--auth", "roles", "--roles", "analyst", "--method", "GET", "--route", "/api/reports/sign-ups", "--value-object", "Since:date", "--value-object", "Until:date", "--error", "PeriodTooWide:422:the period spans more than 90 days", "--response", "weeks"],
    must: ["| input-range-closed |", "| input-range-dates-closed-capped |", "Since is not after Until; a request with the ends the wrong way round is refused with 400 naming both inputs, before anything is read.", "A range of dates set years wide", "refused with 422 (PeriodTooWide, as the answers say)", "answers 422 PeriodTooWide and reads nothing past it"],
    mustNot: ["One end alone is an open range", "missing end", "How wide may one request's range", "left open or set years wide", "| input-range |", "| input-range-dates |"],
  },
  // ...while optional ends and no cap keep every item of the range packs.
  "List payouts by date": {
    flags: ["--method", "GET", "--route", "/api/payouts", "--auth", "authenticated", "--value-object", "Since?:date", "--value-object", "Until?:date", "--response", "payoutId,amountMinor"],
    must: ["| input-range |", "| input-range-dates |", "One end alone is an open range.", "left open or set years wide", "How wide may one request's range of dates be (where Since is not after Until), and what does a missing end default to"],
    mustNot: ["as the answers say", "| input-range-closed |", "| input-range-dates-closed"],
  },
  // A /me route that names no record by id stays the caller's own data, found by the credential.
  "Confirm my new email": {
    flags: ["--method", "POST", "--route", "/api/me/email/confirm", "--auth", "authenticated", "--value-object", "Code:pattern([0-9]{6})"],
    must: [NO_FOREIGN_RECORD, "| access-self |", "| 200 | Done"],
    mustNot: ["| 404 |", "| access-self-resource |"],
  },
};

describeFit(CASES, "fix16b: each plan says what its kind of feature needs, and nothing false for it");

describe("the record a /me route names by its id (fix16b item 1)", () => {
  it.each([
    ["/api/me/api-keys/:keyId/rotate", "ApiKey"],
    ["/api/me/orders/{orderId}", "Order"],
    ["/api/me/posts/:postId/comments", "Post"],
    ["/api/me/:noteId", "Note"],
    ["/api/me/email/confirm", undefined],
    ["/api/me/profile", undefined],
    ["/api/me/orgs/:orgId/members/:memberId", undefined],
    ["/api/posts/:postId/like", undefined],
    ["/api/teams/:teamId/me", undefined],
  ])("%s: %s", (route, expected) => {
    expect(meRecordOfRoute(route)?.pascal).toBe(expected);
  });
});
