/**
 * What a change or delete does to the record it loads (one answer the data flow, the steps, the pseudo-code and the
 * repository port share), and an erasure's later purge.
 */
import { type Names, namesOf } from "../names.js";
import { type ItemInResource, itemOf, type RemovedItem, removedItemOf } from "./items.js";
import { credentialRevokeOf } from "./credential-revoke.js";
import { movedBetweenOf } from "./request-inputs.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/**
 * A DELETE whose effect is the resource's state change (REVIEW3 Q49, TRIAL3 U19): `--transition` on a
 * DELETE of one resource (cancel an export or a booking, trash a document) says what the request does.
 * The record stays, saved in its new state and readable there (a worker or a job sees it at its next
 * checkpoint); it is not removed, and a repeat finds it already moved and answers the same. Not an
 * erasure (capability erasure marks for erasure), nor the removal of an item of the resource.
 */
export const deleteMovesStateOf = (f: UseCaseFacts): boolean =>
  f.flow === "delete" && f.resource !== undefined && f.transitions.some((t) => !t.emitter) && !f.capabilities.includes("erasure") && !removedItemOf(f);

/**
 * A DELETE that erases later: an erasure, or a scheduled command (a purge) where no transition of the request says
 * what the delete is. The request only deactivates and hides the data and schedules the purge; the purge job erases it.
 */
export const erasesLater = (f: UseCaseFacts): boolean => f.flow === "delete" && (f.capabilities.includes("erasure") || (f.scheduledCommand !== undefined && !deleteMovesStateOf(f)));

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
 * What a change or delete request does to the record it loads: one answer, read by the data flow, the
 * steps, the pseudo-code and the repository port, so the four cannot disagree (they were four ternary
 * chains that had to be kept in the same order by hand).
 */
export type WriteEffect =
  | { kind: "mark-for-erasure" }
  | { kind: "remove-item"; item: RemovedItem }
  | { kind: "change-item"; item: ItemInResource }
  | { kind: "set-mark"; mark: Names }
  | { kind: "add-guest" }
  | { kind: "move-state" }
  | { kind: "revoke" }
  | { kind: "read-position" }
  | { kind: "claim"; claimed: Names }
  | { kind: "delete" }
  | { kind: "change" };

export function writeEffectOf(f: UseCaseFacts): WriteEffect {
  if (erasesLater(f)) return { kind: "mark-for-erasure" };
  // The name says join: the resource gains a guest participant (guestJoinOf); it is not changed otherwise.
  if (f.flow === "change" && f.guestJoin) return { kind: "add-guest" };
  const removed = removedItemOf(f);
  if (removed) return { kind: "remove-item", item: removed };
  // The caller's own mark (a like, a bookmark): a row keyed by (caller, record) set, never the record replaced (TRIAL11 Y8).
  const mark = f.flow === "change" ? f.ownMark : undefined;
  if (mark) return { kind: "set-mark", mark: mark.names };
  const item = itemOf(f);
  if (item) return { kind: "change-item", item };
  if (deleteMovesStateOf(f)) return { kind: "move-state" };
  // A credential revoked is kept, marked revoked, never removed: the audit trail still names it (LEAD18 L2).
  if (credentialRevokeOf(f)) return { kind: "revoke" };
  // The caller's read position in a shared record moves, never the record (LEAD18, L1's family).
  if (f.readPosition) return { kind: "read-position" };
  // A record claimed by its key is taken by one conditional update of it; the resource is never written (TRIAL18A D7).
  if (f.flow === "change" && f.claimed) return { kind: "claim", claimed: f.claimed };
  return { kind: f.flow === "delete" ? "delete" : "change" };
}

/** The repository method that persists a write effect: only a plain delete removes the record. */
export const persistsByOf = (effect: WriteEffect): "markForErasure" | "delete" | "save" =>
  effect.kind === "mark-for-erasure" ? "markForErasure" : effect.kind === "delete" ? "delete" : "save";

/**
 * A create under a resource that also moves the resource's state (TRIAL9 W2: booking a slot moves the Slot from
 * Available to Booked; accepting an order moves its Cart to CheckedOut): the new item is added and the resource saved
 * in its new state in one transaction, the resource held (a row lock or its version) from the load to the commit.
 * Without a transition the resource is read for access only and never saved. A transition a scheduled command makes
 * (`@Command`) is the job's, not the request's; a move between two records has its own shape (movedBetweenOf).
 */
export const createMovesParentOf = (f: UseCaseFacts): boolean =>
  f.flow === "create" && f.child !== undefined && f.resource !== undefined && f.transitions.some((t) => !t.emitter) && !movedBetweenOf(f);
