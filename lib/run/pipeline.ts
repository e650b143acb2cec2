/**
 * One run of a generator: build each input's files, check every path, compare
 * with the disk, stage on disk what is to be written, then put all in place or
 * nothing. The CLI and the plopfile's action both come through here.
 */
import { constants } from "node:fs";
import { readFile, realpath, rmdir } from "node:fs/promises";
import path from "node:path";
import type { ConflictPolicy } from "../cli/run-options.js";
import { GenerationError, InputError } from "../errors.js";
import type { BuildContext, GeneratorDefinition } from "../generator.js";
import type { InputOf, Schema } from "../schema/field.js";
import { countPlaceholders } from "../check/plan-facts.js";
import { decide, type Change, type ReportedChange } from "../write/changes.js";
import { Interrupted, Staging } from "../write/commit.js";
import { ConflictError } from "../write/conflict-error.js";
import { checkDest, makeDest } from "../write/dest.js";
import { lockDest, type DestLock, type Journal } from "../write/lock.js";
import type { PlannedFile } from "../write/planned-file.js";
import { checkRelative, checkWriteInside, folderChecker } from "../write/inside.js";
import { forEachLimit } from "../write/limit.js";
import { formatterOfDest, formatWith, type Formatter, type FormatMode } from "../format/format-files.js";
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
  /** A dry run and a single use-case keep each change's text; a writing batch keeps paths, actions and plans' marker counts. */
  changes: ReportedChange[];
}

/** The file at `full`, or undefined when missing; never through a symbolic link (O_NOFOLLOW). */
async function readIfExists(full: string, rel: string): Promise<string | undefined> {
  try {
    return await readFile(full, { encoding: "utf8", flag: constants.O_RDONLY | constants.O_NOFOLLOW });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "ELOOP") throw new GenerationError(`${rel} is a symbolic link; mjoplan does not write through links`);
    if (code === "EISDIR") throw new GenerationError(`${rel} is a folder where mjoplan writes a file`);
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
  const formatter = await formatterOfDest(settings.dest, settings.format ?? "auto");

  // From here on the run has something to undo (a folder made, a lock held, files staged as each use-case
  // is rendered): SIGINT and SIGTERM are caught, checked between use-cases, and roll it back. Before, they
  // end the process at once (lib/run/interrupts.ts).
  if (settings.signal?.aborted) throw new Interrupted();
  return catchingSignals(() => lockedRun(generator, inputs, settings, context, formatter));
}

async function lockedRun<S extends Schema>(generator: GeneratorDefinition<S>, inputs: InputOf<S>[], settings: RunSettings, context: BuildContext, formatter: Formatter): Promise<RunReport> {
  // A writing run holds the destination's lock from its first read to its last write: a second run at once fails, naming this one.
  const firstCreated = !settings.dryRun && (await realpathOrNull(settings.dest)) === null ? await makeDest(settings.dest) : undefined;
  let lock: DestLock | undefined;
  let done = false;
  try {
    if (!settings.dryRun) lock = await lockDest(await realpath(settings.dest), settings.command ?? "mjoplan", settings.notice);
    const report = await renderDecideAndCommit(generator, inputs, settings, context, formatter, lock);
    done = true;
    return report;
  } finally {
    await lock?.release();
    if (!done && firstCreated) await removeEmptyUpTo(path.resolve(settings.dest), firstCreated);
  }
}

/**
 * Use-case by use-case: render, format, compare with the disk, decide, and stage
 * what is to be written (temporaries beside the targets); then, once every
 * use-case is staged and no conflict is left, put all in place at once. A batch
 * holds one use-case's text at a time, not the whole batch's.
 */
async function renderDecideAndCommit<S extends Schema>(
  generator: GeneratorDefinition<S>,
  inputs: InputOf<S>[],
  settings: RunSettings,
  context: BuildContext,
  formatter: Formatter,
  lock: DestLock | undefined,
): Promise<RunReport> {
  // A --dest that does not exist yet (a dry run's) holds no files and no links: nothing to compare or check.
  const destReal = await realpathOrNull(settings.dest);
  const folderExists = destReal === null ? undefined : folderChecker(destReal);
  const staging =
    settings.dryRun || destReal === null
      ? undefined
      : new Staging(destReal, {
          ...(settings.signal ? { signal: settings.signal } : {}),
          ...(lock ? { journal: (entries: Journal) => lock.journal(entries) } : {}),
          // The check that no path leaves --dest through a link holds at each write, not only when the plan was made.
          guard: (rel) => checkWriteInside(destReal, rel),
        });
  const written = new Map<string, string | null>();
  const changes: ReportedChange[] = [];
  // Conflicts keep their text only when a person will be shown them.
  const conflicts: Change[] = [];
  let failing = false;
  // A dry run shows diffs, and a single use-case's report is small: those keep the text; a batch's does not.
  const keepText = settings.dryRun || inputs.length === 1;
  try {
    for (const built of generator.build(inputs, context)) {
      // A turn of the event loop per use-case, so a signal's handler runs (rendering is synchronous), then the check.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (settings.signal?.aborted) throw new Interrupted();
      const fresh: PlannedFile[] = [];
      for (const file of built) {
        checkRelative(file.path);
        // The shared kernel, which every use-case brings, is written once (its few files are remembered whole);
        // any other file two use-cases bring is an error: the same name twice, or a typo.
        const seen = written.get(file.path);
        if (seen === undefined) fresh.push(file);
        else if (seen === null || seen !== file.content || file.mode !== "create-only") throw new InputError(file.path, `two use-cases of this batch would write ${seen === null ? "" : "different content to "}the same file (same name?)`);
        written.set(file.path, file.mode === "create-only" ? file.content : null);
      }
      const files = await formatWith(formatter, fresh, settings.dest);
      const existing = new Map<string, string>();
      if (destReal !== null && folderExists) {
        await forEachLimit(files, 16, async (file) => {
          if (!(await folderExists(path.posix.dirname(file.path)))) return;
          const content = await readIfExists(path.join(destReal, file.path), file.path);
          if (content !== undefined) existing.set(file.path, content);
        });
      }
      const decided = decide(files, existing, settings.onConflict);
      const conflicting = decided.filter((c) => c.action === "conflict");
      if (settings.resolveConflicts) conflicts.push(...conflicting);
      // Once a conflict will fail the run, nothing more is staged; the rest is still compared, to name every conflict.
      if (conflicting.length && !settings.resolveConflicts) failing = true;
      if (staging && !failing) await staging.stage(decided);
      for (const c of decided) changes.push(keepText ? c : keptOf(c));
    }
    const report: RunReport = { dest: destReal ?? path.resolve(settings.dest), dryRun: settings.dryRun, labels: inputs.map((i) => generator.label(i)), changes };
    if (!staging) return report;

    if (conflicts.length && settings.resolveConflicts) {
      const answers = await settings.resolveConflicts(conflicts);
      await staging.stage(conflicts.filter((c) => answers.get(c.path) === "overwrite").map((c) => ({ ...c, action: "overwrite" as const })));
      report.changes = changes.map((c) => (c.action === "conflict" ? { ...c, action: answers.get(c.path) ?? "conflict" } : c));
    }
    const left = report.changes.filter((c) => c.action === "conflict").map((c) => c.path);
    if (left.length) throw new ConflictError(left);
    if (settings.signal?.aborted) throw new Interrupted();
    await staging.commit();
    return report;
  } finally {
    // Whatever stopped the run before its commit (bad input found late, a conflict, an interrupt) undoes what was staged.
    await staging?.abort();
  }
}

/** What a writing run's report keeps of a change: no text. */
function keptOf(change: Change): ReportedChange {
  return {
    path: change.path,
    action: change.action,
    ...(change.isPlan ? { isPlan: true, placeholders: countPlaceholders(change.after) } : {}),
  };
}

/** Removes the folders a run created for --dest, deepest first, if they are empty again. */
async function removeEmptyUpTo(dir: string, top: string): Promise<void> {
  for (let d = dir; ; d = path.dirname(d)) {
    await rmdir(d).catch(() => undefined);
    if (d === top || path.dirname(d) === d) return;
  }
}
