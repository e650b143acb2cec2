// `npm run bench`: whole-process timings, measured side by side in one run on this machine.
// Commands alternate, medians of RUNS runs after a warm-up, peak memory from /usr/bin/time.
// Prints a table and writes it, with the machine, to docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const tmp = mkdtempSync(path.join(os.tmpdir(), "mjoplan-bench-"));
const bin = path.join(root, "dist/bin/mjoplan.js");
const hasTime = existsSync("/usr/bin/time");

/** Runs a command once: wall time in ms and peak resident memory in MiB (when /usr/bin/time is there). */
function measure(argv) {
  const memFile = path.join(tmp, "mem.txt");
  const cmd = hasTime ? ["/usr/bin/time", "-f", "%M", "-o", memFile, ...argv] : argv;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ["ignore", "ignore", "pipe"], cwd: tmp });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  const mib = hasTime ? Number(readFileSync(memFile, "utf8").trim().split("\n").pop()) / 1024 : NaN;
  return { ms, mib };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// plop's floor: a plopfile with one generator, one prompt given on the command line, one add action.
const plopDir = path.join(tmp, "plop-floor");
mkdirSync(plopDir);
writeFileSync(
  path.join(plopDir, "plopfile.js"),
  `export default function (plop) {\n  plop.setGenerator("one", { prompts: [{ type: "input", name: "name" }], actions: [{ type: "add", path: "out/{{name}}.txt", template: "hello {{name}}", force: true }] });\n}\n`,
);
writeFileSync(path.join(plopDir, "package.json"), '{ "type": "module" }\n');
const plopBin = path.join(root, "node_modules/plop/bin/plop.js");

let scaffoldRun = 0;
const commands = {
  "node -e 0": () => ["node", "-e", "0"],
  "plop, one-file generator": () => ["node", plopBin, "--plopfile", path.join(plopDir, "plopfile.js"), "--dest", plopDir, "one", "hello"],
  "mjoplan plan, rich use-case": () => ["node", bin, "plan", "--answers", path.join(root, "examples/request-password-reset.answers.json"), "--dest", path.join(tmp, `scaffold-${scaffoldRun++}`)],
};

// (a) alternating, so that noise on the machine hits every command alike.
const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < WARMUP + RUNS; i++) {
  for (const [name, argv] of Object.entries(commands)) {
    const m = measure(argv());
    if (i >= WARMUP) samples[name].push(m);
  }
}
const med = (name, key) => median(samples[name].map((m) => m[key]));
const floor = med("plop, one-file generator", "ms");

// (b) a batch of 200 use-cases from one answers file.
const rich = JSON.parse(readFileSync(path.join(root, "examples/request-password-reset.answers.json"), "utf8"));
const batchFile = path.join(tmp, "batch-200.json");
writeFileSync(batchFile, JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ ...rich, name: `${rich.name} ${i}` }))));
const batch = [0, 1, 2].map((i) => measure(["node", bin, "plan", "--answers", batchFile, "--dest", path.join(tmp, `batch-${i}`)]));

// (c) check over 1,000 plans.
const many = path.join(tmp, "plans-1000");
const manyFile = path.join(tmp, "batch-1000.json");
writeFileSync(manyFile, JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ ...rich, name: `Use case ${i}` }))));
measure(["node", bin, "plan", "--answers", manyFile, "--dest", many]);
const checks = [0, 1, 2, 3, 4].map(() => measure(["node", bin, "check", many]));

// (d) how alike plans read: the share of each plan's lines every other plan has too, names replaced (issue 11).
const { sharedLineShares } = await import("../dist/lib/measure/similarity.js");
const { namesOf } = await import("../dist/generators/plan/names.js");
const fitFile = path.join(root, "__tests__/fixtures/use-cases.answers.json");
const fitDir = path.join(tmp, "fit");
measure(["node", bin, "plan", "--answers", fitFile, "--dest", fitDir]);
const shares = sharedLineShares(
  JSON.parse(readFileSync(fitFile, "utf8")).map((a) => {
    const n = namesOf(a.name);
    return { text: readFileSync(path.join(fitDir, `docs/features/api/${n.pascal}/${n.pascal}-plan.md`), "utf8"), names: [n.title, n.pascal, n.kebab, n.camel, a.route, a.actor] };
  }),
);
const pct = (x) => `${(x * 100).toFixed(1)}%`;

const rows = [
  ["(a) node -e 0", `${med("node -e 0", "ms").toFixed(0)} ms`, (med("node -e 0", "ms") / floor).toFixed(2), `${med("node -e 0", "mib").toFixed(0)} MiB`],
  ["(a) plop, one-file generator (the floor)", `${floor.toFixed(0)} ms`, "1.00", `${med("plop, one-file generator", "mib").toFixed(0)} MiB`],
  ["(a) mjoplan plan, rich use-case, through the bin", `${med("mjoplan plan, rich use-case", "ms").toFixed(0)} ms`, (med("mjoplan plan, rich use-case", "ms") / floor).toFixed(2), `${med("mjoplan plan, rich use-case", "mib").toFixed(0)} MiB`],
  ["(b) batch of 200 use-cases, one answers file", `${(200 / (median(batch.map((b) => b.ms)) / 1000)).toFixed(0)} use-cases/s (${median(batch.map((b) => b.ms)).toFixed(0)} ms)`, "", `${median(batch.map((b) => b.mib)).toFixed(0)} MiB`],
  ["(d) lines a plan shares with all others, six use-cases", `max ${pct(Math.max(...shares))}, mean ${pct(shares.reduce((a, b) => a + b, 0) / shares.length)}`, "", ""],
  ["(c) check over 1,000 plans", `${(1000 / (median(checks.map((c) => c.ms)) / 1000)).toFixed(0)} plans/s (${median(checks.map((c) => c.ms)).toFixed(0)} ms)`, "", `${median(checks.map((c) => c.mib)).toFixed(0)} MiB`],
];
const table = ["| what | median | ratio to plop's floor | peak memory |", "| --- | --- | --- | --- |", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const machine = `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const doc = `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: whole processes, medians of ${RUNS} runs after ${WARMUP} warm-up runs, the commands of (a) alternating; (b) median of 3 runs, (c) of 5. Peak memory is the maximum resident set size.\n\nMachine: ${machine}.\n\n${table}\n\nTargets (issue 6): (a) a ratio of at most 1.0, aiming at 0.5; (b) at least 100 use-cases/s; (c) at least 1,000 plans/s; peak memory under 150 MiB for the batch; (d, issue 11) under 35%.\n`;
writeFileSync(path.join(root, "docs/benchmarks.md"), doc);
console.log(`${machine}\n\n${table}\n\nWritten to docs/benchmarks.md.`);
rmSync(tmp, { recursive: true, force: true });
