/**
 * The rate limit a use-case gets when the answers give none. 10 requests a minute per caller suits a write
 * or a lookup someone could abuse; a read of the caller's own record (`GET /api/me`, `/api/users/me`,
 * `/api/me/profile`) is made by every page load, several tabs and each client refresh, so 10 a minute
 * answers a normal user 429. 60 a minute, one a second sustained for a minute per account, is more than a
 * person's browsing makes and still caps a script or a stolen token looping on it.
 */
export const DEFAULT_RATE_LIMIT = "10/1m";
export const OWN_RECORD_READ_RATE_LIMIT = "60/1m";
/**
 * A per-click action's (fit13b): one click on a cheap, idempotent change a person repeats while reading (mark a
 * notification as read, like a post, star, pin, follow). 10 a minute answers someone going through a page of
 * notifications 429 within a minute; 60, one a second sustained for a minute, is more than a person clicks and still
 * caps a script or a stolen token. An action that costs or reaches others (a message, a file, a call out, a job, a
 * role, anything a capability names, an anonymous caller) keeps the tight default.
 */
export const PER_CLICK_RATE_LIMIT = "60/1m";

/** The caller's own record by its route: `/me` itself, or one of its singular parts (profile, settings). */
const OWN_RECORD_ROUTE = /\/me(?:\/(?:profile|account|settings|preferences|details))?\/?$/;

/** A signed-in GET of the caller's own record, read whole (no page, no file, no stream of it). */
export function readsOwnRecordOf(a: { method: string; route: string; auth: string; resource?: string; capabilities: readonly string[] }): boolean {
  return a.method === "GET" && a.auth !== "anonymous" && !a.resource && OWN_RECORD_ROUTE.test(a.route) && !a.capabilities.some((c) => c === "pagination" || c === "file-download" || c === "search");
}

/** A toggle of one record by the route's last word (`/notifications/:id/read`, `/posts/:id/likes/me`, `/stars`). */
const TOGGLE_ROUTE = /\/(?:read|unread|seen|likes?|unlike|stars?|unstar|pins?|unpin|bookmarks?|unbookmark|favou?rites?|unfavou?rite|follows?|unfollow|reactions?|upvotes?|downvotes?|dismiss(?:al)?|mute|unmute)(?:\/me)?\/?$/i;
/** ...or by the use-case's name: "Mark a notification as read", "Like a post", "Star a repository". */
const TOGGLE_NAME = /^(?:mark\b.*\bas (?:read|unread|seen|done)\b|(?:un)?(?:like|star|pin|bookmark|favou?rite|follow|mute)\b|(?:up|down)vote\b|react\b|dismiss\b)/i;

/**
 * Whether the use-case is a per-click action: a signed-in write (not a read, not a job) that toggles one record by what
 * its route or name says, with no capability (nothing sent, fetched, stored as a file or granted) and nothing whose
 * existence it must hide.
 */
export function perClickOf(a: Parameters<typeof readsOwnRecordOf>[0] & { name?: string; async?: boolean; enumeration?: string }): boolean {
  if (a.method === "GET" || a.auth === "anonymous" || a.async || a.enumeration || a.capabilities.length > 0) return false;
  return TOGGLE_ROUTE.test(a.route) || TOGGLE_NAME.test((a.name ?? "").trim());
}

export const defaultRateLimitOf = (a: Parameters<typeof perClickOf>[0]): string => (readsOwnRecordOf(a) ? OWN_RECORD_READ_RATE_LIMIT : perClickOf(a) ? PER_CLICK_RATE_LIMIT : DEFAULT_RATE_LIMIT);
