/**
 * What a use-case's name says about its endpoint, for the interactive defaults: "Archive project" is a state change
 * of an existing Project (POST /api/projects/:projectId/archive), not the create that POST /api/archive-project
 * would plan (TRIAL5). Enter at every question then plans what the name says; a person sees each default and can
 * change it. Flags and answers files keep their documented defaults (CONTRACT.md): nothing is guessed there.
 */
import { namesOf, singularOf } from "./names.js";

export interface NameDefaults {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  route: string;
  /** The aggregate the request acts on, when it names an existing one. */
  resource?: string;
}

/** Verbs that move an existing resource to another state: POST to a sub-resource named by the verb. */
const STATE_VERBS = new Set(["archive", "unarchive", "cancel", "close", "reopen", "approve", "reject", "publish", "unpublish", "suspend", "activate", "deactivate", "lock", "unlock", "complete", "confirm", "restore", "submit", "accept", "decline", "pause", "resume", "ban", "unban", "block", "unblock", "disable", "enable", "revoke", "withdraw", "verify"]);
const READ_VERBS = new Set(["get", "show", "view", "read", "fetch"]);
const LIST_VERBS = new Set(["list", "search", "browse"]);
const UPDATE_VERBS = new Set(["update", "edit", "rename", "change", "modify"]);
const DELETE_VERBS = new Set(["delete", "remove"]);
const CREATE_VERBS = new Set(["create", "add", "new", "register"]);
/** Verbs that put a whole new one in place of the caller's own: "Upload my avatar" is PUT /api/me/avatar (TRIAL7 U15). */
const SET_VERBS = new Set(["upload", "set", "replace"]);
/**
 * Verbs that set the caller's own mark on one record, and their un- forms that remove it (TRIAL11 Y7): "Like a post" is
 * PUT /api/posts/:postId/like on a Post, "Unlike a post" the DELETE of it; the mark is the caller's, one per record.
 */
const MARK_VERB = /^(un)?(like|star|bookmark|follow|favou?rite|upvote|downvote)$/i;
/** Verbs that hand the caller's own thing out as it is: "Download my invoice" reads it. */
const FETCH_VERBS = new Set(["download"]);
/** Verbs whose noun is the record a request makes: "Transfer money between my accounts" makes a transfer (TRIAL7 U15). */
const NOUN_VERBS = new Set(["transfer", "export", "import", "payment", "order", "request", "report", "upload", "share"]);

/** A singular noun's plural, the usual English way (project -> projects, category -> categories, address -> addresses). */
function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return word.replace(/y$/i, "ies");
  if (/(?:s|sh|ch|x|z)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Words that tie the object to what it belongs to: "Add comment to post", "List invoices of a team". */
const BELONGS_TO = new Set(["of", "to", "in", "for", "on", "from"]);
const ARTICLE = /^(?:a|an|the|my|all|one)$/i;
/** Nouns said with "of" that are one thing (a document, a fact of a person), never an X of a Y the request names. */
const ONE_NOUN_OF = new Set(["terms of service", "terms of use", "terms of sale", "code of conduct", "proof of concept", "proof of address", "proof of identity", "date of birth", "place of birth", "country of residence", "statement of work", "bill of materials", "point of sale", "power of attorney", "letter of intent", "certificate of incorporation", "chart of accounts"]);
/** What a caller agrees to: a document of ours in a version, not a record with an id of its own. */
const AGREED = /\b(?:terms(?: of (?:service|use|sale))?|conditions|policy|policies|agreement|eula|code of conduct|privacy notice)$/i;

/**
 * "Accept the latest terms of service", "Agree to the privacy policy" (TRIAL11 Y9): the signed-in caller records its own
 * acceptance of a document we publish, a new record under /api/me (POST /api/me/terms-of-service-acceptances), never a
 * state of a record the route names by id. "Latest", "current", "new" say which version, not what is accepted.
 */
function acceptanceOf(verb: string, rest: readonly string[]): NameDefaults | undefined {
  if (!/^(?:accept|agree)$/i.test(verb)) return undefined;
  const words = rest.filter((w, i) => !(i === 0 && /^to$/i.test(w))).filter((w) => !/^(?:a|an|the|my|latest|current|new|updated|revised)$/i.test(w));
  const noun = words.join(" ");
  return words.length && AGREED.test(noun) ? { method: "POST", route: `/api/me/${namesOf(noun).kebab}-acceptances` } : undefined;
}

/** Verbs that make a new thing in a collection; an invitation is made by "invite" whatever it invites. */
const INVITE_VERBS = new Set(["invite"]);

/**
 * The defaults a name's verb and object give, or undefined where it names no verb of these (Book room, Request password
 * reset). "My" puts the endpoint under /api/me, found by the credential, whatever the verb (Cancel my subscription: POST
 * /api/me/subscription/cancel; Upload my avatar: PUT /api/me/avatar; Rotate my API key: POST /api/me/api-key/rotate;
 * Transfer money between my accounts: POST /api/me/transfers); "of/to/in/for/on/from a Y" nests it under the Y it
 * belongs to, which becomes the resource read for access (List invoices of a team: GET /api/teams/:teamId/invoices on a
 * Team; of my team: /api/me/team/invoices).
 */
export function nameDefaultsOf(name: string): NameDefaults | undefined {
  // "Mark ... as ..." is planned as a state of one resource, or not at all: "mark" is no object (TRIAL8 V12).
  if (MARKED.test(name.trim())) return markedOf(name);
  const said = name.trim().split(/\s+/);
  // A sign-out of the caller's devices ends its sessions (TRIAL10 X3): under /api/me, whatever the words say the devices are.
  const signOut = signOutOf(said);
  if (signOut) return signOut;
  const words = said;
  const verb = words[0]?.toLowerCase() ?? "";
  const mine = /^my$/i.test(words[1] ?? "");
  const rest = words.slice(1);
  // "terms of service", "date of birth": one noun, not an X of a Y it belongs to (TRIAL11 Y9).
  const at = rest.findIndex((w, i) => i > 0 && BELONGS_TO.has(w.toLowerCase()) && !ONE_NOUN_OF.has(`${rest[i - 1]} ${w} ${rest[i + 1] ?? ""}`.toLowerCase()));
  // "my" later in the name, not after of/to/in...: what the verb makes, under the caller's own (Transfer money between my accounts: POST /api/me/transfers).
  const myAt = rest.findIndex((w, i) => i > 0 && /^my$/i.test(w));
  if (myAt > 0 && (at < 0 || myAt !== at + 1) && NOUN_VERBS.has(verb)) return { method: "POST", route: `/api/me/${plural(verb)}` };
  // "Archive my project", "Cancel the order", "List all invoices": the object without its article or "my".
  const object = (at < 0 ? rest : rest.slice(0, at)).filter((w, i) => !(i === 0 && ARTICLE.test(w)));
  const owner = at < 0 ? [] : rest.slice(at + 1).filter((w, i) => !(i === 0 && ARTICLE.test(w)));
  if (!object.length || (at >= 0 && !owner.length)) return undefined;
  const accepted = acceptanceOf(verb, words.slice(1));
  if (accepted) return accepted;
  if (mine) return atMe(verb, object);
  if (owner.length) return under(verb, object, owner, /^my$/i.test(rest[at + 1] ?? ""));
  const last = object[object.length - 1]!;
  if (LIST_VERBS.has(verb)) {
    const one = namesOf([...object.slice(0, -1), singularOf(last)].join(" "));
    return { method: "GET", route: `/api/${namesOf(object.join(" ")).kebab}`, resource: one.pascal };
  }
  const one = namesOf(object.join(" "));
  // A noun said with "of" (code of conduct) is plural in its head: codes-of-conduct.
  const head = object.findIndex((w, i) => i > 0 && /^of$/i.test(w)) - 1;
  const collection = `/api/${namesOf(head >= 0 ? object.map((w, i) => (i === head ? plural(w) : w)).join(" ") : [...object.slice(0, -1), plural(last)].join(" ")).kebab}`;
  const item = `${collection}/:${one.camel}Id`;
  if (STATE_VERBS.has(verb)) return { method: "POST", route: `${item}/${verb}`, resource: one.pascal };
  const mark = MARK_VERB.exec(verb);
  if (mark) return { method: mark[1] ? "DELETE" : "PUT", route: `${item}/${mark[2]!.toLowerCase()}`, resource: one.pascal };
  if (READ_VERBS.has(verb)) return { method: "GET", route: item, resource: one.pascal };
  if (UPDATE_VERBS.has(verb)) return { method: "PATCH", route: item, resource: one.pascal };
  if (DELETE_VERBS.has(verb)) return { method: "DELETE", route: item, resource: one.pascal };
  if (CREATE_VERBS.has(verb)) return { method: "POST", route: collection };
  return undefined;
}

/**
 * "Sign out of all my other devices", "Log out everywhere": the caller's own sessions, revoked (TRIAL10 X3), all but the
 * request's own where the name says other; never a create at /api/sign-out-of-... . A plain "Sign out" (this session
 * only) keeps the documented default.
 */
function signOutOf(words: readonly string[]): NameDefaults | undefined {
  if (!/^(?:sign|log)$/i.test(words[0] ?? "") || !/^out$/i.test(words[1] ?? "")) return undefined;
  const rest = words.slice(2).join(" ").toLowerCase();
  if (!/\b(?:devices?|sessions?|everywhere|browsers?)\b/.test(rest)) return undefined;
  return { method: "POST", route: /\bother\b/.test(rest) ? "/api/me/sessions/revoke-others" : "/api/me/sessions/revoke-all" };
}

/** "Mark a notification as read", "Flag a comment as spam": a verb phrase that sets a state of one resource. */
const MARKED = /^(?:mark|flag)\s+(.+?)\s+as\s+([A-Za-z]+(?:[ -][A-Za-z]+)?)$/i;

/**
 * A state the name says to mark the resource with (TRIAL8 V12): POST to a sub-resource named by the state, on the
 * resource, as a state verb's is (Mark a notification as read: POST /api/notifications/:notificationId/read on a
 * Notification; Mark my task as done: POST /api/me/task/done). Only one resource: many at once (Mark all notifications as
 * read) is a bulk change the name alone does not plan, so the documented defaults stand there.
 */
function markedOf(name: string): NameDefaults | undefined {
  const m = MARKED.exec(name.trim());
  if (!m) return undefined;
  const object = m[1]!.split(/\s+/);
  const head = (object.findIndex((w, i) => i > 0 && BELONGS_TO.has(w.toLowerCase())) + 1 || object.length + 1) - 1;
  const last = object[head - 1] ?? "";
  if (/^all$/i.test(object[0] ?? "") || singularOf(last) !== last) return undefined;
  // As a state verb would plan it, the state's name in place of the verb's.
  const state = nameDefaultsOf(`close ${m[1]}`);
  return state?.method === "POST" && state.route.endsWith("/close") ? { ...state, route: `${state.route.slice(0, -"close".length)}${namesOf(m[2]!).kebab}` } : undefined;
}

/**
 * The caller's own thing, under /api/me, found by the caller's id from the credential: the resource is named (without it
 * a POST plans a create), and no route parameter names one (Cancel my subscription changes the caller's Subscription).
 */
function atMe(verb: string, object: readonly string[]): NameDefaults | undefined {
  const own = `/api/me/${namesOf(object.join(" ")).kebab}`;
  const last = object[object.length - 1]!;
  const resource = namesOf([...object.slice(0, -1), singularOf(last)].join(" ")).pascal;
  if (STATE_VERBS.has(verb)) return { method: "POST", route: `${own}/${verb}`, resource };
  if (READ_VERBS.has(verb) || LIST_VERBS.has(verb) || FETCH_VERBS.has(verb)) return { method: "GET", route: own, resource };
  if (UPDATE_VERBS.has(verb)) return { method: "PATCH", route: own, resource };
  if (DELETE_VERBS.has(verb)) return { method: "DELETE", route: own, resource };
  // A new one of the caller's: a create, the caller its owner.
  if (CREATE_VERBS.has(verb)) return { method: "POST", route: own };
  if (SET_VERBS.has(verb)) return { method: "PUT", route: own, resource };
  // An export is a record of its own the request makes (Export my data: POST /api/me/exports), not a state of the data.
  if (verb === "export") return { method: "POST", route: "/api/me/exports" };
  // Any other verb acts on the caller's own as a state verb does (Rotate my API key: POST /api/me/api-key/rotate on its ApiKey), whatever the verb (TRIAL7 U15).
  return /^[a-z]+$/.test(verb) ? { method: "POST", route: `${own}/${verb}`, resource } : undefined;
}

/** The object in the collection of the thing it belongs to, which is the resource read for access. */
function under(verb: string, object: readonly string[], owner: readonly string[], mine = false): NameDefaults | undefined {
  const parent = namesOf(owner.join(" "));
  const last = owner[owner.length - 1]!;
  // The caller's own Y ("Add a card to my wallet") is under /api/me, found by the credential: no id of it in the route.
  const base = mine ? `/api/me/${parent.kebab}` : `/api/${namesOf([...owner.slice(0, -1), plural(singularOf(last))].join(" ")).kebab}/:${parent.camel}Id`;
  const objectLast = object[object.length - 1]!;
  const many = namesOf([...object.slice(0, -1), plural(singularOf(objectLast))].join(" ")).kebab;
  const one = namesOf([...object.slice(0, -1), singularOf(objectLast)].join(" "));
  const item = `${base}/${many}/:${one.camel}Id`;
  if (LIST_VERBS.has(verb)) return { method: "GET", route: `${base}/${many}`, resource: parent.pascal };
  if (INVITE_VERBS.has(verb)) return { method: "POST", route: `${base}/invitations`, resource: parent.pascal };
  if (CREATE_VERBS.has(verb)) return { method: "POST", route: `${base}/${many}`, resource: parent.pascal };
  if (STATE_VERBS.has(verb)) return { method: "POST", route: `${item}/${verb}`, resource: parent.pascal };
  if (READ_VERBS.has(verb)) return { method: "GET", route: item, resource: parent.pascal };
  if (UPDATE_VERBS.has(verb)) return { method: "PATCH", route: item, resource: parent.pascal };
  if (DELETE_VERBS.has(verb)) return { method: "DELETE", route: item, resource: parent.pascal };
  // Any other verb does something to the Y it belongs to, named by the verb and its object (Transfer ownership of a
  // workspace: POST /api/workspaces/:workspaceId/transfer-ownership on a Workspace, TRIAL10 X5); a verb that makes a
  // record of its own (export, upload) is left to the documented default; a transfer of something of a Y acts on the Y.
  return /^[a-z]+$/.test(verb) && (verb === "transfer" || !NOUN_VERBS.has(verb)) ? { method: "POST", route: `${base}/${namesOf([verb, ...object.filter((w, i) => !(i === 0 && ARTICLE.test(w)))].join(" ")).kebab}`, resource: parent.pascal } : undefined;
}

/**
 * The aggregate a typed route names by its one id parameter (`/api/posts/:postId/like`: Post), offered at the resource
 * question when the route is not the one the name proposed (TRIAL11 Y7). None where the route names no id or several
 * (which of a team's and a member's ids is the aggregate is the person's to say).
 */
export function resourceOfRoute(route: string): string | undefined {
  const ids = [...route.matchAll(/\/(?::|\{)([A-Za-z][A-Za-z0-9]*?)Id\}?(?=\/|$)/g)];
  const params = route.match(/\/(?::|\{)/g) ?? [];
  return ids.length === 1 && params.length === 1 ? namesOf(ids[0]![1]!).pascal : undefined;
}
