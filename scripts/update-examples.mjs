// Regenerates the golden examples under examples/ from their answers files (examples/<name>.answers.json
// -> examples/<name>/), with the built CLI. Run after a deliberate change to the output: `npm run examples`;
// the golden test compares byte for byte.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
for (const answers of readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".answers.json"))) {
  const out = path.join(root, "examples", answers.replace(/\.answers\.json$/, ""));
  rmSync(out, { recursive: true, force: true });
  execFileSync("node", [path.join(root, "dist/bin/mjoplan.js"), "plan", "--answers", path.join(root, "examples", answers), "--dest", out, "--format", "never"], { stdio: "inherit" });
}
