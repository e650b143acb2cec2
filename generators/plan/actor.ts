/**
 * Who the plan says triggers the use-case where the answers name no actor (the schema's "User"): the role a
 * role-only use-case allows ("Support agent" for `--auth roles --roles support-agent`, TRIAL11 Y6), or the sender of
 * a signed delivery, which no user calls ("Email provider" for an inbound e-mail, TRIAL11 Y16). An actor the answers
 * give is kept as given; a signed-in or anonymous person stays "User".
 */
import { planSchema, type PlanInput } from "./schema.js";
import { inboundMailOf } from "./facts/webhooks.js";
import type { UseCaseFacts } from "./facts/use-case-facts.js";

/** The default actor, as the schema says it: an answer equal to it is no actor the team chose. */
const DEFAULT_ACTOR = String(planSchema.actor.fallback);

/** A role's words as an actor's: support-agent is "Support agent", PLATFORM_ADMIN "Platform admin". */
const roleWords = (role: string): string => role.trim().replace(/[-_\s]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

const PAYMENT = /\b(?:payments?|billing|invoices?|charges?|checkout|stripe|paypal|adyen|braintree)\b/i;

/** The actor the plan names: the answers' own, else the roles of a role-only use-case, else a signed delivery's sender. */
export function actorOf(input: Pick<PlanInput, "actor" | "name">, f: Pick<UseCaseFacts, "auth" | "roles" | "relation" | "signature" | "inputs" | "route">): string {
  const given = input.actor.trim();
  if (given && given !== DEFAULT_ACTOR) return given;
  if (f.signature) {
    const words = `${f.route.replace(/[/:_-]+/g, " ")} ${input.name}`;
    return inboundMailOf(f, input.name) ? "Email provider" : PAYMENT.test(words) ? "Payment provider" : "Webhook sender";
  }
  // With a relation beside the role (an owner, or an admin), either may call: the actor stays the person.
  if (f.auth === "roles" && f.roles.length && !f.relation) {
    const words = f.roles.map(roleWords).join(" or ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return DEFAULT_ACTOR;
}
