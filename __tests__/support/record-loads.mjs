// Preloaded with `node --import` by the lazy-loading test: records every module the run loads,
// ES modules through a loader hook (it runs on the hooks thread, so it appends to a file) and
// CommonJS modules from require's cache and Node's own modules (node:name) when the process exits. Nothing is timed.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const out = process.env.MJOPLAN_RECORD_LOADS;
if (out) {
  register(new URL("./record-loads-hooks.mjs", import.meta.url), { data: { out } });
  const cache = createRequire(import.meta.url).cache;
  // Node's own modules as `node:<name>` lines, from the list of what the process has loaded.
  const builtins = () => process.moduleLoadList.filter((m) => m.startsWith("NativeModule ")).map((m) => `node:${m.slice("NativeModule ".length)}\n`);
  // And the parts of Node's C++ side it loaded on demand (`binding:signal_wrap` where a signal handler was installed).
  const bindings = () => process.moduleLoadList.filter((m) => m.startsWith("Internal Binding ")).map((m) => `binding:${m.slice("Internal Binding ".length)}\n`);
  process.on("exit", () => appendFileSync(out, [...Object.keys(cache).map((file) => `${file}\n`), ...builtins(), ...bindings()].join("")));
}
