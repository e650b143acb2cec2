/** Every `*-plan.md` below the given paths, skipping dependency and build folders. */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";

const SKIP = new Set(["node_modules", ".git", "dist", "coverage"]);

export async function findPlans(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory() && !SKIP.has(e.name)) await walk(full);
        else if (e.isFile() && e.name.endsWith("-plan.md")) found.push(full);
      }),
    );
  };
  for (const p of paths.length ? paths : ["."]) {
    const full = path.resolve(cwd, p);
    const s = await stat(full).catch(() => null);
    if (!s) throw new InputError(p, "no such file or folder");
    if (s.isDirectory()) await walk(full);
    else if (full.endsWith(".md")) found.push(full);
    else throw new InputError(p, "is neither a folder nor a plan (*-plan.md)");
  }
  return [...new Set(found)].sort();
}
