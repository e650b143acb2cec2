/**
 * Plans true for their use-case (session 19, left19a: TRIAL18A's leftovers, see /work/notes/LEFT19A.md): each use-case
 * is planned from its flags, and its plan and code are checked for the statement that was false or missing, beside
 * unlike use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const CASES: Record<string, FitCase> = {
  // D7. Claiming a device by its printed code under a household's devices takes the Device (its household from none to
  // this one) by one conditional update; the Household is only where it goes, never saved, so no version of it guards
  // anything: two households claiming one device at once change two different Households.
  "Claim IoT device": {
    flags: [
      "--summary", "A household member claims a device with the claim code printed on it; the device then belongs to the household",
      "--route", "/api/households/:householdId/devices", "--resource", "Household", "--relation", "member",
      "--value-object", "HouseholdId:uuid@path", "--value-object", "ClaimCode:pattern([A-Z0-9]{16})",
      "--response", "deviceId,name", "--enumeration", "claim code", "--rate-limit", "5/15m",
      "--event", "DeviceClaimed:deviceId,householdId", "--error", "DeviceAlreadyClaimed:409:the device belongs to a household already", "--audit",
    ],
    must: [
      "| flow-change-claim |",
      "takes it for the Household by one conditional update of the Device (its Household set only where it has none",
      "The Household is only read (for access), never saved, so no version of it is checked.",
      "Two Households claim the same Device at once",
      "-> no row changed => DeviceAlreadyClaimed (409), nothing saved",
      "device = the Device the claim code names -> none => 404",
      // D19: a printed code read first by someone else, kept in clear text, or guessed over many accounts.
      "| flow-change-claim-code |",
      "The claim code is kept only as a hash",
      "(claim squatting)",
      "Wrong claim codes are counted across accounts too",
      "How does the claimer prove they hold the Device, beyond its printed claim code",
    ],
    mustNot: ["| flow-change-lost-update |", "| flow-change |", "Two concurrent changes overwrite each other", "version conflict", "The record changed since it was read", "Does the change move the Household to another state", "apply the change"],
  },
  // ... while a key that admits the caller (an invite code to a household) takes no record over ...
  "Join a household with an invite code": {
    flags: ["--route", "/api/households/:householdId/members", "--resource", "Household", "--value-object", "HouseholdId:uuid@path", "--value-object", "InviteCode:pattern([A-Z0-9]{10})", "--enumeration", "invite code"],
    must: ["| enumeration-lookup-other |"],
    mustNot: ["| flow-change-claim |", "| flow-change-claim-code |", "conditional update of the Member", "claim squatting"],
  },
  // ... a coupon code applied to the caller's own cart stays a change of the Cart, guarded by its version ...
  "Apply a coupon code to my cart": {
    flags: ["--route", "/api/me/cart/coupon", "--resource", "Cart", "--value-object", "CouponCode:pattern([A-Z0-9]{12})", "--enumeration", "coupon code"],
    must: ["| flow-change-lost-update |", "| enumeration-lookup-other |"],
    mustNot: ["| flow-change-claim |", "| flow-change-claim-code |", "proof of possession"],
  },
  // ... and a plain change of a household keeps its lost update.
  "Rename household": {
    flags: ["--method", "PATCH", "--route", "/api/households/:householdId", "--resource", "Household", "--relation", "member", "--value-object", "HouseholdId:uuid@path", "--value-object", "Name:string(1..100)"],
    // A PATCH of the name alone is last-write-wins (fix19a's flow-change-last-write-wins, where the lost-update pack was
    // edited after it applied): a plain change either way, never a claim.
    must: ["| flow-change |", "| flow-change-last-write-wins |", "The handler loads the record, applies the change and saves it"],
    mustNot: ["| flow-change-claim |", "conditional update of the"],
  },
  // D9. Booking a slot (the Slot moved Open->Booked by the caller) confirms the booking to the caller who booked it;
  // "only a person the Slot names" was false ...
  "Book appointment slot": {
    flags: [
      "--summary", "A patient books a free appointment slot of a doctor at the clinic; one patient per slot",
      "--route", "/api/slots/:slotId/booking", "--resource", "Slot", "--relation", "none", "--value-object", "SlotId:uuid@path",
      "--response", "appointmentId,startsAt", "--transition", "Open->Booked", "--error", "SlotUnavailable:409:the slot is already booked or no longer open",
      "--capability", "sends-message-email",
    ],
    must: [
      "The message goes only to the caller who books the Slot (its confirmation) or a person the Slot names (their address on file",
      "Who does the message go to: the caller who books the Slot (a confirmation of the booking)",
      "recipientId: callerId (the booking's confirmation",
    ],
    mustNot: ["The message goes only to a person the Slot names", "Which person the Slot names does the message go to", "recipientId: the person the Slot names"],
  },
  // ... while an approval of someone else's report still tells a person the report names.
  "Approve expense report": {
    flags: ["--route", "/api/expense-reports/:expenseReportId/approve", "--resource", "ExpenseReport", "--relation", "none", "--auth", "roles", "--roles", "finance", "--value-object", "ExpenseReportId:uuid@path", "--transition", "Submitted->Approved", "--capability", "sends-message-email"],
    must: ["The message goes only to a person the ExpenseReport names", "recipientId: the person the ExpenseReport names"],
    mustNot: ["the caller who books", "booking's confirmation"],
  },
  // D10. The manager of a leave request is the line manager of the person who made it: a leave request has no members,
  // so "scoped to the caller's membership of it" and "a member who is not a manager ... 403" were false; and a leave is
  // approved by its days, not an amount.
  "Approve leave request": {
    flags: [
      "--summary", "A manager approves a leave request of a member of their team; the days are taken from the member's leave balance",
      "--route", "/api/leave-requests/:leaveRequestId/approve", "--resource", "LeaveRequest", "--relation", "manager",
      "--value-object", "LeaveRequestId:uuid@path", "--response", "leaveRequestId,status,remainingDays", "--transition", "Pending->Approved",
      "--error", "InsufficientLeaveBalance:422:the member's balance does not cover the requested days", "--error", "LeaveRequestNotPending:409:the request is no longer pending",
    ],
    must: [
      "| access-relation |",
      "Only a manager of the LeaveRequest may call it (the line manager of the person who made it, found through that person: the query keeps the LeaveRequests of people who report to the caller",
      "in a query scoped to the caller as the line manager of its requester (404 otherwise)",
      "Up to how many days may one approver approve alone",
    ],
    mustNot: ["| access-relation-member-role |", "the caller's membership", "a member who is not a manager", "findForMember", "Up to what amount"],
  },
  // ... while a manager among a project's members stays a role among them, and an expense is approved by its amount.
  "Archive project": {
    flags: ["--route", "/api/projects/:projectId/archive", "--resource", "Project", "--relation", "manager", "--value-object", "ProjectId:uuid@path", "--transition", "Active->Archived"],
    must: ["| access-relation-member-role |", "scoped to the caller's membership", "findForMember"],
    mustNot: ["line manager"],
  },
  "Approve expense claim": {
    flags: ["--route", "/api/expense-claims/:expenseClaimId/approve", "--resource", "ExpenseClaim", "--relation", "manager", "--value-object", "ExpenseClaimId:uuid@path", "--transition", "Submitted->Approved"],
    must: ["the line manager of the person who made it", "Up to what amount may one approver approve alone"],
    mustNot: ["Up to how many days", "the caller's membership"],
  },
  // D12. A reason for a visit, marked personal data, is read by the clinic only, never published: no moderation "before
  // others do", no links made clickable for other readers ...
  "Book consultation": {
    flags: ["--route", "/api/consultations", "--value-object", "Reason?:string(1..500)", "--value-object", "StartsAt:datetime", "--pii", "reason", "--response", "consultationId"],
    must: ["| stored-text-prose-private |", "Reason is the person's own personal data, never published: only those who handle the record read it", "Who may read Reason (only the staff who handle the record?)"],
    mustNot: ["| stored-text-prose |", "may it be moderated before others do", "rel=\"nofollow ugc noopener\""],
  },
  // ... while a comment's body, not personal data, is prose for others: its links and moderation are still asked.
  "Comment on a post": {
    flags: ["--route", "/api/posts/:postId/comments", "--resource", "Post", "--value-object", "PostId:uuid@path", "--value-object", "Body:string(1..2000)"],
    must: ["| stored-text-prose |", "may it be moderated before others do", "rel=\"nofollow ugc noopener\""],
    mustNot: ["| stored-text-prose-private |", "never published", "| grant-expiring |", "| health-data |"],
  },
  // D16. A share of my medical record for 7 days: every read through the Share checks its expiry and revocation (a late
  // expiry job leaves nothing open), one live Share per clinician, and who may be granted it asked ...
  "Share my medical record with a clinician": {
    flags: [
      "--summary", "A patient shares their medical record with another clinician for 7 days; the patient may revoke the share at any time before",
      "--route", "/api/me/medical-record/shares", "--resource", "MedicalRecord", "--value-object", "ClinicianId:uuid",
      "--response", "shareId,clinicianId,expiresAt", "--scheduled-command", "ExpireRecordShare",
      "--event", "MedicalRecordShared:shareId,clinicianId,expiresAt", "--event", "MedicalRecordShareExpired:shareId@ExpireRecordShare",
      "--error", "ClinicianNotFound:404:no such clinician is registered",
    ],
    must: [
      "| grant-expiring |",
      "Every read through a Share checks it then, in the query that finds what it opens: not past its expiry and not revoked",
      "the job that expires it only marks it and tells, it never decides access",
      "At most one live Share per grantee",
      "two requests for the same grantee meet at the unique constraint over live Shares",
      "Who may be granted it: only a registered person of the right kind",
      // D17: a medical record is health data (special category), its reads by others logged for the patient.
      "| health-data |",
      "Health data is special-category personal data (GDPR art. 9; HIPAA where it applies)",
      "on which legal basis is each processed",
    ],
    mustNot: ["so concurrent requests never conflict"],
  },
  // ... while a comment under a post (no grant) and a share without an end keep their words.
  "Share a document with a colleague": {
    flags: ["--route", "/api/documents/:documentId/shares", "--resource", "Document", "--value-object", "DocumentId:uuid@path", "--value-object", "Email:email"],
    must: ["| grant-to-person |"],
    mustNot: ["| grant-expiring |", "Every read through a Share checks it then", "| move-between-states |"],
  },
  // D18. An export of the audit log for a range of calendar days: where a day begins and that the last one is in are
  // said and asked; and an admin removed after starting the job gets nothing when it runs or at download ...
  "Export audit log as CSV": {
    flags: [
      "--route", "/api/organizations/:organizationId/audit-log/exports", "--resource", "Organization", "--relation", "admin", "--async",
      "--value-object", "OrganizationId:uuid@path", "--value-object", "From:date", "--value-object", "To:date", "--capability", "file-download",
      "--rate-limit", "3/1h", "--error", "RangeTooLong:400:the date range is longer than a year",
    ],
    must: [
      "| input-range-days |",
      "From and To are whole calendar days in one stated time zone, both included",
      "In which time zone do From and To begin and end",
      "| flow-async-rights-recheck |",
      "When the job runs, and again at every download of its result, the caller who started it must still be an admin of the Organization",
    ],
    mustNot: [],
  },
  // ... while a range of instants (datetime) has no day to begin, and a caller's own export relates to nothing.
  "List my sign-ins between two times": {
    flags: ["--method", "GET", "--route", "/api/me/sign-ins", "--value-object", "From:datetime", "--value-object", "To:datetime"],
    must: ["| input-range-closed |"],
    mustNot: ["| input-range-days |", "whole calendar days"],
  },
  "Export my data": {
    flags: ["--route", "/api/me/exports", "--async", "--capability", "file-download"],
    must: ["| flow-async |"],
    mustNot: ["| flow-async-rights-recheck |", "must still be", "| health-data |", "special-category", "| move-between-states |"],
  },
  // D23. A transfer between two of my accounts: what a frozen, closed or blocked end answers is said and asked ...
  "Transfer money between my accounts": {
    flags: [
      "--route", "/api/me/transfers", "--value-object", "FromAccountId:uuid", "--value-object", "ToAccountId:uuid", "--value-object", "Amount:int(1..100000000)",
      "--response", "transferId,amount,status", "--error", "InsufficientFunds:422:the source account's balance is lower than the amount",
    ],
    must: ["| move-between-states |", "a debit from an Account that is frozen, closed or blocked, or a credit to a closed one, is refused and nothing moves", "Which states of an Account refuse a debit or a credit"],
    mustNot: [],
  },
};

describeFit(CASES, "TRIAL18A's leftovers: each plan says what its use-case needs, and nothing false");
