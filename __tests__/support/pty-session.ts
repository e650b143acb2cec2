/**
 * A program driven in a real pseudo-terminal (node-pty), prompt by prompt: the interactive path as a person meets it.
 * Shared by the suites that answer mjoplan's questions (interactive.test.ts, trial6-user-fit.test.ts).
 */
import pty from "node-pty";
import { BIN, ROOT } from "./project.js";

// eslint-disable-next-line no-control-regex
export const strip = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");

/** Drives a program in a pseudo-terminal: waits for a prompt's text, then types the answer. */
export class Session {
  private output = "";
  private seen = 0;
  readonly exited: Promise<number>;
  private readonly term: pty.IPty;

  constructor(args: string[], window: { cols: number; rows: number } = { cols: 120, rows: 40 }) {
    this.term = pty.spawn("node", [BIN, ...args], { ...window, cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } as Record<string, string> });
    this.term.onData((d) => {
      this.output += d;
    });
    // The last output can arrive just after the exit is reported: give it a moment.
    this.exited = new Promise((resolve) => this.term.onExit(({ exitCode }) => setTimeout(() => resolve(exitCode), 200)));
    sessions.push(this);
  }

  async answer(prompt: string, keys: string): Promise<void> {
    await this.typeAt(prompt, keys, 20_000, () => new Promise((r) => setTimeout(r, 20)));
  }

  /** Types `keys` now, whatever the screen shows: answers typed ahead of their prompts. */
  type(keys: string): void {
    this.term.write(keys);
  }

  /** Waits until `prompt` shows after what was already answered or waited for, typing nothing. */
  async reach(prompt: string): Promise<void> {
    await this.typeAt(prompt, "", 20_000, () => new Promise((r) => setTimeout(r, 20)));
  }

  /** Takes whatever default the current prompt offers. */
  pressEnter(): void {
    this.term.write("\r");
  }

  /** Presses Enter at every prompt that comes, until the program exits: its exit code. */
  async enterUntilExit(): Promise<number> {
    for (;;) {
      const code = await Promise.race([this.exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 1500))]);
      if (code !== undefined) return code;
      this.pressEnter();
    }
  }

  /** Presses Enter at every prompt that comes until `prompt` is shown (its default taken at none before it), then types `keys` there. */
  async enterUntil(prompt: string, keys: string): Promise<void> {
    await this.typeAt(prompt, keys, 120_000, async () => {
      // Enter once the output has stood still a moment: the prompt shown is waiting.
      const before = this.output.length;
      await new Promise((r) => setTimeout(r, 700));
      if (this.output.length === before && strip(this.output).indexOf(prompt, this.seen) < 0) {
        this.seen = strip(this.output).length;
        this.pressEnter();
      }
    });
  }

  /** Types `keys` once `prompt` shows after what was already answered, doing `meanwhile` between looks; fails after `ms`. */
  private async typeAt(prompt: string, keys: string, ms: number, meanwhile: () => Promise<unknown>): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const at = strip(this.output).indexOf(prompt, this.seen);
      if (at >= 0) {
        this.seen = at + prompt.length;
        this.term.write(keys);
        return;
      }
      if (Date.now() > deadline) throw new Error(`no prompt ${JSON.stringify(prompt)} in:\n${strip(this.output).slice(-2000)}`);
      await meanwhile();
    }
  }

  text(): string {
    return strip(this.output);
  }

  /** Waits until `text` has arrived: on a loaded machine the pseudo-terminal delivers the last output well after the exit. */
  async waitFor(text: string): Promise<void> {
    const deadline = Date.now() + 10000;
    while (!strip(this.output).includes(text)) {
      if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} within 10 s in:\n${strip(this.output).slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill(): void {
    try {
      this.term.kill();
    } catch {
      // already gone
    }
  }
}

const sessions: Session[] = [];

/** Ends every session still running (each test's afterEach). */
export function killSessions(): void {
  sessions.splice(0).forEach((s) => s.kill());
}
