/**
 * The suite's temporary folders go in one folder per run that the run removes: jest's globalSetup points
 * TMPDIR there before the workers start, so a test's os.tmpdir() and the child processes it starts follow it.
 * Checked with a real nested jest run under this repository's own jest.config.js set-up and teardown, in a
 * parent folder of its own, so what is left behind can be counted.
 */
import { describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import jestConfig from "../jest.config.js";
import { NODE_MODULES, ROOT, tempDir } from "./support/project.js";

const config = jestConfig as { globalSetup?: string; globalTeardown?: string };
const fromRoot = (file: string | undefined) => (file ?? "").replace("<rootDir>", ROOT);

const PROBE = (fail: boolean) => `
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
test("makes temporary folders", () => {
  const own = mkdtempSync(path.join(os.tmpdir(), "mjoplan-probe-"));
  const child = execFileSync(process.execPath, ["-e", "const fs = require('fs'), os = require('os'), p = require('path'); process.stdout.write(fs.mkdtempSync(p.join(os.tmpdir(), 'mjoplan-probe-child-')))"]).toString();
  writeFileSync(process.env.PROBE_OUT, JSON.stringify({ own, child, tmp: os.tmpdir() }));
  expect(${fail}).toBe(false);
});
`;

async function nestedRun(fail: boolean, keep = false) {
  const work = await tempDir("mjoplan-nested-jest-");
  const parent = path.join(work, "tmp");
  await mkdir(parent);
  // A run killed before its teardown: its folder names a process that is gone.
  await mkdir(path.join(parent, "mjoplan-test-run-999999999-abc123", "left"), { recursive: true });
  await writeFile(path.join(work, "probe.test.mjs"), PROBE(fail));
  const nested = {
    rootDir: work,
    testEnvironment: "node",
    transform: {},
    testMatch: ["<rootDir>/probe.test.mjs"],
    cacheDirectory: path.join(work, "cache"),
    globalSetup: fromRoot(config.globalSetup),
    globalTeardown: fromRoot(config.globalTeardown),
  };
  const run = await execa("node", ["--experimental-vm-modules", path.join(NODE_MODULES, "jest/bin/jest.js"), "--config", JSON.stringify(nested), "--ci"], {
    cwd: work,
    reject: false,
    env: { TMPDIR: parent, TMP: parent, TEMP: parent, PROBE_OUT: path.join(work, "probe.json"), MJOPLAN_KEEP_TEST_TMP: keep ? "1" : "" },
  });
  const probe = JSON.parse(await readFile(path.join(work, "probe.json"), "utf8")) as { own: string; child: string; tmp: string };
  return { run, parent, probe, left: await readdir(parent) };
}

describe("the test suite's temporary folders", () => {
  it("go in one folder per run, followed by the tests and the processes they start, removed at the end", async () => {
    const { run, parent, probe, left } = await nestedRun(false);
    expect(run.exitCode).toBe(0);
    expect(path.dirname(probe.tmp)).toBe(parent);
    expect(path.basename(probe.tmp)).toMatch(/^mjoplan-test-run-\d+-/);
    expect(path.dirname(probe.own)).toBe(probe.tmp);
    expect(path.dirname(probe.child)).toBe(probe.tmp);
    expect(existsSync(probe.own)).toBe(false);
    expect(existsSync(probe.child)).toBe(false);
    // Nothing left in the parent: not this run's folder, nor the one a killed run left.
    expect(left).toEqual([]);
  });

  it("are removed after a failing run too", async () => {
    const { run, probe, left } = await nestedRun(true);
    expect(run.exitCode).toBe(1);
    expect(existsSync(probe.own)).toBe(false);
    expect(left).toEqual([]);
  });

  it("are kept and named when MJOPLAN_KEEP_TEST_TMP=1", async () => {
    const { run, probe, left } = await nestedRun(false, true);
    expect(run.exitCode).toBe(0);
    expect(left).toEqual([path.basename(probe.tmp)]);
    expect(existsSync(probe.child)).toBe(true);
    expect(String(run.stderr)).toContain(`temporary folders kept in ${probe.tmp}`);
  });
});
