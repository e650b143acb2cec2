/**
 * A plan stays a one-byte string in V8 as long as every character is Latin-1: one arrow or em dash beyond it makes the
 * whole 110,000-character plan two-byte, 220 KB, above the 128 KB where V8 makes a string a large object of its own
 * freshly mapped pages (about 1.5 ms of CPU each on a machine where a page first touched costs ~30 us; generators/plan/
 * render.ts). So the built-in packs and templates write Latin-1 ("Client to API", " - "): a use-case's own words may
 * go beyond it, the built-in text may not.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ROOT } from "./support/project.js";

async function filesUnder(dir: string, ends: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ends)).map((e) => path.join(e.parentPath, e.name));
}

const beyondLatin1 = (text: string): string[] => [...new Set([...text].filter((c) => c.codePointAt(0)! > 0xff))];

describe("built-in text a plan is made of is Latin-1", () => {
  it("packs and templates hold no character beyond Latin-1", async () => {
    const files = [...(await filesUnder(path.join(ROOT, "packs"), ".yaml")), ...(await filesUnder(path.join(ROOT, "templates"), ".hbs"))];
    expect(files.length).toBeGreaterThan(100);
    const found: Record<string, string[]> = {};
    for (const file of files) {
      const chars = beyondLatin1(await readFile(file, "utf8"));
      if (chars.length) found[path.relative(ROOT, file)] = chars;
    }
    expect(found).toEqual({});
  });

  it("so the golden examples' plans are one-byte", async () => {
    for (const plan of await filesUnder(path.join(ROOT, "examples"), "-plan.md")) expect({ plan: path.relative(ROOT, plan), chars: beyondLatin1(await readFile(plan, "utf8")) }).toEqual({ plan: path.relative(ROOT, plan), chars: [] });
  });
});
