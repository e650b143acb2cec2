/**
 * A full garbage collection every so many use-cases of a batch. V8 lets its heap grow to
 * several times the memory still in use before it collects (the more so on a busy machine,
 * where collections look slow to it), so a long batch's peak memory would grow with its
 * length although it holds one use-case at a time. Collecting now and then keeps the peak
 * near the live size, at about 20 ms per collection. The collector is reached through a
 * fresh context (node:vm), so the process's own global stays as it was.
 */
import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | undefined;

function collector(): () => void {
  if (!collect) {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  return collect;
}

/** Use-cases between collections: a few per second at full speed. */
export const COLLECT_EVERY = 250;

/** Collects when `done` use-cases of a batch of `total` have been handled and it is time to (never in a small batch). */
export function collectNowAndThen(done: number, total: number): void {
  if (total > COLLECT_EVERY && done % COLLECT_EVERY === 0) collector()();
}
