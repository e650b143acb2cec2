/**
 * An unexpected error (a bug, not a bad input) is one line naming it and pointing at --debug;
 * with --debug the stack follows. Run through the CLI's own main() with a generator whose build
 * fails the way a bug would: no built-in generator fails on purpose.
 */
import { describe, expect, it } from "@jest/globals";
import { main, type Terminal } from "../lib/cli/main.js";
import { defineGenerator } from "../lib/generator.js";
import { text } from "../lib/schema/fields.js";
import { tempDir } from "./support/project.js";

const failing = defineGenerator({
  name: "failing",
  description: "A generator with a bug",
  schema: { name: text({ flag: "name", description: "Name", required: true }) },
  label: (input) => input.name,
  build: () => {
    throw new TypeError("cannot read properties of undefined (reading 'kebab')");
  },
});

async function runFailing(...extra: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const dest = await tempDir();
  const term: Terminal = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, stdinIsTTY: false, cwd: dest };
  const code = await main(["failing", "--name", "x", "--dest", dest, "--format", "never", ...extra], term, { failing });
  return { code, stderr: err.join(""), stdout: out.join("") };
}

describe("--debug", () => {
  it("without it, an unexpected error is one line that says how to see the stack", async () => {
    const run = await runFailing();
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toEqual(["mjoplan: unexpected error: cannot read properties of undefined (reading 'kebab') (run with --debug for the stack)"]);
  });

  it("with it, the stack follows the line", async () => {
    const run = await runFailing("--debug");
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("mjoplan: unexpected error: cannot read properties of undefined (reading 'kebab')");
    expect(lines.slice(1).some((l) => /^\s+at .*debug-flag\.test\.ts/.test(l))).toBe(true);
  });
});
