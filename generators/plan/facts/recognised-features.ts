/**
 * Features a use-case's route, words or inputs name, each with risks of its own: a health probe, a feature flag's
 * switch, a claimed domain, single sign-on, a stored link or a chosen slug, a maker-checker approval, a consent, a
 * security message.
 */
import type { Names } from "../names.js";
import type { PlanInput } from "../schema.js";
import { routesToFlags } from "../word-checks.js";
import { REAUTHENTICATING } from "./accounts.js";
import { itemOf } from "./items.js";
import { takenErrorOf } from "./unique-taken.js";
import type { InputFact, UseCaseFacts } from "./use-case-facts.js";

/** The capability of a load balancer's or monitor's probe; healthCheckOf also infers it. */
export const HEALTH_CHECK = "health-check";

/** Whether the use-case is a health probe: `--capability health-check`, or a GET of /health, /healthz, /livez, /readyz, /ping (under /api too). */
export const healthCheckOf = (input: Pick<PlanInput, "method" | "capabilities">, route: string): boolean =>
  input.capabilities.includes(HEALTH_CHECK) || (input.method === "GET" && /^(?:\/api)?\/(?:health|healthz|health-check|livez?|liveness|readyz?|readiness|ping)\/?$/.test(route));

const FLAG_RESOURCES = new Set(["featureFlag", "featureToggle", "flag", "toggle"]);

/** The use-case changes a feature flag itself (`PUT /api/admin/feature-flags/:flagKey`): REVIEW3 Q17's flag reviewer. */
export const flagSwitchOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "route">): boolean =>
  // The route: word-checks.ts's FLAG_ROUTE, read without the pattern where it is ASCII.
  (f.flow === "change" || f.flow === "create") && (FLAG_RESOURCES.has(f.resource?.camel ?? "") || routesToFlags(f.route));

/** A flag switch that sets a share of users (`RolloutPercentage:int(0..100)`): its buckets must be sticky (TRIAL11 Y4). */
export const flagPercentageOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "route" | "inputs">): boolean =>
  flagSwitchOf(f) && f.inputs.some((i) => /^(?:rollout)?(?:percentage|percent|share)$|^rollout$/i.test(i.names.camel));

/**
 * A flag switch scoped to one tenant, organisation or account (TRIAL11 Y4): a route parameter before the flags'
 * segment (`/api/tenants/:tenantId/feature-flags/:flagKey`), or a resource that is not the flag itself (`--resource
 * Tenant`). Such a change reaches that one, never every tenant at once.
 */
export const flagScopedOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "route">): boolean => {
  if (!flagSwitchOf(f)) return false;
  if (f.resource && !FLAG_RESOURCES.has(f.resource.camel)) return true;
  const segments = f.route.split("/");
  const flags = segments.findIndex((s) => /^(?:feature-?flags|feature-?toggles|flags)$/i.test(s));
  return flags > 0 && segments.slice(0, flags).some((s) => s.startsWith(":") || s.startsWith("{"));
};

/** An input claiming an internet domain (Domain, EmailDomain, CustomDomain) on a signed-in request: proven before it takes effect (REVIEW3 Q46). */
export const domainInputOf = (f: Pick<UseCaseFacts, "auth" | "inputs" | "flow">): Names | undefined => (f.auth === "anonymous" || (f.flow !== "change" && f.flow !== "create") ? undefined : f.inputs.find((i) => /^(?:(?:email|custom|sso|sending|organi[sz]ation|org|company|verified)?Domain|domainName)$/i.test(i.names.camel))?.names);

/** Single sign-on configured (SAML, OIDC, an identity provider), in the use-case's route or summary (REVIEW3 Q46). */
export const ssoConfigOf = (f: Pick<UseCaseFacts, "route" | "summary" | "flow" | "auth" | "oauthCallback">): boolean =>
  // A sign-in through the identity provider (its callback, anonymous) configures nothing: it is no change of the settings.
  (f.flow === "change" || f.flow === "create") && f.auth !== "anonymous" && !f.oauthCallback && /\bsaml\b|\bsso\b|single sign-?on|\boidc\b|identity provider|\bidp\b/i.test(`${f.route} ${f.summary ?? ""}`);

/** SAML single sign-on configured: its identity provider metadata is XML (TRIAL18B E14). */
export const samlConfigOf = (f: Pick<UseCaseFacts, "route" | "summary" | "flow" | "auth" | "oauthCallback">, useCase: string): boolean => ssoConfigOf(f) && /saml/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`);

/**
 * A vote cast in a poll, an election or a ballot (`POST /api/polls/:pollId/votes`, "Vote in poll"): a signed-in create
 * under the poll, or a use-case named for voting (TRIAL18B E16). A vote on a post (an up-vote) is a mark, not this.
 */
export const pollVoteOf = (f: Pick<UseCaseFacts, "flow" | "auth" | "resource" | "route">, useCase: string): boolean =>
  f.auth !== "anonymous" && (f.flow === "create" || f.flow === "change") && /^(?:poll|election|ballot|referendum|survey)s?$/i.test(f.resource?.camel ?? "") && (/\/(?:votes?|ballots?)$/i.test(f.route) || /\bvot(?:e|es|ing)\b/i.test(useCase));

/**
 * A change that sets a storage quota (a member's, a project's: PUT .../members/:memberId/storage-quota with QuotaBytes):
 * the quota is enforced by the uploads, not here, and a reviewer asks how "unlimited" is said and whether quotas may sum
 * past the resource's storage (TRIAL18B E22). A request-rate quota is no storage one.
 */
export const storageQuotaOf = (f: Pick<UseCaseFacts, "flow" | "route" | "inputs">, useCase: string): boolean =>
  f.flow === "change" && /quota/i.test(`${useCase} ${f.route}`) && /storage|bytes|disk/i.test(`${useCase} ${f.route} ${f.inputs.map((i) => i.names.camel).join(" ")}`) && f.inputs.some((i) => /quota|limit/i.test(i.names.camel));

/** A URL from the request, stored and later served to others as a link or redirect (a short link's target): REVIEW3 Q28. */
export const userLinkOf = (f: Pick<UseCaseFacts, "flow" | "inputs">): boolean =>
  f.flow === "create" && f.inputs.some((i) => /^(?:target|destination|long|link|original|redirect(?:Target)?)Url$|^destination$/i.test(i.names.camel));

/** A public name the caller chooses on a create (a short link's slug, a handle): taken and reserved ones refused (REVIEW3 Q28). */
export const chosenSlugOf = (f: Pick<UseCaseFacts, "flow" | "inputs">): boolean => f.flow === "create" && f.inputs.some((i) => i.location !== "path" && /^(?:custom|vanity)?(?:slug|alias|handle)$|^vanityUrl$/i.test(i.names.camel));

/**
 * The answers' own error for a chosen name already taken (SlugTaken:409 "another organisation has the slug", LEAD19
 * L13): a value's taken answer (unique-taken.ts), or else a 409 named for the chosen name itself (SlugUnavailable), which
 * in a use-case choosing one can only be its refusal.
 */
export const slugTakenErrorOf = (f: Pick<UseCaseFacts, "errors" | "inputs">): UseCaseFacts["errors"][number] | undefined =>
  takenErrorOf(f) ?? f.errors.find((e) => e.status === 409 && f.inputs.some((i) => i.location !== "path" && SLUG_NAMED.test(i.names.camel) && e.name.startsWith(i.names.pascal)));

/** The inputs a chosen public name is given in (a slug, an alias, a handle, a username, a vanity URL); a change's too (slug-change.ts). */
export const SLUG_NAMED = /^(?:custom|vanity|url)?(?:slug|alias|handle|username)$|^vanityUrl$/i;

/**
 * A restore of a soft-deleted resource from the trash (`POST /api/documents/:documentId/restore`, "Restore a document
 * from the trash within 30 days"): the one use-case that reads what every other read leaves out, within a window that
 * runs from the record's deletedAt, before a job purges it for good (TRIAL17A A9). A restore of a version or a backup
 * is no trash: its words name neither a deletion nor the trash.
 */
export const restoresTrashedOf = (f: Pick<UseCaseFacts, "flow" | "auth" | "resource" | "route" | "summary">, useCase: string): boolean =>
  f.flow === "change" && f.auth !== "anonymous" && f.resource !== undefined && (/\/restore$/.test(f.route) || /\brestor(?:e|es|ing)\b/i.test(useCase)) &&
  !/\b(?:backups?|snapshots?|versions?|revisions?|archived?)\b/i.test(`${useCase} ${f.summary ?? ""}`);

/**
 * A maker-checker approval (`POST /api/expenses/:expenseId/approval`): the approver is never the one who
 * submitted or last edited the resource, and approves the version it reviewed (REVIEW3 Q11).
 */
export const makerCheckerOf = (f: UseCaseFacts, useCase: string): boolean =>
  // An item approved inside the resource (a join request of a Team) has its own maker, not the resource's: not planned here.
  f.flow === "change" && f.auth !== "anonymous" && f.resource !== undefined && !f.self && itemOf(f) === undefined && /\bapprov(?:e|es|al|ing)\b/i.test(`${useCase} ${f.route.replace(/[/:_-]/g, " ")}`);

/**
 * An approval in steps (Submitted -> AwaitingFinance, AwaitingFinance -> Approved, both this use-case's): a state this
 * use-case both moves to and moves from is a step between two approvals. Four eyes then means each step another person,
 * or one manager who also holds the finance role approves twice (TRIAL17A A7).
 */
export const approvalStepsOf = (f: UseCaseFacts, useCase: string): boolean => {
  const own = f.transitions.filter((t) => !t.emitter);
  return makerCheckerOf(f, useCase) && own.some((t) => own.some((u) => u.from === t.to && u.to !== t.from));
};

/**
 * A request that charges the customer through a payment provider (an upgrade with proration, a purchase, a top-up):
 * the external call is a charge, so the customer's own authentication of it (3-D Secure, SCA) and the amount shown
 * first are the reviewer's questions (TRIAL17A A17). Read from the name, summary and errors beside an external call.
 */
export const chargesCustomerOf = (f: Pick<UseCaseFacts, "capabilities" | "summary" | "errors" | "flow" | "route">, useCase: string): boolean =>
  f.capabilities.includes("external-call") && f.flow !== "query" &&
  /\b(?:charg(?:e|es|ed|ing)|prorat\w*|payment (?:provider|gateway)|card (?:is )?declined|pays?|purchase)\b/i.test(`${useCase} ${f.summary ?? ""} ${f.errors.map((e) => `${e.name} ${e.when ?? ""}`).join(" ")}`) &&
  !/\brefund/i.test(`${useCase} ${f.summary ?? ""}`) && !savesPaymentMethodOf(f, useCase) && !paysOutOf(f, useCase);

/**
 * Money paid out of the platform to the caller's own bank account (a seller's withdrawal, a payout, a cash-out) through
 * the provider: no one is charged, so no 3-D Secure and no amount shown first (LEAD20 W1); the balance it takes is held
 * in the payout's own transaction and given back if the payout fails (withdrawal-balance-hold).
 */
export const paysOutOf = (f: Pick<UseCaseFacts, "capabilities" | "summary" | "flow" | "route">, useCase: string): boolean =>
  f.capabilities.includes("external-call") && f.flow !== "query" && /\b(?:payouts?|pay(?:s|ing)? out|withdraw(?:s|al|als|ing)?|cash(?:es)?[- ]?out|disburse\w*)\b/i.test(`${useCase} ${f.summary ?? ""} ${f.route}`);

/**
 * A request that saves a card or another payment method with the provider (`POST /api/me/payment-methods`, "adds a card
 * to their account"): nothing is charged, so no amount is shown first and no charge is authenticated (LEAD19 L9);
 * where its words also say it charges (a first payment with the card), it is a charge too.
 */
export const savesPaymentMethodOf = (f: Pick<UseCaseFacts, "summary" | "route">, useCase: string): boolean =>
  /\bpayment[- _]?methods?\b|\/cards\b|\b(?:add|adds|save|saves|store|stores|update|updates|replace|replaces)\s+(?:a|an|the|their|his|her|my|your)?\s*(?:new\s+)?(?:credit\s+|debit\s+)?card\b/i.test(`${useCase} ${f.summary ?? ""} ${f.route}`) &&
  !/\bcharg(?:e|es|ed|ing)\b|\bpays?\b|\bpurchase/i.test(`${useCase} ${f.summary ?? ""}`);

/**
 * A write that mentions people (`MentionedUserIds`, `Mentions`): whom it notifies is whom the request names, so a
 * reviewer asks whether the ids match the text's @mentions and what a mention of oneself does (TRIAL17A A18). A
 * choice of a closed set (`Mentions:boolean`, a notification preference) names no one (LEAD19 L11).
 */
export const mentionsOf = (f: Pick<UseCaseFacts, "inputs" | "flow">): boolean => f.flow !== "query" && f.inputs.some(mentionInputOf);

/**
 * An input that names the people a write mentions (`mentionedUserIds`, `mentions`), the one test of a mention for the
 * plan's question (mentionsOf) and for whom its message goes to (own-recipient's mentionRecipientsOf). A choice of a
 * closed set (`Mentions:boolean`, a notification preference) names no one (LEAD19 L11).
 */
export const mentionInputOf = (i: Pick<InputFact, "closedSet" | "names">): boolean => !i.closedSet && /^mention(?:ed|s)?(?:[A-Z]|$)/.test(i.names.camel);

/**
 * A consent given or withdrawn (`PUT /api/me/consents/marketing`), or given by a create (`POST /api/me/terms-acceptances`,
 * "records consent to a version of the terms": TRIAL11 Y10): the controller must be able to demonstrate it (GDPR
 * Art. 7(1)), so each choice is appended to a history, never overwritten, and the policy version is the server's
 * (REVIEW3 Q47). Read from the route and the summary: consent, or terms or a policy accepted or agreed to; a consent
 * form or template an admin edits is a document, not someone's consent.
 */
const CONSENT_WORDS = /\bconsents?(?![ -]?(?:forms?|templates?|texts?|documents?|banners?)\b)|\b(?:terms|polic(?:y|ies)|eula)[ -]acceptances?\b|\baccept(?:s|ed|ing|ance)?\b[^.;]*\b(?:terms|privacy policy|eula|licen[cs]e agreement)\b|\bagree(?:s|d|ing)? to (?:the )?(?:terms|privacy policy)\b/i;
export const consentOf = (f: Pick<UseCaseFacts, "route" | "summary" | "flow">): boolean =>
  (f.flow === "change" || f.flow === "create") && CONSENT_WORDS.test(`${f.route.replace(/[/:_-]+/g, " ")} ${f.summary ?? ""}`);

/** The input that claims which policy text was shown (PolicyVersion, TermsVersion), on a consent. */
export const policyVersionInputOf = (f: Pick<UseCaseFacts, "inputs">): Names | undefined => f.inputs.find((i) => /^(?:policy|terms|consent|privacy)?Version$/i.test(i.names.camel) && i.names.camel !== "version")?.names;

/**
 * A message sent for the account's security (a secret link or code, a re-authenticated change, a sign-in,
 * password or verification notice, a notice that an API key or another credential was made or rotated: TRIAL7 U12; a passkey
 * or security key added, TRIAL17C C5: the owner's one chance to see a stolen session add an attacker's): a user may not turn
 * it off, so the plan does not ask whether (REVIEW3 Q44).
 */
export const securityMessageOf = (f: Pick<UseCaseFacts, "capabilities" | "route" | "summary" | "inputs" | "auth">, useCase: string): boolean =>
  f.capabilities.includes("sends-message") &&
  (f.capabilities.includes("secret-link") ||
    (f.auth !== "anonymous" && f.inputs.some((i) => REAUTHENTICATING.test(i.names.camel))) ||
    /password|passphrase|sign.?in|log.?in|security|verif|\bmfa\b|two.?factor|\b2fa\b|\botp\b|e-?mail.?change|change.?e-?mail|new device|api.?keys?|access.?tokens?|credential|secret|pass.?keys?|webauthn|security.?keys?|recovery.?codes?/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`));

/**
 * A signed-in caller adds, changes or removes a passkey or security key of its own account (Add a passkey: WebAuthn
 * registration, TRIAL17C C5): a stolen session that adds the attacker's passkey keeps the account for good, so it needs
 * a recent sign-in, and the registration ceremony's checks are the plan's to state.
 */
export const passkeyChangeOf = (f: Pick<UseCaseFacts, "auth" | "self" | "flow" | "route" | "summary">, useCase: string): boolean =>
  f.auth !== "anonymous" && f.self && f.flow !== "query" && /pass.?keys?|webauthn|security.?keys?/i.test(`${useCase} ${f.route} ${f.summary ?? ""}`);
