/**
 * What the mjoplan bin runs: the build bundles this file and everything it imports into one
 * CommonJS file (dist/bin/mjoplan-run.cjs, scripts/bundle-bin.mjs), which bin/mjoplan.ts runs
 * through V8's code cache. SIGINT (Ctrl-C) and SIGTERM end the run at once: before the writes
 * nothing is written, during them everything is rolled back (lib/run/interrupts.ts says when a
 * signal is caught and when it simply kills). check and sync start from bin/run-check.ts instead.
 */
import { generators } from "../generators/index.js";
import { main } from "../lib/cli/main.js";
import { processTerminal } from "../lib/cli/process-terminal.js";

const { term, signal, finish } = processTerminal();
// No top-level await: the bundle is a CommonJS script (V8 caches a script's compiled code, not an ES module's, on Node 20).
void main(process.argv.slice(2), term, generators, signal).then(finish);
