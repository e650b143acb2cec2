/**
 * Bodies of the rate-limit tests: the limit, per account and per client, its window, an unknown target.
 */
import { messageAudienceOf } from "../message-channels.js";
import { parseRule } from "../rules.js";
import type { Facts } from "./body-facts.js";
import type { BodyKey } from "./body-keys.js";
import { body, person, repeatable, type Resolution, type Resolver, valid, variantExpr } from "./resolution.js";

/**
 * Where a signed-in sender is told of the per-recipient cap (a 429 of its own), requests that test the
 * endpoint's rate limit each go to another recipient, so only the rate limit refuses: the recipient
 * input and a valid value differing with `i`. Undefined where the cap answers as usual (nothing to avoid).
 */
function recipientVariant(f: Facts): { field: string; variant: string } | undefined {
  if (!f.h.messages?.told) return undefined;
  const input = f.h.inputs.find((i) => parseRule(i.rule).kind === "email") ?? f.h.inputs.find((i) => /phone|mobile|msisdn/i.test(i.name));
  const variant = input && variantExpr(input);
  return input && variant ? { field: input.name, variant } : undefined;
}

/** What a rate-limit test of a told sender needs when it cannot vary the recipient, else undefined. */
const toRecipients = (f: Facts): Resolution | undefined =>
  f.h.messages?.told && !messageAudienceOf(f.facts.capabilities, "") && !recipientVariant(f) && f.h.rateLimit.limit > f.h.messages.recipientCapPerHour
    ? person(`distinct valid recipients for ${f.h.rateLimit.limit + 1} requests: past ${f.h.messages.recipientCapPerHour} messages to one recipient the cap answers 429 of its own`)
    : undefined;

export const RATE_LIMIT_BODIES = {
  "rate-limit-exceeded": (f) => valid(f) ?? toRecipients(f) ?? body("rate-limit-exceeded", ["seed", "problem"], { repeatable: repeatable(f), vary: recipientVariant(f) }),
  "rate-limit-per-account": (f) =>
    valid(f) ??
    toRecipients(f) ??
    (f.facts.access === "anonymous" && !f.target ? person("an account to count by: an anonymous caller names none in its inputs") : body("rate-limit-per-account", ["seed", "problem"], { repeatable: repeatable(f), vary: recipientVariant(f) })),
  "rate-limit-per-client": (f) => {
    const v = valid(f);
    if (v) return v;
    if (f.facts.access !== "anonymous") return body("rate-limit-per-client", ["problem"], { varyCaller: true });
    const variant = f.target && variantExpr(f.target);
    return variant && f.target
      ? body("rate-limit-per-client", ["problem"], { varyCaller: false, field: f.target.name, variant })
      : person("distinct valid values of the account an anonymous caller names, which the generator cannot derive from its rule");
  },
  // A per-click action's limit lets a person's clicks through (rate-limit-per-click, fit13b).
  "rate-limit-clicks": (f) => valid(f) ?? body("rate-limit-clicks", ["seed"], { repeatable: repeatable(f) }),
  "rate-limit-window-reset": (f) => valid(f) ?? toRecipients(f) ?? body("rate-limit-window-reset", ["seed"], { repeatable: repeatable(f), vary: recipientVariant(f) }),
  "rate-limit-unknown-target": (f) => valid(f) ?? (f.target ? body("rate-limit-unknown-target", ["problem"], { what: f.facts.enumeration ?? "target" }) : person(`the input that names the ${f.facts.enumeration ?? "target"}`)),
} satisfies Partial<Record<BodyKey, Resolver>>;
