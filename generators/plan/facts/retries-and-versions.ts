/**
 * A repeated request and concurrent ones: the states a retry answers as the first time, an error refusing a state,
 * a stale version's own error, a PUT that replaces the whole record, an If-Match.
 */
import type { ErrorInput } from "../schema.js";
import { consentOf } from "./recognised-features.js";
import { contactInputsOf } from "./accounts.js";
import { secretResponseFieldsOf } from "./secrets.js";
import { verbStemsOf } from "./word-stems.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/**
 * The states a repeated request finds the resource in and answers again as the first time, changing
 * nothing (REVIEW2 R12, REVIEW3 Q8): the request's own target states, where the change is a DELETE
 * (idempotent by the flow) or one a scheduled command finishes later (cancel at period end, trash
 * then purge), whose client retries on a timeout. Elsewhere a repeat is refused as any other state.
 * Never where the answer hands out a secret (a rotated key, a new signing secret): it is shown once, and a
 * repeat answered "as the first time" would hand it out again to whoever replays the request (TRIAL7 U2).
 */
export function retryStatesOf(f: Pick<UseCaseFacts, "flow" | "transitions" | "enumeration" | "signature" | "route" | "summary" | "errors" | "response">): string[] {
  if (f.enumeration || secretResponseFieldsOf(f).length) return [];
  // A signed delivery comes again until it gets a 2xx (TRIAL4 V5): one finding the resource where it leaves it answers as the first.
  // A command whose route names the state it moves to (POST .../cancel -> Cancelled): its retry finds it there (TRIAL4 V12).
  const states = f.flow === "delete" || f.signature || f.transitions.some((t) => t.emitter) ? [...new Set(f.transitions.filter((t) => !t.emitter).map((t) => t.to))] : f.flow === "change" ? intendedStatesOf(f) : [];
  // Unless the answers refuse that state with an error of their own (--error "TicketAlreadyClosed:409:the ticket is already
  // closed"): the team chose to refuse a repeat, and a plan saying both 200 and 409 for it cannot be implemented (TRIAL5 U3).
  return states.filter((state) => !refusedStateErrorOf(f.errors, state));
}

/**
 * The --errors that refuse the resource once it left the state this use-case moves it from ("NotPending: the transfer
 * is no longer pending", "the order is not open"): said alone, they would refuse the repeat of this very request, which
 * retryStatesOf answers as the first time, so the plan says which wins (TRIAL12 Z12).
 */
export function leftStateErrorsOf(f: Pick<UseCaseFacts, "errors" | "transitions">): ErrorInput[] {
  const words = (text: string): string[] => text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const froms = [...new Set(f.transitions.filter((t) => !t.emitter).map((t) => t.from))].map(words);
  return f.errors.filter((e) => {
    if (e.status < 400 || e.status >= 500 || e.status === 404) return false;
    const text = words(`${e.name} ${e.when}`);
    // "not" or "no longer", then the state's words in a row (one word between allowed: "not yet pending", "not in draft").
    return text.some((w, at) => (w === "not" || (w === "longer" && text[at - 1] === "no")) && froms.some((from) => [1, 2].some((gap) => from.every((x, n) => text[at + gap + n] === x))));
  });
}

/**
 * A client error the answers give for finding the resource in `state`: its name or condition names the state as a
 * word, or names the state's verb (rotat- for Rotating, archiv- for Archived) while saying it is a repeat or still
 * under way ("RotationInProgress: the key was rotated less than 24 hours ago", TRIAL7 U2). The verb alone is not
 * enough: "CannotCancel: the order has shipped" refuses a cancel from another state, not a repeated one.
 */
export function refusedStateErrorOf(errors: readonly ErrorInput[], state: string): ErrorInput | undefined {
  const words = (text: string): string[] => text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/);
  // A state of several words (PendingCancellation) is named by them in a row: "already pending cancellation" (TRIAL6 U2).
  const named = words(state).filter(Boolean);
  const names = (text: string[], same: (word: string, of: string) => boolean): boolean => text.some((_, at) => named.every((w, n) => same(text[at + n] ?? "", w)));
  // A state under way (Rotating) is named by its verb too: rotat-.
  const verb = (word: string, of: string): boolean => word === of || [...verbStemsOf(of), of.replace(/ing$/, "")].some((stem) => stem.length >= 4 && stem !== of && word.startsWith(stem));
  return errors.find((e) => {
    if (e.status < 400 || e.status >= 500 || e.status === 404) return false;
    const text = words(`${e.name} ${e.when}`);
    return names(text, (w, of) => w === of) || (REPEAT.test(text.join(" ")) && names(text, verb));
  });
}

/** Words saying a request finds its own change done or under way: a repeat, not a refusal from another state. */
const REPEAT = /\b(?:already|again|in progress|still|recently|less than|within|twice|ongoing|under way|underway)\b/;

/**
 * The states this use-case's own transitions move to that its route or summary names as the request's intent
 * (`POST /api/orders/:orderId/cancel` with `Placed->Cancelled`, `/archive` with `Active->Archived`, `/mark-paid`
 * with `Open->Paid`): a client that lost the first answer and retries finds the resource already there (TRIAL4 V12).
 */
export function intendedStatesOf(f: Pick<UseCaseFacts, "transitions" | "route" | "summary">): string[] {
  const words = `${f.route} ${f.summary ?? ""}`.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  const named = (to: string): boolean => {
    const state = to.toLowerCase();
    return words.some((w) => w === state || verbStemsOf(state).some((stem) => w.startsWith(stem)));
  };
  return [...new Set(f.transitions.filter((t) => !t.emitter && named(t.to)).map((t) => t.to))];
}

/**
 * The answers' own error for a stale version on a change (`--error StaleVersion:412`): a 412, or an
 * error named for a version, a precondition or an ETag. The lost-update answer the change flow would
 * give (409 Conflict) is then this one, said once, with its name and status.
 */
export function versionErrorOf(f: UseCaseFacts): ErrorInput | undefined {
  if (f.flow !== "change") return undefined;
  return f.errors.find((e) => e.status === 412) ?? f.errors.find((e) => /stale|version|concurren|precondition|e-?tag|if-?match|lost-?update/i.test(`${e.name} ${e.when}`) && e.status >= 400 && e.status < 500);
}

/**
 * A PUT that replaces the whole record with no version from the client (no If-Match, no version
 * input, no stale-version error): two PUTs at once is last-write-wins by contract, not a 409.
 */
export const replacesWholeOf = (f: UseCaseFacts): boolean =>
  f.flow === "change" &&
  f.method === "PUT" &&
  !consentOf(f) &&
  !f.ownMark &&
  !versionErrorOf(f) &&
  !f.inputs.some((i) => /^(?:ifMatch|version|etag|expectedVersion)$/i.test(i.names.camel)) &&
  // A PUT of the caller's own email or phone sets nothing whole: the new one is kept pending until its holder confirms it (TRIAL21 H8).
  contactInputsOf(f).length === 0;

/**
 * A change with no version from the client whose outcome reads nothing stored (no transition, no state error: a PATCH
 * that sets the fields it carries, PATCH /api/me) or a PUT that replaces the whole record (fix14a): two at once is
 * last-write-wins by decision. The change flow's lost-update 409 would be a status the client cannot send a version
 * to earn or avoid; whether it must (If-Match, 412) is asked. A change whose rule reads stored state keeps its check.
 */
export const lastWriteWinsOf = (f: UseCaseFacts): boolean =>
  replacesWholeOf(f) ||
  (f.flow === "change" && f.method === "PATCH" && f.transitions.length === 0 && !f.errors.some((e) => e.status === 409 || e.status === 422) && !consentOf(f) && !versionErrorOf(f) && !versionInputOf(f));

/**
 * A change whose whole effect is to revoke the caller's own sessions (`POST /api/me/sessions/revoke-others`, a sign-out
 * everywhere): it reads no version, for a revocation applies to whatever sessions are there, a session made or refreshed
 * at the same moment included; a 409 would turn away the request an account under attack needs most (TRIAL17A A10).
 */
export const revokesSessionsOnlyOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "self" | "route">): boolean =>
  f.flow === "change" && f.resource === undefined && f.self && /\/me\/(?:sessions\/revoke(?:-[a-z]+)?|(?:sign|log)-?out(?:-[a-z]+)?)$/.test(f.route);

/** How a last-write-wins change says it: a PUT replaces the whole record, a PATCH sets what it carries. */
export const lastWinsWords = (f: UseCaseFacts): string => (f.method === "PUT" ? "a PUT replaces it whole, so the last one wins" : "the client sends no version, so of two at once the last one wins");

/** Whether a change or delete of a loaded resource carries the client's ETag (an input named IfMatch: the `If-Match` header). */
export const ifMatchOf = (f: Pick<UseCaseFacts, "flow" | "resource" | "inputs">): boolean =>
  (f.flow === "change" || f.flow === "delete") && f.resource !== undefined && f.inputs.some((i) => i.names.camel === "ifMatch");

/**
 * The input that carries the version the client read (TRIAL7 U14): IfMatch (the If-Match header), or a Version, ETag or
 * ExpectedVersion the answers name; the concurrency check reads it, one check, one header.
 */
export function versionInputOf(f: Pick<UseCaseFacts, "inputs">): { pascal: string; header: string } | undefined {
  const i = f.inputs.find((x) => /^(?:ifMatch|version|etag|expectedVersion)$/i.test(x.names.camel));
  if (!i) return undefined;
  return { pascal: i.names.pascal, header: i.location === "header" ? `the ${i.names.camel === "ifMatch" ? "If-Match" : i.names.pascal} header` : `${i.names.pascal} in the ${i.location}` };
}

/**
 * The answers' error refusing a change to the value the record already has (SamePlan:409 "the subscription is already
 * on this plan", AlreadySet, "unchanged"): the same body again is that refusal, not a silent no-op, so a PUT's "changes
 * nothing, saves nothing" requirement and step would make the error unreachable (TRIAL19C F4).
 */
export const sameValueRefusalOf = (f: Pick<UseCaseFacts, "errors">): UseCaseFacts["errors"][number] | undefined =>
  f.errors.find((e) => e.status >= 400 && e.status < 500 && (/^(?:Same|AlreadySet|Unchanged|NoChange)[A-Z]?/.test(e.name) || /\balready (?:on|set to|at|using|has) (?:this|that|the same|the requested)\b|\b(?:is|are) (?:the same as|unchanged)\b/i.test(e.when ?? "")));
