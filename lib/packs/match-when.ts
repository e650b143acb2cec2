/**
 * Whether a pack's `when` holds for the facts, and the facts that made it hold
 * ("flow is query"), for the plan's "why these items". Every key given must
 * hold; a list means any of its values.
 */
import type { PackFacts, PackWhen } from "./pack.js";

export interface WhenVerdict {
  applies: boolean;
  reasons: string[];
}

/** How a yes/no fact reads in a reason, when it holds and when it does not. */
const WORDS: Record<string, [string, string]> = {
  async: ["finished by a job", "answered in the request"],
  resource: ["loads a resource", "loads no resource"],
  enumeration: ["existence must not leak", "no existence to hide"],
  pii: ["handles personal data", "no personal data"],
  audit: ["audit trail asked for", "no audit trail asked for"],
  scheduledCommand: ["schedules a command", "schedules no command"],
  events: ["emits domain events", "emits no events"],
  self: ["the caller acts on itself", "the caller does not act on itself"],
  inputs: ["the request carries inputs", "the request carries no inputs"],
};

const anyOf = <T>(wanted: T | T[]): T[] => (Array.isArray(wanted) ? wanted : [wanted]);

export function matchWhen(when: PackWhen | undefined, facts: PackFacts): WhenVerdict {
  const reasons: string[] = [];
  for (const [key, wanted] of Object.entries(when ?? {}) as [keyof PackWhen, unknown][]) {
    if (wanted === undefined) continue;
    let holds: boolean;
    let reason: string;
    switch (key) {
      case "capability": {
        const hit = anyOf(wanted as string | string[]).filter((c) => facts.capabilities.includes(c));
        holds = hit.length > 0;
        reason = `capability ${hit.join(", ")}`;
        break;
      }
      case "relation": {
        holds = facts.relation !== undefined && anyOf(wanted as string | string[]).includes(facts.relation);
        reason = `relation is ${facts.relation}`;
        break;
      }
      case "flow":
      case "method":
      case "auth": {
        const actual = facts[key];
        holds = anyOf(wanted as string | string[]).some((w) => w.toLowerCase() === actual.toLowerCase());
        reason = `${key} is ${actual}`;
        break;
      }
      default: {
        const actual = facts[key];
        holds = actual === wanted;
        const words = WORDS[key] ?? [`${key}`, `not ${key}`];
        reason = actual ? words[0] : words[1];
        break;
      }
    }
    if (!holds) return { applies: false, reasons: [] };
    reasons.push(reason);
  }
  return { applies: true, reasons };
}
