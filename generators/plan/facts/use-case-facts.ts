/**
 * What the use-case IS (MODEL.md sections 1 and 2), as derive-facts.ts reads it from the answers: the shape every
 * other fact is read from.
 */
import type { Flow } from "../../../lib/packs/pack.js";
import type { Names } from "../names.js";
import type { ErrorInput, InputLocation, RateLimit, TransitionInput } from "../schema.js";
import type { SecretLinkRole } from "./secrets.js";
import type { ListCap } from "./list-cap.js";
import type { OwnMark } from "./items.js";

/** Who may call, and how access is decided. */
export type AccessModel = "anonymous" | "self" | "relation" | "roles" | "authenticated";

/** One input of the request: a value object and where it arrives. */
export interface InputFact {
  names: Names;
  location: InputLocation;
  required: boolean;
  /** Arrives as text (path, query, header) and must be parsed before its rule applies. */
  fromText: boolean;
  /** Its name says the payment provider issued it (`stripePaymentMethodId`, providerIdOf): checked with the provider, derived once. */
  providerId?: true;
  /** Its rule is a closed set of values (an enum, a boolean): PlanId:enum(starter|team) names no stored record (TRIAL19C F3). */
  closedSet?: true;
}

export interface UseCaseFacts {
  flow: Flow;
  method: string;
  route: string;
  /** `METHOD route`. */
  endpoint: string;
  async: boolean;
  /** The success status: given, or derived from the flow. */
  success: number;
  /** Headers of the success answer (Location for a created resource or a job's status). */
  successHeaders: string[];
  /** Whether the request has a body at all (never on GET or DELETE). */
  requestBody: boolean;
  auth: string;
  roles: string[];
  /** A job the system runs on its fixed schedule, no route or access answered: only the scheduler's identity calls it (systemJobOf). */
  systemJob?: true;
  access: AccessModel;
  /** The caller acts on itself (`/me`, or a signed-in caller with no resource to load): identity from the credential. */
  self: boolean;
  /** The aggregate loaded and acted on, when there is one. */
  resource?: Names;
  /**
   * Whether the request names ONE resource: a route parameter, or a required input that reads as a key
   * (an id, token, code or slug, the enumerated lookup key, or with an enumeration any required input).
   * False without a resource, for a list of them (`GET /api/me/meetings`, `GET /api/meetings` with
   * pagination) and for the caller's one under /me that the request never names (`POST /api/me/avatar`):
   * only a named one can be missing (404), and only a named one has an id outside the caller's scope.
   */
  identifiesOne: boolean;
  /** One resource is loaded, but no route parameter or input names which (`--resource Report` on `PATCH /api/update-the-report`): asked, never "the one the request names" (fix17b). */
  resourceUnnamed?: true;
  /**
   * A POST to a collection under the resource (`POST /api/posts/:postId/comments --resource Post`): it
   * creates a new item (a Comment) under the resource, which is only read to check access; the item's
   * name. The flow is then create, with the resource as its parent.
   */
  child?: Names;
  /** The child is the caller's own, one per caller (`PUT /api/posts/:postId/likes/me`): set once, a repeat changes nothing. */
  childMine?: boolean;
  /** How the caller must relate to the resource; only with a resource and a signed-in caller. */
  relation?: string;
  /**
   * Any signed-in caller reaches every resource: `--relation none` with `--auth authenticated` says no relation is
   * checked. There is no caller's scope to put in a query: the plan says every one is open to them, and asks whether it should be.
   */
  anySignedIn?: true;
  /**
   * The use-case hands the resource's ownership to another person ("Transfer ownership of a workspace", a NewOwnerId
   * input, /transfer-ownership): the caller gives up a role of its own and grants one only it holds, so the rules of a
   * role change against oneself (no change of one's own roles, the last admin) do not fit it (TRIAL10 X6).
   */
  ownershipTransfer?: true;
  /** With ownershipTransfer: what the summary or criteria say the previous owner becomes, a role ("member") or "none" (previousOwnerKeepsOf). */
  previousOwnerKeeps?: string;
  /**
   * The criteria expect 403 for a caller who can see the resource but is not its `relation` ("an admin but not the
   * owner ... then 403"): the relation is then one among the resource's members, answered as memberRoleOf (TRIAL10 X7).
   */
  relationForbidsMembers?: true;
  /** An anonymous caller joins this (a Meeting) with a code it holds, and becomes a guest participant with a guest session: see guestJoinOf. */
  guestJoin?: Names;
  /** The relation is the plan's default (owner), not one the answers gave (--relation): the plan says so and asks. */
  relationAssumed?: true;
  /** The request marks or reports a record the caller may see, another person's (a like, a follow, a report of abuse): no assumed owner, no /me scope. */
  onOthers?: true;
  /** The caller's own mark on the resource that the request sets (PUT) or removes (DELETE): a like, a bookmark, a follow (routeMarkOf). */
  ownMark?: OwnMark;
  /** The request accepts or declines a request or an invitation sent to the caller: its recipient answers it, not its sender (assumed where no relation is given). */
  answersRequest?: true;
  /** The request reports the resource to its moderators for abuse, spam or another breach (contentReportOf). */
  contentReport?: true;
  /** What must not leak whether it exists; only where the caller names something. */
  enumeration?: string;
  /**
   * The enumeration names another record than the resource (a coupon code applied to the caller's Cart): the
   * resource is found by the credential or its own id in the route, the enumerated key looks up that other record.
   */
  enumeratesOther?: true;
  /**
   * The enumeration names the record the create adds (a WaitlistEntry on POST /api/events/:eventId/waitlist): no key
   * is looked up; whether one was already there must not leak (TRIAL18B E9).
   */
  enumeratesCreated?: true;
  /**
   * The record that other key names and the request takes for the resource (a Device claimed for a Household by its
   * claim code, POST /api/households/:householdId/devices): the change is of that record, its owner set from none to
   * the resource by one conditional update; the resource is only read (claimedOf, TRIAL18A D7).
   */
  claimed?: Names;
  /** A create that reserves a scarce shared thing (a Booking of a Slot): live ones per caller are capped, a hold expires. */
  reservation?: true;
  /** The request gives a time zone (a TimeZone input): UTC kept, the zone an IANA name. */
  zonedTime?: true;
  /** The request gives a time as an instant with an offset (a datetime input): no local time in a daylight-saving gap (TRIAL20 G6). */
  instantTime?: true;
  capabilities: string[];
  /**
   * With a secret link: whether this endpoint issues it (makes the token, stores its hash, sends the
   * link) or redeems it (the request carries the token). Its capability, `secret-link-issue` or
   * `secret-link-redeem`, is among `capabilities` beside `secret-link`, so packs tell the two apart.
   */
  secretLink?: SecretLinkRole;
  /**
   * The input carrying the secret a redeeming request presents (an input named ...Token, ...Code or ...Secret): where it
   * arrives (in the URL it can leak through Referer and logs; typed into a body it cannot, TRIAL5 U7), what it is (a code
   * a person types, or a link's token), and its rule's size where the rule bounds it (shortSecretOf: under 128 bits the plan
   * states its size instead of "128-bit tokens make guessing infeasible", TRIAL5 U6). Read once, here, for all three.
   */
  secretInput?: { names: Names; location: InputLocation; rule: string; bits?: number };
  /** Capabilities no built-in pack knows: a team pack should; warned about otherwise. */
  unknownCapabilities: string[];
  transitions: TransitionInput[];
  /** States named by the transitions, in order of first mention. */
  states: string[];
  errors: ErrorInput[];
  featureFlag?: string;
  inputs: InputFact[];
  /** Route parameters (`:meetingId`, `{meetingId}`), camelCase. */
  routeParams: string[];
  response: Names[];
  /** Event name (PascalCase) -> who emits it: `request` or the scheduled command's name. */
  emitters: Map<string, string>;
  /**
   * An OAuth/OIDC redirect callback (`GET /api/auth/sso/callback?code&state`): the provider sends the
   * browser back with a code the server exchanges for tokens, and the request starts a session. A GET
   * that changes state: its flow is create (a new session), its answer a 302 to the app with the cookie.
   * See oauthCallbackOf.
   */
  oauthCallback: boolean;
  /** A refresh token exchanged for new tokens: see tokenRefreshOf. The token is the credential; the answer is 200 with the tokens or one 401. */
  tokenRefresh: boolean;
  /** The secret issued is a short code a person types, not a link: see oneTimeCodeOf. */
  oneTimeCode?: boolean;
  /** Pairs of inputs that bound one range (From/To, MinPrice/MaxPrice), comparable by their rules: see rangesOf. */
  ranges: { from: Names; to: Names; dates: boolean; days?: true }[];
  /** The file in or out is a CSV or a spreadsheet (its name, summary or route say so, or the upload takes text/csv): cells a spreadsheet may run as formulas. */
  csv: boolean;
  /**
   * The uploaded file is imported (capability file-upload, and the use-case says import, or the file is a
   * CSV): parsed into records by a job or the handler, and never served to anyone.
   */
  importsFile: boolean;
  /** What the use-case does, in its author's words (for what they say it is: recurring, an import). */
  summary?: string;
  /** The person the summary sends the message to by their role toward the caller ("to their manager"): relatedRecipientOf, derived once. */
  relatedRecipient?: string;
  /** A signed-in person sending a chat message (chatMessageOf): its rate limit's default and whom it reaches read it, derived once. */
  chatMessage?: true;
  /** The use-case's name says it lists ("List invoices of a team", "Browse...", "Search..."): see listAnswerOf (TRIAL10 X10). */
  namesList?: true;
  /** The free-text input of a search (Query, Q, SearchTerm), with `--capability search` or inferred: see searchInputOf. */
  searchInput?: Names;
  scheduledCommand?: Names;
  /** The scheduled command was not asked for: an erasure's purge needs one, so the plan names it (purgeCommandOf). */
  scheduledCommandDerived?: boolean;
  pii: Names[];
  audit: boolean;
  rateLimit: RateLimit;
  /** The rate limit is the default of a per-click action (mark as read, like: rate-limit-default.ts perClickOf), not one the answers gave. */
  perClickLimit?: boolean;
  latencyBudgetMs: number;
  /** The bounds of a PageSize input's rule (`PageSize?:int(1..50)`), when one is given. */
  pageSize?: { min?: number; max?: number; name: string };
  /** An input follows the `url` rule: a URL the request names. */
  urlInput: boolean;
  /** Free text the write keeps for people to read later (a comment's body, a bio): see storedTextOf. */
  storedText: Names[];
  /** URL inputs a write keeps and the plan never calls (no external-call): see keptUrlsOf. */
  keptUrls: Names[];
  /** A URL input named for where the caller goes next (returnTo, redirectUri, next, continue, callbackUrl). */
  redirectInput?: Names;
  /** The input whose value is the sender's signature over the raw body, when the request is signed (a webhook): see signatureInputOf. */
  signature?: Names;
  /** The request proves who the caller is with a secret it knows (a sign-in): see checksCredentialsOf. */
  credentials: boolean;
  /** The file an upload carries (capability file-upload): the media types it accepts, as uploadTypesOf reads them from the use-case (typesGiven: an input declares them); none: the plan asks; maxBytes: the answers' size limit (uploadLimitOf). */
  upload?: { types: string[]; typesGiven?: true; maxBytes?: number };
  /**
   * An upload that goes straight to storage (REVIEW3 Q43: the answer hands out an upload URL): the request
   * carries no file, only what it declares about it; the media types an enum input of them lists (ContentType).
   */
  directUpload?: { types: string[]; typesGiven?: true; maxBytes?: number };
  /** A secret link that opens an account (a password reset, a magic sign-in link): see opensAccountOf. */
  accountRecovery?: boolean;
  /** Many records named by id deleted in one request (`POST /api/items/bulk-delete`): see bulkDeleteOf; the records' name. */
  bulkDelete?: Names;
  /**
   * Many existing records named by id changed in one request (`POST /api/orders/bulk-status`): see bulkChangeOf; the
   * records' name, and the input naming the state each moves to where there is one (Status).
   */
  bulkChange?: { records: Names; state?: Names };
  /** All the caller's own records of one kind changed at once, by no id (`POST /api/me/notifications/read-all`): see allOwnChangeOf (LEAD18 L1). */
  allOwnChange?: Names;
  /** Marking a record others share read moves the caller's own read position in it, never the record (readPositionOf). */
  readPosition?: true;
  /** The answers' errors that answer a list past its maximum (TooManyOrders on OrderIds:uuid[1..100]): see listCapsOf. */
  listCaps?: ListCap[];
}
