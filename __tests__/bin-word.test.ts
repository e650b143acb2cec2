/**
 * The word a suggested command starts with (TRIAL7 U16): a person who installed mjoplan as a project's dev dependency
 * has no mjoplan on their shell's PATH, only npm's scripts and npx do (node_modules/.bin), so they are told npx mjoplan;
 * a global install, whose bin folder is on the PATH, is told mjoplan. Real folders, real files.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { binWord } from "../lib/cli/invocation.js";
import { tempDir } from "./support/project.js";

async function project(): Promise<{ root: string; packageRoot: string; localBin: string; globalBin: string }> {
  const root = await tempDir();
  const packageRoot = path.join(root, "app/node_modules/mjoplan");
  const localBin = path.join(root, "app/node_modules/.bin");
  const globalBin = path.join(root, "usr/bin");
  await mkdir(packageRoot, { recursive: true });
  await mkdir(localBin, { recursive: true });
  await mkdir(globalBin, { recursive: true });
  await writeFile(path.join(localBin, "mjoplan"), "");
  return { root, packageRoot, localBin, globalBin };
}

describe("the bin's word in a suggested command", () => {
  it("is npx mjoplan for a dev dependency, though npm's script PATH holds node_modules/.bin", async () => {
    const { packageRoot, localBin, globalBin } = await project();
    expect(binWord({ PATH: [localBin, globalBin].join(path.delimiter) }, packageRoot)).toBe("npx mjoplan");
    expect(binWord({}, packageRoot)).toBe("npx mjoplan");
  });

  it("is mjoplan where a folder of the PATH outside node_modules holds the bin (a global install)", async () => {
    const { packageRoot, localBin, globalBin } = await project();
    await writeFile(path.join(globalBin, "mjoplan"), "");
    expect(binWord({ PATH: [localBin, globalBin].join(path.delimiter) }, packageRoot)).toBe("mjoplan");
  });

  it("is mjoplan for a copy outside any node_modules (a clone, a link), whatever the PATH", async () => {
    const { root } = await project();
    expect(binWord({ PATH: "" }, path.join(root, "src/mjoplan"))).toBe("mjoplan");
  });
});
