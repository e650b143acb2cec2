/**
 * Issue 10 point 9: where configuration comes from. The search for mjoplan.config.json, a
 * `mjoplan` key in package.json, the templates folder, the formatter and the formatter's config
 * stops at the repository root (the folder with .git; without one, the nearest with package.json;
 * without either, --dest alone). A file planted in a shared folder above the repository (a
 * temporary folder, the home folder) steers nothing, and a Prettier config there, which may be
 * code, never runs. A monorepo's root config still reaches its packages.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

const DEFAULT_PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";

/** A shared folder holding a hostile config of every kind mjoplan reads, and `repo` below it. */
async function sharedFolderAbove(repoFiles: Record<string, string>): Promise<{ shared: string; repo: string }> {
  const shared = await tempDir("mjoplan-shared-");
  const steer = { system: "Hijacked", paths: { plan: "hijacked/{use-case}.md" }, templates: "evil-templates" };
  await writeFile(path.join(shared, "mjoplan.config.json"), JSON.stringify(steer));
  await mkdir(path.join(shared, "evil-templates/plan"), { recursive: true });
  await writeFile(path.join(shared, "evil-templates/plan/plan.md.hbs"), "EVIL TEMPLATE\n");
  await mkdir(path.join(shared, ".mjoplan/templates/plan"), { recursive: true });
  await writeFile(path.join(shared, ".mjoplan/templates/plan/plan.md.hbs"), "EVIL TEMPLATE\n");
  // A Prettier config is code: loading it would run this, leaving a mark.
  await writeFile(path.join(shared, ".prettierrc.cjs"), `require("node:fs").writeFileSync(${JSON.stringify(path.join(shared, "RAN"))}, "ran");\nmodule.exports = { semi: false, singleQuote: true };\n`);
  const repo = path.join(shared, "repo");
  await mkdir(repo);
  for (const [rel, content] of Object.entries(repoFiles)) {
    await mkdir(path.dirname(path.join(repo, rel)), { recursive: true });
    await writeFile(path.join(repo, rel), content);
  }
  return { shared, repo };
}

async function expectUnsteered(shared: string, dest: string): Promise<void> {
  const run = await cli(["plan", "--name", "Book room", "--dest", dest, "--date", "2026-01-01"]);
  expect(run.stderr).toBe("");
  expect(run.exitCode).toBe(0);
  const tree = await readTree(dest);
  const plan = tree.get(DEFAULT_PLAN);
  expect(plan).toBeDefined();
  expect(plan).not.toContain("Hijacked");
  expect(plan).not.toContain("EVIL TEMPLATE");
  expect([...tree.keys()].filter((k) => k.startsWith("hijacked/"))).toEqual([]);
  expect(existsSync(path.join(shared, "RAN"))).toBe(false);
  // Not formatted by the planted config either: mjoplan's own output keeps its semicolons and double quotes.
  expect(tree.get("src/features/book-room/__tests__/book-room.domain.test.ts")).toContain('from "@jest/globals";');
}

describe("point 9: configuration comes from the repository only", () => {
  it("a repository marked by package.json ignores a config, templates and a Prettier config in the shared folder above it", async () => {
    const { shared, repo } = await sharedFolderAbove({ "package.json": JSON.stringify({ name: "app", private: true }) });
    await expectUnsteered(shared, repo);
  });

  it("so does a repository marked by .git, with --dest a folder inside it that does not exist yet", async () => {
    const { shared, repo } = await sharedFolderAbove({ ".git/HEAD": "ref: refs/heads/main\n" });
    await expectUnsteered(shared, path.join(repo, "services/rooms"));
  });

  it("a --dest in no repository at all takes nothing from the folders above it", async () => {
    const { shared, repo } = await sharedFolderAbove({});
    await expectUnsteered(shared, path.join(repo, "scratch"));
  });

  it("a package.json mjoplan key above the repository is ignored too", async () => {
    const shared = await tempDir("mjoplan-shared-");
    await writeFile(path.join(shared, "package.json"), JSON.stringify({ name: "home", mjoplan: { system: "Hijacked" } }));
    const repo = path.join(shared, "repo");
    await mkdir(repo);
    await writeFile(path.join(repo, "package.json"), JSON.stringify({ name: "app", private: true }));
    const run = await cli(["plan", "--name", "Book room", "--dest", repo, "--format", "never"]);
    expect(run.exitCode).toBe(0);
    expect(await readFile(path.join(repo, DEFAULT_PLAN), "utf8")).not.toContain("Hijacked");
  });

  it("inside the repository its own Prettier config is used, and a package's config still merges with the monorepo root's", async () => {
    const { shared, repo } = await sharedFolderAbove({
      ".git/HEAD": "ref: refs/heads/main\n",
      "mjoplan.config.json": JSON.stringify({ system: "Acme" }),
      ".prettierrc.json": JSON.stringify({ singleQuote: true }),
      "packages/rooms/package.json": JSON.stringify({ name: "rooms", private: true, mjoplan: { defaults: { owner: "rooms-team" } } }),
    });
    const dest = path.join(repo, "packages/rooms");
    const run = await cli(["plan", "--name", "Book room", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    const tree = await readTree(dest);
    expect(tree.get(DEFAULT_PLAN)).toMatch(/system: ["']?Acme["']?/);
    expect(tree.get(DEFAULT_PLAN)).toMatch(/owner: ["']?rooms-team["']?/);
    expect(tree.get("src/features/book-room/__tests__/book-room.domain.test.ts")).toContain("from '@jest/globals';");
    expect(existsSync(path.join(shared, "RAN"))).toBe(false);
  });
});
