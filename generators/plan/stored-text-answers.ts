/**
 * Stored text that is only a name (TRIAL11 Y12): a file's or a document's name, a title, a label is shown on pages, so
 * it is encoded there (stored XSS), but nobody writes Markdown or links into it: where every stored text input is
 * such a name, the stored-text pack neither asks about formatting and moderation nor speaks of links made clickable.
 * Prose (a comment's body, a bio, a note) keeps both. Pure.
 */
import type { LoadedPack } from "../../lib/packs/pack.js";
import type { UseCaseFacts } from "./facts.js";

/** A name, title or label: one line a page shows, never formatted. */
const NAME_LIKE = /(?:name|title|label|headline|caption|tagline|subject)$/i;
const LINKS_CLAUSE = "; where links in it are made clickable, only http and https, with rel=\"nofollow ugc noopener\"";

export const namesOnlyOf = (f: Pick<UseCaseFacts, "storedText">): boolean => f.storedText.length > 0 && f.storedText.every((n) => NAME_LIKE.test(n.camel));

export function withStoredTextAnswers(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  if (!namesOnlyOf(f)) return packs;
  return packs.map((p) =>
    p.name !== "stored-text"
      ? p
      : {
          ...p,
          requirements: p.requirements?.map((r) => ({ ...r, text: r.text.replace(LINKS_CLAUSE, "") })),
          threats: p.threats?.map((t) => ({ ...t, mitigation: t.mitigation.replace(", links limited to http and https", "") })),
          questions: [],
        },
  );
}
