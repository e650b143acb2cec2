/**
 * npm pack strips `prepare` from the packed package.json (prepack) and puts it back (postpack); npm
 * skips postpack when the pack fails after prepack, and the working tree must still be as it was.
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { ROOT, tempDir } from "./support/project.js";

describe("npm pack's manifest steps", () => {
  it("the package's prepack and postpack run the manifest script", async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["prepack"]).toMatch(/node scripts\/pack-manifest\.mjs strip$/);
    expect(pkg.scripts["postpack"]).toBe("node scripts/pack-manifest.mjs restore");
  });

  it("a pack that fails after prepack leaves package.json byte for byte as it was", async () => {
    const dir = await tempDir("mjoplan-pack-");
    await mkdir(path.join(dir, "scripts"));
    await copyFile(path.join(ROOT, "scripts/pack-manifest.mjs"), path.join(dir, "scripts/pack-manifest.mjs"));
    // The real steps, without the build the real prepack runs first.
    const manifest = `${JSON.stringify({ name: "pack-probe", version: "1.0.0", private: true, scripts: { prepare: "echo prepare", prepack: "node scripts/pack-manifest.mjs strip", postpack: "node scripts/pack-manifest.mjs restore" } }, null, 2)}\n`;
    await writeFile(path.join(dir, "package.json"), manifest);
    const ok = await execa("npm", ["pack", "--pack-destination", dir], { cwd: dir, reject: false });
    expect(ok.exitCode).toBe(0);
    const packed = await execa("tar", ["-xOzf", path.join(dir, "pack-probe-1.0.0.tgz"), "package/package.json"]);
    expect(JSON.parse(String(packed.stdout)).scripts.prepare).toBeUndefined();
    expect(await readFile(path.join(dir, "package.json"), "utf8")).toBe(manifest);

    const failed = await execa("npm", ["pack", "--pack-destination", path.join(dir, "does-not-exist")], { cwd: dir, reject: false });
    expect(failed.exitCode).not.toBe(0);
    // Restored once npm has exited (by the watcher prepack started): give it a moment.
    const deadline = Date.now() + 10_000;
    while ((await readFile(path.join(dir, "package.json"), "utf8")) !== manifest && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await readFile(path.join(dir, "package.json"), "utf8")).toBe(manifest);
  });
});
