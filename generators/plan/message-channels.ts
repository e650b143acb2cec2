/**
 * Which channels a use-case that sends messages uses (mail, SMS), so the plan and its tests hold it to
 * those and to no other: an e-mail-only reset request gets no SMS toll-fraud test, an SMS code no DNS
 * records of a sending domain. Said explicitly (`--capability sends-message-email`, `sends-message-sms`)
 * or inferred from the inputs: a phone number (`phone`, `mobile`, `msisdn`) means SMS; an address, or no
 * input naming either, means mail (the plan's open question asks which channels and provider).
 */
import { isAscii } from "../../lib/is-ascii.js";

export type MessageChannel = "email" | "sms";
/** The capabilities that name a channel; each also means `sends-message`. */
const MESSAGE_CHANNELS: Record<MessageChannel, string> = { email: "sends-message-email", sms: "sends-message-sms" };
const CHANNELS = Object.keys(MESSAGE_CHANNELS) as MessageChannel[];

const isPhone = (camel: string): boolean => /phone|mobile|msisdn/i.test(camel);
const isAddress = (camel: string): boolean => /e-?mail/i.test(camel);

export function messageChannelsOf(capabilities: readonly string[], inputNames: readonly string[]): MessageChannel[] {
  const said = CHANNELS.filter((c) => capabilities.includes(MESSAGE_CHANNELS[c]));
  if (said.length) return said;
  if (!capabilities.includes("sends-message")) return [];
  const sms = inputNames.some(isPhone);
  return sms && !inputNames.some(isAddress) ? ["sms"] : sms ? ["email", "sms"] : ["email"];
}

/** The capabilities as packs see them: each channel's beside `sends-message` (and `sends-message` beside a channel given alone). */
export function capabilitiesWithChannels(capabilities: readonly string[], channels: readonly MessageChannel[]): string[] {
  if (!channels.length) return [...capabilities];
  const named = new Set(Object.values(MESSAGE_CHANNELS));
  const out = capabilities.filter((c) => !named.has(c));
  if (!out.includes("sends-message")) out.push("sends-message");
  out.splice(out.indexOf("sends-message") + 1, 0, ...channels.map((c) => MESSAGE_CHANNELS[c]));
  return out;
}

/** The capabilities that name a channel, known to the built-in packs. */
export const CHANNEL_CAPABILITIES: readonly string[] = Object.values(MESSAGE_CHANNELS);

/** A capability that names a channel, known to the built-in packs. */
export const isChannelCapability = (c: string): boolean => CHANNEL_CAPABILITIES.includes(c);

/**
 * Who receives a message, where it is not someone the request names (an address among the inputs) or the
 * record it acts on (its owner): a fixed inbox of ours (a contact form sending to the sales team:
 * `sends-message-internal`), or a stored audience (a newsletter to every subscriber: `sends-message-bulk`).
 * Per-recipient caps and message bombing belong to named recipients only: a cap on the sales inbox silently
 * drops leads, and a newsletter is one send to many, not many sends to one (REVIEW3 Q21, Q48).
 */
export type MessageAudience = "internal" | "bulk";
const MESSAGE_AUDIENCES: Record<MessageAudience, string> = { internal: "sends-message-internal", bulk: "sends-message-bulk" };
export const AUDIENCE_CAPABILITIES: readonly string[] = Object.values(MESSAGE_AUDIENCES);

/** A stored audience in the use-case's words: a newsletter, a campaign, marketing mail, a digest (mail sent on a schedule to all who get it), a message to every subscriber. A notice to all members of a meeting is none (REVIEW4 Q48). */
const BULK = /\bnewsletters?\b|\bbroadcasts?\b|\bcampaigns?\b|\bmailing.?lists?\b|\b(?:marketing|promotional) (?:e-?mails?|messages?|mailings?)\b|\bdigests?\b|\b(?:every|all)(?: of)?(?: the| its| our| their)? (?:[a-z-]+ )?subscribers?\b/i;
/** A fixed inbox of ours in the use-case's words: a message to the sales team, the support desk, a contact form (never just "to the team": an invitation to a team names its recipient). */
const INTERNAL = /\bto (?:the|our) (?:sales|support|marketing|billing|success|operations|ops|security|legal|hr|help|service|customer[- ]service|press|privacy|compliance)(?: [a-z-]+)? (?:team|desk|department|inbox|mailbox)\b|\bto (?:our|the company's|a shared) (?:inbox|mailbox)\b|\bcontact[- ](?:form|messages?|us)\b/i;

/**
 * BULK and INTERNAL for ASCII text, lowercased once: without /i each compiles in about half the time (V8 compiles a
 * pattern when it first runs, and again to machine code when it runs a second time), and neither runs where the text
 * holds none of the words each of its alternatives needs. The same answer: under /i an ASCII letter of a pattern
 * matches only itself in either case, which lowercasing ASCII text keeps in place; text beyond ASCII (where lowercasing
 * makes ASCII of some letters: the Kelvin sign, a dotted capital I) runs the patterns themselves
 * (__tests__/ascii-twins.property.test.ts).
 */
const BULK_LOWER = /\bnewsletters?\b|\bbroadcasts?\b|\bcampaigns?\b|\bmailing.?lists?\b|\b(?:marketing|promotional) (?:e-?mails?|messages?|mailings?)\b|\bdigests?\b|\b(?:every|all)(?: of)?(?: the| its| our| their)? (?:[a-z-]+ )?subscribers?\b/;
const BULK_NEEDS = ["newsletter", "broadcast", "campaign", "mailing", "marketing", "promotional", "subscriber", "digest"];
const INTERNAL_LOWER = /\bto (?:the|our) (?:sales|support|marketing|billing|success|operations|ops|security|legal|hr|help|service|customer[- ]service|press|privacy|compliance)(?: [a-z-]+)? (?:team|desk|department|inbox|mailbox)\b|\bto (?:our|the company's|a shared) (?:inbox|mailbox)\b|\bcontact[- ](?:form|messages?|us)\b/;
const INTERNAL_NEEDS = ["team", "desk", "department", "inbox", "mailbox", "contact"];

/**
 * Words of a person subscribing or signing up to something, or unsubscribing from it (a newsletter, a mailing list),
 * the verb and not the noun ("one-click unsubscribe" is a newsletter's own link): the request's message is its
 * confirmation to the address it names, never the newsletter sent to every subscriber ("Subscribe to the newsletter"
 * with double opt-in mails one address a link: no opt-in of the recipient yet, no suppression list, no send to a list).
 */
const SUBSCRIBES = /\b(?:subscrib(?:e|es|ing)|sign(?:s|ing)? up)\b[^.;]*?\bto\b|\bunsubscrib(?:e|es|ing) from\b/i;

/** The audience the words name; the last words' answer is kept (the facts ask twice of the same words). */
let lastWords: { words: string; audience: MessageAudience | undefined } | undefined;
function audienceInWords(words: string): MessageAudience | undefined {
  if (lastWords?.words === words) return lastWords.audience;
  let audience: MessageAudience | undefined;
  if (SUBSCRIBES.test(words)) audience = INTERNAL.test(words) ? "internal" : undefined;
  else if (isAscii(words)) {
    const lower = words.toLowerCase();
    const says = (needs: readonly string[], pattern: RegExp): boolean => needs.some((n) => lower.includes(n)) && pattern.test(lower);
    audience = says(BULK_NEEDS, BULK_LOWER) ? "bulk" : says(INTERNAL_NEEDS, INTERNAL_LOWER) ? "internal" : undefined;
  } else audience = BULK.test(words) ? "bulk" : INTERNAL.test(words) ? "internal" : undefined;
  lastWords = { words, audience };
  return audience;
}

/** Said explicitly (`--capability sends-message-internal` or `sends-message-bulk`), or read from the use-case's name, summary and route. */
export function messageAudienceOf(capabilities: readonly string[], words: string): MessageAudience | undefined {
  const said = (Object.keys(MESSAGE_AUDIENCES) as MessageAudience[]).find((a) => capabilities.includes(MESSAGE_AUDIENCES[a]));
  if (said) return said;
  if (!capabilities.some((c) => c === "sends-message" || CHANNEL_CAPABILITIES.includes(c))) return undefined;
  return audienceInWords(words);
}

/** The capabilities with the audience's beside `sends-message` and its channels (replacing one given). */
export function capabilitiesWithAudience(capabilities: readonly string[], audience: MessageAudience | undefined): string[] {
  const out = capabilities.filter((c) => !AUDIENCE_CAPABILITIES.includes(c));
  if (!audience) return out;
  if (!out.includes("sends-message")) out.push("sends-message");
  let at = out.indexOf("sends-message") + 1;
  while (at < out.length && CHANNEL_CAPABILITIES.includes(out[at]!)) at++;
  out.splice(at, 0, MESSAGE_AUDIENCES[audience]);
  return out;
}

/** A capability that refines sends-message (a channel, an audience), known to the built-in packs. */
export const isMessageRefinement = (c: string): boolean => CHANNEL_CAPABILITIES.includes(c) || AUDIENCE_CAPABILITIES.includes(c);
