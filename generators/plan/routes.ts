/**
 * What a route's text says on its own, for the questions asked before any facts are drawn (schema.ts's defaults).
 */

/** A route under /me acts on the signed-in caller's own record: the credential names it, no relation is checked. */
export const isSelfRoute = (route: string): boolean => /\/me(?:[/?]|$)/.test(route);
