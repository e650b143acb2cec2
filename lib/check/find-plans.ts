/**
 * Every plan below the given paths, skipping dependency and build folders: each
 * `*-plan.md`, and any other Markdown file whose front matter says mjoplan made it
 * (a team's config may name plans otherwise); only the first bytes of those are read.
 * Synchronous calls on purpose: a walk over thousands of folders is cheaper without a
 * trip to the thread pool per folder, and `check` of one plan starts no thread pool at all.
 */
import { closeSync, openSync, readdirSync, readSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";

const SKIP = new Set(["node_modules", ".git", "dist", "coverage"]);
const MADE_BY_MJOPLAN = /^---\n[\s\S]*?^generator: "mjoplan /m;

function isPlan(file: string): boolean {
  if (file.endsWith("-plan.md")) return true;
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1024);
    const bytesRead = readSync(fd, buffer, 0, 1024, 0);
    return MADE_BY_MJOPLAN.test(buffer.toString("utf8", 0, bytesRead));
  } finally {
    closeSync(fd);
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

export async function findPlans(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !SKIP.has(e.name)) walk(full);
      else if (e.isFile() && e.name.endsWith(".md") && isPlan(full)) found.push(full);
    }
  };
  for (const p of paths.length ? paths : ["."]) {
    const full = path.resolve(cwd, p);
    const s = statOrNull(full);
    if (!s) throw new InputError(p, "no such file or folder");
    if (s.isDirectory()) walk(full);
    else if (full.endsWith(".md")) found.push(full);
    else throw new InputError(p, "is neither a folder nor a plan (a Markdown file)");
  }
  return [...new Set(found)].sort();
}
