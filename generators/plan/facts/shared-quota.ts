/**
 * A limited quota the use-case takes from a record other than its resource (TRIAL9 W7): a coupon's uses left, a
 * product's stock, an event's seats, taken while changing the caller's Cart. Two callers hold two Carts, so the Cart's
 * version check never meets them: the quota needs its own atomic conditional update (and a unique constraint for
 * "once per customer"), and the plan asks when it is taken and given back. Read from the summary, the criteria and
 * the errors' words; where those words name the resource as the holder (the Event's seats when the Event is the
 * resource), the resource's own checked change already guards it, so nothing is said here.
 */
import type { UseCaseFacts } from "./use-case-facts.js";

/** Words of a limited, shared amount being used up: uses left or run out, stock, seats, capacity, a quota, "the last one", a person's leave balance (TRIAL18A D15). */
const QUOTA = /\b(?:uses?\s+(?:left|remaining|run\s+out|runs\s+out|are\s+used\s+up)|used\s+up|(?:one|last|single)\s+(?:use|seat|ticket|unit|item|place|spot)s?\s+left|(?:in|out\s+of)\s+stock|stock\s+(?:left|runs?\s+out|level|available|on\s+hand)|available\s+stock|sold\s+out|seats?\s+(?:left|remaining|available)|remaining\s+(?:uses|seats|stock|places|spots|capacity)|capacity|quota|redemption\s+limit|max(?:imum)?\s+(?:uses|redemptions)|(?:leave|holiday|vacation|pto|time[- ]off)\s+(?:balance|allowance|entitlement)|(?:days?|hours?)\s+(?:left|remaining))\b/i;

/** Whether the words say a limited shared amount is taken, and do not make the resource its holder. */
export function sharedQuotaOf(f: Pick<UseCaseFacts, "resource" | "flow">, words: string): boolean {
  if (!f.resource || f.flow === "query") return false;
  const resource = f.resource.kebab.replace(/-/g, " ");
  // The clause that speaks of the quota, where it makes the resource the holder: "the event has no seats left", "the
  // event's seats", "seats left in the event", "event capacity". A resource merely named in it is no holder: "the
  // quantity in the cart would exceed the stock available", "... and the cart is unchanged" (TRIAL17B B11).
  const holder = [
    new RegExp(`\\b${resource}'s\\b`, "i"),
    new RegExp(`\\b(?:the|this|that|an?)\\s+${resource}\\s+(?:still\\s+)?(?:has|have|holds?)\\b`, "i"),
    new RegExp(`\\b${resource}\\s+(?:capacity|stock|seats?|quota|places|spots|tickets)\\b`, "i"),
    // "a sold-out product is back in stock", "the product is in stock": the resource's own stock, which a request for an
    // alert when it comes back takes nothing of (LEAD21 B2).
    new RegExp(`\\b(?:the|this|that|an?)\\s+(?:[\\w-]+\\s+)?${resource}\\s+(?:is|are)\\s+(?:\\w+\\s+)?(?:in|out\\s+of)\\s+stock\\b`, "i"),
  ];
  const after = new RegExp(`\\b(?:of|in|on|for|at)\\s+(?:the|this|that|an?)\\s+${resource}s?\\b`, "i");
  const holds = (c: string): boolean => holder.some((h) => h.test(c)) || after.test(c.slice(c.search(QUOTA)));
  const clauses = words.split(/[.;:\n]|,\s+(?:and|but)\b|\b(?:until|while|unless|as long as)\b/).filter((c) => QUOTA.test(c));
  return clauses.length > 0 && !clauses.some(holds);
}
