/**
 * Planning a use-case again: `plan` over a plan that keeps its answers, and the grow commands, which
 * are `plan` with more answers. Both render every file from the new answers and hand each with
 * `base`, its rendering from the answers the plan on disk keeps, so the run merges it with the disk
 * three ways (lib/merge): what a person wrote stays, and every generated part is what `plan` writes
 * for the new answers. One path for both, so `plan` and a grow merge alike.
 */
import { InputError } from "../../lib/errors.js";
import { parseAll, withFallbacks, type Given } from "../../lib/schema/resolve.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import { planSchema, type PlanInput } from "./schema.js";
import { readAnswers, valueObjectText } from "./stored-answers.js";
import { namesOf } from "./names.js";
import type { BuildContext } from "../../lib/generator.js";
import type { Renderer } from "../../lib/render/engine.js";
import type { PlanModel } from "./model.js";
import { planRenderer, renderPlan } from "./render.js";

/** The answers a plan keeps, as the plan generator's input; undefined where it keeps none (made by hand or by an older mjoplan). */
export function storedPlanInput(plan: string, planPath: string): PlanInput | undefined {
  const stored = readAnswers(plan, planPath);
  if (!stored) return undefined;
  const given = Object.fromEntries(Object.entries(stored).map(([k, raw]): [string, Given] => [k, { raw, where: `${planPath}: stored answers.${k}` }]));
  return withFallbacks(planSchema, parseAll(planSchema, given));
}

/** Why the plan on disk (`before`) is another use-case than `after` plans, or undefined: another name as typed (case and spacing aside) or another context. */
export function otherUseCase(before: PlanInput, after: PlanInput): string | undefined {
  const typed = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();
  const sameName = typed(before.name) === typed(after.name);
  const sameContext = namesOf(before.context || "Core").pascal === namesOf(after.context || "Core").pascal;
  if (sameName && sameContext) return undefined;
  return `holds ${JSON.stringify(before.name)} of context ${before.context || "Core"}; this run plans ${JSON.stringify(after.name)} of context ${after.context || "Core"}, whose files land on it`;
}

/**
 * What the answers on disk have that the new ones lack of what a grow adds (value objects, events,
 * test kinds, the scheduled command), each as a person would name it; empty when nothing is dropped.
 * Re-running an answers file older than a grow would otherwise remove the grown parts without a word.
 */
export function droppedByAnswers(before: PlanInput, after: PlanInput): string[] {
  const pascal = (name: string): string => namesOf(name).pascal;
  const has = (names: readonly string[], name: string): boolean => names.some((n) => pascal(n) === pascal(name));
  return [
    ...before.valueObjects.filter((v) => !has(after.valueObjects.map((a) => a.name), v.name)).map((v) => `value object ${valueObjectText(v)}`),
    ...before.events.filter((e) => !has(after.events.map((a) => a.name), e.name)).map((e) => `event ${e.name}`),
    ...before.tests.filter((k) => !after.tests.includes(k)).map((k) => `${k} tests`),
    ...(before.scheduledCommand && !has(after.scheduledCommand ? [after.scheduledCommand] : [], before.scheduledCommand) ? [`scheduled command ${before.scheduledCommand}`] : []),
  ];
}

/**
 * What the answers on disk hold that the new ones leave out, of what brings a plan its defences and checks (capabilities,
 * what must not leak, the audit trail, personal data, the resource and its relation, criteria, errors, transitions, the
 * rate limit, the job, the feature flag), each as a person would name it. Planning again with fewer answers is how a
 * person removes one, so it is not refused as a grown part is (droppedByAnswers); but a second `plan` with answers
 * guessed again (an agent's new session, a stale backlog entry) removed a secret link's and an enumeration's
 * requirements, threats and tests without a word (USER20 U1): the run says what goes.
 */
export function lessenedByAnswers(before: PlanInput, after: PlanInput): string[] {
  const gone = (was: readonly string[], now: readonly string[]): string[] => was.filter((x) => !now.includes(x));
  const leakOf = (i: PlanInput): string => i.enumeration?.trim() || (i.enumerationSensitive ? "account" : "");
  const said = (what: string, items: readonly string[]): string[] => (items.length ? [`${what} ${items.join(", ")}`] : []);
  const kept = (was: string | undefined, now: string | undefined, what: string): string[] => (was?.trim() && !now?.trim() ? [`${what} ${was.trim()}`] : []);
  const transition = (t: { from: string; to: string }): string => `${t.from}->${t.to}`;
  return [
    ...said(before.capabilities.length > 1 ? "capabilities" : "capability", gone(before.capabilities, after.capabilities)),
    ...(leakOf(before) && !leakOf(after) ? [`enumeration ${leakOf(before)}`] : []),
    ...(before.audit && !after.audit ? ["the audit trail"] : []),
    ...(before.async && !after.async ? ["async"] : []),
    ...said("personal data", gone(before.pii, after.pii)),
    ...kept(before.resource, after.resource, "resource"),
    ...kept(before.relation, after.relation, "relation"),
    ...kept(before.rateLimit, after.rateLimit, "rate limit"),
    ...kept(before.featureFlag, after.featureFlag, "feature flag"),
    ...said("transition", gone(before.transitions.map(transition), after.transitions.map(transition))),
    ...said("error", gone(before.errors.map((e) => e.name), after.errors.map((e) => e.name))),
    ...(gone(before.criteria, after.criteria).length ? [`${gone(before.criteria, after.criteria).length} acceptance criteria`] : []),
  ];
}

/** The files rendered from the new answers, each that the old answers render too carrying that rendering as its base. */
export function withBases(after: readonly PlannedFile[], before: readonly PlannedFile[]): PlannedFile[] {
  const base = new Map(before.map((f) => [f.path, f.content]));
  return after.map((f) => (f.mode === "create-only" || !base.has(f.path) ? f : { ...f, base: base.get(f.path)! }));
}

/** Lines of `a` and `b` that the other lacks, counted as multisets: how far apart two renderings are, in linear time. */
function linesApart(a: string, b: string): number {
  const count = new Map<string, number>();
  for (const line of a.split("\n")) count.set(line, (count.get(line) ?? 0) + 1);
  let onlyB = 0;
  for (const line of b.split("\n")) {
    const n = count.get(line) ?? 0;
    if (n > 0) count.set(line, n - 1);
    else onlyB++;
  }
  let onlyA = 0;
  for (const n of count.values()) onlyA += n;
  return onlyA + onlyB;
}

/**
 * The old answers' rendering each file on disk was most likely written with: by the team's templates as they are
 * now (`team`), or by the built-in ones (`builtIn`: a plan written before the team ejected and edited a template).
 * Merged from the team's rendering, a file written with the built-in templates keeps its old text wherever the
 * team's template changed it (both renderings agree there with the new answers, so the merge sees no change to
 * make); merged from the built-in one, the team's change is a generated change like new answers, and what a person
 * wrote stays. The closer rendering to the file on disk is taken: edits count alike against both.
 */
export function basesOnDisk(team: readonly PlannedFile[], builtIn: readonly PlannedFile[], read: ((path: string) => string | undefined) | undefined): PlannedFile[] {
  const builtInOf = new Map(builtIn.map((f) => [f.path, f.content]));
  return team.map((f) => {
    const other = builtInOf.get(f.path);
    if (other === undefined || other === f.content) return f;
    const disk = read?.(f.path);
    return disk !== undefined && linesApart(disk, other) < linesApart(disk, f.content) ? { ...f, content: other } : f;
  });
}

/** The renderings of the old answers each file is merged from (`basesOnDisk` where the team has templates of its own). */
export function oldRendering(old: PlanModel, renderer: Renderer, context: BuildContext): PlannedFile[] {
  const bases = renderPlan(old, renderer);
  return context.overridesDir ? basesOnDisk(bases, renderPlan(old, planRenderer(context.templatesDir)), context.read) : bases;
}

/**
 * What `plan` merges with: the answers kept by the plan on disk at `planPath`.
 * A plan that keeps none (made by hand or by an older mjoplan) gives none: its files are then
 * compared whole under the conflict policy, as before there were answers to keep. A plan whose
 * kept answers no longer read (the comment edited by hand, an answer this version does not know)
 * is bad input, said with the plan's path: compared whole, every file a person changed would be a
 * conflict or, under --force, overwritten, where the merge would have kept their edits. Only a run
 * that overwrites anyway (`overwrite`: --force) goes on without them.
 */
export function answersOnDisk(planPath: string | undefined, read: Reader | undefined, overwrite = false): PlanInput | undefined {
  if (planPath === undefined || read === undefined) return undefined;
  const outcome = readOnce(planPath, read);
  if (!("error" in outcome)) return outcome.input;
  if (overwrite) return undefined;
  throw new InputError(outcome.error.where, `${outcome.error.problem}; mend the comment, or delete it (the files are then compared whole), or give --force to write this run's files over yours`);
}

type Reader = (path: string) => string | undefined;
type Outcome = { input: PlanInput | undefined } | { error: InputError };

/**
 * The last plan each reader read, with what its answers parsed to. A use-case's precheck, its warnings and its build
 * each ask for the plan on disk (a batch into an existing folder read and parsed each ~110 KB plan three times: note20),
 * and a run's reader reads a --dest the run writes to only after the build; one plan a reader, so a batch of thousands
 * holds one, not all, and a new run (a new reader: a CLI run, an MCP call, a render thread) reads the disk again.
 */
const lastRead = new WeakMap<Reader, { planPath: string; outcome: Outcome }>();

function readOnce(planPath: string, read: Reader): Outcome {
  const kept = lastRead.get(read);
  if (kept?.planPath === planPath) return kept.outcome;
  const outcome = parsedPlan(planPath, read(planPath));
  lastRead.set(read, { planPath, outcome });
  return outcome;
}

function parsedPlan(planPath: string, text: string | undefined): Outcome {
  if (text === undefined) return { input: undefined };
  try {
    return { input: storedPlanInput(text, planPath) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { error: e };
  }
}
