// npm pack's prepack and postpack steps: the packed package.json carries no `prepare` script.
// In the clone, `prepare` builds dist/ after `npm ci`; in a project that installs the package it
// never runs (the package ships dist/ built), but npm 11 still lists it as an install script to
// approve. As pinst does for postinstall: `strip` keeps the manifest beside and writes it without
// `prepare` (npm reads package.json again after prepack, so the tarball gets that one); `restore`
// puts the original back, byte for byte.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = path.join(root, "package.json");
const kept = path.join(root, ".package.json.unpacked");

const step = process.argv[2];
if (step === "strip") {
  // A kept copy means an earlier pack stopped halfway: that copy is the original.
  const original = readFileSync(existsSync(kept) ? kept : manifest, "utf8");
  writeFileSync(kept, original);
  const pkg = JSON.parse(original);
  delete pkg.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (step === "restore") {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  console.error("usage: node scripts/pack-manifest.mjs strip|restore");
  process.exit(2);
}
