/**
 * The caller's read position in a record others share (LEAD18, L1's family): "Mark a conversation as read" (`POST
 * /api/conversations/:conversationId/read`). What moves is the caller's own position in it (one row per participant and
 * conversation), never the conversation itself: other participants' reads and new messages are untouched, no version of
 * it is read, a late or older position changes nothing. A notification of the caller's own (`/api/me/notifications/:id/
 * read`) is its own record, changed as any change is.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

/** A record several people read: a conversation, a thread, a channel, a chat room, a discussion. */
const SHARED = /(?:Conversation|Thread|Channel|Chat|ChatRoom|Room|Discussion|Topic|Inbox)$/;
/** The route's last segment that marks it read, or the name that says so. */
const READ_SEGMENT = /^(?:read|seen|mark-read|mark-as-read|mark-seen|read-marker|read-position|last-read)$/i;
const READ_NAME = /^mark\b.*\bas (?:read|seen)\b/i;

export const readPositionOf = (f: Pick<UseCaseFacts, "flow" | "auth" | "resource" | "route" | "relation">, useCase: string): boolean => {
  if (f.flow !== "change" || f.auth === "anonymous" || !f.resource) return false;
  const last = f.route.replace(/\/$/, "").split("/").pop() ?? "";
  if (!READ_SEGMENT.test(last) && !READ_NAME.test(useCase.trim())) return false;
  // Shared: a record of a kind several people read, or one the caller reaches as a participant or member, not its owner.
  const relations = (f.relation ?? "").split(/[,\s]+/).filter(Boolean);
  return SHARED.test(f.resource.pascal) || (relations.length > 0 && !relations.includes("owner"));
};
