/**
 * One run of a generator: build each input's files, check every path, compare
 * with the disk, stage on disk what is to be written, then put all in place or
 * nothing. The CLI and the plopfile's action both come through here.
 */
import { closeSync, constants, openSync, readFileSync, realpathSync } from "node:fs";
import { rmdir } from "node:fs/promises";
import path from "node:path";
import type { ConflictPolicy } from "../cli/run-options.js";
import { GenerationError, InputError } from "../errors.js";
import type { BuildContext, GeneratorDefinition, Inputs } from "../generator.js";
import type { Schema } from "../schema/field.js";
import { joinLink } from "../check/join-link.js";
import { folderOf } from "../plain-path.js";
import { countPlaceholders } from "../check/plan-facts.js";
import { BatchFiles, decide, type Action, type Change, type ReportedChange } from "../write/changes.js";
import { Interrupted, Staging } from "../write/commit.js";
import { ConflictError } from "../write/conflict-error.js";
import { checkDest, makeDest } from "../write/dest.js";
import { mergeWithDisk } from "../merge/merge-grown.js";
import { stampWritten } from "../merge/written-stamp.js";
import { lockDest, type DestLock, type Journal } from "../write/lock.js";
import { checkRelative, checkWriteInside, folderChecker } from "../write/inside.js";
import { forEachLimit } from "../write/limit.js";
import { formatterOfDest, formatWith, type Formatter, type FormatMode } from "../format/format-files.js";
import { catchingSignals } from "./interrupts.js";
import { builtInOrder } from "./render-threads.js";
import { inForm, readForm, type TextForm } from "../text-form.js";

export interface RunSettings {
  dest: string;
  dryRun: boolean;
  onConflict: ConflictPolicy;
  /** Prettier: where the repository uses it (auto), always, or never. */
  format?: FormatMode;
  /** Asks a person what to do with each conflict (on a terminal); without it, conflicts fail the run. */
  resolveConflicts?: (conflicts: Change[], merged: ReadonlyMap<string, string>) => Promise<Map<string, "overwrite" | "skip">>;
  signal?: AbortSignal;
  /** The command line, named in the lock so a second run can say who holds it. */
  command?: string;
  /** One line for the person running: leftovers of an interrupted run that were removed. */
  notice?: (line: string) => void;
  /** Worker threads that render a batch's use-cases (lib/run/render-threads.ts); none: this thread renders them. */
  renderThreads?: number;
  /**
   * Whether a writing batch's report lists every file (the default), or only those a person
   * should look at (overwritten, skipped, in conflict) beside the summary's counts: a batch of
   * thousands of use-cases then holds no record per file (lib/cli asks for the list with --verbose or --json).
   */
  listEveryFile?: boolean;
}

/** Counts over every file of a run, whatever its report lists. */
export interface ChangeSummary {
  files: number;
  byAction: Record<Action, number>;
  /** Plans among the files, the first of them, and the TODO(plan) markers in their new content. */
  plans: number;
  firstPlan?: string;
  placeholders: number;
}

export interface RunReport {
  dest: string;
  dryRun: boolean;
  labels: string[];
  /**
   * Each file's change. A dry run and a single use-case keep each change's text; a writing batch keeps paths,
   * actions and plans' marker counts, and without `listEveryFile` only the files a person should look at.
   */
  changes: ReportedChange[];
  summary: ChangeSummary;
  /** --dest did not exist: the run made it (a dry run: would make it). Said in the report, so a typo's folder is seen. */
  destCreated?: boolean;
}

// The run's reads and realpaths are synchronous: each is a few system calls, where a trip to the thread
// pool and back per call waits for a thread (milliseconds on a busy machine), and a readFile makes four.

/** The file at `full`, or undefined when missing; never through a symbolic link (O_NOFOLLOW). */
function readIfExists(full: string, rel: string): string | undefined {
  try {
    const fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      return readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "ELOOP") throw new GenerationError(`${rel} is a symbolic link; mjoplan does not write through links`);
    if (code === "EISDIR") throw new GenerationError(`${rel} is a folder where mjoplan writes a file`);
    throw e;
  }
}

function realpathOrNull(p: string): string | null {
  try {
    return realpathSync.native(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

export async function runGenerator<S extends Schema>(
  generator: GeneratorDefinition<S>,
  inputs: Inputs<S>,
  settings: RunSettings,
  context: BuildContext,
): Promise<RunReport> {
  await checkDest(settings.dest, process.cwd(), !settings.dryRun);
  const labels: string[] = inputs.checkedLabels ? [...inputs.checkedLabels] : [];
  if (!inputs.checkedLabels) {
    for (const input of inputs) {
      const fault = generator.crossCheck?.(input);
      if (fault) throw new InputError(`${inputs.length > 1 ? `${JSON.stringify(generator.label(input))}: ` : ""}--${fault.flag}`, fault.problem);
      labels.push(generator.label(input));
    }
  }
  const formatter = await formatterOfDest(settings.dest, settings.format ?? "auto");

  // From here on the run has something to undo (a folder made, a lock held, files staged as each use-case
  // is rendered): SIGINT and SIGTERM are caught, checked between use-cases, and roll it back. Before, they
  // end the process at once (lib/run/interrupts.ts). A dry run has nothing to undo at any point (no folder, no
  // lock, nothing staged): the signals keep their default action throughout, and no handler is installed.
  if (settings.signal?.aborted) throw new Interrupted();
  if (settings.dryRun) return lockedRun(generator, inputs, labels, settings, context, formatter);
  return catchingSignals(() => lockedRun(generator, inputs, labels, settings, context, formatter));
}

async function lockedRun<S extends Schema>(generator: GeneratorDefinition<S>, inputs: Inputs<S>, labels: string[], settings: RunSettings, context: BuildContext, formatter: Formatter): Promise<RunReport> {
  // A writing run holds the destination's lock from its first read to its last write: a second run at once fails, naming this one.
  const firstCreated = !settings.dryRun && realpathOrNull(settings.dest) === null ? await makeDest(settings.dest) : undefined;
  let lock: DestLock | undefined;
  let done = false;
  try {
    if (!settings.dryRun) lock = await lockDest(realpathSync.native(settings.dest), settings.command ?? "mjoplan", settings.notice);
    const report = await renderDecideAndCommit(generator, inputs, labels, settings, context, formatter, lock);
    done = true;
    const destCreated = settings.dryRun ? realpathOrNull(settings.dest) === null : firstCreated !== undefined;
    return destCreated ? { ...report, destCreated } : report;
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
  inputs: Inputs<S>,
  labels: string[],
  settings: RunSettings,
  context: BuildContext,
  formatter: Formatter,
  lock: DestLock | undefined,
): Promise<RunReport> {
  // A --dest that does not exist yet (a dry run's) holds no files and no links: nothing to compare or check.
  const destReal = realpathOrNull(settings.dest);
  const folderExists = destReal === null ? undefined : folderChecker(destReal);
  // Files a grown use-case merged where a person changed the same lines (lib/merge): the places, for the message.
  const mergeConflicts = new Map<string, string>();
  const staging =
    settings.dryRun || destReal === null
      ? undefined
      : new Staging(destReal, {
          ...(settings.signal ? { signal: settings.signal } : {}),
          ...(lock ? { journal: (entries: Journal) => lock.journal(entries) } : {}),
          // The check that no path leaves --dest through a link holds at each write, not only when the plan was made.
          guard: (rel) => checkWriteInside(destReal, rel),
        });
  const batch = new BatchFiles(inputs.length);
  // Files on disk stored with CRLF line ends or a byte-order mark (few; none on most machines), by path.
  const forms = new Map<string, TextForm>();
  const changes: ReportedChange[] = [];
  const summary: ChangeSummary = { files: 0, byAction: { create: 0, overwrite: 0, unchanged: 0, skip: 0, keep: 0, conflict: 0 }, plans: 0, placeholders: 0 };
  // Conflicts keep their text only when a person will be shown them.
  const conflicts: Change[] = [];
  let failing = false;
  // A dry run shows diffs, and a single use-case's report is small: those keep the text; a batch's does not.
  const keepText = settings.dryRun || inputs.length === 1;
  // A writing batch lists only what needs a look unless asked for every file: its memory does not grow with its files.
  const listed = (action: Action): boolean => keepText || settings.listEveryFile !== false || action === "overwrite" || action === "skip" || action === "conflict";
  try {
    for await (const built of builtInOrder(generator, inputs, context, { workers: settings.renderThreads ?? 0, dest: settings.dest, reuse: !keepText && !settings.resolveConflicts, ...(settings.signal ? { signal: settings.signal } : {}) })) {
      // A turn of the event loop per use-case, so a signal's handler runs (rendering is synchronous), then the check;
      // a dry run installs none (runGenerator).
      if (!settings.dryRun) await new Promise<void>((resolve) => setImmediate(resolve));
      if (settings.signal?.aborted) throw new Interrupted();
      for (const file of built) checkRelative(file.path);
      // A formatter set to CRLF (Prettier's endOfLine) renders CRLF: compared as LF, like the disk; a new file is written so.
      const rendered = new Map<string, TextForm>();
      const formatted = await formatWith(formatter, batch.fresh(built), settings.dest, settings.signal);
      // The templates write LF: only a formatter's output can be otherwise.
      const files =
        formatter.kind === "none"
          ? formatted
          : formatted.map((f) => {
              const read = readForm(f.content);
              if (read.form) rendered.set(f.path, read.form);
              return read.text === f.content ? f : { ...f, content: read.text };
            });
      const existing = new Map<string, string>();
      if (destReal !== null && folderExists) {
        await forEachLimit(files, 16, async (file) => {
          if (!(await folderExists(folderOf(file.path, path.posix.dirname)))) return;
          const content = readIfExists(joinLink(destReal, file.path), file.path);
          if (content === undefined) return;
          // Compared and merged with LF line ends and no byte-order mark; what replaces the file gets its form back.
          const read = readForm(content);
          existing.set(file.path, read.text);
          if (read.form) forms.set(file.path, read.form);
        });
      }
      const merged = files.some((f) => f.base !== undefined) ? await mergeWithDisk(files, existing, formatter, settings.dest) : undefined;
      for (const [p, places] of merged?.conflicts ?? []) mergeConflicts.set(p, places);
      for (const note of merged?.notes ?? []) settings.notice?.(note);
      // The plan keeps a hash of each file as rendered, so a later mjoplan knows which are untouched (lib/merge/written-stamp.ts).
      // A dry run shows no new file's text, only an existing one's diff: a plan it would create needs no hashes of its
      // files (the stamp hashes ~155,000 characters, compiling a WebAssembly loop for it: ~75 fresh pages of memory).
      const unshown = settings.dryRun && files.every((f) => !f.isPlan || !existing.has(f.path));
      const decided = decide(unshown ? (merged?.files ?? files) : stampWritten(merged?.files ?? files, files), existing, settings.onConflict);
      // --force on a merge takes this run's lines where both changed: said, since the person's lines there are gone.
      for (const c of decided) if (c.action === "overwrite" && mergeConflicts.has(c.path) && !settings.dryRun) settings.notice?.(`${c.path}: took this run's lines where you changed them too (${mergeConflicts.get(c.path)}); your other edits are kept`);
      const conflicting = decided.filter((c) => c.action === "conflict");
      if (settings.resolveConflicts) conflicts.push(...conflicting);
      // Once a conflict will fail the run, nothing more is staged; the rest is still compared, to name every conflict.
      if (conflicting.length && !settings.resolveConflicts) failing = true;
      if (staging && !failing) await staging.stage(inDiskForm(decided, forms, rendered));
      for (const c of decided) {
        const kept = keepText ? c : keptOf(c);
        count(summary, kept);
        if (listed(c.action)) changes.push(kept);
      }
    }
    const report: RunReport = { dest: destReal ?? path.resolve(settings.dest), dryRun: settings.dryRun, labels, changes, summary };
    if (!staging) return report;

    if (conflicts.length && settings.resolveConflicts) {
      const answers = await settings.resolveConflicts(conflicts, mergeConflicts);
      await staging.stage(inDiskForm(conflicts.filter((c) => answers.get(c.path) === "overwrite").map((c) => ({ ...c, action: "overwrite" as const })), forms));
      report.changes = changes.map((c) => {
        const answer = c.action === "conflict" ? answers.get(c.path) : undefined;
        if (answer === undefined) return c;
        summary.byAction.conflict--;
        summary.byAction[answer]++;
        return { ...c, action: answer };
      });
    }
    const left = report.changes.filter((c) => c.action === "conflict").map((c) => c.path);
    if (left.length) throw new ConflictError(left, mergeConflicts, report);
    if (settings.signal?.aborted) throw new Interrupted();
    await staging.commit();
    return report;
  } finally {
    batch.close();
    // Whatever stopped the run before its commit (bad input found late, a conflict, an interrupt) undoes what was staged.
    await staging?.abort();
  }
}

/** The changes to stage, each written in the form of the file it replaces (a CRLF file stays CRLF), a new file as its formatter made it. */
const inDiskForm = (decided: Change[], forms: ReadonlyMap<string, TextForm>, rendered: ReadonlyMap<string, TextForm> = new Map()): Change[] =>
  forms.size === 0 && rendered.size === 0 ? decided : decided.map((c) => {
    const form = c.before === undefined ? rendered.get(c.path) : forms.get(c.path);
    return form ? { ...c, after: inForm(c.after, form) } : c;
  });

/** Adds one file's change to the run's counts. */
function count(summary: ChangeSummary, change: ReportedChange): void {
  summary.files++;
  summary.byAction[change.action]++;
  if (!change.isPlan) return;
  summary.plans++;
  summary.firstPlan ??= change.path;
  summary.placeholders += change.placeholders ?? countPlaceholders(change.after ?? "");
}

/** What a writing run's report keeps of a change: no text. */
function keptOf(change: Change): ReportedChange {
  return {
    path: change.path,
    action: change.action,
    ...(change.added ? { added: change.added } : {}),
    ...(change.leftOut ? { leftOut: change.leftOut } : {}),
    ...(change.isPlan ? { isPlan: true, placeholders: change.placeholders ?? countPlaceholders(change.after) } : {}),
  };
}

/** Removes the folders a run created for --dest, deepest first, if they are empty again. */
async function removeEmptyUpTo(dir: string, top: string): Promise<void> {
  for (let d = dir; ; d = path.dirname(d)) {
    await rmdir(d).catch(() => undefined);
    if (d === top || path.dirname(d) === d) return;
  }
}
