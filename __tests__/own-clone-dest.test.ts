/**
 * `npm run plop` in mjoplan's own clone, with no --dest: its root holds mjoplan's own src/ and docs/,
 * so a run writes into playground/ (git-ignored) and says so (trial2 T21).
 */
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { BIN, ROOT } from "./support/project.js";

/** The bin as the clone's `plop` script runs it: npm's environment, in the package's root. */
const viaNpmScript = (args: string[], initCwd = ROOT) =>
  execa("node", [BIN, ...args], { cwd: ROOT, stdin: "ignore", reject: false, env: { NO_COLOR: "1", npm_lifecycle_event: "plop", npm_package_name: "mjoplan", INIT_CWD: initCwd } });

describe("npm run plop in mjoplan's own clone", () => {
  it("without --dest writes into playground/, not the clone's root, and says so", async () => {
    const run = await viaNpmScript(["plan", "--name", "Clone probe", "--dry-run", "--json"]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain("mjoplan: in mjoplan's own clone: writing into playground/ (give --dest to write elsewhere)");
    expect((JSON.parse(String(run.stdout)) as { dest: string }).dest).toBe(path.join(ROOT, "playground"));
  });

  it("with --dest, or started in another folder, writes where it was told", async () => {
    const given = await viaNpmScript(["plan", "--name", "Clone probe", "--dry-run", "--json", "--dest", "elsewhere"]);
    expect((JSON.parse(String(given.stdout)) as { dest: string }).dest).toBe(path.join(ROOT, "elsewhere"));
    expect(given.stderr).toBe("");
    const sub = await viaNpmScript(["plan", "--name", "Clone probe", "--dry-run", "--json", "--dest", "."], path.join(ROOT, "examples"));
    expect((JSON.parse(String(sub.stdout)) as { dest: string }).dest).toBe(path.join(ROOT, "examples"));
    // Without --dest, a folder of the clone that is no package is refused, naming the way out (TRIAL3 U22).
    const bare = await viaNpmScript(["plan", "--name", "Clone probe", "--dry-run", "--json"], path.join(ROOT, "examples"));
    expect(bare.exitCode).toBe(2);
    expect(String(bare.stderr)).toMatch(/^mjoplan: --dest: not given, and .*examples is no package of its own: .*give --dest \.\., or --dest \. to write here anyway$/);
  });
});
