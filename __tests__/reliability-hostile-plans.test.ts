/**
 * Reliability, issue 10 points 1, 7 and 8: `check` and `sync` run in CI over plans
 * anyone can edit, so a plan's links decide nothing about what is read; every bad
 * input is exit 2 with one line and nothing written; user text cannot hide code.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { checkJson, cli, tempDir } from "./support/project.js";
import { snapshot } from "./support/tree.js";

const PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";
const TESTS = "src/features/book-room/__tests__";
const SECRET = "SECRET_TOKEN=hunter2-do-not-leak";

/** A repository (package.json at its root) holding one fresh plan, and a secret file beside it, outside the repository. */
async function repoWithPlan(): Promise<{ repo: string; secret: string }> {
  const top = await tempDir("mjoplan-rel-");
  const repo = path.join(top, "repo");
  await mkdir(repo);
  await writeFile(path.join(repo, "package.json"), JSON.stringify({ name: "victim", private: true }));
  const run = await cli(["plan", "--name", "Book room", "--dest", repo, "--date", "2026-01-01", "--format", "never"]);
  expect(run.exitCode).toBe(0);
  const secret = path.join(top, "secret.txt");
  await writeFile(secret, `${SECRET}\n`);
  return { repo, secret };
}

/** Points the plan's embedded security-test link (and its code block) at `target`, as a hostile pull request would. */
async function relink(repo: string, target: string): Promise<void> {
  const file = path.join(repo, PLAN);
  const plan = await readFile(file, "utf8");
  const link = "../../../../src/features/book-room/__tests__/book-room.security.test.ts";
  expect(plan).toContain(`](${link})\n\n`);
  await writeFile(file, plan.split(`](${link})\n\n`).join(`](${target})\n\n`));
}

const up = (n: number): string => "../".repeat(n);

async function allText(dir: string): Promise<string> {
  return [...(await snapshot(dir)).values()].map((v) => Buffer.from(v, "base64").toString("utf8")).join("\n");
}

describe("point 1: reads stay in the repository", () => {
  it("sync never copies a file outside the repository into a plan, by ../ or by a symbolic link; it names the plan, the link and the reason", async () => {
    for (const how of ["dotdot", "symlink", "proc"] as const) {
      const { repo, secret } = await repoWithPlan();
      let target: string;
      if (how === "dotdot") target = up(5) + path.basename(secret);
      else if (how === "proc") target = up(40) + "proc/self/environ";
      else {
        await symlink(secret, path.join(repo, TESTS, "innocent.test.ts"));
        target = `../../../../${TESTS}/innocent.test.ts`;
      }
      await relink(repo, target);
      const sync = await cli(["sync", "--dest", repo]);
      expect({ how, code: sync.exitCode }).toEqual({ how, code: 1 });
      expect(String(sync.stderr)).toContain(`${PLAN}: link ${target} not followed: it ${how === "symlink" ? "leads outside the repository through a symbolic link" : "points outside the repository"}`);
      const text = await allText(repo);
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain("PATH=");
      const check = await cli(["check", "--dest", repo]);
      expect(check.exitCode).toBe(1);
      expect(String(check.stdout)).toContain(`link ${target} not followed`);
    }
  });

  it("check reads no device, pipe, folder or oversized file: each is a finding, and the run ends at once", async () => {
    const { repo } = await repoWithPlan();
    const targets: Record<string, { target: string; reason: string }> = {};
    // /dev/zero outside the repository, and inside it through a link; a named pipe; a folder; a file over 1 MiB.
    targets["zero"] = { target: up(40) + "dev/zero", reason: "points outside the repository" };
    await symlink("/dev/zero", path.join(repo, TESTS, "zero.test.ts"));
    targets["zero-link"] = { target: `../../../../${TESTS}/zero.test.ts`, reason: "leads outside the repository through a symbolic link" };
    execFileSync("mkfifo", [path.join(repo, TESTS, "pipe.test.ts")]);
    targets["fifo"] = { target: `../../../../${TESTS}/pipe.test.ts`, reason: "is not a regular file" };
    await mkdir(path.join(repo, TESTS, "folder.test.ts"));
    targets["folder"] = { target: `../../../../${TESTS}/folder.test.ts`, reason: "is a folder, not a file" };
    await writeFile(path.join(repo, TESTS, "huge.test.ts"), "x".repeat(1024 * 1024 + 1));
    targets["huge"] = { target: `../../../../${TESTS}/huge.test.ts`, reason: "is larger than 1048576 bytes" };
    const planFile = path.join(repo, PLAN);
    const original = await readFile(planFile, "utf8");
    for (const [name, { target, reason }] of Object.entries(targets)) {
      await writeFile(planFile, original);
      await relink(repo, target);
      const started = Date.now();
      const { code, plans } = await checkJson(repo);
      expect({ name, code }).toEqual({ name, code: 1 });
      expect(plans[0]!.refused).toContainEqual({ link: target, reason });
      expect(Date.now() - started).toBeLessThan(20000);
      const sync = await cli(["sync", "--dest", repo]);
      expect({ name, code: sync.exitCode }).toEqual({ name, code: 1 });
    }
  });

  it("a link that is not valid URI text is a finding for its plan; the other plans are still checked", async () => {
    const { repo } = await repoWithPlan();
    expect((await cli(["plan", "--name", "Cancel booking", "--dest", repo, "--date", "2026-01-01", "--format", "never"])).exitCode).toBe(0);
    await writeFile(path.join(repo, PLAN), (await readFile(path.join(repo, PLAN), "utf8")) + "\nSee [notes](%E0%A4%A).\n");
    const check = await cli(["check", "--dest", repo]);
    expect(check.exitCode).toBe(1);
    expect(String(check.stdout)).toContain(`${PLAN}: link %E0%A4%A not followed: it is not valid URI text`);
    expect(String(check.stdout)).toMatch(/CancelBooking-plan\.md\s+draft(\s+0){6}\s+21\s+\d+\s+\d+\s+ok/);
    const sync = await cli(["sync", "--dest", repo]);
    expect(sync.exitCode).toBe(1);
    expect(String(sync.stderr)).toContain("not valid URI text");
  });

  it("sync writes only plans inside --dest", async () => {
    const { repo } = await repoWithPlan();
    const other = await tempDir();
    const before = await snapshot(repo);
    const sync = await cli(["sync", "--dest", other, path.join(repo, PLAN)]);
    expect(sync.exitCode).toBe(2);
    expect(String(sync.stderr).trim().split("\n")).toHaveLength(1);
    expect(String(sync.stderr)).toContain("is outside --dest; sync writes only plans inside it");
    expect(await snapshot(repo)).toEqual(before);
  });
});

describe("point 7: every bad input is exit 2 with one line, and nothing is written", () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir();
    await writeFile(path.join(work, "a-file"), "x");
    await symlink(path.join(work, "nowhere"), path.join(work, "dangling"));
  });

  const plan = (...flags: string[]) => ["plan", "--name", "Book room", "--date", "2026-01-01", ...flags];
  const cases: [string, () => string[], RegExp][] = [
    ["--dest naming a file", () => plan("--dest", path.join(work, "a-file")), /names a file, not a folder/],
    ["--dest below a file", () => plan("--dest", path.join(work, "a-file", "sub")), /is a file, not a folder/],
    ["an empty --dest", () => plan("--dest", ""), /--dest: is empty/],
    ["a dangling link as --dest", () => plan("--dest", path.join(work, "dangling")), /dangling link/],
    // The file system itself refuses the folder.
    ["a folder where nothing can be created", () => plan("--dest", "/proc/mjoplan-cannot"), /--dest \/proc\/mjoplan-cannot: cannot be created/],
    ["string(1..9007199254740991)", () => plan("--dest", work, "--value-object", "Note:string(1..9007199254740991)"), /a length past 100000 is refused/],
    ["a rate limit beyond a safe integer", () => plan("--dest", work, "--rate-limit", "100000000000000000000000/1m"), /--rate-limit .*a count past 1000000000 is refused/],
    ["a rate window beyond a year", () => plan("--dest", work, "--rate-limit", "5/9999999999999999999d"), /--rate-limit .*a window past 366 days is refused/],
    ["an int range past 2^53", () => plan("--dest", work, "--value-object", "Big:int(9007199254740990..9007199254740991)"), /a bound past ±2\^52/],
    ["an int range near 2^52 (its fraction example would be whole)", () => plan("--dest", work, "--value-object", "Big:int(4503599627370497..)"), /a bound past ±2\^52/],
  ];

  it.each(cases)("%s", async (_name, args, message) => {
    const before = await snapshot(work);
    const run = await cli(args());
    expect(run.exitCode).toBe(2);
    const lines = String(run.stderr).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(await snapshot(work)).toEqual(before);
  });

  it.each(["__proto__", "constructor", "toString"])("stored answers with the key %s", async (key) => {
    const { repo } = await repoWithPlan();
    const file = path.join(repo, PLAN);
    await writeFile(file, (await readFile(file, "utf8")).replace('<!-- mjoplan:answers {"name"', `<!-- mjoplan:answers {"${key}":{"x":1},"name"`));
    const before = await snapshot(repo);
    const run = await cli(["test", "--use-case", "Book room", "--kind", "security", "--dest", repo, "--format", "never"]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([expect.stringContaining(`stored answers.${key}: not an answer mjoplan knows`)]);
    expect(await snapshot(repo)).toEqual(before);
  });

  it("a plan whose stored answers comment is not closed", async () => {
    const { repo } = await repoWithPlan();
    const file = path.join(repo, PLAN);
    const text = await readFile(file, "utf8");
    // The answers comment's close cut (the plan's written-files comment after it keeps its own).
    await writeFile(file, text.replace(/^(<!-- mjoplan:answers .*) -->$/m, "$1"));
    const before = await snapshot(repo);
    const run = await cli(["test", "--use-case", "Book room", "--kind", "security", "--dest", repo, "--format", "never"]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([expect.stringContaining("stored answers comment (<!-- mjoplan:answers) is not closed")]);
    expect(await snapshot(repo)).toEqual(before);
  });

  it.each(["checklist.__proto__", "checklist.constructor", "paths.toString"])("a config key %s checked against inherited properties", async (key) => {
    const dest = await tempDir();
    const [outer, inner] = key.split(".");
    await writeFile(path.join(dest, "mjoplan.config.json"), `{"${outer}":{"${inner}":${outer === "paths" ? '"x"' : '["x"]'}}}`);
    const before = await snapshot(dest);
    const run = await cli(plan("--dest", dest));
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split("\n")).toEqual([expect.stringContaining(`mjoplan.config.json.${key}: unknown`)]);
    expect(await snapshot(dest)).toEqual(before);
  });

  it("duplicate front-matter keys: status approved then draft does not pass --require approved", async () => {
    const { repo } = await repoWithPlan();
    const file = path.join(repo, PLAN);
    await writeFile(file, (await readFile(file, "utf8")).replace("status: draft", "status: approved\nstatus: draft"));
    for (const command of [["check", "--require", "approved"], ["sync"]]) {
      const run = await cli([...command, "--dest", repo]);
      expect(run.exitCode).toBe(2);
      expect(String(run.stderr).trim().split("\n")).toEqual([`mjoplan: ${PLAN}: front matter: key "status" is given twice; which one holds is a guess, so the plan is refused`]);
    }
  });
});

describe("point 8: output that cannot mislead", () => {
  it("bidirectional and other invisible characters reach generated TypeScript only as \\u escapes, in strings and comments", async () => {
    const dest = await tempDir();
    const rlo = "\u202E";
    const run = await cli([
      "plan", "--name", `Book room`, "--summary", `Refund ${rlo}gnp.exe`, "--actor", `Admin\u2066 x`, "--date", "2026-01-01", "--format", "never",
      "--value-object", `Kind:enum(a${rlo}b|c\u200Bd)`, "--value-object", `Code:pattern(^[a-z]+\u2067$)`,
      "--criteria", `Given a room ${rlo}x, when booked, then it is taken`, "--dest", dest,
    ]);
    expect(run.exitCode).toBe(0);
    const files = [...(await snapshot(dest)).entries()].filter(([p]) => p.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    const all = files.map(([, b64]) => Buffer.from(b64, "base64").toString("utf8")).join("\n");
    // Nothing invisible but line breaks and tabs; the user's characters are there, escaped.
    expect(all.match(/[^\P{Cc}\n\t]|[\p{Cf}\p{Zl}\p{Zp}]/gu)).toBeNull();
    expect(all).toContain("\\u202E");
    expect(all).toContain("\\u200B");
    expect(all).toContain("\\u2067");
  });

  it("an escaped \\]( in a criterion is not read as a link: a fresh scaffold checks clean", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Book room", "--criteria", "Given a room](no/such/file), when booked, then it is taken", "--dest", dest, "--date", "2026-01-01"]);
    expect(run.exitCode).toBe(0);
    const check = await cli(["check", "--dest", dest]);
    expect(String(check.stdout)).not.toContain("no/such/file");
    expect(check.exitCode).toBe(0);
    expect(await readdir(dest)).toContain("docs");
  });
});
