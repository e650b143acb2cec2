/**
 * What the answers say of a file imported into records, in the upload packs (TRIAL8 V11): an imported file is read only
 * by the import and never served, so the upload's "only a scanned file is released" is not its story; and where the
 * summary or a criterion already says whether one invalid row refuses the whole file (row errors reported, the valid
 * rows created), the plan states it rather than asking it. Pure.
 */
import type { LoadedPack } from "../../lib/packs/pack.js";
import type { UseCaseFacts } from "./facts.js";

// "each invalid row is reported by row number" says it too (TRIAL19C F10).
const ROW_BY_ROW = /\b(?:each|every|any) (?:invalid|bad|failed|refused|rejected) (?:row|line)s? (?:is |are )?(?:reported|listed|skipped)\b|\brow[- ]by[- ]row\b|\brow errors\b|\breports? (?:the )?(?:invalid |refused |failed |bad )?rows?\b|\bnames? row \d|\bvalid rows (?:are )?(?:imported|created|saved)\b/i;
const ALL_OR_NOTHING = /\ball[- ]or[- ]nothing\b|\bwhole file is refused\b|\bno row (?:of it )?is (?:imported|saved|created)\b/i;
const ASKED = "All or nothing, or row by row: does one invalid row refuse the whole file, or are the valid rows imported and the others reported?";

export function withImportAnswers(packs: readonly LoadedPack[], f: UseCaseFacts, said: readonly string[]): readonly LoadedPack[] {
  if (!f.importsFile) return packs;
  const words = said.join("\n");
  const given = ROW_BY_ROW.test(words) ? "row" : ALL_OR_NOTHING.test(words) ? "all" : undefined;
  return packs.map((p) => {
    if (p.name === "capability-file-upload")
      return {
        ...p,
        requirements: p.requirements?.map((r) =>
          r.key === "file-input" ? { ...r, text: "The request carries the file as multipart/form-data part `file`; it is streamed to private storage under a server-generated id, never held whole in memory, and the request answers {success} once it is stored; only the import reads it, and it is never released or served" } : r,
        ),
      };
    if (p.name === "capability-file-upload-import" && given)
      return {
        ...p,
        questions: p.questions?.filter((q) => q !== ASKED),
        requirements: p.requirements?.map((r) =>
          r.key !== "rows" ? r : { ...r, text: `${given === "row" ? "Row by row, as the answers say: the valid rows are imported and each refused one reported." : "All or nothing, as the answers say: one invalid row refuses the whole file and no row of it is saved."} ${r.text}` },
        ),
      };
    return p;
  });
}
