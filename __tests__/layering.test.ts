/**
 * The generic floor stays generic: nothing in lib/ imports a generator (what a
 * generator knows stays behind its definition; the bin hands the registry in),
 * and no command module imports the CLI's main module back.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ROOT } from "./support/project.js";

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(full)));
    else if (entry.name.endsWith(".ts")) out.push(full);
  }
  return out;
}

/** Known debt, named so it cannot grow: the config validates plan paths, sections and checklist names. */
const KNOWN = new Set(["lib/config/config.ts"]);

describe("lib/ layering", () => {
  it("imports nothing from generators/ (beyond the named config debt)", async () => {
    const offenders: string[] = [];
    for (const file of await sources(path.join(ROOT, "lib"))) {
      const rel = path.relative(ROOT, file);
      if (/from\s+["'](?:\.\.\/)+generators\//.test(await readFile(file, "utf8")) && !KNOWN.has(rel)) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  it("has no command module importing the CLI's main module", async () => {
    const offenders: string[] = [];
    for (const file of await sources(path.join(ROOT, "lib/cli"))) {
      if (/from\s+["']\.\/main\.js["']/.test(await readFile(file, "utf8"))) offenders.push(path.relative(ROOT, file));
    }
    expect(offenders).toEqual([]);
  });
});
