/**
 * How many cores other work keeps busy now, for the commands that spread over worker threads (check over
 * many plans, a batch's rendering) and start one per core not already busy (as make -l does): on shared
 * cores a thread more only competes. Linux counts the threads runnable at this moment in /proc/loadavg's
 * fourth field (this one among them): the load average would still count the work of the last minute, such
 * as the commands run just before in a script, and leave a core idle that is free. Elsewhere the load
 * average, 0 where the system has none (Windows). `loadavg`: /proc/loadavg's text (a test gives it).
 */
import { readFileSync } from "node:fs";
import os from "node:os";

export function busyElsewhere(loadavg: string | undefined = procLoadavg()): number {
  const runnable = loadavg === undefined ? undefined : / (\d+)\/\d+ /.exec(loadavg)?.[1];
  return runnable === undefined ? (os.loadavg()[0] ?? 0) : Math.max(0, Number(runnable) - 1);
}

function procLoadavg(): string | undefined {
  try {
    return readFileSync("/proc/loadavg", "latin1");
  } catch {
    return undefined; // no /proc
  }
}
