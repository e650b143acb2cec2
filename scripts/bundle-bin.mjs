// Part of the build, after tsc: the bin's start-up path as one file. Node resolves, reads and
// compiles each ES module separately, and ~60 of them were a third of a short run's time; one
// bundled file is read and compiled once. Everything the sources import with `await import()`
// becomes its own chunk under dist/bin/chunks/, loaded only by a run that reaches it, so a new
// lazy module needs no change here. Packages stay outside the bundle (resolved from
// node_modules when imported), so node-plop, Prettier, YAML and the like keep loading on demand,
// except the few small ones every generating run needs (INLINE). The tsc output beside the
// bundle (dist/plopfile.js, for plop's load(), and dist/lib for the tests) is left as it is.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist/bin");
rmSync(path.join(outdir, "chunks"), { recursive: true, force: true });

/** Packages every generating run imports statically, small enough to parse at every start. */
const INLINE = new Set(["change-case"]);
const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
const packagesOutside = {
  name: "packages-outside",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (INLINE.has(packageName(args.path)) ? undefined : { path: args.path, external: true }));
  },
};

const result = await build({
  entryPoints: { mjoplan: path.join(root, "bin/mjoplan.ts") },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  plugins: [packagesOutside],
  // tsc already type-checked; keep names readable in stack traces (--debug).
  minify: false,
  legalComments: "none",
  metafile: true,
  allowOverwrite: true,
  logLevel: "warning",
  absWorkingDir: root,
});

// The modules each output file holds: the lazy-load test reads it to tell the start-up file from its chunks.
const outputs = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([file, out]) => [path.relative(outdir, path.resolve(root, file)), { inputs: Object.keys(out.inputs).sort(), imports: out.imports.map((i) => ({ path: i.path, kind: i.kind })) }]),
);
writeFileSync(path.join(outdir, "bundle.json"), JSON.stringify(outputs, null, 2) + "\n");
