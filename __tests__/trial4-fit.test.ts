/**
 * Plans true for their use-case (TRIAL4's open findings, fit6): each use-case below is planned from the flags the
 * reviewer or the new user used, beside a dissimilar one, and its plan and code are checked for what a reviewer of
 * that kind of feature must read and for the statement the finding showed false. All are planned into one folder,
 * whose code compiles under tsc --strict and whose generated tests pass; then the tests the findings are about are
 * run against a filled-in implementation, and against the mistakes the findings describe.
 */
import { describeFit, type FitCase } from "./support/fit.js";
import { proveAgainstImplementation } from "./support/prove-implementation.js";

// V5: the reviewer's Stripe receiver, a change with a transition, found by the sender's payment intent.
const STRIPE = ["--method", "POST", "--route", "/api/webhooks/stripe", "--auth", "anonymous", "--value-object", "StripeSignature:string(1..500)@header", "--value-object", "EventId:pattern(^evt_[A-Za-z0-9]+$)@body", "--value-object", "PaymentIntentId:pattern(^pi_[A-Za-z0-9]+$)@body", "--resource", "Invoice", "--transition", "Open->Paid", "--success", "200", "--capability", "webhook", "--event", "InvoicePaid:paymentIntentId"];

// V13: the new user's profile PATCH (jp backlog [0]), email and phone among the fields.
const PROFILE = ["--method", "PATCH", "--route", "/api/me/profile", "--value-object", "DisplayName?:string(1..100)", "--value-object", "Phone?:pattern(^\\+[1-9][0-9]{6,14}$)", "--value-object", "Email?:email", "--pii", "displayName,phone,email", "--audit"];

// V17: the new user's paged list of the Invoices the caller is a member of.
const LIST = ["--method", "GET", "--route", "/api/invoices", "--auth", "authenticated", "--resource", "Invoice", "--relation", "member", "--value-object", "Status?:enum(draft|open|paid|void)@query", "--value-object", "Cursor?:string(1..200)@query", "--value-object", "PageSize?:int(1..100)@query", "--response", "items,nextCursor", "--capability", "pagination"];

const CASES: Record<string, FitCase> = {
  // V5: a redelivery (the same event id) is answered 2xx again before anything is loaded, the delivery is kept by its
  // event id in the save's transaction, an Invoice already Paid is a repeat and not a 409, and the Invoice is found by
  // what the sender names, not by an id the request does not carry.
  "Receive stripe webhook": {
    flags: STRIPE,
    must: [
      "receivedEvents.findOne({ eventId }) found -> respond 200 as the first time; nothing changed, saved or published again",
      /receivedEvents\.findOne[^\n]*\n {2}target = repository\.find\(paymentIntentId\)/,
      "target.state is already Paid (another delivery of the same change) -> respond 200 as the first time",
      /repository\.save\(target, events\)[^\n]*\n {2}receivedEvents\.save\(\{ id: new id, eventId, rawBody, receivedAt: now \}\)/,
      "more than 5 minutes from now -> 400, nothing changed",
      "find(paymentIntentId: string): Promise<Invoice | null>;",
      "readonly receivedEvents: Repository<StoredRecord>;",
      "receivedEvents: new InMemoryRepository()",
      'deps.repository.seed({ id: "record-1", paymentIntentId: "pi_V", state: "Open", version: 1 })',
      /it\.failing\("INT-\d+ the same delivery twice \(the same event id\) answers 2xx both times/,
      /it\.failing\("INT-\d+ each verified delivery is kept as received/,
      "expect(deps.receivedEvents.records.size).toBe(0);",
    ],
    mustNot: ["repository.find(id)", "find(id: string)", /it\.todo\("INT-\d+ each verified delivery is kept as received/, /state = moveInvoice[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*receivedEvents\.findOne/],
  },
  // V5: the delivery's id in a header of the sender's (GitHub's), on a create: deduped by it before anything is made.
  "Receive github webhook": {
    flags: ["--method", "POST", "--route", "/api/webhooks/github", "--auth", "anonymous", "--value-object", "X-Hub-Signature:string(1..200)@header", "--value-object", "X-GitHub-Delivery:uuid@header", "--value-object", "Action:enum(opened|closed)@body", "--capability", "webhook", "--event", "PullRequestChanged:action"],
    must: [/receivedEvents\.findOne\(\{ eventId: xGitHubDelivery \}\) found -> respond 200[^\n]*\n {2}aggregate = new aggregate/, /repository\.add\(aggregate, events\)[^\n]*\n {2}receivedEvents\.save\(\{ id: new id, eventId: xGitHubDelivery,/],
    mustNot: ["TODO(plan): which input carries the sender's event id"],
  },
  // V5: no input carries the sender's event id: the plan says the dedupe needs one, and the test that keeps deliveries says so too.
  "Receive mail webhook": {
    flags: ["--method", "POST", "--route", "/api/webhooks/mail", "--auth", "anonymous", "--value-object", "Signature:string(1..200)@header", "--value-object", "Recipient:email@body", "--capability", "webhook"],
    must: ["TODO(plan): which input carries the sender's event id: one already in receivedEvents -> respond 200 as the first time", /it\.todo\("INT-\d+ each verified delivery is kept as received/, "Needs the input that carries the sender's event id"],
    mustNot: [],
  },
  // V5's dissimilar case: a signed-in change with a transition keeps its 409 and knows nothing of deliveries.
  "Archive project": {
    flags: ["--method", "POST", "--route", "/api/projects/:projectId/archive", "--resource", "Project", "--value-object", "ProjectId:uuid", "--transition", "Active->Archived"],
    must: ["state = moveProject(target.state, Archived) -> err => 409"],
    mustNot: ["receivedEvents", "signed timestamp", "another delivery of the same change"],
  },
  // V13: a change of the account's own email or phone is confirmed by the new address first, the old one told, a
  // recent sign-in required, a taken address answered as a free one; and the tests prove the first two against the contract.
  "Update profile": {
    flags: PROFILE,
    must: [
      "| contact-change |",
      "A new Phone or Email does not take effect with this request: it is kept as pending, and a single-use link (or code) sent to the new address",
      "The address in force before the change is told of it",
      "Changing Phone or Email needs a recent authentication",
      "answers 403 ReauthenticationRequired and changes nothing",
      "is answered exactly as a free one",
      "phone or email given and not the one in force:",
      "caller.authenticatedAt older than recentSignIn -> 403 ReauthenticationRequired, nothing changed",
      "apply the change to the other fields, phone or email as pending; collect events",
      "**Account takeover by contact change**",
      "Are the account's other sessions and refresh tokens revoked once the new Phone or Email is confirmed?",
      /it\.failing\("SEC-\d+ after a change of Phone or Email the stored one is unchanged/,
      /it\.failing\("SEC-\d+ a change of Phone or Email without a recent authentication answers 403/,
      'authenticatedAt: "2026-01-01T00:00:00.000Z"',
      "readonly outbox: Outbox;",
    ],
    mustNot: ["apply the change; collect events", 'not.toContain("a");'],
  },
  // V13 with the current password in the request: the password is the step-up, verified first.
  "Change email": {
    flags: ["--method", "PUT", "--route", "/api/me/email", "--value-object", "NewEmail:email", "--value-object", "CurrentPassword:string(8..200)", "--pii", "newEmail"],
    must: ["| contact-change |", "| reauthentication |", /verify currentPassword[^\n]*\n(?: {2}target = [^\n]*\n)? {2}newEmail given and not the one in force:\n {4}\(the current password was verified above/],
    mustNot: ["caller.authenticatedAt older than recentSignIn"],
  },
  // V13's dissimilar cases: a profile change without an address, and an address book entry of the caller's.
  "Rename display name": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--value-object", "DisplayName:string(1..100)", "--pii", "displayName"],
    must: ["apply the change; collect events"],
    mustNot: ["| contact-change |", "ReauthenticationRequired", "not the one in force"],
  },
  "Add address book entry": {
    flags: ["--method", "POST", "--route", "/api/me/contacts", "--value-object", "Email:email", "--value-object", "Phone?:pattern(^\\+[1-9][0-9]{6,14}$)", "--pii", "email,phone"],
    must: [],
    mustNot: ["| contact-change |", "ReauthenticationRequired", "not the one in force"],
  },
  // V12: a command whose route names the state it moves to answers its retry as the first time, asks what the end state
  // undoes and who else may reach it, and asks whether the free text it copies into its event may carry personal data.
  "Cancel order": {
    flags: ["--context", "orders", "--method", "POST", "--route", "/api/orders/:orderId/cancel", "--resource", "Order", "--value-object", "OrderId:uuid@path", "--value-object", "Reason?:string(1..500)@body", "--transition", "Placed->Cancelled", "--event", "OrderCancelled:orderId,reason", "--audit"],
    must: [
      "target.state is already Cancelled (a repeated request) -> respond 200 as the first time; nothing changed, saved or scheduled again",
      "A repeated request that finds the Order already Cancelled answers 200 as the first time",
      /it\.failing\("INT-\d+ a repeated request on an Order already Cancelled answers 200 and changes nothing/,
      'deps.repository.seed({ ...{ id: "123e4567-e89b-42d3-a456-426614174000", ownerId: "user-1", state: "Placed", version: 1 }, state: "Cancelled" });',
      "Once an Order is Cancelled, what is undone with it (a payment refunded or voided",
      "From which states besides Placed may an Order still become Cancelled",
      "Reason is text the caller types, and OrderCancelled carries it to every consumer: may it hold personal data",
    ],
    mustNot: [],
  },
  // V12's dissimilar case: a change whose route names no state keeps the 409 of any other move, and asks nothing of an end.
  "Confirm order": {
    flags: ["--method", "PATCH", "--route", "/api/orders/:orderId", "--resource", "Order", "--value-object", "OrderId:uuid", "--value-object", "Status:enum(confirmed)@body", "--transition", "Placed->Confirmed", "--event", "OrderConfirmed:orderId,status"],
    must: ["state = moveOrder(target.state, Confirmed) -> err => 409"],
    mustNot: ["already Confirmed", "what is undone with it", "text the caller types"],
  },
  // V14: an export of the caller's own data needs a recent sign-in, tells the person, covers every store and the
  // deadline, and asks nothing its own requirements answer (the signed URL's lifetime, stream or redirect).
  "Export my data": {
    flags: ["--method", "POST", "--route", "/api/me/exports", "--async", "--capability", "file-download", "--rate-limit", "2/1d"],
    must: [
      "| self-export |",
      "Asking for an export of the account's data needs a recent authentication",
      "caller.authenticatedAt older than recentSignIn -> 403 ReauthenticationRequired, nothing started",
      "The account's own address is told when an export is asked for and again when it is ready",
      "within the legal deadline of a request by the person (one month",
      "Which stores hold the person's data",
      /it\.failing\("SEC-\d+ an export asked for without a recent authentication answers 403 ReauthenticationRequired and starts nothing/,
      "expect(deps.jobs.jobs.size).toBe(0);",
      "readonly outbox: Outbox;",
    ],
    mustNot: ["How long may a signed URL live, and is it single use?", "Does the API stream the file or redirect to storage?"],
  },
  // V14's dissimilar case: a role's export of a report about no person is no person's own data.
  "Export sales report": {
    flags: ["--method", "POST", "--route", "/api/reports/sales/exports", "--auth", "roles", "--roles", "analyst", "--async", "--capability", "file-download"],
    must: [],
    mustNot: ["| self-export |", "ReauthenticationRequired", "How long may a signed URL live"],
  },
  // V17: a paged list's valid request is its first page (no cursor the server did not sign, no filter leaving the
  // caller's record out), and the scope tests seed the caller's record in its relation and expect it on the page.
  "List invoices": {
    flags: LIST,
    must: [
      "const validRequest = (): ListInvoicesRequest => ({});",
      'deps.repository.seed({ id: "record-1", memberId: "user-1" })',
      'deps.repository.seed({ ...{ id: "own-record", memberId: "user-1" }, internalNote: "internal-only" }',
      'expect(answered).toContain("own-record");',
    ],
    mustNot: ['cursor: "a"', 'deps.repository.seed({ ...{ id: "record-1" }, internalNote'],
  },
  // V18: a resource under a parent the route names is loaded by both ids, its tests seed it under that parent and
  // prove one under another parent is not found, and the role question names the route's parent.
  "Change member role": {
    flags: ["--method", "PUT", "--route", "/api/organisations/:organisationId/members/:memberId/role", "--auth", "roles", "--roles", "org-admin", "--resource", "Membership", "--value-object", "OrganisationId:uuid@path", "--value-object", "MemberId:uuid@path", "--value-object", "Role:enum(viewer|editor|admin)@body", "--capability", "privilege-change", "--audit"],
    must: [
      "target = repository.find(organisationId, memberId)  // null -> 404: missing, or a Membership under another Organisation",
      "find(organisationId: string, memberId: string): Promise<Membership | null>;",
      "The Membership is found only within the Organisation the route names",
      /it\.failing\("SEC-\d+ a Membership of another Organisation, named with this Organisation's id, answers 404 and changes nothing/,
      'deps.repository.seed({ id: "123e4567-e89b-42d3-a456-426614174001", organisationId: "123e4567-e89b-42d3-a456-426614174000", version: 1 })',
      "Is role org-admin held per Organisation (the Organisation the route names)?",
    ],
    mustNot: ["repository.find(id)", 'deps.repository.seed({ id: "123e4567-e89b-42d3-a456-426614174000", version: 1 })'],
  },
  // V18's dissimilar case: an item the route names inside the resource is found within it already, with no parent of its own.
  "Rename team member": {
    flags: ["--method", "PATCH", "--route", "/api/teams/:teamId/members/:memberId", "--resource", "Team", "--relation", "owner", "--value-object", "TeamId:uuid", "--value-object", "MemberId:uuid", "--value-object", "Nickname:string(1..40)@body"],
    must: ["within target (one query scoped to both ids)"],
    mustNot: ["within the Team the route names", "under another"],
  },
  // V1 + V2 + V3: the accountant's list. The --error about the inputs is the range's own 400, checked before the read and
  // stated once; the role that reaches any Invoice is asked about (global or within the organisation); the search pack
  // takes neither the cursor nor the page size as its text.
  "List invoices2": {
    flags: ["--method", "GET", "--route", "/api/invoices2", "--auth", "roles", "--roles", "accountant,org-admin", "--resource", "Invoice", "--relation", "member", "--value-object", "Status?:enum(draft|open|paid|void)@query", "--value-object", "IssuedFrom?:date@query", "--value-object", "IssuedTo?:date@query", "--value-object", "Cursor?:string(1..200)@query", "--value-object", "PageSize?:int(1..100)@query", "--response", "items,nextCursor", "--capability", "pagination", "--capability", "search", "--error", "InvalidDateRange:400:issuedFrom is after issuedTo"],
    must: [
      /issuedFrom and issuedTo both given and issuedFrom > issuedTo -> InvalidDateRange \(400\) naming both, nothing read\n {2}(?:position = [^\n]*\n {2})?items = /,
      "| InvalidDateRange | 400 |",
      "Is role accountant or org-admin global (a holder reaches every Invoice, of every organisation or tenant, as planned), or a role within the caller's own organisation?",
      "The search text (TODO(plan): which input carries it?) reaches the search only as data",
    ],
    mustNot: ["if issuedFrom is after issuedTo -> InvalidDateRange", "When issuedFrom is after issuedTo, the answer is 400", "needs the Invoice the valid request names seeded", "(Cursor)", "for Cursor", "for PageSize"],
  },
  // V1: an --error about the inputs that is no range is checked with them, before the read, and its test needs a request, not a seeded record.
  "Search flights": {
    flags: ["--method", "GET", "--route", "/api/flights", "--auth", "anonymous", "--value-object", "From:pattern(^[A-Z]{3}$)@query", "--value-object", "To:pattern(^[A-Z]{3}$)@query", "--error", "SameAirport:400:from and to are the same airport"],
    must: [/to = To\.fromText[^\n]*\n {2}if from and to are the same airport -> SameAirport \(400\), nothing read\n/, "checked with the inputs before anything is read", "a request whose inputs make \"from and to are the same airport\" hold"],
    mustNot: ["seeded so that"],
  },
  // V1's dissimilar case: an --error about the resource stays after the load, tested with the record seeded.
  "Close account2": {
    flags: ["--method", "POST", "--route", "/api/accounts/:accountId/close", "--resource", "Account", "--value-object", "AccountId:uuid", "--error", "BalanceNotZero:409:the account's balance is not zero"],
    must: [/target = [^\n]*\n {2}if the account's balance is not zero -> BalanceNotZero \(409\)/, "seeded so that"],
    mustNot: ["checked with the inputs before anything is read"],
  },
  // V20: a CSV import's type is what parses, not magic bytes, and the disguised-type test sends a binary named as the CSV.
  "Import contacts": {
    flags: ["--summary", "Imports contacts from an uploaded CSV file into the caller's address book", "--method", "POST", "--route", "/api/me/contacts/imports", "--capability", "file-upload", "--async", "--pii", "email,phone"],
    must: ["decided by the file's content: valid UTF-8 (a leading BOM dropped) that parses in that format with the expected header row", "text has no magic bytes", /it\.failing\("SEC-\d+ a PNG image named upload\.csv sent as the first accepted type is refused with 415/, 'declaredType: "text/csv", fileName: "upload.csv"'],
    mustNot: ["(magic bytes)", "<!DOCTYPE html>", "HTML file named photo.png"],
  },
  // V20's dissimilar case: an image upload keeps its magic bytes and the HTML page in disguise.
  "Upload avatar2": {
    flags: ["--summary", "Upload a new avatar image for the caller", "--method", "PUT", "--route", "/api/me/avatar", "--capability", "file-upload"],
    must: ["decided by the file's content (magic bytes)", "<!DOCTYPE html>", "an HTML file named photo.png sent as the first accepted type"],
    mustNot: ["parses in that format"],
  },
  // V7: a job the use-case says runs nightly is planned as a recurring one.
  "Purge expired sessions": {
    flags: ["--summary", "Purges expired sessions nightly", "--method", "DELETE", "--route", "/api/sessions/expired", "--auth", "roles", "--roles", "ops", "--scheduled-command", "PurgeSessions"],
    must: ["| scheduled-recurring |"],
    mustNot: [],
  },
  // V7's dissimilar case: a job run once, at a time the request sets, is not recurring.
  "Schedule report": {
    flags: ["--summary", "Sends the report once at the time the caller picks", "--method", "POST", "--route", "/api/reports", "--scheduled-command", "SendReport"],
    must: [],
    mustNot: ["| scheduled-recurring |"],
  },
  // REVIEW3 Q31 + Q26: a workspace has many members ("a member of"), an owner is one ("the owner of"); a filter named
  // Action is parsed into its own name beside the audit record's action.
  "List workspace files": {
    flags: ["--method", "GET", "--route", "/api/workspaces/:workspaceId/files", "--resource", "Workspace", "--relation", "member", "--value-object", "WorkspaceId:uuid", "--value-object", "Action?:string(1..64)@query", "--response", "items", "--audit"],
    must: ["a member of", "actionFilter = Action.fromText(request.query.action)"],
    mustNot: ["the member of", "  action = Action.fromText"],
  },
  "Rename invoice": {
    flags: ["--method", "PATCH", "--route", "/api/invoices/:invoiceId", "--resource", "Invoice", "--relation", "owner", "--value-object", "InvoiceId:uuid", "--value-object", "Title:string(1..100)@body"],
    must: ["Only the owner of the Invoice may call it"],
    mustNot: ["an owner of"],
  },
  // REVIEW3 Q25: a photo upload says what images need (a pixel cap before decoding), not what archives do.
  "Upload profile photo": {
    flags: ["--summary", "The caller uploads a new profile photo (JPEG or PNG, up to 5 MB), shown to other members", "--method", "PUT", "--route", "/api/me/photo", "--capability", "file-upload", "--event", "ProfilePhotoChanged:userId"],
    must: ["checked against a pixel cap before any decode", /hash = sha256\(file\.bytes\)[^\n]*nothing stored, no event\n {2}fileId = new id; storage\.store/, "storage.delete(previous fileId)"],
    mustNot: ["archives are not unpacked"],
  },
};

describeFit(CASES, "each plan says what its use-case does, and nothing its use-case makes false");

// V5: the receiver the old steps described (no look at the event id, the transition's 409 reached by a redelivery) fails the duplicate test.
proveAgainstImplementation(
  "Receive stripe webhook",
  STRIPE,
  ["the same delivery twice", "kept as received", "answers 200 for a valid request", "whose signature does not match its raw body", "a failed one does not", "a repeated request on an Invoice already Paid"],
  [
    // Found only by the state, the redelivery is kept a second time: a unique constraint on the event id would refuse it.
    {
      what: "no look at the event id",
      replace: ['    if (await deps.receivedEvents.findOne({ eventId: eventId.value.value })) return reply({ status: 200, headers: {}, body: {} });\n', ""],
      fails: ["the same delivery twice"],
    },
    {
      what: "the old steps: neither the event id nor the state looked at, a redelivery answered 409",
      replace: [
        'if (await deps.receivedEvents.findOne({ eventId: eventId.value.value })) return reply({ status: 200, headers: {}, body: {} });\n    const invoice = await deps.repository.findOne({ paymentIntentId: paymentIntentId.value.value });\n    if (!invoice) return reply(problem(404, "Not found", context.correlationId));\n    const keep = () => deps.receivedEvents.save({ id: deps.ids.next(), eventId: eventId.value.value, rawBody: request.rawBody, receivedAt: at });\n    // Another delivery of the same change finds the Invoice already paid: the same answer, nothing more.\n    if (invoice["state"] === "Paid") {',
        'const invoice = await deps.repository.findOne({ paymentIntentId: paymentIntentId.value.value });\n    if (!invoice) return reply(problem(404, "Not found", context.correlationId));\n    const keep = () => deps.receivedEvents.save({ id: deps.ids.next(), eventId: eventId.value.value, rawBody: request.rawBody, receivedAt: at });\n    if (invoice["state"] === "Never") {',
      ],
      fails: ["the same delivery twice", "a repeated request on an Invoice already Paid"],
    },
    { what: "the delivery not kept", replace: ["    await keep();\n    const meta", "    const meta"], fails: ["kept as received"] },
  ],
  { nodeTypes: true, allPass: true },
);

// V13: a profile PATCH that writes the new address at once, or takes the session alone as enough, fails the tests the plan now has.
proveAgainstImplementation(
  "Update profile",
  PROFILE,
  ["the stored one is unchanged", "without a recent authentication", "answers 200 for a valid request", "writes an audit record", "keeps personal data"],
  [
    { what: "the new address applied at once", replace: ["...pending, version", "...Object.fromEntries(changing), version"], fails: ["the stored one is unchanged"] },
    { what: "no step-up", replace: ["<= RECENT_SIGN_IN_MS))", "<= Number.MAX_SAFE_INTEGER))"], fails: ["without a recent authentication"] },
  ],
  { nodeTypes: true, allPass: true },
);

// V17: a correct paged list passes the first-page and scope tests; the empty-list stub and an unscoped list fail the scope tests.
proveAgainstImplementation(
  "List invoices",
  LIST,
  ["answers 200 for a valid request", "returns only records in the caller's scope", "on no page of the list", "a cursor with one character changed", "issued to one caller and used by another", "issued with one filter and sent with another"],
  [
    { what: "an empty list whatever is stored", replace: ["items: items.map((r) => ({ id: r.id }))", "items: [] as { id: string }[]"], fails: ["returns only records in the caller's scope", "on no page of the list"] },
    { what: "every member's Invoices listed", replace: ["const where = { memberId: context.caller.id, ", "const where = { "], fails: ["returns only records in the caller's scope", "on no page of the list"] },
  ],
  { nodeTypes: true, allPass: true },
);
