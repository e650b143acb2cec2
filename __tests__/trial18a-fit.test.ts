/**
 * Plans true for their use-case (session 18, trial18a; findings in /work/notes/TRIAL18A.md): each use-case is planned
 * from its flags, and its plan and code are checked for the statement that was false or missing, beside unlike
 * use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const REVIEW = ["--route", "/api/products/:productId/reviews", "--resource", "Product", "--relation", "none", "--value-object", "ProductId:uuid@path", "--value-object", "Rating:int(1..5)", "--value-object", "Title:string(1..120)", "--value-object", "Body:string(1..5000)", "--response", "reviewId,status", "--event", "ReviewSubmitted:reviewId,productId,rating", "--error", "NotAPurchaser:403:the caller has not bought the product", "--error", "ReviewAlreadyExists:409:the caller has already reviewed the product"];

const EXPORT = ["--route", "/api/organizations/:organizationId/audit-log/exports", "--resource", "Organization", "--relation", "admin", "--async", "--value-object", "OrganizationId:uuid@path", "--value-object", "From:date", "--value-object", "To:date", "--capability", "file-download", "--rate-limit", "3/1h", "--error", "RangeTooLong:400:the date range is longer than a year"];

const CASES: Record<string, FitCase> = {
  // D1. Two reviews at once: the second meets the one-per-product rule (409), never "403 NotAPurchaser": an error about
  // who the caller is is no check of what the Product holds.
  "Write a product review": {
    flags: [...REVIEW, "--summary", "A customer who bought the product writes a review of it, one per product"],
    must: ["the second request answers 409 ReviewAlreadyExists", "The Product decides whether the new Review is allowed (ReviewAlreadyExists)"],
    mustNot: ["the other answers 403 NotAPurchaser", "the second request answers 403 NotAPurchaser", "is allowed (NotAPurchaser"],
  },
  // D2. The answers name their own refusal of a second review (ReviewAlreadyExists): the once-per-rater rule answers
  // with it, no AlreadyRated beside it. D3. A review published after moderation counts in the average only once
  // approved: stored pending, the Product's sum and count untouched by this request.
  "Write a moderated product review": {
    flags: [...REVIEW, "--summary", "A customer who bought the product writes a review of it, one per product; it is published after moderation", "--criteria", "Given a new review, when it is submitted, then it is pending moderation and not shown"],
    must: ["a second request answers 409 ReviewAlreadyExists and stores nothing", "The rating is stored pending moderation and counts nowhere yet", "in the transaction that approves the rating", "| rating-moderated |", "| rating-once-answered |"],
    mustNot: ["AlreadyRated", "in the same transaction as the rating is saved", "| rating |", "| rating-once |"],
  },
  // ... while a ride rated with no error of the answers' and no moderation keeps AlreadyRated and the average moved at once.
  "Rate a finished ride": {
    flags: ["--summary", "The passenger rates the driver of a completed ride from 1 to 5 stars", "--route", "/api/rides/:rideId/rating", "--resource", "Ride", "--relation", "passenger", "--value-object", "RideId:uuid@path", "--value-object", "Stars:int(1..5)"],
    must: ["409 AlreadyRated", "in the same transaction as the rating is saved", "| rating |", "| rating-once |"],
    mustNot: ["stored pending moderation", "rating-moderated", "rating-once-answered"],
  },
  // ... while a refund the Payment must allow keeps its own refusal, the Payment held for the check and the add.
  "Refund part of a captured payment": {
    flags: ["--route", "/api/payments/:paymentId/refunds", "--resource", "Payment", "--value-object", "PaymentId:uuid@path", "--value-object", "Amount:int(1..100000)", "--error", "RefundExceedsCaptured:422:the amount is more than what is left to refund"],
    must: ["the other answers 422 RefundExceedsCaptured", "FOR UPDATE", "| parent-checked-concurrent |"],
    mustNot: ["the other answers 409,"],
  },
  // D22. A range's width is the request's own inputs: RangeTooLong is checked with them, before anything is read, and
  // tested by a request one year and a day wide, never by a seeded Organization.
  "Export the audit log as CSV": {
    flags: EXPORT,
    must: ["the answer is 400 (RangeTooLong), in the one problem+json shape, checked with the inputs before anything is read", "if the date range is longer than a year -> RangeTooLong (400), nothing read", 'a request whose inputs make "the date range is longer than a year" hold'],
    mustNot: ['seeded so that "the date range is longer than a year" holds'],
  },
  // ... while an error of what is stored (an export already running) is still arranged by a seeded record.
  "Export the audit log once at a time": {
    flags: [...EXPORT.slice(0, -2), "--error", "ExportAlreadyRunning:409:an export of the organisation is already running"],
    must: ['seeded so that "an export of the organisation is already running" holds'],
    mustNot: ["already running, the answer is 409 (ExportAlreadyRunning), in the one problem+json shape, checked with the inputs"],
  },
  // D4. A share of the caller's one record (`/api/me/medical-record/shares`) creates a Share: 201 with its Location, the
  // record only read; D5. so no question asks which field of the record a run's time is taken from.
  "Share my medical record with a clinician": {
    flags: ["--summary", "A patient shares their medical record with another clinician for 7 days; the patient may revoke the share at any time before", "--route", "/api/me/medical-record/shares", "--resource", "MedicalRecord", "--value-object", "ClinicianId:uuid", "--response", "shareId,clinicianId,expiresAt", "--scheduled-command", "ExpireRecordShare", "--event", "MedicalRecordShared:shareId,clinicianId,expiresAt", "--event", "MedicalRecordShareExpired:shareId@ExpireRecordShare", "--error", "ClinicianNotFound:404:no such clinician is registered", "--audit"],
    must: ["A successful request saves the new aggregate", "respond 201 with Location of the new Share", "The MedicalRecord itself is not changed"],
    mustNot: ["applies the change", "Does the change move the MedicalRecord to another state", "from which field of the MedicalRecord is its time taken", "loads the MedicalRecord again when it runs", "FOR UPDATE"],
  },
  // D6. A record shared with a clinician tells that clinician, named by the request: per-recipient caps, the sender told;
  // never "the caller's own account".
  "Share my medical record with a clinician by e-mail": {
    flags: ["--route", "/api/me/medical-record/shares", "--resource", "MedicalRecord", "--value-object", "ClinicianId:uuid", "--response", "shareId,expiresAt", "--capability", "sends-message-email"],
    must: ["| capability-sends-message-told |", "outbox.add(MESSAGE_NAME, { recipientId })"],
    mustNot: ["The message goes only to the caller's own account", "capability-sends-message-own", "recipientId: callerId"],
  },
  // ... while the caller's own confirmation of a change of its own record still goes to its own account.
  "Update my medical record's blood type": {
    flags: ["--method", "PUT", "--route", "/api/me/medical-record/blood-type", "--resource", "MedicalRecord", "--value-object", "BloodType:enum(A|B|AB|O)", "--capability", "sends-message-email"],
    must: ["| capability-sends-message-own |", "recipientId: callerId"],
    mustNot: ["capability-sends-message-told"],
  },
  // ... while an item added to the caller's cart stays a change of the Cart its first add creates.
  "Add an item to my cart": {
    flags: ["--route", "/api/me/cart/items", "--resource", "Cart", "--value-object", "ProductId:uuid", "--value-object", "Quantity:int(1..99)"],
    must: ["The handler loads the record, applies the change and saves it", "| access-self-one-created |", "respond 200"],
    mustNot: ["respond 201", "saves the new aggregate"],
  },
  // D13. A personal access token a signed-in caller creates is a kept secret: random, shown once, stored hashed, its
  // scopes within the caller's, capped, expiring, revocable (api-key-issue, response-secret).
  "Create a personal access token": {
    flags: ["--route", "/api/me/tokens", "--value-object", "Name:string(1..100)", "--value-object", "Scopes:enum(read|write|admin)[1..3]", "--value-object", "ExpiresInDays:int(1..365)", "--response", "tokenId,token,expiresAt,scopes", "--event", "PersonalAccessTokenCreated:userId,tokenId,scopes", "--audit"],
    must: ["| api-key-issue |", "| response-secret |", "The secret in `token` is made by a cryptographically secure random generator", "The scopes asked for are a subset of the caller's own permissions"],
    mustNot: [],
  },
  // ... while a sign-in's token is its session's: no kept secret of the caller's.
  "Sign in for an access token": {
    flags: ["--auth", "anonymous", "--route", "/api/auth/tokens", "--capability", "sign-in", "--value-object", "Email:email", "--value-object", "Password:string(8..128)", "--response", "token,expiresAt", "--pii", "email"],
    must: [],
    mustNot: ["| response-secret |", "| api-key-issue |", "The secret in `token`"],
  },
  // D15. Days taken from the member's leave balance, another record than the LeaveRequest: one conditional update of
  // the balance in the approval's transaction, so two approvals at once never overspend it.
  "Approve a leave request": {
    flags: ["--summary", "A manager approves a leave request of a member of their team; the days are taken from the member's leave balance", "--route", "/api/leave-requests/:leaveRequestId/approve", "--resource", "LeaveRequest", "--relation", "manager", "--value-object", "LeaveRequestId:uuid@path", "--transition", "Pending->Approved", "--error", "InsufficientLeaveBalance:422:the member's balance does not cover the requested days"],
    must: ["| shared-quota |", "`SET left = left - n WHERE id = ? AND left >= n`, n what is taken: one use, the quantity, the days"],
    mustNot: ["left = left - 1"],
  },
  // ... while a rejection takes nothing from the balance.
  "Reject a leave request": {
    flags: ["--summary", "A manager rejects a leave request of a member of their team", "--route", "/api/leave-requests/:leaveRequestId/reject", "--resource", "LeaveRequest", "--relation", "manager", "--value-object", "LeaveRequestId:uuid@path", "--transition", "Pending->Rejected"],
    must: [],
    mustNot: ["| shared-quota |"],
  },
  // D14. A booking that moves the Slot itself to Booked (a change of `/slots/:slotId/booking`) is a reservation: live
  // ones per caller capped, or one account holds every slot.
  "Book an appointment slot": {
    flags: ["--route", "/api/slots/:slotId/booking", "--resource", "Slot", "--relation", "none", "--value-object", "SlotId:uuid@path", "--transition", "Open->Booked", "--error", "SlotUnavailable:409:the slot is already booked or no longer open"],
    must: ["| reservation-per-caller |", "One caller holds at most 3 live reservations at a time", "How long does a reservation hold the Slot"],
    mustNot: [],
  },
  // ... while a doctor closing a slot reserves nothing.
  "Close an appointment slot": {
    flags: ["--route", "/api/slots/:slotId/close", "--resource", "Slot", "--relation", "none", "--value-object", "SlotId:uuid@path", "--transition", "Open->Closed"],
    must: [],
    mustNot: ["| reservation-per-caller |", "live reservations"],
  },
  // D11. "between my accounts": both ids name the caller's own Accounts, looked up among them, and which records they
  // may name is not asked.
  "Transfer money between my accounts": {
    flags: ["--summary", "A customer transfers money between two of their own bank accounts in the same currency", "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "Amount:int(1..100000000)", "--response", "transferId,status"],
    must: ["is found through a query scoped to the caller's own records (the use-case's words say they are its own)", "Must FromAccountId and ToAccountId differ (the same Account on both sides: a move from an Account to itself)?"],
    mustNot: ["Which records may FromAccountId, ToAccountId name", "| referenced-records-reach-open |"],
  },
  // ... while a payment to another customer's account still asks which records the id may name.
  "Send money to a payee": {
    flags: ["--summary", "A customer sends money from one of their accounts to a payee", "--route", "/api/payments", "--value-object", "FromAccountId:uuid", "--value-object", "PayeeId:uuid", "--value-object", "Amount:int(1..100000000)"],
    must: ["Which records may FromAccountId, PayeeId name", "| referenced-records-reach-open |", "scoped to what the caller may reach"],
    mustNot: ["the caller's own records (the use-case's words"],
  },
  // D8. The answers name their own error for a device already claimed (409): "used up" is no longer among the misses
  // answered alike by 404, and the 409 is said, for the holder of a real code only.
  "Claim a device with its code": {
    flags: ["--summary", "A household member claims a device with the claim code printed on it", "--route", "/api/households/:householdId/devices", "--resource", "Household", "--relation", "member", "--value-object", "HouseholdId:uuid@path", "--value-object", "ClaimCode:pattern([A-Z0-9]{16})", "--enumeration", "claim code", "--error", "DeviceAlreadyClaimed:409:the device belongs to a household already"],
    must: ["Every way of not finding a claim code (unknown, expired or revoked) gets the same 404 body", "one already used or taken answers 409 (DeviceAlreadyClaimed), as the answers say"],
    mustNot: ["(unknown, expired, revoked, used up)"],
  },
  // ... while a coupon code with no error of its own for a used one keeps "used up" among the misses.
  "Apply a coupon code to my cart": {
    flags: ["--route", "/api/me/cart/coupon", "--resource", "Cart", "--value-object", "CouponCode:pattern([A-Z0-9]{12})", "--enumeration", "coupon code"],
    must: ["Every way of not finding a coupon code (unknown, expired, revoked, used up) gets the same 404 body"],
    mustNot: ["one already used or taken answers"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (trial18a)");
