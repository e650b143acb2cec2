/**
 * What a generator is to mjoplan: a schema for its inputs and a pure build from
 * typed inputs to files in memory. The CLI and the plopfile both take
 * generators from the registry in generators/index.ts.
 */
import { mergeVocabularies, type ConfigVocabulary, type MjoplanConfig } from "./config/config.js";
import type { LoadedPack, PackFacts } from "./packs/pack.js";
import type { AnswerWords } from "./answer-words.js";
import type { InputOf, Schema } from "./schema/field.js";
import type { PlannedFile } from "./write/planned-file.js";

export interface BuildContext {
  /** YYYY-MM-DD for inputs without a date. */
  today: string;
  version: string;
  templatesDir: string;
  config: MjoplanConfig;
  /** The team's template folder, when it has one. */
  overridesDir?: string;
  /**
   * The packs to apply: built-in and the team's, less those the config switches off
   * (lib/packs/team.ts). Absent (contexts built by hand, tests): the built-in packs.
   */
  packs?: LoadedPack[];
  /** Called as each input of a batch is built, for progress on a terminal. */
  progress?: (done: number, total: number) => void;
  /** Reads a file below --dest, for generators that grow existing files; undefined when missing. */
  read?: (path: string) => string | undefined;
  /** The run's --dest, for generators that check a name against what is there (the modules a context could name). A string: the context goes to render threads, which cannot take a function. */
  dest?: string;
  /** The run writes its files over what differs (--force, --on-conflict overwrite): what it cannot merge need not stop it. */
  overwrite?: boolean;
}

/**
 * A run's inputs in order, as many as `length`: an array, or a batch from an answers
 * file that parses each entry again as it is reached, so that no more than one
 * use-case's input is held at a time (lib/cli/resolve-inputs.ts). Each pass
 * over it may yield new objects: keep nothing across use-cases.
 */
export type Inputs<S extends Schema> = Iterable<InputOf<S>> & {
  readonly length: number;
  /** Each input's label, where the caller has checked every input already (crossCheck) and taken the labels while at it: the run does not pass over them again. */
  readonly checkedLabels?: readonly string[];
};

export interface GeneratorDefinition<S extends Schema = Schema> {
  name: string;
  description: string;
  schema: S;
  /** Rules across fields (names that must differ between kinds, say): the flag at fault and the problem. */
  /** `words`: how the problem names answers, the flags (the default) or the answers file's keys where the answer at fault is the file's. */
  crossCheck?(input: InputOf<S>, words?: AnswerWords): { flag: string; problem: string } | undefined;
  /** Inputs that are questionable but not contradictory: one line each, printed as warnings. */
  warnings?(input: InputOf<S>, context: BuildContext): string[];
  /**
   * The warnings the values so far already decide (a capability no pack knows): said before the first question, and
   * after the answer that brings them, not after every question (TRIAL6 U15). Each is among `warnings` of the whole
   * input, in the same words, so a run that said it early does not say it again.
   */
  earlyWarnings?(values: Partial<InputOf<S>>, context: BuildContext): string[];
  /**
   * Checks what can be checked of the values given so far against the destination before
   * anything is asked (the use-case to grow exists): throws an InputError. Run again after each answer at a prompt.
   */
  precheck?(values: Partial<InputOf<S>>, context: BuildContext, dest: string): Promise<void>;
  /**
   * The choices a prompt offers for a choice or multi field, once the answers so far say what is there (a grow of
   * test kinds offers the kinds the use-case lacks, none ticked): by key, undefined for the schema's own choices.
   */
  offered?(values: Partial<InputOf<S>>, context: BuildContext): Partial<Record<keyof S & string, readonly string[]>> | undefined;
  /** The answers a use-case already planned keeps, once `values` name it (and where): an interactive run's defaults. */
  keptAnswers?(values: Partial<InputOf<S>>, context: BuildContext): { from: string; values: Partial<InputOf<S>> } | undefined;
  /**
   * What one input changes, for generators that change something already there (a grow: the use-case's plan file):
   * a batch with two entries of the same key is refused naming both, not rendered twice over the same files.
   */
  target?(input: InputOf<S>, context: BuildContext): string;
  /** A short label of one input, for messages and summaries. */
  label(input: InputOf<S>): string;
  /**
   * One input as an answers file holds it (what `--answers` reads back): where a run fails after the answers were
   * asked at a terminal (a template's code Prettier cannot format), they are kept in a file rather than lost.
   */
  answersOf?(input: InputOf<S>): Record<string, unknown>;
  /**
   * All inputs of a run (a batch) to their files, one list per input, as the run
   * asks for them (a generator function): a batch renders, stages and drops one
   * use-case at a time.
   */
  build(inputs: Inputs<S>, context: BuildContext): Iterable<PlannedFile[]>;
  /** The facts packs are matched on, for generators that apply packs (`mjoplan packs --answers` asks the plan generator). */
  packFacts?(input: InputOf<S>, context: BuildContext): PackFacts;
  /** The names this generator reads from the team's config (output paths, suffixes, sections), so a config is checked against them. */
  config?: Partial<ConfigVocabulary>;
}

export function defineGenerator<S extends Schema>(definition: GeneratorDefinition<S>): GeneratorDefinition<S> {
  return definition;
}

/** The generators a program offers, by name (mjoplan's: generators/index.ts, handed to the CLI by its bin). */
export type Registry = Readonly<Record<string, GeneratorDefinition<Schema>>>;

/** Every answer any generator takes: a config's defaults may name any of them, and each command takes its own. */
export function answerKeysOf(generators: Registry): string[] {
  return [...new Set(Object.values(generators).flatMap((g) => Object.keys(g.schema)))];
}

/** The config names every generator knows: what a team's config is validated against (and the editors' JSON Schema made from). */
export function configVocabularyOf(generators: Registry): ConfigVocabulary {
  return mergeVocabularies(Object.values(generators).map((g) => g.config));
}
