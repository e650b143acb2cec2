/**
 * Writes output through Prettier, with the target repository's Prettier config,
 * or Prettier's defaults where it has none. Prettier costs more than the rest of
 * a run together (measured: ~40 ms to load, ~200 ms for the first TypeScript
 * file, ~290 ms for a plan), so by default (`auto`) it runs only for a repository
 * that uses Prettier: one with a Prettier config, or with prettier among its
 * package.json dependencies (as Nx formats only where Prettier is installed).
 * `always` and `never` decide for every repository.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { GenerationError } from "../errors.js";
import type { PlannedFile } from "../write/planned-file.js";

export const FORMAT_MODES = ["auto", "always", "never"] as const;
export type FormatMode = (typeof FORMAT_MODES)[number];

const CONFIG_FILES = [
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

/**
 * Whether the repository around `dir` uses Prettier: a Prettier config from `dir`
 * upward (found as Prettier would), or prettier in a package.json's own
 * dependencies. Not merely installed: mjoplan's own dependency on it would count.
 * Decided without loading Prettier.
 */
export function usesPrettier(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (CONFIG_FILES.some((f) => existsSync(path.join(d, f)))) return true;
    const file = path.join(d, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as PackageJson;
        if (pkg.prettier !== undefined || pkg.dependencies?.["prettier"] || pkg.devDependencies?.["prettier"]) return true;
      } catch {
        // an unreadable package.json says nothing about Prettier
      }
    }
    if (path.dirname(d) === d) return false;
  }
}

const FORMATTED = /\.(ts|md)$/;

export async function formatFiles(files: PlannedFile[], dest: string, mode: FormatMode): Promise<PlannedFile[]> {
  if (mode === "never" || (mode === "auto" && !usesPrettier(dest))) return files;
  const prettier = await import("prettier");
  return Promise.all(
    files.map(async (file) => {
      if (!FORMATTED.test(file.path)) return file;
      const filepath = path.join(dest, file.path);
      try {
        const options = (await prettier.resolveConfig(filepath, { editorconfig: true })) ?? {};
        return { ...file, content: await prettier.format(file.content, { ...options, filepath }) };
      } catch (e) {
        throw new GenerationError(`Prettier could not format ${file.path}: ${String((e as Error).message).split("\n")[0]}`, { cause: e });
      }
    }),
  );
}
