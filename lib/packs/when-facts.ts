/**
 * The yes/no facts a pack's `when` can test, each declared once here: its key, the words a plan's "why these items" and
 * `mjoplan packs` say when it holds or not, its description in the pack schema (dist/mjoplan.pack.schema.json), and for
 * facts added after callers built PackFacts without them, the value they then have. Everything else is derived from
 * this table: PackWhen's and PackFacts' yes/no keys (pack.ts), the schema's properties (pack-schema.ts), the order
 * conditions are reported in (WHEN_ORDER), and the words (match.ts); pack-facts.ts does not build unless it computes
 * every key. A new fact is one entry, at the end (reasons are reported in this order, so plans keep theirs).
 */
import type { PackFacts, PackWhenLists } from "./pack.js";

/** One yes/no fact of a `when`. */
export interface WhenFact {
  /** What the plan says when the fact holds ("async"), and when it does not ("synchronous"). */
  yes: string;
  no: string;
  /** The pack schema's description of the key, for pack authors. */
  description: string;
  /** The fact's value in facts built before it existed (a team's, a test's); without it, false. */
  absent?: (facts: PackFacts) => boolean;
}

const FACTS = {
  async: { yes: "async", no: "synchronous", description: "Accepted now and finished by a job" },
  self: { yes: "acts on itself (the credential's own data)", no: "does not act on itself", description: "Whether the caller acts on itself (/me): identity from the credential" },
  /**
   * Whether the route is under `/me` (`/api/me/avatar`): the caller's own by construction. A signed-in
   * request outside /me that names no resource is planned as acting on the caller's own data too
   * (`self`), but whose data it reaches is then the plan's guess, and a question.
   * Absent from facts built before it: the same as `self`.
   */
  meRoute: { yes: "the route is under /me", no: "the route is not under /me", description: "Whether the route is under /me (/api/me/avatar): the caller's own by construction; a signed-in request elsewhere that names no resource is only planned as the caller's own", absent: (facts): boolean => facts.self },
  resource: { yes: "loads a resource", no: "no resource", description: "Whether the use-case loads a resource it acts on (--resource)" },
  /**
   * Whether the request names one resource (a route parameter, or an input that reads as a key):
   * false without a resource, for a list of them (`GET /api/me/meetings`, paginated `GET /api/meetings`)
   * and for the caller's one under /me that the request never names (`POST /api/me/avatar`).
   * Only a named one can be missing (404) or lie outside the caller's scope.
   * Absent from facts built before it: the same as `resource`.
   */
  identifiesOne: { yes: "the request names one resource", no: "the request names no one resource", description: "Whether the request names one resource (a route parameter or an input that reads as a key); false for a list of them, or the caller's one under /me (/api/me/avatar)", absent: (facts): boolean => facts.resource },
  /**
   * Whether the route has a parameter (`/api/meetings/:meetingId`). Kept for team packs written
   * against it: identifiesOne, which also counts an input that reads as a key, is the one to use.
   * Absent from facts built before it: the same as `identifiesOne`.
   */
  routeParam: { yes: "the route has a parameter", no: "the route has no parameter", description: "Whether the route has a parameter (/api/meetings/:meetingId); kept for packs written against it, identifiesOne is the one to use", absent: (facts): boolean => facts.identifiesOne ?? facts.resource },
  /** Whether the relation names a role some members of the resource hold (team-admin, editor), not membership itself: members without it get 403, others 404. */
  memberRole: { yes: "the relation is a role among the resource's members", no: "the relation is not a role among members", description: "Whether the relation names a role some members of the resource hold (team-admin, editor, moderator), not membership itself: a member without it gets 403, a non-member 404" },
  enumeration: { yes: "enumeration", no: "no enumeration", description: "Whether the existence of something must not leak (--enumeration)" },
  /** Whether the enumerated key looks up another record than the resource (a coupon code applied to the caller's Cart), which is found by the credential or its own id. */
  enumeratesOther: { yes: "the enumerated key looks up another record than the resource", no: "the enumerated key finds the resource", description: "Whether the enumerated key looks up another record than the resource (a coupon code applied to the caller's Cart): the resource is found by the credential or its own id in the route" },
  /** Whether the change takes a limited quota another record than the resource holds (a coupon's uses left, stock, seats), as the answers' words say. */
  sharedQuota: { yes: "takes a limited quota another record holds (uses left, stock, seats)", no: "takes no quota of another record", description: "Whether the change takes a limited quota another record than the resource holds (a coupon's uses left, a product's stock, seats), as the summary, criteria or errors say: an atomic conditional update of that record, and when it is taken and given back" },
  /** Whether a create reserves a scarce shared thing (a Booking of a Slot): live ones per caller are capped, a hold expires. */
  reservation: { yes: "reserves a scarce shared thing (a booking, a reservation)", no: "reserves nothing", description: "Whether a create reserves a scarce shared thing: its new item is a Booking, Reservation, Hold, Appointment or Registration, or it moves the resource to Booked, Reserved or Held" },
  /** Whether the request gives a time zone (a TimeZone input): UTC kept, the zone an IANA name. */
  zonedTime: { yes: "the request gives a time zone", no: "the request gives no time zone", description: "Whether the request gives a time zone (a TimeZone input): times kept in UTC, the zone checked as an IANA name" },
  pii: { yes: "personal data", no: "no personal data", description: "Whether the use-case handles personal data" },
  audit: { yes: "audited", no: "not audited", description: "Whether the use-case is audited" },
  scheduledCommand: { yes: "scheduled command", no: "no scheduled command", description: "Whether a scheduled command is involved" },
  /** Whether the scheduled command cleans up what the change replaced (PurgeReplacedAvatar, RevokeRotatedApiKey): it acts on what it names, never skipped as superseded (TRIAL7 U10). */
  cleanupCommand: { yes: "the scheduled command cleans up what the change left behind (a replaced file, a rotated secret)", no: "the scheduled command finishes the request's own change", description: "Whether the scheduled command cleans up what the change replaced (PurgeReplacedAvatar, DeleteOldFile, RevokeRotatedApiKey: a purge, delete, remove or revoke of something replaced, previous, old, rotated or orphaned): it acts on what it names whatever the record became, never skipped as superseded" },
  events: { yes: "emits events", no: "no events", description: "Whether the use-case emits domain events" },
  inputs: { yes: "request carries inputs", no: "request carries no inputs", description: "Whether the request carries inputs to validate (value objects, route parameters)" },
  /** Whether an input follows the `url` rule: a URL the request names, which the server may fetch (SSRF) or send the caller to (open redirect). */
  urlInput: { yes: "an input is a URL", no: "no URL input", description: "Whether an input follows the url rule (a URL the server may fetch or redirect to)" },
  /** Whether the request is signed by its sender (a provider's webhook): an anonymous caller whose signature over the raw body is its credential. */
  signed: { yes: "signed by its sender", no: "not signed", description: "Whether the request is signed by its sender (a webhook): the signature over the raw body is the credential" },
  inboundMail: { yes: "a mail received for us (an inbound e-mail)", no: "no mail received for us", description: "Whether a signed delivery is a mail its provider received for us and posts parsed (an inbound e-mail, a reply to a ticket), not an event a provider reports: the sender's SPF/DKIM/DMARC verdict, the reply token, attachments and auto-replies matter, no refund arrives before its charge" },
  /**
   * Whether the request proves who the caller is: with a secret it knows (a sign-in: an account and its
   * password), or with an identity provider's code (an OAuth callback, also `oauthCallback`): its answer
   * is a session or a refusal.
   */
  credentials: { yes: "checks credentials", no: "checks no credentials", description: "Whether the request proves who the caller is: a sign-in with a secret it knows, or an OAuth callback with the provider's code" },
  /**
   * Whether the request is an OAuth/OIDC redirect callback (the provider sends the browser back with a
   * code and a state; `--capability oauth-callback`, or an anonymous GET with both): it starts a session.
   */
  oauthCallback: { yes: "an OAuth/OIDC callback", no: "no OAuth callback", description: "Whether the request is an OAuth/OIDC redirect callback (a code and a state from the provider) that starts a session" },
  /** Whether two inputs bound one range (From/To, MinPrice/MaxPrice, both dates or both numbers): their order is a rule of its own. */
  rangeInput: { yes: "two inputs bound a range", no: "no range input", description: "Whether two inputs bound a range (From/To, MinPrice/MaxPrice: both dates or both numbers)" },
  /** Whether both ends of every range are required (From:date and To:date, not From?:date): no end alone, no missing end's default (TRIAL11 Y17). */
  rangeEndsRequired: { yes: "both ends of every range are required", no: "an end of a range may be left out", description: "Whether both ends of every range are required (From:date and To:date): no end can be missing, so nothing is said of one end alone or of what a missing end defaults to" },
  /** Whether the answers name the error that caps a range's width (RangeTooLong:400 'the range spans more than 366 days'): it is the cap, and how wide is not asked (TRIAL11 Y17). */
  rangeWidthCapped: { yes: "the answers name the error capping a range's width", no: "the answers name no cap on a range's width", description: "Whether the answers name the error that caps how wide a range may be (a 4xx speaking of a span, width or length of the range, RangeTooLong:400): it is the width threat's answer, in {rangeWidthError} and {rangeWidthStatus}, and how wide a range may be is not asked" },
  /** Whether two inputs bound a range of dates or times: its width per request is capped and asked (TRIAL7 U11); a numeric range is only kept in order. */
  dateRange: { yes: "a range of dates or times", no: "no range of dates or times (a price, a count)", description: "Whether two inputs bound a range of dates or times (From/To dates): a range that reads history, whose width per request is capped and asked; a numeric range (MinPrice/MaxPrice) is only kept in order" },
  /** Whether the answer hands out a long-lived secret (a response field named signingSecret, apiKey, key, secret): shown once, never kept in clear. */
  secretResponse: { yes: "the answer hands out a secret", no: "the answer holds no secret", description: "Whether the answer hands out a long-lived secret (a response field named signingSecret, apiKey, key, secret)" },
  recurring: { yes: "the scheduled command recurs", no: "the scheduled command runs once", description: "Whether the scheduled command recurs (a Cron or Interval input, or the use-case says weekly, daily, every ...; an asynchronous request's job on the one record it names only where the words say every ..., once a ... or recurring)" },
  /**
   * Whether the caller sets the recurring schedule's rule (a Cron, Interval or Recurrence input): a schedule users create or
   * edit, whose creator's access and shortest interval matter; false for a fixed job the system runs (a nightly digest).
   */
  userSchedule: { yes: "the caller sets the schedule's rule", no: "a fixed schedule the system runs", description: "Whether the caller sets the recurring schedule's rule (a Cron, Interval or Recurrence input), not a fixed job the system runs" },
  /**
   * Whether the request names the period a recurring job runs for (a Month, Period or Week input): a run it asks for (an
   * admin's re-run) replaces that period's output, where a duplicated scheduled run does nothing. `{period}` names the input.
   */
  /** Whether the use-case is a job the system runs on its fixed schedule, no route or access answered: the scheduler's identity alone calls it (fix17b). */
  /** Whether a change of a resource's state is allowed only before a cut-off its words name (Cancel a pending bank transfer before the cut-off, fix17b): its clock and zone, and the race with the batch. */
  cutOff: { yes: "the change is allowed only before a cut-off", no: "no cut-off", description: "Whether a change or delete that moves the resource's state is allowed only before a cut-off its summary, criteria or errors name (CutOffPassed:409): change-before-cut-off decides it by the server's clock in one stated time zone and makes the move ({cutOffMove}) one conditional update, so the batch that picks the record up at the cut-off and the change never both win" },
  /** Whether the use-case rates its resource with a score (Rate a completed ride: Stars on /rides/:rideId/rating, fix17b): rated once, the average kept in the same transaction. */
  rating: { yes: "the use-case rates its resource with a score", no: "no rating", description: "Whether the use-case rates its resource with a score: its route says rating or review, or its name starts with Rate or Review, and an input carries the score (Stars, Rating, Score); rating then has each rater rate a record once and keeps {rated}'s average in the rating's own transaction" },
  /** Whether the use-case merges two records of its resource (Merge two duplicate customer records, fix17b): both loaded, checked and written in one transaction, references repointed. */
  merge: { yes: "two records of the resource are merged", no: "no merge of two records", description: "Whether the use-case merges two records of its resource: its route ends in merge or its name starts with Merge, and an id input other than the route's (DuplicateId, {mergedId}) names the record folded into the route's one; merge-records loads both in one transaction, same tenant, marks the duplicate merged and repoints what referenced it" },
  /** Whether the answers name their own refusal of a merge of a record into itself (SameCustomer:422, fix17b): merge-records-self's MergeWithSelf is then not added beside it. */
  mergeSelfAnswered: { yes: "the answers refuse a self-merge with their own error", no: "the answers name no refusal of a self-merge", description: "Whether the answers name their own error for a merge of a record into itself (a 4xx whose name or condition says same, self or itself: SameCustomer:422): {mergeSelfError} is it, and merge-records-self adds no MergeWithSelf beside it" },
  /** Whether the use-case redeems a share link its owner handed out (View a shared dashboard, fix17b): its expiry is the one stored when it was issued, never a lifetime of this plan's. */
  sharedLinkRead: { yes: "a share link is redeemed", no: "no share link is redeemed", description: "Whether the use-case redeems a share link its owner handed out itself (a secret link no message sends and that opens no account, whose route, name or summary says share or shared: GET /api/shared-dashboards/:token): capability-secret-link-redeem-shared refuses it past the expiry stored when it was issued, which its owner may have set, where capability-secret-link states a lifetime of its own" },
  /** Whether the answers name their own error for an expired one-time code (CodeExpired:410, fix17b): the code packs answer with it, not "the same 404 as a wrong code". */
  codeExpiryAnswered: { yes: "the answers name their own error for an expired code", no: "an expired code is answered as a wrong one", description: "Whether the answers name their own error for an expired one-time code, a 4xx whose name or condition speaks of expiry (CodeExpired:410): capability-one-time-code-redeem-expiry-answered answers an expired code with it, {codeExpiredError} and {codeExpiredStatus}, where capability-one-time-code-redeem-expiry answers it as a wrong code" },
  /** Whether one resource is loaded though no route parameter or input names which (fix17b): asked, never "the one the request names". */
  resourceUnnamed: { yes: "one resource is loaded, but nothing in the request names which", no: "the request says which one", description: "Whether the use-case loads one resource though no route parameter or input names which (--resource Report on PATCH /api/update-the-report): the plan asks which one it is rather than say the request names it" },
  systemJob: { yes: "a job the system runs, triggered by the scheduler alone", no: "not a job the system runs unasked", description: "Whether the use-case is a job the system runs on its fixed schedule (a scheduled command that recurs by its words, no schedule rule or period in the request) with no route, access, role, relation or resource answered: planned as --auth roles --roles scheduler, its endpoint the scheduler's trigger that only the scheduler's service identity may call" },
  periodInput: { yes: "the request names the period the job runs for", no: "the request names no period", description: "Whether the request names the period a recurring job runs for (a Month, Period or Week input): a run it asks for replaces that period's output" },
  anySignedIn: { yes: "any signed-in caller reaches every resource (relation none)", no: "not every signed-in caller reaches every resource", description: "Whether any signed-in caller reaches every resource (--relation none with --auth authenticated): no caller's scope to query by" },
  /** Whether an anonymous caller joins something with a code it holds (Join meeting with code): the request creates a guest participant and a guest session. */
  guestJoin: { yes: "an anonymous caller joins with a code and becomes a guest", no: "no guest join", description: "Whether an anonymous caller joins something with a code it holds: the request creates a guest participant and a guest session" },
  /** Whether a signed-in request names other records by id (FromAccountId, NewOwnerId): each a foreign reference the caller may not reach. */
  referencesIds: { yes: "the request names other records by id", no: "the request names no other record by id", description: "Whether a signed-in request names other records by id (FromAccountId, NewOwnerId), not the route's resource nor a read's filter (an optional id in its query string, or any of a paged list's)" },
  /** Whether a change or delete of a loaded resource carries the client's ETag (an input named IfMatch, the `If-Match` header): a conditional request. */
  ifMatch: { yes: "a conditional request (If-Match)", no: "no If-Match", description: "Whether a change or delete of a loaded resource carries the client's ETag (an input named IfMatch, the If-Match header)" },
  /**
   * Whether the use-case answers stored records (a resource, or a list of them: pagination, an `items`
   * response field, or no response fields named) rather than something it computes (a health status,
   * whether a name is free): only records can be public, cached by a CDN, or an empty list.
   * Absent from facts built before it: true, as every query was read before it.
   */
  answersRecords: { yes: "answers stored records", no: "answers something computed, not records", description: "Whether the use-case answers stored records (a resource or a list of them), not something it computes (a health status, whether a name is free)", absent: (): boolean => true },
  /** Whether the file in or out is a CSV or a spreadsheet (the use-case's name, summary or route say so): cells a spreadsheet may run as formulas. */
  csv: { yes: "a CSV or spreadsheet file", no: "no CSV file", description: "Whether the file in or out is a CSV or a spreadsheet (the use-case's name, summary or route say so)" },
  /** Whether an uploaded file is imported (file-upload, and the use-case says import or CSV): parsed into records, never served to anyone. */
  importsFile: { yes: "the uploaded file is imported, never served", no: "the uploaded file is kept and served", description: "Whether an uploaded file is imported (the use-case says import, or the file is a CSV): parsed into records, never served" },
  /** Whether the request carries an idempotency key (an input named IdempotencyKey: the `Idempotency-Key` header): a retry must not act twice. */
  idempotencyKey: { yes: "carries an idempotency key", no: "no idempotency key", description: "Whether the request carries an idempotency key (the Idempotency-Key header)" },
  /** Whether a URL input says where to send the caller next (ReturnTo, RedirectUri, Next): an open redirect unless it is checked. */
  redirectInput: { yes: "a URL input says where to send the caller", no: "no redirect input", description: "Whether a URL input says where to send the caller next (ReturnTo, RedirectUri, Next)" },
  /** Whether the request sets a password (NewPassword; a Password on a sign-up, a reset, a use-case named for passwords): kept only as a slow hash, never logged, breach-checked. */
  passwordInput: { yes: "sets a password", no: "sets no password", description: "Whether the request sets a password (NewPassword; a Password on a sign-up, a reset or a use-case named for passwords), not one that only proves who the caller is" },
  /** Whether a signed-in caller's Password only proves who it is (a step-up before deleting the account): compared with the stored hash, never stored or breach-checked (TRIAL7 U4). */
  stepUpPassword: { yes: "a signed-in caller's password only proves who it is (a step-up)", no: "no password only proves who a signed-in caller is", description: "Whether a signed-in caller sends its password only to prove who it is again (a Password input on a use-case not named for passwords: a step-up before deleting the account): compared with the stored hash, never stored or breach-checked" },
  /**
   * Whether a signed-in caller proves who it is again with the current password (an input named
   * `CurrentPassword` or `OldPassword`): a sensitive change guarded by re-authentication.
   */
  reauthenticates: { yes: "re-authenticates with the current password", no: "no re-authentication", description: "Whether a signed-in caller gives its current password again (an input named CurrentPassword or OldPassword)" },
  /**
   * Whether the answer must not tell the caller what the request did to someone else (a message sent
   * to an address, or held back past a cap): with an enumeration, or for an anonymous caller, who may
   * not be the address's owner. false: a signed-in sender (an admin inviting someone) is told.
   * Absent from facts built before it: whether there is an enumeration or the caller is anonymous.
   */
  hiddenOutcome: { yes: "the caller is not told what the request did to someone else", no: "the caller is told what its request did", description: "Whether the answer must not tell the caller what the request did to someone else (a message sent or held back): with an enumeration, or an anonymous caller", absent: (facts): boolean => facts.enumeration || facts.auth === "anonymous" },
  /**
   * Whether a secret link opens an account (a password reset, a magic sign-in link: the use-case's name,
   * route or scheduled command says so): short-lived, as OWASP asks of reset tokens.
   */
  accountRecovery: { yes: "the link opens an account", no: "the link opens no account", description: "Whether a secret link opens an account (a password reset, a magic sign-in link), so it is short-lived" },
  /**
   * Whether a DELETE's effect is the resource's state change (`--transition` on a DELETE of one resource:
   * cancel an export, trash a document): the record stays, saved in its new state and readable there.
   */
  deleteMovesState: { yes: "the delete moves the resource to a state (it stays)", no: "the delete removes", description: "Whether a DELETE's effect is the resource's state change (--transition on a DELETE: a cancel, a trash): the record stays, saved in its new state" },
  /** Whether the answers give an erasure's cancellation window (a 14-day grace period in the summary): the plan's window, not asked for (TRIAL7 U5). */
  windowGiven: { yes: "the answers give the erasure's cancellation window", no: "the answers give no cancellation window", description: "Whether the answers give an erasure's cancellation window (the summary or a criterion: a 14-day grace period, when 14 days have passed): the plan uses it and does not ask for one" },
  /** Whether the summary or a criterion says the request signs the person out everywhere: every session and refresh token revoked (TRIAL7 U5). */
  signsOut: { yes: "the answers say the caller is signed out everywhere", no: "the answers say nothing of signing out", description: "Whether the summary or a criterion says the request signs the person out (signed out everywhere, every session revoked): sessions-revoked then revokes every session and refresh token" },
  /** Whether the write keeps free text for people to read later (a comment's body, a bio, a note): stored XSS (TRIAL9 W1); `{storedText}` names the inputs. */
  storedText: { yes: "the write keeps free text people will read", no: "the write keeps no free text", description: "Whether a create or change keeps free text for people to read later (a string input named for prose or a name: Body, Comment, Bio, DisplayName, Note): stored XSS, kept as written and encoded where shown" },
  /** Whether a write keeps a URL input it never calls (no external-call): whether it will ever be fetched is asked (TRIAL9 W13); `{keptUrls}` names them. */
  keptUrl: { yes: "the write keeps a URL it never calls", no: "the write keeps no URL it does not call", description: "Whether a create or change keeps a URL input (the url rule) and the use-case has no external-call: whether the server will ever fetch it (an SSRF path) is asked" },
  /**
   * Whether a change or a read acts on an item inside the resource: the route names an id after the
   * resource's (`POST /api/teams/:teamId/join-requests/:requestId/approve --resource Team`); `{item}` names it.
   */
  itemInResource: { yes: "the route names an item inside the resource", no: "the route names no item inside the resource", description: "Whether a change or a read acts on an item inside the resource: the route names an id after the resource's (/api/teams/:teamId/join-requests/:requestId/approve)" },
  /** Whether many records named by id are deleted in one request (`POST /api/items/bulk-delete`, a DELETE of a collection with an `Ids` input); `{records}` names them. */
  bulkDelete: { yes: "deletes many records named by id", no: "deletes no list of ids", description: "Whether many records named by id are deleted in one request (POST /api/items/bulk-delete, or a DELETE of a collection with an Ids input)" },
  /** Whether many existing records named by id are changed in one request (`POST /api/orders/bulk-status` with `OrderIds`): each loaded in the caller's scope, checked and saved on its own; `{records}` names them (TRIAL10 X13). */
  bulkChange: { yes: "changes many existing records named by id", no: "changes no list of records named by id", description: "Whether many existing records named by id are changed in one request (a POST or PATCH whose route says bulk, /api/orders/bulk-status or :batchUpdate, with a list of ids; or an action on a collection under the resource named by its ids, /api/projects/:projectId/tasks/archive with TaskIds): per-id outcomes, not a create" },
  /** Whether a bulk change moves each record to a state the request names (a `Status:enum(...)` input): each move checked, a refused one a per-id failure. */
  bulkStateChange: { yes: "a bulk change moves each record to a state the request names", no: "no bulk change of a state", description: "Whether a bulk change moves each record to the state an enum input names (Status, State): each record's move checked on its own, a refused one reported for its id" },
  /** Whether a refresh token is exchanged for new tokens (an input named RefreshToken, `--capability token-refresh`): the token is the credential, rotated on use. */
  tokenRefresh: { yes: "exchanges a refresh token", no: "no refresh token exchanged", description: "Whether a refresh token is exchanged for new tokens (an input named RefreshToken, or capability token-refresh): the token is the credential" },
  /**
   * Whether the request acts when the thing it names does not exist yet (a sign-up, a change of email, an
   * invitation by email), where a password reset acts when it exists: with an enumeration, which case issues a link.
   */
  actsOnMissing: { yes: "acts when the named thing does not exist yet (a sign-up)", no: "acts when the named thing exists", description: "Whether the request acts when the thing it names does not exist yet (a sign-up, a change of email, an invitation by email), not when it exists (a password reset)" },
  /** Whether the secret is a short code a person types (a 6-digit SMS code), not a link: issued as one (the use-case says code, OTP, PIN or digits), or redeemed from a ...Code input typed into the body. */
  oneTimeCode: { yes: "the secret is a short code a person types", no: "the secret is no short code a person types", description: "Whether the secret is a short code a person types: issued as one (the use-case says code, OTP, PIN or digits, and never link), or redeemed from a ...Code input typed into the body; a short life and few tries, not entropy" },
  /** Whether the resource is found by a secret link's token the request carries (a share link): holding the token is the access, so nothing about it is public or cacheable. */
  reachedByToken: { yes: "the resource is reached by holding a secret link's token", no: "the resource is not reached by a secret link", description: "Whether the resource is found by a secret link's token the request carries (a share link): holding it is the access, nothing is public" },
  /** Whether a read answers the record its enumerated key names (a user looked up by email): whether it exists shows by design, so discovery is limited instead. */
  discovery: { yes: "the answer is the record its key names: existence shows by design", no: "the answer does not show what exists", description: "Whether a read answers the record its enumerated key names (a user found by email): its existence shows by design, so discovery is limited instead of hidden" },
  /** Whether the use-case issues an API key (a create whose answer hands out a secret, named for an API key or access token): a credential kept by its holder, not a link. */
  apiKey: { yes: "issues an API key", no: "issues no API key", description: "Whether the use-case issues an API key (a create whose answer hands out a secret, named for an API key or access token): a credential the holder keeps, not a link" },
  /** Whether the use-case rotates an API key or another long-lived secret: a change named rotate, regenerate, roll or reissue whose answer hands out a secret (TRIAL7 U12). */
  keyRotation: { yes: "rotates a key: a new secret handed out for an existing one", no: "rotates no key", description: "Whether the use-case rotates an API key or another long-lived secret (a change whose name or route says rotate, regenerate, roll or reissue and whose answer hands out a secret): who may rotate, both secrets during the grace period, last use" },
  /**
   * Whether a message goes to someone the request names (an address or a user id in the request; whoever an
   * anonymous caller or an enumeration names): per-recipient caps that refuse or hide, and message bombing, apply.
   * false: a fixed inbox of ours (a contact form to sales: capability sends-message-internal), a stored audience
   * (a newsletter: sends-message-bulk), the caller's own account or a person the record names.
   * Absent from facts built before it: true, as every message was planned before it.
   */
  namedRecipient: { yes: "a message goes to whom the request names", no: "messages go to a fixed inbox, a stored audience, the caller's own account or a person the record names", description: "Whether a message goes to someone the request names (an address or a user id in the request, or whoever an anonymous caller or an enumeration names), not to a fixed inbox of ours (capability sends-message-internal), a stored audience (sends-message-bulk), the caller's own account or a person the record names", absent: (): boolean => true },
  /** Whether a message goes to the caller's own account (signed in, acting on itself, naming no recipient): no cap or budget refuses the request (TRIAL6 U3). */
  ownRecipient: { yes: "a message goes to the caller's own account: signed in, naming no recipient", no: "a message goes to someone the request names, or to no one account", description: "Whether a message goes to the caller's own account (signed in, acting on itself, no address or recipient in the request): never refused for a mail budget or a per-recipient cap" },
  /** Whether a message goes to a person the record the request acts on names (a report's submitter; signed in, naming no recipient): no cap or budget refuses the request (TRIAL7 U3). */
  recordRecipient: { yes: "a message goes to a person the record names: signed in, naming no recipient", no: "a message goes to someone the request names, to the caller or to no one person", description: "Whether a message goes to a person the record the request acts on names (the submitter of an approved report; signed in, no address or recipient in the request): never refused for a mail budget or a per-recipient cap, the send job holds it back" },
  /** Whether a message goes to a stored audience (sends-message-bulk): opted in, one-click unsubscribe, so no question asks whether a recipient may stop it (TRIAL7 U13). */
  storedAudience: { yes: "a message goes to a stored audience (opted in, with one-click unsubscribe)", no: "no message goes to a stored audience", description: "Whether a message goes to a stored audience (capability sends-message-bulk: a newsletter, a digest to every user who opted in): each recipient can stop it with one-click unsubscribe, so nothing asks whether they may" },
  /** Whether a grant names the role or permission it gives (`Role:enum(member|admin)` on an invitation): never above the granter's own (TRIAL6 U10). */
  grantsRole: { yes: "the grant names the role or permission it gives", no: "the grant names no role", description: "Whether a grant names the role or permission it gives (an input named Role, Permission or AccessLevel): never above the granter's own" },
  /** Whether a create under a resource gives another person access to it, named by an email or a user id in the request (`POST /api/documents/:documentId/shares` with `Email`): a grant, unique per resource and recipient. */
  grant: { yes: "grants another person access to the resource", no: "grants no one else access", description: "Whether a create under a resource gives another person access to it, named by an email or a user id in the request (share a document, invite to a team): a grant" },
  ticketInput: { yes: "the request names a ticket that justifies it", no: "no ticket named", description: "Whether a signed-in request names the ticket or case that justifies it (an input named TicketId, CaseId, TicketNumber): verified against the ticket system, not only parsed" },
  /** Whether the answers name their own error for a ticket the check refuses (TicketNotFound:422): that error is the check's answer, no 403 TicketNotValid beside it (TRIAL11 Y2). */
  ticketAnswered: { yes: "the answers name the error for a ticket the check refuses", no: "the answers name no error for a refused ticket", description: "Whether the answers name their own error for a ticket that does not justify the request (a 4xx whose name or condition speaks of the ticket or case, TicketNotFound:422): it is the ticket check's answer, in {ticketError} and {ticketErrorStatus}, and no 403 TicketNotValid stands beside it" },
  contactChange: { yes: "changes the caller's own email or phone", no: "changes no email or phone of the caller's", description: "Whether a signed-in caller changes its own account's email or phone (an Email or Phone input on a change under /me): the address that signs in and recovers the account, confirmed before it takes effect" },
  selfExport: { yes: "exports the caller's own data as a file", no: "exports none of the caller's own data", description: "Whether a signed-in caller exports its own data as a file (file-download under /me, named for an export): one request hands over the whole account, so it needs a recent sign-in and the person is told" },
  subjectExport: { yes: "exports another person's personal data", no: "exports no one else's personal data", description: "Whether a role-gated use-case exports another person's personal data as a file (file-download, --pii, a resource that is not the caller): a subject-access request answered" },
  consent: { yes: "records a consent (its history is the evidence)", no: "records no consent", description: "Whether the use-case gives or withdraws a consent (its route or summary says consent): each choice appended to a history that demonstrates it (GDPR Art. 7(1)), never overwritten" },
  domainClaim: { yes: "claims an internet domain for the organisation", no: "claims no domain", description: "Whether a signed-in request claims an internet domain (an input named Domain or EmailDomain): it takes effect only once control of the domain is proven, one organisation per domain" },
  ssoConfig: { yes: "configures single sign-on", no: "configures no single sign-on", description: "Whether the use-case configures single sign-on (SAML, OIDC, SSO or an identity provider in its name, summary or route): a broken configuration locks everyone out, a forged one lets anyone in" },
  userLink: { yes: "stores a URL that others are sent to", no: "stores no URL others are sent to", description: "Whether a create stores a URL from the request that others are later sent to (an input named TargetUrl, Destination, LongUrl, LinkUrl): a short link or a redirect served from our domain" },
  chosenSlug: { yes: "the caller chooses a public name (a slug)", no: "no public name chosen", description: "Whether a create lets the caller choose a public name (an input named Slug, Alias, Handle, Vanity): taken or reserved names are refused" },
  restoresTrashed: { yes: "restores a soft-deleted record from the trash", no: "restores nothing from a trash", description: "Whether a signed-in change restores a resource from the trash (its route ends in /restore, or its words say it was deleted, trashed or binned): the trashed one is read where other reads leave it out, within a window from its deletedAt" },
  approvalSteps: { yes: "approves in steps (a state between two approvals)", no: "approves in one step", description: "Whether a maker-checker approval moves the resource through a state between two approvals of this use-case (Submitted to AwaitingFinance, AwaitingFinance to Approved): each step is made by another person" },
  chargesCustomer: { yes: "charges the customer through a payment provider", no: "charges no customer", description: "Whether a write with an external call charges the customer through a payment provider (its name, summary or errors say charge, prorate, pay, purchase, a payment provider or a declined card; not a refund): the customer's own authentication of the charge and the amount shown first are asked" },
  mentions: { yes: "mentions people (a Mentioned... input)", no: "mentions no one", description: "Whether a write names people it mentions, an input named Mentions or Mentioned... (MentionedUserIds): whether the ids match the text's mentions and what a mention of oneself does are asked" },
  makerChecker: { yes: "approves what someone else submitted (maker-checker)", no: "approves nothing", description: "Whether a signed-in change approves a resource someone else submitted (its name or route says approve or approval): the approver is never the maker, and approves the version reviewed" },
  securityMessage: { yes: "the message is a security message (a link, a code, an account notice)", no: "the message is not a security message", description: "Whether the message a use-case sends is a security message (a secret link or code, a re-authenticated change, a sign-in or password notice): one a user cannot turn off" },
  downloadsFile: { yes: "answers a file download", no: "answers no file download", description: "Whether the use-case answers with a file download (capability file-download): a link to it is answered with the file, never exchanged for a session" },
  flagSwitch: { yes: "switches a feature flag", no: "switches no feature flag", description: "Whether the use-case changes a feature flag itself (its resource is a FeatureFlag or its route is under /feature-flags): every service must see the change, a safe default" },
  servesFile: { yes: "the answer is the stored file itself", no: "the answer is not the file itself", description: "Whether a read's answer is the stored file itself (file-download on a GET that names no response fields): streamed to the checked caller, no link handed out" },
  /** Whether an upload goes straight to storage (file-upload whose answer hands out an upload URL): the API issues a presigned URL, the bytes never pass through it. */
  uploadDirect: { yes: "the upload goes straight to storage (a presigned URL)", no: "the upload comes through the API", description: "Whether an upload goes straight to storage (file-upload whose answer hands out an upload URL, uploadUrl): the API issues a presigned URL, the bytes never pass through it" },
  imageUpload: { yes: "the upload is an image (avatar, photo) that is decoded and re-encoded", no: "the upload is no image (a CSV, a PDF) or of types not yet named", description: "Whether an upload kept and served is an image (every accepted type image/*, SVG aside: an avatar, a photo): decoded in a sandbox with a pixel cap, served only as its re-encoded variant" },
  /** Whether an upload kept and served may be an image (an accepted type is image/*, or its types are not named yet): images among them are re-encoded and their metadata stripped; false for a PDF-only or CSV-only upload. */
  imageTypes: { yes: "the kept upload may be an image (an accepted type is image/*, or the types are not named yet)", no: "the kept upload is no image (a PDF, a CSV)", description: "Whether an upload kept and served may be an image (an accepted type is image/*, or its types are not named yet): false for a PDF-only or CSV-only upload, where no image is re-encoded" },
  /** Whether an accepted type of an upload is an archive (application/zip): its entries limited in number, size and ratio, their names checked (zip bombs, path traversal). */
  archiveTypes: { yes: "an accepted type is an archive (application/zip)", no: "no accepted type is an archive", description: "Whether an accepted type of an upload is an archive (application/zip, a tar, a gzip): unpacking it is bounded in entries, size and ratio, and its entries' names are checked (zip bombs, path traversal); false for a PDF-only, CSV-only or image-only upload" },
  /** Whether a body input is optional (Bio?:string(0..500)): a PATCH then applies only the inputs its body carries, and whether null clears one is asked. */
  optionalBody: { yes: "a body input is optional", no: "no body input is optional", description: "Whether a body input is optional (Bio?:string(0..500)): a PATCH applies only the inputs its body carries, and whether null clears one is asked" },
  /** Whether a GET answers with a stream of events kept open (server-sent events: a Last-Event-ID input, or the use-case says so): no latency of one answer, access re-checked while open. */
  stream: { yes: "answers with a stream of events kept open", no: "answers once", description: "Whether a GET answers with a stream of events kept open (server-sent events: a Last-Event-ID input, or the use-case says server-sent events, SSE, event stream or WebSocket)" },
  listFilters: { yes: "the list takes a filter input", no: "the list takes no filter input", description: "Whether a list takes a filter input besides its cursor, page size and sort (Status, From): a cursor is then bound to the filters it was issued for" },
  secretInUrl: { yes: "the redeemed secret arrives in the URL", no: "the redeemed secret arrives in the body or a header", description: "Whether a redeemed secret arrives in the URL (a link's token in the path or query), not typed into a body (an invite code): only then can it leak through Referer, history and access logs" },
  /** Whether the request carries a code from the caller's authenticator app (TotpCode) to check: once per step, one step of skew, wrong ones capped. */
  secondFactorCode: { yes: "the request carries a code from the caller's authenticator app", no: "the request carries no authenticator code", description: "Whether the request carries a code from the caller's authenticator app (TotpCode) to check: accepted once per time step, one step of clock skew either side, wrong ones capped" },
  recoveryCodes: { yes: "the answer hands out recovery codes", no: "the answer hands out no recovery codes", description: "Whether the answer hands out a second factor's recovery or backup codes (recoveryCodes): shown once, each usable once" },
  /** Whether the rate limit is a per-click action's default (mark as read, like a post: 60 a minute), no limit the answers gave: the plan says why it is not a write's 10. */
  perClickLimit: { yes: "a per-click action's rate limit (a cheap toggle a person repeats)", no: "no per-click action's rate limit", description: "Whether the rate limit is a per-click action's default (a signed-in toggle of one record with no capability: mark as read, like, star, follow), not one the answers gave: 60 a minute, and the plan says why" },
  /** Whether the use-case hands the resource's ownership to another person (transfer ownership, a NewOwnerId input): a role change of two people, the caller's own included (TRIAL10 X6). */
  ownershipTransfer: { yes: "hands ownership to another person", no: "hands no ownership over", description: "Whether the use-case hands the resource's ownership to another person (its words say transfer ownership, or it names a NewOwnerId): the caller gives up its own role and grants one only it holds" },
  /**
   * Whether a query answers a list (listAnswerOf: the resource itself, items under one, or records), not one record: a
   * GET of the caller's one thing its /me route names by its singular (`/api/me/profile` for a Profile) names no id yet
   * answers one object, never an empty list (fix15b). Absent from facts built before it: a query naming no one resource.
   */
  answersList: { yes: "answers a list", no: "answers no list", description: "Whether a query answers a list (of the resource, of items under one, or of records), not one record: GET /api/me/profile for a Profile answers the caller's one", absent: (facts): boolean => facts.flow === "query" && !(facts.identifiesOne ?? facts.resource) },
  /** Whether a search answers people (users, members, contacts: its answer fields or the record its route searches): walking prefixes lists them (TRIAL10 X9). */
  searchesPeople: { yes: "the search answers people (users, members, contacts)", no: "the search answers no people", description: "Whether a search answers people: its answer fields identify a person (userId, displayName, email) or its route searches users, members, accounts or contacts (/teams/:teamId/members/search); walking prefixes through it lists them" },
  /** Whether an accepted type of an upload is an Office document (DOCX, XLSX, PPTX): a zip container that may carry macros or a remote template (TRIAL10 X16); `{officeKinds}` names them. */
  officeTypes: { yes: "an accepted type is an Office document (DOCX, XLSX, PPTX)", no: "no accepted type is an Office document", description: "Whether an accepted type of an upload is an Office document (DOCX, XLSX, PPTX: an Office Open XML media type, or a macro-enabled one): a zip container opened with limits, macros refused, its type read from the parts inside" },
  /** Whether the use-case registers an endpoint of the caller's (a webhook URL) and calls it now: a verification ping, signed with the endpoint's secret, its answer a 2xx with the challenge echoed. */
  webhookEndpoint: { yes: "registers an endpoint of the caller's and pings it (a webhook URL)", no: "registers no endpoint it pings", description: "Whether a create or change registers an endpoint of the caller's that we call (a URL input with external-call, named for a webhook or callback, or answering the endpoint's signing secret): the call is a verification ping, signed with the endpoint's secret, answered 2xx with the challenge echoed" },
  /** Whether a flag switch sets a percentage of users (an input named Percentage, Percent, Rollout or RolloutPercentage): sticky buckets (TRIAL11 Y4). */
  flagPercentage: { yes: "switches a flag by a percentage", no: "sets no percentage of a flag", description: "Whether the use-case sets a feature flag's percentage rollout (an input named Percentage, Percent, Rollout, RolloutPercentage): users already let in must stay in as it grows" },
  /** Whether a flag switch is scoped to one tenant, organisation or account (a route parameter before /feature-flags, or a resource that is no flag): it reaches that one only (TRIAL11 Y4). */
  flagScoped: { yes: "the flag is switched for one tenant", no: "the flag is switched for every tenant", description: "Whether the route scopes a feature-flag switch to one tenant, organisation or account (/api/tenants/:tenantId/feature-flags/:flagKey): the change reaches that one, not every tenant" },
  /** Whether a signed-in PUT or DELETE sets or removes the caller's own mark on the resource (`/api/posts/:postId/like`): a row keyed by (caller, record), not the record replaced (TRIAL11 Y8). */
  ownMark: { yes: "sets or removes the caller's own mark on the record (a like, a bookmark, a follow)", no: "sets no mark of the caller's", description: "Whether a signed-in PUT or DELETE sets or removes the caller's own mark on the resource (a route ending in like, bookmark, follow, star, subscription after the resource's id): one row per caller and record, an upsert, never the record replaced whole" },
  /** Whether an upload counts against a quota of the caller's (its words or errors say quota: QuotaExceeded): two requests at once must not both fit in what is left (TRIAL11 Y11). */
  uploadQuota: { yes: "the upload counts against a quota", no: "the upload counts against no quota", description: "Whether an upload counts against a quota (its summary, criteria or errors say quota or storage limit: QuotaExceeded): reserved atomically when accepted, given back when it never completes" },
  /** Whether a query answers figures computed over a period (usage per day for a date range, a report's totals): rollups read, answers cached, a statement timeout (TRIAL11 Y18). */
  aggregateReport: { yes: "answers figures aggregated over a period (usage, metrics, totals)", no: "answers no figures aggregated over a period", description: "Whether a query answers figures computed over a period (its words or response fields say usage, metrics, totals, report, and it takes a date range or says per day/week/month): rollups read rather than raw events, answers cached, a statement timeout" },
  /** Whether a role acts on another person's account (a support agent resets a user's second factor): targets of equal or higher privilege refused, one agent's unusual count watched (TRIAL11 Y19). */
  staffOnAccount: { yes: "a role acts on another person's account", no: "no role acts on another person's account", description: "Whether a signed-in role changes or deletes another person's account (its resource is a User, Account, Member, Customer...; not impersonation or a change of roles, which have their own packs): a target of equal or higher privilege is refused with 403, and one agent's unusual count of such actions raises an alert" },
  /** Whether stored text includes prose (a Body, a Bio, a Note), not only names and titles: only prose is asked about formatting, links and moderation (TRIAL11 Y12); `{storedProse}` names it. */
  storedProse: { yes: "the kept text includes prose (a body, a bio, a note)", no: "the kept text is names or titles only", description: "Whether the free text a write keeps includes prose (Body, Comment, Bio, Note, Description), not only one-line names and titles (FileName, DisplayName, Title): formatting, clickable links and moderation are asked of prose alone" },
  /** Whether the request marks or reports another person's record the caller may see (a like, a follow, a report of abuse): no owner is assumed and no /me route makes it the caller's own (lead17). */
  onOthers: { yes: "marks or reports a record the caller may see, not its own", no: "marks or reports no one else's record", description: "Whether a signed-in request sets the caller's own mark on a record (a like, a bookmark, a follow, also under /followers/me) or reports it to moderators: the record is anyone's the caller may see, so with no relation given the plan takes a viewer, not the owner, and nothing is scoped to the caller's own records" },
  /** Whether a DELETE removes one whole record the route names (DELETE /api/projects/:projectId), not an item inside it, a mark, an erasure or a state moved: what the record holds and what points at it must go somewhere (lead17). */
  deletesWhole: { yes: "deletes one whole record", no: "deletes no whole record", description: "Whether a DELETE removes one whole record the route names (DELETE /api/projects/:projectId): not an item inside a record (DELETE /api/teams/:teamId/members/:memberId), the caller's own mark, an erasure or a move to a state; flow-delete-contents asks what becomes of what the record holds and of what points at it" },
  /** Whether the caller blocks someone (`PUT /api/me/blocked-users/:userId`, `/api/users/:userId/block`): the block is silent to the blocked and holds both ways in every use-case that lets one reach the other (lead17). */
  blocksPerson: { yes: "the caller blocks another person", no: "blocks no one", description: "Whether a signed-in PUT sets the caller's own Block of a record (PUT /api/me/blocked-users/:userId, /api/users/:userId/block): the blocked person is not told, the block holds both ways in every use-case that lets one person reach the other, and follows between them end" },
  /** Whether the request reports the resource to its moderators (a report of abuse, a flag): one open report per reporter, the reporter hidden from the author, no hiding by count alone (lead17). */
  contentReport: { yes: "reports the record to moderators (abuse, spam)", no: "reports nothing to moderators", description: "Whether a signed-in create files a Report, Flag or Complaint under the resource and its words say abuse, spam, harassment or a breach of rules (POST /api/posts/:postId/reports, Report an abusive post): one open report per reporter and record, the reporter's identity kept from the author, the record as reported kept with the report, no automatic hiding by a count alone" },
  /** Whether an anonymous query answers something it computes, not stored records (a health status, a rate fetched from a provider, whether a name is free): no record is outside a caller's reach, as no caller is known. */
  publicComputed: { yes: "a public answer computed from the request, no records", no: "answers records, or a known caller", description: "Whether an anonymous query answers something it computes rather than stored records (a health status, an exchange rate fetched from a provider, whether a name is free): the same for every caller, with no records a caller may not see" },
  /** Whether a PUT sets the resource's setting the route names by a key (`/api/tenants/:tenantId/feature-flags/:flagKey`): found or created, never a 404 for a key not yet set (TRIAL11 Y5). */
  itemUpsert: { yes: "a PUT sets the resource's setting the route names by a key, creating it when missing", no: "sets no setting named by a key", description: "Whether a PUT sets the resource's item the route names by a key, not an id (/api/tenants/:tenantId/feature-flags/:flagKey, :settingName, :locale): found by the resource's id and the key together, created when the resource has none yet (an upsert); only a missing resource answers 404" },
  /** Whether an answers error refuses the key such a PUT names (FlagNotFound: the flag key names no flag in the registry): the keys that may be set are the team's (TRIAL11 Y5). */
  itemKeyChecked: { yes: "the answers refuse a key outside the known ones", no: "the answers name no check of the key", description: "Whether an answers error refuses a key an upserting PUT names (FlagNotFound: the flag key names no flag in the flag registry): which keys may be set is then the team's, not an open question" },
  /** Whether the request that issues a secret link gives its expiry (`ExpiresAt`, `ValidUntil`, `ExpiresInDays`): it expires when asked, not at a lifetime of the plan's (TRIAL12 Z1). */
  linkExpiryRequested: { yes: "the request gives the link's expiry", no: "the request gives no expiry of the link", description: "Whether the request that issues a secret link gives the link's expiry (an input ExpiresAt, Expiry, ValidUntil, ExpiresInDays, TtlSeconds): the link expires at the time asked, bounded by a longest expiry, not at a fixed lifetime" },
  /** Whether the answers give their own error for a list past its maximum (TooManyOrders on OrderIds:uuid[1..100]): a bulk request's cap and its refusal are then the team's, not asked. */
  listCapAnswered: { yes: "the answers give the list's cap its own error", no: "the answers give no error for a list past its cap", description: "Whether the answers give their own error for a list input past its maximum (TooManyOrders on OrderIds:uuid[1..100]): the cap is that maximum and its refusal the team's error, so a bulk request's cap is not asked" },
  /** Whether an issued secret link is handed to the caller to pass on (a share link: no message sends it, it opens no account): an owner keeps several, one per audience, so a new one revokes none (TRIAL12 Z3). */
  sharedLink: { yes: "the link is handed to the caller to pass on", no: "the link is sent to its holder, or opens an account", description: "Whether the use-case issues a secret link the caller passes on itself (no sends-message capability, not a link that opens an account): a share link, several live at once, each revoked on its own" },
  /** Whether an error the answers give is refused because another account holds the value (`the number is already verified by another account`): the refusal tells any caller that account exists (TRIAL12 Z9). */
  errorRevealsOther: { yes: "an error tells that another account holds the value", no: "no error tells of another account", description: "Whether an error the answers give says the value is held by another account, user or person (its condition says the value is already taken, in use or registered by another account or someone else; not a record that belongs to another user): the refusal tells any caller which values have an account" },
  /** Whether a scheduled command sends messages: a rerun of a period sends only to whom it has not reached, never replaces an output (TRIAL12 Z17). */
  jobSends: { yes: "the scheduled job sends messages", no: "the scheduled job sends no messages", description: "Whether a scheduled command sends messages (capability sends-message): a rerun of a period must send no one a second message, so it never replaces that period's output" },
  /** Whether a scheduled job sends to the people it selects from the records, the request naming no one and no resource: never refused for a cap or a budget (TRIAL12 Z18). */
  jobAudience: { yes: "the scheduled job sends to the people it selects from the records", no: "no scheduled job selects the recipients from the records", description: "Whether a scheduled command sends to the people it selects from the records (each customer with unpaid invoices): signed in, no resource, no address or recipient in the request; no cap or budget refuses the request, the send job holds back what is past them" },
  /** Whether the answers' words put the use-case's times in someone's local time ("9:00 in its tenant's time zone"); `{zoneOwner}` names whose (TRIAL12 Z19). */
  localZone: { yes: "the words name someone's local time (its tenant's time zone)", no: "the words name no one's local time", description: "Whether the summary or a criterion puts times in someone's local time (at 9:00 in its tenant's time zone, each user's time zone, local time): a recurring job then runs at that hour in each owner's stored IANA zone, daylight-saving changes included; {zoneOwner} names the owner" },
  /** Whether the account a role acts on may itself hold a staff role (a User, Member, Agent), not a Customer's, which holds none: only then is an equal or higher target refused (TRIAL12 Z13). */
  staffRoleTarget: { yes: "the target account may hold a staff role", no: "the target account holds no staff role (a customer's)", description: "Whether the account a role acts on (staffOnAccount) may itself hold a staff role (a User, Account, Member, Agent, Operator...), so one of equal or higher privilege is refused with 403; false for a Customer, whose record holds no staff role: only one agent's unusual volume is watched, and whether a customer may also be staff is asked" },
  /** Whether a POST adds to the caller's own container under /me (a Cart, a Wishlist), which its first add creates: no 404 for a caller without one (TRIAL17B B3). */
  ownOneCreated: { yes: "the first add creates the caller's own container", no: "the caller's own resource is not created by this request", description: "Whether a POST adds to the caller's own container under /me, a Cart or a Wishlist (`POST /api/me/cart/items`): the first add creates it, one per account, where access-self-one answers 404 for a caller without one" },
  /** Whether the answers say how long after the change its clean-up runs: a grace input, or words (valid for 24 hours), so nothing asks it (TRIAL17B B4). */
  cleanupDelayGiven: { yes: "the answers give how long after the change the clean-up runs", no: "the answers leave the clean-up's delay open", description: "Whether a clean-up command's delay is given: an input the request chooses a grace period in (GracePeriod), or the summary's or a criterion's words (the old secret stays valid for 24 hours); `scheduled-cleanup-delay` asks it only where it is not" },
  /** Whether a create adds an item its resource must allow (the answers' error or a transition): two at once both pass a check made apart from the add (TRIAL17B B14). */
  parentChecked: { yes: "the new item is checked against its resource", no: "no check of the resource decides the new item", description: "Whether a create adds an item under its resource that the resource's state or totals must allow, as an error the answers give or a transition says (SlotUnavailable, RefundExceedsCaptured): `parent-checked-concurrent` names two requests at once both passing the check and tests that one is refused" },
  /** Whether the request gives the time its scheduled command runs at (PublishAt for PublishPost): a later request with another time reschedules the change (TRIAL17C C2, C3). */
  runAtInput: { yes: "the request gives the time the scheduled command runs at", no: "the request gives no time for the scheduled command", description: "Whether a body input gives the time the scheduled command runs at (PublishAt for PublishPost, SendAt for SendNewsletter, ScheduledAt, RunAt): `scheduled-change-chosen-time` stores it with the change and has a request with another time replace it and the earlier run, where `scheduled-change-time-from-record` asks which field of the record the run's time is taken from; {runAtInput} names the input" },
  /** Whether the secret link is a feed URL the caller's own calendar or feed app polls (an iCal feed): it lives until reset (TRIAL17C C7). */
  feedLink: { yes: "the link is a feed URL an app subscribes to", no: "the link is no feed URL", description: "Whether a secret link is a feed URL the caller's own calendar or feed app subscribes to and polls (its name, route or summary says iCal, ics, webcal, calendar feed or subscription, RSS or Atom feed, feed URL): `capability-secret-link-feed` has it live until its owner resets it, reused on every poll and reading the feed alone, where `capability-secret-link` gives a link a lifetime and `capability-secret-link-reuse` asks whether it is single use; it is not a share link" },
  /** Whether a signed-in caller adds, changes or removes a passkey of its own account: a recent sign-in, and the WebAuthn ceremony's checks (TRIAL17C C5). */
  passkeyChange: { yes: "the caller changes a passkey of its own account", no: "no passkey of the caller's changes", description: "Whether a signed-in request on the caller's own account adds, changes or removes a passkey or security key (its name, route or summary says passkey, WebAuthn or security key): `passkey-recent-sign-in` needs a sign-in within a few minutes, 403 ReauthenticationRequired otherwise, and asks for the registration ceremony's checks" },
  /** Whether the use-case renders a document from its records, a PDF its words say it generates (an invoice's): its fields reach a renderer (TRIAL17B B15). */
  rendersDocument: { yes: "the server renders a document (a PDF) from its records", no: "no document is rendered", description: "Whether the use-case's name or summary says it generates or renders a PDF (Generate monthly invoice PDF), not an upload: `document-rendering` escapes every field in the template, runs the renderer sandboxed with no network or file access, and asks whether an issued document is rendered as stored" },
  /** Whether the rotated secret is an OAuth client's (a resource named Client, a clientSecret answered): it authenticates at the token endpoint, not as an API key (TRIAL17B B10). */
  oauthClientRotation: { yes: "the rotation is of an OAuth client's secret", no: "the rotation is of no OAuth client's secret", description: "Whether a key rotation (keyRotation) rotates an OAuth client's secret (the resource is a Client or OAuthClient, the answer holds clientSecret, or the words say OAuth): `oauth-client-secret-rotation` plans it at the token endpoint, in place of `api-key-rotation`" },
  /** Whether a change a stolen session must not make alone asks for a recent sign-in: a transfer of ownership, a passkey, the account's email or phone, its second factor turned on or off, an export of its data (recentSignInOf). */
  recentSignIn: { yes: "the change needs a recent sign-in", no: "no recent sign-in is needed", description: "Whether the use-case is a change a stolen or unattended session must not make with nothing but the session, and the request carries no proof of its own (a current password, a code from the factor): a transfer of ownership, a passkey added or removed, the account's email or phone changed, the second factor turned on or off, an export of the account's data. `recent-sign-in` asks for a sign-in within a few minutes, 403 ReauthenticationRequired otherwise" },
  /** Whether a signed delivery's signature arrives in Stripe's own header (`Stripe-Signature: t=...,v1=...`): which header carries it is not asked (TRIAL17A A12). */
  stripeScheme: { yes: "the signature is Stripe's scheme", no: "the signature's scheme is not one the plan knows", description: "Whether a signed delivery's signature input is Stripe's own header (Stripe-Signature, `t=...,v1=...`): its header and timestamp are known, so `webhook-scheme-asked` does not ask for them" },
  /** Whether the answers give their own error for a signed delivery whose signature does not match: theirs is the answer, said once (TRIAL17A A4). */
  signatureRefusalAnswered: { yes: "the answers name the refusal of a bad signature", no: "the answers name no refusal of a bad signature", description: "Whether the answers give their own error (a 401 or 403 named for the signature) for a delivery whose signature does not match: theirs is the answer, and `webhook-signature-refusal`'s 401 InvalidSignature gives way" },
  /** Whether the change revokes the caller's sessions and nothing else (sign out everywhere): no version is read, so no lost update and no 409 (TRIAL17A A10). */
  revokesSessionsOnly: { yes: "the change only revokes the caller's sessions", no: "the change is not only a revocation of sessions", description: "Whether the change revokes the caller's sessions and changes nothing else (sign out of every device): what is there is revoked, no version is read, so `flow-change-lost-update`'s 409 does not apply" },
} satisfies Record<string, WhenFact>;

/** A yes/no fact a `when` can test. */
export type FlagKey = keyof typeof FACTS;

/** The yes/no keys of a `when`, each documented in the table above (a homomorphic type, so editors show that). */
export type WhenFlags = { -readonly [K in FlagKey]?: boolean };

export const WHEN_FACTS: Readonly<Record<FlagKey, WhenFact>> = FACTS;

/** A `when` key that is not a yes/no fact: it names values (a flow, a method, capabilities), any of which may hold. */
export type ListKey = keyof PackWhenLists;

/** Where each list key is reported: just before this fact (flow and method, in that order, before async). */
const LIST_KEY_PLACES: Record<ListKey, FlagKey> = { flow: "async", method: "async", auth: "self", relation: "memberRole", capability: "pii", secondFactor: "secondFactorCode" };

/** Every `when` key in the order reasons are reported in, whatever order a pack file gives them; the schema lists them in it too. */
export const WHEN_ORDER: readonly (ListKey | FlagKey)[] = (Object.keys(FACTS) as FlagKey[]).flatMap((flag) => [...(Object.keys(LIST_KEY_PLACES) as ListKey[]).filter((list) => LIST_KEY_PLACES[list] === flag), flag]);
