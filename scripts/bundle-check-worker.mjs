// Part of the build, after bundle-bin.mjs (which empties dist/bin): check's worker thread
// (lib/check/check-worker.ts, started by lib/check/check-parallel.ts) as one CommonJS file,
// dist/bin/mjoplan-check.cjs. Loaded from tsc's output, a worker resolved, read and compiled its
// ~15 ES modules one by one: 41-48 ms of CPU time per worker where the bundle takes 29-34 ms (most of
// both is Node setting up a thread), at every check over many plans.
// It imports no package; node:worker_threads runs the file as it is.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: [path.join(root, "lib/check/check-worker.ts")],
  outfile: path.join(root, "dist/bin/mjoplan-check.cjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // The worker's modules find nothing from import.meta.url but the worker script itself (check-parallel.ts's workerScript).
  define: { "import.meta.url": "__mjoplanUrl" },
  banner: {
    js: '"use strict";\nvar __mjoplanUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  // Packages (none today) would stay outside the bundle, loaded by Node from node_modules.
  packages: "external",
  minify: false,
  legalComments: "none",
  logLevel: "warning",
  absWorkingDir: root,
});
