/**
 * The "Applied because" words of the Why table in the user's own words: packs match the capabilities as resolved
 * (`sends-message` becomes `sends-message-email` by the inputs; `secret-link` gains its end, `secret-link-issue`), and
 * a reason naming only the resolved one reads as if the user had typed it (TRIAL6 U15). A resolved capability is
 * named by the one given, with what it was taken as; one no given capability stands for is said to come from the answers.
 */
const CAPABILITY = "capability ";

/** `given`: the capabilities as the user gave them (flags, answers). */
export function reasonsInGivenWords(reasons: readonly string[], given: readonly string[]): string[] {
  return reasons.map((reason) => (reason.startsWith(CAPABILITY) ? CAPABILITY + capabilitiesSaid(reason.slice(CAPABILITY.length).split(", "), given) : reason));
}

function capabilitiesSaid(hits: readonly string[], given: readonly string[]): string {
  const said: string[] = [];
  for (const hit of hits) {
    if (given.includes(hit)) {
      if (!said.includes(hit)) said.push(hit);
      continue;
    }
    // A refinement of one given (sends-message -> sends-message-email), or the family of one given (secret-link-issue -> secret-link).
    const from = given.find((c) => hit.startsWith(`${c}-`)) ?? given.find((c) => c.startsWith(`${hit}-`));
    if (from === undefined) said.push(`${hit} (from the answers)`);
    else if (hit.startsWith(`${from}-`)) said.push(`${from} (taken as ${hit})`);
    else if (!hits.includes(from) && !said.includes(from)) said.push(`${from} (a kind of ${hit})`);
  }
  return said.join(", ");
}
