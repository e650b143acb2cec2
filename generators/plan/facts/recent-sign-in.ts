/**
 * A change a stolen or unattended session must not make with nothing but the session (TRIAL4 V13, V14, fit13b,
 * TRIAL17A A6, TRIAL17C C5): a transfer of ownership, a passkey added or removed, the account's email or phone changed,
 * the second factor turned on or off, an export of the account's data, a new API key or personal access token, the
 * organisation's single sign-on changed (TRIAL18A D20, TRIAL18B E15: a stolen session would mint itself a credential
 * that outlives the session, or let an attacker's identity provider in). Each needs a sign-in within a few minutes, else
 * 403 ReauthenticationRequired: one rule, the recent-sign-in pack, firing on one fact; the feature's own pack keeps what
 * is its own (the transfer's one owner, the passkey's ceremony, the export's deadline). Where the request itself proves
 * who the caller is (a current password, a code from the factor), that is checked instead, and no recent sign-in is asked.
 */
import type { PackPlaceholder, RecentSignInKind } from "../../../lib/packs/pack.js";
import type { SecondFactorStep } from "./second-factor.js";

/** What asks for the recent sign-in, the first of them where several would (one wording in the plan). */
export type RecentSignIn = RecentSignInKind;

/** The facts that ask for it, as pack-facts has them while it builds the pack facts (which keep the kind: recentSignInKind). */
export interface RecentSignInFacts {
  ownershipTransfer?: boolean;
  resource: boolean;
  passkeyChange?: boolean;
  contactChange?: boolean;
  secondFactor?: SecondFactorStep | undefined;
  secondFactorCode?: boolean;
  selfExport?: boolean;
  /** An API key or personal access token issued (apiKeyOf). */
  apiKey?: boolean;
  /** Single sign-on configured (ssoConfigOf), by a write. */
  ssoConfig?: boolean;
  flow?: string;
  /** The request carries the caller's current password: verified instead (reauthentication). */
  reauthenticates?: boolean;
}

/**
 * The feature's own pack that fires beside recent-sign-in for each: the rule's items take that pack's place in the
 * plan (catalog's pack order), so its requirement, test and 403 keep the IDs and rows they had when the feature's pack
 * held them.
 */
export const RECENT_SIGN_IN_FEATURE_PACK: Record<RecentSignIn, string> = {
  transfer: "capability-ownership-transfer",
  passkey: "passkey-recent-sign-in",
  contact: "contact-change-recent-sign-in",
  "second-factor": "second-factor-recent-sign-in",
  export: "self-export",
  credential: "api-key-issue",
  sso: "sso-config",
};

export function recentSignInOf(p: RecentSignInFacts): RecentSignIn | undefined {
  if (p.ownershipTransfer && p.resource) return "transfer";
  if (p.passkeyChange && !p.reauthenticates) return "passkey";
  if (p.contactChange && !p.reauthenticates) return "contact";
  if ((p.secondFactor === "enrol" || p.secondFactor === "disable") && !p.reauthenticates && !p.secondFactorCode) return "second-factor";
  if (p.selfExport) return "export";
  if (p.apiKey && !p.reauthenticates) return "credential";
  if (p.ssoConfig && p.flow !== "query" && !p.reauthenticates) return "sso";
  return undefined;
}

/**
 * The handler's step for the one rule, for every kind (the recent-sign-in pack's `recentSignIn` setting): what a refused
 * request leaves undone, and why the session alone is not enough. `indent` places it under a condition (a contact change
 * asks for it only when the address changes).
 */
export function recentSignInStepOf(kind: RecentSignIn, indent = "  "): string {
  const [left, why] = RECENT_SIGN_IN_STEP[kind];
  return `${indent}caller.authenticatedAt older than recentSignIn -> 403 ReauthenticationRequired, ${left}  // ${why}`;
}

const RECENT_SIGN_IN_STEP: Record<RecentSignIn, readonly [string, string]> = {
  transfer: ["nothing changed", "a stolen session alone gives nothing away"],
  passkey: ["nothing changed", "a stolen session alone neither adds nor removes a passkey"],
  contact: ["nothing changed", "a stolen session alone cannot change it"],
  "second-factor": ["nothing changed", "a stolen session alone neither swaps nor removes the factor"],
  export: ["nothing started", "one stolen session must not take the whole account"],
  credential: ["nothing issued", "a stolen session alone mints no credential that outlives it"],
  sso: ["nothing changed", "a stolen session alone lets no other identity provider in"],
};

/** The recent-sign-in pack's words for what asks for it: `contact` names the fields changed, `resource` what a transfer gives away. */
export function recentSignInValues(kind: RecentSignIn, words: { contact?: string; resource?: string }): Partial<Record<PackPlaceholder, string>> {
  const sessionAlone = "changes nothing. The session alone is not proof enough";
  switch (kind) {
    case "transfer":
      return {
        recentSignInNeed: "A transfer needs a recent authentication of the caller: signed in",
        recentSignInAgain: "authenticating again first (its password or second factor)",
        recentSignInRefusal: `changes nothing, so a stolen or left-open session alone cannot give the ${words.resource ?? "resource"} away.`,
        recentSignInTried: "a transfer",
        recentSignInNothing: "changes nothing",
        recentSignInTo: `transfer the ${words.resource ?? "resource"}`,
        recentSignInOlder: "a transfer of ownership",
      };
    case "passkey":
      return {
        recentSignInNeed: "Adding or removing a passkey needs a recent authentication: the caller signed in",
        recentSignInAgain: "authenticates again first (its password, or an existing passkey)",
        recentSignInRefusal: sessionAlone,
        recentSignInTried: "adding or removing a passkey",
        recentSignInNothing: "changes nothing",
        recentSignInTo: "add or remove a passkey",
        recentSignInOlder: "adding or removing a passkey",
      };
    case "contact":
      return {
        recentSignInNeed: `Changing ${words.contact} needs a recent authentication: the caller signed in`,
        recentSignInAgain: "authenticates again first (its password or second factor)",
        recentSignInRefusal: sessionAlone,
        recentSignInTried: `a change of ${words.contact}`,
        recentSignInNothing: "changes nothing",
        recentSignInTo: `change ${words.contact}`,
        recentSignInOlder: "the change of the account's email or phone",
      };
    case "second-factor":
      return {
        recentSignInNeed: "Turning the second factor on or off needs a recent authentication: the caller signed in",
        recentSignInAgain: "authenticates again first (its password, or a code from the factor in force)",
        recentSignInRefusal: sessionAlone,
        recentSignInTried: "turning the second factor on or off",
        recentSignInNothing: "changes nothing",
        recentSignInTo: "turn its second factor on or off",
        recentSignInOlder: "turning the second factor on or off",
      };
    case "export":
      return {
        recentSignInNeed: "Asking for an export of the account's data needs a recent authentication: the caller signed in",
        recentSignInAgain: "authenticates again first",
        recentSignInRefusal: "nothing is started",
        recentSignInTried: "an export asked for",
        recentSignInNothing: "starts nothing",
        recentSignInTo: "export its data",
        recentSignInOlder: "an export of its data",
      };
    case "credential":
      return {
        recentSignInNeed: "Creating an API key or access token needs a recent authentication: the caller signed in",
        recentSignInAgain: "authenticates again first (its password or second factor)",
        recentSignInRefusal: "issues nothing. The session alone is not proof enough: a stolen one would mint itself a credential that outlives it",
        recentSignInTried: "creating a key",
        recentSignInNothing: "issues nothing",
        recentSignInTo: "create an API key or access token",
        recentSignInOlder: "creating a credential",
      };
    case "sso":
      return {
        recentSignInNeed: "Changing single sign-on needs a recent authentication: the caller signed in",
        recentSignInAgain: "authenticates again first (its password or second factor)",
        recentSignInRefusal: "changes nothing. The session alone is not proof enough: a stolen one could let another identity provider sign anyone in",
        recentSignInTried: "a change of single sign-on",
        recentSignInNothing: "changes nothing",
        recentSignInTo: "change single sign-on",
        recentSignInOlder: "a change of single sign-on",
      };
  }
}
