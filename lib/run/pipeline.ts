/**
 * One run of a generator: build every file in memory, check every path, compare
 * with the disk, then write all or nothing. The CLI and the plopfile's action
 * both come through here.
 */
import { readFile, realpath, rmdir } from "node:fs/promises";
import path from "node:path";
import type { ConflictPolicy } from "../cli/run-options.js";
import { GenerationError, InputError } from "../errors.js";
import type { BuildContext, GeneratorDefinition } from "../generator.js";
import type { InputOf, Schema } from "../schema/field.js";
import { decide, mergeBatch, type Change } from "../write/changes.js";
import { commit, Interrupted } from "../write/commit.js";
import { ConflictError } from "../write/conflict-error.js";
import { checkDest, makeDest } from "../write/dest.js";
import { lockDest, type DestLock, type Journal } from "../write/lock.js";
import type { PlannedFile } from "../write/planned-file.js";
import { checkNoEscape, checkRelative } from "../write/inside.js";
import { forEachLimit } from "../write/limit.js";
import { formatFiles, type FormatMode } from "../format/format-files.js";
import { catchingSignals } from "./interrupts.js";

export interface RunSettings {
  dest: string;
  dryRun: boolean;
  onConflict: ConflictPolicy;
  /** Prettier: where the repository uses it (auto), always, or never. */
  format?: FormatMode;
  /** Asks a person what to do with each conflict (on a terminal); without it, conflicts fail the run. */
  resolveConflicts?: (conflicts: Change[]) => Promise<Map<string, "overwrite" | "skip">>;
  signal?: AbortSignal;
  /** The command line, named in the lock so a second run can say who holds it. */
  command?: string;
  /** One line for the person running: leftovers of an interrupted run that were removed. */
  notice?: (line: string) => void;
}

export interface RunReport {
  dest: string;
  dryRun: boolean;
  labels: string[];
  changes: Change[];
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "EISDIR") throw new GenerationError(`${file} is a folder where mjoplan writes a file`);
    throw e;
  }
}

async function realpathOrNull(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

export async function runGenerator<S extends Schema>(
  generator: GeneratorDefinition<S>,
  inputs: InputOf<S>[],
  settings: RunSettings,
  context: BuildContext,
): Promise<RunReport> {
  await checkDest(settings.dest);
  for (const input of inputs) {
    const fault = generator.crossCheck?.(input);
    if (fault) throw new InputError(`${inputs.length > 1 ? `${JSON.stringify(generator.label(input))}: ` : ""}--${fault.flag}`, fault.problem);
  }
  const merged = mergeBatch(generator.build(inputs, context));
  if (merged.clash) throw new InputError(merged.clash, "two use-cases of this batch would write different content to the same file (same name?)");
  const files = await formatFiles(merged.files, settings.dest, settings.format ?? "auto");
  files.forEach((f) => checkRelative(f.path));

  // From here on the run has something to undo (a folder made, a lock held, files written): SIGINT
  // and SIGTERM are caught and roll it back. Before, they end the process at once (lib/run/interrupts.ts).
  if (settings.signal?.aborted) throw new Interrupted();
  return catchingSignals(() => lockedRun(generator, inputs, files, settings));
}

async function lockedRun<S extends Schema>(generator: GeneratorDefinition<S>, inputs: InputOf<S>[], files: PlannedFile[], settings: RunSettings): Promise<RunReport> {
  // A writing run holds the destination's lock from its first read to its last write: a second run at once fails, naming this one.
  const firstCreated = !settings.dryRun && (await realpathOrNull(settings.dest)) === null ? await makeDest(settings.dest) : undefined;
  let lock: DestLock | undefined;
  let done = false;
  try {
    if (!settings.dryRun) lock = await lockDest(await realpath(settings.dest), settings.command ?? "mjoplan", settings.notice);
    const report = await decideAndCommit(generator, inputs, files, settings, lock);
    done = true;
    return report;
  } finally {
    await lock?.release();
    if (!done && firstCreated) await removeEmptyUpTo(path.resolve(settings.dest), firstCreated);
  }
}

async function decideAndCommit<S extends Schema>(
  generator: GeneratorDefinition<S>,
  inputs: InputOf<S>[],
  files: PlannedFile[],
  settings: RunSettings,
  lock: DestLock | undefined,
): Promise<RunReport> {
  // A --dest that does not exist yet holds no files and no links: nothing to compare or check.
  const destReal = await realpathOrNull(settings.dest);
  const existing = new Map<string, string>();
  if (destReal !== null) {
    await forEachLimit(files, 16, async (file) => {
      if (settings.signal?.aborted) throw new Interrupted();
      await checkNoEscape(destReal, file.path);
      const content = await readIfExists(path.join(destReal, file.path));
      if (content !== undefined) existing.set(file.path, content);
    });
  }
  let changes = decide(files, existing, settings.onConflict);
  const report: RunReport = { dest: destReal ?? path.resolve(settings.dest), dryRun: settings.dryRun, labels: inputs.map((i) => generator.label(i)), changes };
  if (settings.dryRun || destReal === null) return report;

  const conflicts = changes.filter((c) => c.action === "conflict");
  if (conflicts.length && settings.resolveConflicts) {
    const answers = await settings.resolveConflicts(conflicts);
    changes = changes.map((c) => (c.action === "conflict" ? { ...c, action: answers.get(c.path) ?? "conflict" } : c));
    report.changes = changes;
  }
  const left = changes.filter((c) => c.action === "conflict").map((c) => c.path);
  if (left.length) throw new ConflictError(left);
  if (settings.signal?.aborted) throw new Interrupted();
  await commit(destReal, changes, {
    ...(settings.signal ? { signal: settings.signal } : {}),
    ...(lock ? { journal: (entries: Journal) => lock.journal(entries) } : {}),
    // The check that no path leaves --dest through a link holds at each write, not only when the plan was made.
    guard: (rel) => checkNoEscape(destReal, rel),
  });
  return report;
}

/** Removes the folders a run created for --dest, deepest first, if they are empty again. */
async function removeEmptyUpTo(dir: string, top: string): Promise<void> {
  for (let d = dir; ; d = path.dirname(d)) {
    await rmdir(d).catch(() => undefined);
    if (d === top || path.dirname(d) === d) return;
  }
}
