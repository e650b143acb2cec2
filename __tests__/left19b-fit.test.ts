/**
 * Plans true for their use-case (session 19, left19b): what TRIAL18B left open (/work/notes/TRIAL18B.md, LEFT19B.md).
 * Each use-case is planned from its flags and its plan checked for what must and must not be there, beside an unlike
 * use-case that must stay as it was. All are planned into one folder, whose code compiles under tsc --strict and whose
 * generated tests pass.
 */
import { describeFit, type FitCase } from "./support/fit.js";

const WAITLIST = ["--summary", "A visitor without an account joins the waitlist of a sold-out event with an e-mail address; when a seat frees, the waitlist is notified in the order it joined", "--route", "/api/events/:eventId/waitlist", "--resource", "Event", "--auth", "anonymous", "--value-object", "EventId:uuid@path", "--value-object", "Email:email", "--pii", "email", "--capability", "sends-message-email", "--rate-limit", "5/1h", "--event", "WaitlistJoined:eventId,waitlistEntryId", "--error", "EventNotSoldOut:409:the event still has seats"];

const CASES: Record<string, FitCase> = {
  // E9. `--enumeration "waitlist entry"` names the very record the join adds: nothing is looked up by a key (no unknown,
  // expired, revoked or used-up entry, no record holding its uses), the visitor becomes nothing, and the message goes to
  // the address kept on the new entry; what must not leak is whether the address was already on the list ...
  "Join event waitlist": {
    flags: [...WAITLIST, "--enumeration", "waitlist entry"],
    must: ["waitlistEntry = new WaitlistEntry under event from the value objects", "outbox.add(MESSAGE_NAME, { recordId: the new record's id })", "Responses never reveal whether the waitlist entry already existed", "known -> nothing added, the waitlist entry already there kept as it was", "| waitlist-join |", "| anonymous-form-bots |", "202#44; the same status and body whether or not the waitlist entry exists"],
    mustNot: ["Every way of not finding a waitlist entry", "expired or revoked waitlist entry", "uses left", "What does the caller become by this request", "How many callers may use one waitlist entry", "outbox.add(MESSAGE_NAME, { recipientId })", "| enumeration-lookup-other |", "| enumeration-lookup |", "which case creates and which only notifies"],
  },
  // ... while a coupon code applied to the caller's cart still looks up another record by a guessable key ...
  "Apply coupon to my cart": {
    flags: ["--route", "/api/me/cart/coupon", "--method", "PUT", "--resource", "Cart", "--value-object", "CouponCode:pattern([A-Z0-9]{8})", "--enumeration", "coupon code", "--error", "CouponNotUsable:422:the code is unknown, used up or expired"],
    must: ["| enumeration-lookup-other |", "Which record holds the coupon code (its fields for expiry, revocation and uses left)"],
    mustNot: ["| enumeration-accepted-created |"],
  },
  // ... and an anonymous join of a team by its invite code still asks what the caller becomes.
  "Join team with invite code": {
    flags: ["--route", "/api/teams/join", "--method", "POST", "--resource", "Team", "--auth", "anonymous", "--value-object", "InviteCode:pattern([A-Za-z0-9]{24})", "--enumeration", "invite code"],
    must: ["| enumeration-anonymous-redeem |", "How many callers may use one invite code"],
    mustNot: ["| enumeration-accepted-created |"],
  },
  // E12. A URL the server fetches is https only in its value object, refused with 400 as the SSRF requirement says: not
  // "accepted only as an http or https URL" and a domain test accepting http://localhost beside "fetched only over HTTPS" ...
  "Change organisation SAML settings": {
    flags: ["--summary", "An organisation owner changes the organisation's SAML single sign-on settings: the identity provider's metadata, by URL or as XML", "--method", "PUT", "--route", "/api/organisations/:organisationId/sso/saml", "--resource", "Organisation", "--relation", "owner", "--value-object", "OrganisationId:uuid@path", "--value-object", "MetadataUrl?:url", "--value-object", "MetadataXml?:string(1..100000)", "--value-object", "Enforced:boolean", "--capability", "external-call"],
    must: ["Input MetadataUrl (in the body, optional) is accepted only as an https URL", "| MetadataUrl | `url(https)` | an https URL |", '["an http URL", "http://example.com/path", "MetadataUrl must be an https URL"]', "A URL from the request is fetched only over HTTPS"],
    mustNot: ["accepted only as an http or https URL", "http://localhost:3000"],
  },
  // ... while a URL the server never fetches (a profile's website, shown as a link) still takes http too ...
  "Update my profile website": {
    flags: ["--method", "PATCH", "--route", "/api/me/profile", "--value-object", "Website:url"],
    must: ["Input Website (in the body, required) is accepted only as an http or https URL", "http://localhost:3000"],
    mustNot: ["url(https)"],
  },
  // ... and the address a browser is sent back to after a sign-in with a provider is no URL the server fetches.
  "Sign in with partner": {
    flags: ["--method", "GET", "--route", "/api/auth/partner/start", "--auth", "anonymous", "--value-object", "ReturnTo:url@query", "--capability", "external-call"],
    must: ["Input ReturnTo (in the query string, required) is accepted only as an http or https URL", "| ReturnTo | `url` |"],
    mustNot: ["url(https)"],
  },
  // E13. Setting a member's storage quota adds no member: what else may change is a total kept on the Organisation ...
  "Set member storage quota": {
    flags: ["--summary", "An organisation admin sets how many bytes of storage a member of the organisation may use", "--method", "PUT", "--route", "/api/organisations/:organisationId/members/:memberId/storage-quota", "--resource", "Organisation", "--relation", "admin", "--value-object", "OrganisationId:uuid@path", "--value-object", "MemberId:uuid@path", "--value-object", "QuotaBytes:int(0..1099511627776)", "--response", "memberId,quotaBytes,usedBytes"],
    must: ["What changes besides the Member when this use-case runs (a count or total kept on the Organisation updated)", "what else changes in target with it (e.g. a count or total kept on target updated)"],
    mustNot: ["a member added"],
  },
  // ... while approving a join request does add one.
  "Approve join request": {
    flags: ["--route", "/api/teams/:teamId/join-requests/:requestId/approve", "--resource", "Team", "--relation", "admin", "--value-object", "TeamId:uuid@path", "--value-object", "RequestId:uuid@path", "--transition", "Pending->Approved"],
    must: ["What changes besides the JoinRequest when this use-case runs (a member added to the Team)"],
    mustNot: ["a count or total kept on"],
  },
  // B19 (TRIAL17B). An event about many records counts them: a bare participle (`imported`, `failed`) in
  // ContactsImported is how many rows ended so, a number, not a string ...
  "Import contacts from CSV": {
    flags: ["--summary", "A signed-in user uploads a CSV file of up to 10,000 contacts; valid rows are imported and each invalid row is reported with its line number and reason", "--route", "/api/contacts/imports", "--async", "--capability", "file-upload", "--response", "importId,status", "--pii", "email,name,phone", "--scheduled-command", "ImportContactsCsv", "--event", "ContactsImported:importId,imported,failed@ImportContactsCsv", "--error", "TooManyRows:422:the file has more than 10,000 rows"],
    must: ["importId: string, imported: number, failed: number", "readonly imported: number;", "readonly failed: number;"],
    mustNot: ["imported: string", "failed: string"],
  },
  // ... while in an event about one record it says whether that one did (a boolean), and other names stay strings ...
  "Attempt payment": {
    flags: ["--route", "/api/payments/:paymentId/attempts", "--resource", "Payment", "--value-object", "PaymentId:uuid@path", "--event", "PaymentAttempted:paymentId,failed,reason"],
    must: ["paymentId: string, failed: boolean, reason: string", "readonly failed: boolean;"],
    mustNot: ["failed: number", "failed: string"],
  },
  // ... and an order's total, an amount of money, is no count and stays as it was.
  "Place order": {
    flags: ["--route", "/api/orders", "--value-object", "CartId:uuid", "--event", "OrderPlaced:orderId,total,itemsCount"],
    must: ["orderId: string, total: string, itemsCount: number"],
    mustNot: ["total: number"],
  },
  // E17. A gift card applied to a cart whose total then drops applies no more than the new amount due, and keeps the
  // rest ...
  "Redeem gift card at checkout": {
    flags: ["--summary", "A signed-in customer applies a gift card code to their cart at checkout; the card's balance pays up to the amount due and the rest of the balance stays on the card", "--route", "/api/me/cart/gift-cards", "--resource", "Cart", "--value-object", "GiftCardCode:pattern([A-Z0-9]{16})", "--response", "giftCardLast4,appliedAmount,remainingBalance,amountDue", "--capability", "secret-link-redeem", "--enumeration", "gift card code", "--rate-limit", "5/15m", "--error", "GiftCardNotUsable:422:the code is unknown, used up, expired or disabled", "--error", "CartEmpty:422:the cart has no items"],
    must: ["The amount applied follows what is due: when the total of the cart or order the card pays changes after it was applied", "a card applied before the total it pays drops is capped again at the new amount due, and keeps the rest"],
    mustNot: [],
  },
  // ... while a coupon, which carries no balance, says nothing of it (the coupon on a cart above stays as it was).
  "Apply discount coupon to my cart": {
    flags: ["--route", "/api/me/cart/coupon", "--method", "PUT", "--resource", "Cart", "--value-object", "CouponCode:pattern([A-Z0-9]{8})", "--capability", "secret-link-redeem", "--enumeration", "coupon code"],
    must: ["| enumeration-lookup-other |"],
    mustNot: ["The amount applied follows what is due", "| capability-secret-link-value-code |"],
  },
  // E22. A member's storage quota holds where bytes are written (each upload reserving its size atomically), lowering it
  // deletes nothing, and how unlimited is said and whether quotas may sum past the organisation's storage are asked ...
  "Set storage quota of a member": {
    flags: ["--method", "PUT", "--route", "/api/organisations/:organisationId/members/:memberId/storage-quota", "--resource", "Organisation", "--relation", "admin", "--value-object", "OrganisationId:uuid@path", "--value-object", "MemberId:uuid@path", "--value-object", "QuotaBytes:int(0..1099511627776)"],
    must: ["| storage-quota |", "each upload reserves its size against it by one conditional update", "A quota set below what is already used deletes and hides nothing", "How is an unlimited quota said", "May the quotas given out add up past the storage the Organisation itself has"],
    mustNot: [],
  },
  // ... while an API's request quota is no storage quota.
  "Set API request quota of a client": {
    flags: ["--method", "PUT", "--route", "/api/clients/:clientId/request-quota", "--resource", "Client", "--value-object", "ClientId:uuid@path", "--value-object", "RequestsPerMinute:int(1..100000)"],
    must: [],
    mustNot: ["| storage-quota |", "reserves its size"],
  },
};

describeFit(CASES, "each plan says what is true for its use-case (left19b)");
