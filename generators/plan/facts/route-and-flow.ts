/**
 * What the method and route say: the flow, the default success status, the route's parameters, a new item under
 * the resource, a bulk delete, a POST that reads, where an accepted job's status is read.
 */
import { isAscii } from "../../../lib/is-ascii.js";
import type { Flow } from "../../../lib/packs/pack.js";
import { movesByRouteOf } from "../action-kind.js";
import { type Names, namesOf, singularOf } from "../names.js";
import type { Rule } from "../rules.js";

/**
 * Where an accepted job's status is read (the 202's Location): under the collection the request posts
 * to (`/api/reports/exports/{jobId}`); where the route ends in a resource's id (`DELETE
 * /api/workspaces/:workspaceId`), a jobs collection of its own, since a job id under the resource would
 * read as a child of it and collide with its real children.
 */
export function jobStatusRouteOf(route: string): string {
  const trimmed = route.replace(/\/$/, "");
  // In the route's own parameter syntax (REVIEW3 Q38): `:jobId` beside `:videoId`, `{jobId}` beside `{videoId}` or where it names none.
  const jobId = /\/:[^/]/.test(trimmed) ? ":jobId" : "{jobId}";
  if (!/\/(?::[^/]+|\{[^/}]+\})$/.test(trimmed)) return `${trimmed}/${jobId}`;
  return `${/^\/api(?:\/|$)/.test(trimmed) ? "/api" : ""}/jobs/${jobId}`;
}

/**
 * A POST that reads (REVIEW3 Q19): its route ends in a read's verb (`/api/meetings/batch-get`,
 * `/api/meetings:batchGet`, `/api/orders/search`, `/query`, `/lookup`), used where the criteria do not
 * fit a URL (a hundred ids, a JSON filter). It saves nothing and answers 200: the query flow.
 */
export const readsByPostOf = (method: string, route: string, async: boolean): boolean =>
  method === "POST" && !async && /(?:[/:](?:batch-?get|batchGet|search|query|lookup|_search|find))\/?$/i.test(route);

/**
 * A delete of many records named by id in one request (REVIEW3 Q12): a POST whose route ends in a bulk
 * delete's verb (`/api/items/bulk-delete`, `/api/items:batchDelete`, `/delete-many`), or a DELETE of a
 * collection (no parameter in the route) whose input names ids (`Ids`, `ItemIds`). It creates nothing:
 * the delete flow, each id checked against the caller's scope. The records' name: the resource, else the
 * collection the route names (items: Item).
 */
export function bulkDeleteOf(method: string, route: string, async: boolean, inputNames: readonly string[], routeParams: readonly string[], resource?: Names): Names | undefined {
  if (async) return undefined;
  const verb = /[/:](?:bulk-?delete|batch-?delete|batchDelete|bulkDelete|delete-?many|deleteMany)\/?$/i;
  const post = method === "POST" && verb.test(route);
  const del = method === "DELETE" && routeParams.length === 0 && inputNames.some((n) => /^(?:ids|[a-z][A-Za-z0-9]*Ids)$/.test(n));
  if (!post && !del) return undefined;
  if (resource) return resource;
  const segments = route.replace(verb, "").split(/[/:]/).filter((s) => /^[a-z][a-z-]*s$/i.test(s));
  return namesOf(segments.length ? singularOf(segments[segments.length - 1]!) : "Item");
}

/**
 * A change of many existing records named by id in one request (TRIAL10 X13): a POST or PATCH whose route says bulk
 * (`/api/orders/bulk-status`, `/bulk-update`, `/bulk-archive`, `/batch-update`, `:batchUpdate`) and whose input is a
 * list of ids (a list rule of UUIDs, or an `Ids`/`OrderIds` input). Each id is loaded in the caller's scope, checked
 * and saved on its own: the change flow answering 200 with per-id outcomes, never a create's new aggregate and 201.
 * The line: a route that says bulk of a verb that makes or removes records (`/bulk-create`, `/bulk-import`,
 * `/bulk-invite`, `/bulk-delete`) or reads them (`/batch-get`) is none, and neither is a create with a list input
 * whose route does not say bulk (`POST /api/teams/:teamId/invitations` with `Emails:email[1..50]`). `state`: the
 * input naming the state each moves to (`Status:enum(...)`, `State`), where there is one.
 */
export function bulkChangeOf(method: string, route: string, async: boolean, inputs: readonly { camel: string; rule: Rule }[], resource?: Names): { records: Names; state?: Names } | undefined {
  if (async || (method !== "POST" && method !== "PATCH")) return undefined;
  const said = /[/:](?:bulk|batch)(?:-?([A-Za-z][A-Za-z-]*))?\/?$/i.exec(route);
  const bulk = said ? { verb: said[1] ?? "", index: said.index } : collectionActionOf(route, inputs, resource);
  const verb = bulk?.verb ? `${bulk.verb.charAt(0).toLowerCase()}${bulk.verb.slice(1)}` : "";
  if (!bulk || BULK_NOT_CHANGE.test(verb)) return undefined;
  const ids = inputs.find((i) => /^(?:ids|[a-z][A-Za-z0-9]*Ids)$/.test(i.camel) || (i.rule.kind === "list" && i.rule.item.kind === "uuid"));
  if (!ids) return undefined;
  // What the ids name: the ids input's own word (TaskIds: Task), else the collection the route names before the verb
  // (`/api/projects/:projectId/tasks:batchUpdate`: Task, not the Project it is under), else the resource.
  const named = /^([a-z][A-Za-z0-9]*)Ids$/.exec(ids.camel)?.[1];
  const segments = route.slice(0, bulk.index).split(/[/:]/).filter((s) => /^[a-z][a-z-]*s$/i.test(s));
  const records = named ? namesOf(named) : segments.length ? namesOf(singularOf(segments[segments.length - 1]!)) : resource ?? namesOf("Item");
  const state = inputs.find((i) => /^(?:status|state|[a-z][A-Za-z0-9]*(?:Status|State))$/.test(i.camel) && i.rule.kind === "enum");
  return { records, ...(state ? { state: namesOf(state.camel) } : {}) };
}

/**
 * An action on a collection of records under the resource, named by a list of their ids (`POST
 * /api/projects/:projectId/tasks/archive` with TaskIds): a bulk change whose route does not say bulk (TRIAL17C C4).
 * Only where the ids name that collection's records, which are not the resource (a Project is the scope, each Task
 * is changed).
 */
function collectionActionOf(route: string, inputs: readonly { camel: string; rule: Rule }[], resource?: Names): { verb: string; index: number } | undefined {
  const action = /\/([a-z][a-z-]*s)\/([a-z][a-z-]*[a-rt-z])\/?$/i.exec(route);
  if (!action) return undefined;
  const records = namesOf(singularOf(action[1]!));
  if (resource && records.pascal === resource.pascal) return undefined;
  if (!inputs.some((i) => i.camel === `${records.camel}Ids` && i.rule.kind === "list")) return undefined;
  // Where the route's part before the verb ends: the collection stays in it, as before a `bulk-<verb>`.
  return { verb: action[2]!, index: action.index + 1 + action[1]!.length };
}

/** Bulk verbs that make, remove or read records rather than change existing ones: a create, a delete or a read. */
const BULK_NOT_CHANGE = /^(?:create|insert|add|import|upload|invite|send|delete|remove|destroy|get|read|search|query|lookup|find|export)(?:-|[A-Z]|$)/;

export function flowOf(method: string, async: boolean, hasResource: boolean, route = ""): Flow {
  if (async) return "async";
  if (method === "GET") return "query";
  if (method === "DELETE") return "delete";
  if (method === "POST" && !hasResource && !actsOnOwnOf(route)) return "create";
  return "change";
}

/**
 * The verbs of an action on an existing record: it confirms, verifies, rotates, revokes, resends, accepts, declines,
 * (de)activates, archives, restores, enables, disables, cancels, pauses, resumes, signs out or ends what is there, or
 * upgrades, downgrades, renews, suspends, closes, locks or completes it (a plan's upgrade changes the subscription the
 * caller has: TRIAL17A A2), and creates nothing (TRIAL10 X2). The one list that decides it (flowOf): a route's last segment, with words after it
 * (`revoke-others`, `sign-out-everywhere`).
 */
const ACTION_ON_EXISTING = /^(?:confirm|verify|rotate|regenerate|reissue|revoke|resend|accept|decline|reject|activate|deactivate|archive|unarchive|restore|enable|disable|cancel|pause|resume|sign-?out|log-?out|end|terminate|invalidate|upgrade|downgrade|renew|reactivate|suspend|unsuspend|reopen|close|lock|unlock|complete)(?:-[a-z]+)*$/i;

/**
 * A POST under /me whose route's last segment is an action on an existing record of the caller's
 * (`/api/me/sessions/revoke-others`, `/api/me/sign-out`, `/api/me/email/confirm`, `/api/me/api-keys/:keyId/rotate`):
 * it creates nothing, so no new aggregate, no 201 and no Location; it changes the caller's own (TRIAL10 X2). A
 * collection (`/api/me/transfers`, `/api/me/api-keys`) is still a create.
 */
export const actsOnOwnOf = (route: string): boolean => {
  const segments = route.split("/").filter(Boolean);
  return segments.includes("me") && segments.indexOf("me") < segments.length - 1 && ACTION_ON_EXISTING.test(segments[segments.length - 1] ?? "");
};

/** The default success status of a flow (MODEL.md section 1). */
export function defaultSuccess(flow: Flow, enumeration: boolean): number {
  if (flow === "async") return 202;
  if (flow === "query") return 200;
  if (flow === "delete") return 204;
  // A create whose outcome must not leak (a reset request for an unknown account) accepts, without a Location.
  if (flow === "create") return enumeration ? 202 : 201;
  return 200;
}

export function routeParamsOf(route: string): string[] {
  // A parameter starts its segment (`/:orderId`); a colon inside one is a custom method (`/api/tasks:batchUpdate`), no parameter.
  const pattern = isAscii(route) ? /(?:(?<=^|\/):([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})/g : /(?:(?<=^|\/):([\p{L}_][\p{L}\p{N}_]*)|\{([\p{L}_][\p{L}\p{N}_]*)\})/gu;
  return [...route.matchAll(pattern)].map((m) => namesOf(m[1] ?? m[2]!).camel);
}

/** The caller's own item of a collection under a resource (`/api/posts/:postId/likes/me`): its name (Like). */
export function mineChildOf(route: string): Names | undefined {
  const m = /\/(?::[^/]+|\{[^/}]+\})\/([a-z][a-z-]*s)\/(?:me|mine)\/?$/i.exec(route);
  return m ? namesOf(singularOf(m[1]!)) : undefined;
}

/**
 * The item a route's last segment collects, where it is a plural noun right after a parameter
 * (`/api/posts/:postId/comments` -> Comment); an action (`/join`, `/accept`, `/checkout`) is none, and so is a move
 * named with its items (`/api/playlists/:playlistId/reorder-tracks`: the tracks move, none is added; mend21).
 */
export function childCollectionOf(route: string): Names | undefined {
  if (movesByRouteOf(route)) return undefined;
  const segments = route.split("/").filter(Boolean);
  const [before, last] = [segments[segments.length - 2] ?? "", segments[segments.length - 1] ?? ""];
  // A list named in the singular holds entries: joining an event's waitlist adds a WaitlistEntry (TRIAL18B E9).
  if (/^(?::|\{)/.test(before) && LIST_OF_ENTRIES.test(last)) return namesOf(`${namesOf(last).pascal}Entry`);
  if (!/^[a-z][a-z-]*[^s]s$/i.test(last)) return undefined;
  // A grant made under the caller's one record (`/api/me/medical-record/shares`, `/api/me/calendar/delegates`): a new
  // Share with its own id, expiry and revocation, not a change of the record (TRIAL18A D4). Other items under /me
  // (`/api/me/cart/items`) stay part of the caller's one record.
  const grantUnderOwn = segments.length >= 3 && segments[segments.length - 3] === "me" && !/^(?::|\{)/.test(before) && GRANT_COLLECTION.test(last);
  if (!/^(?::|\{)/.test(before) && !grantUnderOwn) return undefined;
  return namesOf(singularOf(last));
}

/** Collections of grants: what another person is given access by (a share, a delegate, a grant, a permission). */
const GRANT_COLLECTION = /^(?:shares|grants|delegates|delegations|permissions|access-grants)$/i;

/** A route segment naming a list of people in the singular, whose POST adds an entry to it. */
const LIST_OF_ENTRIES = /^(?:wait-?list|waiting-list|guest-?list)$/i;

/**
 * The record of a move a POST creates between two records of the resource's kind, both named in the body
 * (`POST /api/me/transfers --resource Account` with FromAccountId and ToAccountId -> Transfer): the route has no id of
 * its own to load, so it is a create of the move, both Accounts loaded by the request's ids (movedBetweenOf), as without
 * --resource (fit12c). None where the last segment is no plural noun or the inputs name no such pair.
 */
export function moveCollectionOf(route: string, resource: Names, inputNames: readonly string[]): Names | undefined {
  const kind = resource.pascal;
  const from = inputNames.some((n) => new RegExp(`^(?:from|source)${kind}Id$`).test(n));
  const to = inputNames.some((n) => new RegExp(`^(?:to|target|destination)${kind}Id$`).test(n));
  const last = route.split("/").filter(Boolean).pop() ?? "";
  return from && to && /^[a-z][a-z-]*[^s]s$/i.test(last) ? namesOf(singularOf(last)) : undefined;
}

/**
 * The record of the caller's own a /me route names by its one parameter (`POST /api/me/api-keys/:keyId/rotate`: ApiKey;
 * `/api/me/posts/:postId/comments`: Post), named for the collection the parameter follows, else for the parameter
 * (`/api/me/:noteId`: Note). The resource where none was given: without it the plan read the caller's own data by the
 * credential alone and said there was "no foreign record to hide behind a 404", while the id names one, and another
 * user's must answer as a missing one (fix16b). Only under /me: there the record is the caller's by construction, while
 * elsewhere who may act on the one an id names (its owner, a member, anyone signed in) is the person's to say.
 * None where the route names no parameter or several (which of them is the aggregate is the person's to say).
 */
export function meRecordOfRoute(route: string, mark = meMarkOf(route)): Names | undefined {
  // `/api/me/blocked-users/:userId`: the record is the User the caller marks, the collection the caller's marks (meMarkOf).
  if (mark) return mark.record;
  const segments = route.split("/").filter(Boolean);
  const me = segments.indexOf("me");
  const params = segments.map((s, i) => (/^(?::|\{)/.test(s) ? i : -1)).filter((i) => i >= 0);
  if (me < 0 || params.length !== 1 || params[0]! < me) return undefined;
  const at = params[0]!;
  const collection = at - 1 > me ? segments[at - 1]! : undefined;
  if (collection && /^[a-z][a-z0-9-]*$/i.test(collection)) return namesOf(singularOf(collection));
  const param = routeParamsOf(`/${segments[at]!}`)[0];
  return param && /[a-z]Id$/.test(param) ? namesOf(param.slice(0, -2)) : undefined;
}

/** The caller's own marks kept as a list under /me, each keyed by the record it marks: blocked-users, favourites, following. */
const ME_MARK = /^(?:blocked(?:-[a-z]+)?|blocks|muted(?:-[a-z]+)?|mutes|favou?rites|bookmarks|following|follows|starred|stars|likes|watchlist|watching)$/i;

/**
 * A mark the caller keeps on another's record, named by a list of its own under /me and the record's id after it (`PUT
 * /api/me/blocked-users/:userId`, `/api/me/favourites/:productId`): the record is the one the id names (User, Product),
 * the mark the list's word (Block, Favourite), never a record of the caller's called BlockedUser (lead17). An id named
 * for the list's own items (`/api/me/bookmarks/:bookmarkId`) is a record of the caller's, as any under /me.
 */
export function meMarkOf(route: string): { record: Names; mark: Names; word: string; param: string } | undefined {
  const segments = route.split("/").filter(Boolean);
  const n = segments.length;
  if (n < 3 || segments[n - 3] !== "me" || !/^(?::|\{)/.test(segments[n - 1]!) || !ME_MARK.test(segments[n - 2]!)) return undefined;
  const param = routeParamsOf(`/${segments[n - 1]!}`)[0];
  if (!param || !/[a-z]Id$/.test(param)) return undefined;
  const word = segments[n - 2]!;
  // `/api/me/bookmarks/:bookmarkId` names the caller's own Bookmark record, not a mark on something else.
  if (namesOf(param.slice(0, -2)).pascal === namesOf(singularOf(word)).pascal) return undefined;
  const stem = word.toLowerCase().replace(/^(blocked|blocks).*$/, "block").replace(/^(muted|mutes).*$/, "mute").replace(/^(following|follows)$/, "follow").replace(/^(starred|stars)$/, "star").replace(/^(watchlist|watching)$/, "watch").replace(/s$/, "");
  return { record: namesOf(param.slice(0, -2)), mark: namesOf(stem), word, param };
}
