/**
 * A tool call's arguments as given values of a schema: the same parsers as
 * flags and answers files, with the argument's name as `where`, so a bad value
 * gets the CLI's one-line problem ("valueObjects[0]: unknown rule ...").
 */
import { InputError } from "../errors.js";
import type { Schema } from "../schema/field.js";
import type { GivenSet } from "../schema/resolve.js";

/** Throws for a key no schema knows, like an answers file does. */
export function refuseUnknown(args: Readonly<Record<string, unknown>>, known: readonly string[]): void {
  for (const key of Object.keys(args)) {
    if (!known.includes(key)) throw new InputError(key, `unknown argument (expected one of ${known.join(", ")})`);
  }
}

/** The arguments a schema has; null and undefined count as not given. */
export function givenOf<S extends Schema>(schema: S, args: Readonly<Record<string, unknown>>): GivenSet<S> {
  const given: GivenSet<S> = {};
  for (const key of Object.keys(schema)) {
    const raw = args[key];
    if (raw !== null && raw !== undefined) given[key as keyof S] = { raw, where: key };
  }
  return given;
}
