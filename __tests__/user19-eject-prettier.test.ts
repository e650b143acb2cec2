/**
 * USER19 U1: Prettier reads an ejected `*.hbs` template as a Glimmer (Handlebars HTML) file, so the repository's own
 * `prettier --check .` failed right after `eject`, and `prettier --write .` folded the template's Markdown into
 * paragraphs (the next plan lost its section heading). `eject` in a repository that uses Prettier keeps the team's
 * folder out of it through `.prettierignore`, once, keeping what the file held; a repository without Prettier gets none.
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { cli, NODE_MODULES, repoWith } from "./support/project.js";

const TEMPLATE = "plan/sections/threat-model.md.hbs";
const PRETTIER = path.join(NODE_MODULES, "prettier/bin/prettier.cjs");
const prettier = (dir: string, ...args: string[]) => execa("node", [PRETTIER, ...args], { cwd: dir, reject: false });

describe("eject in a repository that formats with Prettier", () => {
  it("keeps the templates out of the repository's own Prettier: its check passes and its --write leaves them as they are", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "rooms", devDependencies: { prettier: "^3.0.0" } }, null, 2) + "\n", ".prettierrc.json": '{ "singleQuote": true }\n' });
    const ejected = await cli(["eject", TEMPLATE, "--dest", dir]);
    expect(ejected.exitCode).toBe(0);
    expect(String(ejected.stdout)).toContain("1 template ejected to .mjoplan/templates (1 created)");
    expect(String(ejected.stderr)).toBe("mjoplan: Prettier reads *.hbs as HTML and would reformat the templates into broken ones: added .mjoplan/templates/ to .prettierignore");
    expect(await readFile(path.join(dir, ".prettierignore"), "utf8")).toMatch(/^\.mjoplan\/templates\/$/m);

    expect((await prettier(dir, "--check", ".")).exitCode).toBe(0);
    const file = path.join(dir, ".mjoplan/templates", TEMPLATE);
    const before = await readFile(file, "utf8");
    expect((await prettier(dir, "--write", ".")).exitCode).toBe(0);
    expect(await readFile(file, "utf8")).toBe(before);

    // A second eject adds no second line and says nothing of it.
    const again = await cli(["eject", "plan/sections/design.md.hbs", "--dest", dir]);
    expect(again.exitCode).toBe(0);
    expect(String(again.stderr)).toBe("");
    expect((await readFile(path.join(dir, ".prettierignore"), "utf8")).match(/\.mjoplan\/templates\//g)).toHaveLength(1);
  });

  it("adds the folder to an existing .prettierignore, keeping its lines; a dry run only says it would", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ name: "rooms", devDependencies: { prettier: "^3.0.0" } }, null, 2) + "\n", ".prettierignore": "dist\ncoverage" });
    const dry = await cli(["eject", TEMPLATE, "--dest", dir, "--dry-run"]);
    expect(dry.exitCode).toBe(0);
    expect(String(dry.stderr)).toContain("would add .mjoplan/templates/ to .prettierignore");
    expect(await readFile(path.join(dir, ".prettierignore"), "utf8")).toBe("dist\ncoverage");
    expect((await cli(["eject", TEMPLATE, "--dest", dir])).exitCode).toBe(0);
    expect(await readFile(path.join(dir, ".prettierignore"), "utf8")).toMatch(/^dist\ncoverage\n# .+\n\.mjoplan\/templates\/\n$/);
  });

  it("leaves a repository without Prettier, and one whose .prettierignore keeps *.hbs out, as they were", async () => {
    const plain = await repoWith({ "package.json": JSON.stringify({ name: "rooms" }) + "\n" });
    const run = await cli(["eject", TEMPLATE, "--dest", plain]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr)).toBe("");
    expect(existsSync(path.join(plain, ".prettierignore"))).toBe(false);

    const kept = await repoWith({ "package.json": JSON.stringify({ name: "rooms", devDependencies: { prettier: "^3.0.0" } }, null, 2) + "\n", ".prettierignore": "**/*.hbs\n" });
    expect((await cli(["eject", TEMPLATE, "--dest", kept])).exitCode).toBe(0);
    expect(await readFile(path.join(kept, ".prettierignore"), "utf8")).toBe("**/*.hbs\n");
  });
});
