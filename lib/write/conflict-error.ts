import { GenerationError } from "../errors.js";
import type { RunReport } from "../run/pipeline.js";

/** The paths a message names: a batch may conflict on thousands of files, and the message stays one readable line. */
const SHOWN = 10;
const named = (paths: string[]): string => (paths.length > SHOWN ? `${paths.slice(0, SHOWN).join(", ")} and ${paths.length - SHOWN} more` : paths.join(", "));

/** Files that exist and differ, under --on-conflict fail: nothing was written. */
export class ConflictError extends GenerationError {
  readonly paths: string[];
  /** What the run found, conflicts included, for --json to print as a dry run would (nothing was written). */
  readonly report: RunReport | undefined;

  /** `merged`: path -> the places where a person and a grown use-case changed the same lines ("lines 36-37"). */
  constructor(paths: string[], merged: ReadonlyMap<string, string> = new Map(), report?: RunReport) {
    const both = paths.filter((p) => merged.has(p));
    super(
      both.length
        ? `${paths.length} file${paths.length === 1 ? "" : "s"} changed by you where this run changes ${paths.length === 1 ? "it" : "them"} too, nothing was written: ${named(paths.map((p) => (merged.has(p) ? `${p} (${merged.get(p)})` : p)))} ` +
            "(--force takes this run's lines there and keeps your other edits; --dry-run shows the diffs)"
        : `${paths.length} file${paths.length === 1 ? "" : "s"} exist${paths.length === 1 ? "s" : ""} and differ${paths.length === 1 ? "s" : ""}, nothing was written: ${named(paths)} ` +
            "(use --on-conflict skip or overwrite, --force, or --dry-run to see the diffs)",
    );
    this.name = "ConflictError";
    this.paths = paths;
    this.report = report;
  }
}
