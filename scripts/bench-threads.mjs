// `node scripts/bench-threads.mjs <out.json> <command> [args...]`: runs the command (for `npm run bench` (b): /usr/bin/time
// running the bin) and writes the CPU time of each thread of the Node process under it to out.json, as the kernel counts it
// (/proc/<pid>/task/<tid>/stat, read every 10 ms: a thread's last 10 ms before it ends are not seen), with when each thread
// started. Linux only: elsewhere it writes no threads. Exits with the command's code.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";

const [out, ...argv] = process.argv.slice(2);
const TICK_MS = 10; // USER_HZ is 100 on Linux
/** The fields of a /proc stat line after the command's name (which may hold spaces). */
const fields = (file) => {
  const s = readFileSync(file, "utf8");
  return s.slice(s.lastIndexOf(")") + 2).split(" ");
};
/** The first process below `pid` that is Node (the command may be /usr/bin/time running it). */
function nodeBelow(pid) {
  for (let p = String(pid), depth = 0; p && depth < 4; depth++) {
    if (depth > 0 && readFileSync(`/proc/${p}/comm`, "utf8").trim() === "node") return p;
    p = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(" ")[0];
  }
  return undefined;
}
const child = spawn(argv[0], argv.slice(1), { stdio: "inherit" });
const threads = new Map();
let target;
const poll = setInterval(() => {
  try {
    target ??= nodeBelow(child.pid);
    if (!target) return;
    for (const tid of readdirSync(`/proc/${target}/task`)) {
      // utime, stime (fields 14 and 15 of stat, here 11 and 12) and starttime (22, here 19), in ticks.
      const f = fields(`/proc/${target}/task/${tid}/stat`);
      threads.set(tid, { main: tid === target, cpu: (Number(f[11]) + Number(f[12])) * TICK_MS, user: Number(f[11]) * TICK_MS, started: Number(f[19]) * TICK_MS });
    }
  } catch {
    // The process or a thread ended between the listing and the read.
  }
}, 10);
child.on("exit", (code, signal) => {
  clearInterval(poll);
  writeFileSync(out, JSON.stringify([...threads.values()]));
  process.exit(code ?? (signal ? 1 : 0));
});
