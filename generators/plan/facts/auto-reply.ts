/**
 * A message the system sends on the person's behalf to whoever writes to them (an out-of-office reply, an auto-response;
 * LEAD20 O3): sent to every message, it answers another auto-reply, which answers back, without end, and a mailing
 * list's every post.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

export const autoReplyOf = (f: Pick<UseCaseFacts, "inputs" | "flow">): boolean =>
  (f.flow === "change" || f.flow === "create") && f.inputs.some((i) => /^(?:autoReply|autoResponse|autoResponder|outOfOfficeMessage|awayMessage|vacationReply|vacationMessage)(?:Text|Body|Message)?$/.test(i.names.camel));
