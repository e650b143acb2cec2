/**
 * Flags about how a run writes, not what it generates. Shared by every
 * command that writes files; never asked, never read from answers files.
 */
import { choice, flag, text } from "../schema/fields.js";
import type { InputOf, Schema } from "../schema/field.js";
import { FORMAT_MODES } from "../format/format-files.js";

export const CONFLICT_POLICIES = ["fail", "skip", "overwrite"] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

export const runSchema = {
  answers: text({ flag: "answers", description: "JSON or YAML file: one use-case object or an array (a batch); or a plan mjoplan wrote (its kept answers); flags beside it win", valueHint: "file", ask: false }),
  dest: text({ flag: "dest", description: "Folder to write into", valueHint: "dir", fallback: ".", ask: false }),
  dryRun: flag({ flag: "dry-run", description: "Show what would be created, skipped or overwritten, with diffs; write nothing", ask: false }),
  onConflict: choice({ flag: "on-conflict", description: "When a file exists and differs", choices: CONFLICT_POLICIES, fallback: "fail", ask: false }),
  force: flag({ flag: "force", description: "Same as --on-conflict overwrite", ask: false }),
  format: choice({ flag: "format", description: "Prettier: auto (where the repository uses Prettier), always, or never", choices: FORMAT_MODES, fallback: "auto", ask: false }),
  json: flag({ flag: "json", description: "Print a machine-readable summary", ask: false }),
  verbose: flag({ flag: "verbose", description: "List every file of a batch, not only the summary", ask: false }),
  debug: flag({ flag: "debug", description: "Print the stack of an unexpected error", ask: false }),
  help: flag({ flag: "help", description: "Show the flags", ask: false }),
} satisfies Schema;

export type RunOptions = InputOf<typeof runSchema>;

/**
 * The run flags a generator takes: one whose schema asks nothing (kernel) has no answers to read, and offering
 * --answers there only led to "unknown key (expected one of )" for any file (USER19 U3).
 */
export function runFlagsOf(schema: Schema): Schema {
  if (Object.keys(schema).length) return runSchema;
  const { answers: _answers, ...rest } = runSchema;
  return rest;
}
