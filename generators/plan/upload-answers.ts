/**
 * What the answers say of an upload, in the file-upload packs (TRIAL7 U7): the size limit the answers give is
 * the one the plan states (the pack's 25 MB default only where they give none), the answers' own 413 and 415
 * errors are the size and type checks' (the pack's FileTooLarge and FileTypeNotAllowed are not named beside them),
 * and the pack asks only what the answers leave open. Pure.
 */
import type { LoadedPack } from "../../lib/packs/pack.js";
import { uploadErrorsOf, type UseCaseFacts } from "./facts.js";

const UPLOAD_PACKS = new Set(["capability-file-upload", "capability-file-upload-direct"]);
const MIB = 1024 * 1024;

export function withUploadAnswers(packs: readonly LoadedPack[], f: UseCaseFacts): readonly LoadedPack[] {
  const upload = f.upload ?? f.directUpload;
  if (!upload) return packs;
  const errors = uploadErrorsOf(f);
  const given = new Set([...(errors.size ? [413] : []), ...(errors.type ? [415] : [])]);
  const limit = upload.maxBytes;
  if (!given.size && limit === undefined && !upload.typesGiven) return packs;
  const question = (q: string): string | undefined => {
    if (!/the types needed/.test(q)) return q;
    if (upload.typesGiven && limit !== undefined) return undefined;
    if (limit !== undefined) return "Are {uploadTypes} the types needed?";
    if (upload.typesGiven) return "Is {uploadLimitMegabytes} MB the right maximum?";
    return q;
  };
  return packs.map((p) =>
    !UPLOAD_PACKS.has(p.name)
      ? p
      : {
          ...p,
          // The limit in MB (MiB) as the texts say it: 5242880 bytes is 5 MB; a limit in plain bytes keeps two decimals.
          ...(limit !== undefined && p.settings ? { settings: p.settings.map((s) => (s.name === "uploadLimitMegabytes" ? { ...s, value: Math.round((limit / MIB) * 100) / 100 } : s)) } : {}),
          ...(p.errors ? { errors: p.errors.filter((e) => !given.has(e.status)) } : {}),
          ...(p.statuses ? { statuses: p.statuses.filter((s) => !given.has(s.status)) } : {}),
          ...(p.questions ? { questions: p.questions.flatMap((q) => question(q) ?? []) } : {}),
        },
  );
}
