/**
 * init's own file and the configs around it: mjoplan.config.json passes the repository's format
 * check and is left alone when only whitespace differs (trial2 T2); a package.json "mjoplan" key
 * beside it is read, not silently hidden (T10).
 */
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "@jest/globals";
import { cli, NODE_MODULES, readTree, repoWith } from "./support/project.js";

async function withBiome(dir: string): Promise<void> {
  await mkdir(path.join(dir, "node_modules/@biomejs"), { recursive: true });
  for (const entry of ["biome", "cli-linux-x64", "cli-linux-arm64", "cli-darwin-arm64", "cli-darwin-x64"]) {
    await symlink(path.join(NODE_MODULES, "@biomejs", entry), path.join(dir, "node_modules/@biomejs", entry), "dir").catch(() => undefined);
  }
}

describe("init's mjoplan.config.json", () => {
  it("in a Biome repository (tabs) is written as Biome formats it, so `biome check` passes; a second init changes nothing", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "x", type: "module", devDependencies: { "@biomejs/biome": "^2.6.8" } }), "biome.json": "{}\n" });
    await withBiome(dir);
    const init = await cli(["init", "--dest", dir]);
    expect(init.exitCode).toBe(0);
    const config = await readFile(path.join(dir, "mjoplan.config.json"), "utf8");
    expect(config).toMatch(/^\{\n\t"\$schema"/);
    const check = await execa("node", [path.join(dir, "node_modules/@biomejs/biome/bin/biome"), "check", "mjoplan.config.json"], { cwd: dir, reject: false });
    expect(check.exitCode).toBe(0);
    const again = await cli(["init", "--dest", dir]);
    expect(again.stdout).toContain("mjoplan.config.json already says all of this; nothing to change.");
  });

  it("init --agents writes a new .vscode/mcp.json as the repository's formatter does: Biome's tabs, a Prettier tabWidth of 4 (TRIAL3 U10)", async () => {
    const biome = await repoWith({ "package.json": JSON.stringify({ name: "x", type: "module", devDependencies: { "@biomejs/biome": "^2.6.8" } }), "biome.json": "{}\n" });
    await withBiome(biome);
    expect((await cli(["init", "--agents", "--dest", biome])).exitCode).toBe(0);
    expect(await readFile(path.join(biome, ".vscode/mcp.json"), "utf8")).toMatch(/^\{\n\t"/);
    const check = await execa("node", [path.join(biome, "node_modules/@biomejs/biome/bin/biome"), "check", ".vscode/mcp.json", "mjoplan.config.json"], { cwd: biome, reject: false });
    expect(String(check.stdout) + String(check.stderr)).not.toMatch(/error/i);
    expect(check.exitCode).toBe(0);

    const wide = await repoWith({ "package.json": JSON.stringify({ name: "y", type: "module", prettier: { tabWidth: 4 }, devDependencies: { prettier: "^3.0.0" } }) });
    await symlink(NODE_MODULES, path.join(wide, "node_modules"), "dir");
    expect((await cli(["init", "--agents", "--dest", wide])).exitCode).toBe(0);
    const text = await readFile(path.join(wide, ".vscode/mcp.json"), "utf8");
    const prettier = await import("prettier");
    expect(await prettier.check(text, { filepath: path.join(wide, ".vscode/mcp.json"), tabWidth: 4 })).toBe(true);
  });

  it("checked out with CRLF line ends (and a byte-order mark) is the same config: nothing to change; a change is written back CRLF (TRIAL3 U42)", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "x", type: "module" }) });
    expect((await cli(["init", "--dest", dir])).exitCode).toBe(0);
    const file = path.join(dir, "mjoplan.config.json");
    const crlf = "\ufeff" + (await readFile(file, "utf8")).replace(/\n/g, "\r\n");
    await writeFile(file, crlf);
    expect((await cli(["init", "--dry-run", "--dest", dir])).stdout).toContain("mjoplan.config.json already says all of this; nothing to change.");
    expect((await cli(["init", "--dest", dir])).exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toBe(crlf);
    // A finding that changes it (a test runner appears): merged, and still CRLF with its mark.
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "x", type: "module", scripts: { test: "vitest run" }, devDependencies: { vitest: "^3.0.0" } }));
    expect((await cli(["init", "--dest", dir])).exitCode).toBe(0);
    const changed = await readFile(file, "utf8");
    expect(changed).toContain('"testRunner": "vitest"');
    expect(changed.startsWith("\ufeff{\r\n")).toBe(true);
    expect(changed.replace(/\r\n/g, "").includes("\n")).toBe(false);
  });

  it("indented otherwise by hand with the same keys and values is left as it is", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "x", type: "module" }) });
    expect((await cli(["init", "--dest", dir])).exitCode).toBe(0);
    const file = path.join(dir, "mjoplan.config.json");
    const reindented = `${JSON.stringify(JSON.parse(await readFile(file, "utf8")), null, 4)}\n`;
    await writeFile(file, reindented);
    const dry = await cli(["init", "--dry-run", "--dest", dir]);
    expect(dry.stdout).toContain("mjoplan.config.json already says all of this; nothing to change.");
    expect((await cli(["init", "--dest", dir])).exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toBe(reindented);
  });
});

describe("a package.json \"mjoplan\" key beside mjoplan.config.json", () => {
  it("is merged under the file: its disablePacks takes effect, and init names it", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "x", type: "module" }) });
    expect((await cli(["init", "--dest", dir])).exitCode).toBe(0);
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "x", type: "module", mjoplan: { disablePacks: ["capability-sends-message"] } }, null, 2));
    const packs = JSON.parse(String((await cli(["packs", "--json", "--dest", dir])).stdout)) as { packs: { name: string; disabled: boolean }[] };
    expect(packs.packs.find((p) => p.name === "capability-sends-message")?.disabled).toBe(true);
    const plan = await cli(["plan", "--name", "Notify x", "--capability", "sends-message", "--dest", dir, "--format", "never", "--date", "2026-01-01"]);
    expect(plan.exitCode).toBe(0);
    const written = await readTree(dir);
    // The switched-off pack's own items are gone (message bombing is in the packs for what the caller is told, still on).
    expect(written.get("docs/features/api/NotifyX/NotifyX-plan.md")).not.toMatch(/Sending is idempotent by message id/);
    const init = await cli(["init", "--dry-run", "--dest", dir]);
    expect(init.stdout).toContain('package.json\'s "mjoplan" key (disablePacks) is read too');
  });

  it("where both set a key, the file wins, and init keeps what the key set instead of writing its own finding over it", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "x", type: "module", mjoplan: { importExtension: "" } }), "mjoplan.config.json": "{}\n" });
    const init = await cli(["init", "--dest", dir]);
    expect(init.stdout).toContain('importExtension stays "" (found ".js") in package.json "mjoplan"');
    const config = JSON.parse(await readFile(path.join(dir, "mjoplan.config.json"), "utf8")) as Record<string, unknown>;
    expect(config["importExtension"]).toBeUndefined();
  });
});
