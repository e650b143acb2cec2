/**
 * What the mjoplan bin runs: the build bundles this file and everything it imports into one
 * CommonJS file (dist/bin/mjoplan-run.cjs, scripts/bundle-bin.mjs), which bin/mjoplan.ts runs
 * through V8's code cache. SIGINT (Ctrl-C) and SIGTERM end the run at once: before the writes
 * nothing is written, during them everything is rolled back (lib/run/interrupts.ts says when a
 * signal is caught and when it simply kills).
 */
import { generators } from "../generators/index.js";
import { main } from "../lib/cli/main.js";
import { routeSignalsTo } from "../lib/run/interrupts.js";

// Output piped into `head` ends when the reader has had enough: stop writing quietly (no EPIPE stack); the run still ends with its own code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

const controller = new AbortController();
routeSignalsTo(controller);

// No top-level await: the bundle is a CommonJS script (V8 caches a script's compiled code, not an ES module's, on Node 20).
void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdinIsTTY: Boolean(process.stdin.isTTY), cwd: process.cwd(), env: process.env }, generators, controller.signal).then((code) => {
  process.exitCode = controller.signal.aborted && code === 0 ? 0 : code;
  // Prompts may leave stdin open; the run is over.
  process.stdin.unref?.();
});
