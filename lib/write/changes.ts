/**
 * Decides, before any write, what happens to each planned file given what is on
 * disk and the conflict policy. Pure: the caller reads the disk and writes.
 */
import type { ConflictPolicy } from "../cli/run-options.js";
import { InputError } from "../errors.js";
import { addMissing } from "../merge/additive.js";
import { writtenHashOf } from "../merge/written-stamp.js";
import type { PlannedFile } from "./planned-file.js";
import { RecordFile } from "./record-file.js";

export type Action = "create" | "overwrite" | "unchanged" | "skip" | "keep" | "conflict";

export interface Change {
  path: string;
  action: Action;
  /** What is on disk now, when the file exists. */
  before?: string;
  after: string;
  isPlan?: boolean;
  /** The new content as bytes, where the file came so (PlannedFile.bytes; not enumerable): what is written. */
  readonly bytes?: Uint8Array;
  /** TODO(plan) markers of a plan's new content, where counted already (not enumerable). */
  readonly placeholders?: number;
  /** A kept file's upgrade: what was added to it (declarations, `fn().property`), nothing in it changed. */
  added?: string[];
  /** What a kept file lacks and could not be added without changing what is there: for a person to add. */
  leftOut?: string[];
}

/**
 * A change as a run's report keeps it. A writing batch keeps no text: each
 * use-case's files are staged on disk as they are rendered, and the report
 * keeps the path, the action and, for plans, the count of gap markers.
 */
export interface ReportedChange {
  path: string;
  action: Action;
  before?: string;
  after?: string;
  isPlan?: boolean;
  added?: string[];
  leftOut?: string[];
  /** TODO(plan) markers in a plan's new content. */
  placeholders?: number;
}

/** Writes that change the disk. */
export const WRITES: readonly Action[] = ["create", "overwrite"];

export function decide(files: readonly PlannedFile[], existing: ReadonlyMap<string, string>, policy: ConflictPolicy): Change[] {
  return files.map((file) => {
    const before = existing.get(file.path);
    if (before === undefined) return created(file);
    const base = { path: file.path, after: file.content, ...(file.isPlan ? { isPlan: true } : {}) };
    const withBefore = { ...base, before };
    if (before === file.content) return { ...withBefore, action: "unchanged" };
    // The kernel may be the team's own by now: keep it, never ask; a port or fake added since it was written is added to it.
    if (file.mode === "create-only") {
      const upgrade = file.additive ? addMissing(before, file.content) : undefined;
      const leftOut = upgrade?.leftOut.length ? { leftOut: upgrade.leftOut } : {};
      return upgrade?.added.length ? { ...withBefore, after: upgrade.content, action: "overwrite", added: upgrade.added, ...leftOut } : { ...withBefore, action: "keep", ...leftOut };
    }
    if (file.mode === "update") return { ...withBefore, action: "overwrite" };
    const action: Action = policy === "overwrite" ? "overwrite" : policy === "skip" ? "skip" : "conflict";
    return { ...withBefore, action };
  });
}

/**
 * A new file's change. A file that came as bytes keeps them, and its text is decoded only if something
 * reads `after` (a dry run's diff, a report that keeps text): a batch's writes then never make the text.
 */
function created(file: PlannedFile): Change {
  if (file.bytes === undefined) return { path: file.path, after: file.content, ...(file.isPlan ? { isPlan: true } : {}), action: "create" };
  const change = Object.defineProperty({ path: file.path } as Change, "after", { enumerable: true, configurable: true, get: () => file.content });
  if (file.isPlan) change.isPlan = true;
  change.action = "create";
  return Object.defineProperties(change, {
    bytes: { value: file.bytes },
    ...(file.placeholders !== undefined ? { placeholders: { value: file.placeholders } } : {}),
  });
}

/** FNV-1a over a path's UTF-16 units, cut to 30 bits: a small integer, which a Set holds without a box. */
export function pathHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

/**
 * The one rule for the files of a batch, which every run applies to each use-case's
 * files as they are built: the shared kernel (create-only files, the same text from
 * every use-case) is written once; any other path that two use-cases bring is an
 * error (the same name twice, or a typo). The kernel's few files are remembered
 * whole; of every other path only a 30-bit hash is kept in memory, and the paths
 * themselves in a record file on disk, read only to confirm a hash seen twice:
 * a batch of 5,000 use-cases holds a few bytes per file, not the files' names.
 */
export class BatchFiles {
  private readonly kernel = new Map<string, string>();
  private readonly hashes = new Set<number>();
  private readonly paths = new RecordFile();
  /** Files two use-cases brought with the same content (a context's shared value object), by path: their hash. Few. */
  private readonly shared = new Map<string, string>();
  /** Each plan's path in lower case (hashed) and its path's own hash: two plans one letter case apart are one file on macOS and Windows. */
  private readonly plansFolded = new Map<number, number>();

  /**
   * `useCases`: how many the batch has, where known. With one, no file can be brought twice by two use-cases, and
   * no file is hashed here: the stamp hashes the plan first, whose hash compiles the loop the other files then use.
   */
  constructor(private readonly useCases?: number) {}

  /** The files of one use-case that the batch has not had yet; throws InputError on a clash. */
  fresh(files: readonly PlannedFile[]): PlannedFile[] {
    const out: PlannedFile[] = [];
    const mine = new Set<string>();
    for (const file of files) {
      const kept = this.kernel.get(file.path);
      if (kept !== undefined) {
        if (kept !== file.content || file.mode !== "create-only") throw clash(file.path, "different content to ");
        continue;
      }
      if (mine.has(file.path)) throw clash(file.path, "");
      mine.add(file.path);
      if (file.mode === "create-only") {
        this.kernel.set(file.path, file.content);
        out.push(file);
        continue;
      }
      const h = pathHash(file.path);
      // Only a stub may be shared: one where the layout gives a context's use-cases one folder (TRIAL4 V24), as planning
      // them one at a time finds it unchanged. A plan is one use-case's (the same plan twice is the same entry twice),
      // and a grown file is merged with its own use-case's.
      const shareable = this.useCases !== 1 && file.mode === "owned" && !file.isPlan;
      const hash = shareable ? writtenHashOf(file) : "";
      const earlier = this.shared.get(file.path) ?? (this.hashes.has(h) ? this.seen(file.path) : undefined);
      if (earlier !== undefined) {
        if (!shareable || earlier === "") throw clash(file.path, "");
        if (earlier !== hash) throw new InputError(file.path, "two use-cases of this batch share this file and write it differently: give what they share (a value object's rule, an event's fields) the same in both, or another name");
        // Written once, by the use-case that brought it first.
        this.shared.set(file.path, hash);
        continue;
      }
      if (file.isPlan && this.useCases !== 1) this.caseTwin(file.path, h);
      this.hashes.add(h);
      this.paths.append(JSON.stringify([file.path, hash]));
      out.push(file);
    }
    return out;
  }

  /**
   * Refuses a plan whose path differs from an earlier plan's of the batch only in letter case ("ResetPassword" and
   * "Resetpassword"): on a case-insensitive file system (macOS, Windows) the second overwrites the first, and a
   * checkout of both collides (USER21 V5). Hashes first; the record file is read only on a hit.
   */
  private caseTwin(rel: string, h: number): void {
    const folded = rel.toLowerCase();
    const fh = pathHash(folded);
    const earlier = this.plansFolded.get(fh);
    if (earlier !== undefined && earlier !== h) {
      for (const l of this.paths.lines()) {
        const other = (JSON.parse(l) as [string, string])[0];
        if (other !== rel && other.toLowerCase() === folded) {
          throw new InputError(rel, `two use-cases of this batch would write plans whose paths differ only in letter case (${other}): one file on macOS and Windows; give one of them another name`);
        }
      }
    }
    this.plansFolded.set(fh, h);
  }

  /** The content hash recorded with `rel` ("" for a file that is not shared), or undefined where the batch had no such file. */
  private seen(rel: string): string | undefined {
    const head = `[${JSON.stringify(rel)},`;
    for (const l of this.paths.lines()) if (l.startsWith(head)) return (JSON.parse(l) as [string, string])[1];
    return undefined;
  }

  /** Frees the record file. */
  close(): void {
    this.paths.close();
  }
}

const clash = (rel: string, what: string): InputError => new InputError(rel, `two use-cases of this batch would write ${what}the same file (same name?)`);

/** One list of files for a whole batch, by the rule of BatchFiles (which the pipeline applies as it goes). */
export function mergeBatch(perUseCase: Iterable<readonly PlannedFile[]>): PlannedFile[] {
  const batch = new BatchFiles();
  try {
    return [...perUseCase].flatMap((files) => batch.fresh(files));
  } finally {
    batch.close();
  }
}
