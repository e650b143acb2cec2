/**
 * How every command ends, whichever entry runs it (lib/cli/main.ts, lib/cli/check-main.ts): bad input is one line and
 * exit 2, an interrupted run 130 or 143, a failed generation 1, anything unexpected 1 with its stack under --debug.
 */
import { GenerationError, InputError } from "../errors.js";
import { TemplateError } from "../render/template-error.js";
import { Interrupted } from "../write/commit.js";
import { userCwd } from "./invocation.js";
import type { Terminal } from "./terminal.js";

/** Runs `command` in `given` (its folder the one the person typed in, under npm run too) and turns what it throws into stderr lines and an exit code. */
export async function toExitCode(argv: readonly string[], given: Terminal, command: (term: Terminal) => Promise<number>, signal?: AbortSignal): Promise<number> {
  const debug = argv.includes("--debug");
  // Relative --dest, --answers and paths from where the person typed (npm run plop from a subfolder).
  // Copied with its getters, not their values: the bin makes stderr and looks at stdin only when they are used.
  const term = Object.defineProperties(Object.defineProperties({}, Object.getOwnPropertyDescriptors(given)) as Terminal, {
    cwd: { value: userCwd(given.env ?? {}, given.cwd), enumerable: true, writable: true, configurable: true },
  });
  try {
    return await command(term);
  } catch (error) {
    if (error instanceof InputError) {
      for (const line of error.message.split("\n")) term.stderr.write(`mjoplan: ${line}\n`);
      // A parse error's context (the template's line and a caret under the spot), as the parser drew it.
      if (error instanceof TemplateError) for (const line of error.context) term.stderr.write(`  ${line}\n`);
      return 2;
    }
    if (error instanceof Interrupted) {
      term.stderr.write(`mjoplan: ${error.message}\n`);
      // 128 + the signal's number, as a shell reports a process the signal ended.
      return signal?.reason === "SIGTERM" ? 143 : 130;
    }
    if (error instanceof GenerationError) {
      term.stderr.write(`mjoplan: ${error.message}\n`);
      if (debug && error.cause instanceof Error) term.stderr.write(`${error.cause.stack ?? ""}\n`);
      return 1;
    }
    term.stderr.write(`mjoplan: unexpected error: ${(error as Error).message ?? String(error)}${debug ? `\n${(error as Error).stack ?? ""}` : " (run with --debug for the stack)"}\n`);
    return 1;
  }
}
