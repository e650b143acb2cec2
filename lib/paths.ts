/**
 * Where the package's own files are, whether running from TypeScript sources
 * (tests) or from compiled dist/: the nearest folder up with our package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "mjoplan") return dir;
    if (path.dirname(dir) === dir) throw new Error(`mjoplan's package.json not found above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates");
export const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
/** The compiled plopfile node-plop loads for the interactive path. */
export const PLOPFILE = path.join(PACKAGE_ROOT, "dist", "plopfile.js");
