/**
 * What the mjoplan bin runs for check and sync: bundled on its own into dist/bin/mjoplan-run-check.cjs
 * (scripts/bundle-bin.mjs), a fifth of the size of the file every other command runs, which a
 * check would read, copy and deserialize at every start for code it never calls.
 */
import { checkMain } from "../lib/cli/check-main.js";
import { processTerminal } from "../lib/cli/process-terminal.js";

const { term, signal, finish } = processTerminal();
void checkMain(process.argv.slice(2), term, signal).then(finish);
