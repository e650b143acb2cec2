/**
 * check and sync as the bin runs them (bin/run-check.ts): the same commands main() would run, without the generators,
 * their templates and the other commands' code, which a check of a plan never calls but would read at every start.
 */
import { checkCommand, syncCommand } from "./check-command.js";
import { toExitCode } from "./exit-code.js";
import type { Terminal } from "./terminal.js";

/** Runs `check ...` or `sync ...` (bin/mjoplan.ts sends no other command here) to its exit code. */
export function checkMain(argv: readonly string[], given: Terminal, signal?: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  return toExitCode(argv, given, async (term) => (command === "sync" ? syncCommand(rest, term, signal) : checkCommand(rest, term)), signal);
}
