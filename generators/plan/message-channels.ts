/**
 * Which channels a use-case that sends messages uses (mail, SMS), so the plan and its tests hold it to
 * those and to no other: an e-mail-only reset request gets no SMS toll-fraud test, an SMS code no DNS
 * records of a sending domain. Said explicitly (`--capability sends-message-email`, `sends-message-sms`)
 * or inferred from the inputs: a phone number (`phone`, `mobile`, `msisdn`) means SMS; an address, or no
 * input naming either, means mail (the plan's open question asks which channels and provider).
 */
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
