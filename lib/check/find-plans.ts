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
import { inFolder } from "./join-link.js";

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
    // Only folders and Markdown files need their full path (a batch's folders hold tens of thousands of other files);
    // readdir's names hold no "/" and are never "." or "..", so inFolder is path.join without a second normalization.
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) walk(inFolder(dir, e.name));
      } else if (e.isFile() && e.name.endsWith(".md")) {
        const full = inFolder(dir, e.name);
        if (isPlan(full)) found.push(full);
      }
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
