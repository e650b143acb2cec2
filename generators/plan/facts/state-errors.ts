/**
 * The answers' own error for a move the resource's state does not allow (fix17b, TRIAL12 Z12): `--error NotPending:409`
 * beside `--transition Pending->Cancelled`. It is the refusal of a move from any other state: the plan answers with it,
 * and no generic "not in a state that allows this change" row stands beside it.
 */
import type { ErrorInput, TransitionInput } from "../schema.js";

/** A state's name as a word to compare: PendingApproval and pending-approval alike. */
const word = (s: string): string => s.replace(/[^A-Za-z0-9]/g, "").toLowerCase();

/** The request's own moves: those no scheduled command makes. */
const ownMoves = (transitions: readonly TransitionInput[]): TransitionInput[] => transitions.filter((t) => !t.emitter);

/**
 * The error that refuses a move from a state this use-case does not move from: a 409 named Not<From> (NotPending), or
 * one whose condition says the resource is not <From> or not in a state that allows it.
 */
export function stateRefusalOf(f: { errors: readonly ErrorInput[]; transitions: readonly TransitionInput[] }): ErrorInput | undefined {
  const froms = new Set(ownMoves(f.transitions).map((t) => word(t.from)));
  if (!froms.size) return undefined;
  return f.errors.find((e) => {
    if (e.status !== 409) return false;
    const named = /^(?:Not|IsNot)([A-Z]\w*)$/.exec(e.name)?.[1];
    if (named && froms.has(word(named))) return true;
    return /\bnot in (?:a|the) (?:state|status)\b|\b(?:invalid|wrong) (?:state|status)\b/i.test(e.when) || [...froms].some((from) => new RegExp(`\\bnot (?:yet |still )?${from}\\b`, "i").test(e.when));
  });
}

/** The condition of such an error given without one: "the Order is not Pending, the state this change moves it from". */
export function stateRefusalWhenOf(e: ErrorInput, transitions: readonly TransitionInput[], resourceWords: string): string | undefined {
  if (e.when || stateRefusalOf({ errors: [e], transitions }) === undefined) return undefined;
  const froms = [...new Set(ownMoves(transitions).map((t) => t.from))];
  return `the ${resourceWords} is not ${froms.join(" or ")}, the state${froms.length > 1 ? "s" : ""} this change moves it from`;
}
