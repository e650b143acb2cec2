/**
 * `mjoplan packs`: every pack a plan can gain items from (built-in and the
 * team's) with its condition; with `--answers` or the plan's own flags, which
 * packs apply to that use-case and which do not, and why.
 */
import path from "node:path";
import type { ConfigVocabulary } from "../config/config.js";
import { configDefaults, loadConfig } from "../config/load-config.js";
import { GenerationError } from "../errors.js";
import type { GeneratorDefinition } from "../generator.js";
import { describeWhen, matchWhen, type WhenMatch } from "../packs/match.js";
import type { LoadedPack, PackFacts } from "../packs/pack.js";
import { packSetOf, type PackSet } from "../packs/team.js";
import { buildContext } from "../run/build-context.js";
import type { InputOf, Schema } from "../schema/field.js";
import { withFallbacks, type GivenSet } from "../schema/resolve.js";
import { parseCommand } from "./command-options.js";
import type { Terminal } from "./terminal.js";
import { crossCheckAll, resolveInputs } from "./resolve-inputs.js";
import { runSchema } from "./run-options.js";

const options = { answers: runSchema.answers, dest: runSchema.dest, json: runSchema.json, help: runSchema.help };

/** What a pack adds, counted: "3 requirements, 5 threats, 9 tests". */
function contributions(p: LoadedPack): Record<string, number> {
  const inline = [...(p.requirements ?? []), ...(p.threats ?? [])].flatMap((x) => x.tests ?? []).filter((t) => typeof t === "object").length;
  const counts: Record<string, number> = {
    requirements: p.requirements?.length ?? 0,
    threats: p.threats?.length ?? 0,
    abuseCases: p.abuseCases?.length ?? 0,
    tests: (p.tests?.length ?? 0) + inline,
    statuses: p.statuses?.length ?? 0,
    errors: p.errors?.length ?? 0,
    telemetry: p.telemetry?.length ?? 0,
    monitoring: p.monitoring?.length ?? 0,
    questions: p.questions?.length ?? 0,
    checklist: p.checklist?.length ?? 0,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

const WORDS: Record<string, [one: string, many: string]> = {
  requirements: ["requirement", "requirements"],
  threats: ["threat", "threats"],
  abuseCases: ["abuse case", "abuse cases"],
  tests: ["test", "tests"],
  statuses: ["status", "statuses"],
  errors: ["error", "errors"],
  telemetry: ["telemetry field", "telemetry fields"],
  monitoring: ["monitoring item", "monitoring items"],
  questions: ["question", "questions"],
  checklist: ["checklist link", "checklist links"],
};
const summary = (c: Record<string, number>): string => Object.entries(c).map(([k, n]) => `${n} ${WORDS[k]![n === 1 ? 0 : 1]}`).join(", ") || "nothing";

interface Row {
  name: string;
  source: LoadedPack["source"];
  file: string;
  description?: string;
  when: string;
  disabled: boolean;
  replacesBuiltIn: boolean;
  contributes: Record<string, number>;
}

function rowsOf(set: PackSet): Row[] {
  const disabled = new Set(set.disabled.map((p) => p.name));
  const replaced = new Set(set.replaced.map((p) => p.name));
  return [...set.active, ...set.disabled].map((p) => ({
    name: p.name,
    source: p.source,
    file: p.source === "team" ? path.posix.join(set.teamFolder.split(path.sep).join("/"), p.file) : `packs/${p.file}`,
    ...(p.description ? { description: p.description } : {}),
    when: describeWhen(p.when),
    disabled: disabled.has(p.name),
    replacesBuiltIn: p.source === "team" && replaced.has(p.name),
    contributes: contributions(p),
  }));
}

interface Verdict extends WhenMatch {
  name: string;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd());
}

function listing(rows: Row[], configSource: string | undefined, teamFolder: string): string {
  const origin = (r: Row): string => (r.source === "built-in" ? "built-in" : r.replacesBuiltIn ? "team (replaces built-in)" : "team") + (r.disabled ? ", switched off" : "");
  return [
    ...table([["pack", "from", "applies when", "adds"], ...rows.map((r) => [r.name, origin(r), r.when, summary(r.contributes)])]),
    "",
    `${rows.length} pack(s): ${rows.filter((r) => r.source === "built-in").length} built-in, ${rows.filter((r) => r.source === "team").length} from ${teamFolder}${rows.some((r) => r.disabled) ? `, ${rows.filter((r) => r.disabled).length} switched off by ${configSource}` : ""}.`,
    "Add --answers <file> (or the plan's flags) to see which apply to a use-case and why.",
    "",
  ].join("\n");
}

function verdicts(label: string, facts: PackFacts, set: PackSet): { label: string; verdicts: Verdict[]; disabled: string[] } {
  return { label, verdicts: set.active.map((p) => ({ name: p.name, ...matchWhen(p.when, facts) })), disabled: set.disabled.map((p) => p.name) };
}

function explanation(uc: { label: string; verdicts: Verdict[]; disabled: string[] }): string {
  const applied = uc.verdicts.filter((v) => v.applies);
  const skipped = uc.verdicts.filter((v) => !v.applies);
  return [
    `${uc.label}: ${applied.length} of ${uc.verdicts.length} pack(s) apply`,
    ...table([["verdict", "pack", "why"], ...applied.map((v) => ["applies", v.name, v.reasons.join("; ") || "always"]), ...skipped.map((v) => ["not", v.name, `needs ${v.unmet.join("; ")}`])]).map((l) => `  ${l}`),
    ...uc.disabled.map((n) => `  off      ${n} (switched off in the config)`),
    "",
  ].join("\n");
}

export async function packsCommand<S extends Schema>(argv: readonly string[], term: Terminal, generator: GeneratorDefinition<S>, vocabulary: ConfigVocabulary): Promise<number> {
  const schema = { ...generator.schema, ...options };
  const command = parseCommand(
    argv,
    schema,
    "packs",
    `List the packs a plan gains items from, built-in and the team's, with their conditions. With --answers or ${generator.name}'s flags: which apply to that use-case and why.`,
    term,
  );
  if (!command) return 0;
  const opts = command.options as InputOf<typeof options>;
  const dest = path.resolve(term.cwd, opts.dest);
  const loaded = loadConfig(dest, vocabulary);
  const set = packSetOf(loaded, term.cwd);
  const rows = rowsOf(set);
  const { given } = command;
  if (!opts.answers && !Object.keys(generator.schema).some((k) => given[k] !== undefined)) {
    term.stdout.write(opts.json ? JSON.stringify({ teamFolder: set.teamFolder, packs: rows }, null, 2) + "\n" : listing(rows, loaded.keySources?.["disablePacks"] ?? loaded.config.source, set.teamFolder));
    return 0;
  }
  const factsOf = generator.packFacts?.bind(generator);
  if (!factsOf) throw new GenerationError(`the ${generator.name} generator does not say what facts packs are matched on`);
  const defaults = configDefaults(loaded, Object.keys(generator.schema)) as GivenSet<S>;
  const pending = await resolveInputs(generator.schema, given, opts.answers, term.cwd, defaults);
  const context = buildContext(loaded, dest, set.active);
  const inputs = pending.map((p) => {
    // A name is not needed to know which packs apply; one stands in when none is given.
    const stand = "name" in generator.schema && p.values["name" as keyof typeof p.values] === undefined ? { name: "Use-case" } : {};
    return withFallbacks(generator.schema, { ...stand, ...p.values } as Partial<InputOf<S>>);
  });
  crossCheckAll(generator, pending, inputs);
  const useCases = inputs.map((input, i) => {
    // A use-case of a batch is named with its entry in the file, as every message names it.
    const label = pending.length > 1 ? `${generator.label(input)} (${pending[i]!.entry})` : generator.label(input);
    const facts = factsOf(input, context);
    return { ...verdicts(label, facts, set), facts };
  });
  if (opts.json) {
    const out = useCases.map((u) => ({ useCase: u.label, facts: { ...u.facts, values: undefined }, packs: u.verdicts, disabled: u.disabled }));
    term.stdout.write(JSON.stringify({ teamFolder: set.teamFolder, packs: rows, useCases: out }, null, 2) + "\n");
  } else term.stdout.write(useCases.map(explanation).join("\n"));
  return 0;
}
