/**
 * Where the package's own files are, whether running from TypeScript sources
 * (tests) or from compiled dist/: the nearest folder up with our package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's folder and its manifest, read once (every run starts here). */
function findPackage(start: string): { root: string; version: string } {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const found = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version: string };
      if (found.name === "mjoplan") return { root: dir, version: found.version };
    }
    if (path.dirname(dir) === dir) throw new Error(`mjoplan's package.json not found above ${start}`);
  }
}

const found = findPackage(path.dirname(fileURLToPath(import.meta.url)));
export const PACKAGE_ROOT = found.root;
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates");
export const PACKAGE_VERSION = found.version;
/** The compiled plopfile node-plop loads for the interactive path. */
export const PLOPFILE = path.join(PACKAGE_ROOT, "dist", "plopfile.js");
