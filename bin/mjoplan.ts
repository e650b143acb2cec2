#!/usr/bin/env node
/**
 * The mjoplan bin, also behind `npm run plop`. Where the running Node has it (22.1 and later),
 * the compile cache keeps V8's compiled code on disk for the next run; it has to be on before
 * the rest is loaded, hence the dynamic import. The build bundles what it loads into one file
 * (scripts/bundle-bin.mjs).
 */
import module from "node:module";

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import("./run.js");
