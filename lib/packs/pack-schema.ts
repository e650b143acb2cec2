/**
 * The JSON Schema of a pack file: what the loader validates every pack with and
 * what the build writes to dist/mjoplan.pack.schema.json for editors. Each
 * object's properties are checked against pack.ts's interfaces at compile time
 * (`satisfies Record<keyof ...>`): a key added to the contract without a schema
 * entry, or a schema key the contract lacks, does not build.
 */
import type { JsonSchema } from "./json-schema.js";
import { FLOWS, SECOND_FACTOR_WHEN, type Pack, type PackAbuseCase, type PackChecklistLink, type PackError, type PackMonitoring, type PackRequirement, type PackSetting, type PackStatus, type PackTelemetry, type PackTest, type PackThreat, type PackWhen } from "./pack.js";

export const STRIDE = ["Spoofing", "Tampering", "Repudiation", "Information disclosure", "Denial of service", "Elevation of privilege"] as const;
export const TEST_KINDS = ["security", "domain", "integration", "performance"] as const;
export const MONITORING_KINDS = ["metric", "alert", "log", "trace", "audit"] as const;
export const PACK_HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const AUTH_VALUES = ["anonymous", "authenticated", "roles"] as const;

const KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$";
const text = (description: string): JsonSchema => ({ type: "string", minLength: 1, description });
const oneOrMany = (item: JsonSchema, description: string): JsonSchema => ({ description, anyOf: [item, { type: "array", items: item, minItems: 1 }] });
const list = (items: JsonSchema, description: string): JsonSchema => ({ type: "array", items, description });
const flag = (description: string): JsonSchema => ({ type: "boolean", description });
const obj = (properties: Record<string, JsonSchema>, required: string[], description: string): JsonSchema => ({ type: "object", description, properties, required, additionalProperties: false });

const key: JsonSchema = { type: "string", pattern: KEBAB, errorMessage: "must be kebab-case (a-z, 0-9 and single dashes)", description: "A name other items of this pack refer to it by" };

const when = {
  flow: oneOrMany({ enum: FLOWS }, "query, create, change, delete or async (a list: any of them)"),
  method: oneOrMany({ enum: PACK_HTTP_METHODS }, "The HTTP method (a list: any of them)"),
  async: flag("Accepted now and finished by a job"),
  auth: oneOrMany({ enum: AUTH_VALUES }, "Who may call it (a list: any of them)"),
  resource: flag("Whether the use-case loads a resource it acts on (--resource)"),
  identifiesOne: flag("Whether the request names one resource (a route parameter or an input that reads as a key); false for a list of them, or the caller's one under /me (/api/me/avatar)"),
  routeParam: flag("Whether the route has a parameter (/api/meetings/:meetingId); kept for packs written against it, identifiesOne is the one to use"),
  relation: { anyOf: [{ type: "boolean" }, oneOrMany({ type: "string", pattern: "^[A-Za-z][A-Za-z0-9-]*$", errorMessage: "must be a word (owner, host, participant)" }, "")], description: "How the caller must relate to the resource (a list: any of them); true: any relation, false: none to check" },
  enumeration: flag("Whether the existence of something must not leak (--enumeration)"),
  capability: oneOrMany({ type: "string", pattern: KEBAB, errorMessage: "must be a kebab-case capability name (sends-message)" }, "A capability (--capability); a list: any of them"),
  pii: flag("Whether the use-case handles personal data"),
  audit: flag("Whether the use-case is audited"),
  scheduledCommand: flag("Whether a scheduled command is involved"),
  cleanupCommand: flag("Whether the scheduled command cleans up what the change replaced (PurgeReplacedAvatar, DeleteOldFile, RevokeRotatedApiKey: a purge, delete, remove or revoke of something replaced, previous, old, rotated or orphaned): it acts on what it names whatever the record became, never skipped as superseded"),
  events: flag("Whether the use-case emits domain events"),
  self: flag("Whether the caller acts on itself (/me): identity from the credential"),
  meRoute: flag("Whether the route is under /me (/api/me/avatar): the caller's own by construction; a signed-in request elsewhere that names no resource is only planned as the caller's own"),
  inputs: flag("Whether the request carries inputs to validate (value objects, route parameters)"),
  reservation: flag("Whether a create reserves a scarce shared thing: its new item is a Booking, Reservation, Hold, Appointment or Registration, or it moves the resource to Booked, Reserved or Held"),
  zonedTime: flag("Whether the request gives a time zone (a TimeZone input): times kept in UTC, the zone checked as an IANA name"),
  sharedQuota: flag("Whether the change takes a limited quota another record than the resource holds (a coupon's uses left, a product's stock, seats), as the summary, criteria or errors say: an atomic conditional update of that record, and when it is taken and given back"),
  enumeratesOther: flag("Whether the enumerated key looks up another record than the resource (a coupon code applied to the caller's Cart): the resource is found by the credential or its own id in the route"),
  memberRole: flag("Whether the relation names a role some members of the resource hold (team-admin, editor, moderator), not membership itself: a member without it gets 403, a non-member 404"),
  urlInput: flag("Whether an input follows the url rule (a URL the server may fetch or redirect to)"),
  signed: flag("Whether the request is signed by its sender (a webhook): the signature over the raw body is the credential"),
  credentials: flag("Whether the request proves who the caller is: a sign-in with a secret it knows, or an OAuth callback with the provider's code"),
  oauthCallback: flag("Whether the request is an OAuth/OIDC redirect callback (a code and a state from the provider) that starts a session"),
  rangeInput: flag("Whether two inputs bound a range (From/To, MinPrice/MaxPrice: both dates or both numbers)"),
  dateRange: flag("Whether two inputs bound a range of dates or times (From/To dates): a range that reads history, whose width per request is capped and asked; a numeric range (MinPrice/MaxPrice) is only kept in order"),
  secretResponse: flag("Whether the answer hands out a long-lived secret (a response field named signingSecret, apiKey, key, secret)"),
  recurring: flag("Whether the scheduled command recurs (a Cron or Interval input, or the use-case says weekly, daily, every ...)"),
  userSchedule: flag("Whether the caller sets the recurring schedule's rule (a Cron, Interval or Recurrence input), not a fixed job the system runs"),
  periodInput: flag("Whether the request names the period a recurring job runs for (a Month, Period or Week input): a run it asks for replaces that period's output"),
  anySignedIn: flag("Whether any signed-in caller reaches every resource (--relation none with --auth authenticated): no caller's scope to query by"),
  guestJoin: flag("Whether an anonymous caller joins something with a code it holds: the request creates a guest participant and a guest session"),
  referencesIds: flag("Whether a signed-in request names other records by id (FromAccountId, NewOwnerId), not the route's resource"),
  ifMatch: flag("Whether a change or delete of a loaded resource carries the client's ETag (an input named IfMatch, the If-Match header)"),
  answersRecords: flag("Whether the use-case answers stored records (a resource or a list of them), not something it computes (a health status, whether a name is free)"),
  csv: flag("Whether the file in or out is a CSV or a spreadsheet (the use-case's name, summary or route say so)"),
  importsFile: flag("Whether an uploaded file is imported (the use-case says import, or the file is a CSV): parsed into records, never served"),
  redirectInput: flag("Whether a URL input says where to send the caller next (ReturnTo, RedirectUri, Next)"),
  passwordInput: flag("Whether the request sets a password (NewPassword; a Password on a sign-up, a reset or a use-case named for passwords), not one that only proves who the caller is"),
  stepUpPassword: flag("Whether a signed-in caller sends its password only to prove who it is again (a Password input on a use-case not named for passwords: a step-up before deleting the account): compared with the stored hash, never stored or breach-checked"),
  idempotencyKey: flag("Whether the request carries an idempotency key (the Idempotency-Key header)"),
  reauthenticates: flag("Whether a signed-in caller gives its current password again (an input named CurrentPassword or OldPassword)"),
  hiddenOutcome: flag("Whether the answer must not tell the caller what the request did to someone else (a message sent or held back): with an enumeration, or an anonymous caller"),
  accountRecovery: flag("Whether a secret link opens an account (a password reset, a magic sign-in link), so it is short-lived"),
  secretInUrl: flag("Whether a redeemed secret arrives in the URL (a link's token in the path or query), not typed into a body (an invite code): only then can it leak through Referer, history and access logs"),
  listFilters: flag("Whether a list takes a filter input besides its cursor, page size and sort (Status, From): a cursor is then bound to the filters it was issued for"),
  stream: flag("Whether a GET answers with a stream of events kept open (server-sent events: a Last-Event-ID input, or the use-case says server-sent events, SSE, event stream or WebSocket)"),
  servesFile: flag("Whether a read's answer is the stored file itself (file-download on a GET that names no response fields): streamed to the checked caller, no link handed out"),
  optionalBody: flag("Whether a body input is optional (Bio?:string(0..500)): a PATCH applies only the inputs its body carries, and whether null clears one is asked"),
  archiveTypes: flag("Whether an accepted type of an upload is an archive (application/zip, a tar, a gzip): unpacking it is bounded in entries, size and ratio, and its entries' names are checked (zip bombs, path traversal); false for a PDF-only, CSV-only or image-only upload"),
  imageTypes: flag("Whether an upload kept and served may be an image (an accepted type is image/*, or its types are not named yet): false for a PDF-only or CSV-only upload, where no image is re-encoded"),
  imageUpload: flag("Whether an upload kept and served is an image (every accepted type image/*, SVG aside: an avatar, a photo): decoded in a sandbox with a pixel cap, served only as its re-encoded variant"),
  uploadDirect: flag("Whether an upload goes straight to storage (file-upload whose answer hands out an upload URL, uploadUrl): the API issues a presigned URL, the bytes never pass through it"),
  apiKey: flag("Whether the use-case issues an API key (a create whose answer hands out a secret, named for an API key or access token): a credential the holder keeps, not a link"),
  keyRotation: flag("Whether the use-case rotates an API key or another long-lived secret (a change whose name or route says rotate, regenerate, roll or reissue and whose answer hands out a secret): who may rotate, both secrets during the grace period, last use"),
  grant: flag("Whether a create under a resource gives another person access to it, named by an email or a user id in the request (share a document, invite to a team): a grant"),
  selfExport: flag("Whether a signed-in caller exports its own data as a file (file-download under /me, named for an export): one request hands over the whole account, so it needs a recent sign-in and the person is told"),
  secondFactor: oneOrMany({ enum: SECOND_FACTOR_WHEN }, "Which step of the caller's own authenticator-app second factor (TOTP) the use-case is: enrol (the seed handed out, pending until confirmed), confirm (a code makes it active), disable, or none (no step of a second factor); a list: any of them"),
  secondFactorCode: flag("Whether the request carries a code from the caller's authenticator app (TotpCode) to check: accepted once per time step, one step of clock skew either side, wrong ones capped"),
  recoveryCodes: flag("Whether the answer hands out a second factor's recovery or backup codes (recoveryCodes): shown once, each usable once"),
  perClickLimit: flag("Whether the rate limit is a per-click action's default (a signed-in toggle of one record with no capability: mark as read, like, star, follow), not one the answers gave: 60 a minute, and the plan says why"),
  contactChange: flag("Whether a signed-in caller changes its own account's email or phone (an Email or Phone input on a change under /me): the address that signs in and recovers the account, confirmed before it takes effect"),
  ticketInput: flag("Whether a signed-in request names the ticket or case that justifies it (an input named TicketId, CaseId, TicketNumber): verified against the ticket system, not only parsed"),
  subjectExport: flag("Whether a role-gated use-case exports another person's personal data as a file (file-download, --pii, a resource that is not the caller): a subject-access request answered"),
  consent: flag("Whether the use-case gives or withdraws a consent (its route or summary says consent): each choice appended to a history that demonstrates it (GDPR Art. 7(1)), never overwritten"),
  domainClaim: flag("Whether a signed-in request claims an internet domain (an input named Domain or EmailDomain): it takes effect only once control of the domain is proven, one organisation per domain"),
  ssoConfig: flag("Whether the use-case configures single sign-on (SAML, OIDC, SSO or an identity provider in its name, summary or route): a broken configuration locks everyone out, a forged one lets anyone in"),
  userLink: flag("Whether a create stores a URL from the request that others are later sent to (an input named TargetUrl, Destination, LongUrl, LinkUrl): a short link or a redirect served from our domain"),
  chosenSlug: flag("Whether a create lets the caller choose a public name (an input named Slug, Alias, Handle, Vanity): taken or reserved names are refused"),
  makerChecker: flag("Whether a signed-in change approves a resource someone else submitted (its name or route says approve or approval): the approver is never the maker, and approves the version reviewed"),
  securityMessage: flag("Whether the message a use-case sends is a security message (a secret link or code, a re-authenticated change, a sign-in or password notice): one a user cannot turn off"),
  downloadsFile: flag("Whether the use-case answers with a file download (capability file-download): a link to it is answered with the file, never exchanged for a session"),
  flagSwitch: flag("Whether the use-case changes a feature flag itself (its resource is a FeatureFlag or its route is under /feature-flags): every service must see the change, sticky buckets, a safe default"),
  namedRecipient: flag("Whether a message goes to someone the request names (an address or a user id in the request, or whoever an anonymous caller or an enumeration names), not to a fixed inbox of ours (capability sends-message-internal), a stored audience (sends-message-bulk), the caller's own account or a person the record names"),
  grantsRole: flag("Whether a grant names the role or permission it gives (an input named Role, Permission or AccessLevel): never above the granter's own"),
  ownRecipient: flag("Whether a message goes to the caller's own account (signed in, acting on itself, no address or recipient in the request): never refused for a mail budget or a per-recipient cap"),
  recordRecipient: flag("Whether a message goes to a person the record the request acts on names (the submitter of an approved report; signed in, no address or recipient in the request): never refused for a mail budget or a per-recipient cap, the send job holds it back"),
  storedAudience: flag("Whether a message goes to a stored audience (capability sends-message-bulk: a newsletter, a digest to every user who opted in): each recipient can stop it with one-click unsubscribe, so nothing asks whether they may"),
  discovery: flag("Whether a read answers the record its enumerated key names (a user found by email): its existence shows by design, so discovery is limited instead of hidden"),
  reachedByToken: flag("Whether the resource is found by a secret link's token the request carries (a share link): holding it is the access, nothing is public"),
  oneTimeCode: flag("Whether the secret is a short code a person types: issued as one (the use-case says code, OTP, PIN or digits, and never link), or redeemed from a ...Code input typed into the body; a short life and few tries, not entropy"),
  actsOnMissing: flag("Whether the request acts when the thing it names does not exist yet (a sign-up, a change of email, an invitation by email), not when it exists (a password reset)"),
  tokenRefresh: flag("Whether a refresh token is exchanged for new tokens (an input named RefreshToken, or capability token-refresh): the token is the credential"),
  bulkDelete: flag("Whether many records named by id are deleted in one request (POST /api/items/bulk-delete, or a DELETE of a collection with an Ids input)"),
  itemInResource: flag("Whether a change or a read acts on an item inside the resource: the route names an id after the resource's (/api/teams/:teamId/join-requests/:requestId/approve)"),
  deleteMovesState: flag("Whether a DELETE's effect is the resource's state change (--transition on a DELETE: a cancel, a trash): the record stays, saved in its new state"),
  windowGiven: flag("Whether the answers give an erasure's cancellation window (the summary or a criterion: a 14-day grace period, when 14 days have passed): the plan uses it and does not ask for one"),
  signsOut: flag("Whether the summary or a criterion says the request signs the person out (signed out everywhere, every session revoked): sessions-revoked then revokes every session and refresh token"),
  storedText: flag("Whether a create or change keeps free text for people to read later (a string input named for prose or a name: Body, Comment, Bio, DisplayName, Note): stored XSS, kept as written and encoded where shown"),
  keptUrl: flag("Whether a create or change keeps a URL input (the url rule) and the use-case has no external-call: whether the server will ever fetch it (an SSRF path) is asked"),
} satisfies Record<keyof PackWhen, JsonSchema>;

const test = {
  kind: { enum: TEST_KINDS, description: "The test file it lands in" },
  title: text("What the test proves, precise enough to implement"),
  key,
  todo: flag("false: the generator writes the test's assertions itself (built-in packs); default true, a todo to implement"),
  body: { type: "string", pattern: KEBAB, errorMessage: "must be a kebab-case body key (rate-limit-exceeded)", description: "What the test is, for its generated body (a body key of the plan generator); omitted: a todo that says what it needs" },
} satisfies Record<keyof PackTest, JsonSchema>;

const testRef: JsonSchema = { anyOf: [{ ...key, description: "The key of a test of this pack" }, { $ref: "#/definitions/test" }] };

const requirement = {
  kind: { enum: ["fr", "nfr"], description: "Functional (fr) or non-functional (nfr)" },
  text: text("The requirement"),
  key,
  tests: list(testRef, "Tests that prove it: keys of this pack's tests, or new tests"),
} satisfies Record<keyof PackRequirement, JsonSchema>;

const threat = {
  category: { enum: STRIDE, description: "The STRIDE category" },
  element: text("The part of the system it threatens"),
  threat: text("What an attacker does"),
  mitigation: text("What stops it"),
  key,
  tests: list(testRef, "Tests that prove the mitigation: keys of this pack's tests, or new tests"),
} satisfies Record<keyof PackThreat, JsonSchema>;

const abuseCase = {
  name: text("The attack's name (enumeration, brute force, replay, ...)"),
  attack: text("What the abuser does"),
  defence: text("What the system does about it"),
} satisfies Record<keyof PackAbuseCase, JsonSchema>;

const status = {
  status: { type: "integer", minimum: 100, maximum: 599, description: "The HTTP status" },
  when: text("When the API answers it"),
  headers: list({ type: "string", minLength: 1 }, "Response headers that come with it (Retry-After, Location)"),
} satisfies Record<keyof PackStatus, JsonSchema>;

const error = {
  name: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$", errorMessage: "must be a PascalCase error name (InviteExpired)", description: "The domain error's name" },
  status: { type: "integer", minimum: 400, maximum: 599, description: "The HTTP status it maps to" },
  when: text("When it happens"),
  logged: text("How the exception mapping logs it (default: as the generic error of its status, else not at all)"),
} satisfies Record<keyof PackError, JsonSchema>;

const telemetry = {
  field: text("The field (log attribute, span attribute)"),
  handling: text("dropped | hashed | kept, and why"),
} satisfies Record<keyof PackTelemetry, JsonSchema>;

const monitoring = {
  kind: { enum: MONITORING_KINDS, description: "metric, alert, log, trace or audit" },
  text: text("What is measured or alerted on"),
} satisfies Record<keyof PackMonitoring, JsonSchema>;

const checklistLink = {
  item: text("Words of the review-checklist item it answers"),
  coveredBy: text("A section anchor (#threat-model) or the key of a test, threat or requirement of this pack"),
} satisfies Record<keyof PackChecklistLink, JsonSchema>;

const setting = {
  name: { type: "string", pattern: "^[a-z][A-Za-z0-9]*$", errorMessage: "must be a camelCase name (stepUpWindow)", description: "The placeholder the pack's texts name it by ({stepUpWindow}), and the name the generator reads it by" },
  value: { type: "integer", minimum: 1, description: "The number" },
  unit: { enum: ["seconds", "count"], description: "seconds: written in words in texts (5 minutes); count: written as the number" },
  description: text("What it is, one line"),
} satisfies Record<keyof PackSetting, JsonSchema>;

const pack = {
  name: { ...key, description: "Unique, kebab-case; a team switches a built-in pack off by this name (config disablePacks)" },
  description: text("One line: what knowledge the pack carries"),
  when: obj(when, [], "When the pack applies: every key must hold; a list means any of its values. Omitted: always."),
  requirements: list(obj(requirement, ["kind", "text"], "A requirement"), "Requirements the plan gains"),
  threats: list(obj(threat, ["category", "element", "threat", "mitigation"], "A threat"), "Threats the threat model gains"),
  abuseCases: list(obj(abuseCase, ["name", "attack", "defence"], "An abuse case"), "Abuse cases"),
  tests: list({ $ref: "#/definitions/test" }, "Tests the test files gain"),
  statuses: list(obj(status, ["status", "when"], "An API status"), "API statuses of the contract"),
  errors: list(obj(error, ["name", "status", "when"], "A domain error"), "Domain errors and their statuses"),
  telemetry: list(obj(telemetry, ["field", "handling"], "A telemetry field"), "Telemetry fields and how they are handled"),
  monitoring: list(obj(monitoring, ["kind", "text"], "A monitoring item"), "Metrics, alerts, logs, traces, audit records"),
  questions: list({ type: "string", minLength: 1 }, "Open questions for the plan's author"),
  checklist: list(obj(checklistLink, ["item", "coveredBy"], "A checklist link"), "Review-checklist items and what covers them"),
  settings: list(obj(setting, ["name", "value", "unit"], "A setting"), "Numbers the pack states once, for its texts ({name}) and the generated code and tests alike; a later pack's setting of the same name overrides it"),
} satisfies Record<keyof Pack, JsonSchema>;

/** The schema of one pack file. */
export const PACK_SCHEMA: JsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://mjoplan.dev/schema/pack.json",
  title: "mjoplan pack",
  description: "A rule of what a plan gains when its facts hold: built-in packs in packs/, a team's in .mjoplan/packs/",
  type: "object",
  properties: pack,
  required: ["name"],
  additionalProperties: false,
  definitions: { test: obj(test, ["kind", "title"], "A test") },
};
