/**
 * What a use-case's name says about its endpoint, for the interactive defaults: "Archive project" is a state change
 * of an existing Project (POST /api/projects/:projectId/archive), not the create that POST /api/archive-project
 * would plan (TRIAL5). Enter at every question then plans what the name says; a person sees each default and can
 * change it. Flags and answers files keep their documented defaults (CONTRACT.md): nothing is guessed there.
 */
import { namesOf } from "./names.js";

export interface NameDefaults {
  method: "GET" | "POST" | "PATCH" | "DELETE";
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

/** A plural noun's singular, for the usual English endings (invoices -> invoice, categories -> category, addresses -> address). */
function singular(word: string): string {
  if (/ies$/i.test(word)) return word.replace(/ies$/i, "y");
  if (/(?:ss|sh|ch|x|z)es$/i.test(word)) return word.replace(/es$/i, "");
  if (/[^s]s$/i.test(word)) return word.replace(/s$/i, "");
  return word;
}
/** A singular noun's plural, the usual English way (project -> projects, category -> categories, address -> addresses). */
function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return word.replace(/y$/i, "ies");
  if (/(?:s|sh|ch|x|z)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The defaults a name's leading verb gives, or undefined where it names no verb of these (Book room, Request password reset). */
export function nameDefaultsOf(name: string): NameDefaults | undefined {
  const words = name.trim().split(/\s+/);
  const verb = words[0]?.toLowerCase() ?? "";
  // "Archive my project", "Cancel the order", "List all invoices": the object without its article or "my".
  const object = words.slice(1).filter((w, i) => !(i === 0 && /^(?:a|an|the|my|all|one)$/i.test(w)));
  // The caller's own (Update my profile) is found by the credential under /me: no foreign resource to guess.
  if (!object.length || /^my$/i.test(words[1] ?? "")) return undefined;
  const last = object[object.length - 1]!;
  if (LIST_VERBS.has(verb)) {
    const one = namesOf([...object.slice(0, -1), singular(last)].join(" "));
    return { method: "GET", route: `/api/${namesOf(object.join(" ")).kebab}`, resource: one.pascal };
  }
  const one = namesOf(object.join(" "));
  const collection = `/api/${namesOf([...object.slice(0, -1), plural(last)].join(" ")).kebab}`;
  const item = `${collection}/:${one.camel}Id`;
  if (STATE_VERBS.has(verb)) return { method: "POST", route: `${item}/${verb}`, resource: one.pascal };
  if (READ_VERBS.has(verb)) return { method: "GET", route: item, resource: one.pascal };
  if (UPDATE_VERBS.has(verb)) return { method: "PATCH", route: item, resource: one.pascal };
  if (DELETE_VERBS.has(verb)) return { method: "DELETE", route: item, resource: one.pascal };
  if (CREATE_VERBS.has(verb)) return { method: "POST", route: collection };
  return undefined;
}
