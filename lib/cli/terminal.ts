import type { Env } from "./invocation.js";

/** What a command needs of the terminal it runs in: its output streams, whether a person can answer, where it is. */
export interface Terminal {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdinIsTTY: boolean;
  cwd: string;
  /** The process's environment, for how it was run (lib/cli/invocation.ts); absent: as the bin, not through npm. */
  env?: Env;
}
