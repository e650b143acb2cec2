/**
 * Decides, before any write, what happens to each planned file given what is on
 * disk and the conflict policy. Pure: the caller reads the disk and writes.
 */
import type { ConflictPolicy } from "../cli/run-options.js";
import type { PlannedFile } from "./planned-file.js";

export type Action = "create" | "overwrite" | "unchanged" | "skip" | "keep" | "conflict";

export interface Change {
  path: string;
  action: Action;
  /** What is on disk now, when the file exists. */
  before?: string;
  after: string;
  isPlan?: boolean;
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
  /** TODO(plan) markers in a plan's new content. */
  placeholders?: number;
}

/** Writes that change the disk. */
export const WRITES: readonly Action[] = ["create", "overwrite"];

export function decide(files: readonly PlannedFile[], existing: ReadonlyMap<string, string>, policy: ConflictPolicy): Change[] {
  return files.map((file) => {
    const before = existing.get(file.path);
    const base = { path: file.path, after: file.content, ...(file.isPlan ? { isPlan: true } : {}) };
    if (before === undefined) return { ...base, action: "create" };
    const withBefore = { ...base, before };
    if (before === file.content) return { ...withBefore, action: "unchanged" };
    // The kernel may be the team's own by now: keep it, never ask.
    if (file.mode === "create-only") return { ...withBefore, action: "keep" };
    if (file.mode === "update") return { ...withBefore, action: "overwrite" };
    const action: Action = policy === "overwrite" ? "overwrite" : policy === "skip" ? "skip" : "conflict";
    return { ...withBefore, action };
  });
}

/** One list of files for a whole batch: identical duplicates (the shared kernel) merge; different ones are an error. */
export function mergeBatch(perUseCase: Iterable<readonly PlannedFile[]>): { files: PlannedFile[]; clash?: string } {
  const byPath = new Map<string, PlannedFile>();
  for (const files of perUseCase) {
    for (const file of files) {
      const seen = byPath.get(file.path);
      if (seen && seen.content !== file.content) return { files: [], clash: file.path };
      byPath.set(file.path, file);
    }
  }
  return { files: [...byPath.values()] };
}
