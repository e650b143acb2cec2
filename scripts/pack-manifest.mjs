// npm pack's prepack and postpack steps: the packed package.json carries no `prepare` script.
// In the clone, `prepare` builds dist/ after `npm ci`; in a project that installs the package it
// never runs (the package ships dist/ built), but npm 11 still lists it as an install script to
// approve. As pinst does for postinstall: `strip` keeps the manifest beside and writes it without
// `prepare` (npm reads package.json again after prepack, so the tarball gets that one); `restore`
// puts the original back, byte for byte. npm skips postpack when the pack fails after prepack (a
// --pack-destination that does not exist): a watcher started by `strip` puts it back once npm exits,
// so a failed pack leaves the working tree as it was (and the next `npm ci` still builds).
import { execFileSync, spawn } from "node:child_process";
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
  const npm = npmPid();
  if (npm) spawn(process.execPath, [fileURLToPath(import.meta.url), "watch", String(npm)], { detached: true, stdio: "ignore" }).unref();
} else if (step === "restore") {
  if (existsSync(kept)) renameSync(kept, manifest);
} else if (step === "watch") {
  // Until npm (the pid given) is gone; then whatever postpack did not restore is restored.
  const npm = Number(process.argv[3]);
  const timer = setInterval(() => {
    try {
      process.kill(npm, 0);
    } catch {
      clearInterval(timer);
      if (existsSync(kept)) renameSync(kept, manifest);
    }
  }, 200);
} else {
  console.error("usage: node scripts/pack-manifest.mjs strip|restore|watch <pid>");
  process.exit(2);
}

/** npm's pid: this script runs under `sh -c` (the prepack line), which npm started. */
function npmPid() {
  try {
    const pid = Number(execFileSync("ps", ["-o", "ppid=", "-p", String(process.ppid)], { encoding: "utf8" }).trim());
    return pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}
