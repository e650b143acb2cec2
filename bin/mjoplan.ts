#!/usr/bin/env node
/**
 * The mjoplan bin, also behind `npm run plop`. The build bundles the run (bin/run.ts and all of
 * mjoplan's code it imports) into one CommonJS file, dist/bin/mjoplan-run.cjs
 * (scripts/bundle-bin.mjs), which this entry runs through V8's code cache (lib/compile-cache.ts):
 * Node 20 keeps no compiled code of ES modules, and compiling the run's code was a large share of
 * a short run. The entry itself is built as CommonJS too (dist/bin/package.json says so): an ES
 * module entry would start Node's ES module loader, whose set-up a short run does not need. The
 * bundle's dynamic imports of packages (node-plop, Prettier, YAML) come back here as
 * `__mjoplanImport`, an import() of this file, resolved from here.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runCached } from "../lib/compile-cache.js";

/** The cache keeps one entry per command: each compiles its own part of the bundle. */
const COMMANDS = new Set(["plan", "check", "sync", "templates", "eject", "packs", "mcp", "init", "value-object", "event", "test", "kernel"]);
const command = process.argv[2] ?? "";
/** check and sync start from a bundle of their own (bin/run-check.ts): the run's is five times its size. */
const CHECK_COMMANDS = new Set(["check", "sync"]);
const bundle = CHECK_COMMANDS.has(command) ? "mjoplan-run-check.cjs" : "mjoplan-run.cjs";
runCached(path.join(path.dirname(fileURLToPath(import.meta.url)), bundle), {
  extra: { __mjoplanImport: (specifier: string) => import(specifier) },
  profile: COMMANDS.has(command) ? command : "other",
  // This file's own require (the entry is CommonJS, built beside the run): it resolves as the run's would, and needs no
  // node:module to make one.
  require,
  // Needed only by some runs (a secret link's hash, a formatter's process, an undo's or a check's file calls, whether a person
  // can answer, a lock's host name), and slow to load.
  lazy: ["node:crypto", "node:child_process", "node:fs/promises", "node:tty", "node:os"],
});
