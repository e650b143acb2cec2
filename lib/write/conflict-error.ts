import { GenerationError } from "../errors.js";

/** Files that exist and differ, under --on-conflict fail: nothing was written. */
export class ConflictError extends GenerationError {
  readonly paths: string[];

  constructor(paths: string[]) {
    super(
      `${paths.length} file${paths.length === 1 ? "" : "s"} exist${paths.length === 1 ? "s" : ""} and differ${paths.length === 1 ? "s" : ""}, nothing was written: ${paths.join(", ")} ` +
        "(use --on-conflict skip or overwrite, --force, or --dry-run to see the diffs)",
    );
    this.name = "ConflictError";
    this.paths = paths;
  }
}
