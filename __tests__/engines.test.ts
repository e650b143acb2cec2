/**
 * The Node versions the README states are the ones the lock file's packages accept: `npm ci`
 * warns EBADENGINE for any package whose engines leave out the running Node. What a project that
 * installs mjoplan gets (its dependencies) fits package.json's engines from their lowest version;
 * the whole development tree fits the README's stated version for working on mjoplan.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ROOT } from "./support/project.js";

const semver = createRequire(import.meta.url)("semver") as { satisfies(version: string, range: string): boolean; minVersion(range: string): { version: string } };

interface Locked {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

async function lockedPackages(): Promise<[string, Locked][]> {
  const lock = JSON.parse(await readFile(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, Locked> };
  return Object.entries(lock.packages).filter(([name]) => name !== "");
}

/** Packages whose engines leave out `node`, as `name@version needs range`. */
const outside = (packages: [string, Locked][], node: string): string[] =>
  packages.flatMap(([name, p]) => {
    const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
    return range && !semver.satisfies(node, range) ? [`${name.replace(/^.*node_modules\//, "")}@${p.version} needs ${range}`] : [];
  });

describe("the Node versions the README states", () => {
  it("fit every runtime dependency from the lowest version package.json's engines allow", async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
    const lowest = semver.minVersion(manifest.engines.node).version;
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(`Node.js ${lowest.replace(/\.0\.0$/, "")} or newer`);
    expect(outside((await lockedPackages()).filter(([, p]) => !p.dev), lowest)).toEqual([]);
  });

  it("fit the whole development tree from the version the README states for working on mjoplan", async () => {
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    const stated = /working on mjoplan[^.]*?needs Node\.js (\d+\.\d+)/.exec(readme)?.[1];
    expect(stated).toBeDefined();
    expect(outside(await lockedPackages(), `${stated}.0`)).toEqual([]);
  });
});
