/**
 * Every plan below the given paths, skipping dependency and build folders: each
 * `*-plan.md`, and any other Markdown file whose front matter says mjoplan made it
 * (a team's config may name plans otherwise); only the first bytes of those are read.
 */
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";

const SKIP = new Set(["node_modules", ".git", "dist", "coverage"]);
const MADE_BY_MJOPLAN = /^---\n[\s\S]*?^generator: "mjoplan /m;

async function isPlan(file: string): Promise<boolean> {
  if (file.endsWith("-plan.md")) return true;
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return MADE_BY_MJOPLAN.test(buffer.toString("utf8", 0, bytesRead));
  } finally {
    await handle.close();
  }
}

export async function findPlans(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory() && !SKIP.has(e.name)) await walk(full);
        else if (e.isFile() && e.name.endsWith(".md") && (await isPlan(full))) found.push(full);
      }),
    );
  };
  for (const p of paths.length ? paths : ["."]) {
    const full = path.resolve(cwd, p);
    const s = await stat(full).catch(() => null);
    if (!s) throw new InputError(p, "no such file or folder");
    if (s.isDirectory()) await walk(full);
    else if (full.endsWith(".md")) found.push(full);
    else throw new InputError(p, "is neither a folder nor a plan (a Markdown file)");
  }
  return [...new Set(found)].sort();
}
