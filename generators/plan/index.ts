/** The `plan` generator: a use-case's plan, test skeletons and domain stubs. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { defineGenerator, type BuildContext } from "../../lib/generator.js";
import { normalize, type NormalizeOptions } from "./normalize.js";
import { toAnswers } from "./stored-answers.js";
import { PLAN_CONFIG } from "./config.js";
import { expand, layoutOf, suffixesOf } from "./layout.js";
import { planRenderer, renderPlan } from "./render.js";
import { withArticle } from "../../lib/article.js";
import { namesOf } from "./names.js";
import { builtInPacks } from "../../lib/packs/built-in.js";
import { knownCapabilities } from "../../lib/packs/team.js";
import { contradictionOf, factsOf, packFactsOf, warningsOf } from "./facts.js";
import { cardDataWarnings, piiProblem, piiWarnings, secretInEventProblem, unnamedPersonalData } from "./pii-fields.js";
import { sharedRuleClash } from "./shared-stubs.js";
import { InputError } from "../../lib/errors.js";
import { BUILT_IN_CAPABILITIES, planSchema, type PlanInput } from "./schema.js";
import { withFallbacks } from "../../lib/schema/resolve.js";
import { testingOf } from "./testing.js";
import { answersOnDisk, droppedByAnswers, lessenedByAnswers, oldRendering, otherUseCase, withBases } from "./replan.js";
import { capabilityTypo, unknownCapabilityWarnings } from "./capability-typo.js";
import { contextFinding, contextsFolderOf, foldersIn, type ContextFinding } from "./known-contexts.js";
import { actorOf } from "./actor.js";
import { unknownChecklistItem } from "./pack-checklist.js";
import { lostHeading } from "./kept-headings.js";

/** How a run's context (the team's config) shapes normalization; the test sub-generator normalizes the same way. */
export function normalizeOptions(context: BuildContext): NormalizeOptions {
  const { config } = context;
  return {
    today: context.today,
    generatorVersion: context.version,
    layout: layoutOf(config.paths),
    suffixes: suffixesOf(config.suffixes),
    importExtension: config.importExtension,
    testing: testingOf(config.testRunner, config.testGlobals),
    valueObjectStyle: config.valueObjectStyle,
    extraChecklist: config.checklist,
    omitSections: config.omitSections,
    ...(context.packs ? { packs: context.packs } : {}),
    ...(config.kernelImport ? { kernelImport: config.kernelImport } : {}),
    ...(config.portsImport ? { portsImport: config.portsImport } : {}),
    ...(config.fakesImport ? { fakesImport: config.fakesImport } : {}),
  };
}

/** What to say of a use-case's context where the layout gives each context a folder (generators/plan/known-contexts.ts). */
function contextOf(given: string, context: BuildContext): ContextFinding {
  const folder = contextsFolderOf(layoutOf(context.config.paths));
  if (!folder || context.dest === undefined) return {};
  return contextFinding(given, String(planSchema.context.fallback), folder, foldersIn(context.dest, folder.parent));
}

/** Where the plan of the values given so far lies, once its name (and its context, where the layout names it) is known. */
function planPathOf(values: { name?: unknown; context?: unknown }, context: BuildContext): string | undefined {
  const template = layoutOf(context.config.paths).plan;
  if (typeof values.name !== "string" || !values.name) return undefined;
  if (typeof values.context !== "string" && /\{(?:context|Context|contextCamel|context_snake)\}/.test(template)) return undefined;
  return expand(template, namesOf(values.name), namesOf(typeof values.context === "string" && values.context ? values.context : "Core"));
}

/** The capabilities a run knows (the active packs', those they refine, built-in ones switched off, and those a fact stands for), and the switched-off ones. */
function capabilitiesKnown(capabilities: readonly string[], context: BuildContext): { known: string[]; off: string[] } {
  const active = knownCapabilities(context.packs ?? builtInPacks());
  // A capability applies through its own packs or those that refine it (sends-message through sends-message-email).
  const applies = (c: string): boolean => active.some((k) => k === c || k.startsWith(`${c}-`));
  // A built-in one whose packs the config switches off all is known, and adds nothing: said as such.
  const off = capabilities.filter((c) => !applies(c) && knownCapabilities(builtInPacks()).includes(c));
  // A built-in one that no pack names but a fact stands for (webhook: signed, sign-in: credentials, token-refresh)
  // brings its packs through that fact: known, not "no pack knows it" (TRIAL4 V4).
  const byFact = BUILT_IN_CAPABILITIES.filter((c) => !knownCapabilities(builtInPacks()).includes(c));
  return { known: [...active, ...capabilities.filter(applies), ...off, ...byFact], off };
}

/**
 * A use-case planned before, planned again with answers that leave out what its plan keeps (a capability, what must not
 * leak, the audit trail, ...): one line naming what goes, so neither a person re-running an old backlog entry nor an agent
 * calling `plan` again with what it guessed strips a plan's defences unseen (USER20 U1). Another use-case's plan there is
 * refused by the build, and a plan whose answers no longer read by precheck: neither is said here.
 */
function replanWarnings(input: PlanInput, context: BuildContext): string[] {
  const planPath = planPathOf(input, context);
  const before = answersOnDisk(planPath, context.read, true);
  if (!before || otherUseCase(before, input)) return [];
  const lessened = lessenedByAnswers(before, input);
  return [
    ...(lessened.length ? [`${planPath}: planned again from answers that leave out what the plan was made with: ${lessened.join("; ")}; what they brought (requirements, threats, tests) leaves the plan: give them again to keep it`] : []),
    ...leftOnDisk(before, input, context, planPath!),
  ];
}

/**
 * A value object, event, test kind or scheduled command the answers drop, where the run may drop it (--force): its
 * files are left on disk, as the README says, but the run named none of them, and `check` sees none, since the plan no
 * longer links them (USER20 U6). Rendered only then: both answers' file lists, the old ones' still there named.
 */
function leftOnDisk(before: PlanInput, input: PlanInput, context: BuildContext, planPath: string): string[] {
  const dropped = context.overwrite ? droppedByAnswers(before, input) : [];
  if (!dropped.length) return [];
  const renderer = planRenderer(context.templatesDir, context.overridesDir);
  const options = normalizeOptions(context);
  const now = new Set(renderPlan(normalize(input, options), renderer).map((f) => f.path));
  const left = renderPlan(normalize(before, options), renderer)
    .map((f) => f.path)
    .filter((p) => !now.has(p) && context.read?.(p) !== undefined);
  return left.length ? [`${planPath}: these answers drop ${dropped.join(", ")}; ${left.length === 1 ? "its file stays" : "their files stay"} on disk, planned no more (remove by hand): ${left.join(", ")}`] : [];
}

/**
 * Why the plan on disk is another use-case than the answers so far name (otherUseCase), or undefined. A context not
 * asked yet is the plan's own: the question after the name may still give it, and is judged then.
 */
function otherOnDisk(before: PlanInput, values: { name?: unknown; context?: unknown }): string | undefined {
  if (typeof values.name !== "string") return undefined;
  return otherUseCase(before, { ...before, name: values.name, context: typeof values.context === "string" ? values.context : before.context });
}

/** The folder listings a run looked at for case twins, per run: a batch reads docs/features/api once, not once per use-case. */
const listings = new WeakMap<BuildContext, Map<string, readonly string[]>>();

/**
 * The path on disk that differs from `rel` (a new plan's) only in letter case, or undefined: "Resetpassword" beside a
 * planned "ResetPassword" is another folder on Linux and the same one on macOS and Windows, where the second plan
 * overwrites the first (USER21 V5). Each folder from the destination down is listed once per run.
 */
function caseTwinOnDisk(rel: string, context: BuildContext): string | undefined {
  if (context.dest === undefined) return undefined;
  let cache = listings.get(context);
  if (!cache) listings.set(context, (cache = new Map()));
  let at = "";
  for (const part of rel.split("/")) {
    let names = cache.get(at);
    if (!names) {
      try {
        names = readdirSync(path.join(context.dest, at));
      } catch {
        names = [];
      }
      cache.set(at, names);
    }
    if (!names.includes(part)) {
      const folded = part.toLowerCase();
      const twin = names.find((n) => n.toLowerCase() === folded);
      return twin === undefined ? undefined : at ? `${at}/${twin}` : twin;
    }
    at = at ? `${at}/${part}` : part;
  }
  return undefined;
}

export const planGenerator = defineGenerator({
  name: "plan",
  description: "Plan a use-case: the plan, test skeletons per kind, value-object, event and command stubs",
  schema: planSchema,
  label: (input) => input.name,
  answersOf: (input) => {
    const { date, ...answers } = toAnswers(input, input.date ?? "");
    return input.date ? { ...answers, date } : answers;
  },
  config: PLAN_CONFIG,
  async precheck(values, context) {
    // A plan there whose kept answers no longer read is said as soon as its path is known, not after every question.
    const planPath = planPathOf(values, context);
    const before = answersOnDisk(planPath, context.read, context.overwrite);
    // A plan there of another use-case is refused at the name's prompt too, not after every question, with that
    // use-case's answers offered as this one's meanwhile (USER21 V1); build refuses it in the same words.
    const other = before && !context.overwrite ? otherOnDisk(before, values) : undefined;
    if (other) throw new InputError(planPath!, `${other}; give another --name, paths with {context}, or --force to replace it; nothing was written`);
    // A team pack's checklist entry whose item the review checklist lacks would link nothing: refused before anything is asked.
    const item = unknownChecklistItem(context.packs ?? [], context.config.packs);
    if (item) throw new InputError(item.where, item.problem);
    // A capability one typo off a pack's: said with the name meant, at its prompt.
    const typo = capabilityTypo(values.capabilities, knownCapabilities(context.packs ?? builtInPacks()));
    if (typo) throw new InputError(`--${typo.flag}`, typo.problem);
    // A --pii entry one typo off a field, likewise: at its prompt, not after every other question.
    const pii = Array.isArray(values.pii) && values.pii.length ? piiProblem(withFallbacks(planSchema, values)) : undefined;
    if (pii) throw new InputError(`--${pii.flag}`, pii.problem);
    // A context one typo off a module already there (a layout with a folder per context): said with the module meant.
    if (typeof values.context === "string") {
      const typo = contextOf(values.context, context).problem;
      if (typo) throw new InputError("--context", typo);
    }
    // A value object whose file the context's use-cases share must keep one rule (generators/plan/shared-stubs.ts).
    const clash = sharedRuleClash(values, context);
    if (clash) throw new InputError(`--${clash.flag}`, clash.problem);
  },
  // A use-case already planned: its plan's answers are an interactive run's defaults (broken ones are said by precheck).
  keptAnswers(values, context) {
    const from = planPathOf(values, context);
    const kept = from === undefined ? undefined : answersOnDisk(from, context.read, true);
    // Another use-case's answers are not this one's defaults (with --force its plan is replaced, not re-planned).
    return from !== undefined && kept && !otherOnDisk(kept, values) ? { from, values: kept } : undefined;
  },
  crossCheck(input, words) {
    // Value objects, events and the command become classes that meet in one test file: their names must differ.
    const owners = new Map<string, string>();
    const named: [string, string][] = [
      ...input.valueObjects.map((v): [string, string] => ["value-object", v.name]),
      ...input.events.map((e): [string, string] => ["event", e.name]),
      ...(input.scheduledCommand ? [["scheduled-command", input.scheduledCommand] as [string, string]] : []),
    ];
    // The handler contract declares these beside the value objects it imports.
    const useCase = namesOf(input.name).pascal;
    for (const suffix of ["Request", "Input", "Body", "Reply", "Record", "Deps"]) owners.set(`${useCase}${suffix}`, "handler contract type");
    for (const [flag, name] of named) {
      const pascal = namesOf(name).pascal;
      const first = owners.get(pascal);
      if (first) return { flag, problem: `${pascal} is already the name of ${withArticle(first.replace("-", " "))}; value objects, events, the scheduled command and the handler's types need different names` };
      owners.set(pascal, flag);
    }
    return contradictionOf(input, words) ?? piiProblem(input) ?? secretInEventProblem(input);
  },
  warnings: (input, context) => {
    const { known, off } = capabilitiesKnown(input.capabilities, context);
    const offLines = off.map((c) => `--capability ${c}: its packs are switched off by the config's disablePacks, so it adds nothing to the plan (mjoplan packs lists them)`);
    const newModule = contextOf(input.context, context).warning;
    // The capabilities no pack knows are said here, in the words earlyWarnings uses (warningsOf is told they are known).
    const unknown = unknownCapabilityWarnings(input.capabilities, known);
    return [...(newModule ? [newModule] : []), ...unknown, ...warningsOf(input, [...known, ...input.capabilities]), ...offLines, ...piiWarnings(input), ...unnamedPersonalData(input), ...cardDataWarnings(input), ...replanWarnings(input, context)];
  },
  earlyWarnings: (values, context) => {
    const given = Array.isArray(values.capabilities) ? values.capabilities.filter((c): c is string => typeof c === "string") : [];
    return unknownCapabilityWarnings(given, capabilitiesKnown(given, context).known);
  },
  packFacts: (input) => {
    const facts = factsOf(input);
    return packFactsOf(facts, { useCase: namesOf(input.name).title, actor: actorOf(input, facts), system: input.system, criteria: input.criteria });
  },
  *build(inputs, context) {
    const renderer = planRenderer(context.templatesDir, context.overridesDir);
    const options = normalizeOptions(context);
    let done = 0;
    for (const given of inputs) {
      context.progress?.(++done, inputs.length);
      // A use-case planned before, whose plan keeps its answers: merged with what is on disk, as a grow command does.
      // Its date is the day it was planned: kept unless --date gives another (a backlog re-run changes no date).
      const before = answersOnDisk(planPathOf(given, context), context.read, context.overwrite);
      const input = !given.date && before?.date ? { ...given, date: before.date } : given;
      const files = renderPlan(normalize(input, options), renderer);
      const planPath = files.find((f) => f.isPlan)?.path;
      // The team's templates keep the headings check and sync find their sections by.
      const lost = context.overridesDir ? lostHeading(files.find((f) => f.isPlan)?.content ?? "", context.config.omitSections, context.overridesDir) : undefined;
      if (lost) throw new InputError(lost.where, lost.problem);
      // A plan there of another use-case (the same name in another context under paths without {context}, names that
      // differ only in punctuation) is not merged into this one: the merge is for the same use-case with new answers.
      const other = before && !context.overwrite ? otherUseCase(before, input) : undefined;
      if (other) throw new InputError(planPath!, `${other}; give another --name, paths with {context}, or --force to replace it; nothing was written`);
      const twin = before || planPath === undefined ? undefined : caseTwinOnDisk(planPath, context);
      if (twin) throw new InputError(planPath!, `differs only in letter case from ${twin}, already there: one path on macOS and Windows, where this plan would overwrite that one; give another --name; nothing was written`);
      // Answers that lack what the plan keeps (a grow added it since the answers file was written) drop it only when told.
      const dropped = before && !context.overwrite ? droppedByAnswers(before, input) : [];
      if (dropped.length) {
        throw new InputError(planPath!, `keeps ${dropped.join(", ")} that these answers for ${JSON.stringify(input.name)} lack (a grow added them, or an earlier plan); add them to the answers, or give --force to drop them; nothing was written`);
      }
      yield before ? withBases(files, oldRendering(normalize(before, options), renderer, context)) : files;
    }
  },
});
