/**
 * A repository's own plopfile that loads mjoplan (`plop.load("mjoplan")`, README "From another repository")
 * gets the team's config as `mjoplan plan` does: its `system` and `defaults` are taken as given, not asked,
 * and written (TRIAL4 V16: the prompt offered "MjoMeet" and 10/1m, and the plan said so). Real node-plop,
 * and real plop in a pseudo-terminal for the prompts.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import pty from "node-pty";
import { NODE_MODULES, ROOT, tempDir } from "./support/project.js";

const CONFIG = { system: "legacy-api", defaults: { rateLimit: "5/1m", owner: "team-legacy" } };
const PLOPFILE = path.join(ROOT, "dist/plopfile.js");

async function repository(): Promise<string> {
  const dir = await tempDir();
  await writeFile(path.join(dir, "mjoplan.config.json"), JSON.stringify(CONFIG));
  // The repository's plopfile, as README shows it (the package by its path: this clone is not installed here).
  await writeFile(path.join(dir, "plopfile.mjs"), `export default async function (plop) {\n  await plop.load(${JSON.stringify(PLOPFILE)});\n}\n`);
  return dir;
}

const expectConfigured = (plan: string): void => {
  expect(plan).toContain('system: "legacy-api"');
  expect(plan).toContain('owner: "team-legacy"');
  expect(plan).toContain("At most 5 requests per 1m");
  expect(plan).not.toContain("MjoMeet");
};

describe("mjoplan loaded by a repository's plopfile", () => {
  it("runs its actions with the config's system and defaults", async () => {
    const dir = await repository();
    const script = [
      `import nodePlop from ${JSON.stringify(path.join(NODE_MODULES, "node-plop/src/index.js"))};`,
      'const plop = await nodePlop("./plopfile.mjs", { destBasePath: ".", force: false });',
      'const result = await plop.getGenerator("plan").runActions({ name: "Plop defaults" });',
      "console.log(JSON.stringify(result.failures));",
    ].join("\n");
    await writeFile(path.join(dir, "use-plop.mjs"), script);
    const run = await execa("node", ["use-plop.mjs"], { cwd: dir, reject: false });
    expect(run.stderr).toBe("");
    expect(String(run.stdout).trim()).toBe("[]");
    expectConfigured(await readFile(path.join(dir, "docs/features/api/PlopDefaults/PlopDefaults-plan.md"), "utf8"));
  });

  it("asks neither the system nor a defaulted answer at its prompts, and writes the config's", async () => {
    const dir = await repository();
    const term = pty.spawn("node", [path.join(NODE_MODULES, "plop/bin/plop.js"), "--plopfile", path.join(dir, "plopfile.mjs"), "plan"], { cols: 120, rows: 40, cwd: dir, env: { ...process.env, NO_COLOR: "1" } as Record<string, string> });
    let output = "";
    term.onData((d) => {
      output += d;
    });
    const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => setTimeout(() => resolve(exitCode), 200)));
    try {
      const deadline = Date.now() + 20_000;
      while (!output.includes("Use-case name")) {
        if (Date.now() > deadline) throw new Error(`no first prompt in:\n${output}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      term.write("Plop prompts\r");
      // Enter at every question that comes, until plop ends.
      for (;;) {
        const code = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 1500))]);
        if (code !== undefined) break;
        term.write("\r");
      }
    } finally {
      term.kill();
    }
    // eslint-disable-next-line no-control-regex
    const text = output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
    expect(text).not.toContain("System name");
    expect(text).not.toContain("Who owns the plan");
    expect(text).not.toContain("Requests per window");
    expectConfigured(await readFile(path.join(dir, "docs/features/api/PlopPrompts/PlopPrompts-plan.md"), "utf8"));
  }, 90_000);
});
