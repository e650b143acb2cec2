/**
 * A run that grows a use-case renders all its files again from the grown answers, each with the
 * `base` the old answers render to; here each file that is on disk is merged three ways (base, the
 * disk, the new rendering), so what a person wrote stays and every generated part is what `plan`
 * writes for those answers. Base goes through the repository's formatter first, as the new files
 * did, so formatting is no difference; plans embed the merged test files' code again afterwards,
 * and the merged files are formatted once more (tables are merged unpadded).
 *
 * A clean merge is an update of the file (written, like any edit mjoplan makes in place). A merge
 * where the person and the new answers changed the same lines is a conflict under the run's policy:
 * its content holds the new lines there (what --force writes), and the places are named.
 */
import path from "node:path";
import { embeddedBlocks, frontValue } from "../check/plan-facts.js";
import { syncEmbedded } from "../check/sync-plan.js";
import { pathOfLink } from "../link-text.js";
import { asLf } from "../text-form.js";
import { formatWith, type Formatter } from "../format/format-files.js";
import type { PlannedFile } from "../write/planned-file.js";
import { mergeFile, withoutEmbeddedCode } from "./merge-file.js";
import { placesOf } from "./three-way.js";

interface MergedRun {
  files: PlannedFile[];
  /** Path -> the places both sides changed ("lines 36-37, 120"), for the conflict message. */
  conflicts: Map<string, string>;
  /** Lines to say: a plan that was approved, changed by this run, is set back to draft. */
  notes?: string[];
}

/** The statuses a review gave: a plan the run changes loses them, so `check --require approved` holds only for what was reviewed. */
const REVIEWED = new Set(["approved", "implemented"]);

/** A merged plan that changes one a reviewer approved goes back to draft, said in a note (TRIAL3 U26). */
function backToDraft(files: PlannedFile[], existing: ReadonlyMap<string, string>): { files: PlannedFile[]; notes: string[] } {
  const notes: string[] = [];
  const out = files.map((f) => {
    const disk = existing.get(f.path);
    if (!f.isPlan || disk === undefined || f.content === disk) return f;
    const front = /^---\n([\s\S]*?)\n---\n/.exec(f.content);
    const status = front ? frontValue(front[1]!, "status") : undefined;
    if (!front || status === undefined || !REVIEWED.has(status)) return f;
    notes.push(`${f.path}: was ${status}; this run changes it, so its status is set back to draft for review`);
    const draft = front[0].replace(/^status:.*$/m, "status: draft");
    return { ...f, content: draft + f.content.slice(front[0].length) };
  });
  return { files: out, notes };
}

const withoutBase = ({ base: _base, ...file }: PlannedFile): PlannedFile => file;

/** Whether two plans embed the same code, block by block. */
function sameCode(a: string, b: string): boolean {
  const [x, y] = [embeddedBlocks(a), embeddedBlocks(b)];
  return x.length === y.length && x.every((block, i) => block.link === y[i]!.link && block.code === y[i]!.code);
}

export async function mergeWithDisk(files: readonly PlannedFile[], existing: ReadonlyMap<string, string>, formatter: Formatter, dest: string): Promise<MergedRun> {
  const conflicts = new Map<string, string>();
  const differ = (f: PlannedFile): boolean => f.base !== undefined && existing.has(f.path) && existing.get(f.path) !== f.content;
  const anyCode = files.some((f) => !f.isPlan && differ(f));
  // A plan is merged when it differs, or when a file it embeds is merged (its copy of that file then changes too).
  const toMerge = files.filter((f) => differ(f) || (anyCode && f.isPlan && f.base !== undefined && existing.has(f.path)));
  if (!toMerge.length) return { files: files.map(withoutBase), conflicts };
  // A plan's base without its embedded code: that code is not merged, and formatting it would cost most of the time.
  // Compared with the disk's text as LF (lib/text-form.ts), whatever line ends the formatter writes.
  const bases = new Map((await formatWith(formatter, toMerge.map((f) => ({ ...withoutBase(f), content: f.isPlan ? withoutEmbeddedCode(f.base!) : f.base! })), dest)).map((f) => [f.path, asLf(f.content)]));
  const theirs = new Map(files.map((f) => [f.path, f.content]));
  const merged = new Map<string, PlannedFile>();
  // Files a person changed: merged, then formatted once more. A file as mjoplan left it is simply the new one.
  const touched = new Set<string>();
  const merge = (file: PlannedFile, isPlan: boolean): void => {
    const ours = existing.get(file.path)!;
    const base = bases.get(file.path)!;
    if ((isPlan ? withoutEmbeddedCode(ours) : ours) === base && (!isPlan || touched.size === 0)) {
      merged.set(file.path, { ...withoutBase(file), mode: "update" });
      return;
    }
    // The new answers render this file as the old ones did: the merge is the file as the person left it, to the byte
    // (run through the merge, a table row they padded their own way would come back in mjoplan's form). A plan
    // qualifies only while the code it embeds is the code this run writes (a test file's new code is embedded again).
    if ((isPlan ? withoutEmbeddedCode(file.content) === base && touched.size === 0 && sameCode(ours, file.content) : file.content === base)) {
      merged.set(file.path, { ...withoutBase(file), content: ours, mode: "update" });
      return;
    }
    const m = mergeFile(base, ours, file.content, isPlan);
    if (m.conflicts.length) conflicts.set(file.path, placesOf(m.conflicts));
    let content = m.content;
    if (isPlan) {
      // The code blocks were merged empty: each is the code of its file as this run leaves it, or (a file
      // outside this run) the code the plan on disk has.
      const kept = new Map(embeddedBlocks(ours).map((b) => [b.link, b.code]));
      content = syncEmbedded(content, (link) => {
        const target = path.posix.join(path.posix.dirname(file.path), pathOfLink(link));
        return merged.get(target)?.content ?? theirs.get(target) ?? existing.get(target) ?? kept.get(link);
      });
    }
    touched.add(file.path);
    merged.set(file.path, { ...withoutBase(file), content, mode: m.conflicts.length ? "owned" : "update" });
  };
  for (const file of toMerge) if (!file.isPlan) merge(file, false);
  for (const file of toMerge) if (file.isPlan) merge(file, true);
  // Merged lines come from formatted files, but a table merged unpadded, or lines from both sides, need the formatter's last word.
  const formatted = new Map((await formatWith(formatter, [...merged.values()].filter((f) => touched.has(f.path)), dest)).map((f) => [f.path, { ...f, content: asLf(f.content) }]));
  const reviewed = backToDraft(files.map((f) => formatted.get(f.path) ?? merged.get(f.path) ?? withoutBase(f)), existing);
  return { files: reviewed.files, conflicts, notes: reviewed.notes };
}
