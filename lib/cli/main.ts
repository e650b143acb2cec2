/**
 * The command-line edge: the only place that prints errors and decides exit
 * codes (0 done, 1 generation failed, 2 bad input or usage). Inner code throws
 * typed errors. node-plop and inquirer are loaded only when something is asked.
 */
import os from "node:os";
import path from "node:path";
import { GenerationError, InputError } from "../errors.js";
import { answerKeysOf, configVocabularyOf, type BuildContext, type GeneratorDefinition, type Inputs, type Registry } from "../generator.js";
import { foreignKernelWarning, secondKernelWarning } from "../own-kernel.js";
import { ownValueObjectBase } from "../init/inspect.js";
import { PACKAGE_ROOT, PACKAGE_VERSION, PLOPFILE } from "../paths.js";
import { buildContext } from "../run/build-context.js";
import { catchingSignals } from "../run/interrupts.js";
import { runGenerator } from "../run/pipeline.js";
import { renderThreads, THREADS_FROM, tuneCompilerForBatch } from "../run/render-threads.js";
import type { InputOf, Schema } from "../schema/field.js";
import { parseAll, withFallbacks, type GivenSet } from "../schema/resolve.js";
import type { ConfigVocabulary } from "../config/config.js";
import { configDefaults, loadConfig, type LoadedConfig } from "../config/load-config.js";
import { existsSync, writeFileSync } from "node:fs";
import { searchTop } from "../search-top.js";
import { Interrupted } from "../write/commit.js";
import { checkDest } from "../write/dest.js";
import { ConflictError } from "../write/conflict-error.js";
import { parseArgv } from "./argv.js";
import { nearest } from "../measure/nearest.js";
import type { Terminal } from "./terminal.js";
import { helpText } from "./help.js";
import { checkNpmTookNoFlags, commandLine, inOwnCloneRoot, usageLine, type Env } from "./invocation.js";
import { toExitCode } from "./exit-code.js";
import { shellWord } from "./shell-word.js";
import { diffOf, humanReport, jsonReport } from "./report.js";
import { askConflicts } from "../prompt/ask-conflicts.js";
import { askingOnTerminal } from "../prompt/on-terminal.js";
import { answersCheckOf, type AnswersCheck, type Inquirer } from "../prompt/ask.js";
import type { Change } from "../write/changes.js";
import { crossCheckAll, missingError, openInputs, precheckAt, type InputSource, type PendingInput } from "./resolve-inputs.js";
import { runFlagsOf, runSchema, type RunOptions } from "./run-options.js";

export type { Terminal } from "./terminal.js";


/** A batch's progress on one terminal line, rewritten in place, and cleared when done; never in logs (not a TTY). */
function progressOn(stderr: { write(s: string): unknown }): (done: number, total: number) => void {
  return (done, total) => {
    if (done === 1 || done === total || done % 10 === 0) stderr.write(`\r${done}/${total} use-cases rendered`);
    if (done === total) stderr.write("\r\x1b[2K");
  };
}

type Command = (argv: readonly string[], term: Terminal, signal?: AbortSignal) => Promise<number> | number;

/** The commands that are not generators, with the line --help shows for each. */
const commandsOf = (generators: Registry, vocabulary = configVocabularyOf(generators)): Record<string, { description: string; run: Command }> => ({
  // Each command's code is made only when it runs (in the bin's bundle, its module's top level runs at the import):
  // no part of a plan's start. __tests__/lazy-loading.test.ts holds the bundle to it.
  check: { description: "Verify that plans and their files agree (for CI)", run: async (argv, term) => (await import("./check-command.js")).checkCommand(argv, term) },
  sync: { description: "Refresh the test code and traceability plans embed from their files", run: async (argv, term, signal) => (await import("./check-command.js")).syncCommand(argv, term, signal) },
  templates: { description: "List every template and whether the built-in or the team's copy is used", run: async (argv, term) => (await import("./templates-command.js")).templatesCommand(argv, term, vocabulary) },
  eject: { description: "Copy built-in templates into the team's folder (.mjoplan/templates) to change them", run: async (argv, term, signal) => (await import("./templates-command.js")).ejectCommand(argv, term, vocabulary, signal) },
  packs: { description: "List the packs plans gain items from, and with --answers which apply to a use-case and why", run: async (argv, term) => (await import("./packs-command.js")).packsCommand(argv, term, generators["plan"]!, vocabulary) },
  // The MCP SDK is no part of any other command's start.
  mcp: { description: "Serve coding agents over the Model Context Protocol (stdio): plan, grow, open items, check", run: async (argv, term, signal) => (await import("./mcp-command.js")).mcpCommand(argv, term, generators, signal) },
  init: { description: "Inspect the repository and write mjoplan.config.json, saying what was found and why; --agents also sets up coding agents", run: async (argv, term, signal) => (await import("./init-command.js")).initCommand(argv, term, vocabulary, signal) },
});

function topHelp(generators: Registry, env: Env): string {
  const list = [
    ...Object.values(generators).map((g) => `  ${g.name.padEnd(13)} ${g.description}`),
    ...Object.entries(commandsOf(generators)).map(([name, c]) => `  ${name.padEnd(13)} ${c.description}`),
  ];
  return [usageLine(env, "<command>", "[flags]"), "", "Commands:", ...list, "", `Run ${commandLine(env, "<command>", "--help")} for its flags.`, ""].join("\n");
}

export async function main(argv: readonly string[], given: Terminal, generators: Registry, signal?: AbortSignal): Promise<number> {
  return toExitCode(argv, given, (term) => run(argv, term, generators, signal), signal);
}

async function run(argv: readonly string[], term: Terminal, generators: Registry, signal?: AbortSignal): Promise<number> {
  const [first, ...rest] = argv;
  // `npm run plop` alone on a terminal offers the generators, as plop does.
  if (first === undefined && interactive(term)) return run([await untilInterrupted(chooseGenerator(generators), signal)], term, generators, signal);
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    (first === undefined ? term.stderr : term.stdout).write(topHelp(generators, term.env ?? {}));
    return first === undefined ? 2 : 0;
  }
  if (first === "--version") {
    term.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  const commands = commandsOf(generators);
  const command = commands[first];
  if (command) return command.run(rest, term, signal);
  const generator = generators[first];
  if (!generator) {
    const names = [...Object.keys(generators), ...Object.keys(commands)];
    const meant = nearest(first, names);
    throw new InputError(JSON.stringify(first), `unknown command${meant ? `; did you mean "${meant}"?` : ""} (expected one of ${names.join(", ")})`);
  }
  // A config's defaults may name any command's answer; each command takes its own.
  return runCommand(generator, rest, term, answerKeysOf(generators), configVocabularyOf(generators), signal);
}

async function runCommand<S extends Schema>(generator: GeneratorDefinition<S>, argv: readonly string[], term: Terminal, answerKeys: readonly string[], vocabulary: ConfigVocabulary, signal?: AbortSignal): Promise<number> {
  const runFlags = runFlagsOf(generator.schema);
  checkNpmTookNoFlags(term.env ?? {}, { ...generator.schema, ...runFlags }, generator.name);
  const parsed = parseArgv(argv, { ...generator.schema, ...runFlags });
  if (parsed.positionals.length) throw new InputError(JSON.stringify(parsed.positionals[0]), "unexpected argument; values go after their flag, e.g. --name \"...\"");
  let options: RunOptions = withFallbacks(runSchema, parseAll(runSchema, parsed.given));
  if (options.help) {
    term.stdout.write(helpText(generator.name, generator.description, [generator.schema, runFlags], term.env));
    return 0;
  }
  // In mjoplan's own clone its root holds mjoplan's own src/ and docs/: without --dest, a run writes into playground/ (git-ignored).
  const playground = parsed.given["dest"] === undefined && inOwnCloneRoot(term.env ?? {}, term.cwd, PACKAGE_ROOT);
  if (playground) {
    options = { ...options, dest: "playground" };
    term.stderr.write("mjoplan: in mjoplan's own clone: writing into playground/ (give --dest to write elsewhere)\n");
  }
  await checkDest(options.dest, term.cwd, !options.dryRun);
  const loaded = loadConfig(path.resolve(term.cwd, options.dest), vocabulary);
  // Without --dest, a run in a folder below the repository's root that is no package of its own would lay the
  // config's paths (src/..., docs/...) out from there: src/src/features. Said, with the way out.
  if (parsed.given["dest"] === undefined && !playground) {
    const nested = nestedRun(path.resolve(term.cwd, options.dest), loaded);
    if (nested) throw new InputError("--dest", nested);
  }
  // A grow command takes the few defaults it shares with plan (pii, say) and leaves the rest.
  const defaults = configDefaults(loaded, answerKeys, Object.keys(generator.schema)) as GivenSet<S>;
  const source = await openInputs(generator.schema, parsed.given, options.answers, term.cwd, defaults);
  const dest = path.resolve(term.cwd, options.dest);
  // A --dest the run makes holds nothing but the run's own files: no repository's ValueObject to look for below it.
  const destIsNew = !existsSync(dest);
  // --force (or --on-conflict overwrite) is known to the prechecks too: what it lets a run go on without is not refused there.
  const context: BuildContext = { ...buildContext(loaded, dest), overwrite: options.force || options.onConflict === "overwrite" };
  // Each warning is said on stderr as it is found and kept for --json, whose reader may read nothing else.
  const warned: string[] = [];
  // Answers typed at a terminal (none for flags or a file, which the person still has): kept if the run then fails.
  const asked: { input?: InputOf<S> } = {};
  // A batch's compiler settings hold from its entries' checks on: those checks optimized with V8's defaults left the
  // compiler threads' memory grown with the batch's size (lib/run/render-threads.ts, tuneCompilerForBatch).
  if (source.count >= THREADS_FROM) tuneCompilerForBatch(source.count, (await import("node:v8")).setFlagsFromString);
  const inputs = source.count === 1 ? checkedOne(generator, await oneInput(generator, source.entry(0), term, context, dest, signal, warned, asked)) : await checkedBatch(generator, source, term, context, dest, warned);
  const report = await runGenerator(
    generator,
    inputs,
    {
      dest,
      dryRun: options.dryRun,
      onConflict: options.force ? "overwrite" : options.onConflict,
      format: options.format,
      command: `${generator.name} ${argv.join(" ")}`.slice(0, 200),
      notice: (line: string) => term.stderr.write(`mjoplan: ${line}\n`),
      listEveryFile: options.verbose || options.json,
      renderThreads: renderThreads(inputs.length, term.env ?? {}),
      ...(signal ? { signal } : {}),
      // The default policy on a terminal asks per file; scripts and --on-conflict fail, skip or overwrite as told.
      ...(interactive(term) && !options.force && !parsed.given["onConflict"] ? { resolveConflicts: (c: Change[], merged: ReadonlyMap<string, string>) => untilInterrupted(askConflictsThroughPlop(c, term, merged), signal) } : {}),
    },
    { ...context, ...(inputs.length > 1 && term.stderr.isTTY ? { progress: progressOn(term.stderr) } : {}) },
  ).catch((error: unknown) => {
    // A script reading --json gets JSON on a conflict too (ok: false, the conflicts named); the line on stderr and exit 1 follow.
    if (options.json && error instanceof ConflictError && error.report) term.stdout.write(jsonReport(error.report, warned));
    throw asked.input ? withAnswersKept(error, generator, asked.input, term, parsed.given["dest"] === undefined ? undefined : options.dest) : error;
  });
  const foreignKernel = foreignKernelWarning(dest, report.changes) ?? secondKernelWarning(report.changes, () => (destIsNew ? undefined : ownValueObjectBase(dest, new Set(report.changes.map((c) => c.path)))));
  if (foreignKernel) {
    warned.push(foreignKernel);
    term.stderr.write(`mjoplan: warning: ${foreignKernel}\n`);
  }
  // A dry run writes nothing, so an unwritable --dest does not stop it (a read-only checkout may preview its
  // diffs), but the real run would refuse it: said, so "would this work?" is answered.
  if (report.dryRun) {
    const unwritable = await checkDest(options.dest, term.cwd, true).then(
      () => undefined,
      (e: unknown) => (e instanceof InputError ? e : undefined),
    );
    if (unwritable) {
      warned.push(`${unwritable.message}: the real run would refuse it (exit 2)`);
      term.stderr.write(`mjoplan: warning: ${warned.at(-1)}\n`);
    }
  }
  term.stdout.write(options.json ? jsonReport(report, warned) : humanReport(report, { verbose: options.verbose, env: term.env ?? {}, dest: options.dest, cwd: term.cwd }));
  // A dry run says what the real run would do, its exit code included: a conflict fails it.
  return report.dryRun && report.changes.some((c) => c.action === "conflict") ? 1 : 0;
}

/**
 * Why a run without --dest in `dir` would write where nobody looks, or undefined: `dir` is below the folder the
 * files are laid out from (the nearest config's, else the repository's root) and is no package of its own
 * (no package.json or project.json), so `src/...` and `docs/...` would land below it.
 */
function nestedRun(dir: string, loaded: LoadedConfig): string | undefined {
  const configured = (loaded.sources?.length ?? 0) > 0;
  const top = configured ? loaded.dir : searchTop(dir);
  if (top === dir || !dir.startsWith(top + path.sep)) return undefined;
  const up = path.relative(dir, top).split(path.sep).join("/");
  const from = configured ? `the config at ${up}/${path.basename(loaded.sources![0]!.replace(/#mjoplan$/, ""))}` : "the repository";
  if (["package.json", "project.json"].some((f) => existsSync(path.join(dir, f)))) {
    // A package of its own, unless the config's paths start with this very folder (an Nx workspace's libs/{context}/...
    // run from libs/orders): laid out from here they would land in libs/orders/libs/orders/... (TRIAL4 V11).
    const here = path.relative(top, dir).split(path.sep);
    const repeated = configured ? Object.values(loaded.config.paths).find((p) => startsWith(p.split("/"), here)) : undefined;
    if (repeated === undefined) return undefined;
    return `not given, and ${from}'s paths start at ${top} (${repeated}), so from ${dir} they would land in ${here.join("/")}/${here.join("/")}/...; run from ${top}, or give --dest ${up}`;
  }
  return `not given, and ${dir} is no package of its own: ${from} lays files out from ${top} (src/..., docs/...), so they would land below this folder; run from ${top}, give --dest ${up}, or --dest . to write here anyway`;
}

/** Whether a path pattern's first segments are `folders` (a placeholder, `{context}`, standing for any one). */
function startsWith(pattern: readonly string[], folders: readonly string[]): boolean {
  return pattern.length > folders.length && folders.every((f, i) => pattern[i] === f || /\{[^}]+\}/.test(pattern[i]!));
}

/**
 * A run that fails after its answers were asked at a terminal (a team template whose code Prettier cannot format,
 * a file that cannot be written) would lose every answer (TRIAL6 U1): they are written to an answers file in the
 * temporary folder, and the error says where and the command that plans them again. Interrupts lose nothing typed
 * that the person wants kept, and a failure to keep them leaves the error as it was.
 */
function withAnswersKept<S extends Schema>(error: unknown, generator: GeneratorDefinition<S>, input: InputOf<S>, term: Terminal, dest: string | undefined): unknown {
  if (!generator.answersOf || !(error instanceof GenerationError || error instanceof InputError) || error instanceof Interrupted) return error;
  try {
    const file = path.join(os.tmpdir(), `mjoplan-answers-${generator.label(input).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || generator.name}-${Date.now()}.json`);
    writeFileSync(file, `${JSON.stringify(generator.answersOf(input), null, 2)}\n`);
    const again = commandLine(term.env ?? {}, generator.name, `--answers ${shellWord(file)}${dest === undefined ? "" : ` --dest ${shellWord(dest)}`}`, term.cwd);
    const kept = `your answers are kept in ${file}; once that is fixed, ${again} plans them again (add --format never to write the code unformatted)`;
    // A template's parse error keeps its own context lines: the kept answers are said before it.
    if (error instanceof InputError) {
      term.stderr.write(`mjoplan: ${kept}\n`);
      return error;
    }
    return new GenerationError(`${error.message}\nmjoplan: ${kept}`, { cause: error.cause ?? error });
  } catch {
    return error;
  }
}

/** The one use-case of a run (flags, or an answers file with one): what is missing is asked on a terminal. */
async function oneInput<S extends Schema>(generator: GeneratorDefinition<S>, pending: PendingInput<S>, term: Terminal, context: BuildContext, dest: string, signal: AbortSignal | undefined, warned: string[], asked: { input?: InputOf<S> } = {}): Promise<InputOf<S>> {
  // What the destination can tell about the values given (the use-case to grow exists) is said before anything is asked.
  await precheckAt(generator, pending, context, dest);
  let input: InputOf<S>;
  // Warnings the questions already said (before the first one, or after the answer that brought them): not said again.
  let said: ReadonlySet<string> = new Set();
  if (pending.missing.length === 0) {
    input = withFallbacks(generator.schema, pending.values);
  } else if (interactive(term)) {
    // With every always-required value given (--name), only what the others make required (--roles for --auth roles) is asked.
    const only = pending.missing.every((k) => !generator.schema[k]!.required) ? pending.missing : undefined;
    input = withFallbacks(generator.schema, await untilInterrupted(askThroughPlop(generator, pending.values, dest, only, answersCheckOf(generator, context, dest)), signal));
    asked.input = input;
    said = new Set(generator.earlyWarnings?.(input, context));
  } else {
    throw missingError(generator.schema, [pending], "no terminal to ask on");
  }
  // Before the run's own check, to name the answer at fault where it was given (a file's entry and key, or a flag).
  crossCheckAll(generator, [pending], [input]);
  for (const warning of generator.warnings?.(input, context) ?? []) {
    warned.push(warning);
    if (!said.has(warning)) term.stderr.write(`mjoplan: warning: ${warning}\n`);
  }
  return input;
}

/** The one use-case, which oneInput has cross-checked already (the costliest check of the answers): the run does not check it again. */
function checkedOne<S extends Schema>(generator: GeneratorDefinition<S>, input: InputOf<S>): Inputs<S> {
  return Object.assign([input], { checkedLabels: [generator.label(input)] });
}

/**
 * A batch from an answers file, all or nothing: every entry is checked before anything is
 * rendered (bad input exits 2 with nothing written), keeping nothing of it but its label;
 * the run parses each entry again as it renders it, so a batch holds one use-case's input
 * at a time, not thousands.
 */
async function checkedBatch<S extends Schema>(generator: GeneratorDefinition<S>, source: InputSource<S>, term: Terminal, context: BuildContext, dest: string, warned: string[]): Promise<Inputs<S>> {
  const labels: string[] = [];
  const warnings: string[] = [];
  // The entry that first changed each target (a grown use-case), when the generator names targets.
  const targets = new Map<string, string>();
  for (let i = 0; i < source.count; i++) {
    const pending = source.entry(i);
    await precheckAt(generator, pending, context, dest, true);
    if (pending.missing.length) throw missingError(generator.schema, [pending], "a batch is never asked for");
    const input = withFallbacks(generator.schema, pending.values);
    crossCheckAll(generator, [pending], [input], true);
    const target = generator.target?.(input, context);
    if (target !== undefined) {
      const first = targets.get(target);
      if (first !== undefined) throw repeatedTarget(generator, pending, input, first);
      targets.set(target, pending.entry ?? `entry ${i}`);
    }
    // Said once the batch is checked, each naming its entry and use-case: "--value-object Amount:number: ..." alone
    // left a reader of a backlog to guess which of its use-cases it meant (USER19 U5).
    const at = `${pending.entry ?? `entry ${i}`} (${JSON.stringify(generator.label(input))})`;
    warnings.push(...(generator.warnings?.(input, context) ?? []).map((w) => `${at}: ${w}`));
    labels.push(generator.label(input));
  }
  // Said once the whole batch is known good: bad input is one line.
  for (const warning of warnings) term.stderr.write(`mjoplan: warning: ${warning}\n`);
  warned.push(...warnings);
  return {
    length: source.count,
    checkedLabels: labels,
    *[Symbol.iterator]() {
      for (let i = 0; i < source.count; i++) yield withFallbacks(generator.schema, source.entry(i).values);
    },
  };
}

/** A batch entry that changes what an earlier entry changes (grows the same use-case): its answers belong in that entry. */
function repeatedTarget<S extends Schema>(generator: GeneratorDefinition<S>, pending: PendingInput<S>, input: InputOf<S>, first: string): InputError {
  const own = Object.entries(pending.wheres)
    .filter(([key, where]) => pending.entry !== undefined && String(where).startsWith(pending.entry) && generator.schema[key]?.ask !== false && key !== "useCase")
    .map(([key]) => key);
  const what = own.length ? `its ${own.join(", ")}` : "its answers";
  return new InputError(pending.entry ?? "input", `grows ${JSON.stringify(generator.label(input))} again (${first} grows it): one entry per use-case, put ${what} in ${first}`);
}

/**
 * Ctrl-C at an inquirer prompt closes it and signals the process, but the
 * prompt's promise never settles: the run would end with nothing said (Node's
 * exit 13). Racing it with the signal turns that into Interrupted: one line, 130.
 */
function untilInterrupted<T>(asking: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return asking;
  if (signal.aborted) return Promise.reject(new Interrupted());
  return catchingSignals(() => new Promise<T>((resolve, reject) => {
    // inquirer closes its input before the signal it sends itself is handled: this timer keeps the process up until then.
    const alive = setInterval(() => undefined, 60_000);
    const settle = (): void => {
      clearInterval(alive);
      signal.removeEventListener("abort", onAbort);
    };
    const onAbort = (): void => {
      settle();
      reject(new Interrupted());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    asking.then(resolve, reject).finally(settle);
  }));
}

// stdout first: where it is no terminal, stdin is not looked at (the bin loads node:tty for that).
const interactive = (term: Terminal): boolean => Boolean(term.stdout.isTTY) && term.stdinIsTTY;

/** The inquirer node-plop carries (never a second copy), loaded only when something is asked. */
async function plopInquirer(): Promise<Inquirer> {
  const { default: nodePlop } = await import("node-plop");
  return ((await nodePlop()) as unknown as { inquirer: Inquirer }).inquirer;
}

async function askConflictsThroughPlop(conflicts: Change[], term: Terminal, merged: ReadonlyMap<string, string>): Promise<Map<string, "overwrite" | "skip">> {
  return askingOnTerminal(await plopInquirer(), (inquirer) => askConflicts(inquirer, conflicts, diffOf, (s) => term.stdout.write(s), merged));
}

async function chooseGenerator(generators: Registry): Promise<string> {
  const inquirer = await plopInquirer();
  const choices = Object.values(generators).map((g) => ({ name: `${g.name} - ${g.description}`, value: g.name }));
  const { generator } = await askingOnTerminal(inquirer, (asking) => asking.prompt([{ type: "list", name: "generator", message: "Which generator?", choices: choices as never }]));
  return String(generator);
}

/** The interactive path runs through plop itself: the plopfile's generator asks what is missing. */
async function askThroughPlop<S extends Schema>(generator: GeneratorDefinition<S>, given: Partial<InputOf<S>>, dest: string, only?: readonly string[], check?: AnswersCheck): Promise<Partial<InputOf<S>>> {
  const { default: nodePlop } = await import("node-plop");
  const plop = await nodePlop(PLOPFILE, { destBasePath: dest, force: false, given, ...(only ? { only } : {}), ...(check ? { check } : {}) } as Parameters<typeof nodePlop>[1]);
  return (await plop.getGenerator(generator.name).runPrompts()) as Partial<InputOf<S>>;
}
