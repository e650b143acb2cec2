/** What a command needs of the terminal it runs in: its output streams, whether a person can answer, where it is. */
export interface Terminal {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdinIsTTY: boolean;
  cwd: string;
}
