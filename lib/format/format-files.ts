/**
 * Writes output through Prettier, with the target repository's Prettier config.
 * Prettier costs more than the rest of a run together (measured: ~40 ms to load,
 * ~200 ms for the first TypeScript file, ~290 ms for a plan), so by default
 * (`auto`) it runs only where the repository has a Prettier config: a team that
 * uses Prettier gets its style; others get mjoplan's output as the templates make it.
 * `always` formats with Prettier's defaults where there is no config.
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

/** Whether a Prettier config applies to `dir`, found as Prettier would, from `dir` upward; without loading Prettier. */
export function hasPrettierConfig(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (CONFIG_FILES.some((f) => existsSync(path.join(d, f)))) return true;
    const pkg = path.join(d, "package.json");
    if (existsSync(pkg)) {
      try {
        if ("prettier" in (JSON.parse(readFileSync(pkg, "utf8")) as object)) return true;
      } catch {
        // an unreadable package.json is not a Prettier config
      }
    }
    if (path.dirname(d) === d) return false;
  }
}

const FORMATTED = /\.(ts|md)$/;

export async function formatFiles(files: PlannedFile[], dest: string, mode: FormatMode): Promise<PlannedFile[]> {
  if (mode === "never" || (mode === "auto" && !hasPrettierConfig(dest))) return files;
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
