// `npm run bench`: whole-process timings, measured side by side in one run on this machine, as
// ratios to hygen writing one file (the peer: a fast generator's floor). The commands of (a)
// alternate, so that noise on the machine hits each alike; medians of RUNS runs after a warm-up;
// peak memory from /usr/bin/time. Prints a table and writes it, with the machine, to docs/benchmarks.md.
// BENCH_RUNS sets the runs of (a); BENCH_ONLY=a runs (a) alone and writes nothing; BENCH_ONLY=c runs (c) alone (after
// writing its batch of 5,000) and writes nothing; BENCH_ONLY=b runs the batches (b) alone and writes nothing.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mcpPlanRow } from "./bench-mcp.mjs";
import { testBodyShares } from "./bench-test-bodies.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const tmp = mkdtempSync(path.join(os.tmpdir(), "mjoplan-bench-"));
const bin = path.join(root, "dist/bin/mjoplan.js");
const hasTime = existsSync("/usr/bin/time");
// NODE_EXTRA_CA_CERTS makes every Node process read and parse that file of certificates at start
// (this machine points it at the whole system bundle: ~40 ms a process, for node -e 0 and hygen as
// for mjoplan). Every command runs without it, so the figures compare the tools, not this setting;
// one row shows what it costs.
const EXTRA_CA = process.env.NODE_EXTRA_CA_CERTS;
const CLEAN_ENV = { ...process.env };
delete CLEAN_ENV.NODE_EXTRA_CA_CERTS;

/**
 * Runs a command once: wall time in ms, and (when /usr/bin/time is there) peak resident memory in MiB
 * and CPU time (user + system, in 10 ms steps) in ms: on a machine others use, waiting for a core
 * stretches the wall time, much less the CPU time.
 */
function measure({ argv, cwd = tmp, env = CLEAN_ENV, threads = false }) {
  const memFile = path.join(tmp, "mem.txt");
  const timed = hasTime ? ["/usr/bin/time", "-f", "%M %U %S %R", "-o", memFile, ...argv] : argv;
  // (b): each thread's CPU time, read by scripts/bench-threads.mjs while the batch runs (Linux).
  const threadsFile = path.join(tmp, "threads.json");
  const cmd = threads && existsSync("/proc/self/task") ? ["node", path.join(root, "scripts/bench-threads.mjs"), threadsFile, ...timed] : timed;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ["ignore", "ignore", "pipe"], cwd, env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  const [kib, user, sys, faults] = hasTime ? readFileSync(memFile, "utf8").trim().split("\n").pop().split(" ").map(Number) : [NaN, NaN, NaN, NaN];
  return { ms, mib: kib / 1024, cpu: (user + sys) * 1000, sys: sys * 1000, faults, ...(cmd !== timed ? { threads: byThread(JSON.parse(readFileSync(threadsFile, "utf8"))) } : {}) };
}

/**
 * A batch's CPU time by thread, in ms: the main thread; the render threads, which start once the batch's entries are
 * checked (50 ms or more after V8's own threads, which start with the process); and the rest, V8's threads (its
 * optimizing compiler and the collector's helpers) and libuv's.
 */
function byThread(threads) {
  const others = threads.filter((t) => !t.main);
  const first = Math.min(...others.map((t) => t.started));
  const sum = (ts) => ts.reduce((a, t) => a + t.cpu, 0);
  const render = others.filter((t) => t.started >= first + 50);
  return { main: sum(threads.filter((t) => t.main)), render: sum(render), v8: sum(others) - sum(render) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** How much the runs of one command spread: the middle half of them, as a share of the median. */
const spread = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length * 3) / 4)] - s[Math.floor(s.length / 4)]) / median(xs);
};

/**
 * (c) check over the 5,000 plans a batch wrote to `many`: the median of 5 runs, wall and CPU time (user + system: on a
 * machine others use, waiting for a core stretches the wall time; check spreads its plans over the cores it has).
 */
function checkRow(many) {
  const checks = [0, 1, 2, 3, 4].map(() => measure({ argv: ["node", bin, "check", many] }));
  const ms = median(checks.map((c) => c.ms));
  const perSecond = 5000 / (ms / 1000);
  const cpu = hasTime ? `; CPU ${median(checks.map((c) => c.cpu)).toFixed(0)} ms` : "";
  const faults = hasTime ? `; ${(median(checks.map((c) => c.faults)) / 5000).toFixed(1)} pages first touched a plan` : "";
  return ["(c) check over 5,000 plans", `${perSecond.toFixed(0)} plans/s (${ms.toFixed(0)} ms${cpu}${faults})`, "", `${median(checks.map((c) => c.mib)).toFixed(0)} MiB`, `>= 5,000/s: ${perSecond >= 5000 ? "met" : "**not met**"}`];
}

if (process.env.BENCH_ONLY === "c") {
  const rich = JSON.parse(readFileSync(path.join(root, "examples/request-password-reset.answers.json"), "utf8"));
  const file = path.join(tmp, "batch-5000.json");
  writeFileSync(file, JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ ...rich, name: `${rich.name} ${i}` }))));
  const many = path.join(tmp, "batch-5000-1");
  measure({ argv: ["node", bin, "plan", "--answers", file, "--dest", many] });
  const start = os.loadavg()[0].toFixed(1);
  const row = checkRow(many);
  console.log(`load (c) ${start} to ${os.loadavg()[0].toFixed(1)}\n${row.join(" | ")}`);
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

// hygen's floor: one generator, one template, the name given on the command line.
const hygenDir = path.join(tmp, "hygen-floor");
mkdirSync(path.join(hygenDir, "_templates/one/new"), { recursive: true });
writeFileSync(path.join(hygenDir, "_templates/one/new/hello.ejs.t"), "---\nto: out/<%= name %>.txt\nforce: true\n---\nhello <%= name %>\n");
const hygenBin = path.join(root, "node_modules/hygen/dist/bin.js");

// plop's floor: a plopfile with one generator, one prompt given on the command line, one add action.
const plopDir = path.join(tmp, "plop-floor");
mkdirSync(plopDir);
writeFileSync(
  path.join(plopDir, "plopfile.js"),
  `export default function (plop) {\n  plop.setGenerator("one", { prompts: [{ type: "input", name: "name" }], actions: [{ type: "add", path: "out/{{name}}.txt", template: "hello {{name}}", force: true }] });\n}\n`,
);
writeFileSync(path.join(plopDir, "package.json"), '{ "type": "module" }\n');
const plopBin = path.join(root, "node_modules/plop/bin/plop.js");

// Every golden example is scaffolded in full (the password reset first; others as they land in examples/).
const examples = readdirSync(path.join(root, "examples"))
  .filter((f) => f.endsWith(".answers.json"))
  .sort((a, b) => Number(b.startsWith("request-password-reset")) - Number(a.startsWith("request-password-reset")) || a.localeCompare(b));
const passwordReset = path.join(root, "examples/request-password-reset.answers.json");
const checkOne = path.join(tmp, "check-one");
cpSync(path.join(root, "examples/request-password-reset"), checkOne, { recursive: true });

// A repository that formats with Prettier (a config, Prettier's defaults; mjoplan's bundled Prettier, as it has none
// installed): the set-up init finds in most TypeScript repositories. Informative: the issue sets no target for it.
const prettierDir = path.join(tmp, "prettier-repo");
mkdirSync(prettierDir);
writeFileSync(path.join(prettierDir, "package.json"), '{ "name": "prettier-repo", "private": true }\n');
writeFileSync(path.join(prettierDir, ".prettierrc"), "{}\n");
const PRETTIER = "mjoplan plan, password reset in a repository formatted by Prettier (no target)";

let fresh = 0;
const HYGEN = "hygen, one-file generator";
const commands = {
  "node -e 0": () => ({ argv: ["node", "-e", "0"] }),
  ...(EXTRA_CA ? { [`node -e 0 with this machine's NODE_EXTRA_CA_CERTS (${EXTRA_CA}); no other row has it`]: () => ({ argv: ["node", "-e", "0"], env: process.env }) } : {}),
  [HYGEN]: () => ({ argv: ["node", hygenBin, "one", "new", "--name", "hello"], cwd: hygenDir }),
  "plop, one-file generator": () => ({ argv: ["node", plopBin, "--plopfile", path.join(plopDir, "plopfile.js"), "--dest", plopDir, "one", "hello"] }),
  ...Object.fromEntries(
    examples.map((file) => {
      const name = JSON.parse(readFileSync(path.join(root, "examples", file), "utf8")).name;
      return [`mjoplan plan, full scaffold of "${name}"`, () => ({ argv: ["node", bin, "plan", "--answers", path.join(root, "examples", file), "--dest", path.join(tmp, `scaffold-${fresh++}`)] })];
    }),
  ),
  "mjoplan --help": () => ({ argv: ["node", bin, "--help"] }),
  "mjoplan check, one plan": () => ({ argv: ["node", bin, "check", checkOne] }),
  "mjoplan plan --dry-run": () => ({ argv: ["node", bin, "plan", "--answers", passwordReset, "--dest", path.join(tmp, "dry-run"), "--dry-run"] }),
  [PRETTIER]: () => ({ argv: ["node", bin, "plan", "--answers", passwordReset, "--dest", path.join(prettierDir, `scaffold-${fresh++}`)] }),
};
/**
 * What a page of memory costs the first time a process touches it, on this machine: a child writes 32 MiB it has just
 * allocated, one byte a page (median of 3). On a virtual machine whose host backs the guest's memory only when it is
 * first used, and takes it back when freed, this is tens of microseconds, and the pages each command touches (the
 * column beside peak memory) explain much of its time.
 */
function pageCostUs() {
  const probe = "const n=32<<20,b=Buffer.allocUnsafeSlow(n),t=process.hrtime.bigint();for(let i=0;i<n;i+=4096)b[i]=1;console.log(Number(process.hrtime.bigint()-t)/1e3/(n/4096))";
  return median([0, 1, 2].map(() => Number(spawnSync("node", ["-e", probe], { encoding: "utf8", env: CLEAN_ENV }).stdout)));
}
const pageUs = pageCostUs();

/** At most this many times hygen's one-file run. */
const TARGET = (name) => (name === PRETTIER ? undefined : name.startsWith("mjoplan plan, full") ? 0.75 : name.startsWith("mjoplan") ? 0.6 : undefined);

/** The 1-minute load average at the start and end of each part: other work on the machine slows every figure. */
const loads = {};
const loadNow = () => os.loadavg()[0].toFixed(1);
const partStarts = (part) => (loads[part] = [loadNow()]);
const partEnds = (part) => loads[part].push(loadNow());

// (a) alternating, so that noise on the machine hits every command alike.
partStarts("a");
const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
const onlyB = process.env.BENCH_ONLY === "b";
for (let i = 0; i < (onlyB ? 0 : WARMUP + RUNS); i++) {
  for (const [name, argv] of Object.entries(commands)) {
    const m = measure(argv());
    if (i >= WARMUP) samples[name].push(m);
  }
}
partEnds("a");
for (let i = 0; i < fresh; i++) for (const dir of [tmp, prettierDir]) rmSync(path.join(dir, `scaffold-${i}`), { recursive: true, force: true });
const med = (name, key) => median(samples[name].map((m) => m[key]));
const hygen = med(HYGEN, "ms");
const hygenCpu = med(HYGEN, "cpu");
const verdict = (ok) => (ok ? "met" : "**not met**");
const rows = (onlyB ? [] : Object.keys(commands)).map((name) => {
  const ms = med(name, "ms");
  const target = TARGET(name);
  const cpu = hasTime ? `${(med(name, "cpu") / hygenCpu).toFixed(2)} (${med(name, "cpu").toFixed(0)} ms)` : "";
  return [`(a) ${name}`, `${ms.toFixed(0)} ms ± ${(spread(samples[name].map((m) => m.ms)) * 50).toFixed(0)}%`, (ms / hygen).toFixed(2), cpu, `${med(name, "mib").toFixed(0)} MiB${hasTime ? ` (${med(name, "faults").toFixed(0)} pages)` : ""}`, target ? `<= ${target}: ${verdict(ms / hygen <= target)}` : ""];
});

// BENCH_ONLY=a: the start-up part alone, printed, docs/benchmarks.md left as it is (for a quick look while working).
if (process.env.BENCH_ONLY === "a") {
  console.log(`load (a) ${loads.a.join(" to ")}; a page first touched ${pageUs.toFixed(1)} µs\n${rows.map((r) => r.join(" | ")).join("\n")}`);
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

// (b) batches from one answers file: 1,000 use-cases, and 5,000 to see that memory does not grow with the batch.
const rich = JSON.parse(readFileSync(passwordReset, "utf8"));
const batchFile = (n) => {
  const file = path.join(tmp, `batch-${n}.json`);
  writeFileSync(file, JSON.stringify(Array.from({ length: n }, (_, i) => ({ ...rich, name: `${rich.name} ${i}` }))));
  return file;
};
// Each batch's output stays until the last batch has run: on ext4 without a journal (this machine's disk), a file created
// soon after many were removed nearby costs the kernel a scan past every inode freed in the last minutes (ext4's
// recently_deleted), and removing one batch's 14,000 files before the next made each run's system time grow: 4.8, 7.0,
// 9.5 ms a use-case in three runs of 1,000 (1.5 with nothing removed before), all of it on the main thread, which writes.
const batchDests = [];
const batch = (n, runs) =>
  Array.from({ length: runs }, (_, i) => {
    const dest = path.join(tmp, `batch-${n}-${i}`);
    batchDests.push(dest);
    return measure({ argv: ["node", bin, "plan", "--answers", batchFile(n), "--dest", dest], threads: true });
  });
partStarts("b");
const b1k = batch(1000, 3);
const b5k = batch(5000, 2);
partEnds("b");
// The last batch of 5,000 stays for (c).
for (const dest of batchDests.slice(0, -1)) rmSync(dest, { recursive: true, force: true });
const rate = (n, ms) => n / (ms / 1000);
const b1kMs = median(b1k.map((b) => b.ms));
const b5kMs = median(b5k.map((b) => b.ms));
const b1kMib = Math.max(...b1k.map((b) => b.mib));
// CPU time (user + system, all threads) a use-case: what the batch costs the machine, which a busy machine's waits do not stretch.
// Then by thread (medians of each): the main thread, the render threads, V8's own.
const perUseCase = (n, runs) => {
  if (!hasTime) return "";
  const per = (f) => (median(runs.map(f)) / n).toFixed(1);
  const split = runs.every((b) => b.threads) ? ` (main thread ${per((b) => b.threads.main)}, render threads ${per((b) => b.threads.render)}, V8's threads ${per((b) => b.threads.v8)})` : "";
  return `${per((b) => b.cpu)} ms a use-case, system time ${per((b) => b.sys)}${split}; ${per((b) => b.faults)} pages first touched a use-case`;
};
const b5kMib = Math.max(...b5k.map((b) => b.mib));
// "Not growing": five times the use-cases may cost at most a tenth more memory.
const flat = b5kMib <= b1kMib * 1.1;
/** What the batch rows stand on, for docs/benchmarks.md. */
const batchNote = `(b) A batch renders its use-cases on worker threads, one per idle core beyond the main thread's (at most two;
MJOPLAN_THREADS sets the count) and writes them on the main thread in order; its CPU time column is user + system time of all threads, per
use-case (the system time alone beside it: mostly the file system's, creating 14 files and folders a use-case), then by thread as Linux counts it: the main thread, the render threads and V8's own threads (its optimizing
compiler, the collector's helpers). It holds a few use-cases at a time: every entry of the answers file is checked first and parsed again as it is
rendered; a worker hands each use-case's files over as bytes, written as they are; the files staged and the paths seen are
kept in record files on disk. What stays in memory per use-case is its label and a 30-bit hash per file (about 200 bytes);
the answers file is capped at 32 MiB; each worker's heap is capped (16 MiB young, 48 MiB old). The 1,000 and 5,000 rows are
measured one after the other, same load, each run into a folder of its own, all removed only after the last run: removing
a batch's files just before the next run made that run's system time grow by some 2.5 ms a use-case per batch removed
(ext4 without a journal scans past recently freed inodes to create a file), and so would another program's files removed
nearby in the minutes before.`;
rows.push(
  ["(b) batch of 1,000 use-cases, one answers file", `${rate(1000, b1kMs).toFixed(0)} use-cases/s (${b1kMs.toFixed(0)} ms)`, "", perUseCase(1000, b1k), `${b1kMib.toFixed(0)} MiB`, `>= 400/s, < 200 MiB: ${verdict(rate(1000, b1kMs) >= 400 && b1kMib < 200)}`],
  ["(b) batch of 5,000 use-cases, one answers file", `${rate(5000, b5kMs).toFixed(0)} use-cases/s (${b5kMs.toFixed(0)} ms)`, "", perUseCase(5000, b5k), `${b5kMib.toFixed(0)} MiB`, `>= 400/s, < 200 MiB, not growing: ${verdict(rate(5000, b5kMs) >= 400 && b5kMib < 200 && flat)}`],
);

if (onlyB) {
  console.log(`load (b) ${loads.b.join(" to ")}\n${rows.map((r) => r.join(" | ")).join("\n")}`);
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

// (c) check over the 5,000 plans of the last batch.
const many = path.join(tmp, "batch-5000-1");
partStarts("c");
const checkResult = checkRow(many);
partEnds("c");
rows.push(checkResult);

// (d) how alike plans read: the share of each plan's lines every other plan has too, names replaced (issue 11).
const { sharedLineShares } = await import("../dist/lib/measure/similarity.js");
const { namesOf } = await import("../dist/generators/plan/names.js");
const fitFile = path.join(root, "__tests__/fixtures/use-cases.answers.json");
const fitDir = path.join(tmp, "fit");
measure({ argv: ["node", bin, "plan", "--answers", fitFile, "--dest", fitDir] });
const shares = sharedLineShares(
  JSON.parse(readFileSync(fitFile, "utf8")).map((a) => {
    const n = namesOf(a.name);
    return { text: readFileSync(path.join(fitDir, `docs/features/api/${n.pascal}/${n.pascal}-plan.md`), "utf8"), names: [n.title, n.pascal, n.kebab, n.camel, a.route, a.actor] };
  }),
);
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const maxShare = Math.max(...shares);
rows.push(["(d) lines a plan shares with all others, six use-cases", `max ${pct(maxShare)}, mean ${pct(shares.reduce((a, b) => a + b, 0) / shares.length)}`, "", "", `< 35% (issue 11): ${verdict(maxShare < 0.35)}`]);

rows.push(await mcpPlanRow(hygen, { runs: RUNS, warmup: WARMUP }));

// Only (a) has a CPU time column; the other rows leave it empty.
const withCpu = (r) => (r.length === 6 ? r : [...r.slice(0, 3), "", ...r.slice(3)]);
const table = ["| what | median | ratio to hygen's one file | CPU time ratio | peak memory | target |", "| --- | --- | --- | --- | --- | --- |", ...rows.map((r) => `| ${withCpu(r).join(" | ")} |`)].join("\n");
const machine = `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const load = `${Object.entries(loads).map(([part, [start, end]]) => `(${part}) ${start} at its start, ${end} at its end`).join("; ")}`;
/** What the check row stands on, for docs/benchmarks.md. */
const checkNote = `(c) check walks the batch's 20,000 folders to find the plans, reads each plan (about 110 KB) and its four
test files (about 30 KB together), all into two reused buffers, and makes sure the 30-odd other files it links exist:
the walk's listings answer that on the main thread (no lstat for a file the walk saw, no fstat for one it reads), so a
plan costs 3 system calls a file read (open, read, close) and none a file only linked. Once the walk has found 400 plans, check starts a worker thread per other core
not already busy (runnable threads of other work, the fewest of a few looks, as make -l; MJOPLAN_THREADS sets it): the
plans are cut into batches of 50 from the first, the workers check them as the walk cuts them, while the main thread
still walks, and the main thread takes batches too once its walk is done; with the cores busy a second thread only adds
CPU time, so on a shared machine (c) may run on one thread. Each thread runs its first few hundred plans
before V8 has optimized the parsing (about twice the CPU time a plan of the rest); a worker's fall mostly while the walk goes on.`;
const doc = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: whole processes, from spawn to exit. (a) alternates
its commands, ${RUNS} runs each after ${WARMUP} warm-up rounds: the median, and ± half the spread of the middle half of the
runs; each full scaffold writes into a fresh folder, and the warm-up fills the compile cache a user's second run finds. The CPU time ratio
is the same comparison in user + system time (10 ms steps), which waiting for a core on a busy machine stretches less.
Every command runs without NODE_EXTRA_CA_CERTS${EXTRA_CA ? `, which this machine sets: every Node process then parses that file of certificates at start, the same constant for every tool, shown by the second row` : ""}. (b) is the median of its runs (3 of 1,000, 2 of 5,000) and the
highest peak; (c) the median of 5 runs. Peak memory is the maximum resident set size.

Machine: ${machine}; a page of memory first touched costs ${pageUs.toFixed(1)} µs here (a child writing 32 MiB it has just allocated, median of 3), so the pages each command touches for the first time (beside its peak memory) weigh in its time: ${pageUs.toFixed(1)} µs × 1,000 pages is ${pageUs.toFixed(0)} ms. Load average (1 minute) on this machine, shared with other work: ${load}.

${table}

The ratios are the figures to compare: on a shared machine every command slows alike, and the
ratios move much less than the milliseconds (hygen's one-file run is the unit). "Not growing":
the batch of 5,000 peaks at most 10% above the batch of 1,000.

${batchNote}

${checkNote}
`;
// The share of each plan's tests that have a body (issue 17).
const bodies = testBodyShares(bin, tmp, ["examples/request-password-reset.answers.json", "examples/export-recording.answers.json", "__tests__/fixtures/use-cases.answers.json", "__tests__/fixtures/capabilities.answers.json"].map((f) => path.join(root, f)));
writeFileSync(path.join(root, "docs/benchmarks.md"), `${doc}\n## Tests with a body, per plan (issue 17)\n\n${bodies}\n`);
console.log(`${machine}; load ${load}\n\n${table}\n\n${bodies}\n\nWritten to docs/benchmarks.md.`);
rmSync(tmp, { recursive: true, force: true });
