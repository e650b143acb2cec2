/**
 * V8's code cache for the package's own large CommonJS files (the bin's bundle and the
 * compiled templates). Node 20 keeps no compiled code between runs for ES modules, and
 * module.enableCompileCache (Node 22.1 and later) does not cover a script run through node:vm;
 * so this one path serves every Node. A short run spends more time compiling mjoplan's code
 * than running it; with the cache, a run after the first reads the compiled code instead. The
 * entry is written when the process exits, so it holds the functions the run compiled, not
 * only the file's top level; a run keeps one entry per `profile` (the bin passes its command:
 * `check` and `plan` compile different code).
 *
 * An entry is keyed by the file's path, size, inode, change and modification times (ctime,
 * which no one can set back, so a changed file never meets the code of its old text; V8 itself
 * checks little more than the source's length), by Node's version and its flags, and lives in a folder of
 * the current user's that no one else may write to. Keyed by the file's status rather than a
 * hash of its text, a run loads no node:crypto. The entry for a new version of a file replaces
 * the old version's, so the folder holds one entry per file, command and set of flags, not one per
 * build. Any problem with the cache falls back to compiling. NODE_DISABLE_COMPILE_CACHE, Node's
 * own switch, turns it off.
 */
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { fnvPair } from "./text-hash.js";

/**
 * os.tmpdir(), without loading node:os (a quarter of a millisecond of every run, for this one call): the same
 * variables in the same order, the trailing separator dropped.
 */
export function tmpdir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === "win32") {
    const dir = env["TEMP"] || env["TMP"] || `${env["SystemRoot"] || env["windir"]}\\temp`;
    return dir.length > 1 && dir.endsWith("\\") && !dir.endsWith(":\\") ? dir.slice(0, -1) : dir;
  }
  const dir = env["TMPDIR"] || env["TMP"] || env["TEMP"] || "/tmp";
  return dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
}

/** The current user's cache folder, or undefined when it cannot be trusted. */
function cacheDir(): string | undefined {
  const uid = process.getuid?.();
  const tmp = tmpdir();
  // A relative TMPDIR (TMPDIR=tmp) would put the cache in whatever folder the person runs in: their repository.
  if (!path.isAbsolute(tmp)) return undefined;
  const dir = path.join(tmp, `mjoplan-compile-cache-${uid ?? "user"}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** The names a CommonJS wrapper gives a file's code, then any the caller adds. */
export const WRAPPER_NAMES: readonly string[] = ["exports", "require", "module", "__filename", "__dirname"];

/**
 * How a file the build wrote for runCached begins (scripts/bundle-bin.mjs: the bin's bundle, the compiled templates):
 * its text is ASCII alone and its wrapper is written in, so a run reads it as the script V8 compiles, byte for char,
 * and neither decodes UTF-8 nor copies 600 KB of text into a wrapped string (a millisecond or two of each run).
 */
export const WRAPPED_MARK = "/*mjoplan:wrapped-ascii*/";

/** The first bytes of a wrapped file for these wrapper variables; the file ends with "\n})". */
export function wrappedHead(names: readonly string[]): string {
  return `${WRAPPED_MARK}(function (${names.join(", ")}) {`;
}

/**
 * `source` as the build writes it for runCached (wrappedHead, the source, "\n})"), or an error where the source is
 * not ASCII alone (esbuild writes ASCII: it escapes every other character).
 */
export function wrapForRunCached(source: string, names: readonly string[] = WRAPPER_NAMES): string {
  const at = NON_ASCII.exec(source);
  if (at) throw new Error(`not ASCII at offset ${at.index} (${JSON.stringify(source.slice(at.index, at.index + 20))}): a wrapped file is read as latin1`);
  return `${wrappedHead(names)}${source}\n})`;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A file's bytes, read into `buffer` where they fit, else into a new buffer of twice their size: the run's two large
 * reads, the script (copied into a string at once) and then its cached code (about as large), share one buffer, and
 * the process maps and frees one megabyte rather than two.
 */
function readWhole(file: string, buffer?: Buffer): Buffer {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const into = buffer !== undefined && buffer.length >= size ? buffer : Buffer.allocUnsafeSlow(size * 2);
    let at = 0;
    for (let n = -1; at < size && n !== 0; at += n) n = readSync(fd, into, at, size - at, at);
    return into.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** The script V8 compiles for `file`: a wrapped file as it is, any other file's UTF-8 text in a CommonJS wrapper; and the buffer it was read into. */
function scriptText(file: string, names: readonly string[]): { text: string; buffer: Buffer } {
  const bytes = readWhole(file);
  // latin1: one byte, one character, no decoding; ASCII text reads the same as UTF-8.
  const text = bytes.toString("latin1");
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.buffer.byteLength - bytes.byteOffset);
  if (text.startsWith(WRAPPED_MARK)) {
    if (!text.startsWith(wrappedHead(names))) throw new Error(`${file} was wrapped for other variables than ${names.join(", ")}: rebuild (npm run build)`);
    return { text, buffer };
  }
  const source = NON_ASCII.test(text) ? bytes.toString("utf8") : text;
  return { text: `(function (${names.join(", ")}) {${source}\n})`, buffer };
}

const loaded = new Map<string, unknown>();

/** How runCached runs a file, beyond what require does. */
export interface RunOptions {
  /** Further variables of the file's wrapper, by name. */
  extra?: Record<string, unknown>;
  /** Which entry of the cache: one per kind of run, as each compiles its own part of the file. */
  profile?: string;
  /** Built-in modules loaded only when the file first reads one of their exports (its named imports), not when it requires them. */
  lazy?: readonly string[];
  /**
   * The require the file's code calls: one that resolves as a module in the file's folder would (the bin passes its
   * own, which does). Without it, createRequire(file) where the file first requires something: node:module, and
   * the ES module loader it brings, take half a millisecond to load.
   */
  require?: NodeJS.Require;
}

/** Marks a module loaded on first use: read without loading it (the bundle's default-import helper looks for it). */
export const LAZY_MODULE = Symbol.for("mjoplan.lazyModule");

/** A module that loads when one of its exports is first read. */
function onFirstUse(load: () => object): object {
  let real: object | undefined;
  const target = (): object => (real ??= load());
  return new Proxy(
    {},
    {
      get: (_, key) => (key === LAZY_MODULE ? true : Reflect.get(target(), key)),
      has: (_, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(target(), key);
        return d && { ...d, configurable: true };
      },
    },
  );
}

/** Runs the CommonJS file `file` as require would, through the code cache; its `module.exports`. */
export function runCached(file: string, options: RunOptions = {}): unknown {
  const { extra = {}, profile = "", lazy = [] } = options;
  let made: NodeJS.Require | undefined;
  const own = (): NodeJS.Require => (made ??= options.require ?? createRequire(file));
  // Where no require is given, the file's own is made at its first call (the compiled templates call none).
  const plain = options.require ?? (Object.assign((id: string): unknown => own()(id), { resolve: (id: string, o?: { paths?: string[] }) => own().resolve(id, o) }) as unknown as NodeJS.Require);
  const require = lazy.length === 0 ? plain : Object.assign((id: string) => (lazy.includes(id) ? onFirstUse(() => plain(id) as object) : plain(id)), plain);
  const names = [...WRAPPER_NAMES, ...Object.keys(extra)];
  const { text: wrapped, buffer } = scriptText(file, names);
  const dir = process.env["NODE_DISABLE_COMPILE_CACHE"] ? undefined : cacheDir();
  let entry: string | undefined;
  let cachedData: Buffer | undefined;
  // Whether the entry read was written by a run that stopped early (see ranWhole).
  let partial = false;
  if (dir) {
    try {
      const s = statSync(file, { bigint: true });
      // V8 rejects code cached under other flags: runs with other flags (--cpu-prof, NODE_OPTIONS) keep their own entry instead of replacing each other's.
      const flags = `${process.execArgv.join(" ")}\0${process.env["NODE_OPTIONS"] ?? ""}`;
      const slot = `${process.version}\0${process.arch}\0${flags}\0${file}\0${names.join(",")}\0${profile}`;
      const version = `${s.size}\0${s.ino}\0${s.ctimeNs}\0${s.mtimeNs}`;
      // The slot (which file, which run) names the entry's prefix, the file's version its end: a new version replaces the slot's old entry.
      entry = path.join(dir, `${fnvPair(slot)}-${fnvPair(version)}.bin`);
      // Into the script's buffer, whose bytes are in `wrapped` now; V8 reads the cached code while it compiles, and no more.
      cachedData = readOrNone(entry, buffer);
      if (!cachedData) partial = (cachedData = readOrNone(partOf(entry), buffer)) !== undefined;
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, require, mod, file, path.dirname(file), ...Object.values(extra));
  const missing = !cachedData || script.cachedDataRejected;
  if (entry && (missing || partial)) {
    const whole = entry;
    // At exit the code V8 compiled while the run used the file is in the cache too, not only its top level.
    process.once("exit", (code) => {
      // A run that stopped early (bad input, --help) compiled little: its entry is a partial one, which the next run
      // that goes the whole way replaces. Written only once, an entry made by a first run that stopped at its flags
      // left every later run compiling most of the bundle itself (45 ms of a 160 ms dry run, session 21).
      const ranAll = ranWhole(code);
      if (!missing && !ranAll) return;
      const target = ranAll ? whole : partOf(whole);
      try {
        const tmp = `${target}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, target);
        // The slot's entries for older versions of the file (an earlier build or install) are of no more use.
        const name = path.basename(target);
        const slot = name.slice(0, name.indexOf("-") + 1);
        for (const old of readdirSync(path.dirname(target))) if (old.startsWith(slot) && old.endsWith(".bin") && old !== name) rmSync(path.join(path.dirname(target), old), { force: true });
      } catch {
        // A cache that cannot be written is only a slower next run.
      }
    });
  }
  return mod.exports;
}

/** The name of a slot's entry written by a run that stopped early. */
const partOf = (entry: string): string => entry.replace(/\.bin$/, ".part.bin");

/** A file's bytes, or undefined where it cannot be read (no such entry). */
function readOrNone(file: string, buffer: Buffer): Buffer | undefined {
  try {
    return readWhole(file, buffer);
  } catch {
    return undefined;
  }
}

/**
 * Whether the run went the whole way, so that the code it compiled is what runs of its command need: it ended with
 * exit code 0 and asked for no help or version. A refused flag (exit 2) or an interrupted prompt did not.
 */
export function ranWhole(code: number, argv: readonly string[] = process.argv): boolean {
  return code === 0 && !argv.some((a) => a === "--help" || a === "-h" || a === "--version");
}

/** A CommonJS file's code as a function of its wrapper's variables. */
type ModuleCode = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/**
 * Where the bin's bundle keeps the files it carries (scripts/bundle-bin.mjs puts the compiled templates in it): their
 * code by the path of the file they were built from. A run of the bin then reads, and V8 deserializes, one script
 * and one cache entry, not two (about a millisecond); anything else (tests, the plopfile, a batch's threads) reads
 * the file.
 */
export const CARRIED = Symbol.for("mjoplan.carried");

/** The exports of `file` from the code the bundle carries, or undefined where it carries none for it. */
function fromCarried(file: string): { exports: unknown } | undefined {
  const code = (globalThis as { [CARRIED]?: Record<string, ModuleCode> })[CARRIED]?.[file];
  if (!code) return undefined;
  const mod = { exports: {} as unknown };
  // The compiled templates require nothing; a require made only if called keeps node:module unloaded.
  code(mod.exports, ((id: string) => createRequire(file)(id)) as NodeJS.Require, mod, file, path.dirname(file));
  return mod;
}

/** `require(file)` for a CommonJS file of this package, through the code cache (or the bundle, where it carries the file). */
export function requireCached(file: string): unknown {
  if (!loaded.has(file)) loaded.set(file, fromCarried(file)?.exports ?? runCached(file));
  return loaded.get(file);
}
