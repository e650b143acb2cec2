/**
 * The built-in packs: packs/*.yaml, validated and compiled to dist/packs.json by
 * the build (scripts/build-assets.mjs), so a run reads JSON and parses no YAML.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { GenerationError } from "../errors.js";
import { PACKAGE_ROOT } from "../paths.js";
import type { LoadedPack } from "./pack.js";

/** The packs' source folder (shipped for reading: a team learns the format from it). */
export const PACKS_DIR = path.join(PACKAGE_ROOT, "packs");
/** Where the build writes them. */
export const COMPILED_PACKS = path.join(PACKAGE_ROOT, "dist", "packs.json");

let cached: LoadedPack[] | undefined;

/** Every built-in pack, in file-name order (a new list each call; the packs themselves are shared, not to be changed). */
export function builtInPacks(): LoadedPack[] {
  if (cached) return [...cached];
  let text: string;
  try {
    text = readFileSync(COMPILED_PACKS, "utf8");
  } catch (e) {
    throw new GenerationError(`the built-in packs are not compiled (${path.relative(PACKAGE_ROOT, COMPILED_PACKS)} is missing: run npm run build)`, { cause: e });
  }
  cached = (JSON.parse(text) as { packs: LoadedPack[] }).packs;
  return [...cached];
}

/** The settings the built-in packs state, by name: what a run falls back on when the pack stating one is switched off. */
export function builtInSettings(): Record<string, number> {
  return Object.fromEntries(builtInPacks().flatMap((p) => (p.settings ?? []).map((s) => [s.name, s.value] as const)));
}
