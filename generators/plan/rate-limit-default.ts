/**
 * The rate limit a use-case gets when the answers give none. 10 requests a minute per caller suits a write
 * or a lookup someone could abuse; a read of the caller's own record (`GET /api/me`, `/api/users/me`,
 * `/api/me/profile`) is made by every page load, several tabs and each client refresh, so 10 a minute
 * answers a normal user 429. 60 a minute, one a second sustained for a minute per account, is more than a
 * person's browsing makes and still caps a script or a stolen token looping on it.
 */
export const DEFAULT_RATE_LIMIT = "10/1m";
export const OWN_RECORD_READ_RATE_LIMIT = "60/1m";

/** The caller's own record by its route: `/me` itself, or one of its singular parts (profile, settings). */
const OWN_RECORD_ROUTE = /\/me(?:\/(?:profile|account|settings|preferences|details))?\/?$/;

/** A signed-in GET of the caller's own record, read whole (no page, no file, no stream of it). */
export function readsOwnRecordOf(a: { method: string; route: string; auth: string; resource?: string; capabilities: readonly string[] }): boolean {
  return a.method === "GET" && a.auth !== "anonymous" && !a.resource && OWN_RECORD_ROUTE.test(a.route) && !a.capabilities.some((c) => c === "pagination" || c === "file-download" || c === "search");
}

export const defaultRateLimitOf = (a: Parameters<typeof readsOwnRecordOf>[0]): string => (readsOwnRecordOf(a) ? OWN_RECORD_READ_RATE_LIMIT : DEFAULT_RATE_LIMIT);
