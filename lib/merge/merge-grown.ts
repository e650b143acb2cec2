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
import { hashOf, withoutStamp, writtenHashes } from "./written-stamp.js";

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

/**
 * What the run did with files whose base is not what was written, said so a person knows why a file changed whole
 * or kept old lines: replaced (untouched since written), or merged from this version's rendering (edited since).
 * A plan from before the hashes were kept cannot tell the two apart: every file that differs is merged.
 */
function writtenNotes(plan: string | undefined, replaced: readonly string[], staleMerged: readonly string[], blind: readonly string[]): string[] {
  if (plan === undefined) return [];
  const files = (paths: readonly string[]): string => `${paths.length} file(s) (${paths.map((p) => path.posix.basename(p)).join(", ")})`;
  const notes: string[] = [];
  if (replaced.length) notes.push(`${plan}: ${files(replaced)} as mjoplan wrote them, untouched since, though its rendering of their answers has changed (another version or templates): replaced by this run's rendering`);
  if (staleMerged.length) notes.push(`${plan}: ${files(staleMerged)} edited since mjoplan wrote them with another version or templates: merged, so a line this version writes otherwise counts as yours (see --dry-run; delete a file to take this run's whole)`);
  if (blind.length) notes.push(`${plan}: keeps no record of its files as written (an older mjoplan): ${files(blind)} that differ from this version's rendering were merged as edited by you, a line this version writes otherwise counting as yours (delete a file you never edited and plan again to take this run's whole)`);
  return notes;
}

export async function mergeWithDisk(files: readonly PlannedFile[], onDisk: ReadonlyMap<string, string>, formatter: Formatter, dest: string): Promise<MergedRun> {
  const conflicts = new Map<string, string>();
  // The hashes of the files as mjoplan wrote them, kept by the plan on disk (written-stamp.ts); merged without its stamp line.
  const planFile = files.find((f) => f.isPlan && onDisk.has(f.path));
  const hashes = planFile ? writtenHashes(onDisk.get(planFile.path)!) : undefined;
  const existing = planFile ? new Map(onDisk).set(planFile.path, withoutStamp(onDisk.get(planFile.path)!)) : onDisk;
  const asWritten = (f: PlannedFile): boolean => hashes !== undefined && hashes.get(f.path) === hashOf(existing.get(f.path)!, f.isPlan);
  // Files as an earlier mjoplan (or other templates) wrote them, replaced whole; files edited since, merged from a base that is not what was written.
  const replaced: string[] = [];
  const staleMerged: string[] = [];
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
  const embedLookup = (file: PlannedFile, ours: string) => {
    const kept = new Map(embeddedBlocks(ours).map((b) => [b.link, b.code]));
    return (link: string): string | undefined => {
      const target = path.posix.join(path.posix.dirname(file.path), pathOfLink(link));
      return merged.get(target)?.content ?? theirs.get(target) ?? existing.get(target) ?? kept.get(link);
    };
  };
  const merge = (file: PlannedFile, isPlan: boolean): void => {
    const ours = existing.get(file.path)!;
    const base = bases.get(file.path)!;
    const asBase = (isPlan ? withoutEmbeddedCode(ours) : ours) === base;
    if (asBase && (!isPlan || touched.size === 0)) {
      merged.set(file.path, { ...withoutBase(file), mode: "update" });
      return;
    }
    // Whether the kept answers render otherwise than what was written (another version or templates wrote it); a plan's
    // hash leaves its embedded code out, so its base (formatted with the code blocks empty) compares.
    const stale = hashes?.has(file.path) === true && hashOf(base, isPlan) !== hashes.get(file.path);
    // Exactly as mjoplan wrote it: nobody's lines to keep, so this run's rendering whole (where the rendering of the old
    // answers changed, the merge would have kept the old lines as a person's); a plan embeds the files' code as this run leaves them.
    if (asWritten(file)) {
      if (stale) replaced.push(file.path);
      const content = isPlan ? syncEmbedded(file.content, embedLookup(file, ours)) : file.content;
      if (content !== file.content) touched.add(file.path);
      merged.set(file.path, { ...withoutBase(file), content, mode: "update" });
      return;
    }
    if (stale) staleMerged.push(file.path);
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
    // The code blocks were merged empty: each is the code of its file as this run leaves it, or (a file
    // outside this run) the code the plan on disk has.
    if (isPlan) content = syncEmbedded(content, embedLookup(file, ours));
    touched.add(file.path);
    merged.set(file.path, { ...withoutBase(file), content, mode: m.conflicts.length ? "owned" : "update" });
  };
  for (const file of toMerge) if (!file.isPlan) merge(file, false);
  for (const file of toMerge) if (file.isPlan) merge(file, true);
  // Merged lines come from formatted files, but a table merged unpadded, or lines from both sides, need the formatter's last word.
  const formatted = new Map((await formatWith(formatter, [...merged.values()].filter((f) => touched.has(f.path)), dest)).map((f) => [f.path, { ...f, content: asLf(f.content) }]));
  const reviewed = backToDraft(files.map((f) => formatted.get(f.path) ?? merged.get(f.path) ?? withoutBase(f)), existing);
  // Without the hashes, every file left differing from this run's rendering may hold lines an older mjoplan wrote.
  const blind = hashes === undefined ? toMerge.filter((f) => (formatted.get(f.path) ?? merged.get(f.path))?.content !== f.content).map((f) => f.path) : [];
  return { files: reviewed.files, conflicts, notes: [...writtenNotes(planFile?.path, replaced, staleMerged, blind), ...reviewed.notes] };
}
