/**
 * The caller's own mark on a record (TRIAL11 Y8, Y20): a like, a bookmark, a follow, set by a PUT and removed by a
 * DELETE of one word after the record's id (the facts' ownMark). What a reviewer of one asks: one row per (caller, record) kept
 * by a unique key, so a double click or a retry counts once and two members at once both count; a count on the record
 * moved atomically, never by writing the record whole; a second unlike answered as the first. Texts are final Markdown.
 * Pure.
 */
import type { LoadedPack } from "../../lib/packs/pack.js";
import { code, md } from "../../lib/render/escape.js";
import { privateMark, type UseCaseFacts } from "./facts.js";
import { pluralOf } from "./names.js";

export function ownMarkPacks(f: UseCaseFacts): LoadedPack[] {
  const mark = f.ownMark;
  if (!mark || !f.resource) return [];
  const [m, r] = [md(mark.names.pascal), md(f.resource.pascal)];
  // A count the answer gives (likeCount) is the one moved; else "a count kept on the record", if it keeps one.
  const countField = f.response.find((x) => /count$|total$/i.test(x.camel));
  const count = countField ? code(countField.camel) : `a count of ${pluralOf(m)} kept on the ${r}, if it keeps one,`;
  const removes = f.flow === "delete";
  // A block or a mute is the caller's private business: no count of them on the record, no one shown who set one.
  const quiet = privateMark(mark.names);
  return [
    {
      name: "answers-own-mark",
      description: `The caller's own ${mark.names.pascal} of the ${f.resource.pascal}, one per caller and ${f.resource.pascal}`,
      source: "built-in",
      file: "(the answers)",
      requirements: removes
        ? [
            {
              kind: "fr",
              text: `The handler deletes the caller's own ${m} of the ${r}, if there is one; the ${r} and other callers' ${pluralOf(m)} stay. A caller who has none (never set it, or a second click) is answered ${f.success} all the same: nothing changes and no event is emitted.`,
              tests: [{ kind: "integration", title: `answers ${f.success} again when the caller has no ${mark.names.pascal} of the ${f.resource.pascal}, and changes nothing and emits no event` }],
            },
            ...(quiet ? [] : [{
              kind: "fr" as const,
              text: `${count[0]!.toUpperCase()}${count.slice(1)} moves by an atomic decrement in the transaction that deletes the ${m}, only when one was deleted (never for a repeat, never below zero); the ${r} is never read and written whole.`,
              tests: [{ kind: "integration" as const, title: `two callers removing their ${pluralOf(mark.names.pascal)} of one ${f.resource.pascal} at once: both are gone and the count fell by two` }],
            }]),
          ]
        : [
            {
              kind: "fr",
              text: `${code(f.endpoint)} sets the caller's own ${m} of the ${r}: one row per caller and ${r} (a unique key on both ids), inserted unless already there. A repeat (a second click, a retry) changes nothing, saves nothing, emits no event and answers as the first.`,
              tests: [{ kind: "integration", title: `a second ${f.method} by the same caller keeps one ${mark.names.pascal} and emits no second event` }],
            },
            ...(quiet ? [] : [{
              kind: "fr" as const,
              text: `Two members setting their ${m} of one ${r} at once both count: neither reads and writes the ${r} whole, and ${count} moves by an atomic increment (\`SET n = n + 1\`) in the transaction that inserts the ${m}, or is counted from the rows.`,
              tests: [{ kind: "integration" as const, title: `two callers setting their ${mark.names.pascal} of one ${f.resource.pascal} at once: both are kept and the count grew by two` }],
            }]),
          ],
      threats: removes
        ? []
        : [
            {
              category: "Tampering",
              element: "Repository",
              threat: `Two requests of one caller at once (a double click, a retry) both find no ${m} and insert two, counting the caller twice`,
              mitigation: `A unique constraint on (caller, ${r}): the second insert finds the first and changes nothing (INSERT ... ON CONFLICT DO NOTHING), and only an inserted row moves the count`,
              tests: [{ kind: "integration", title: `two ${f.method}s of one caller at once leave one ${mark.names.pascal} and count it once` }],
            },
          ],
      questions: removes || quiet ? [] : [`Who may see who set a ${m} on a ${r} (its author, everyone, no one but the caller), and does the ${r}'s author hear of it?`],
    },
  ];
}
