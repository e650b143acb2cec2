/**
 * Plans true for their use-case (session 21, left21: the findings session 20 left open, LEFT21 in the notes): each
 * use-case is planned from its flags, and its plan and code are checked for the statement that was missing or false,
 * beside unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict
 * and whose generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // LEAD20 C1. A ticket scanned at the door checks in once: one check-in per ticket held by the store (a unique key or a
  // conditional update of the ticket). Every check-in held the Event FOR UPDATE, which serialises a busy door, with "a
  // table booked twice, a refund past what was captured" as its threat.
  "Check in attendee": {
    flags: ["--summary", "Event staff scan an attendee's ticket QR code at the door to check them in; a ticket checks in once", "--route", "/api/events/:eventId/check-ins", "--auth", "roles", "--roles", "event-staff", "--resource", "Event", "--value-object", "EventId:uuid@path", "--value-object", "TicketCode:string(8..64)", "--response", "ticketId,checkedInAt", "--error", "TicketAlreadyCheckedIn:409:the ticket was checked in before", "--error", "TicketNotForEvent:422:the ticket is for another event"],
    must: [
      "| check-in-once |",
      "A ticket checks in once: the store holds one check-in per ticket (a unique key on the ticket, or its checked-in mark set by one conditional update where it is not set yet), so two scans of one ticket at once add one and the other answers 409 TicketAlreadyCheckedIn; the Event is only read, never locked",
      "event = repository.find(id)  // null -> 404  // read only",
    ],
    mustNot: ["FOR UPDATE", "a table booked twice", "a refund past what was captured", "| parent-checked-concurrent |", "holds for the check"],
  },
  // ... while a reservation the restaurant must have room for still holds the restaurant for its check.
  "Reserve a table": {
    flags: ["--route", "/api/restaurants/:restaurantId/reservations", "--resource", "Restaurant", "--relation", "none", "--value-object", "RestaurantId:uuid@path", "--value-object", "PartySize:int(1..12)", "--response", "reservationId", "--error", "SlotUnavailable:409:no table for the party is free at that slot"],
    must: ["| parent-checked-concurrent |", "FOR UPDATE  // held until the add commits", "the second request answers 409 SlotUnavailable"],
    mustNot: ["| check-in-once |", "scans of other"],
  },
  // TRIAL20 G10. Signing out every other device changes no field: its audit entry names the sessions revoked and the one
  // kept. It held "the old and the new value of each field the request changed".
  "Revoke my other sessions": {
    flags: ["--summary", "A signed-in user signs out every other device: all their sessions and refresh tokens are revoked except the current one", "--route", "/api/me/sessions/revoke-others", "--success", "200", "--response", "revokedCount", "--audit"],
    must: ["| audit-sessions-revoked |", "The audit record of the revocation names the sessions it revoked (each one's id, and its device by reference) and the session it kept", "audit.record(actor id, action, each revoked session's id and device, the session kept, outcome, correlationId)"],
    mustNot: ["the old and the new value of each field", "old -> new value", "| audit-change |"],
  },
  // ... while an audited change of a record keeps what changed, from what to what.
  "Rename project": {
    flags: ["--method", "PATCH", "--route", "/api/projects/:projectId", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "Name:string(1..100)", "--audit"],
    must: ["| audit-change |", "the old and the new value of each field the request changed", "each changed field's old -> new value"],
    mustNot: ["| audit-sessions-revoked |", "sessions it revoked"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (left21)");
