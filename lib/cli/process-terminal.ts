/**
 * The process's own terminal, as a bin entry runs a command in it (bin/run.ts for every command, bin/run-check.ts for
 * check and sync): stdout written plainly where it is a file, stderr made only when something writes to it, EPIPE quiet,
 * SIGINT and SIGTERM routed to the run's signal, and the process ended as soon as the run is done.
 */
import { fstatSync, writeSync } from "node:fs";
import { isatty } from "node:tty";
import { routeSignalsTo } from "../run/interrupts.js";
import type { Terminal } from "./terminal.js";

// Output piped into `head` ends when the reader has had enough: stop writing quietly (no EPIPE stack); the run still ends with its own code.
function quietOnEpipe<T extends NodeJS.WriteStream>(stream: T): T {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  return stream;
}

// Node makes process.stderr on first use (a millisecond or more, for a pipe), and most runs print
// nothing there: it gets its EPIPE handler when something first uses it, whoever that is.
function quietStderrWhenMade(): void {
  const made = Object.getOwnPropertyDescriptor(process, "stderr");
  if (made?.get && made.configurable) {
    Object.defineProperty(process, "stderr", {
      configurable: true,
      enumerable: made.enumerable ?? false,
      get() {
        const stream = quietOnEpipe(made.get!.call(process) as NodeJS.WriteStream);
        Object.defineProperty(process, "stderr", { configurable: true, enumerable: made.enumerable ?? false, writable: false, value: stream });
        return stream;
      },
    });
  } else quietOnEpipe(process.stderr);
}

function plainStdout(): { write(text: string): boolean; isTTY: false } | undefined {
  try {
    const stat = fstatSync(1);
    const memoryDevice = process.platform === "linux" && stat.isCharacterDevice() && Math.floor(stat.rdev / 256) % 4096 === 1;
    if (!stat.isFile() && !memoryDevice) return undefined;
  } catch {
    return undefined;
  }
  return {
    isTTY: false,
    write(text) {
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at, bytes.length - at);
      return true;
    },
  };
}

/** Commands that serve until their input closes: a tool call may still be finishing then, so Node ends them as it would. */
const SERVERS = new Set(["mcp"]);

/** The terminal a command runs in, the signal SIGINT and SIGTERM abort, and what ends the process with the run's exit code. */
export function processTerminal(): { term: Terminal; signal: AbortSignal; finish(code: number): void } {
  quietStderrWhenMade();
  const plain = plainStdout();
  const stdout = plain ?? quietOnEpipe(process.stdout);
  const controller = new AbortController();
  routeSignalsTo(controller);
  // Whether a person can answer, without making process.stdin (which a run not asking anything never reads); looked
  // at only when asked, after stdout (node:tty, and the node:net it loads, are the start-up's largest modules).
  let stdinIsTTY: boolean | undefined;
  const term = {
    stdout,
    get stderr() {
      return process.stderr;
    },
    get stdinIsTTY() {
      stdinIsTTY ??= isatty(0);
      return stdinIsTTY;
    },
    cwd: process.cwd(),
    env: process.env,
  };
  /** The streams the run made (Node makes process.stdout and process.stderr on first use), and none it did not. */
  const madeStreams = (): NodeJS.WriteStream[] => {
    const streams: NodeJS.WriteStream[] = [];
    if (stdout !== plain) streams.push(stdout as NodeJS.WriteStream);
    if (!Object.getOwnPropertyDescriptor(process, "stderr")?.get) streams.push(process.stderr);
    return streams;
  };
  const finish = (code: number): void => {
    process.exitCode = controller.signal.aborted && code === 0 ? 0 : code;
    // Prompts (asked only on a terminal) may leave stdin open; the run is over.
    if (stdinIsTTY === true) process.stdin.unref?.();
    // Everything the run did is done (its writes, its lock, its threads' work): it ends here, with its exit code and its
    // 'exit' handlers (the compile cache's), rather than after Node has freed its heap and handles one by one, which
    // took 2-3 ms of CPU at the end of every plan. Output still on its way (a pipe is written asynchronously on some
    // systems) is left to Node's own exit, as is a server's.
    if (!SERVERS.has(process.argv[2] ?? "") && madeStreams().every((s) => s.writableLength === 0)) process.exit();
  };
  return { term, signal: controller.signal, finish };
}
