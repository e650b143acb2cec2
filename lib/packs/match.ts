/**
 * Whether a pack's `when` holds for a use-case's facts, and why in words a
 * reviewer reads in the plan's "why these items" and in `mjoplan packs`:
 * every key must hold; a list means any of its values.
 */
import type { PackFacts, PackWhen } from "./pack.js";

export interface WhenMatch {
  applies: boolean;
  /** The conditions that held, naming the facts: "capability secret-link", "auth anonymous". Empty for a pack without `when` (it always applies). */
  reasons: string[];
  /** The conditions that did not hold, with what the use-case has instead where that is not obvious: "capability secret-link (has none)", "async". */
  unmet: string[];
}

type ListKey = "flow" | "method" | "auth" | "relation" | "capability" | "secondFactor";
type FlagKey = "async" | "resource" | "enumeration" | "pii" | "audit" | "scheduledCommand" | "cleanupCommand" | "events" | "self" | "meRoute" | "inputs" | "identifiesOne" | "routeParam" | "urlInput" | "memberRole" | "enumeratesOther" | "sharedQuota" | "reservation" | "zonedTime" | "signed" | "credentials" | "oauthCallback" | "rangeInput" | "dateRange" | "secretResponse" | "recurring" | "userSchedule" | "periodInput" | "anySignedIn" | "guestJoin" | "referencesIds" | "ifMatch" | "answersRecords" | "csv" | "importsFile" | "idempotencyKey" | "redirectInput" | "passwordInput" | "stepUpPassword" | "reauthenticates" | "hiddenOutcome" | "accountRecovery" | "deleteMovesState" | "windowGiven" | "signsOut" | "storedText" | "keptUrl" | "itemInResource" | "bulkDelete" | "tokenRefresh" | "actsOnMissing" | "oneTimeCode" | "reachedByToken" | "discovery" | "apiKey" | "keyRotation" | "namedRecipient" | "ownRecipient" | "recordRecipient" | "storedAudience" | "grantsRole" | "grant" | "ticketInput" | "contactChange" | "selfExport" | "subjectExport" | "consent" | "domainClaim" | "ssoConfig" | "userLink" | "chosenSlug" | "makerChecker" | "securityMessage" | "downloadsFile" | "flagSwitch" | "servesFile" | "uploadDirect" | "imageUpload" | "imageTypes" | "archiveTypes" | "optionalBody" | "stream" | "listFilters" | "secretInUrl" | "secondFactorCode" | "recoveryCodes" | "perClickLimit";

/** The words for a boolean fact being true or false. */
const FLAG_WORDS: Record<FlagKey | "relation", [yes: string, no: string]> = {
  relation: ["the caller must relate to the resource", "no relation to check"],
  async: ["async", "synchronous"],
  resource: ["loads a resource", "no resource"],
  identifiesOne: ["the request names one resource", "the request names no one resource"],
  routeParam: ["the route has a parameter", "the route has no parameter"],
  enumeration: ["enumeration", "no enumeration"],
  reservation: ["reserves a scarce shared thing (a booking, a reservation)", "reserves nothing"],
  zonedTime: ["the request gives a time zone", "the request gives no time zone"],
  sharedQuota: ["takes a limited quota another record holds (uses left, stock, seats)", "takes no quota of another record"],
  enumeratesOther: ["the enumerated key looks up another record than the resource", "the enumerated key finds the resource"],
  pii: ["personal data", "no personal data"],
  audit: ["audited", "not audited"],
  scheduledCommand: ["scheduled command", "no scheduled command"],
  cleanupCommand: ["the scheduled command cleans up what the change left behind (a replaced file, a rotated secret)", "the scheduled command finishes the request's own change"],
  events: ["emits events", "no events"],
  self: ["acts on itself (the credential's own data)", "does not act on itself"],
  meRoute: ["the route is under /me", "the route is not under /me"],
  inputs: ["request carries inputs", "request carries no inputs"],
  urlInput: ["an input is a URL", "no URL input"],
  memberRole: ["the relation is a role among the resource's members", "the relation is not a role among members"],
  signed: ["signed by its sender", "not signed"],
  credentials: ["checks credentials", "checks no credentials"],
  oauthCallback: ["an OAuth/OIDC callback", "no OAuth callback"],
  rangeInput: ["two inputs bound a range", "no range input"],
  dateRange: ["a range of dates or times", "no range of dates or times (a price, a count)"],
  ifMatch: ["a conditional request (If-Match)", "no If-Match"],
  secretResponse: ["the answer hands out a secret", "the answer holds no secret"],
  recurring: ["the scheduled command recurs", "the scheduled command runs once"],
  userSchedule: ["the caller sets the schedule's rule", "a fixed schedule the system runs"],
  periodInput: ["the request names the period the job runs for", "the request names no period"],
  guestJoin: ["an anonymous caller joins with a code and becomes a guest", "no guest join"],
  anySignedIn: ["any signed-in caller reaches every resource (relation none)", "not every signed-in caller reaches every resource"],
  referencesIds: ["the request names other records by id", "the request names no other record by id"],
  answersRecords: ["answers stored records", "answers something computed, not records"],
  csv: ["a CSV or spreadsheet file", "no CSV file"],
  importsFile: ["the uploaded file is imported, never served", "the uploaded file is kept and served"],
  idempotencyKey: ["carries an idempotency key", "no idempotency key"],
  redirectInput: ["a URL input says where to send the caller", "no redirect input"],
  passwordInput: ["sets a password", "sets no password"],
  stepUpPassword: ["a signed-in caller's password only proves who it is (a step-up)", "no password only proves who a signed-in caller is"],
  reauthenticates: ["re-authenticates with the current password", "no re-authentication"],
  hiddenOutcome: ["the caller is not told what the request did to someone else", "the caller is told what its request did"],
  accountRecovery: ["the link opens an account", "the link opens no account"],
  deleteMovesState: ["the delete moves the resource to a state (it stays)", "the delete removes"],
  windowGiven: ["the answers give the erasure's cancellation window", "the answers give no cancellation window"],
  signsOut: ["the answers say the caller is signed out everywhere", "the answers say nothing of signing out"],
  storedText: ["the write keeps free text people will read", "the write keeps no free text"],
  keptUrl: ["the write keeps a URL it never calls", "the write keeps no URL it does not call"],
  itemInResource: ["the route names an item inside the resource", "the route names no item inside the resource"],
  bulkDelete: ["deletes many records named by id", "deletes no list of ids"],
  tokenRefresh: ["exchanges a refresh token", "no refresh token exchanged"],
  oneTimeCode: ["the secret is a short code a person types", "the secret is no short code a person types"],
  apiKey: ["issues an API key", "issues no API key"],
  keyRotation: ["rotates a key: a new secret handed out for an existing one", "rotates no key"],
  grant: ["grants another person access to the resource", "grants no one else access"],
  ticketInput: ["the request names a ticket that justifies it", "no ticket named"],
  contactChange: ["changes the caller's own email or phone", "changes no email or phone of the caller's"],
  selfExport: ["exports the caller's own data as a file", "exports none of the caller's own data"],
  subjectExport: ["exports another person's personal data", "exports no one else's personal data"],
  consent: ["records a consent (its history is the evidence)", "records no consent"],
  domainClaim: ["claims an internet domain for the organisation", "claims no domain"],
  ssoConfig: ["configures single sign-on", "configures no single sign-on"],
  userLink: ["stores a URL that others are sent to", "stores no URL others are sent to"],
  chosenSlug: ["the caller chooses a public name (a slug)", "no public name chosen"],
  makerChecker: ["approves what someone else submitted (maker-checker)", "approves nothing"],
  securityMessage: ["the message is a security message (a link, a code, an account notice)", "the message is not a security message"],
  downloadsFile: ["answers a file download", "answers no file download"],
  flagSwitch: ["switches a feature flag", "switches no feature flag"],
  namedRecipient: ["a message goes to whom the request names", "messages go to a fixed inbox, a stored audience, the caller's own account or a person the record names"],
  grantsRole: ["the grant names the role or permission it gives", "the grant names no role"],
  ownRecipient: ["a message goes to the caller's own account: signed in, naming no recipient", "a message goes to someone the request names, or to no one account"],
  recordRecipient: ["a message goes to a person the record names: signed in, naming no recipient", "a message goes to someone the request names, to the caller or to no one person"],
  storedAudience: ["a message goes to a stored audience (opted in, with one-click unsubscribe)", "no message goes to a stored audience"],
  servesFile: ["the answer is the stored file itself", "the answer is not the file itself"],
  uploadDirect: ["the upload goes straight to storage (a presigned URL)", "the upload comes through the API"],
  imageUpload: ["the upload is an image (avatar, photo) that is decoded and re-encoded", "the upload is no image (a CSV, a PDF) or of types not yet named"],
  archiveTypes: ["an accepted type is an archive (application/zip)", "no accepted type is an archive"],
  imageTypes: ["the kept upload may be an image (an accepted type is image/*, or the types are not named yet)", "the kept upload is no image (a PDF, a CSV)"],
  optionalBody: ["a body input is optional", "no body input is optional"],
  stream: ["answers with a stream of events kept open", "answers once"],
  listFilters: ["the list takes a filter input", "the list takes no filter input"],
  secretInUrl: ["the redeemed secret arrives in the URL", "the redeemed secret arrives in the body or a header"],
  secondFactorCode: ["the request carries a code from the caller's authenticator app", "the request carries no authenticator code"],
  recoveryCodes: ["the answer hands out recovery codes", "the answer hands out no recovery codes"],
  perClickLimit: ["a per-click action's rate limit (a cheap toggle a person repeats)", "no per-click action's rate limit"],
  discovery: ["the answer is the record its key names: existence shows by design", "the answer does not show what exists"],
  reachedByToken: ["the resource is reached by holding a secret link's token", "the resource is not reached by a secret link"],
  actsOnMissing: ["acts when the named thing does not exist yet (a sign-up)", "acts when the named thing exists"],
};

/** The fact values a list key is matched against. */
function have(key: ListKey, facts: PackFacts): string[] {
  switch (key) {
    case "flow":
      return [facts.flow];
    case "method":
      return [facts.method.toUpperCase()];
    case "auth":
      return [facts.auth];
    case "relation":
      return facts.relation ? [facts.relation] : [];
    case "capability":
      return facts.capabilities;
    case "secondFactor":
      // "none" names every use-case that is no step of a second factor (a pack that asks what these packs state).
      return [facts.secondFactor ?? "none"];
  }
}

/** The order keys are reported in, whatever order a pack file gives them. */
const ORDER: (keyof PackWhen)[] = ["flow", "method", "async", "auth", "self", "meRoute", "resource", "identifiesOne", "routeParam", "relation", "memberRole", "enumeration", "enumeratesOther", "sharedQuota", "reservation", "zonedTime", "capability", "pii", "audit", "scheduledCommand", "cleanupCommand", "events", "inputs", "urlInput", "signed", "credentials", "oauthCallback", "rangeInput", "dateRange", "secretResponse", "recurring", "userSchedule", "periodInput", "anySignedIn", "guestJoin", "referencesIds", "ifMatch", "answersRecords", "csv", "importsFile", "idempotencyKey", "redirectInput", "passwordInput", "stepUpPassword", "reauthenticates", "hiddenOutcome", "accountRecovery", "deleteMovesState", "windowGiven", "signsOut", "storedText", "keptUrl", "itemInResource", "bulkDelete", "tokenRefresh", "actsOnMissing", "oneTimeCode", "reachedByToken", "discovery", "apiKey", "keyRotation", "namedRecipient", "ownRecipient", "recordRecipient", "storedAudience", "grantsRole", "grant", "ticketInput", "contactChange", "selfExport", "subjectExport", "consent", "domainClaim", "ssoConfig", "userLink", "chosenSlug", "makerChecker", "securityMessage", "downloadsFile", "flagSwitch", "servesFile", "uploadDirect", "imageUpload", "imageTypes", "archiveTypes", "optionalBody", "stream", "listFilters", "secretInUrl", "secondFactor", "secondFactorCode", "recoveryCodes", "perClickLimit"];

/** One condition of a `when`, in the report's order: a yes/no fact with its words, or a list key with the values it accepts. */
type Check = { key: FlagKey | "relation"; flag: true; wanted: boolean; word: string } | { key: ListKey; flag: false; values: string[] };

/**
 * Each `when`'s conditions in ORDER, worked out once per `when` object: a batch matches the same packs against every
 * use-case, and a pack's `when` is the same object in each (a generator's copy of a pack keeps it).
 */
const compiled = new WeakMap<PackWhen, Check[]>();
const NO_CHECKS: Check[] = [];

/** Each key's place in ORDER. */
const RANK = new Map(ORDER.map((key, i) => [key, i]));

function checksOf(when: PackWhen | undefined): Check[] {
  if (when === undefined) return NO_CHECKS;
  let checks = compiled.get(when);
  if (checks) return checks;
  checks = [];
  // The `when`'s own few keys, put in ORDER: a loop over all of ORDER for each of the ~100 packs was a short run's one
  // hot loop, which V8 then optimized on a helper thread (about 5 ms of CPU, for a loop the run leaves soon after).
  const keys = (Object.keys(when) as (keyof PackWhen)[]).filter((key) => RANK.has(key));
  if (keys.length > 1) keys.sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  for (const key of keys) {
    const wanted = when[key];
    if (wanted === undefined) continue;
    if (typeof wanted === "boolean") {
      const k = key as FlagKey | "relation";
      checks.push({ key: k, flag: true, wanted, word: FLAG_WORDS[k][wanted ? 0 : 1] });
    } else {
      const k = key as ListKey;
      checks.push({ key: k, flag: false, values: [wanted].flat().map((v) => (k === "method" ? String(v).toUpperCase() : String(v))) });
    }
  }
  compiled.set(when, checks);
  return checks;
}

/** A yes/no fact's value, with the defaults of facts a caller built before the fact existed. */
function flagOf(k: FlagKey | "relation", facts: PackFacts): boolean | undefined {
  return k === "relation" ? facts.relation !== undefined : k === "identifiesOne" ? (facts.identifiesOne ?? facts.resource) : k === "routeParam" ? (facts.routeParam ?? facts.identifiesOne ?? facts.resource) : k === "meRoute" ? (facts.meRoute ?? facts.self) : k === "answersRecords" ? (facts.answersRecords ?? true) : k === "namedRecipient" ? (facts.namedRecipient ?? true) : k === "hiddenOutcome" ? (facts.hiddenOutcome ?? (facts.enumeration || facts.auth === "anonymous")) : (facts[k] ?? false);
}

export function matchWhen(when: PackWhen | undefined, facts: PackFacts): WhenMatch {
  const reasons: string[] = [];
  const unmet: string[] = [];
  for (const check of checksOf(when)) {
    if (check.flag) {
      // A yes/no fact has one other value: naming the wanted one says it all.
      (flagOf(check.key, facts) === check.wanted ? reasons : unmet).push(check.word);
      continue;
    }
    const present = have(check.key, facts);
    const hits = check.values.filter((v) => present.includes(v));
    if (hits.length) reasons.push(`${check.key} ${hits.join(", ")}`);
    else unmet.push(`${check.key} ${check.values.join(" or ")} (has ${present.length ? present.join(", ") : "none"})`);
  }
  return { applies: unmet.length === 0, reasons, unmet };
}

/** matchWhen's reasons where the `when` holds, else undefined: what applying packs needs, without the words of what did not hold. */
export function reasonsIfHolds(when: PackWhen | undefined, facts: PackFacts): string[] | undefined {
  const reasons: string[] = [];
  for (const check of checksOf(when)) {
    if (check.flag) {
      if (flagOf(check.key, facts) !== check.wanted) return undefined;
      reasons.push(check.word);
      continue;
    }
    const present = have(check.key, facts);
    const hits = check.values.filter((v) => present.includes(v));
    if (!hits.length) return undefined;
    reasons.push(`${check.key} ${hits.join(", ")}`);
  }
  return reasons;
}

/** A `when` in words, for listings: "flow query or delete; capability secret-link"; "always" without conditions. */
export function describeWhen(when: PackWhen | undefined): string {
  const parts: string[] = [];
  for (const key of ORDER) {
    const wanted = when?.[key];
    if (wanted === undefined) continue;
    if (typeof wanted === "boolean") parts.push(FLAG_WORDS[key as FlagKey | "relation"][wanted ? 0 : 1]);
    else parts.push(`${key} ${[wanted].flat().join(" or ")}`);
  }
  return parts.length ? parts.join("; ") : "always";
}
