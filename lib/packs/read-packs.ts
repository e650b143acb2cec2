/**
 * Reads the pack files of a folder (`*.yaml`, `*.yml`, `*.json`), sorted by file
 * name. A small reader for the built-in packs; the validating loader checks the
 * shape of a team's packs.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { LoadedPack, Pack } from "./pack.js";

export function readPackDir(dir: string, source: LoadedPack["source"]): LoadedPack[] {
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), "utf8");
      const pack = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as Pack;
      return { ...pack, source, file };
    });
}
