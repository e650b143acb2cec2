/**
 * A field of a generator's input schema. The schema is the single truth for a
 * generator's inputs: flags, answers files, prompts, validation, --help and the
 * README's flag table are all derived from these objects.
 */
import type { ValueProblem } from "./problem.js";
export type FieldKind = "text" | "choice" | "multi" | "list" | "flag";

/** `true` when valid, otherwise the problem in a few words. */
export type Validator<T> = (value: T) => true | string | ValueProblem;

export interface FieldBase<K extends FieldKind, V> {
  readonly kind: K;
  /** Flag name without dashes, kebab-case; the answers-file key is its camelCase. */
  readonly flag: string;
  /**
   * Other flag names taken for it: a sibling command's name for the same answer (`test --tests`, as plan
   * spells its kinds), so the flag a user just typed works rather than pointing at an unrelated one.
   */
  readonly aliases?: readonly string[];
  /**
   * Flags another command names this answer with, offered as "did you mean" when typed here but never taken for it:
   * a grow's --use-case is plan's --name, too far apart in letters for the typo hint to find (TRIAL6 U13).
   */
  readonly meantBy?: readonly string[];
  /** One line for --help, the README and the prompt. */
  readonly description: string;
  /** The prompt's question where the description names flags or placeholders a person at a prompt does not type. */
  readonly prompt?: string;
  /** The default a prompt offers, decided by the answers so far (the route from the use-case's name). */
  readonly askDefault?: (answers: Readonly<Record<string, unknown>>) => string | undefined;
  /** What Enter plans where the prompt offers no default (a /me route's relation: the caller's own one), shown where a default would be. */
  readonly askNote?: (answers: Readonly<Record<string, unknown>>) => string | undefined;
  /** Placeholder shown in --help, e.g. `Name:rule`. */
  readonly valueHint?: string;
  /** What a word of the value hint may be (`rule` of `Name:rule`: email, uuid, ...), for agents and --help readers who cannot guess. */
  readonly parts?: Readonly<Record<string, readonly string[]>>;
  /** Turns a raw value (a flag string, or whatever an answers file holds) into a typed one; throws a string problem. */
  readonly parse: (raw: unknown) => V;
  /** Used when the value is not given and not asked. */
  readonly fallback: V;
  /** Asked for when running interactively and not given. Fields like --dest are never asked. */
  readonly ask: boolean;
  /** Missing and not askable: the run cannot go on. */
  readonly required: boolean;
  /** Ask only when the answers so far make the field matter (roles only for `--auth roles`). */
  readonly askWhen?: (answers: Readonly<Record<string, unknown>>) => boolean;
  /** Required (an empty list counting as missing) when the other answers make it so: roles with `--auth roles`. */
  readonly requiredWhen?: (answers: Readonly<Record<string, unknown>>) => boolean;
  /** Given, it sets other answers (`--roles` sets `auth: roles`), unless those were given otherwise: then the run stops. */
  readonly implies?: Readonly<Record<string, string>>;
}

export type TextField = FieldBase<"text", string>;
export interface ChoiceField<C extends string = string> extends FieldBase<"choice", C> {
  readonly choices: readonly C[];
}
export interface MultiField<C extends string = string> extends FieldBase<"multi", C[]> {
  readonly choices: readonly C[];
}
/** Repeatable flag: one item per occurrence; an array in answers files; asked one by one until blank. */
export interface ListField<I = unknown> extends FieldBase<"list", I[]> {
  readonly parseItem: (raw: unknown) => I;
  /** A flag value is a comma list of items (`--pii email,ip`) rather than one item per flag. */
  readonly commaSeparated: boolean;
  /** Checks the whole list once its items are parsed (duplicates, say). */
  readonly validateAll: Validator<I[]>;
}
export type FlagField = FieldBase<"flag", boolean>;

// Lists are `any` here only: a ListField<Email> must fit where any list field is taken.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = TextField | ChoiceField | MultiField | ListField<any> | FlagField;
export type Schema = Readonly<Record<string, AnyField>>;

export type ValueOf<F> = F extends FieldBase<FieldKind, infer V> ? V : never;
export type InputOf<S extends Schema> = { -readonly [K in keyof S]: ValueOf<S[K]> };
