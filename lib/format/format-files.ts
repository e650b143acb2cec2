/**
 * Writes output through the repository's own formatter. Where it uses Biome,
 * its installed Biome (`check --write`: formatting, import order, safe fixes,
 * with its config); where it uses Prettier, its own installed Prettier (2 or 3)
 * with its config, or Prettier's defaults where it has none. Formatting costs
 * more than the rest of a run together (measured: ~40 ms to load Prettier,
 * ~200 ms for the first TypeScript file), so by default (`auto`) it runs only for
 * a repository that uses a formatter (as Nx formats only where Prettier is
 * installed). `always` uses the bundled Prettier where the repository has
 * neither; `never` formats nothing.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { embeddedBlocks } from "../check/plan-facts.js";
import { syncEmbedded } from "../check/sync-plan.js";
import { GenerationError } from "../errors.js";
import { foldersUpTo, searchTop } from "../search-top.js";
import { Interrupted } from "../write/commit.js";
import type { PlannedFile } from "../write/planned-file.js";
import { pathOfLink } from "../link-text.js";

export const FORMAT_MODES = ["auto", "always", "never"] as const;
export type FormatMode = (typeof FORMAT_MODES)[number];

/** Prettier's config files, as Prettier looks for them (init reports the one it finds). */
export const PRETTIER_CONFIG_FILES = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json5",
  ".prettierrc.js",
  ".prettierrc.cjs",
  ".prettierrc.mjs",
  ".prettierrc.toml",
  "prettier.config.js",
  "prettier.config.cjs",
  "prettier.config.mjs",
];

interface PackageJson {
  prettier?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function packageJsonIn(dir: string): PackageJson | undefined {
  const file = path.join(dir, "package.json");
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as PackageJson;
  } catch {
    return undefined; // an unreadable package.json says nothing about Prettier
  }
}

/**
 * The repository's Prettier config file (or the package.json holding a `prettier`
 * key), nearest first, from `dir` up to the repository root (`top`) and never above it: a
 * config may be code (`.prettierrc.cjs`), and one in a shared folder above the
 * repository must neither run nor steer the output.
 */
export function prettierConfigOf(dir: string, top = searchTop(dir)): string | undefined {
  for (const d of foldersUpTo(dir, top)) {
    const file = PRETTIER_CONFIG_FILES.find((f) => existsSync(path.join(d, f)));
    if (file) return path.join(d, file);
    if (packageJsonIn(d)?.prettier !== undefined) return path.join(d, "package.json");
  }
  return undefined;
}

/**
 * Whether the repository around `dir` uses Prettier: a Prettier config in it, or
 * prettier in one of its package.json's own dependencies. Not merely installed:
 * mjoplan's own dependency on it would count. Decided without loading Prettier.
 */
export function usesPrettier(dir: string): boolean {
  if (prettierConfigOf(dir)) return true;
  return foldersUpTo(dir, searchTop(dir)).some((d) => {
    const pkg = packageJsonIn(d);
    return Boolean(pkg?.dependencies?.["prettier"] || pkg?.devDependencies?.["prettier"]);
  });
}

// mjoplan.config.json too (written by init): the repository's format check passes over it as over the rest.
const FORMATTED = /\.(ts|md)$|(^|\/)mjoplan\.config\.json$/;

/** The Prettier API both majors share: format (sync in 2, async in 3) and resolveConfig. */
interface PrettierLike {
  version: string;
  format(source: string, options: Record<string, unknown>): string | Promise<string>;
  resolveConfig(file: string, options?: Record<string, unknown>): Promise<Record<string, unknown> | null>;
}

export type Formatter =
  | { kind: "none" }
  | { kind: "prettier"; prettier: PrettierLike; origin: "repository" | "bundled" }
  // Biome runs as `command ...args check --write ...`: its native binary, or Node running its wrapper.
  | { kind: "biome"; command: string; args: readonly string[]; version: string };

const BIOME_CONFIG_FILES = ["biome.json", "biome.jsonc"];

/**
 * The biome.json(c) that makes the repository around `dir` use Biome, from `dir`
 * up to the repository root, never above it. Not the dependency alone: a repository may carry Biome for something
 * else (this one does, for its fixtures) and format with Prettier.
 */
export function biomeConfigFor(dir: string): string | undefined {
  for (const d of foldersUpTo(dir, searchTop(dir))) {
    const found = BIOME_CONFIG_FILES.find((f) => existsSync(path.join(d, f)));
    if (found) return path.join(d, found);
  }
  return undefined;
}

export const usesBiome = (dir: string): boolean => biomeConfigFor(dir) !== undefined;

/**
 * A package as the repository at `dir` resolves it: from the nearest node_modules holding it, up to
 * the repository root and not above (a node_modules/prettier in a shared folder above is not the
 * repository's, and would run as code). Undefined when the repository has none installed.
 */
function resolveFrom(dir: string, request: string): string | undefined {
  const name = request.split("/").slice(0, request.startsWith("@") ? 2 : 1).join("/");
  const holder = foldersUpTo(dir, searchTop(dir)).find((d) => existsSync(path.join(d, "node_modules", name, "package.json")));
  if (holder === undefined) return undefined;
  try {
    return createRequire(path.join(holder, "noop.js")).resolve(request);
  } catch {
    return undefined;
  }
}

/**
 * The formatter a run uses for the repository at `dest`: Biome where it uses
 * Biome (its installed binary, so its version and config); Prettier where it
 * uses Prettier (its own installed copy, Prettier 2 or 3, with its config; the
 * bundled one only if it has none installed); the bundled Prettier for
 * `--format always` in a repository that uses neither; nothing otherwise.
 */
export async function formatterFor(dest: string, mode: FormatMode): Promise<Formatter> {
  if (mode === "never") return { kind: "none" };
  if (usesBiome(dest)) {
    const pkg = resolveFrom(dest, "@biomejs/biome/package.json");
    if (pkg) {
      const version = (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
      const native = biomeNativeBinary(pkg);
      if (native) return { kind: "biome", command: native, args: [], version };
      const wrapper = path.join(path.dirname(pkg), "bin/biome");
      if (existsSync(wrapper)) return { kind: "biome", command: process.execPath, args: [wrapper], version };
    }
  }
  const own = usesPrettier(dest);
  if (!own && mode === "auto") return { kind: "none" };
  const repoPrettier = own ? resolveFrom(dest, "prettier") : undefined;
  if (repoPrettier) return { kind: "prettier", prettier: createRequire(import.meta.url)(repoPrettier) as PrettierLike, origin: "repository" };
  return { kind: "prettier", prettier: (await import("prettier")) as unknown as PrettierLike, origin: "bundled" };
}

async function withPrettier(prettier: PrettierLike, file: PlannedFile, dest: string, configOf: (dir: string) => string | undefined): Promise<string> {
  const filepath = path.join(dest, file.path);
  // Prettier would search above the repository for a config: it is handed the repository's own, or none.
  const config = configOf(nearestExisting(path.dirname(filepath)));
  const options = config ? ((await prettier.resolveConfig(filepath, { config, editorconfig: true })) ?? {}) : {};
  if (!file.isPlan) return prettier.format(file.content, { ...options, filepath });
  // A plan's copies of its test files are formatted already, as those files (formatWith): formatted again inside the
  // Markdown they would cost the TypeScript formatting twice (~0.5 s a plan), and come out otherwise where the
  // repository formats Markdown otherwise (a narrower printWidth), so that the plan failed its own check at once.
  // The template puts them between <!-- prettier-ignore-start/end --> so that the repository's own `prettier --write`
  // leaves them too; here they are held out as one placeholder statement each (a plan written before that range was
  // added has none) and put back after; the rest (front matter, pseudo-code) is formatted as before.
  const codes = embeddedBlocks(file.content).map((b) => b.code);
  let held = 0;
  const formatted = await prettier.format(
    syncEmbedded(file.content, () => `mjoplanEmbedded${held++};`),
    { ...options, filepath },
  );
  let put = 0;
  const restored = syncEmbedded(formatted, () => codes[put++]);
  // Every block found again in the formatted text, in order: else (a Markdown formatter that moved one) as before.
  return put === held ? restored : prettier.format(file.content, { ...options, filepath });
}

/**
 * The native Biome binary that the package's Node wrapper (`bin/biome`) would run, resolved as the wrapper
 * resolves it (`@biomejs/cli-<platform>-<arch>[-musl]/biome` from the package's folder). Run directly, a file
 * costs one native process instead of four (a Node start, `sh -c "ldd --version"`, ldd, then the binary):
 * with 25 files, ~100 processes and over a second of CPU (TRIAL4 V21). Undefined where only the wrapper knows:
 * BIOME_BINARY set, no platform package beside it, or both Linux builds installed (npm installs the one
 * matching the C library; the wrapper then asks ldd, which is what running directly saves).
 */
function biomeNativeBinary(biomePackageJson: string): string | undefined {
  if (process.env["BIOME_BINARY"]) return undefined;
  const builds = process.platform === "linux" ? [`linux-${process.arch}`, `linux-${process.arch}-musl`] : process.platform === "darwin" ? [`darwin-${process.arch}`] : [];
  const req = createRequire(biomePackageJson);
  const found = builds.flatMap((name) => {
    try {
      return [req.resolve(`@biomejs/cli-${name}/biome`)];
    } catch {
      return [];
    }
  });
  return found.length === 1 ? found[0] : undefined;
}

/** Biome's own `check --write` over one file through stdin: its formatting, import order and safe fixes, with its config. */
function withBiome(biome: Extract<Formatter, { kind: "biome" }>, file: PlannedFile, dest: string): Promise<string> {
  // One process per file, all at once: the native binary starts in milliseconds, and the files of a run are few.
  return new Promise((resolve, reject) => {
    const child = spawn(biome.command, [...biome.args, "check", "--write", `--stdin-file-path=${file.path}`], { cwd: nearestExisting(dest), stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (status) => (status === 0 && out !== "" ? resolve(out) : reject(new Error(`biome exited ${status}: ${err.split("\n").find((l) => l.trim()) ?? ""}`))));
    child.stdin.end(file.content);
  });
}

export async function formatFiles(files: PlannedFile[], dest: string, mode: FormatMode): Promise<PlannedFile[]> {
  return formatWith(await formatterOfDest(dest, mode), files, dest);
}

/** The formatter for `dest`, which may not exist yet. */
export function formatterOfDest(dest: string, mode: FormatMode): Promise<Formatter> {
  return formatterFor(existsSync(dest) ? dest : nearestExisting(dest), mode);
}

/** The files through `formatter` (one use-case's at a time, in a batch); with `signal`, see eachFile. */
export async function formatWith(formatter: Formatter, files: PlannedFile[], dest: string, signal?: AbortSignal, alsoFormat?: (path: string) => boolean): Promise<PlannedFile[]> {
  if (formatter.kind === "none") return files;
  // Files of one folder share their config: looked up once per folder, up to --dest's repository root. A --dest
  // that is no package and no checkout is its own root: its .prettierrc holds for the folders below it too (a
  // folder's own root would be itself, and a file a grow adds to an existing folder would miss the config).
  const top = searchTop(nearestExisting(dest));
  const configs = new Map<string, string | undefined>();
  const configOf = (dir: string): string | undefined => {
    if (!configs.has(dir)) configs.set(dir, prettierConfigOf(dir, top));
    return configs.get(dir);
  };
  const format = async (file: PlannedFile): Promise<PlannedFile> => {
    if (!FORMATTED.test(file.path) && !alsoFormat?.(file.path)) return file;
    try {
      const content = formatter.kind === "biome" ? await withBiome(formatter, file, dest) : await withPrettier(formatter.prettier, file, dest, configOf);
      return { ...file, content };
    } catch (e) {
      const name = formatter.kind === "biome" ? `Biome ${formatter.version}` : `Prettier ${formatter.prettier.version}`;
      throw new GenerationError(`${name} could not format ${file.path}: ${String((e as Error).message).split("\n")[0]}`, { cause: e });
    }
  };
  // The code first; then each plan embeds its files as formatted, and then its Markdown is formatted (its code blocks
  // left as they are: a copy of each file, which check compares with the file).
  // Biome's processes run side by side; Prettier runs here, a file per turn of the event loop where a signal can stop it.
  const stop = formatter.kind === "biome" ? undefined : signal;
  const code = await eachFile(files.filter((f) => !f.path.endsWith(".md")), format, stop);
  const byPath = new Map(code.map((f) => [f.path, f.content]));
  const codeOfLink = (plan: PlannedFile) => (link: string) => byPath.get(path.posix.normalize(path.posix.join(path.posix.dirname(plan.path), pathOfLink(link))));
  const withCode = (f: PlannedFile): PlannedFile => (f.isPlan ? { ...f, content: syncEmbedded(f.content, codeOfLink(f)) } : f);
  const markdown = await eachFile(files.filter((f) => f.path.endsWith(".md")).map(withCode), format, stop);
  // In the files' own order.
  const done = new Map([...code, ...markdown].map((f) => [f.path, f]));
  return files.map((f) => done.get(f.path)!);
}

/**
 * `format` over the files: all at once, or with `signal` one file per turn of the event loop (Prettier runs in this
 * process, Prettier 2 synchronously), so a signal's handler runs between files and an aborted run stops within a
 * file, not a use-case.
 */
async function eachFile(files: readonly PlannedFile[], format: (file: PlannedFile) => Promise<PlannedFile>, signal: AbortSignal | undefined): Promise<PlannedFile[]> {
  if (!signal) return Promise.all(files.map(format));
  const out: PlannedFile[] = [];
  for (const file of files) {
    if (FORMATTED.test(file.path)) await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) throw new Interrupted();
    out.push(await format(file));
  }
  return out;
}

/** A --dest that does not exist yet takes its repository's tools from the nearest folder that does. */
function nearestExisting(dir: string): string {
  let d = path.resolve(dir);
  while (!existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}
