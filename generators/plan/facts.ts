/**
 * Answers -> facts (MODEL.md sections 1 and 2): what the use-case IS, derived
 * once, so that the rules (packs) and the templates never re-derive it.
 *
 * - flow: query (GET), create (POST, no resource), change (POST/PUT/PATCH with a
 *   resource, or PUT/PATCH on the caller itself), delete (DELETE), async (--async);
 * - access model: anonymous, self (the caller acts on itself: identity from the
 *   credential, never a foreign lookup), relation (a loaded resource the caller
 *   must relate to), roles; each answers differently and is tested differently;
 * - derived defaults: the success status, the relation (owner), where each input
 *   arrives (path when the route names it, else query for GET/DELETE, else body);
 * - contradictions: inputs that cannot all be true, refused with one line.
 *
 * Pure. `packFactsOf` reduces the facts to the generic PackFacts lib/packs matches on.
 */
import { withArticle } from "../../lib/article.js";
import { PLACEHOLDER } from "../../lib/check/plan-facts.js";
import type { Flow, PackFacts, PackPlaceholder } from "../../lib/packs/pack.js";
import { defaultRouteOf, namesOf, singularOf, type Names } from "./names.js";
import { isSelfRoute } from "./routes.js";
import { ownRecipientOf } from "./own-recipient.js";
import { oneTimeCodeSecretOf } from "./typed-code.js";
import { AUDIENCE_CAPABILITIES, capabilitiesWithAudience, capabilitiesWithChannels, isMessageRefinement, messageAudienceOf, messageChannelsOf } from "./message-channels.js";
import { BUILT_IN_CAPABILITIES, parseRateLimit, REQUEST_EMITTER, type ErrorInput, type InputLocation, type PlanInput, type RateLimit, type TransitionInput } from "./schema.js";
import { isAscii } from "../../lib/is-ascii.js";
import { namesRecurrence, namesSignIn, routesToFlags, routesToSignIn, saysActsOnMissing as saysActsOnMissingIn, saysCodeNotLink, saysRecurring } from "./word-checks.js";
import { ruleText } from "./rules.js";
import { GUESSABLE_BITS, secretBitsOf } from "./secret-strength.js";
import { defaultRateLimitOf } from "./rate-limit-default.js";

export type { Flow } from "../../lib/packs/pack.js";
/** Who may call, and how access is decided. */
export type AccessModel = "anonymous" | "self" | "relation" | "roles" | "authenticated";

/** One input of the request: a value object and where it arrives. */
export interface InputFact {
  names: Names;
  location: InputLocation;
  required: boolean;
  /** Arrives as text (path, query, header) and must be parsed before its rule applies. */
  fromText: boolean;
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
  /** An anonymous caller joins this (a Meeting) with a code it holds, and becomes a guest participant with a guest session: see guestJoinOf. */
  guestJoin?: Names;
  /** The relation is the plan's default (owner), not one the answers gave (--relation): the plan says so and asks. */
  relationAssumed?: true;
  /** What must not leak whether it exists; only where the caller names something. */
  enumeration?: string;
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
  ranges: { from: Names; to: Names; dates: boolean }[];
  /** The file in or out is a CSV or a spreadsheet (its name, summary or route say so, or the upload takes text/csv): cells a spreadsheet may run as formulas. */
  csv: boolean;
  /**
   * The uploaded file is imported (capability file-upload, and the use-case says import, or the file is a
   * CSV): parsed into records by a job or the handler, and never served to anyone.
   */
  importsFile: boolean;
  /** What the use-case does, in its author's words (for what they say it is: recurring, an import). */
  summary?: string;
  /** The free-text input of a search (Query, Q, SearchTerm), with `--capability search` or inferred: see searchInputOf. */
  searchInput?: Names;
  scheduledCommand?: Names;
  /** The scheduled command was not asked for: an erasure's purge needs one, so the plan names it (purgeCommandOf). */
  scheduledCommandDerived?: boolean;
  pii: Names[];
  audit: boolean;
  rateLimit: RateLimit;
  latencyBudgetMs: number;
  /** The bounds of a PageSize input's rule (`PageSize?:int(1..50)`), when one is given. */
  pageSize?: { min?: number; max?: number };
  /** An input follows the `url` rule: a URL the request names. */
  urlInput: boolean;
  /** A URL input named for where the caller goes next (returnTo, redirectUri, next, continue, callbackUrl). */
  redirectInput?: Names;
  /** The input whose value is the sender's signature over the raw body, when the request is signed (a webhook): see signatureInputOf. */
  signature?: Names;
  /** The request proves who the caller is with a secret it knows (a sign-in): see checksCredentialsOf. */
  credentials: boolean;
  /** The file an upload carries (capability file-upload): the media types it accepts, as uploadTypesOf reads them from the use-case; none: the plan asks. */
  upload?: { types: string[] };
  /**
   * An upload that goes straight to storage (REVIEW3 Q43: the answer hands out an upload URL): the request
   * carries no file, only what it declares about it; the media types an enum input of them lists (ContentType).
   */
  directUpload?: { types: string[] };
  /** A secret link that opens an account (a password reset, a magic sign-in link): see opensAccountOf. */
  accountRecovery?: boolean;
  /** Many records named by id deleted in one request (`POST /api/items/bulk-delete`): see bulkDeleteOf; the records' name. */
  bulkDelete?: Names;
}

/**
 * Whether a secret link opens an account, read from what the use-case is called (its name, route and
 * scheduled command: "Request password reset", `/api/auth/sign-in-links`, `ExpirePasswordResetToken`).
 * Whoever holds such a link takes the account over while it lives, so it lives briefly (the built-in
 * capability-secret-link-recovery pack). An invitation or a share link is not one.
 */
export function opensAccountOf(capabilities: readonly string[], words: string): boolean {
  return capabilities.includes("secret-link") && /password|passphrase|recover|reset|magic.?link|passwordless|(?<![a-z])(?:sign|log).?ins?(?![a-z])/i.test(words);
}

/**
 * Whether the answer must not tell the caller what its request did to someone else (a message sent to
 * an address, or held back past the per-recipient cap): where an enumeration hides whether the address
 * is known, and for an anonymous caller, who may not own the address. A signed-in sender (an admin
 * inviting someone) is told: silence there makes the product lie.
 */
export const hidesOutcomeOf = (f: Pick<UseCaseFacts, "enumeration" | "access">): boolean => f.enumeration !== undefined || f.access === "anonymous";

/**
 * The media types an upload accepts, read from what the use-case says it takes (its name, summary and
 * route): an image (avatar, photo, picture, logo), a CSV, a PDF; none where it says nothing of the kind,
 * and the plan asks. The plan states them, so the team corrects them there.
 */
export function uploadTypesOf(words: string): string[] {
  if (/avatar|image|photo|picture|logo|thumbnail/i.test(words)) return ["image/png", "image/jpeg"];
  if (/\bcsv\b/i.test(words)) return ["text/csv"];
  if (/\bpdf\b/i.test(words)) return ["application/pdf"];
  return [];
}

const LATENCY_BUDGET_MS = 300;

export type SecretLinkRole = "issue" | "redeem";
/** The capabilities that say which end of a secret link a use-case is; either also means `secret-link`. */
export const SECRET_LINK_ROLES: Record<SecretLinkRole, string> = { issue: "secret-link-issue", redeem: "secret-link-redeem" };

/** A capability that only refines another (a secret link's end, a message's channel): no pack needs to declare it. */
const isRefinement = (c: string): boolean => Object.values(SECRET_LINK_ROLES).includes(c) || isMessageRefinement(c);

/**
 * An input or route parameter that carries a link's secret: its name ends in Token, Code or Secret
 * (`:token`, `InviteCode`, `ResetToken`), but not a code that names a thing rather than granting
 * access (a country's, a postal or a currency code).
 */
export const carriesSecret = (camel: string): boolean =>
  /(?:^|[a-z0-9])(?:token|Token|code|Code|secret|Secret)$/.test(camel) && !/^(?:country|zip|post|postal|area|language|lang|currency|region|locale|status|error|bar|colou?r)Code$|^(?:postcode|barcode|zipcode)$/i.test(camel);

/**
 * Which end of a secret link the use-case is. Said explicitly (`--capability secret-link-issue` or
 * `secret-link-redeem`), or inferred: a request that carries the secret (a `:token` route parameter,
 * an input named ...Token, ...Code or ...Secret) redeems it; any other makes it, so it issues.
 */
export function secretLinkRoleOf(capabilities: readonly string[], inputNames: readonly string[]): SecretLinkRole | undefined {
  if (capabilities.includes(SECRET_LINK_ROLES.redeem)) return "redeem";
  if (capabilities.includes(SECRET_LINK_ROLES.issue)) return "issue";
  if (!capabilities.includes("secret-link")) return undefined;
  return inputNames.some(carriesSecret) ? "redeem" : "issue";
}

/** The capabilities as packs see them: a secret link's role added beside `secret-link` (and `secret-link` beside a role given alone). */
function capabilitiesWithRole(capabilities: readonly string[], role: SecretLinkRole | undefined): string[] {
  if (!role) return [...capabilities];
  const out = capabilities.filter((c) => c !== SECRET_LINK_ROLES.issue && c !== SECRET_LINK_ROLES.redeem);
  if (!out.includes("secret-link")) out.push("secret-link");
  out.splice(out.indexOf("secret-link") + 1, 0, SECRET_LINK_ROLES[role]);
  return out;
}

/**
 * Where an accepted job's status is read (the 202's Location): under the collection the request posts
 * to (`/api/reports/exports/{jobId}`); where the route ends in a resource's id (`DELETE
 * /api/workspaces/:workspaceId`), a jobs collection of its own, since a job id under the resource would
 * read as a child of it and collide with its real children.
 */
export function jobStatusRouteOf(route: string): string {
  const trimmed = route.replace(/\/$/, "");
  // In the route's own parameter syntax (REVIEW3 Q38): `:jobId` beside `:videoId`, `{jobId}` beside `{videoId}` or where it names none.
  const jobId = /\/:[^/]/.test(trimmed) ? ":jobId" : "{jobId}";
  if (!/\/(?::[^/]+|\{[^/}]+\})$/.test(trimmed)) return `${trimmed}/${jobId}`;
  return `${/^\/api(?:\/|$)/.test(trimmed) ? "/api" : ""}/jobs/${jobId}`;
}

/** A webhook's signature: an input named ...Signature (`Signature`, `StripeSignature`, `XHubSignature256`). */
const isSignature = (camel: string): boolean => /(?:^s|S)ignature(?:\d+)?$/.test(camel);

/**
 * The input that signs the request, when its sender signs it (a provider's webhook): an anonymous
 * POST, PUT or PATCH with an input named like a signature, or `--capability webhook`. Such a request
 * is not credential-free: the signature over the raw body is the credential.
 */
export function signatureInputOf(auth: string, method: string, capabilities: readonly string[], inputNames: readonly string[]): string | undefined {
  if (auth !== "anonymous" || method === "GET" || method === "DELETE") return undefined;
  const named = inputNames.find(isSignature);
  if (named) return named;
  return capabilities.includes("webhook") ? "signature" : undefined;
}

/**
 * A signed delivery's own id, the sender's event id (`EventId`, `DeliveryId`, `WebhookId`, `X-GitHub-Delivery`,
 * `Svix-Id`): what a redelivery repeats, so the receiver answers it 2xx again and changes nothing (TRIAL4 V5).
 */
export function deliveryIdOf(f: Pick<UseCaseFacts, "signature" | "inputs">): Names | undefined {
  if (!f.signature) return undefined;
  return f.inputs.find((i) => (/Id$/.test(i.names.camel) && /event|delivery|webhook|notification|svix/i.test(i.names.camel)) || /Delivery$/.test(i.names.camel))?.names;
}

/**
 * A signed delivery's event type (`EventType`, `Type`, `X-GitHub-Event`): a sender sends every type the account
 * subscribes to, and retries anything but a 2xx, so a type this receiver does not handle is acknowledged (2xx),
 * kept as received and changes nothing, never refused with 400 (TRIAL4 V5).
 */
export function eventTypeInputOf(f: Pick<UseCaseFacts, "signature" | "inputs">): Names | undefined {
  if (!f.signature) return undefined;
  return f.inputs.find((i) => /^(?:(?:x[A-Z][A-Za-z]*)?[Ee]vent(?:Type|Name)?|(?:event|webhook|notification)?[Tt]ype|eventKind|kind)$/.test(i.names.camel))?.names;
}

/**
 * The caller's own email or phone a signed-in change sets (`PATCH /api/me/profile` with `Email`, `PUT /api/me/phone`
 * with `PhoneNumber`): the address the account signs in and is recovered by, so a stolen session that sets it
 * takes the account over (TRIAL4 V13). Not where the use-case is itself the confirmation link's issue or redeem.
 */
export function contactInputsOf(f: Pick<UseCaseFacts, "auth" | "self" | "flow" | "inputs" | "route" | "secretLink">): Names[] {
  if (f.auth === "anonymous" || !f.self || f.secretLink) return [];
  if (!(f.flow === "change" || (f.flow === "create" && isSelfRoute(f.route) && /\/(?:e-?mails?|phones?|phone-numbers?|mobile|contact-(?:details|info))$/i.test(f.route)))) return [];
  return f.inputs.filter((i) => i.location === "body" && /^(?:new)?(?:e-?mail(?:address)?|phone(?:number)?|mobile(?:number|phone)?)$/i.test(i.names.camel)).map((i) => i.names);
}

/** An upload whose accepted types are all text (text/csv): no magic bytes to read, the content must parse (TRIAL4 V20). */
export const textUploadOf = (f: Pick<UseCaseFacts, "upload">): boolean => (f.upload?.types.length ?? 0) > 0 && f.upload!.types.every((t) => t.startsWith("text/"));

/** A signed delivery's signed timestamp (`Timestamp`, `StripeTimestamp`, `X-Slack-Request-Timestamp`): an old one is a replay (TRIAL4 V5). */
export function deliveryTimestampOf(f: Pick<UseCaseFacts, "signature" | "inputs">): Names | undefined {
  if (!f.signature) return undefined;
  return f.inputs.find((i) => /(?:^t|T)imestamp$/.test(i.names.camel))?.names;
}

/**
 * Whether the request proves who the caller is with a secret it knows: `--capability sign-in`, or an
 * anonymous POST carrying a password (not a new one: that is a reset or a sign-up's) to a route or a
 * use-case named for signing in (`/api/auth/sessions`, `/login`, "Sign in", "Log in"). A sign-up carries
 * a password too, and is not one: it stores the password's hash rather than checking it.
 */
export function checksCredentialsOf(input: Pick<PlanInput, "auth" | "method" | "capabilities" | "route" | "name">, inputNames: readonly string[]): boolean {
  if (input.auth !== "anonymous" || input.method !== "POST") return false;
  if (input.capabilities.includes("sign-in")) return true;
  const password = inputNames.some((n) => n === "password" || n === "passphrase" || n === "currentPassword");
  // word-checks.ts's SIGN_IN_ROUTE and SIGN_IN_NAME, read without the patterns where the text is ASCII.
  const signInWords = routesToSignIn(input.route ?? "") || namesSignIn(input.name);
  return password && signInWords;
}

/**
 * The last words' answer is kept: a plan asks of the same words four times, and V8 compiles a pattern to machine code
 * at its second run (__tests__/ascii-twins.property.test.ts holds it to the pattern).
 */
let lastActsOnMissing: { words: string; says: boolean } | undefined;
function saysActsOnMissing(words: string): boolean {
  // word-checks.ts's ACTS_ON_MISSING, read as words where the text is ASCII.
  if (lastActsOnMissing?.words !== words) lastActsOnMissing = { words, says: saysActsOnMissingIn(words) };
  return lastActsOnMissing.says;
}

/**
 * Whether the request acts when the thing it names does NOT exist yet (REVIEW3 Q41): a sign-up (an
 * anonymous create carrying a password, or named register / sign up), a change of email (a NewEmail
 * input, or named change email), an invitation by email. A password reset, a magic sign-in link or a
 * resend of a verification acts when it exists. With an enumeration the two cases answer the same; only
 * what is done differs, and it differs the other way round.
 */
export function actsOnMissingOf(f: Pick<UseCaseFacts, "enumeration" | "flow" | "auth" | "credentials" | "inputs" | "route" | "summary">, useCase: string): boolean {
  if (!f.enumeration || f.flow !== "create" || f.credentials) return false;
  if (saysActsOnMissing(`${useCase} ${f.route} ${f.summary ?? ""}`)) return true;
  const names = f.inputs.map((i) => i.names.camel);
  return names.some((n) => n === "newEmail" || n === "newEmailAddress") || (f.auth === "anonymous" && names.some((n) => n === "password" || n === "passphrase"));
}

/**
 * Whether the secret this use-case issues is a short code a person types (REVIEW3 Q27: "Send a 6-digit
 * code by SMS"), not a link: its name, summary or route say code, OTP, PIN or digits and never link. Its
 * strength is not entropy but a short life, few tries and caps on sending: capability-one-time-code-issue.
 */
export const oneTimeCodeOf = (f: { secretLink?: SecretLinkRole; route: string; summary?: string }, useCase: string): boolean => {
  const words = `${useCase} ${f.summary ?? ""} ${f.route}`;
  // word-checks.ts's SAYS_CODE and not SAYS_LINK, read as words where the text is ASCII.
  return f.secretLink === "issue" && saysCodeNotLink(words);
};

/**
 * A read that answers the very record its enumerated key names (REVIEW3 Q45: `GET /api/users/lookup?email=`
 * answering userId, displayName): the answer reveals whether it exists by design, so "never reveal" is
 * false there; discovery is limited instead (capability of enumeration-discovery).
 */
export const discoveryOf = (f: Pick<UseCaseFacts, "enumeration" | "flow" | "response" | "resource">): boolean => f.enumeration !== undefined && f.flow === "query" && f.resource === undefined && f.response.length > 0;

/**
 * Whether the use-case issues an API key (REVIEW3 Q2): a create whose answer hands out a long-lived secret
 * (secretResponseFieldsOf) and whose name or route says API key, access token or personal token. It is a
 * credential the holder keeps, not a link sent to them: no "one live link per holder", no day-long lifetime;
 * its scopes, count, expiry and revocation are what a reviewer asks about (api-key-issue).
 */
export const apiKeyOf = (f: Pick<UseCaseFacts, "flow" | "response" | "route">, useCase: string): boolean =>
  f.flow === "create" && secretResponseFieldsOf(f).length > 0 && /api[- _]?keys?|access[- _]?tokens?|personal[- _]?(?:access[- _]?)?tokens?|apikeys?/i.test(`${useCase} ${f.route}`);

/** The capability of a refresh-token exchange; tokenRefreshOf also infers it. */
export const TOKEN_REFRESH = "token-refresh";

/**
 * Whether the use-case exchanges a refresh token for new tokens (REVIEW3 Q40): `--capability token-refresh`,
 * or a POST carrying an input named RefreshToken. `--auth anonymous` there says no access token is sent: the
 * refresh token is the credential, so the endpoint is not public, an unknown, expired, revoked or reused
 * token is one 401, and each token is used once and rotated.
 */
export const tokenRefreshOf = (input: Pick<PlanInput, "method" | "capabilities">, inputNames: readonly string[]): boolean =>
  input.capabilities.includes(TOKEN_REFRESH) || (input.method === "POST" && inputNames.includes("refreshToken"));

/** The capability of an OAuth/OIDC redirect callback; oauthCallbackOf also infers it. */
export const OAUTH_CALLBACK = "oauth-callback";

/**
 * Whether the use-case is an OAuth/OIDC redirect callback: `--capability oauth-callback`, or what the
 * provider's redirect looks like (RFC 6749 4.1.2): an anonymous GET carrying both `code` and `state`.
 * The method is the provider's choice, not the author's, so the GET's read-only rule does not hold.
 */
export function oauthCallbackOf(input: Pick<PlanInput, "auth" | "method" | "capabilities">, inputNames: readonly string[]): boolean {
  if (input.capabilities.includes(OAUTH_CALLBACK)) return true;
  return input.auth === "anonymous" && input.method === "GET" && inputNames.includes("code") && inputNames.includes("state");
}

// "starts"/"ends": StartsAt/EndsAt, a booking's slot (REVIEW3 Q3, Q29).
const LOWER_END = ["from", "start", "starts", "min", "after", "since", "earliest"];
const UPPER_END = ["to", "end", "ends", "max", "before", "until", "latest"];
const COMPARABLE = new Set(["date", "datetime", "int", "number"]);
const endOf = (camel: string, words: readonly string[]): string | undefined => {
  for (const w of words) {
    if (camel === w) return "";
    if (camel.startsWith(w) && /^[A-Z0-9]/.test(camel.slice(w.length))) return `>${camel.slice(w.length)}`;
    const cap = w.charAt(0).toUpperCase() + w.slice(1);
    if (camel.endsWith(cap) && camel.length > cap.length) return `<${camel.slice(0, -cap.length)}`;
  }
  return undefined;
};

/**
 * Inputs that bound one range: a lower and an upper end with the same rest of the name (From/To,
 * StartDate/EndDate, MinPrice/MaxPrice, CreatedAfter/CreatedBefore), both dates or both numbers. Each
 * alone is a valid value; together they must be in order, which no value object can check alone.
 */
export function rangesOf(valueObjects: readonly PlanInput["valueObjects"][number][]): { from: Names; to: Names; dates: boolean }[] {
  const comparable = valueObjects.filter((v) => COMPARABLE.has(v.rule.kind));
  const family = (k: string): string => (k === "datetime" ? "date" : k === "int" ? "number" : k);
  const out: { from: Names; to: Names; dates: boolean }[] = [];
  for (const lo of comparable) {
    const rest = endOf(namesOf(lo.name).camel, LOWER_END);
    if (rest === undefined) continue;
    const hi = comparable.find((v) => v !== lo && endOf(namesOf(v.name).camel, UPPER_END) === rest && family(v.rule.kind) === family(lo.rule.kind));
    if (hi) out.push({ from: namesOf(lo.name), to: namesOf(hi.name), dates: family(lo.rule.kind) === "date" });
  }
  return out;
}

/** The capability of a change to who may do what (a user's role, a member's permissions); privilegeChangeOf also infers it. */
export const PRIVILEGE_CHANGE = "privilege-change";

/**
 * Whether the use-case changes a user's roles or permissions: `--capability privilege-change`, or a
 * signed-in change or delete of an existing record with an input named for a role or permission (Role,
 * NewRole, MemberRole, Permissions) or a route that ends in one (`/api/admin/users/:userId/role`,
 * `/api/teams/:teamId/members/:memberId/roles/:role`). Such an endpoint takes power away as well as
 * handing it out: lock-out, self-escalation and stale tokens are its own risks. A create that gives
 * a new member a role (an invitation) removes nobody's, so it is not inferred there.
 */
export function privilegeChangeOf(input: Pick<PlanInput, "auth" | "capabilities">, flow: Flow, route: string, inputNames: readonly string[]): boolean {
  if (input.capabilities.includes(PRIVILEGE_CHANGE)) return true;
  if (input.auth === "anonymous" || (flow !== "change" && flow !== "delete")) return false;
  // A role or permission of whom: a user's, a member's, a new one; not a notification's or a cookie's permission.
  const roleWord = /^(?:new|member|user|account|team|org|organi[sz]ation|global)?(?:[rR]oles?|[pP]ermissions?)$/;
  return inputNames.some((n) => roleWord.test(n)) || /\/(?:roles?|permissions?)(?:\/(?::[^/]+|\{[^/}]+\}))?\/?$/.test(route);
}

/** Whether the use-case's words name a CSV or spreadsheet file (Export report as CSV, /api/contacts/imports.csv, XLSX). */
export const namesSpreadsheetOf = (words: string): boolean => /\bcsv\b|spreadsheet|\bexcel\b|\bxlsx?\b/i.test(words);

/**
 * Inputs that name other records by id (REVIEW3 Q6): FromAccountId and ToAccountId of a transfer under
 * /me, NewOwnerId of an ownership transfer, in the body or the query (not the route's). Only for a signed-in
 * caller: each is a foreign reference, loaded through a query scoped to what the caller may reach.
 */
export function referencedIdsOf(f: Pick<UseCaseFacts, "auth" | "resource" | "routeParams" | "inputs">): Names[] {
  if (f.auth === "anonymous") return [];
  // A route's parameters name the resource and its items (removedItemOf, a child): the body and query name others.
  const own = f.resource ? [`${f.resource.camel}Id`] : [];
  // A ticket's id names a record of another system (the ticket system), verified there: ticketInputOf.
  // A header is about the request (Last-Event-ID, X-Request-Id), never a record it names (REVIEW3 Q30).
  return f.inputs.filter((i) => i.location !== "path" && i.location !== "header" && /[a-z0-9]Id$/.test(i.names.camel) && !own.includes(i.names.camel) && i.names.camel !== "correlationId" && !isTicket(i.names.camel)).map((i) => i.names);
}

const isTicket = (camel: string): boolean => /^(?:ticket|case|incident)(?:Id|Ref|Reference|Number|No)?$|(?:Ticket|Case)(?:Id|Ref|Reference|Number)$/.test(camel);
/**
 * The input naming the ticket or case that justifies a signed-in request (a support agent's TicketId): a
 * record of the ticket system, verified there (it exists, is open, is of the right kind, concerns this
 * record), not an id of ours looked up in the caller's reach (REVIEW3 Q15).
 */
export const ticketInputOf = (f: Pick<UseCaseFacts, "auth" | "inputs" | "resource">): Names | undefined =>
  // A ticket of ours (`/api/tickets/:ticketId/attachments --resource Ticket`) is the resource, not a justification.
  f.auth === "anonymous" || /^(?:ticket|case|incident)$/i.test(f.resource?.camel ?? "") ? undefined : f.inputs.find((i) => i.location !== "path" && isTicket(i.names.camel))?.names;

/**
 * A role-gated export of another person's personal data as a file (a GDPR subject-access request answered
 * by support): the agent reads someone else's data, so the ticket, the recipient of the file, the stores
 * it covers and the legal deadline matter (REVIEW3 Q15).
 */
/** A signed-in caller exporting its own data as a file (`POST /api/me/exports`, "Export my data"): one request hands over the whole account (TRIAL4 V14). */
export const selfExportOf = (f: Pick<UseCaseFacts, "auth" | "capabilities" | "self" | "route" | "summary">, useCase: string): boolean =>
  f.auth !== "anonymous" && f.self && f.capabilities.includes("file-download") && /\bexports?\b|takeout|\bmy.?data\b|personal.?data|portability/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`);

export const subjectExportOf = (f: Pick<UseCaseFacts, "auth" | "capabilities" | "pii" | "resource" | "self" | "route" | "summary">): boolean =>
  f.auth === "roles" &&
  f.capabilities.includes("file-download") &&
  f.pii.length > 0 &&
  f.resource !== undefined &&
  !f.self &&
  // An invoice or a report downloaded by a role is not a person's data exported: the use-case says it is.
  /personal data|subject.access|\bgdpr\b|\bdsar\b|data.?exports?\b|portability/i.test(`${f.route} ${f.summary ?? ""}`);

/**
 * Whether the scheduled command recurs (REVIEW3 Q16): an input gives its rule (Cron, Interval,
 * Frequency, Recurrence, RRule, Schedule) or the use-case's words say it repeats (weekly, daily, every).
 */
export const recurringOf = (f: Pick<UseCaseFacts, "scheduledCommand" | "inputs">, words: string): boolean =>
  // Their patterns are word-checks.ts's RECURRENCE_INPUT and RECURRING, read as words where the text is ASCII.
  f.scheduledCommand !== undefined && (f.inputs.some((i) => namesRecurrence(i.names.camel)) || saysRecurring(words));

/**
 * Whether the caller sets the recurring schedule's rule: an input gives it (Cron, Interval, Recurrence). A job whose
 * period only the use-case's words give (a nightly digest) runs on the system's fixed schedule: nobody creates it, so
 * no creator's access and no shortest interval apply to it.
 */
export const userScheduleOf = (f: Pick<UseCaseFacts, "scheduledCommand" | "inputs">): boolean => f.scheduledCommand !== undefined && f.inputs.some((i) => namesRecurrence(i.names.camel));

/**
 * Response fields that hand out a long-lived secret (signingSecret, apiKey, key, clientSecret): shown once,
 * never kept in clear (REVIEW3 Q20, Q2). A token (a session's, a join token) is the sign-in's or the link's.
 */
export const secretResponseFieldsOf = (f: Pick<UseCaseFacts, "response">): Names[] => f.response.filter((r) => /^(?:key|secret)$|(?:Secret|ApiKey|apiKey|Password)$/.test(r.camel));

/** Whether a change or delete of a loaded resource carries the client's ETag (an input named IfMatch: the `If-Match` header). */
export const ifMatchOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "inputs">): boolean =>
  (f.flow === "change" || f.flow === "delete") && f.resource !== undefined && f.inputs.some((i) => i.names.camel === "ifMatch");

/** The capability of acting as another user (support's impersonation); impersonationOf also infers it. */
export const IMPERSONATION = "impersonation";

/** Whether a signed-in POST starts acting as another user: `--capability impersonation`, or a route or name that says impersonate. */
export const impersonationOf = (input: Pick<PlanInput, "auth" | "method" | "capabilities" | "name">, route: string): boolean =>
  input.capabilities.includes(IMPERSONATION) || (input.auth !== "anonymous" && input.method === "POST" && /impersonat/i.test(`${route} ${input.name}`));

/** The capability of a load balancer's or monitor's probe; healthCheckOf also infers it. */
export const HEALTH_CHECK = "health-check";

/** Whether the use-case is a health probe: `--capability health-check`, or a GET of /health, /healthz, /livez, /readyz, /ping (under /api too). */
export const healthCheckOf = (input: Pick<PlanInput, "method" | "capabilities">, route: string): boolean =>
  input.capabilities.includes(HEALTH_CHECK) || (input.method === "GET" && /^(?:\/api)?\/(?:health|healthz|health-check|livez?|liveness|readyz?|readiness|ping)\/?$/.test(route));

/** Response fields that hold a list of records (items, results): a query answering them is a list. */
const LIST_FIELD = /^(?:items|results|entries|records|data|list|hits|rows|nodes|edges)$/;

/**
 * Whether a query answers stored records (a resource, or a list of them) rather than something it
 * computes (a health status, whether a name is free): only records can be public or not, cached by a
 * CDN, or an empty list. A query that names no response fields is taken as a list, as it always was.
 */
export const answersRecordsOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "capabilities" | "response">): boolean =>
  f.resource !== undefined || (f.flow === "query" && (f.capabilities.includes("pagination") || f.response.length === 0 || f.response.some((r) => LIST_FIELD.test(r.camel))));

/** Whether a list takes a filter input besides the route's ids, its cursor, page size and sort (TRIAL5 U9: a list with none was told its cursor carries its filters). */
export const takesListFilters = (f: Pick<UseCaseFacts, "flow" | "inputs">): boolean =>
  f.flow === "query" && f.inputs.some((i) => i.location !== "path" && !/page.?size|limit|cursor|^sort|^order/i.test(i.names.camel));

/**
 * Whether a GET answers with a stream of events kept open (REVIEW3 Q30): a Last-Event-ID input (the SSE
 * reconnect header), or the summary says server-sent events, SSE, an event stream or a WebSocket.
 */
export const streamOf = (f: Pick<UseCaseFacts, "method" | "inputs">, words: string): boolean =>
  f.method === "GET" && (f.inputs.some((i) => i.names.camel === "lastEventId") || /server-sent events|\bsse\b|event[- ]stream|websocket/i.test(words));

/** Whether a read's answer is the stored file itself (REVIEW3 Q24): file-download on a synchronous GET that names no response fields. */
export const servesFileOf = (f: Pick<UseCaseFacts, "flow" | "capabilities" | "response">): boolean => f.flow === "query" && f.capabilities.includes("file-download") && f.response.length === 0;

/**
 * Whether an upload goes straight to storage (REVIEW3 Q43): file-upload whose answer hands out a URL to
 * upload to (uploadUrl, presignedUrl, url): the API issues a presigned URL and the bytes never pass through it.
 */
export const uploadDirectOf = (f: Pick<UseCaseFacts, "capabilities" | "response">): boolean =>
  f.capabilities.includes("file-upload") && f.response.some((r) => /^(?:upload|presigned|signed)?url$|^(?:upload|presigned|signed)Url$/i.test(r.camel));

/** The media types an enum input lists (ContentType:enum(image/png|application/pdf)), the types an upload declares it may be (REVIEW3 Q43); undefined without one. */
function declaredTypesOf(valueObjects: readonly PlanInput["valueObjects"][number][]): string[] | undefined {
  for (const v of valueObjects) {
    const values = v.rule.kind === "enum" ? v.rule.values : [];
    if (values.length && values.every((t) => /^[a-z]+\/[a-z0-9.+-]+$/i.test(t))) return [...values];
  }
  return undefined;
}

/** The capability of a free-text search; searchInputOf also infers it. */
export const SEARCH = "search";
const SEARCH_TEXT = /^(?:q|query|search|searchTerm|searchText|searchQuery|term|text|keywords?|phrase)$/;

/**
 * The free-text input of a search: with `--capability search`, or on a GET, a text input named like
 * one (Q, Query, Search, SearchTerm, Keywords). Its text reaches a LIKE, a full-text index or a search
 * engine, each with its own syntax to escape.
 */
export function searchInputOf(input: Pick<PlanInput, "method" | "capabilities" | "valueObjects">): Names | undefined {
  // A paged list's cursor and page size, a sort or an id are not what a person searches by (TRIAL4 V3).
  const text = input.valueObjects.filter((v) => (v.rule.kind === "string" || v.rule.kind === "pattern") && !/cursor|page|token|sort|order|(?:^|[a-z])Id$|^id$/i.test(namesOf(v.name).camel));
  const named = text.find((v) => SEARCH_TEXT.test(namesOf(v.name).camel));
  if (input.capabilities.includes(SEARCH)) return namesOf((named ?? text[0])?.name ?? "SearchText");
  return input.method === "GET" && named ? namesOf(named.name) : undefined;
}

/**
 * A POST that reads (REVIEW3 Q19): its route ends in a read's verb (`/api/meetings/batch-get`,
 * `/api/meetings:batchGet`, `/api/orders/search`, `/query`, `/lookup`), used where the criteria do not
 * fit a URL (a hundred ids, a JSON filter). It saves nothing and answers 200: the query flow.
 */
export const readsByPostOf = (method: string, route: string, async: boolean): boolean =>
  method === "POST" && !async && /(?:[/:](?:batch-?get|batchGet|search|query|lookup|_search|find))\/?$/i.test(route);

/**
 * A delete of many records named by id in one request (REVIEW3 Q12): a POST whose route ends in a bulk
 * delete's verb (`/api/items/bulk-delete`, `/api/items:batchDelete`, `/delete-many`), or a DELETE of a
 * collection (no parameter in the route) whose input names ids (`Ids`, `ItemIds`). It creates nothing:
 * the delete flow, each id checked against the caller's scope. The records' name: the resource, else the
 * collection the route names (items: Item).
 */
export function bulkDeleteOf(method: string, route: string, async: boolean, inputNames: readonly string[], routeParams: readonly string[], resource?: Names): Names | undefined {
  if (async) return undefined;
  const verb = /[/:](?:bulk-?delete|batch-?delete|batchDelete|bulkDelete|delete-?many|deleteMany)\/?$/i;
  const post = method === "POST" && verb.test(route);
  const del = method === "DELETE" && routeParams.length === 0 && inputNames.some((n) => /^(?:ids|[a-z][A-Za-z0-9]*Ids)$/.test(n));
  if (!post && !del) return undefined;
  if (resource) return resource;
  const segments = route.replace(verb, "").split(/[/:]/).filter((s) => /^[a-z][a-z-]*s$/i.test(s));
  return namesOf(segments.length ? singularOf(segments[segments.length - 1]!) : "Item");
}

export function flowOf(method: string, async: boolean, hasResource: boolean): Flow {
  if (async) return "async";
  if (method === "GET") return "query";
  if (method === "DELETE") return "delete";
  if (method === "POST" && !hasResource) return "create";
  return "change";
}

/** The default success status of a flow (MODEL.md section 1). */
export function defaultSuccess(flow: Flow, enumeration: boolean): number {
  if (flow === "async") return 202;
  if (flow === "query") return 200;
  if (flow === "delete") return 204;
  // A create whose outcome must not leak (a reset request for an unknown account) accepts, without a Location.
  if (flow === "create") return enumeration ? 202 : 201;
  return 200;
}

export function routeParamsOf(route: string): string[] {
  const pattern = isAscii(route) ? /(?::([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})/g : /(?::([\p{L}_][\p{L}\p{N}_]*)|\{([\p{L}_][\p{L}\p{N}_]*)\})/gu;
  return [...route.matchAll(pattern)].map((m) => namesOf(m[1] ?? m[2]!).camel);
}

/**
 * The item a route's last segment collects, where it is a plural noun right after a parameter
 * (`/api/posts/:postId/comments` -> Comment); an action (`/join`, `/accept`, `/checkout`) is none.
 */
/** The caller's own item of a collection under a resource (`/api/posts/:postId/likes/me`): its name (Like). */
export function mineChildOf(route: string): Names | undefined {
  const m = /\/(?::[^/]+|\{[^/}]+\})\/([a-z][a-z-]*s)\/(?:me|mine)\/?$/i.exec(route);
  return m ? namesOf(singularOf(m[1]!)) : undefined;
}

export function childCollectionOf(route: string): Names | undefined {
  const segments = route.split("/").filter(Boolean);
  const [before, last] = [segments[segments.length - 2] ?? "", segments[segments.length - 1] ?? ""];
  if (!/^(?::|\{)/.test(before) || !/^[a-z][a-z-]*[^s]s$/i.test(last)) return undefined;
  return namesOf(singularOf(last));
}

/**
 * The facts of each use-case input, derived once: the run's checks (contradictionOf, warningsOf) and the plan
 * (normalize) all ask for them, about 0.8 ms each. Keyed on the input object, which nothing changes once it is
 * parsed (an input with other answers is another object), and held no longer than the input is; nobody changes
 * the facts either (a test freezes them and plans every golden example).
 */
const derived = new WeakMap<PlanInput, UseCaseFacts>();

export function factsOf(input: PlanInput): UseCaseFacts {
  let facts = derived.get(input);
  if (facts === undefined) derived.set(input, (facts = withGuestJoin(deriveFacts(input), input.name)));
  return facts;
}

/** The facts with what an anonymous caller joins, read from the facts themselves (guestJoinOf). */
function withGuestJoin(f: UseCaseFacts, useCase: string): UseCaseFacts {
  const joined = guestJoinOf(f, useCase);
  return joined ? { ...f, guestJoin: joined } : f;
}

/**
 * Whether a signed-in caller was given to a webhook (`--capability webhook --auth authenticated`): a provider's
 * delivery carries no user's session or token; its signature over the raw body is the credential. The plan takes the
 * caller as the signed sender, and warningsOf says so in one line.
 */
export const webhookSignedInOf = (input: Pick<PlanInput, "auth" | "method" | "capabilities">): boolean =>
  input.capabilities.includes("webhook") && input.auth !== "anonymous" && input.method !== "GET" && input.method !== "DELETE";

function deriveFacts(answers: PlanInput): UseCaseFacts {
  // A webhook's sender signs; it never signs in: planned as anonymous and signed, whatever --auth said.
  const input: PlanInput = webhookSignedInOf(answers) ? { ...answers, auth: "anonymous", roles: [] } : answers;
  const route = input.route || defaultRouteOf(input.name, input.method);
  const method = input.method;
  const resource = input.resource ? namesOf(input.resource) : undefined;
  // POST /api/posts/:postId/comments: a new Comment under the Post, not a change of the Post. A link redeemed,
  // or a key looked up, is an action on the resource itself (POST /api/invites/:code/join).
  // Impersonating a user issues a new session for the agent: a new item under the User, never a change of it.
  const impersonation = impersonationOf(input, route);
  // PUT /api/posts/:postId/likes/me: the caller's own Like under the Post, set once (REVIEW3 Q33); never the Post replaced.
  const mine = (method === "PUT" || method === "POST") && resource && !input.async ? mineChildOf(route) : undefined;
  // A link issued to a collection under the resource (POST /api/meetings/:meetingId/invitations) is a new item like any
  // other (TRIAL3 U28): only its redeeming acts on the resource itself.
  const redeems = secretLinkRoleOf(input.capabilities, [...routeParamsOf(route), ...input.valueObjects.map((vo) => namesOf(vo.name).camel)]) === "redeem";
  const child = mine ? mine : method === "POST" && resource && impersonation ? namesOf("ImpersonationSession") : method === "POST" && resource && !input.async && !input.enumeration && !input.enumerationSensitive && !redeems ? childCollectionOf(route) : undefined;
  const searchInput = searchInputOf(input);
  // What the use-case says it is about, in its own words: a CSV, an import, an image.
  const words = [input.name, input.summary ?? "", route].join(" ");
  const oauthCallback = oauthCallbackOf(input, input.valueObjects.map((vo) => namesOf(vo.name).camel));
  // An OAuth callback is a GET that starts a session: a create (the session), whatever its method says.
  // A bulk delete (POST /api/items/bulk-delete) creates nothing: the delete flow (REVIEW3 Q12).
  const bulk = bulkDeleteOf(method, route, input.async, input.valueObjects.map((vo) => namesOf(vo.name).camel), routeParamsOf(route), resource);
  const flow = child || oauthCallback ? "create" : readsByPostOf(method, route, input.async) ? "query" : bulk ? "delete" : flowOf(method, input.async, resource !== undefined);
  const signedIn = input.auth !== "anonymous";
  // A resource under /me (GET /api/me/things/:thingId) is one of the caller's own: a query scoped to the
  // caller, not a loaded record whose owner is checked (unless a --relation or roles say otherwise).
  // A role outside /me reaches other people's data by design (a support agent's user search): not the caller's own.
  const relationGiven = relationGivenOf(input);
  const self = signedIn && (resource === undefined ? isSelfRoute(route) || (flow !== "create" && input.auth !== "roles") : isSelfRoute(route) && !relationGiven && input.auth !== "roles");
  const enumerationText = input.enumeration || (input.enumerationSensitive ? "account" : "");
  const routeParams = routeParamsOf(route);
  const requestBody = method !== "GET" && method !== "DELETE";
  const inputs: InputFact[] = input.valueObjects.map((vo) => {
    const names = namesOf(vo.name);
    const location: InputLocation = vo.location ?? (routeParams.includes(names.camel) ? "path" : requestBody ? "body" : "query");
    return { names, location, required: !vo.optional, fromText: location !== "body" };
  });
  const inputNames = inputs.map((i) => i.names.camel);
  const privilegeChange = privilegeChangeOf(input, flow, route, inputNames);
  const secretLink = secretLinkRoleOf(input.capabilities, [...new Set([...routeParams, ...inputNames])]);
  // With --auth roles the role grants access (MODEL.md: roles are global); only a --relation given too adds a relation, either granting access.
  // A resource found by a link's token or a guessable key (an invite code) is reached by holding it: the one who
  // redeems an invitation is not its owner, so no relation is assumed there; one given is kept.
  const byKey = secretLink === "redeem" || enumerationText !== "";
  // --relation none: no relation at all (the role alone, or any signed-in caller), never the owner a blank answer gets.
  const relation = resource && signedIn && !self ? relationGiven || (input.auth === "roles" || byKey || saysNoRelation(input.relation) ? undefined : "owner") : undefined;
  // A relation given with roles decides access for a caller without the role (the role reaches any resource): the relation's model, the role beside it.
  const access: AccessModel = !signedIn ? "anonymous" : relation ? "relation" : input.auth === "roles" ? "roles" : self ? "self" : "authenticated";
  // A change or delete outside /me that names nothing still acts on one resource (as it always did):
  // only a query can be a list, and only the caller's own can be found by the credential alone.
  // A bulk delete names many by a list of ids: none alone can be "the missing one" (REVIEW3 Q12).
  const identifiesOne = resource !== undefined && !bulk && (namesOneOf(routeParams, inputs, enumerationText, input.capabilities) || (flow !== "query" && !self));
  const signature = signatureInputOf(input.auth, method, input.capabilities, inputNames);
  const credentials = checksCredentialsOf({ ...input, route }, inputNames);
  // A sign-in answers the session (200) or one refusal; a webhook's sender wants a quick 2xx, not a Location it never follows.
  // An OAuth callback answers the browser with a redirect to the app, carrying the new session's cookie.
  const tokenRefresh = tokenRefreshOf(input, inputNames);
  // An anonymous visitor's message to a fixed inbox of ours (a contact form) is accepted, not a resource it may read: 202, no Location (REVIEW3 Q21).
  const toInbox = !signedIn && flow === "create" && messageAudienceOf(input.capabilities, words) === "internal";
  const success = oauthCallback ? 302 : input.success ? Number(input.success) : mine ? 200 : credentials || tokenRefresh || (signature && flow === "create") ? 200 : defaultSuccess(flow, enumerationText !== "" || toInbox);
  const successHeaders = oauthCallback ? ["Location", "Set-Cookie"] : (success === 201 || (success === 202 && flow === "async")) ? ["Location"] : [];
  const states: string[] = [];
  for (const t of input.transitions) for (const s of [t.from, t.to]) if (!states.includes(s)) states.push(s);
  // An erasure is purged by a job when its cancellation window ends: planned even where no command was named.
  const purge = !input.scheduledCommand && input.capabilities.includes("erasure") ? purgeCommandOf(input.name, resource) : undefined;
  const scheduledCommand = input.scheduledCommand ? namesOf(input.scheduledCommand) : purge ? namesOf(purge) : undefined;
  const emitters = new Map(input.events.map((e) => [namesOf(e.name).pascal, e.emitter ?? REQUEST_EMITTER]));
  // Capabilities the answers show without naming them (an OAuth callback, a search, ...), added after those given.
  // An audience given alone (sends-message-bulk) means sending messages too.
  const sendCapabilities = messageAudienceOf(input.capabilities, "") && !input.capabilities.includes("sends-message") ? [...input.capabilities, "sends-message"] : input.capabilities;
  const given = capabilitiesWithAudience(capabilitiesWithChannels(capabilitiesWithRole(sendCapabilities, secretLink), messageChannelsOf(sendCapabilities, inputNames)), messageAudienceOf(input.capabilities, words));
  const inferred = [oauthCallback && OAUTH_CALLBACK, searchInput && SEARCH, impersonation && IMPERSONATION, privilegeChange && PRIVILEGE_CHANGE, healthCheckOf(input, route) && HEALTH_CHECK, tokenRefresh && TOKEN_REFRESH];
  return {
    flow,
    method,
    route,
    endpoint: `${method} ${route}`,
    async: input.async,
    success,
    successHeaders: flow === "async" ? [...successHeaders, "Retry-After"] : successHeaders,
    requestBody,
    auth: input.auth,
    roles: input.roles,
    access,
    self,
    ...(resource ? { resource } : {}),
    ...(child ? { child } : {}),
    ...(mine ? { childMine: true } : {}),
    identifiesOne,
    ...(relation ? { relation } : {}),
    ...(relation && !input.relation ? { relationAssumed: true as const } : {}),
    ...(access === "authenticated" && resource && saysNoRelation(input.relation) ? { anySignedIn: true as const } : {}),
    ...(enumerationText ? { enumeration: enumerationText } : {}),
    capabilities: given,
    ...(secretLink ? { secretLink } : {}),
    ...(secretLink === "redeem" ? secretInputOf(input, inputs) : {}),
    unknownCapabilities: input.capabilities.filter((c) => !(BUILT_IN_CAPABILITIES as readonly string[]).includes(c) && !isRefinement(c)),
    transitions: input.transitions,
    states,
    errors: input.errors,
    ...(input.featureFlag ? { featureFlag: input.featureFlag } : {}),
    inputs,
    routeParams,
    response: input.response.map(namesOf),
    emitters,
    // What the answers show beyond what they say: inferred capabilities (after those given, which the line above lists), a callback, ranges, a CSV.
    ...withInferred(given, inferred),
    oauthCallback,
    tokenRefresh,
    ranges: rangesOf(input.valueObjects),
    csv: namesSpreadsheetOf(words),
    importsFile: input.capabilities.includes("file-upload") && (namesSpreadsheetOf(words) || /\bimports?\b|\bimporting\b/i.test(words)),
    ...(searchInput ? { searchInput } : {}),
    ...(input.summary ? { summary: input.summary } : {}),
    ...(scheduledCommand ? { scheduledCommand } : {}),
    ...(purge ? { scheduledCommandDerived: true } : {}),
    pii: input.pii.map(namesOf),
    // A download is audited whether or not --audit was given (the file-download pack records every signed URL):
    // the plan then has an audit trail throughout, never "no audit trail" beside a required download record.
    // So is a change of roles (capability-privilege-change records the role before and after), and a role's read
    // of other people's personal data (access-roles-read-pii audits each read).
    audit: input.audit || input.capabilities.includes("file-download") || privilegeChange || (flow === "query" && input.auth === "roles" && !self && input.pii.length > 0),
    rateLimit: parseRateLimit(input.rateLimit || defaultRateLimitOf({ method, route, auth: input.auth, resource: input.resource, capabilities: input.capabilities })),
    latencyBudgetMs: LATENCY_BUDGET_MS,
    ...pageSizeOf(input),
    urlInput: input.valueObjects.some((v) => v.rule.kind === "url"),
    ...redirectInputOf(input),
    ...(signature ? { signature: namesOf(signature) } : {}),
    credentials,
    ...(input.capabilities.includes("file-upload")
      ? uploadDirectOf({ capabilities: input.capabilities, response: input.response.map(namesOf) })
        ? { directUpload: { types: declaredTypesOf(input.valueObjects) ?? uploadTypesOf([input.name, input.summary ?? "", route].join(" ")) } }
        : { upload: { types: declaredTypesOf(input.valueObjects) ?? uploadTypesOf([input.name, input.summary ?? "", route].join(" ")) } }
      : {}),
    ...(opensAccountOf(capabilitiesWithRole(input.capabilities, secretLink), [input.name, route, scheduledCommand?.pascal ?? ""].join(" ")) ? { accountRecovery: true } : {}),
    ...(bulk ? { bulkDelete: bulk } : {}),
    ...(oneTimeCodeOf({ secretLink, route, ...(input.summary ? { summary: input.summary } : {}) }, input.name) ? { oneTimeCode: true } : {}),
  };
}

/**
 * The capabilities given and those inferred from the answers (an OAuth callback, a search), each once, the
 * inferred after: spread into the facts after the given list, which it replaces (typed optional for that).
 */
const withInferred = (capabilities: readonly string[], inferred: readonly (string | false | undefined)[]): { capabilities?: string[] } => ({
  capabilities: [...capabilities, ...inferred.filter((c): c is string => typeof c === "string" && !capabilities.includes(c))],
});

/** A URL input that names where the caller is sent next: followed as it is, it is an open redirect. */
function redirectInputOf(input: PlanInput): { redirectInput?: Names } {
  const vo = input.valueObjects.find((v) => v.rule.kind === "url" && /^(?:returnTo|returnUrl|redirect(?:To|Uri|Url)?|next|continue(?:Url)?|callbackUrl|successUrl|cancelUrl)$/.test(namesOf(v.name).camel));
  return vo ? { redirectInput: namesOf(vo.name) } : {};
}

function pageSizeOf(input: PlanInput): { pageSize?: { min?: number; max?: number } } {
  const rule = input.valueObjects.find((v) => namesOf(v.name).camel === "pageSize")?.rule;
  if (!rule || (rule.kind !== "int" && rule.kind !== "number")) return {};
  return { pageSize: { ...(rule.min !== undefined ? { min: rule.min } : {}), ...(rule.max !== undefined ? { max: rule.max } : {}) } };
}

/**
 * Inputs that cannot all be true (MODEL.md section 1): the flag at fault and the
 * problem in one line, or undefined. The run exits 2 with it.
 */
/**
 * Whether the request itself names one record: a route parameter, or a required input that reads
 * as a key (an id, a token, a code, a slug, what the enumeration hides; with an enumeration any
 * required input); any other input is a filter (a list's criteria) or the change itself. A route
 * parameter names one even when its items are listed a page at a time (GET /api/rooms/:roomId/bookings);
 * without one, a paginated request is a list, whatever its filters.
 */
function namesOneOf(routeParams: readonly string[], inputs: readonly InputFact[], enumerationText: string, capabilities: readonly string[]): boolean {
  if (routeParams.length > 0) return true;
  if (capabilities.includes("pagination")) return false;
  const lookupKey = enumerationText ? namesOf(enumerationText).camel : undefined;
  return inputs.some((i) => i.required && (/(?:^(?:id|token|code|slug)|(?:Id|Token|Code|Slug))$/.test(i.names.camel) || i.names.camel === lookupKey || enumerationText !== ""));
}

/** The input carrying the secret a redeeming request presents (an input named ...Token, ...Code or ...Secret), where there is one. */
function secretInputOf(input: PlanInput, inputs: readonly InputFact[]): { secretInput?: UseCaseFacts["secretInput"] } {
  const at = input.valueObjects.findIndex((v) => carriesSecret(namesOf(v.name).camel));
  if (at < 0) return {};
  const vo = input.valueObjects[at]!;
  const bits = secretBitsOf(vo.rule);
  return { secretInput: { names: inputs[at]!.names, location: inputs[at]!.location, rule: ruleText(vo.rule), ...(bits !== undefined ? { bits } : {}) } };
}

/** The redeemed secret, where its rule bounds it below 128 bits (an 8-character invite code): its name, rule and size. */
export function shortSecretOf(f: Pick<UseCaseFacts, "secretInput">): { name: string; rule: string; bits: number } | undefined {
  const s = f.secretInput;
  return s && s.bits !== undefined && s.bits < 128 ? { name: s.names.pascal, rule: s.rule, bits: s.bits } : undefined;
}

/**
 * Whether the secret is a code a person types, not a link: one issued as a short code (oneTimeCodeOf), or one redeemed
 * from an input named ...Code typed into the body or a header (`VerificationCode`); a code in the URL came in a link.
 */
export const secretIsCodeOf = (f: Pick<UseCaseFacts, "secretLink" | "secretInput" | "oneTimeCode">): boolean =>
  f.oneTimeCode === true || (f.secretLink === "redeem" && !secretInUrlOf(f) && /(?:^c|[a-z0-9]C)ode$/.test(f.secretInput?.names.camel ?? ""));

/** The redeemed secret arrives in the URL (a link's token in the path or query), not typed into a body or a header (TRIAL5 U7). */
export const secretInUrlOf = (f: Pick<UseCaseFacts, "secretLink" | "secretInput">): boolean =>
  f.secretLink === "redeem" && (f.secretInput === undefined || (f.secretInput.location !== "body" && f.secretInput.location !== "header"));

/** How a redeemed secret resists guessing, as the redeem pack's threat and abuse case say it: its size where the rule bounds it. */
function guessingValues(f: UseCaseFacts): Partial<Record<PackPlaceholder, string>> {
  const s = shortSecretOf(f);
  if (!s) return { guessingDefence: ">= 128-bit CSPRNG tokens make guessing infeasible", secretStrength: "128-bit tokens" };
  const size = `${s.name} holds at most about ${s.bits} bits (${s.rule})`;
  if (s.bits >= GUESSABLE_BITS) return { guessingDefence: `${size}, drawn from a CSPRNG: guessing is infeasible`, secretStrength: `${s.name}s drawn from a CSPRNG (about ${s.bits} bits)` };
  return {
    guessingDefence: `${size}: not a 128-bit token, so a client trying many finds live ones at scale; the cap on failed lookups across all clients, each ${s.name}'s expiry and a limit on its uses are the defence, and a longer ${s.name} where people need not type it`,
    secretStrength: `a cap on failed lookups across all clients (${s.name} holds only about ${s.bits} bits)`,
  };
}

/**
 * "none" (or "no"), typed at the relation prompt or given as --relation: the caller needs no relation to the resource
 * (the role alone grants access, or any signed-in caller may), said explicitly (TRIAL5 U1): a relation named "none"
 * made "a Ticket it is a none of" and a port findForNone.
 */
export const saysNoRelation = (relation: string | undefined): boolean => relation !== undefined && /^(?:none|no)$/i.test(relation.trim());

/** The relation the answers give, "" where they give none or say none. */
export const relationGivenOf = (input: Pick<PlanInput, "relation">): string => (saysNoRelation(input.relation) ? "" : (input.relation ?? ""));

export function contradictionOf(input: PlanInput): { flag: string; problem: string } | undefined {
  const f = factsOf(input);
  // The CLI and the MCP tools ask for the roles or imply --auth roles first; this holds for every other way in (plop, the packs command).
  if (input.auth === "roles" && input.roles.length === 0) return { flag: "roles", problem: "--auth roles needs the roles allowed (--roles admin,editor)" };
  if (input.roles.length && input.auth !== "roles") return { flag: "roles", problem: `roles are for --auth roles, and auth is ${input.auth}` };
  const relation = relationGivenOf(input);
  if (relation && !input.resource) return { flag: "relation", problem: "needs --resource: a relation says how the caller relates to a resource it loads" };
  if (relation && input.auth === "anonymous") return { flag: "relation", problem: "an anonymous caller has no relation to check; drop --relation or sign the caller in (--auth)" };
  if (input.transitions.length && !input.resource) return { flag: "transition", problem: "needs --resource: transitions are state changes of the resource" };
  if (input.transitions.length && input.method === "GET") {
    const t = input.transitions[0]!;
    return { flag: "transition", problem: `${t.from}->${t.to}: a GET only reads and changes no state; make the change with POST, PUT, PATCH or DELETE` };
  }
  if (input.scheduledCommand && input.method === "GET") return { flag: "scheduled-command", problem: `a GET only reads and schedules nothing; schedule it from a POST, PUT, PATCH or DELETE use-case` };
  if (input.capabilities.includes("file-upload") && !f.requestBody) return { flag: "capability", problem: `file-upload: an upload needs a request body, and a ${input.method} has none; use POST, PUT or PATCH` };
  // A list scoped to the relation ("meetings I host") names none and is fine; a change names the one it checks.
  if (relation && f.resource && f.flow !== "query" && !namesOneOf(f.routeParams, f.inputs, f.enumeration ?? "", input.capabilities)) {
    return { flag: "relation", problem: `${f.endpoint} names no ${f.resource.pascal} to check it against (no route parameter, no id or token input); a request that makes ${withArticle(f.resource.pascal)} makes the caller its ${input.relation}, with nothing to check: plan that as a create, without --resource and --relation` };
  }
  if (input.capabilities.includes(SECRET_LINK_ROLES.issue) && input.capabilities.includes(SECRET_LINK_ROLES.redeem)) {
    return { flag: "capability", problem: "secret-link-issue and secret-link-redeem: an endpoint issues a link or redeems it; plan the two ends as two use-cases" };
  }
  if (input.async && input.method === "GET") return { flag: "async", problem: "a GET reads and answers; an asynchronous job starts with POST (or DELETE)" };
  for (const vo of input.valueObjects) {
    const camel = namesOf(vo.name).camel;
    if (vo.location === "body" && !f.requestBody) return { flag: "value-object", problem: `${vo.name}@body: a ${input.method} request has no body; use @query, @path or @header` };
    if (vo.location === "path" && !f.routeParams.includes(camel)) return { flag: "value-object", problem: `${vo.name}@path: the route ${f.route} names no :${camel}` };
    if (vo.optional && f.routeParams.includes(camel) && (vo.location ?? "path") === "path") return { flag: "value-object", problem: `${vo.name}? is a path parameter, and a path parameter cannot be absent` };
  }
  if (input.method === "GET" && input.events.length && !f.oauthCallback) {
    const ev = input.events[0]!;
    return { flag: "event", problem: `${ev.name}${ev.emitter ? `@${ev.emitter}` : ""}: --method GET only reads and emits no events; emit it from a POST, PUT, PATCH or DELETE use-case` };
  }
  for (const t of input.transitions) {
    if (t.emitter === undefined) continue;
    if (!f.scheduledCommand || f.scheduledCommand.pascal !== t.emitter) {
      return { flag: "transition", problem: `${t.from}->${t.to}@${t.emitter}: no scheduled command ${t.emitter} makes it (--scheduled-command ${f.scheduledCommand?.pascal ?? "is not given"})` };
    }
  }
  for (const ev of input.events) {
    if (ev.emitter === undefined) continue;
    if (!f.scheduledCommand || f.scheduledCommand.pascal !== ev.emitter) {
      return { flag: "event", problem: `${ev.name}@${ev.emitter}: no scheduled command ${ev.emitter} emits it (--scheduled-command ${f.scheduledCommand?.pascal ?? "is not given"})` };
    }
  }
  if (f.enumeration && f.inputs.length === 0 && f.routeParams.length === 0) {
    return { flag: input.enumeration ? "enumeration" : "enumeration-sensitive", problem: `the caller names nothing (no value object, no route parameter), so there is no ${f.enumeration} whose existence could leak` };
  }
  if (input.success) {
    const s = Number(input.success);
    if (input.async && s !== 202) return { flag: "success", problem: `an asynchronous use-case answers 202 (accepted), not ${s}` };
    if (input.method === "GET" && s !== 200) return { flag: "success", problem: `a GET answers 200 with what it found, not ${s}` };
    if (input.method === "DELETE" && s === 201) return { flag: "success", problem: "a DELETE creates nothing, so it does not answer 201; 204 (no body), 200 (a body) or 202 (a job)" };
    if (s === 204 && input.response.length) return { flag: "response", problem: "a 204 answer has no body, so it has no response fields" };
  }
  if (f.flow === "delete" && input.response.length && !input.success) return { flag: "response", problem: "a DELETE answers 204 with no body; give --success 200 for a body" };
  return undefined;
}

/** One-line warnings for inputs that are questionable but not contradictory; `known`: the capabilities some pack (built-in or the team's) names. */
export function warningsOf(input: PlanInput, known: readonly string[] = BUILT_IN_CAPABILITIES): string[] {
  const f = factsOf(input);
  const out = input.capabilities
    .filter((c) => !known.includes(c) && !isRefinement(c))
    .map((c) => `--capability ${c}: no pack knows it (built in: ${BUILT_IN_CAPABILITIES.join(", ")}); a team pack in .mjoplan/packs must declare it, or it adds nothing`);
  for (const e of input.errors) {
    if (f.enumeration && (e.status === 404 || e.status === 410)) out.push(`--error ${e.name}:${e.status}: a ${e.status} of its own tells this case from an unknown ${f.enumeration}, which --enumeration hides`);
  }
  if (input.method === "GET") {
    for (const c of ["erasure", "sends-message"].filter((c) => input.capabilities.includes(c))) out.push(`--capability ${c}: a GET only reads; ${c === "erasure" ? "erasing data" : "sending a message"} is a state change a POST, PUT, PATCH or DELETE makes`);
  }
  if (discoveryOf(f)) out.push(`--enumeration ${f.enumeration}: the answer's fields (${f.response.map((r) => r.camel).join(", ")}) tell whether the ${f.enumeration} exists, so the plan limits discovery (who may be found, caps, alerts) instead of hiding it`);
  // A webhook is credited by its signature: with no input carrying it, the plan checks one the request does not have (TRIAL4 V4).
  if (input.capabilities.includes("webhook") && !input.valueObjects.some((vo) => isSignature(namesOf(vo.name).camel)))
    out.push(`--capability webhook: no input carries the sender's signature; give it as a header value object named ...Signature (--value-object "StripeSignature:string(1..500)@header"), or the plan checks a "signature" the request does not have`);
  if (webhookSignedInOf(input)) out.push(`--capability webhook: a provider's delivery carries no user session, so --auth ${input.auth} cannot hold; its signature over the raw body authenticates it, and the plan checks that instead`);
  // An anonymous request has no caller to name: an event field naming the user or member who acted has nothing to hold (TRIAL5 U10).
  // A request that names an account (a password reset's Email) has one: the account it finds.
  const namesAccount = f.enumeration === "account" || input.valueObjects.some((vo) => /^(?:email|emailAddress|phone|phoneNumber|username|login)$/.test(namesOf(vo.name).camel));
  if (input.auth === "anonymous" && !namesAccount) {
    const inputs = new Set(input.valueObjects.map((vo) => namesOf(vo.name).camel));
    for (const e of input.events) {
      const who = e.fields.map((x) => namesOf(x).camel).find((x) => /^(?:user|caller|member|account|actor)Id$/.test(x) && !inputs.has(x));
      if (who) out.push(`--event ${namesOf(e.name).pascal}: its ${who} names who acted, but the caller is anonymous and no input carries it; sign the caller in (--auth authenticated), or say what the request creates for them`);
    }
  }
  // A short code redeemed like a link's token: said at once, as the plan's threat model says it (TRIAL5 U6).
  const short = shortSecretOf(f);
  if (short && short.bits < GUESSABLE_BITS) out.push(`--value-object ${short.name}:${short.rule}: holds at most about ${short.bits} bits, so it can be guessed at scale; the plan defends it with caps on failed lookups, expiry and a use limit, not by its size`);
  if (input.enumerationSensitive && input.enumeration && input.enumeration !== "account") out.push(`--enumeration-sensitive is --enumeration account; --enumeration ${input.enumeration} wins`);
  return out;
}

/** The facts as the generic packs see them: what `when` matches, and the `{placeholder}` values. */
export function packFactsOf(f: UseCaseFacts, extra: { useCase: string; actor: string; system: string }): PackFacts {
  const values: Partial<Record<PackPlaceholder, string>> = {
    useCase: extra.useCase,
    actor: extra.actor,
    system: extra.system,
    method: f.method,
    route: f.route,
    endpoint: f.endpoint,
    rateLimit: `${f.rateLimit.count}/${f.rateLimit.window}`,
    rateLimitCount: String(f.rateLimit.count),
    rateLimitNext: String(f.rateLimit.count + 1),
    window: f.rateLimit.window,
    latencyBudget: String(f.latencyBudgetMs),
    success: String(f.success),
    // The bounds the answers give are the plan's: no "e.g. 100" beside a given maximum of 50.
    pageSizeBounds:
      f.pageSize?.max !== undefined
        ? `${f.pageSize.min !== undefined ? `from ${f.pageSize.min} ` : ""}to ${f.pageSize.max} as PageSize gives, the default e.g. ${Math.min(Math.max(20, f.pageSize.min ?? 1), f.pageSize.max)}`
        : "e.g. 20 by default, 100 at most",
    counted: f.auth === "anonymous" ? "client" : "caller",
    pageSizeQuestion: f.pageSize?.max !== undefined ? `What is the default page size (the maximum, ${f.pageSize.max}, is given)?` : "What is the default and the maximum page size?",
  };
  if (f.resource) values.resource = f.resource.pascal;
  if (itemOf(f)) values.item = itemOf(f)!.names.pascal;
  if (f.bulkDelete) values.records = f.bulkDelete.pascal;
  if (f.secretLink === "redeem") Object.assign(values, guessingValues(f));
  // A code typed by the person (a 6-digit code sent by SMS) is not a link: the secret-link packs say what it is.
  values.secret = secretIsCodeOf(f) ? "code" : "link";
  if (f.relation) values.relation = f.relation;
  // One owner or host, but many members, participants or admins: "the member of the Workspace" says there is one (REVIEW3 Q31).
  if (f.relation) values.aRelation = /^(?:owner|host|creator|author|organi[sz]er|assignee|holder)$/i.test(f.relation) ? `the ${f.relation}` : withArticle(f.relation);
  // A relation no answer gave is the plan's guess: the requirement says so where it states it (TRIAL5).
  if (f.relation) values.relationBasis = f.relationAssumed ? ` (assumed: the answers name no relation, so the plan takes the ${f.relation}; see Open questions)` : "";
  if (f.auth === "roles") values.roles = f.roles.join(" or ") || "(TODO(plan): name the roles)";
  if (f.enumeration) values.enumeration = f.enumeration;
  // "by its invitation" says nothing when the enumeration names the resource: it is found by what the request carries.
  if (f.enumeration && f.resource) values.lookedUpBy = namesOf(f.enumeration).pascal === f.resource.pascal ? `the ${namesOf(lookupKeyOf(f)).kebab.replace(/-/g, " ")} the request carries` : `its ${f.enumeration}`;
  if (f.signature) values.signature = f.signature.pascal;
  if (f.ranges.length) values.range = f.ranges.map((r) => `${r.from.pascal} is not ${r.dates ? "after" : "above"} ${r.to.pascal}`).join(", and ");
  // No input carries the search text: the plan says so rather than naming one the request does not have (TRIAL4 V3).
  if (f.searchInput) values.searchInput = f.inputs.some((i) => i.names.camel === f.searchInput!.camel) ? f.searchInput.pascal : `${PLACEHOLDER}: which input carries it?`;
  if (secretResponseFieldsOf(f).length) values.secretFields = secretResponseFieldsOf(f).map((n) => n.camel).join(", ");
  if (referencedIdsOf(f).length) values.referencedIds = referencedIdsOf(f).map((n) => n.pascal).join(", ");
  if (f.redirectInput) values.redirect = f.redirectInput.pascal;
  if (ticketInputOf(f)) values.ticket = ticketInputOf(f)!.pascal;
  if (contactInputsOf(f).length) values.contact = contactInputsOf(f).map((n) => n.pascal).join(" or ");
  if (domainInputOf(f)) values.domain = domainInputOf(f)!.pascal;
  const upload = f.upload ?? f.directUpload;
  if (upload) values.uploadTypes = upload.types.length ? upload.types.join(", ") : "the types the plan names";
  // Text has no magic bytes: a CSV is what parses as one (TRIAL4 V20).
  if (upload) values.uploadDisguise = textUploadOf(f) ? `a PNG image named upload.${(f.upload?.types[0] ?? "text/plain").split("/")[1]!.replace(/[^a-z0-9]/g, "") || "txt"}` : "an HTML file named photo.png";
  // What the accepted types call for, and nothing they do not (REVIEW3 Q25): no archive sentence for a photo.
  if (upload) {
    const types = upload.types;
    values.uploadContentRule =
      types.length && types.every((t) => t.startsWith("image/"))
        ? "Images are refused past a pixel-dimension cap read from the header before decoding (a small PNG can decode to 50,000 x 50,000 pixels), and re-encoded (metadata such as GPS stripped)"
        : types.length && !types.some((t) => /zip|tar|gzip|compressed|archive/.test(t))
          ? "Images among them are re-encoded (metadata such as GPS stripped), with a pixel-dimension cap before decoding; documents are served as stored, never rendered in the app's origin"
          : "Images are re-encoded (metadata such as GPS stripped); archives are not unpacked, or unpacked with limits on entries, total size and path names";
  }
  if (upload)
    values.uploadTypeCheck = textUploadOf(f)
      ? "decided by the file's content: valid UTF-8 (a leading BOM dropped) that parses in that format with the expected header row; a binary file or another format is refused with 415 whatever its name or the Content-Type the client sends"
      : "decided by the file's content (magic bytes), not by its name or the Content-Type the client sends";
  if (f.pii.length) values.pii = f.pii.map((p) => p.camel).join(", ");
  if (f.scheduledCommand) values.command = f.scheduledCommand.pascal;
  if (f.emitters.size) values.events = [...f.emitters.keys()].join(", ");
  return {
    flow: f.flow,
    method: f.method,
    async: f.async,
    auth: f.auth,
    resource: f.resource !== undefined,
    identifiesOne: f.identifiesOne,
    routeParam: f.routeParams.length > 0,
    ...(f.relation ? { relation: f.relation } : {}),
    enumeration: f.enumeration !== undefined,
    capabilities: f.capabilities,
    pii: f.pii.length > 0,
    audit: f.audit,
    scheduledCommand: f.scheduledCommand !== undefined,
    events: f.emitters.size > 0,
    self: f.self,
    meRoute: isSelfRoute(f.route),
    inputs: f.inputs.length > 0 || f.routeParams.length > 0,
    urlInput: f.urlInput,
    signed: f.signature !== undefined,
    // An OAuth callback proves who the caller is too, with the provider's code: packs for credential-free
    // endpoints do not apply, and sign-in.yaml (a password) excludes it by oauthCallback.
    credentials: f.credentials || f.oauthCallback || f.tokenRefresh,
    oauthCallback: f.oauthCallback,
    tokenRefresh: f.tokenRefresh,
    actsOnMissing: actsOnMissingOf(f, extra.useCase),
    // Issued as a short code, or a one-time code redeemed from the body (TRIAL6: a typed code is no link's token).
    oneTimeCode: oneTimeCodeSecretOf(f),
    // Found by a secret link's token (a share link): holding the token is the access, so nothing is "public" (REVIEW3 Q37).
    reachedByToken: f.resource !== undefined && f.secretLink === "redeem",
    discovery: discoveryOf(f),
    apiKey: apiKeyOf(f, extra.useCase),
    grant: grantOf(f),
    // The role a grant gives, never above the granter's own (TRIAL6 U10).
    grantsRole: grantOf(f) && f.inputs.some((i) => /^(?:role|permission|accessLevel|access)$/i.test(i.names.camel)),
    consent: consentOf(f),
    makerChecker: makerCheckerOf(f, extra.useCase),
    securityMessage: securityMessageOf(f, extra.useCase),
    downloadsFile: f.capabilities.includes("file-download"),
    flagSwitch: flagSwitchOf(f),
    domainClaim: domainInputOf(f) !== undefined,
    ssoConfig: ssoConfigOf(f),
    userLink: userLinkOf(f),
    chosenSlug: chosenSlugOf(f),
    ticketInput: ticketInputOf(f) !== undefined,
    contactChange: contactInputsOf(f).length > 0,
    subjectExport: subjectExportOf(f),
    selfExport: selfExportOf(f, extra.useCase),
    namedRecipient: f.capabilities.includes("sends-message") && !f.capabilities.some((c) => AUDIENCE_CAPABILITIES.includes(c)) && !ownRecipientOf(f),
    // To the caller's own account: never refused for a mail budget (TRIAL6 U3).
    ownRecipient: ownRecipientOf(f),
    servesFile: servesFileOf(f),
    stream: streamOf(f, f.summary ?? ""),
    listFilters: takesListFilters(f),
    // A code typed into a body or a header is in no URL: no Referer, history or access log carries it (TRIAL5 U7).
    secretInUrl: secretInUrlOf(f),
    uploadDirect: uploadDirectOf(f),
    rangeInput: f.ranges.length > 0,
    secretResponse: secretResponseFieldsOf(f).length > 0,
    recurring: recurringOf(f, `${extra.useCase} ${f.summary ?? ""}`),
    userSchedule: userScheduleOf(f),
    anySignedIn: f.anySignedIn === true,
    referencesIds: referencedIdsOf(f).length > 0,
    ifMatch: ifMatchOf(f),
    answersRecords: answersRecordsOf(f),
    csv: f.csv,
    importsFile: f.importsFile,
    idempotencyKey: f.inputs.some((i) => i.names.camel === "idempotencyKey"),
    redirectInput: f.redirectInput !== undefined,
    passwordInput: f.inputs.some((i) => /^(?:password|newPassword|passphrase|newPassphrase)$/.test(i.names.camel)),
    reauthenticates: f.auth !== "anonymous" && f.inputs.some((i) => REAUTHENTICATING.test(i.names.camel)),
    hiddenOutcome: hidesOutcomeOf(f),
    deleteMovesState: deleteMovesStateOf(f),
    bulkDelete: f.bulkDelete !== undefined,
    itemInResource: itemOf(f) !== undefined,
    accountRecovery: f.accountRecovery === true,
    guestJoin: f.guestJoin !== undefined,
    values,
  };
}

/** An input that re-authenticates a signed-in caller: its current password (not one it sets: passwordInput). */
const REAUTHENTICATING = /^(current|old|existing)(password|passphrase)$/i;

/** With --auth roles and a --relation, either grants access (MODEL.md): the role reaches any resource, the relation only its own. */
export const roleOrRelationOf = (f: UseCaseFacts): boolean => f.access === "relation" && f.auth === "roles";

/**
 * A query whose request names no one resource (`GET /api/me/meetings`, `GET /api/meetings`): it
 * answers a list of them, scoped in the query; no match is an empty list (200), nothing is missing.
 */
export const listsResourceOf = (f: UseCaseFacts): boolean => f.flow === "query" && f.resource !== undefined && !f.identifiesOne;

/**
 * The caller's one resource under /me that the request never names (`POST /api/me/avatar`): found by
 * the credential's identity alone, so nothing about an id outside the caller's scope applies.
 */
export const ownOneOf = (f: UseCaseFacts): boolean => f.self && f.resource !== undefined && !f.identifiesOne && f.flow !== "query";

/**
 * A paged GET under a resource (`GET /api/rooms/:roomId/bookings --resource Room --capability
 * pagination`): it lists items of that resource a page at a time, not the one resource itself.
 */
export const listsUnderOf = (f: UseCaseFacts): boolean => f.flow === "query" && f.identifiesOne && f.capabilities.includes("pagination");

/**
 * The input a public lookup finds the resource by: where there is an enumeration
 * target, the input named like it (`inviteCode` for "invite code"), else the first
 * route parameter; without one, the route's parameter when none of them is an id
 * (`/api/meetings/join/:joinSecret` finds by `joinSecret`); `id` otherwise. So
 * pseudo-code names what is really looked up.
 */
export function lookupKeyOf(f: UseCaseFacts): string {
  if (!f.enumeration) {
    const isId = (p: string): boolean => p === "id" || /Id$/.test(p);
    // A signed delivery names no route parameter: the record it is about is found by the sender's id for it (PaymentIntentId), never by the event's (TRIAL4 V5).
    const sent = f.signature && !f.routeParams.length ? f.inputs.find((i) => i.location !== "header" && /Id$/.test(i.names.camel) && i.names.camel !== deliveryIdOf(f)?.camel) : undefined;
    if (sent) return sent.names.camel;
    return f.routeParams.length && !f.routeParams.some(isId) ? f.routeParams[f.routeParams.length - 1]! : "id";
  }
  const wanted = namesOf(f.enumeration).camel;
  if (f.inputs.some((i) => i.names.camel === wanted) || f.routeParams.includes(wanted)) return wanted;
  return f.routeParams[0] ?? "id";
}

/**
 * The answers' own error for a stale version on a change (`--error StaleVersion:412`): a 412, or an
 * error named for a version, a precondition or an ETag. The lost-update answer the change flow would
 * give (409 Conflict) is then this one, said once, with its name and status.
 */
/**
 * A PUT that replaces the whole record with no version from the client (no If-Match, no version
 * input, no stale-version error): two PUTs at once is last-write-wins by contract, not a 409.
 */
export const replacesWholeOf = (f: UseCaseFacts): boolean =>
  f.flow === "change" && f.method === "PUT" && !consentOf(f) && !versionErrorOf(f) && !f.inputs.some((i) => /^(?:ifMatch|version|etag|expectedVersion)$/i.test(i.names.camel));

/** An input claiming an internet domain (Domain, EmailDomain, CustomDomain) on a signed-in request: proven before it takes effect (REVIEW3 Q46). */
export const domainInputOf = (f: Pick<UseCaseFacts, "auth" | "inputs" | "flow">): Names | undefined => (f.auth === "anonymous" || (f.flow !== "change" && f.flow !== "create") ? undefined : f.inputs.find((i) => /^(?:(?:email|custom|sso|sending|organi[sz]ation|org|company|verified)?Domain|domainName)$/i.test(i.names.camel))?.names);
/** Single sign-on configured (SAML, OIDC, an identity provider), in the use-case's route or summary (REVIEW3 Q46). */
export const ssoConfigOf = (f: Pick<UseCaseFacts, "route" | "summary" | "flow">): boolean =>
  (f.flow === "change" || f.flow === "create") && /saml|sso|single sign-?on|oidc|identity provider|idp/i.test(`${f.route} ${f.summary ?? ""}`);

/** A URL from the request, stored and later served to others as a link or redirect (a short link's target): REVIEW3 Q28. */
export const userLinkOf = (f: Pick<UseCaseFacts, "flow" | "inputs">): boolean =>
  f.flow === "create" && f.inputs.some((i) => /^(?:target|destination|long|link|original|redirect(?:Target)?)Url$|^destination$/i.test(i.names.camel));
/** A public name the caller chooses on a create (a short link's slug, a handle): taken and reserved ones refused (REVIEW3 Q28). */
export const chosenSlugOf = (f: Pick<UseCaseFacts, "flow" | "inputs">): boolean => f.flow === "create" && f.inputs.some((i) => i.location !== "path" && /^(?:custom|vanity)?(?:slug|alias|handle)$|^vanityUrl$/i.test(i.names.camel));

/**
 * A maker-checker approval (`POST /api/expenses/:expenseId/approval`): the approver is never the one who
 * submitted or last edited the resource, and approves the version it reviewed (REVIEW3 Q11).
 */
export const makerCheckerOf = (f: UseCaseFacts, useCase: string): boolean =>
  // An item approved inside the resource (a join request of a Team) has its own maker, not the resource's: not planned here.
  f.flow === "change" && f.auth !== "anonymous" && f.resource !== undefined && !f.self && itemOf(f) === undefined && /\bapprov(?:e|es|al|ing)\b/i.test(`${useCase} ${f.route.replace(/[/:_-]/g, " ")}`);

/**
 * A message sent for the account's security (a secret link or code, a re-authenticated change, a sign-in,
 * password or verification notice): a user may not turn it off, so the plan does not ask whether (REVIEW3 Q44).
 */
export const securityMessageOf = (f: Pick<UseCaseFacts, "capabilities" | "route" | "summary" | "inputs" | "auth">, useCase: string): boolean =>
  f.capabilities.includes("sends-message") &&
  (f.capabilities.includes("secret-link") ||
    (f.auth !== "anonymous" && f.inputs.some((i) => REAUTHENTICATING.test(i.names.camel))) ||
    /password|passphrase|sign.?in|log.?in|security|verif|\bmfa\b|two.?factor|\b2fa\b|\botp\b|e-?mail.?change|change.?e-?mail|new device/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`));

const FLAG_RESOURCES = new Set(["featureFlag", "featureToggle", "flag", "toggle"]);
/** The use-case changes a feature flag itself (`PUT /api/admin/feature-flags/:flagKey`): REVIEW3 Q17's flag reviewer. */
export const flagSwitchOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "route">): boolean =>
  // The route: word-checks.ts's FLAG_ROUTE, read without the pattern where it is ASCII.
  (f.flow === "change" || f.flow === "create") && (FLAG_RESOURCES.has(f.resource?.camel ?? "") || routesToFlags(f.route));

/**
 * A consent given or withdrawn (`PUT /api/me/consents/marketing`): the controller must be able to demonstrate
 * it (GDPR Art. 7(1)), so each choice is appended to a history, never overwritten, and the policy version
 * is the server's (REVIEW3 Q47).
 */
export const consentOf = (f: Pick<UseCaseFacts, "route" | "summary" | "flow">): boolean => f.flow === "change" && /consent/i.test(`${f.route} ${f.summary ?? ""}`);
/** The input that claims which policy text was shown (PolicyVersion, TermsVersion), on a consent. */
export const policyVersionInputOf = (f: Pick<UseCaseFacts, "inputs">): Names | undefined => f.inputs.find((i) => /^(?:policy|terms|consent|privacy)?Version$/i.test(i.names.camel) && i.names.camel !== "version")?.names;

export function versionErrorOf(f: UseCaseFacts): ErrorInput | undefined {
  if (f.flow !== "change") return undefined;
  return f.errors.find((e) => e.status === 412) ?? f.errors.find((e) => /stale|version|concurren|precondition|e-?tag|if-?match|lost-?update/i.test(`${e.name} ${e.when}`) && e.status >= 400 && e.status < 500);
}

/**
 * The purge command of an erasure planned without --scheduled-command: Purge and the resource
 * (PurgeRecording), else the use-case's name without its verb and "my" (Delete my account: PurgeAccount).
 */
export function purgeCommandOf(useCase: string, resource?: Names): string {
  if (resource) return `Purge${resource.pascal}`;
  const pascal = namesOf(useCase).pascal;
  const rest = pascal.replace(/^(?:Delete|Erase|Remove|Destroy|Purge|Request|Schedule|Close)/, "").replace(/^My(?=[A-Z])/, "");
  return `Purge${rest || pascal}`;
}

/**
 * A DELETE whose erasure is scheduled (capability erasure, or a scheduled command
 * such as a purge): the request only deactivates and hides the data and schedules
 * the purge; the purge job erases it later.
 */
/**
 * A DELETE of one item inside the resource (`DELETE /api/teams/:teamId/members/:memberId --resource Team`):
 * the route names an id after the resource's own, so the request removes that item from the loaded
 * resource and saves it; the resource itself stays. The item's name, from its parameter (Member).
 */
export function removedItemOf(f: UseCaseFacts): RemovedItem | undefined {
  if (f.flow !== "delete" || !f.resource || f.routeParams.length < 1) return undefined;
  const own = f.routeParams.findIndex((p) => p === `${f.resource!.camel}Id` || p === "id");
  const param = f.routeParams[own < 0 ? 1 : own + 1];
  if (param !== undefined) return { names: namesOf(param.replace(/Id$/, "") || param), param, label: `:${param}` };
  // After the resource's id the route goes on without a parameter: the caller's own item of a collection
  // (`/api/teams/:teamId/members/me`: the caller's membership), or one part of the resource
  // (`/api/meetings/:meetingId/recording`): that is removed, the resource stays (REVIEW3 Q32).
  const segments = f.route.split("/").filter(Boolean);
  const at = segments.findIndex((s) => /^(?::|\{)/.test(s) && namesOf(s.replace(/^:|^\{|\}$/g, "")).camel === f.routeParams[own < 0 ? 0 : own]);
  const rest = at < 0 ? [] : segments.slice(at + 1);
  if (rest.length === 2 && /^(?:me|mine|self)$/.test(rest[1]!) && /^[a-z][a-z-]*s$/i.test(rest[0]!)) return { names: namesOf(singularOf(rest[0]!)), label: rest[1]!, mine: true };
  if (rest.length === 1 && /^[a-z][a-z-]*$/i.test(rest[0]!)) return { names: namesOf(rest[0]!), label: `/${rest[0]}` };
  return undefined;
}

/**
 * The item a change or a read acts on inside the resource (REVIEW3 Q50): the route names an id after the
 * resource's own (`POST /api/teams/:teamId/join-requests/:requestId/approve --resource Team`, `GET
 * /api/teams/:teamId/members/:memberId`). It is found within the loaded resource, so an id of another
 * resource's item is not found (404), and the transitions are the item's. Its name comes from the
 * collection before its parameter (join-requests: JoinRequest), else from the parameter (member).
 * A DELETE's item is removedItemOf's; a new item under the resource is a child (create).
 */
export function itemOf(f: Pick<UseCaseFacts, "flow" | "resource" | "routeParams" | "route" | "secretLink" | "enumeration" | "child">): { names: Names; param: string } | undefined {
  if ((f.flow !== "change" && f.flow !== "query") || !f.resource || f.child || f.secretLink === "redeem" || f.enumeration) return undefined;
  const own = f.routeParams.findIndex((p) => p === `${f.resource!.camel}Id` || p === "id");
  const param = own < 0 ? undefined : f.routeParams[own + 1];
  if (param === undefined) return undefined;
  const segments = f.route.split("/").filter(Boolean);
  const at = segments.findIndex((s) => /^(?::|\{)/.test(s) && namesOf(s.replace(/^:|^\{|\}$/g, "")).camel === param);
  const before = at > 0 ? segments[at - 1]! : "";
  return { names: namesOf(/^[a-z][a-z-]*s$/i.test(before) ? singularOf(before) : param.replace(/Id$/, "") || param), param };
}

/**
 * The route parameters that scope the resource from above (`/organisations/:organisationId/members/:memberId` with
 * resource Membership, `/customers/:customerId/orders/:orderId` with Order): the resource is the last parameter's, and
 * is found only within the parent the others name, never by its own id alone (TRIAL4 V18).
 */
export function parentParamsOf(f: Pick<UseCaseFacts, "flow" | "resource" | "routeParams" | "route" | "secretLink" | "enumeration" | "child">): string[] {
  if (!f.resource || f.routeParams.length < 2 || f.child || f.enumeration || f.secretLink || itemOf(f)) return [];
  const last = f.routeParams[f.routeParams.length - 1]!;
  const stem = last.replace(/Id$/, "").toLowerCase();
  const resource = f.resource.camel.toLowerCase();
  if (!/Id$/.test(last) || stem.length < 3 || !(resource.startsWith(stem) || stem.startsWith(resource))) return [];
  return f.routeParams.slice(0, -1).filter((p) => /Id$/.test(p));
}

/**
 * The --error conditions about the request's own inputs (`InvalidDateRange:400:issuedFrom is after issuedTo`): the
 * condition compares inputs and names neither the resource nor stored state, so it is checked with the parsing, before anything is read, and
 * tested by a request with those inputs, not by a seeded record (TRIAL4 V1).
 */
export function inputErrorsOf(f: Pick<UseCaseFacts, "errors" | "inputs" | "resource">): ErrorInput[] {
  const mentions = (text: string, n: Names): boolean => new RegExp(`\\b(?:${n.camel}|${n.kebab.replace(/[^a-z0-9-]/g, "").replace(/-/g, "[ -]?")})\\b`, "i").test(text);
  // Two inputs compared with each other, and no word of stored state ("more than what is left to refund" reads the record).
  const stored = /\b(?:already|left|remaining|balance|exists?|stored|taken|used|available|captured|state|current)\b/i;
  return f.errors.filter((e) => e.when !== "" && f.inputs.filter((i) => mentions(e.when, i.names)).length >= 2 && !stored.test(e.when) && !(f.resource && mentions(e.when, f.resource)));
}

/** The input error that is a range's own order rule (both ends named): one requirement, the error's name its 400's type (TRIAL4 V1). */
export const rangeErrorOf = (f: Pick<UseCaseFacts, "errors" | "inputs" | "resource">, range: { from: Names; to: Names }): ErrorInput | undefined =>
  inputErrorsOf(f).find((e) => e.status === 400 && [range.from, range.to].every((n) => new RegExp(`\\b${n.camel}\\b`, "i").test(e.when)));

/** The aggregate whose states the transitions are: the item the route names inside the resource, else the resource. */
export const statefulOf = (f: UseCaseFacts): Names | undefined => itemOf(f)?.names ?? f.resource;

/** What a DELETE removes from the resource: an item by its route parameter (`:memberId`), the caller's own (`me`), or a part (`/recording`). */
export interface RemovedItem {
  names: Names;
  /** The route parameter naming it, where one does. */
  param?: string;
  /** How the route names it: `:memberId`, `me`, `/recording`. */
  label: string;
  /** The caller's own item (`/members/me`). */
  mine?: boolean;
}


/**
 * What a DELETE that loads no resource deletes (REVIEW3 Q1): the caller itself only for `/me` (`DELETE
 * /api/me`); the caller's items of a collection under /me (`/api/me/sessions`: every Session of the
 * caller, never the caller); the credential's own session for a sign-out route (`/api/auth/session`,
 * `/logout`); anything else is for the plan to say. Undefined where a resource is loaded or it is not a DELETE.
 */
export function deletesOf(f: Pick<UseCaseFacts, "flow" | "resource" | "route" | "bulkDelete">): { kind: "caller" } | { kind: "own-items"; names: Names } | { kind: "own-session" } | { kind: "unknown" } | undefined {
  // A bulk delete names its records by id: bulkDeleteOf's, never the caller or the caller's whole collection.
  if (f.flow !== "delete" || f.resource || f.bulkDelete) return undefined;
  const collection = /\/me\/([a-z][a-z-]*s)(?:\/|$)/i.exec(f.route);
  if (collection) return { kind: "own-items", names: namesOf(singularOf(collection[1]!)) };
  if (isSelfRoute(f.route)) return { kind: "caller" };
  if (/\/(?:sessions?|sign-?out|log-?out|logoff)\/?$/i.test(f.route)) return { kind: "own-session" };
  return { kind: "unknown" };
}

/**
 * The states a repeated request finds the resource in and answers again as the first time, changing
 * nothing (REVIEW2 R12, REVIEW3 Q8): the request's own target states, where the change is a DELETE
 * (idempotent by the flow) or one a scheduled command finishes later (cancel at period end, trash
 * then purge), whose client retries on a timeout. Elsewhere a repeat is refused as any other state.
 */
export function retryStatesOf(f: Pick<UseCaseFacts, "flow" | "transitions" | "enumeration" | "signature" | "route" | "summary" | "errors">): string[] {
  if (f.enumeration) return [];
  // A signed delivery comes again until it gets a 2xx (TRIAL4 V5): one finding the resource where it leaves it answers as the first.
  // A command whose route names the state it moves to (POST .../cancel -> Cancelled): its retry finds it there (TRIAL4 V12).
  const states = f.flow === "delete" || f.signature || f.transitions.some((t) => t.emitter) ? [...new Set(f.transitions.filter((t) => !t.emitter).map((t) => t.to))] : f.flow === "change" ? intendedStatesOf(f) : [];
  // Unless the answers refuse that state with an error of their own (--error "TicketAlreadyClosed:409:the ticket is already
  // closed"): the team chose to refuse a repeat, and a plan saying both 200 and 409 for it cannot be implemented (TRIAL5 U3).
  return states.filter((state) => !refusedStateErrorOf(f.errors, state));
}

/** A client error the answers give for finding the resource in `state` (its name or condition names the state as a word). */
export function refusedStateErrorOf(errors: readonly ErrorInput[], state: string): ErrorInput | undefined {
  const words = (text: string): string[] => text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/);
  // A state of several words (PendingCancellation) is named by them in a row: "already pending cancellation" (TRIAL6 U2).
  const named = words(state).filter(Boolean);
  const names = (text: string[]): boolean => text.some((_, at) => named.every((w, n) => text[at + n] === w));
  return errors.find((e) => e.status >= 400 && e.status < 500 && e.status !== 404 && names(words(`${e.name} ${e.when}`)));
}

/**
 * The states this use-case's own transitions move to that its route or summary names as the request's intent
 * (`POST /api/orders/:orderId/cancel` with `Placed->Cancelled`, `/archive` with `Active->Archived`, `/mark-paid`
 * with `Open->Paid`): a client that lost the first answer and retries finds the resource already there (TRIAL4 V12).
 */
export function intendedStatesOf(f: Pick<UseCaseFacts, "transitions" | "route" | "summary">): string[] {
  const words = `${f.route} ${f.summary ?? ""}`.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  const named = (to: string): boolean => {
    const state = to.toLowerCase();
    // The verb the state is made from: archived -> archiv(e), settled -> settle, cancelled -> cancel, verified -> verify.
    const ed = state.replace(/ed$/, "");
    const stems = [ed, state.replace(/d$/, ""), state.replace(/ied$/, "y"), ed.replace(/([a-z])\1$/, "$1")].filter((stem) => stem.length >= 4 && stem !== state);
    return words.some((w) => w === state || stems.some((stem) => w.startsWith(stem)));
  };
  return [...new Set(f.transitions.filter((t) => !t.emitter && named(t.to)).map((t) => t.to))];
}

/**
 * A new item under the resource that the resource's own state or totals must allow (REVIEW3 Q3): the
 * answers name a domain error or a transition for it (`RefundExceedsCaptured:422`, a seat count, a
 * "one per" rule). Two concurrent requests each pass a check made on a read-only copy, so the check and
 * the add must hold the resource (a lock, or a conditional update): they conflict by design.
 */
/**
 * A create under a resource that gives another person access to it: the request names the grantee by an
 * email or a user id (`POST /api/documents/:documentId/shares` with `Email`, an invitation to a team). Two
 * shares to the same person are one grant (a unique constraint, not "never conflict"), and whether the
 * address has an account must not show in the answer (REVIEW3 Q10).
 */
export const grantOf = (f: Pick<UseCaseFacts, "child" | "childMine" | "inputs">): boolean =>
  f.child !== undefined && !f.childMine && f.inputs.some((i) => /^(?:e-?mail|(?:recipient|invitee|grantee|member|user|collaborator)(?:E-?mail|Id))$/i.test(i.names.camel));

export const childCheckedAgainstParentOf = (f: Pick<UseCaseFacts, "child" | "errors" | "transitions">): boolean => f.child !== undefined && (f.errors.length > 0 || f.transitions.length > 0);

/**
 * A DELETE whose effect is the resource's state change (REVIEW3 Q49, TRIAL3 U19): `--transition` on a
 * DELETE of one resource (cancel an export or a booking, trash a document) says what the request does.
 * The record stays, saved in its new state and readable there (a worker or a job sees it at its next
 * checkpoint); it is not removed, and a repeat finds it already moved and answers the same. Not an
 * erasure (capability erasure marks for erasure), nor the removal of an item of the resource.
 */
export const deleteMovesStateOf = (f: UseCaseFacts): boolean =>
  f.flow === "delete" && f.resource !== undefined && f.transitions.some((t) => !t.emitter) && !f.capabilities.includes("erasure") && !removedItemOf(f);

/** A DELETE that erases later: an erasure, or a scheduled command (a purge) where no transition of the request says what the delete is. */
export const erasesLater = (f: UseCaseFacts): boolean => f.flow === "delete" && (f.capabilities.includes("erasure") || (f.scheduledCommand !== undefined && !deleteMovesStateOf(f)));

/**
 * What an anonymous caller joins with a code it holds (REVIEW: "Join meeting with code"): the use-case's name or route
 * says join, and the request carries a secret (JoinCode, a link's token) or an enumerated key. The caller has no
 * account, so the request creates what it becomes: a guest participant of what it joins and a guest session scoped to
 * it. What it joins: the resource, else the name's object (Join meeting: Meeting), else the route's collection.
 */
export function guestJoinOf(f: UseCaseFacts, useCase: string): Names | undefined {
  if (f.auth !== "anonymous" || f.method !== "POST" || f.signature || f.credentials || f.oauthCallback || f.tokenRefresh || (f.flow !== "change" && f.flow !== "create")) return undefined;
  if (!/(?:^|[^a-z])join(?:s|ing)?(?![a-z])/i.test(`${useCase} ${f.route}`)) return undefined;
  if (!(f.secretLink === "redeem" || f.enumeration || f.inputs.some((i) => carriesSecret(i.names.camel)))) return undefined;
  const named = /\bjoin\s+(?:an?\s+|the\s+)?([a-z]+)/i.exec(useCase)?.[1];
  const collection = /\/([a-z][a-z-]*s)\/(?:[^/]+\/)?join(?:\/|$)/i.exec(f.route)?.[1];
  const joined = f.resource ?? namesOf(named ?? (collection ? singularOf(collection) : "Session"));
  // Something a guest attends: joining a team or an organisation by its invite makes a member, a decision the plan asks about.
  return ATTENDED.test(joined.camel) || ATTENDED.test(named ?? "") ? joined : undefined;
}

const ATTENDED = /^(?:meeting|call|room|session|event|webinar|class|lesson|conference|lobby|game|chat|stream|huddle|space)s?$/i;

/**
 * What a change or delete request does to the record it loads: one answer, read by the data flow, the
 * steps, the pseudo-code and the repository port, so the four cannot disagree (they were four ternary
 * chains that had to be kept in the same order by hand).
 */
export type WriteEffect =
  | { kind: "mark-for-erasure" }
  | { kind: "remove-item"; item: RemovedItem }
  | { kind: "change-item"; item: { names: Names; param: string } }
  | { kind: "add-guest" }
  | { kind: "move-state" }
  | { kind: "delete" }
  | { kind: "change" };

export function writeEffectOf(f: UseCaseFacts): WriteEffect {
  if (erasesLater(f)) return { kind: "mark-for-erasure" };
  // The name says join: the resource gains a guest participant (guestJoinOf); it is not changed otherwise.
  if (f.flow === "change" && f.guestJoin) return { kind: "add-guest" };
  const removed = removedItemOf(f);
  if (removed) return { kind: "remove-item", item: removed };
  const item = itemOf(f);
  if (item) return { kind: "change-item", item };
  if (deleteMovesStateOf(f)) return { kind: "move-state" };
  return { kind: f.flow === "delete" ? "delete" : "change" };
}

/** The repository method that persists a write effect: only a plain delete removes the record. */
export const persistsByOf = (effect: WriteEffect): "markForErasure" | "delete" | "save" =>
  effect.kind === "mark-for-erasure" ? "markForErasure" : effect.kind === "delete" ? "delete" : "save";
