/**
 * How many cores other work keeps busy now, for the commands that spread over worker threads (check over
 * many plans, a batch's rendering) and start one per core not already busy (as make -l does): on shared
 * cores a thread more only competes. Linux counts the threads runnable at this moment in /proc/loadavg's
 * fourth field: the load average would still count the work of the last minute, such as the commands run
 * just before in a script, and leave a core idle that is free. That count holds this process's own threads
 * that run now too: this one, and V8's compiler and collector threads, which run exactly while a command
 * gets going (a walk's first functions being optimized); they are no other work, and are taken out.
 * Elsewhere the load average, 0 where the system has none (Windows). `loadavg`: /proc/loadavg's text, and
 * `own`: how many of this process's threads run now (a test gives them).
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

export function busyElsewhere(loadavg: string | undefined = procLoadavg(), own: () => number = ownRunning): number {
  const runnable = loadavg === undefined ? undefined : / (\d+)\/\d+ /.exec(loadavg)?.[1];
  if (runnable === undefined) return os.loadavg()[0] ?? 0;
  // Only this thread runs: nothing to look up (the common case on an idle machine).
  if (Number(runnable) <= 1) return 0;
  return Math.max(0, Number(runnable) - Math.max(1, own()));
}

function procLoadavg(): string | undefined {
  try {
    return readFileSync("/proc/loadavg", "latin1");
  } catch {
    return undefined; // no /proc
  }
}

/** This process's threads in state R (running or runnable) now, from /proc/self/task; 1 (this thread) where that cannot be read. */
export function ownRunning(): number {
  let running = 0;
  try {
    for (const task of readdirSync("/proc/self/task")) {
      try {
        // The state follows the command name's closing parenthesis (a name may hold one itself: the last one counts).
        const stat = readFileSync(`/proc/self/task/${task}/stat`, "latin1");
        if (stat.charCodeAt(stat.lastIndexOf(")") + 2) === 82 /* R */) running++;
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    return 1;
  }
  return Math.max(1, running);
}

/**
 * The fewest cores other work kept busy over a few looks spread over a moment (`look()` each time; `busyNow` is
 * busyElsewhere): a thread that runs for a millisecond (a kernel thread writing back files, a shell's short command)
 * is seen by one look and not by the next, while work that holds a core is seen by all.
 */
export class BusyCores {
  private readonly seen: number[] = [];
  constructor(
    private readonly keep = 4,
    private readonly busyNow: () => number = () => busyElsewhere(),
  ) {}

  look(): void {
    this.seen.push(this.busyNow());
    if (this.seen.length > this.keep) this.seen.shift();
  }

  /** The fewest busy over the last looks (a look now if none was made). */
  fewest(): number {
    if (this.seen.length === 0) this.look();
    return Math.min(...this.seen);
  }
}

/** Blocks this thread for `ms` milliseconds (a look spread over a moment, before any work is started). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The fewest cores other work keeps busy over `looks` looks `gapMs` apart, taken at once: for a decision made once, before
 * the work starts (a batch's render threads), where a single look would take a thread that runs a moment (a poller's
 * tick, this process's own compiler thread) for a busy core, and leave a free one unused.
 * An idle look (0) ends it early: none can be fewer.
 */
export function fewestBusyNow(looks = 4, gapMs = 5, busyNow: () => number = () => busyElsewhere(), wait: (ms: number) => void = pause): number {
  const cores = new BusyCores(looks, busyNow);
  for (let i = 0; i < looks; i++) {
    if (i > 0) wait(gapMs);
    cores.look();
    if (cores.fewest() === 0) break;
  }
  return cores.fewest();
}
