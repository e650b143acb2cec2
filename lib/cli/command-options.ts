/** The flags of a command that is not a generator: parsed from its schema, with --help answered here. */
import type { InputOf, Schema } from "../schema/field.js";
import { parseAll, withFallbacks, type GivenSet } from "../schema/resolve.js";
import { parseArgv, type ParsedArgv } from "./argv.js";
import { helpText } from "./help.js";
import { checkNpmTookNoFlags, type Env } from "./invocation.js";

interface HelpWriter {
  stdout: { write(s: string): unknown };
  env?: Env;
}

/** The typed options, the positional arguments and the flags as given; undefined when --help was asked for (and printed). */
export function parseCommand<S extends Schema & { help: unknown }>(
  argv: readonly string[],
  schema: S,
  usage: string,
  description: string,
  term: HelpWriter,
): { options: InputOf<S>; positionals: string[]; given: ParsedArgv["given"] } | undefined {
  checkNpmTookNoFlags(term.env ?? {}, schema, usage.split(" ")[0]!);
  const parsed = parseArgv(argv, schema);
  const options = withFallbacks(schema, parseAll(schema, parsed.given as GivenSet<S>));
  if (options.help) {
    term.stdout.write(helpText(usage, description, [schema], term.env));
    return undefined;
  }
  return { options, positionals: parsed.positionals, given: parsed.given };
}
