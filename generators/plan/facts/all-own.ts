/**
 * A change of all the caller's own records of one kind at once (LEAD18 L1): "Mark all my notifications as read" (`POST
 * /api/me/notifications/read-all`), "Archive all my read notifications", "Clear all my notifications", "Dismiss all
 * alerts". It creates nothing and names no record: one set-based update of the caller's rows, bounded by what the caller
 * saw, which a repeat leaves as it is. Unlike a per-item mark (`/api/me/notifications/:notificationId/read`), which
 * loads the one record its id names, and a bulk change (`/bulk-update` with OrderIds), which names each record.
 */
import { type Names, namesOf, singularOf } from "../names.js";

/** A route's last segment that says all of a collection: `read-all`, `mark-all-read`, `mark-all-as-read`, `archive-all`, `clear-all`, `dismiss-all`, `all/read`. */
const ALL_SEGMENT = /^(?:(?:read|seen|archive|clear|dismiss|acknowledge|ack)-all|mark-all-(?:as-)?(?:read|seen|done)|all-(?:read|seen))$/i;
/** The name: "Mark all (of) my notifications as read", "Archive all my read notifications", "Clear all notifications". */
const ALL_NAME = /^(?:mark|archive|clear|dismiss|acknowledge)\s+all\s+(?:of\s+)?(?:my|our|the|the\s+caller's)?\s*(?:(?:read|unread|seen|old|open)\s+)?([a-z][a-z-]*s)\b(?:\s+as\s+[a-z]+)?\s*$/i;

/**
 * The records all of which the caller's request changes, where it is such a change: a signed-in write (POST, PUT or
 * PATCH, not a job) whose route names no record (no parameter: `/api/projects/:projectId/tasks/archive-all` is a
 * project's, not the caller's own) and either ends in an all-verb after the collection (`/notifications/read-all`), or
 * is under /me, or the route is the name's own (`/api/mark-all-my-notifications-as-read`, what the prompt offers), while the
 * name says so: "my" in the name is the caller's own as /me is. The records: the collection the route names before the
 * verb, else the name's.
 */
export function allOwnChangeOf(a: { method: string; route: string; name: string; auth: string; async: boolean; resource?: string }): Names | undefined {
  if (a.auth === "anonymous" || a.async || !["POST", "PUT", "PATCH"].includes(a.method)) return undefined;
  const segments = a.route.split("/").filter(Boolean);
  if (segments.some((s) => /^(?::|\{)/.test(s))) return undefined;
  const last = segments[segments.length - 1] ?? "";
  const allRead = last.toLowerCase() === "read" && segments[segments.length - 2]?.toLowerCase() === "all";
  const verbAt = ALL_SEGMENT.test(last) ? segments.length - 1 : allRead ? segments.length - 2 : -1;
  const collection = verbAt > 0 ? segments[verbAt - 1]! : undefined;
  const byName = ALL_NAME.exec(a.name.trim());
  let records: Names | undefined;
  if (collection && /^[a-z][a-z-]*[^s]s$/i.test(collection)) records = namesOf(singularOf(collection));
  else if (byName && (segments.includes("me") || /\bmy\b/i.test(a.name))) records = namesOf(singularOf(byName[1]!.toLowerCase()));
  // A resource given that is not the records (a Project's tasks) is a change of that one, not of the caller's own.
  if (!records || (a.resource && namesOf(a.resource).pascal !== records.pascal)) return undefined;
  return records;
}
