// Issue 15's measurement for `npm run bench`: a `plan` call to a running `mjoplan mcp` against a
// process start of the bin (`mjoplan --version`), alternating, medians after a warm-up. The server
// stays up between calls, so a call should cost less than starting the bin at all.
// Runs alone too: `node scripts/bench-mcp.mjs` (after `npm run build`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `{ call, start }`: median ms of a `plan` call (the rich example, a fresh folder each) and of a bin start. */
export async function measureMcpPlan({ runs = 15, warmup = 2 } = {}) {
  const bin = path.join(root, "dist/bin/mjoplan.js");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "mjoplan-bench-mcp-"));
  const answers = JSON.parse(readFileSync(path.join(root, "examples/request-password-reset.answers.json"), "utf8"));
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [bin, "mcp"], cwd: tmp, stderr: "ignore" }));
  const calls = [];
  const starts = [];
  try {
    for (let i = 0; i < warmup + runs; i++) {
      let t = process.hrtime.bigint();
      const result = await client.callTool({ name: "plan", arguments: { ...answers, dest: `call-${i}` } });
      const call = Number(process.hrtime.bigint() - t) / 1e6;
      if (result.isError) throw new Error(`plan call failed: ${result.content[0]?.text}`);
      t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, "--version"], { stdio: "ignore" });
      const start = Number(process.hrtime.bigint() - t) / 1e6;
      if (r.status !== 0) throw new Error("mjoplan --version failed");
      if (i >= warmup) calls.push(call), starts.push(start);
    }
  } finally {
    await client.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return { call: median(calls), start: median(starts) };
}

/** The row bench.mjs adds to its table (same columns: what, median, ratio to its unit, memory, target). */
export async function mcpPlanRow(unit, options) {
  const { call, start } = await measureMcpPlan(options);
  return [
    `(e) \`plan\` call to a running \`mjoplan mcp\`, rich use-case`,
    `${call.toFixed(0)} ms (a start of the bin: ${start.toFixed(0)} ms)`,
    (call / unit).toFixed(2),
    "",
    `< a start of the bin (issue 15): ${call < start ? "met" : "**not met**"}`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { call, start } = await measureMcpPlan({ runs: Number(process.env.BENCH_RUNS ?? 15) });
  console.log(`plan call to a running mjoplan mcp: ${call.toFixed(1)} ms (median); process start of the bin (--version): ${start.toFixed(1)} ms; ratio ${(call / start).toFixed(2)}`);
}
