// Part of the build, after tsc: the bin as two files. Node resolves, reads and compiles each ES
// module separately, and ~60 of them were a third of a short run's time; and Node 20 keeps no
// compiled code of ES modules between runs. So the run (bin/run.ts and all of mjoplan's code it
// imports) becomes one CommonJS file, dist/bin/mjoplan-run.cjs, that the entry dist/bin/mjoplan.js
// runs through V8's code cache (lib/compile-cache.ts). Code only some commands use (mcp, init)
// stays in that file: V8 compiles a function when it is first called, and its text costs a
// pre-parse only. Packages stay outside the bundle, so node-plop, Prettier, YAML and the like load
// on demand, except the few small ones every generating run needs (INLINE). The bundle's dynamic
// imports of packages become calls of `__mjoplanImport`, which the entry passes in: a script run
// through node:vm cannot import() on Node 20 without an experimental flag. The tsc output beside
// the bundle (dist/plopfile.js, for plop's load(), and dist/lib for the tests) is left as it is.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist/bin");

/** Packages every generating run imports statically, small enough to parse at every start. */
const INLINE = new Set(["change-case"]);
const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
const packagesOutside = {
  name: "packages-outside",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (INLINE.has(packageName(args.path)) ? undefined : { path: args.path, external: true }));
  },
};
// tsc already type-checked; names stay readable in stack traces (--debug).
const common = { bundle: true, platform: "node", target: "node20", plugins: [packagesOutside], minify: false, legalComments: "none", metafile: true, allowOverwrite: true, logLevel: "warning", absWorkingDir: root };

// Both files are CommonJS; import.meta.url (the package's own files are found from it) is the file's URL, made only where
// a run asks for it (fileOwnUrl below): pathToFileURL and fileURLToPath cost a run half a millisecond to compile and run.
const cjs = { format: "cjs", define: { "import.meta.url": "__mjoplanUrl" }, banner: { js: '"use strict";\nvar __mjoplanUrlOf = () => require("node:url").pathToFileURL(__filename).href;' } };

/**
 * A bundled file's own URL, made where it is used: fileURLToPath(import.meta.url) is the file's path, __filename (what
 * the URL was made from), and any other use (new URL(relative, import.meta.url)) calls for the URL then.
 */
function fileOwnUrl(code) {
  return code.replace(/\(0, import_node_url\d*\.fileURLToPath\)\(__mjoplanUrl\)/g, "__filename").replace(/\b__mjoplanUrl\b(?!Of)/g, "__mjoplanUrlOf()");
}
// The package is "type": "module"; this folder's files are CommonJS (the tsc output of bin/ is not used).
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
writeFileSync(path.join(outdir, "package.json"), '{ "type": "commonjs" }\n');
// The entry: the code-cache loader.
const entry = await build({ ...common, ...cjs, entryPoints: [path.join(root, "bin/mjoplan.ts")], outfile: path.join(outdir, "mjoplan.js") });
// The run: one script. check and sync (bin/run-check.ts) get one of their own, without the generators and the templates.
const runFile = path.join(outdir, "mjoplan-run.cjs");
const run = await build({ ...common, ...cjs, entryPoints: [path.join(root, "bin/run.ts")], outfile: runFile });
const checkRunFile = path.join(outdir, "mjoplan-run-check.cjs");
const checkRun = await build({ ...common, ...cjs, entryPoints: [path.join(root, "bin/run-check.ts")], outfile: checkRunFile });
// A batch's render threads (lib/run/render-threads.ts): the generators without the CLI, a plain CommonJS file that
// node:worker_threads runs (its import() of packages is Node's own).
const render = await build({ ...common, ...cjs, entryPoints: [path.join(root, "bin/render-worker.ts")], outfile: path.join(outdir, "mjoplan-render.cjs") });

/** A run bundle made into the script the entry runs through node:vm (lib/compile-cache.ts's runCached). */
function forRunCached(file, result) {
  const dynamic = [...new Set(Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path)))];
  let text = readFileSync(file, "utf8");
  for (const specifier of dynamic) text = text.replaceAll(`import(${JSON.stringify(specifier)})`, `__mjoplanImport(${JSON.stringify(specifier)})`);
  // esbuild wraps a default import of a built-in module (import path from "node:path") in a fresh copy of the module's
  // exports, one per importing file: forty copies of node:path at every start. One copy per module serves them all.
  const toEsm = /__toESM\(require\("(node:[a-z_/]+)"\), 1\)/g;
  if (text.includes("var __toESM = ")) {
    text = text.replace(toEsm, (_, id) => `__toESMOnce(require(${JSON.stringify(id)}))`);
    text = text.replace("var __toESM = ", "var __toESMCopies = new Map();\nvar __toESMOnce = (mod) => __toESMCopies.get(mod) ?? __toESMCopies.set(mod, __toESM(mod, 1)).get(mod);\nvar __toESM = ");
  }
  // Each file's createRequire(import.meta.url) is, in the bundle, the require the entry gives it (its own, resolving from
  // the same folder): made by node:module, which, with the ES module loader it brings, takes half a millisecond to load.
  text = text.replace(/\(0, import_node_module\d*\.createRequire\)\(__mjoplanUrl\)/g, "require");
  text = fileOwnUrl(text);
  // A default import of a module the entry loads on first use (runCached's lazy) keeps it unloaded until the code reads it.
  text = text.replace("var __toESMOnce = (mod) =>", 'var __toESMOnce = (mod) => mod[Symbol.for("mjoplan.lazyModule")] === true ? new Proxy({}, { get: (_, key) => (key === "default" ? mod : mod[key]) }) :');
  // "import(s)" is prose in a message.
  const left = text.match(/(?<![\w$.])import\((?!s\))[^)]*\)/g);
  if (left) throw new Error(`bundle-bin: ${file} still has ${left.join(", ")}; a vm script cannot import() on Node 20`);
  writeFileSync(file, text);
  lazyNodeModule(file);
}
/**
 * node:module where a file uses only its createRequire (compile-cache.ts, for a file given no require; the formatter,
 * for a repository's own Prettier): loaded when createRequire is first called, not at start-up.
 */
function lazyNodeModule(file) {
  let code = readFileSync(file, "utf8");
  const names = [...code.matchAll(/var (import_node_module\d*) = require\("node:module"\);|(import_node_module\d*) = require\("node:module"\);/g)].map((m) => m[1] ?? m[2]);
  for (const name of names) {
    // Declared (var a, b;), assigned, or its createRequire read: anything else needs the module itself.
    const other = new RegExp(`\\b${name}\\b(?!\\.createRequire\\b|,|;| = require\\("node:module"\\))`).exec(code);
    if (other) throw new Error(`bundle-bin: ${file} uses ${name} beyond its createRequire (${code.slice(other.index, other.index + 60)}); load node:module at once there`);
  }
  code = code.replace(/require\("node:module"\)/g, '{ get createRequire() { return require("node:module").createRequire; } }');
  writeFileSync(file, code);
}
forRunCached(runFile, run);
forRunCached(checkRunFile, checkRun);
lazyNodeModule(path.join(outdir, "mjoplan.js"));
for (const file of [path.join(outdir, "mjoplan.js"), path.join(outdir, "mjoplan-render.cjs")]) writeFileSync(file, fileOwnUrl(readFileSync(file, "utf8")));

// The modules each output file holds: the lazy-load test reads it to tell the start-up files from the rest.
const outputs = Object.fromEntries(
  [entry, run, checkRun, render].flatMap((r) => Object.entries(r.metafile.outputs)).map(([file, out]) => [path.relative(outdir, path.resolve(root, file)), { inputs: Object.keys(out.inputs).sort(), imports: out.imports.map((i) => ({ path: i.path, kind: i.kind })) }]),
);
/**
 * mjoplan's own modules whose top level runs at every start of the bin: those bin/run.ts (or, for check and sync,
 * bin/run-check.ts) reaches by static imports.
 * One reached only through an import() (a command's own code: check, templates, packs, init, mcp) runs when that
 * import does; __tests__/lazy-loading.test.ts holds the commands to it.
 */
function startPath(entryFile, result) {
  const reached = new Set();
  for (const todo = [entryFile]; todo.length; ) {
    const file = todo.pop();
    if (reached.has(file)) continue;
    reached.add(file);
    for (const i of result.metafile.inputs[file]?.imports ?? []) if (i.kind === "import-statement" && !i.external) todo.push(i.path);
  }
  return [...reached].sort();
}
outputs["mjoplan-run.cjs"].startPath = startPath("bin/run.ts", run);
outputs["mjoplan-run-check.cjs"].startPath = startPath("bin/run-check.ts", checkRun);
writeFileSync(path.join(outdir, "bundle.json"), JSON.stringify(outputs, null, 2) + "\n");

/**
 * The files runCached reads (lib/compile-cache.ts), the bundle and the compiled templates, written as the script it
 * compiles: ASCII alone, the CommonJS wrapper written in. A run then reads each as latin1 (no UTF-8 decoding) and
 * hands that string to V8 as it is (no 600 KB wrapped copy). Neither file is require()d: runCached alone runs them.
 */
const { CARRIED, WRAPPED_MARK, WRAPPER_NAMES, wrapForRunCached } = await import("../dist/lib/compile-cache.js");
const templatesFile = path.join(root, "dist/templates.compiled.cjs");
let templates = readFileSync(templatesFile, "utf8");
// A character beyond ASCII stands in a template's text, in a string literal: its \u escape is the same string.
const asciiOnly = (code) => code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
if (templates.startsWith(WRAPPED_MARK)) templates = templates.slice(templates.indexOf("{") + 1, -"\n})".length);
else writeFileSync(templatesFile, wrapForRunCached(asciiOnly(templates)));
/**
 * The bundle carries the compiled templates (lib/compile-cache.ts, CARRIED): a plan run reads and deserializes one
 * script and one cache entry, not two. Registered before anything else of the bundle runs, under the path the
 * package's code asks for (PACKAGE_ROOT/dist/templates.compiled.cjs: this folder's parent); the function itself
 * is declared at the end, and hoisted.
 */
const carrySymbol = `Symbol.for(${JSON.stringify(CARRIED.description)})`;
const carry = `globalThis[${carrySymbol}] = { [require("node:path").join(__dirname, "..", "templates.compiled.cjs")]: __mjoplanTemplates };\n`;
const carried = `\n// dist/templates.compiled.cjs, carried (scripts/bundle-bin.mjs)\nfunction __mjoplanTemplates(exports, require, module, __filename, __dirname) {${asciiOnly(templates)}\n}\n`;
// The run's variables: the entry passes __mjoplanImport (bin/mjoplan.ts).
// After the bundle's "use strict" (a directive only as the first statement).
const strict = '"use strict";\n';
const bundled = readFileSync(runFile, "utf8");
if (!bundled.startsWith(strict)) throw new Error(`bundle-bin: ${runFile} does not begin with ${strict.trim()}`);
writeFileSync(runFile, wrapForRunCached(strict + carry + bundled.slice(strict.length) + carried, [...WRAPPER_NAMES, "__mjoplanImport"]));
// check and sync's bundle carries no templates: neither renders one.
const checkBundled = readFileSync(checkRunFile, "utf8");
if (!checkBundled.startsWith(strict)) throw new Error(`bundle-bin: ${checkRunFile} does not begin with ${strict.trim()}`);
writeFileSync(checkRunFile, wrapForRunCached(checkBundled, [...WRAPPER_NAMES, "__mjoplanImport"]));
