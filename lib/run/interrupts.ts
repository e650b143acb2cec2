/**
 * SIGINT and SIGTERM end a run within a second, whatever it is doing. A JavaScript signal handler
 * runs only when the event loop is free, and rendering a large batch keeps it busy for seconds; so
 * the bin catches the signals only while a run has something to undo: a prompt to close, a lock
 * held, files being staged or written. Those phases check the signal between steps (a batch is
 * rendered and staged use-case by use-case, so the wait is one use-case's render; the commit rolls
 * back, the lock is released). Before them (reading and checking answers, all in memory) no handler
 * is installed, so the signal's default action ends the process at once, with nothing written to
 * undo. The same rule as git's: die at once unless holding a lock or mid-write.
 */
const SIGNALS = ["SIGINT", "SIGTERM"] as const;

let target: AbortController | undefined;
let holders = 0;
const onSignal = (signal: NodeJS.Signals): void => target?.abort(signal);

/** The bin's controller: its signal aborts when SIGINT or SIGTERM arrives inside `catchingSignals` (reason: the signal's name). */
export function routeSignalsTo(controller: AbortController): void {
  target = controller;
}

/** Runs `work` with SIGINT and SIGTERM caught (turned into an abort of the bin's controller); nested calls share one handler. */
export async function catchingSignals<T>(work: () => Promise<T>): Promise<T> {
  if (!target) return work();
  if (holders++ === 0) for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await work();
  } finally {
    // With no listener left, Node restores the default action: the next signal ends the process.
    if (--holders === 0) for (const s of SIGNALS) process.off(s, onSignal);
  }
}
