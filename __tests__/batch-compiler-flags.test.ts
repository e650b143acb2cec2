/**
 * A batch's compiler settings (lib/run/render-threads.ts, tuneCompilerForBatch) hold from the checks of its entries
 * on, not only from its rendering: the checks run on the main thread over every entry before anything is rendered,
 * and with V8's defaults they left the compiler threads' memory (glibc arenas) grown with the batch's size, so a
 * batch of 5,000 peaked 19-20% above a batch of 1,000 (issue 16: at most 10%). Measured without timing or memory
 * figures: a preload records how many times the batch's entries had been parsed when the flags were set. The answers
 * file's read parses each entry once (checking its keys); the checks parse each once more; so the flags came before
 * the checks when that count is at most the batch's size.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { THREADS_FROM } from "../lib/run/render-threads.js";
import { BIN, ROOT, tempDir } from "./support/project.js";

/** Counts JSON.parse calls on a batch entry (the fixture's entries start with its name), and notes the count at each V8 flag set. */
const PRELOAD = `
const fs = require("node:fs");
const v8 = require("node:v8");
const parse = JSON.parse;
let entries = 0;
const seen = [];
JSON.parse = function (text, ...rest) {
  if (typeof text === "string" && text.startsWith('{"name":"Request password reset')) entries++;
  return parse.call(this, text, ...rest);
};
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = function (flags) {
  seen.push({ flags, entries });
  return setFlags.call(this, flags);
};
process.on("exit", () => fs.writeFileSync(process.env.FLAGS_LOG, JSON.stringify({ seen, entries })));
`;

async function flagsOfBatch(count: number): Promise<{ seen: { flags: string; entries: number }[]; entries: number }> {
  const dir = await tempDir("mjoplan-batch-flags-");
  const one = JSON.parse(await readFile(path.join(ROOT, "examples/request-password-reset.answers.json"), "utf8")) as Record<string, unknown>;
  const batch = Array.from({ length: count }, (_, i) => ({ ...one, name: `Request password reset ${i}` }));
  await writeFile(path.join(dir, "batch.json"), JSON.stringify(batch));
  await writeFile(path.join(dir, "preload.cjs"), PRELOAD);
  const log = path.join(dir, "flags.json");
  const run = await execa("node", ["-r", "./preload.cjs", BIN, "plan", "--dry-run", "--dest", "out", "--format", "never", "--answers", "batch.json"], {
    cwd: dir,
    stdin: "ignore",
    reject: false,
    env: { NO_COLOR: "1", MJOPLAN_THREADS: "0", FLAGS_LOG: log },
  });
  expect(run.stderr).toBe("");
  expect(run.exitCode).toBe(0);
  return JSON.parse(await readFile(log, "utf8"));
}

describe("a batch's compiler settings", () => {
  it("are set before the batch's entries are checked, and only once", async () => {
    const count = THREADS_FROM + 6;
    const { seen, entries } = await flagsOfBatch(count);
    const tuned = seen.filter((s) => s.flags.startsWith("--max-optimized-bytecode-size"));
    expect(tuned).toHaveLength(1);
    // The read parsed every entry (count) and the checks and the rendering each once more: the preload saw them all...
    expect(entries).toBeGreaterThanOrEqual(2 * count);
    // ...and the flags were set after the read, before the checks' first parse.
    expect(tuned[0]!.entries).toBe(count);
  }, 120_000);

  it("are V8's defaults for a batch smaller than THREADS_FROM", async () => {
    const { seen } = await flagsOfBatch(3);
    expect(seen.filter((s) => s.flags.startsWith("--max-optimized-bytecode-size"))).toHaveLength(0);
  }, 120_000);
});
