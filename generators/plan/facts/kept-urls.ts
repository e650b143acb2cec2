/**
 * URLs a write keeps that the plan never calls (TRIAL9 W13): a webhook endpoint registered without
 * `--capability external-call`, an avatar URL on a profile. Whether the server will ever fetch one (a delivery, a
 * link preview, an image imported or resized) decides whether it is an SSRF path, so the plan asks. A URL the caller
 * is sent to next (ReturnTo) is input-redirect's; one the use-case calls is capability-external-call-url's.
 */
import { type Names, namesOf } from "../names.js";
import type { Rule } from "../rules.js";
import type { Flow } from "../../../lib/packs/pack.js";

export function keptUrlsOf(flow: Flow, valueObjects: readonly { name: string; rule: Rule }[], capabilities: readonly string[], redirect?: Names): Names[] {
  if ((flow !== "create" && flow !== "change") || capabilities.includes("external-call")) return [];
  return valueObjects.filter((v) => v.rule.kind === "url" && namesOf(v.name).camel !== redirect?.camel).map((v) => namesOf(v.name));
}
