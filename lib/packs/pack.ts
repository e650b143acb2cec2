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

/** The facts a `when` can test; every key given must hold, a list means any of its values. */
export interface PackWhen {
  flow?: Flow | Flow[];
  method?: string | string[];
  async?: boolean;
  /** anonymous | authenticated | roles */
  auth?: string | string[];
  /** Whether the use-case loads a resource it acts on (`--resource`). */
  resource?: boolean;
  /**
   * Whether the request names one resource (a route parameter, or an input that reads as a key):
   * false without a resource, for a list of them (`GET /api/me/meetings`, paginated `GET /api/meetings`)
   * and for the caller's one under /me that the request never names (`POST /api/me/avatar`).
   * Only a named one can be missing (404) or lie outside the caller's scope.
   */
  identifiesOne?: boolean;
  /**
   * Whether the route has a parameter (`/api/meetings/:meetingId`). Kept for team packs written
   * against it: identifiesOne, which also counts an input that reads as a key, is the one to use.
   */
  routeParam?: boolean;
  /** owner, host, participant, ...; only meaningful with a resource. true: any relation (the caller must relate to the resource); false: none to check. */
  relation?: string | string[] | boolean;
  /** Whether the existence of something must not leak (`--enumeration`). */
  enumeration?: boolean;
  /** Built-in or team capability names (`--capability`). */
  capability?: string | string[];
  pii?: boolean;
  audit?: boolean;
  scheduledCommand?: boolean;
  /** Whether the scheduled command cleans up what the change replaced (PurgeReplacedAvatar, RevokeRotatedApiKey): it acts on what it names, never skipped as superseded (TRIAL7 U10). */
  cleanupCommand?: boolean;
  events?: boolean;
  /** Whether the caller acts on itself (`/me`): identity from the credential. */
  self?: boolean;
  /**
   * Whether the route is under `/me` (`/api/me/avatar`): the caller's own by construction. A signed-in
   * request outside /me that names no resource is planned as acting on the caller's own data too
   * (`self`), but whose data it reaches is then the plan's guess, and a question.
   */
  meRoute?: boolean;
  /** Whether the request carries inputs to validate (value objects, route parameters). */
  inputs?: boolean;
  /** Whether a create reserves a scarce shared thing (a Booking of a Slot): live ones per caller are capped, a hold expires. */
  reservation?: boolean;
  /** Whether the request gives a time zone (a TimeZone input): UTC kept, the zone an IANA name. */
  zonedTime?: boolean;
  /** Whether the change takes a limited quota another record than the resource holds (a coupon's uses left, stock, seats), as the answers' words say. */
  sharedQuota?: boolean;
  /** Whether the enumerated key looks up another record than the resource (a coupon code applied to the caller's Cart), which is found by the credential or its own id. */
  enumeratesOther?: boolean;
  /** Whether the relation names a role some members of the resource hold (team-admin, editor), not membership itself: members without it get 403, others 404. */
  memberRole?: boolean;
  /** Whether an input follows the `url` rule: a URL the request names, which the server may fetch (SSRF) or send the caller to (open redirect). */
  urlInput?: boolean;
  /** Whether the request is signed by its sender (a provider's webhook): an anonymous caller whose signature over the raw body is its credential. */
  signed?: boolean;
  /**
   * Whether the request proves who the caller is: with a secret it knows (a sign-in: an account and its
   * password), or with an identity provider's code (an OAuth callback, also `oauthCallback`): its answer
   * is a session or a refusal.
   */
  credentials?: boolean;
  /** Whether a URL input says where to send the caller next (ReturnTo, RedirectUri, Next): an open redirect unless it is checked. */
  redirectInput?: boolean;
  /** Whether the request sets a password (NewPassword; a Password on a sign-up, a reset, a use-case named for passwords): kept only as a slow hash, never logged, breach-checked. */
  passwordInput?: boolean;
  /** Whether a signed-in caller's Password only proves who it is (a step-up before deleting the account): compared with the stored hash, never stored or breach-checked (TRIAL7 U4). */
  stepUpPassword?: boolean;
  /**
   * Whether the request is an OAuth/OIDC redirect callback (the provider sends the browser back with a
   * code and a state; `--capability oauth-callback`, or an anonymous GET with both): it starts a session.
   */
  oauthCallback?: boolean;
  /** Whether two inputs bound one range (From/To, MinPrice/MaxPrice, both dates or both numbers): their order is a rule of its own. */
  rangeInput?: boolean;
  /** Whether two inputs bound a range of dates or times: its width per request is capped and asked (TRIAL7 U11); a numeric range is only kept in order. */
  dateRange?: boolean;
  /** Whether a change or delete of a loaded resource carries the client's ETag (an input named IfMatch, the `If-Match` header): a conditional request. */
  ifMatch?: boolean;
  /** Whether a signed-in request names other records by id (FromAccountId, NewOwnerId): each a foreign reference the caller may not reach. */
  referencesIds?: boolean;
  /** Whether the scheduled command recurs (a Cron or Interval input, or the use-case says weekly, daily, every ...). */
  recurring?: boolean;
  /**
   * Whether the caller sets the recurring schedule's rule (a Cron, Interval or Recurrence input): a schedule users create or
   * edit, whose creator's access and shortest interval matter; false for a fixed job the system runs (a nightly digest).
   */
  userSchedule?: boolean;
  /**
   * Whether the request names the period a recurring job runs for (a Month, Period or Week input): a run it asks for (an
   * admin's re-run) replaces that period's output, where a duplicated scheduled run does nothing. `{period}` names the input.
   */
  periodInput?: boolean;
  /** Whether any signed-in caller reaches every resource (`--relation none` with `--auth authenticated`): no caller's scope to query by. */
  anySignedIn?: boolean;
  /** Whether an anonymous caller joins something with a code it holds (Join meeting with code): the request creates a guest participant and a guest session. */
  guestJoin?: boolean;
  /** Whether the answer hands out a long-lived secret (a response field named signingSecret, apiKey, key, secret): shown once, never kept in clear. */
  secretResponse?: boolean;
  /**
   * Whether the use-case answers stored records (a resource, or a list of them: pagination, an `items`
   * response field, or no response fields named) rather than something it computes (a health status,
   * whether a name is free): only records can be public, cached by a CDN, or an empty list.
   */
  answersRecords?: boolean;
  /** Whether the file in or out is a CSV or a spreadsheet (the use-case's name, summary or route say so): cells a spreadsheet may run as formulas. */
  csv?: boolean;
  /** Whether an uploaded file is imported (file-upload, and the use-case says import or CSV): parsed into records, never served to anyone. */
  importsFile?: boolean;
  /** Whether the request carries an idempotency key (an input named IdempotencyKey: the `Idempotency-Key` header): a retry must not act twice. */
  idempotencyKey?: boolean;
  /**
   * Whether a signed-in caller proves who it is again with the current password (an input named
   * `CurrentPassword` or `OldPassword`): a sensitive change guarded by re-authentication.
   */
  reauthenticates?: boolean;
  /**
   * Whether the answer must not tell the caller what the request did to someone else (a message sent
   * to an address, or held back past a cap): with an enumeration, or for an anonymous caller, who may
   * not be the address's owner. false: a signed-in sender (an admin inviting someone) is told.
   */
  hiddenOutcome?: boolean;
  /**
   * Whether a secret link opens an account (a password reset, a magic sign-in link: the use-case's name,
   * route or scheduled command says so): short-lived, as OWASP asks of reset tokens.
   */
  accountRecovery?: boolean;
  /**
   * Whether a DELETE's effect is the resource's state change (`--transition` on a DELETE of one resource:
   * cancel an export, trash a document): the record stays, saved in its new state and readable there.
   */
  deleteMovesState?: boolean;
  /** Whether the answers give an erasure's cancellation window (a 14-day grace period in the summary): the plan's window, not asked for (TRIAL7 U5). */
  windowGiven?: boolean;
  /** Whether the summary or a criterion says the request signs the person out everywhere: every session and refresh token revoked (TRIAL7 U5). */
  signsOut?: boolean;
  /** Whether the write keeps free text for people to read later (a comment's body, a bio, a note): stored XSS (TRIAL9 W1); `{storedText}` names the inputs. */
  storedText?: boolean;
  /** Whether a write keeps a URL input it never calls (no external-call): whether it will ever be fetched is asked (TRIAL9 W13); `{keptUrls}` names them. */
  keptUrl?: boolean;
  /**
   * Whether a change or a read acts on an item inside the resource: the route names an id after the
   * resource's (`POST /api/teams/:teamId/join-requests/:requestId/approve --resource Team`); `{item}` names it.
   */
  itemInResource?: boolean;
  /** Whether many records named by id are deleted in one request (`POST /api/items/bulk-delete`, a DELETE of a collection with an `Ids` input); `{records}` names them. */
  bulkDelete?: boolean;
  /** Whether a refresh token is exchanged for new tokens (an input named RefreshToken, `--capability token-refresh`): the token is the credential, rotated on use. */
  tokenRefresh?: boolean;
  /**
   * Whether the request acts when the thing it names does not exist yet (a sign-up, a change of email, an
   * invitation by email), where a password reset acts when it exists: with an enumeration, which case issues a link.
   */
  actsOnMissing?: boolean;
  /** Whether the secret is a short code a person types (a 6-digit SMS code), not a link: issued as one (the use-case says code, OTP, PIN or digits), or redeemed from a ...Code input typed into the body. */
  oneTimeCode?: boolean;
  /** Whether the resource is found by a secret link's token the request carries (a share link): holding the token is the access, so nothing about it is public or cacheable. */
  reachedByToken?: boolean;
  /** Whether a read answers the record its enumerated key names (a user looked up by email): whether it exists shows by design, so discovery is limited instead. */
  discovery?: boolean;
  /** Whether the use-case issues an API key (a create whose answer hands out a secret, named for an API key or access token): a credential kept by its holder, not a link. */
  apiKey?: boolean;
  /** Whether the use-case rotates an API key or another long-lived secret: a change named rotate, regenerate, roll or reissue whose answer hands out a secret (TRIAL7 U12). */
  keyRotation?: boolean;
  /**
   * Whether a message goes to someone the request names (an address or a user id in the request; whoever an
   * anonymous caller or an enumeration names): per-recipient caps that refuse or hide, and message bombing, apply.
   * false: a fixed inbox of ours (a contact form to sales: capability sends-message-internal), a stored audience
   * (a newsletter: sends-message-bulk), the caller's own account or a person the record names.
   */
  namedRecipient?: boolean;
  /** Whether a message goes to the caller's own account (signed in, acting on itself, naming no recipient): no cap or budget refuses the request (TRIAL6 U3). */
  ownRecipient?: boolean;
  /** Whether a message goes to a person the record the request acts on names (a report's submitter; signed in, naming no recipient): no cap or budget refuses the request (TRIAL7 U3). */
  recordRecipient?: boolean;
  /** Whether a message goes to a stored audience (sends-message-bulk): opted in, one-click unsubscribe, so no question asks whether a recipient may stop it (TRIAL7 U13). */
  storedAudience?: boolean;
  /** Whether a grant names the role or permission it gives (`Role:enum(member|admin)` on an invitation): never above the granter's own (TRIAL6 U10). */
  grantsRole?: boolean;
  /** Whether a create under a resource gives another person access to it, named by an email or a user id in the request (`POST /api/documents/:documentId/shares` with `Email`): a grant, unique per resource and recipient. */
  grant?: boolean;
  /** Whether a signed-in request names the ticket or case that justifies it (an input named TicketId, CaseId, TicketNumber): verified against the ticket system, not only parsed. */
  ticketInput?: boolean;
  /** Whether a signed-in caller changes its own account's email or phone (an Email or Phone input on a change under /me): the address that signs in and recovers the account. */
  contactChange?: boolean;
  /** Whether a signed-in caller exports its own data as a file (file-download under /me, named for an export): one request hands over the whole account. */
  selfExport?: boolean;
  /** Whether a role-gated use-case exports another person's personal data as a file (file-download, --pii, a resource that is not the caller): a subject-access request answered. */
  subjectExport?: boolean;
  /** Whether the use-case gives or withdraws a consent (its route or summary says consent): each choice appended to a history that demonstrates it (GDPR Art. 7(1)), never overwritten. */
  consent?: boolean;
  /** Whether a signed-in request claims an internet domain (an input named Domain or EmailDomain): it takes effect only once control of the domain is proven, one organisation per domain. */
  domainClaim?: boolean;
  /** Whether the use-case configures single sign-on (SAML, OIDC, SSO or an identity provider in its name, summary or route): a broken configuration locks everyone out, a forged one lets anyone in. */
  ssoConfig?: boolean;
  /** Whether a create stores a URL from the request that others are later sent to (an input named TargetUrl, Destination, LongUrl, LinkUrl): a short link or a redirect served from our domain. */
  userLink?: boolean;
  /** Whether a create lets the caller choose a public name (an input named Slug, Alias, Handle, Vanity): taken or reserved names are refused. */
  chosenSlug?: boolean;
  /** Whether a signed-in change approves a resource someone else submitted (its name or route says approve or approval): the approver is never the maker, and approves the version reviewed. */
  makerChecker?: boolean;
  /** Whether the message a use-case sends is a security message (a secret link or code, a re-authenticated change, a sign-in or password notice): one a user cannot turn off. */
  securityMessage?: boolean;
  /** Whether the use-case answers with a file download (capability file-download): a link to it is answered with the file, never exchanged for a session. */
  downloadsFile?: boolean;
  /** Whether the use-case changes a feature flag itself (its resource is a FeatureFlag or its route is under /feature-flags): every service must see the change, sticky buckets, a safe default. */
  flagSwitch?: boolean;
  /** Whether a read's answer is the stored file itself (file-download on a GET that names no response fields): streamed to the checked caller, no link handed out. */
  servesFile?: boolean;
  /** Whether an upload goes straight to storage (file-upload whose answer hands out an upload URL): the API issues a presigned URL, the bytes never pass through it. */
  uploadDirect?: boolean;
  /** Whether an upload kept and served is an image (every accepted type image/*, SVG aside: an avatar, a photo): decoded in a sandbox with a pixel cap, served only as its re-encoded variant. */
  imageUpload?: boolean;
  /** Whether an upload kept and served may be an image (an accepted type is image/*, or its types are not named yet): images among them are re-encoded and their metadata stripped; false for a PDF-only or CSV-only upload. */
  imageTypes?: boolean;
  /** Whether an accepted type of an upload is an archive (application/zip): its entries limited in number, size and ratio, their names checked (zip bombs, path traversal). */
  archiveTypes?: boolean;
  /** Whether a body input is optional (Bio?:string(0..500)): a PATCH then applies only the inputs its body carries, and whether null clears one is asked. */
  optionalBody?: boolean;
  /** Whether a GET answers with a stream of events kept open (server-sent events: a Last-Event-ID input, or the use-case says so): no latency of one answer, access re-checked while open. */
  stream?: boolean;
  /** Whether a list takes a filter input besides its cursor, page size and sort (Status, From): a cursor is then bound to the filters it was issued for. */
  listFilters?: boolean;
  /** Whether a redeemed secret arrives in the URL (a link's token in the path or query), not typed into a body (an invite code): only then can it leak through Referer, history and access logs. */
  secretInUrl?: boolean;
  /**
   * Which step of the caller's own authenticator-app second factor (TOTP) the use-case is: `enrol` (the seed handed out,
   * pending), `confirm` (a code from it makes it active), `disable` (turned off), or `none` for every other use-case, a
   * sign-in's second step among them; a list means any of them.
   */
  secondFactor?: SecondFactorWhen | SecondFactorWhen[];
  /** Whether the request carries a code from the caller's authenticator app (TotpCode) to check: once per step, one step of skew, wrong ones capped. */
  secondFactorCode?: boolean;
  /** Whether the answer hands out a second factor's recovery or backup codes (recoveryCodes): shown once, each usable once. */
  recoveryCodes?: boolean;
  /** Whether the rate limit is a per-click action's default (mark as read, like a post: 60 a minute), no limit the answers gave: the plan says why it is not a write's 10. */
  perClickLimit?: boolean;
}

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
  /** Tests of this pack that prove it, by key, or new tests. */
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
  /** Unique, kebab-case; a team switches a built-in pack off by this name. */
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
  records: "the records a bulk delete names by id (Item)",
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
  pageSizeBounds: "the page size's bounds: those a PageSize value object gives (from 1 to 50), else a default and a maximum to choose",
  pageSizeQuestion: "the open question about page sizes: only the default when a PageSize value object gives the maximum",
  period: "the input naming the period a recurring job runs for (Month)",
  auditWho: "who an audit record names: the actor's id as the credential names it, or for an anonymous request the account it names (its id, else a keyed hash of the name given) or the client",
  auditWhoKept: "auditWho with why it is kept as it is (ids not hashed, so the trail still answers who after any key rotation)",
  counted: "who a cap counts: caller, or client (by address) when the caller is anonymous",
  signature: "the input carrying a signed request's signature (Signature, StripeSignature)",
  redirect: "the URL input that says where the caller goes next (ReturnTo)",
  range: "the inputs that bound a range, in order (From <= To)",
  searchInput: "the free-text input of a search (Query)",
  referencedIds: "the inputs that name other records by id (FromAccountId, ToAccountId)",
  secretFields: "the response fields that hand out a secret (signingSecret, apiKey)",
  storedText: "the text inputs a write keeps for people to read (Body, Bio)",
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
  uploadDisguise: "the file the disguised-type test sends: an HTML page named photo.png, or for a text upload a PNG image named as the text file",
  uploadContentRule: "what is done to the kept file's content, by its accepted types: images re-encoded and their pixel size capped; archives unpacked with limits where the types are not named yet (a named archive type has capability-file-upload-archive)",
  recordRecipient: "whom a message on file goes to: a person the resource names, or for a new item under it the caller too (a booking's confirmation)",
  recordRecipientQuestion: "the question's opening on whom a message on file goes to, offering the caller for a new item under the resource",
  optionalInputs: "the optional inputs of the body, a PATCH's fields a request may leave out (DisplayName or Bio)",
  uploadTypeCheck: "how the accepted type is decided from the file's content: magic bytes, or for text (text/csv) valid UTF-8 that parses in the expected format",
  ticket: "the input naming the ticket or case that justifies the request (TicketId)",
  aRelation: "the relation with its article: the one (the owner, the host) or one of many (a member, a participant, an admin)",
  relationBasis: "empty where the answers name the relation (--relation); where the plan assumes the owner, a note saying so",
  contact: "the inputs of the caller's own email or phone a change sets (Email, Phone)",
  domain: "the input claiming an internet domain (EmailDomain)",
  guessingDefence: "how a redeemed secret resists guessing: 128-bit tokens, or the size its rule allows (InviteCode holds at most about 41 bits) and the limits that then defend it",
  secretStrength: "a redeemed secret's size as a defence (128-bit tokens), or the global cap a short one needs besides",
  secret: "what a secret link's secret is, as a person holds it: link, or code where it is a short code typed by the person (a 6-digit code sent by SMS or e-mail)",
} as const;
export type PackPlaceholder = keyof typeof PACK_PLACEHOLDERS;

/**
 * A placeholder in a pack text: `{name}`, a word in braces with nothing else
 * inside. Other braces (`{ "a": 1 }`, `{a b}`) are left as written; the loader
 * refuses a `{word}` that is not in PACK_PLACEHOLDERS. Global: use with matchAll/replace.
 */
export const PACK_PLACEHOLDER_PATTERN = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The facts a pack's `when` tests as booleans, each named and documented in PackWhen. */
type BooleanWhenKey = { [K in keyof PackWhen]-?: NonNullable<PackWhen[K]> extends boolean ? K : never }[keyof PackWhen];

/**
 * What a `when` is matched against and what placeholders are filled from: the
 * plan generator's facts (generators/plan/facts.ts) reduced to this generic shape,
 * so that lib/packs needs nothing from generators/. Every boolean fact PackWhen names
 * is a fact here too: one a caller built before it leaves out is false, unless it is
 * listed below with another default.
 */
export interface PackFacts extends Partial<Record<BooleanWhenKey, boolean>> {
  flow: Flow;
  method: string;
  async: boolean;
  auth: string;
  resource: boolean;
  /** Whether the request names one resource; absent (a caller built before it): the same as `resource`. */
  identifiesOne?: boolean;
  /** Whether the route has a parameter; absent (a caller built before it): the same as `identifiesOne`. */
  routeParam?: boolean;
  relation?: string;
  enumeration: boolean;
  capabilities: string[];
  pii: boolean;
  audit: boolean;
  scheduledCommand: boolean;
  events: boolean;
  self: boolean;
  /** Absent (a caller built before it): the same as `self`. */
  meRoute?: boolean;
  inputs: boolean;
  /** Absent: false (a team's facts written before these keys existed). */
  urlInput?: boolean;
  memberRole?: boolean;
  enumeratesOther?: boolean;
  sharedQuota?: boolean;
  reservation?: boolean;
  zonedTime?: boolean;
  signed?: boolean;
  credentials?: boolean;
  oauthCallback?: boolean;
  rangeInput?: boolean;
  ifMatch?: boolean;
  referencesIds?: boolean;
  recurring?: boolean;
  userSchedule?: boolean;
  periodInput?: boolean;
  anySignedIn?: boolean;
  guestJoin?: boolean;
  secretResponse?: boolean;
  /** Absent (a caller built before it): true, as every query was read before it. */
  answersRecords?: boolean;
  csv?: boolean;
  importsFile?: boolean;
  idempotencyKey?: boolean;
  redirectInput?: boolean;
  passwordInput?: boolean;
  /** Absent (a caller built before it): whether there is an enumeration or the caller is anonymous. */
  hiddenOutcome?: boolean;
  /** Absent (a caller built before it): true, as every message was planned before it. */
  namedRecipient?: boolean;
  /** The step of the caller's own second factor the use-case is; absent for any other use-case. */
  secondFactor?: SecondFactorStepName;
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
