/**
 * Free text a write keeps for people to read later (TRIAL9 W1): a comment's body, a profile's bio or display name, a
 * booking's note, a room's name. Shown in a page, it is where stored XSS lives: kept as the caller wrote it and
 * encoded where it is rendered, which the stored-text pack says. Only text inputs (the `string` rule) named for prose
 * or a name count; a secret, a key, a code or a machine value (a time zone, a locale, a type) is not read by people
 * as text, and a sign-in's or a webhook delivery's inputs are not kept as content, save a delivered e-mail's: its body
 * and subject (an inbound reply added to a ticket) are written by anyone who can send mail, and shown to agents
 * (TRIAL11 Y13).
 */
import { type Names, namesOf } from "../names.js";
import type { Rule } from "../rules.js";
import type { Flow } from "../../../lib/packs/pack.js";

const PROSE = /(?:body|text|comment|content|message|bio|biography|description|note|notes|title|name|reason|summary|caption|subject|about|remarks?|feedback|review|answer|question|label|headline|tagline|details|instructions)$/i;
const NOT_PROSE = /(?:id|ids|token|code|password|passphrase|secret|key|hash|signature|slug|zone|locale|currency|country|language|type|types|status|mime|email)$/i;

/** What a delivered e-mail carries for people to read: its body (text or HTML) and subject, by the provider's names. */
const MAIL_PROSE = /^(?:(?:text|html|plain|stripped)?(?:body|text|html)|(?:body|stripped)(?:text|html|plain)|subject|(?:message|mail|email)(?:body|text|html))$/i;

export function storedTextOf(flow: Flow, valueObjects: readonly { name: string; rule: Rule }[], notContent: boolean, signedDelivery = false): Names[] {
  if ((flow !== "create" && flow !== "change") || notContent) return [];
  return valueObjects.filter((v) => v.rule.kind === "string" && PROSE.test(v.name) && !NOT_PROSE.test(v.name) && (!signedDelivery || MAIL_PROSE.test(v.name))).map((v) => namesOf(v.name));
}
