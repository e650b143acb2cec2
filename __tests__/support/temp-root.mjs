/**
 * One temporary folder per test run. The tests make their temporary folders with os.tmpdir(), and so do the
 * CLI runs they start (the write records, the compile cache): thousands of folders a run, never removed one
 * by one. globalSetup points TMPDIR at a fresh folder before jest starts its workers (they are forked with
 * the parent's environment, and every child process a test starts inherits it); globalTeardown removes the
 * folder with everything in it, whether the run passed or failed.
 *
 * A failing test's folders are not kept: its message says what differed, the folder rarely helps, and a
 * failing run must not leave thousands of folders behind either. MJOPLAN_KEEP_TEST_TMP=1 keeps the run's
 * folder and names it at the end, for looking at what a test wrote.
 *
 * A run that is killed before its teardown leaves its folder: the next run's setup removes every run folder
 * whose jest process is gone (the folder name carries its process id).
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const PREFIX = "mjoplan-test-run-";

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Removes run folders left by runs that were killed before their teardown. */
function sweepAbandoned(parent) {
  let names = [];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split("-")[0]);
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

export function setup() {
  const parent = os.tmpdir();
  sweepAbandoned(parent);
  const root = mkdtempSync(path.join(parent, `${PREFIX}${process.pid}-`));
  // mkdtemp makes it 0700: a test that runs the CLI as another user (a read-only checkout) must reach its
  // folders below, as it did below /tmp. Each test's own folder is still 0700 unless the test opens it.
  chmodSync(root, 0o755);
  globalThis.__mjoplanTestTemp = { root, before: { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP } };
  // os.tmpdir() reads TMPDIR first on POSIX and TMP/TEMP on Windows: set all three so no platform escapes.
  process.env.TMPDIR = root;
  process.env.TMP = root;
  process.env.TEMP = root;
}

export function teardown() {
  const state = globalThis.__mjoplanTestTemp;
  if (!state) return;
  for (const [key, value] of Object.entries(state.before)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (process.env.MJOPLAN_KEEP_TEST_TMP === "1") {
    process.stderr.write(`\nmjoplan tests: temporary folders kept in ${state.root}\n`);
    return;
  }
  // Generated projects can hold read-only files and symlinks to node_modules: rmSync removes links, not their targets.
  rmSync(state.root, { recursive: true, force: true, maxRetries: 3 });
}
