/**
 * A signed-in create of the caller's own (no resource loaded: `POST /api/me/leave-requests`) that the answers refuse by
 * what the caller already holds: a leave overlapping one already requested, days past the remaining balance (LEAD20
 * RL2). Two requests at once both pass such a check before either saves, so the rule is the caller's whole set of
 * records, held for the check and the save.
 */
import type { ErrorInput } from "../schema.js";
import { readsStoredState } from "./stored-state.js";
import type { UseCaseFacts } from "./use-case-facts.js";

export const ownStateRefusalsOf = (f: Pick<UseCaseFacts, "flow" | "auth" | "resource" | "errors">): ErrorInput[] =>
  f.flow === "create" && f.auth !== "anonymous" && !f.resource ? f.errors.filter((e) => (e.status === 409 || e.status === 422) && readsStoredState(e.when ?? "", "callers-own")) : [];
