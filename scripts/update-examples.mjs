// Regenerates the golden example under examples/ from its answers file, with the built CLI.
// Run after a deliberate change to the output: `npm run examples`; the golden test compares byte for byte.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "examples/request-password-reset");
rmSync(out, { recursive: true, force: true });
execFileSync("node", [path.join(root, "dist/bin/mjoplan.js"), "plan", "--answers", path.join(root, "examples/request-password-reset.answers.json"), "--dest", out], {
  stdio: "inherit",
});
