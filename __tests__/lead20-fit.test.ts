/**
 * Plans true for their use-case (session 20, the lead's own reading, LEAD20 in the session's note): each use-case is
 * planned from its flags, and its plan and code are checked for the statement that was missing or false, beside unlike
 * use-cases for what must stay. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const OUT_OF_OFFICE = ["--summary", "A signed-in user sets an out-of-office period with a start and end date and an auto-reply message sent to people who message them during it", "--method", "PUT", "--route", "/api/me/out-of-office", "--value-object", "StartsOn:date", "--value-object", "EndsOn:date", "--value-object", "AutoReply:string(1..2000)", "--response", "startsOn,endsOn,autoReply"];

const CASES: Record<string, FitCase> = {
  // O1. The answers' own error for a range the wrong way round (EndBeforeStart:422, named in words) is the one answer:
  // it was stated beside a second rule refusing the same request "with 400 naming both inputs", and its test seeded
  // a record as if a stored state decided it.
  "Set out of office": {
    flags: [...OUT_OF_OFFICE, "--error", "EndBeforeStart:422:the end date is before the start date"],
    must: ["a request with the ends the wrong way round is answered 422 (EndBeforeStart), as the answers say, before anything is read", "startsOn > endsOn -> EndBeforeStart (422), nothing read", "answers 422 EndBeforeStart and reads nothing", "expectProblem(swapped0, 422);"],
    mustNot: ["refused with 400 naming both inputs", "When the end date is before the start date, the answer is 422", "seeded so that \"the end date is before the start date\" holds", "EndBeforeStart (422) naming both"],
  },
  // O2. A period the record keeps is no range that selects records: no "record late on the last day", no width that
  // makes "one request read and sort the whole history". Its days still begin in one zone, the last one included.
  "Set vacation period": {
    flags: OUT_OF_OFFICE,
    must: ["| input-range-days-period |", "the period runs from the start of StartsOn to the start of the day after EndsOn (half-open), so the whole last day is in it", "| input-range-period |", "may it start in the past", "refused with 400 naming both inputs", "expect([\"startsOn\", \"endsOn\"]).toContain("],
    mustNot: ["a record late on the last day", "read and sort the whole history", "| input-range-days |", "| input-range-dates-closed |"],
  },
  // ... while a query's range of days keeps its words: it selects the records read.
  "List my invoices for a period": {
    flags: ["--method", "GET", "--route", "/api/me/invoices", "--value-object", "From:date@query", "--value-object", "To:date@query", "--response", "items"],
    must: ["| input-range-days |", "so a record late on the last day is in it", "| input-range-dates-closed |", "read and sort the whole history", "refused with 400 naming both inputs"],
    mustNot: ["| input-range-period |", "| input-range-days-period |"],
  },
  // W1-W3. A payout through the provider charges no one (no 3-D Secure, no amount shown first); the balance it takes is
  // held in its own transaction and given back once if it fails; and a state error of the bank account it names
  // (BankAccountNotVerified) no longer stands for a scope: the account is looked up within the caller's reach.
  "Withdraw balance to bank account": {
    flags: ["--summary", "A seller withdraws part of their available balance to their verified bank account through the payment provider's payouts", "--route", "/api/me/payouts", "--value-object", "AmountCents:int(100..10000000)", "--value-object", "BankAccountId:uuid", "--response", "payoutId,status", "--capability", "external-call", "--error", "InsufficientBalance:422:the amount exceeds the available balance", "--error", "BankAccountNotVerified:422:the bank account is not verified"],
    must: ["| withdrawal-balance-hold |", "by one conditional update that holds only while the balance covers it", "the second answers 422 (InsufficientBalance)", "gives its amount back to the available balance once", "in BankAccountId and acts on it", "every record the request names by id (BankAccountId) is found through a query scoped to what the caller may reach"],
    mustNot: ["3-D Secure", "the amount to be charged", "| external-call-charge"],
  },
  // ... while a charge through the same provider keeps its questions,
  "Pay for an order": {
    flags: ["--summary", "A customer pays for their order with a card through the payment provider", "--route", "/api/orders/:orderId/payment", "--resource", "Order", "--value-object", "OrderId:uuid@path", "--response", "orderId,status", "--capability", "external-call"],
    must: ["3-D Secure"],
    mustNot: ["| withdrawal-balance-hold |"],
  },
  // ... and an error naming a scope of the id (NewOwnerNotMember) is still that id's answer, in place of a 404.
  "Transfer project ownership": {
    flags: ["--route", "/api/projects/:projectId/owner", "--method", "PUT", "--resource", "Project", "--value-object", "ProjectId:uuid@path", "--value-object", "NewOwnerId:uuid", "--error", "NewOwnerNotMember:422:the new owner is not a member of the project"],
    must: ["the answer is 422 (NewOwnerNotMember)"],
    mustNot: ["in NewOwnerId and acts on it"],
  },
  // R1. A plain member relation on a record with no members of its own: the caller is a member of the Board the route
  // names, never "a member of the Task".
  "Move task to another column": {
    flags: ["--method", "PATCH", "--route", "/api/boards/:boardId/tasks/:taskId/column", "--resource", "Task", "--relation", "member", "--value-object", "BoardId:uuid@path", "--value-object", "TaskId:uuid@path", "--value-object", "ColumnId:uuid", "--response", "taskId,columnId"],
    must: ["| access-relation-member-of |", "Only a member of the Board the route names may call it", "the caller's membership of the Board the route names", "answers a Task to a caller who is not a member of the Board the route names with 404"],
    mustNot: ["a member of the Task", "| access-relation |"],
  },
  // ... while a Project, which has members, keeps its own words.
  "Rename project": {
    flags: ["--method", "PATCH", "--route", "/api/projects/:projectId", "--resource", "Project", "--relation", "member", "--value-object", "ProjectId:uuid@path", "--value-object", "Name:string(1..100)", "--response", "projectId,name"],
    must: ["| access-relation |", "Only a member of the Project may call it"],
    mustNot: ["| access-relation-member-of |"],
  },
  // O3. An automatic reply answers each sender once and never another automatic message.
  "Set auto reply": {
    flags: [...OUT_OF_OFFICE.slice(2)],
    must: ["| auto-reply |", "never to a message that is automatic itself", "two automatic replies never answer each other"],
    mustNot: [],
  },
  // R2. A move within an ordered list shifts the others in its own transaction and locks the list, which two moves race
  // on; a drag is a per-click action (60/1m, not a write's 10/1m).
  "Reorder tasks in a column": {
    flags: ["--summary", "A board member moves a task to another position in a column of the board, or to another column; the other tasks keep their relative order", "--method", "PATCH", "--route", "/api/boards/:boardId/tasks/:taskId/position", "--resource", "Task", "--relation", "member", "--value-object", "BoardId:uuid@path", "--value-object", "TaskId:uuid@path", "--value-object", "ColumnId:uuid", "--value-object", "Position:int(0..10000)", "--response", "taskId,columnId,position"],
    must: ["| reorder-position |", "Moving a Task shifts the others between its old place and its new one by one, in the move's own transaction", "the move locks the list it changes", "rank keys (fractional indexing, LexoRank)", "At most 60 requests per 1m per account"],
    mustNot: ["At most 10 requests per 1m per account"],
  },
  // ... while a change of a task's own fields moves nothing.
  "Rename task": {
    flags: ["--method", "PATCH", "--route", "/api/boards/:boardId/tasks/:taskId", "--resource", "Task", "--relation", "member", "--value-object", "BoardId:uuid@path", "--value-object", "TaskId:uuid@path", "--value-object", "Title:string(1..200)", "--response", "taskId,title"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["| reorder-position |"],
  },
  // C2. A ticket scanned at a door is a per-click action of its scanner: 10 a minute per staff account held up the door.
  "Check in attendee": {
    flags: ["--summary", "Event staff scan an attendee's ticket QR code at the door to check them in; a ticket checks in once", "--route", "/api/events/:eventId/check-ins", "--auth", "roles", "--roles", "event-staff", "--resource", "Event", "--value-object", "EventId:uuid@path", "--value-object", "TicketCode:string(8..64)", "--response", "ticketId,checkedInAt", "--error", "TicketAlreadyCheckedIn:409:the ticket was checked in before"],
    must: ["At most 60 requests per 1m per account"],
    mustNot: ["At most 10 requests per 1m per account"],
  },
  // ... while registering for the event keeps a write's default.
  "Register for event": {
    flags: ["--route", "/api/events/:eventId/registrations", "--resource", "Event", "--relation", "none", "--value-object", "EventId:uuid@path", "--response", "registrationId"],
    must: ["At most 10 requests per 1m per account"],
    mustNot: ["At most 60 requests per 1m per account"],
  },
  // P1. A person's public profile is hidden by its account or its owner's choice, never as "a draft, unpublished".
  "Get public profile": {
    flags: ["--summary", "Anyone reads a member's public profile by their username: display name, bio, avatar and public posts count", "--method", "GET", "--route", "/api/profiles/:username", "--auth", "anonymous", "--resource", "Profile", "--value-object", "Username:string(3..30)@path", "--response", "username,displayName,bio,avatarUrl,postsCount"],
    must: ["one that is private, or of an account deactivated, suspended or deleted answers 404", "does a changed username still find it", "e.g. an active account whose profile is not set to private"],
    mustNot: ["a draft, unpublished or deleted", "not yet published", "publication time passed"],
  },
  // ... while a public article keeps its publication states.
  "Read article": {
    flags: ["--method", "GET", "--route", "/api/articles/:slug", "--auth", "anonymous", "--resource", "Article", "--value-object", "Slug:string(1..100)@path", "--response", "title,body,publishedAt"],
    must: ["one that is a draft, unpublished or deleted answers 404", "(published, not cancelled, not deleted)", "e.g. published and its publication time passed"],
    mustNot: ["account deactivated"],
  },
  // RL1, RL2. A leave request tells the manager the words name ("their manager is notified"), not the caller's own
  // account; and two requests at once both passing the checks against the caller's own leave are named and tested.
  "Request leave": {
    flags: ["--summary", "An employee requests leave for a range of days; their manager is notified to approve it", "--route", "/api/me/leave-requests", "--value-object", "StartDate:date", "--value-object", "EndDate:date", "--response", "leaveRequestId,status", "--capability", "sends-message-email", "--error", "NotEnoughLeaveBalance:422:the days exceed the employee's remaining leave", "--error", "OverlapsExistingLeave:409:the range overlaps a leave already requested"],
    must: ["The message goes only to the caller's manager", "| own-state-checked-concurrent |", "one is saved, the other answers 422 NotEnoughLeaveBalance or 409 OverlapsExistingLeave"],
    mustNot: ["The message goes only to the caller's own account"],
  },
  // ... while a note of one's own refused only by its inputs has nothing to race on.
  "Add a note": {
    flags: ["--route", "/api/me/notes", "--value-object", "Title:string(1..100)", "--value-object", "Body:string(1..10000)", "--response", "noteId", "--error", "TitleReserved:422:the title is one of the reserved words"],
    must: ["TitleReserved"],
    mustNot: ["| own-state-checked-concurrent |"],
  },
  // K1. A value the answers refuse when another record holds it is a unique key's, not a read before the write.
  "Create discount coupon": {
    flags: ["--route", "/api/coupons", "--auth", "roles", "--roles", "marketing-admin", "--value-object", "Code:pattern(^[A-Z0-9]{4,20}$)", "--value-object", "PercentOff:int(1..100)", "--response", "couponId,code", "--error", "CouponCodeTaken:409:the code is already used by another coupon"],
    must: ["| unique-taken-at-once |", "The Code is held by a unique key in the store", "two requests at once with the same Code: one is saved, the other answers 409 (CouponCodeTaken)"],
    mustNot: [],
  },
  // ... while a 409 about the record's state holds no value.
  "Close a poll": {
    flags: ["--route", "/api/polls/:pollId/close", "--resource", "Poll", "--relation", "owner", "--value-object", "PollId:uuid@path", "--error", "PollAlreadyClosed:409:the poll is closed already"],
    must: ["PollAlreadyClosed"],
    mustNot: ["| unique-taken-at-once |"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (lead20)");
