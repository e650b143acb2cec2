/**
 * V8's code cache for the package's own large CommonJS files (the precompiled
 * templates), where the running Node cannot cache compiled code itself: before
 * 22.1 there is no module.enableCompileCache. A run then spends more time
 * compiling the templates' code than running it; with the cache, a run after the
 * first reads the compiled code instead. The cache is keyed by the file's path and
 * content and Node's version (V8 checks little more than the source's length; and
 * it keeps the path of the script that made the cache, so a copy installed
 * elsewhere would name the other copy in its stack traces), lives in a
 * folder of the current user's that no one else may write to, and any problem
 * with it falls back to a plain require. NODE_DISABLE_COMPILE_CACHE, Node's own
 * switch, turns it off.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import module, { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";

const NODE_CACHES = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";

/** The current user's cache folder, or undefined when it cannot be trusted. */
function cacheDir(): string | undefined {
  const uid = process.getuid?.();
  const dir = path.join(os.tmpdir(), `mjoplan-compile-cache-${uid ?? "user"}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

const loaded = new Map<string, unknown>();

/** `require(file)` for a CommonJS file of this package, through the code cache when Node has none of its own. */
export function requireCached(file: string): unknown {
  const require = createRequire(file);
  if (NODE_CACHES || process.env["NODE_DISABLE_COMPILE_CACHE"]) return require(file);
  if (loaded.has(file)) return loaded.get(file);
  const dir = cacheDir();
  if (!dir) return require(file);
  const source = readFileSync(file, "utf8");
  const entry = path.join(dir, `${createHash("sha256").update(`${process.version}\0${process.arch}\0${file}\0`).update(source).digest("hex").slice(0, 32)}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(entry);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, require, mod, file, path.dirname(file));
  loaded.set(file, mod.exports);
  if (!cachedData || script.cachedDataRejected) {
    // At exit the code V8 compiled while the run used the file is in the cache too, not only its top level.
    process.once("exit", () => {
      try {
        const tmp = `${entry}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, entry);
      } catch {
        // A cache that cannot be written is only a slower next run.
      }
    });
  }
  return mod.exports;
}
