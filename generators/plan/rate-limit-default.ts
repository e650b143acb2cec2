import { actionKindOf } from "./action-kind.js";
import { allOwnChangeOf } from "./facts/all-own.js";

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
 * notification as read, like a post, star, pin, follow; a drag of a task to another place, LEAD20 R2; a ticket scanned
 * at a door, one every few seconds per scanner, C2). 10 a minute answers someone going through a page of
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

/**
 * Whether the use-case is a per-click action: a signed-in write (not a read, not a job) that toggles a mark on one
 * record or moves one within a list, by what its route or name says (action-kind.ts, which the plan's facts read too),
 * with no capability (nothing sent, fetched, stored as a file or granted) and nothing whose existence it must hide.
 */
export function perClickOf(a: Parameters<typeof readsOwnRecordOf>[0] & { name?: string; async?: boolean; enumeration?: string; allOwnChange?: boolean }): boolean {
  if (a.method === "GET" || a.auth === "anonymous" || a.async || a.enumeration || a.capabilities.length > 0) return false;
  // All the caller's records at once (Mark all my notifications as read) is one request a person makes once, costlier
  // than a mark of one (LEAD18 L1): a write's default, the same at the prompt as from flags. derive-facts has worked it
  // out already (allOwnChange); the prompt, which has no facts, works it out here.
  if (a.allOwnChange ?? allOwnChangeOf({ method: a.method, route: a.route, name: a.name ?? "", auth: a.auth, async: false, ...(a.resource ? { resource: a.resource } : {}) })) return false;
  return actionKindOf({ method: a.method, route: a.route, ...(a.name !== undefined ? { name: a.name } : {}) }) !== undefined;
}

/**
 * A signed-in read (fix18b): a list page, a search, one record. A person reads a list page many times a minute (each
 * page of it, each filter changed, a refresh, a second tab, a client polling every few seconds), so 10 a minute answers
 * a normal user 429 within a minute of browsing. 60 a minute, the own record's figure, one a second sustained for a
 * minute per account, is more than a person's reading makes and still caps a script or a stolen token walking the
 * pages. A read that costs more (a file download, an asynchronous export) or hands out something (any other capability:
 * a secret link, a call out) keeps the tight default; an anonymous read is counted per client and keeps it too.
 */
export const SIGNED_IN_READ_RATE_LIMIT = "60/1m";
/**
 * Sending a chat message (fix18b): a person typing in a lively conversation sends short messages one after another, a
 * message every two or three seconds at its fastest, so 10 a minute answers them 429 mid-conversation. 30 a minute lets
 * a fast typist through and still cuts a loop or a paste-flood at 30 messages a minute in the conversation; chat
 * services allow about this (a message a second per channel at most, with a burst of a few). A message that is also
 * sent out (an e-mail, an SMS: a sends-message capability) keeps the tight default and its per-recipient caps.
 */
export const CHAT_MESSAGE_RATE_LIMIT = "30/1m";
/**
 * A signed delivery from another system (a webhook, TRIAL20 G13): counted in all, not per caller, since the sender
 * posts from a few addresses. A carrier posts several events per parcel for every shipment, a payment provider one per
 * charge, refund and dispute, in bursts after an outage: 10 a minute in all throttles a normal day into a backlog of
 * retries. 600 a minute, ten a second, takes a busy sender's bursts and still caps a flood; the plan asks the sender's
 * peak beside it.
 */
export const SIGNED_DELIVERY_RATE_LIMIT = "600/1m";

/** A signed-in GET that reads (a page of a list, a search, one record) and costs or hands out nothing more. */
export function signedInReadOf(a: Parameters<typeof perClickOf>[0]): boolean {
  return a.method === "GET" && a.auth !== "anonymous" && !a.async && a.capabilities.every((c) => c === "pagination" || c === "search");
}

/** A message under a conversation by the route (`/conversations/:id/messages`, `/channels/:id/messages`) or by the use-case's name ("Send a chat message"). */
const CHAT_ROUTE = /\/(?:conversations|chats|channels|rooms|threads|dms|direct-messages)\/:[^/]+\/messages\/?$/i;
const CHAT_NAME = /\bchat messages?\b|^(?:send|post|write)\b.*\bmessages?\b.*\b(?:chat|conversation|channel|room|thread|direct message)\b/i;

/** Whether the use-case is a signed-in person sending a chat message: a POST under a conversation, with no capability (nothing mailed or texted). */
export function chatMessageOf(a: Parameters<typeof perClickOf>[0]): boolean {
  return a.method === "POST" && a.auth !== "anonymous" && !a.async && a.capabilities.length === 0 && (CHAT_ROUTE.test(a.route) || CHAT_NAME.test((a.name ?? "").trim()));
}

/** `chatMessage`: derive-facts has worked it out already (the facts' chatMessage); the prompt, which has no facts, works it out here. */
export const defaultRateLimitOf = (a: Parameters<typeof perClickOf>[0] & { chatMessage?: boolean; signed?: boolean }): string =>
  // A signed delivery: derive-facts knows it by its signature input (signatureInputOf); the prompt by the webhook capability.
  (a.signed ?? (a.auth === "anonymous" && a.capabilities.includes("webhook")))
    ? SIGNED_DELIVERY_RATE_LIMIT
    : readsOwnRecordOf(a) ? OWN_RECORD_READ_RATE_LIMIT : signedInReadOf(a) ? SIGNED_IN_READ_RATE_LIMIT : perClickOf(a) ? PER_CLICK_RATE_LIMIT : (a.chatMessage ?? chatMessageOf(a)) ? CHAT_MESSAGE_RATE_LIMIT : DEFAULT_RATE_LIMIT;
