/**
 * A pack: a rule of what a plan gains when its facts hold (MODEL.md section 3).
 * Built-in packs (top-level `packs/`) and a team's packs (`.mjoplan/packs/`) are
 * the same data in the same shape; this file is the contract between the pack
 * files, their loader/validator and the engine that matches them on facts.
 *
 * Texts may hold `{placeholder}`s naming a fact value (`{actor}`, `{resource}`,
 * `{enumeration}`, `{rateLimit}`, `{endpoint}`, ...) or one of the pack's own settings:
 * the engine fills them, and the loader refuses a placeholder the engine does not know
 * (exit 2, file and key path).
 */
import type { FlagKey, WhenFlags } from "./when-facts.js";

/** The keys of a `when` that name values, any of which may hold (a flow, a method, capabilities). */
export interface PackWhenLists {
  flow?: Flow | Flow[];
  method?: string | string[];
  /** anonymous | authenticated | roles */
  auth?: string | string[];
  /** owner, host, participant, ...; only meaningful with a resource. true: any relation (the caller must relate to the resource); false: none to check. */
  relation?: string | string[] | boolean;
  /** Built-in or team capability names (`--capability`). */
  capability?: string | string[];
  /**
   * Which step of the caller's own authenticator-app second factor (TOTP) the use-case is: `enrol` (the seed handed out,
   * pending), `confirm` (a code from it makes it active), `disable` (turned off), or `none` for every other use-case, a
   * sign-in's second step among them; a list means any of them.
   */
  secondFactor?: SecondFactorWhen | SecondFactorWhen[];
}

/**
 * The facts a `when` can test; every key given must hold, a list means any of its values. The yes/no facts are
 * when-facts.ts's table, each documented there.
 */
export interface PackWhen extends PackWhenLists, WhenFlags {}

/** The steps of a second factor's life a `when` can name (secondFactor). */
export type SecondFactorStepName = "enrol" | "confirm" | "disable";
/** What a `when` may name: a step, or `none` (no step of a second factor). */
export type SecondFactorWhen = SecondFactorStepName | "none";
export const SECOND_FACTOR_WHEN: readonly SecondFactorWhen[] = ["enrol", "confirm", "disable", "none"];

export type Flow = "query" | "create" | "change" | "delete" | "async";
export const FLOWS: readonly Flow[] = ["query", "create", "change", "delete", "async"];

export type TestKindName = "security" | "domain" | "integration" | "performance";

/** A test a pack asks for; `key` lets other items of the same pack refer to it. */
export interface PackTest {
  kind: TestKindName;
  title: string;
  key?: string;
  /** false: the generator writes its assertions (domain tests of value objects, events, states); default true, an it.todo. */
  todo?: boolean;
  /**
   * What the test is, for its generated body: one of the plan generator's body keys
   * (generators/plan/test-bodies.ts BODY_KEYS: `rate-limit-exceeded`, `enumeration-same-answer`, ...).
   * Omitted or unknown: the test is a todo that names what it needs.
   */
  body?: string;
}

export interface PackRequirement {
  kind: "fr" | "nfr";
  text: string;
  key?: string;
  /** Tests of this pack that prove it, by key, another pack's by `pack/key`, or new tests. */
  tests?: (string | PackTest)[];
}

export interface PackThreat {
  /** STRIDE: Spoofing, Tampering, Repudiation, Information disclosure, Denial of service, Elevation of privilege */
  category: string;
  element: string;
  threat: string;
  mitigation: string;
  key?: string;
  tests?: (string | PackTest)[];
}

export interface PackAbuseCase {
  /** enumeration, brute force, replay, ... */
  name: string;
  attack: string;
  defence: string;
}

export interface PackStatus {
  status: number;
  /** When the API answers it. */
  when: string;
  /** Response headers that come with it (Retry-After, Location). */
  headers?: string[];
}

export interface PackError {
  name: string;
  status: number;
  when: string;
  /** How the exception mapping logs it; by default as the generic error of its status ("no" where there is none). */
  logged?: string;
}

export interface PackTelemetry {
  field: string;
  /** dropped | hashed | kept, and why */
  handling: string;
}

export interface PackMonitoring {
  kind: "metric" | "alert" | "log" | "trace" | "audit";
  text: string;
}

/** A link from a review-checklist item (matched by its words) to what covers it. */
export interface PackChecklistLink {
  item: string;
  /** A section anchor (`#threat-model`) or a test/threat key of this pack. */
  coveredBy: string;
}

/**
 * A number a pack states once, so the plan's text and the generated code agree: the pack's texts
 * name it as a `{placeholder}` of its own (`{stepUpWindow}` reads "5 minutes"), and the plan
 * generator reads the same value for the handler contract's constants and the test bodies (the
 * erasure's step-up window, the per-recipient message cap, the cap on a caller's running jobs).
 * A later pack (a team's) stating a setting of the same name overrides it, texts included.
 */
export interface PackSetting {
  /** camelCase, not the name of a fact placeholder. */
  name: string;
  value: number;
  /** seconds: written in words in texts ("5 minutes", "30 days"); count: written as the number. */
  unit: "seconds" | "count";
  /** What it is, one line. */
  description?: string;
}

export interface Pack {
  /** Unique, kebab-case; a team switches a built-in pack off by this name, or by its beginning (config disablePacks: `capability-sends-message-*`). */
  name: string;
  /** One line: what knowledge the pack carries. */
  description?: string;
  /** Omitted: always applies. */
  when?: PackWhen;
  requirements?: PackRequirement[];
  threats?: PackThreat[];
  abuseCases?: PackAbuseCase[];
  tests?: PackTest[];
  statuses?: PackStatus[];
  errors?: PackError[];
  telemetry?: PackTelemetry[];
  monitoring?: PackMonitoring[];
  questions?: string[];
  checklist?: PackChecklistLink[];
  settings?: PackSetting[];
}

/** A pack with where it came from, for messages and the plan's "why these items". */
export interface LoadedPack extends Pack {
  source: "built-in" | "team";
  /** The file it was read from, relative to its folder. */
  file: string;
}

/**
 * The `{placeholder}`s a pack text may use, each filled by the engine from the
 * facts. A pack text naming a fact that is absent for the use-case cannot fire:
 * guard it with `when` (a `{resource}` text needs `when: { resource: true }`).
 */
export const PACK_PLACEHOLDERS = {
  useCase: "the use-case's title (Request password reset)",
  actor: "who calls it (User, Guest)",
  system: "the system name (MjoMeet)",
  method: "the HTTP method",
  route: "the route (/api/meetings/:meetingId/join)",
  endpoint: "method and route together",
  resource: "the aggregate loaded and acted on (Meeting)",
  records: "the records a bulk delete or a bulk change names by id (Item, Order)",
  item: "the item inside the resource the route names after the resource's id (JoinRequest of /teams/:teamId/join-requests/:requestId)",
  relation: "how the caller must relate to the resource (owner, host)",
  roles: "the roles allowed, joined with 'or'",
  enumeration: "what must not leak whether it exists (account, invite code)",
  lookedUpBy: "what a lookup finds the resource by: its enumeration target (its invite code), or, where that is the resource itself, the input the request carries (the token the request carries)",
  rateLimit: "the limit as given (5/15m)",
  rateLimitCount: "the number of requests allowed per window (5)",
  rateLimitNext: "the first request refused (6)",
  window: "the window (15m)",
  pii: "the personal-data fields, comma separated",
  command: "the scheduled command's name",
  events: "the domain events' names, comma separated",
  latencyBudget: "the p95 budget in milliseconds",
  success: "the success status (200, 201, 202, 204)",
  deleteAnswer: "what a delete's success answers: with no body, or with the response fields the answers name (an erasure's purgeAt)",
  pageSizeBounds: "the page size's bounds: those a PageSize value object gives (from 1 to 50), else a default and a maximum to choose",
  pageSizeQuestion: "the open question about page sizes: only the default when a PageSize value object gives the maximum",
  period: "the input naming the period a recurring job runs for (Month)",
  auditWho: "who an audit record names: the actor's id as the credential names it, or for an anonymous request the account it names (its id, else a keyed hash of the name given) or the client",
  auditWhoKept: "auditWho with why it is kept as it is (ids not hashed, so the trail still answers who after any key rotation)",
  counted: "who a cap counts: caller, or client (by address) when the caller is anonymous",
  signature: "the input carrying a signed request's signature (Signature, StripeSignature)",
  signatureRefusal: "the answer to a signature that does not verify: 401, or the answers' own error for it (400 (InvalidSignature))",
  forgedDelivery: "what a forged signed delivery posts, with an example: an event it never sent (a payment confirmed), or for an inbound mail a mail the provider never received",
  cancelUntil: "until when a booking may be cancelled: the cut-off the words give (until 2 hours before), else the question",
  reportCacheLife: "how long a report's answer is cached: as long as the words say (cached for 10 minutes), else long for a range before today and a minute for one with today",
  forgedEvent: "a forged event a signed delivery's attacker posts: a charge succeeded for its own unpaid order where the use-case is about payments, else a record of ours moved to a state the sender never reported",
  outOfOrderExample: "events that arrive out of order, as examples: a refund before its charge where the use-case is about payments, else a later state before an earlier one",
  redirect: "the URL input that says where the caller goes next (ReturnTo)",
  range: "the inputs that bound a range, in order (From <= To)",
  rangeWidthError: "the answers' own error capping a range's width (RangeTooLong)",
  publicHidden: "what the public may not see, as a public read of one says it (a draft, unpublished or deleted; private, or of an account deactivated, suspended or deleted)",
  publicHiddenThreat: "the public read's threat of a hidden record read by its id",
  publicStatesQuestion: "the public read's question on which states or fields of the resource the public may see",
  publicExample: "what makes a record public, as the public read's requirement gives an example (published and its publication time passed)",
  ownRefusals: "the answers' refusals by what the caller already holds, for a create of its own (409 OverlapsExistingLeave or 422 NotEnoughLeaveBalance)",
  uniqueValue: "what a unique key holds, as its pack says it (Code; value)",
  uniqueTakenError: "the answers' refusal of a value another record holds (409 (CouponCodeTaken))",
  balanceRefusal: "how a payout for more than the available balance is refused (422; 422 (InsufficientBalance))",
  rangeOrderRefusal: "how a range with its ends the wrong way round is refused (refused with 400 naming both inputs; answered 422 (EndBeforeStart), as the answers say)",
  rangeOrderAnswer: "what the range-order test expects (400 naming both inputs; 422 EndBeforeStart)",
  cutOffMove: "the move a change before a cut-off makes, from and to (Pending to Cancelled)",
  ratingLater: "what a rating's later life asks: whether it may be changed or withdrawn (and moderated again) and until when, or where the words make it editable by its author, only until when and whether it may be withdrawn",
  rated: "whose average a rating moves: the person the words name (the Ride's driver), else the rated resource (the Product)",
  referencedScope: "what each id the request names is looked up within: the caller's own records where the words say so, else what the caller may reach",
  itemAlsoChanges: "what may change with an item inside the resource, as an example: a member added to the Team where the item is a request or an invitation, else a count or total kept on the Organisation",
  lookupMisses: "the ways of not finding a looked-up record that answer alike: unknown, expired, revoked, and used up unless the answers name their own error for it",
  dayRangeFrom: "the input starting a range of calendar days (From)",
  dayRangeTo: "the input ending a range of calendar days (To)",
  dayRangeZone: "the zone a range of calendar days is counted in: the one the request gives (TimeZone), else one the plan states",
  dayRangeZoneQuestion: "what a range of calendar days leaves open of its zone: whether the answer says the zone it counted in where the request gives one, else which zone",
  moved: "what a move within an ordered list moves: the item the route or the name gives where it is not the resource (track, of a Playlist), else the resource (Task)",
  movedRecord: "the kind of record a move debits and credits (Account)",
  grantRecord: "the record of a grant that ends by itself (Share)",
  approvalSize: "how an approval's size is asked: how many days for a leave, else what amount",
  claimed: "the record an enumerated key names and the request takes for the resource (Device)",
  claimTaken: "what a record already claimed answers: the answers' own error (409 DeviceAlreadyClaimed), else 409",
  lookupUsedAnswer: "what a looked-up record already used or taken answers, where the answers name their own error for it (DeviceAlreadyClaimed:409); else nothing",
  assigneeScope: "whose people an assigned person is looked up among: the organisation, or \"organisation (or team)\" where the answers name no refusal of a person outside the team",
  assigneeTeamRefusal: "the answers' own refusal of a person of the organisation outside the record's team, as a clause (\"; one ... answers 422 AgentNotInTeam\"), else empty",
  consentRule: "who of a stored audience receives a send: only recipients with a recorded opt-in, or, where the words make it opt-out, every recipient who has not opted out",
  consentUnwanted: "whom unwanted mail reaches: people who never opted in, or who opted out",
  consentKept: "the consent a send keeps: a recorded opt-in per recipient, or each recipient's opt-out honoured",
  consentRefused: "the recipient a send leaves out: one without an opt-in, or one who opted out",
  consentQuestion: "the question on a stored audience's consent: where each opt-in is recorded, or where each opt-out is kept",
  allOwnAnswerQuestion: "how a change of all the caller's own records asks about its answer and its bound: both, or only the bound where the answers give 200 with fields",
  reauthRefusal: "the status and name a wrong current password answers: the answers' own (401 WrongPassword), else 403 ReauthenticationFailed",
  ratingOnceError: "the status and name a second rating by the same rater answers: the answers' own (409 ReviewAlreadyExists), else 409 AlreadyRated",
  mergedId: "the input naming the record a merge folds into the route's one (DuplicateId)",
  importDuplicatesQuestion: "an import's question on duplicates: asked, or stated where the words say how a duplicate is handled (duplicates by email are skipped)",
  servedDisposition: "how a stored upload is served: Content-Disposition: attachment, or for an image-only upload inline, as the re-encoded image pages show",
  servedAs: "a stored upload served as an attachment, or for an image-only upload only as its re-encoded image",
  imageVariantsQuestion: "an image upload's question on its variants and pixel cap: asked, or what the answers name (sizes, the cap an error gives) stated and only the rest asked",
  mergeUndo: "the start of the merge's question on undoing it: asked, or stated where the words say it cannot be undone",
  mergeSelfError: "the status and error refusing a merge of a record into itself: the answers' own (422 SameCustomer), else 422 MergeWithSelf",
  codeExpiredError: "the answers' own error for an expired one-time code (CodeExpired)",
  codeExpiredStatus: "its status (410)",
  rangeWidthStatus: "its status (400)",
  searchInput: "the free-text input of a search (Query)",
  peopleContact: "a people search's rule on contact details: none in results, or where the answer holds an email or a phone, only for callers who may already see them",
  referencedIds: "the inputs that name other records by id (FromAccountId, ToAccountId)",
  secretFields: "the response fields that hand out a secret (signingSecret, apiKey)",
  storedText: "the text inputs a write keeps for people to read (Body, Bio)",
  storedProse: "the prose among them, which may be formatted or linked (Body, Bio; not a FileName or a Title)",
  keptUrls: "the URL inputs a write keeps and never calls (AvatarUrl)",
  breakerScope: "what one circuit breaker covers: per external system, or per host of a URL the request gives",
  savedWithEvents: "how a write is saved: with its events in one transaction (outbox), or alone where it writes no event or message",
  savedWithOutbox: "the saves test's words on the outbox: with its outbox entries in one transaction, or nothing where there are none",
  createdWithEvents: "a create's words on its outbox: its events in one transaction (outbox), or nothing where it writes no event or message",
  createdWithOutbox: "the create's saves test's words on the outbox: its outbox entries in one transaction, or neither; or nothing where there are none",
  secretStorage: "how the secret handed out is kept: only as a hash (or encrypted where the server uses it again); a TOTP seed encrypted, never hashed; recovery codes each its own slow hash",
  secretBits: "how strong the secrets handed out are: (at least 128 bits) for a key or seed; about ten codes of at least 50 bits each for recovery codes",
  downloadByLink: "a download's other way out beside streaming: a link the client fetches from storage (a 302, no-store); empty where the answer is the file itself",
  downloadRedirect: "' or redirect to storage' beside streaming; empty where the answer is the file itself",
  downloadLinkHolder: "a download audit's mention of the link an anonymous holder used; empty where a signed-in caller is served the file itself",
  secretPrefixQuestion: "the question's part on a scanner prefix: asked for a key its holder pastes elsewhere, not for a TOTP seed or recovery codes",
  uploadTypes: "the media types an upload accepts (image/png, image/jpeg), as read from the use-case",
  officeKinds: "the Office documents an upload accepts, by the names people give them (DOCX or XLSX)",
  officeMacroTypes: "the macro-enabled twins of the Office documents an upload accepts (.docm for a DOCX)",
  officeMainParts: "the main part each accepted Office document's [Content_Types].xml names (word/document.xml for a DOCX)",
  uploadDisguise: "the file the disguised-type test sends: an HTML page named photo.png, or for a text upload a PNG image named as the text file",
  uploadContentRule: "what is done to the kept file's content, by its accepted types: images re-encoded and their pixel size capped; archives unpacked with limits where the types are not named yet (a named archive type has capability-file-upload-archive)",
  recordRecipient: "whom a message on file goes to: a person the resource names, or for a new item under it the caller too (a booking's confirmation)",
  recordRecipientQuestion: "the question's opening on whom a message on file goes to, offering the caller for a new item under the resource",
  optionalInputs: "the optional inputs of the body, a PATCH's fields a request may leave out (DisplayName or Bio)",
  importReader: "what reads an imported file, by its accepted formats: a CSV parser (RFC 4180, UTF-8), a spreadsheet reader for XLSX streaming its rows within the zip container's limits, or each for its own type",
  importTooWide: "what else makes an imported file too big to read, by its formats: over-long lines (CSV) or cells (XLSX), too many columns",
  importBomb: "what in an imported file exhausts its reader, by its formats: one enormous line or unbalanced quotes (CSV), a huge shared-strings table or a zip that unpacks to gigabytes (XLSX), thousands of columns",
  uploadTypeCheck: "how the accepted type is decided from the file's content: magic bytes, or for text (text/csv) valid UTF-8 that parses in the expected format",
  ticket: "the input naming the ticket or case that justifies the request (TicketId)",
  ticketError: "the answers' own error for a ticket the check refuses (TicketNotFound)",
  ticketErrorStatus: "its status (422)",
  aRelation: "the relation with its article: the one (the owner, the host) or one of many (a member, a participant, an admin)",
  revokedSessions: "the sessions a sign-out revokes: every one of the account, or every other one where the request's own is kept (my other devices)",
  revokedSessionsShort: "revokedSessions as a sentence's subject (Every session and refresh token)",
  signedOutWhere: "where the person was told it is signed out: everywhere, or on its other devices",
  revokedTestTitle: "the sign-out test's title: every earlier session refused, or the others refused and the request's own still accepted",
  relationBasis: "empty where the answers name the relation (--relation); where the plan assumes the owner, a note saying so",
  contact: "the inputs of the caller's own email or phone a change sets (Email, Phone)",
  domain: "the input claiming an internet domain (EmailDomain)",
  guessingDefence: "how a redeemed secret resists guessing: 128-bit tokens, or the size its rule allows (InviteCode holds at most about 41 bits) and the limits that then defend it",
  secretStrength: "a redeemed secret's size as a defence (128-bit tokens), or the global cap a short one needs besides",
  previousOwnerKeeps: "what a transfer leaves the previous owner, as the use-case's words say (staying a member), else a pointer to the open question",
  previousOwnerAfter: "the previous owner after a transfer, for a test's title: as the words say (is a member), else what the open question settles",
  previousOwnerQuestion: "the open question about a transfer: billing only where the words say what the previous owner keeps",
  runAtInput: "the input that gives the time a scheduled command runs at (PublishAt)",
  tokenStored: "what issuing a secret link stores: the token's hash and its expiry, never the token; or for a feed URL a GET shows again, the token encrypted beside its hash",
  tokenStoreMitigation: "how a token store resists a dump: only SHA-256(token), or for a feed URL shown again, the token encrypted with a key kept apart",
  tokenStoredTest: "the test's words on the stored token: no stored field holds it, or it is held only encrypted",
  feedResetQuestion: "the question on a feed URL's reset, and whether reading it again shows the one issued (asked only where no GET hands it out)",
  machineScope: "the scope a machine client's token needs for this action, named after the route's last fixed segment (stock:write)",
  quotaTaken: "when and in which transaction a shared quota is taken: in the change's own, or held before a checkout's charge in a transaction of its own",
  zoneOwner: "whose local time a recurring job keeps, as the words say it (tenant, user, recipient): its zone stored per owner",
  periodZone: "the time zone a period's bounds are fixed in: the owner's the words name (in each tenant's time zone, an IANA name stored per tenant), else one zone (UTC, unless the answers name another)",
  secret: "what a secret link's secret is, as a person holds it: link, or code where it is a short code typed by the person (a 6-digit code sent by SMS or e-mail)",
  notGiven: "how a guesser reaches the redeeming endpoint, as the guessing threat says it: without being invited, or without having been given a card",
  forwardAttack: "how a secret reaches someone it was not meant for: an invitee forwarding it, or a card's code read before it is sold",
  forwardDefence: "the defence against that: expiry, revocation and binding to the invited identity, or cards activated only when sold",
  bindingQuestion: "whether the secret is bound to an identity on first use, as the question asks it for the kind of secret",
  reissued: "what a newer link or code does to an earlier one, as the revocation rule says it: ', and one replaced by a newer link for the same purpose,' (revoked), or that every mail keeps its own unsubscribe link",
  reissuedTest: "the test of that rule: a link replaced by a newer one answers like an unknown one, or an earlier mail's unsubscribe link still works",
  linkExpiry: "an issued link's stored expiry: the issue time plus the link's lifetime, or the expiry the request gives (ExpiresAt)",
  linkExpiryAt: "when an issued link's stored expiry falls: at the end of the lifetime, or as the request gives it (in ExpiresAt)",
  linkHandedOut: "where an issued link's token leaves the system: the link handed to its holder (the message sent, or the answer to a caller who shares the link), or for a link the caller hands out itself, the answer to that caller",
  linkLeaksThrough: "what an issued link's token may leak through: its response where the link goes to its holder by message, then a log line, telemetry, a domain event or the audit trail",
  linkGoesInto: "what alone carries an issued link's token: the link in the message (or the answer to the sharer), or the answer to the sharer for a link the caller hands out itself",
  expiryInput: "the input by which the request that issues a link gives its expiry (ExpiresAt)",
  loadNotFound: "what a missing resource the handler loads answers: 404, or with the answers' own error for it, 404 (ProductNotFound)",
  loadNotFoundTest: "the missing resource's test's expected answer: 404, or 404 ProductNotFound",
  listCapRefusal: "how a bulk request past its list's cap is refused: with 400, or with the answers' own error and the list's maximum (100, TooManyOrders)",
  listCapTest: "a bulk cap test's expected answer: with 400, or the list's maximum and the answers' own error ((100) with 400 TooManyOrders)",
  reservedEvery: "what one account could hold with reservations: every Slot, where the create books the resource itself, else every free slot of a Restaurant",
  reservedOne: "what one reservation holds: the Slot it books, else its slot at the Restaurant",
  secretRotation: "how a secret handed out is replaced later: rotated or revoked without a deploy (a key), or replaced by its owner (a second factor's seed: turned off and enrolled again; recovery codes: a new set)",
  checkInItem: "what a check-in checks in once, from the request's key input (TicketCode: ticket), else ticket",
  checkInRefusal: "the answer a second scan of one item gets: the answers' own 409 (409 TicketAlreadyCheckedIn), else 409",
  grantNoAccount: "what a grant asks of an address with no account: invited or refused, or where the words say it signs up to accept, only what the message says",
  outOfOrderQuestion: "what a signed delivery asks of its events' order: which may arrive out of order, or where the words say they do, only which states may follow which",
  eventTime: "the input giving the sender's time of an event (OccurredAt), else the time the sender gives it",
  retryWindow: "how long the sender retries a delivery, as the words give it (24 hours), else asked",
  parentRefusal: "the answer the parent's check gives the second of two concurrent adds: the answers' own error (409 SlotUnavailable), else 409",
  memberScope: "where a role among members is held: the resource where it has members (the Team), what the route names it under (the Organization the route names), else what it belongs to",
  scopeRole: "the relation held on what holds the record, for access-relation-member-of: member, or a teacher of a Course (LEAD21 G1)",
  scopeTie: "that relation as the caller holds it: membership, or role as teacher",
  readingTime: "the input that stamps a reported reading with the moment it was taken (RecordedAt), for reading-newest-wins",
  roleHolder: "whose member role it is: the resource (the Project), or the record the words hold it in (a workspace admin: the Workspace the Project belongs to)",
  runAfterInput: "the input that gives how long until the scheduled command runs (Months), for scheduled-change-after-length",
  refundRetry: "what a client's retry of a refund does: a new refund where the request creates one, none where it moves a record that refunds (a cancelled order)",
  child: "the new item a create adds under the resource (a StockAlert under a Product), for create-repeat-keeps-one",
  impersonationLife: "how long an impersonation session lives: as the answers say (at most 30 minutes), else briefly (e.g. 30 minutes)",
  impersonationLimit: "what an impersonation session may not do: read-only where the answers say so, else no change of credentials, email, factors or payment methods",
  memberScopeRef: "the same after \"membership of\": it, where the resource has members",
  memberScopeTail: "the same after \"a caller who is not a member\": nothing, where the resource has members, else \" of\" and it",
  slugTakenError: "the answers' own error for a chosen name already taken, with its status (409 (SlugTaken))",
  providerIds: "the inputs naming records another system issued, by their ids (ProviderPaymentMethodId)",
  approvalThreshold: "the amount above which the words send an approval on to a second approver, as they say it (1,000 EUR)",
  secondApprover: "who approves above that amount, as the words name them (the finance team)",
  graceSource: "where a replaced secret's grace period comes from: the input the request chose it in, the answers' own words (the grace period of 24 hours the answers give), else the plan",
  bulkDeleteCap: "a bulk delete's cap on ids per request: one to say (a TODO), or the list's maximum refused with the answers' own error",
  assignee: "the input naming the person a record is assigned to (AgentId, AssigneeId)",
  ownRecords: "the records all of which the caller changes at once (Notification of POST /api/me/notifications/read-all)",
  recentSignInNeed: "what needs a recent sign-in, as the requirement starts (Adding or removing a passkey needs a recent authentication: the caller signed in)",
  recentSignInAgain: "how the caller authenticates again instead (authenticates again first (its password, or an existing passkey))",
  recentSignInRefusal: "what a stale sign-in leaves undone, as the requirement ends (changes nothing. The session alone is not proof enough)",
  recentSignInTried: "what the recent-sign-in test tries (adding or removing a passkey)",
  recentSignInNothing: "what the refused request leaves undone, for the test (changes nothing, starts nothing)",
  recentSignInTo: "what the caller's last authentication is not recent enough to do (add or remove a passkey)",
  recentSignInOlder: "what the caller's last authentication is older than (adding or removing a passkey)",
  versionError: "the answers' own error for a stale version, with its status (412 (StaleVersion))",
  versionErrorTest: "the title of the test of the answers' own error for a stale version (answers 412 StaleVersion when the version sent is not the current one)",
  idsDiffer: "two ids of one kind that may name one record, as the question whether they must differ ends (FromAccountId and ToAccountId differ (the same Account on both sides: a move from an Account to itself))",
  auditSecret: "what an audited change that hands out a secret records of it, after the changed values (; a secret never, old or new, not even hashed: ...); empty for any other change",
  auditSecretTest: "the same in the audit test's title (, and holds neither secret); empty for any other change",
  uploadKept: "where an uploaded file is streamed and who reads it, as the file-input requirement ends (quarantine storage ..., and only a scanned file is released; for an import, private storage ..., only the import reads it)",
  importRowsAnswer: "what the words say of an import's invalid rows, as the rows requirement starts (Row by row, as the answers say: ... ), or nothing",
  lastWriteWinsBy: "how a change is last-write-wins, as the If-Match question starts (A PUT replaces the whole record)",
  recentSignInWindow: "the recent-sign-in pack's window as its text (5 minutes), for a feature pack's threat that names it",
} as const;
export type PackPlaceholder = keyof typeof PACK_PLACEHOLDERS;

/** What asks for a recent sign-in, the first of them where several would: a transfer of ownership, a passkey, ... (generators' recent-sign-in.ts). */
export type RecentSignInKind = "transfer" | "passkey" | "contact" | "second-factor" | "export" | "credential" | "sso";

/**
 * A placeholder in a pack text: `{name}`, a word in braces with nothing else
 * inside. Other braces (`{ "a": 1 }`, `{a b}`) are left as written; the loader
 * refuses a `{word}` that is not in PACK_PLACEHOLDERS. Global: use with matchAll/replace.
 */
export const PACK_PLACEHOLDER_PATTERN = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * What a `when` is matched against and what placeholders are filled from: the
 * plan generator's facts (generators/plan/facts.ts) reduced to this generic shape,
 * so that lib/packs needs nothing from generators/. Every yes/no fact of when-facts.ts
 * is a fact here too: one a caller built before it leaves out has the value the table's
 * `absent` gives it, else false.
 */
export interface PackFacts extends Partial<Record<FlagKey, boolean>> {
  flow: Flow;
  method: string;
  async: boolean;
  auth: string;
  resource: boolean;
  relation?: string;
  enumeration: boolean;
  capabilities: string[];
  pii: boolean;
  audit: boolean;
  scheduledCommand: boolean;
  events: boolean;
  self: boolean;
  inputs: boolean;
  /** The step of the caller's own second factor the use-case is; absent for any other use-case. */
  secondFactor?: SecondFactorStepName;
  /**
   * What asks for the one recent-sign-in rule (generators' recentSignInOf), derived once with the facts: its words and
   * the pack order (recent-sign-in beside the feature's own pack) both read it, so they cannot disagree. Absent where
   * nothing asks for it.
   */
  recentSignInKind?: RecentSignInKind;
  /** The values behind `{placeholder}`s; absent where the use-case has no such fact. */
  values: Partial<Record<PackPlaceholder, string>>;
  /**
   * Numbers the answers themselves state for a pack's setting ("a 14-day grace period": `cancellationWindow`), in the
   * setting's unit: they win over every pack's value, so no text, constant or test states another (TRIAL7 U5).
   */
  settings?: Record<string, number>;
}

/** A setting's value as a pack text shows it: seconds in words ("5 minutes", "1 hour", "30 days"), a count as the number. */
export function settingText(setting: Pick<PackSetting, "value" | "unit">): string {
  if (setting.unit === "count") return String(setting.value);
  const units: [number, string][] = [
    [86_400, "day"],
    [3600, "hour"],
    [60, "minute"],
  ];
  const [size, word] = units.find(([n]) => setting.value >= n && setting.value % n === 0) ?? [1, "second"];
  const n = setting.value / size;
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
