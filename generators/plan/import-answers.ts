/**
 * What the answers say of a file imported into records, as pack facts and values (TRIAL8 V11): an imported file is read
 * only by the import and never served, so the upload's "only a scanned file is released" is not its story
 * ({uploadKept}); and where the summary or a criterion already says whether one invalid row refuses the whole file (row
 * errors reported, the valid rows created), the plan states it ({importRowsAnswer}) rather than asking it
 * (importRowsAnswered: capability-file-upload-import-rows-asked is left out). Pure.
 */
import type { PackPlaceholder } from "../../lib/packs/pack.js";
import type { UseCaseFacts } from "./facts.js";

// "each invalid row is reported by row number" says it too (TRIAL19C F10).
const ROW_BY_ROW = /\b(?:each|every|any) (?:invalid|bad|failed|refused|rejected) (?:row|line)s? (?:is |are )?(?:reported|listed|skipped)\b|\brow[- ]by[- ]row\b|\brow errors\b|\breports? (?:the )?(?:invalid |refused |failed |bad )?rows?\b|\bnames? row \d|\bvalid rows (?:are )?(?:imported|created|saved)\b/i;
const ALL_OR_NOTHING = /\ball[- ]or[- ]nothing\b|\bwhole file is refused\b|\bno row (?:of it )?is (?:imported|saved|created)\b/i;

/** Whether the words say one invalid row refuses the whole file ("all") or the valid rows are imported ("row"), for an import. */
export function importRowsAnsweredOf(f: Pick<UseCaseFacts, "importsFile">, said: readonly string[]): "row" | "all" | undefined {
  if (!f.importsFile) return undefined;
  const words = said.join("\n");
  return ROW_BY_ROW.test(words) ? "row" : ALL_OR_NOTHING.test(words) ? "all" : undefined;
}

/** The values the upload and import packs read: where the stored file goes and who reads it, and the rows' answer if given. */
export function importAnswerValues(f: Pick<UseCaseFacts, "importsFile" | "success">, rows: "row" | "all" | undefined): Partial<Record<PackPlaceholder, string>> {
  return {
    uploadKept: f.importsFile
      ? `private storage under a server-generated id, never held whole in memory, and the request answers ${f.success} once it is stored; only the import reads it, and it is never released or served`
      : `quarantine storage under a server-generated id, never held whole in memory, the request answers ${f.success} once it is stored, and only a scanned file is released`,
    importRowsAnswer: rows === "row" ? "Row by row, as the answers say: the valid rows are imported and each refused one reported. " : rows === "all" ? "All or nothing, as the answers say: one invalid row refuses the whole file and no row of it is saved. " : "",
  };
}
