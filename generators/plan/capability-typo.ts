/**
 * A capability one typo off a known one (`send-message`, `file-uplaod`) is refused with the name
 * meant, at its prompt or as bad input: accepted, it would add nothing (no pack knows it) and the
 * plan would lack the whole pack, said only by a warning after every question. A name near none is
 * a team's own and stays a warning (facts.ts warningsOf), as the README says.
 */
import { nearest } from "../../lib/measure/nearest.js";
import { SECRET_LINK_ROLES } from "./facts.js";
import { AUDIENCE_CAPABILITIES, CHANNEL_CAPABILITIES, isMessageRefinement } from "./message-channels.js";
import { BUILT_IN_CAPABILITIES } from "./schema.js";

/** The first capability no pack knows that is near one some pack knows, as a problem, or undefined. `known`: the packs' capabilities. */
export function capabilityTypo(capabilities: unknown, known: readonly string[]): { flag: string; problem: string } | undefined {
  if (!Array.isArray(capabilities)) return undefined;
  // A built-in name is never a typo, even where the config switches its pack off.
  const names = [...new Set([...BUILT_IN_CAPABILITIES, ...known, ...Object.values(SECRET_LINK_ROLES), ...CHANNEL_CAPABILITIES, ...AUDIENCE_CAPABILITIES])];
  for (const c of capabilities) {
    if (typeof c !== "string" || names.includes(c)) continue;
    const meant = nearest(c, names);
    if (meant) return { flag: `capability ${c}`, problem: `no pack knows ${JSON.stringify(c)}; did you mean ${JSON.stringify(meant)}? (a team's own capability is declared by a pack in .mjoplan/packs)` };
  }
  return undefined;
}

/**
 * A capability neither `known` (the packs' and the facts' capabilities) nor a refinement of one names: a team's own
 * no pack declares, so it adds nothing. One warning each, decided by the capabilities alone, so said as soon as given.
 */
export function unknownCapabilityWarnings(capabilities: readonly string[], known: readonly string[]): string[] {
  const refinement = (c: string): boolean => Object.values(SECRET_LINK_ROLES).includes(c) || isMessageRefinement(c);
  return capabilities
    .filter((c) => !known.includes(c) && !refinement(c))
    .map((c) => `--capability ${c}: no pack knows it (built in: ${BUILT_IN_CAPABILITIES.join(", ")}); a team pack in .mjoplan/packs must declare it, or it adds nothing`);
}
