/**
 * The terminal's input as inquirer's readline reads it, one line at a time. inquirer asks each question on a
 * readline of its own: text that came in the same chunk as the last answer's Enter went to that answer's
 * readline and was lost with it, and text typed between prompts was echoed by the terminal (cooked mode) and
 * handed to the next readline in one piece, several lines to one question. The gate reads the terminal itself,
 * in raw mode for as long as it is open, holds what is typed ahead, and gives the prompt showing its next line
 * (a refused answer's prompt gets the line after it, as if typed once the problem showed), and the rest when the
 * next prompt shows. Ctrl-C is never held: it goes to the prompt showing, or, with none, interrupts at once.
 */
import { EventEmitter } from "node:events";

const CR = 0x0d;
const LF = 0x0a;
const CTRL_C = 0x03;

/** Where the first line in `bytes` ends (after its Enter; CR LF is one Enter, as readline takes it), or -1 with no Enter yet. */
export function lineEnd(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === LF) return i + 1;
    if (bytes[i] === CR) return bytes[i + 1] === LF ? i + 2 : i + 1;
  }
  return -1;
}

/** The terminal's input stream, as much of process.stdin as the gate uses. */
export interface TerminalInput {
  isRaw?: boolean;
  setRawMode(mode: boolean): unknown;
  on(event: "data", listener: (chunk: Buffer) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  off(event: "data", listener: (chunk: Buffer) => void): unknown;
  off(event: "end", listener: () => void): unknown;
  resume(): unknown;
  pause(): unknown;
  unshift(chunk: Buffer): void;
}

const NOTHING = Buffer.alloc(0);

export class LineGate extends EventEmitter {
  /** readline takes the gate for the terminal it reads (keys, not lines), as it took stdin. */
  readonly isTTY = true;
  /** The raw mode readline asked for; the terminal itself stays raw while the gate is open. */
  isRaw = false;
  private held: Buffer = NOTHING;
  /** A readline reads the gate (resumed, not yet paused by its close). */
  private reading = false;
  /** The prompt showing has had no line since it showed (or since its last answer was refused). */
  private waiting = false;
  private wasRaw = false;

  constructor(
    private readonly terminal: TerminalInput,
    /** Ctrl-C with no prompt showing: what inquirer does with one at a prompt (SIGINT to the process). */
    private readonly interrupt: () => void,
  ) {
    super();
  }

  open(): void {
    this.wasRaw = this.terminal.isRaw === true;
    // Raw between prompts too: the terminal neither echoes text typed ahead nor keeps it until its Enter.
    this.terminal.setRawMode(true);
    this.terminal.on("data", this.arrive);
    this.terminal.on("end", this.end);
    this.terminal.resume();
  }

  /** Gives back what no prompt took (a later question's reader reads it first) and the terminal as it was. */
  close(): void {
    this.terminal.off("data", this.arrive);
    this.terminal.off("end", this.end);
    if (this.held.length > 0) this.terminal.unshift(this.held);
    this.held = NOTHING;
    this.terminal.setRawMode(this.wasRaw);
    this.terminal.pause();
  }

  /** A prompt shows and reads its answer (inquirer's prompt has subscribed to the readline's lines): its line, when there is one. */
  ready(): void {
    this.waiting = true;
    // After the prompt has drawn itself: the line typed ahead then shows as typed at it.
    setImmediate(() => this.pump());
  }

  resume(): this {
    this.reading = true;
    return this;
  }

  pause(): this {
    this.reading = false;
    this.waiting = false;
    return this;
  }

  isPaused(): boolean {
    return !this.reading;
  }

  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }

  private readonly arrive = (chunk: Buffer): void => {
    if (chunk.includes(CTRL_C)) {
      // What was typed before it is dropped with the run.
      this.held = NOTHING;
      if (this.reading) this.emit("data", Buffer.from([CTRL_C]));
      else this.interrupt();
      return;
    }
    this.held = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    this.pump();
  };

  private readonly end = (): void => {
    this.emit("end");
  };

  /** The prompt waiting gets what is held up to its first Enter (a line typed in part goes at once: the prompt shows it). */
  private pump(): void {
    if (!this.waiting || !this.reading || this.held.length === 0) return;
    const end = lineEnd(this.held);
    const out = end < 0 ? this.held : this.held.subarray(0, end);
    this.held = end < 0 ? NOTHING : this.held.subarray(end);
    if (end >= 0) this.waiting = false;
    this.emit("data", out);
  }
}
