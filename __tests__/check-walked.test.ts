/**
 * check spares an lstat for every file the walk that found the plans listed (find-plans.ts WalkSeen): the findings
 * must be exactly those of a check that looks at every linked file on the disk, for every kind of link target a
 * plan can name: a regular file, a missing one, a link inside or leading outside the repository, a folder linked
 * as a file, a folder that is a link, and a pipe.
 */
import { execFileSync } from "node:child_process";
import { mkdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "@jest/globals";
import { findPlans, type WalkSeen } from "../lib/check/find-plans.js";
import { checkAll } from "../lib/check/run-check.js";
import { cli, tempDir } from "./support/project.js";

const FEATURE = "src/features/book-room";

it("the findings with what the walk saw are those found by looking at each file, link kind by link kind", async () => {
  const top = await tempDir("mjoplan-walked-");
  const repo = path.join(top, "repo");
  await mkdir(repo);
  await writeFile(path.join(repo, "package.json"), JSON.stringify({ name: "walked", private: true }));
  const run = await cli(["plan", "--name", "Book room", "--dest", repo, "--date", "2026-01-01", "--format", "never"]);
  expect(run.exitCode).toBe(0);
  // Outside the repository: a file the handler's link leads to.
  await writeFile(path.join(top, "outside.ts"), "export const secret = 1;\n");
  // The handler: a link leading outside. The shared domain folder: a link to a folder outside. The fixed clock: missing.
  // The shared ports: a link inside the repository. The performance test: a pipe; the shared testing index: a folder.
  const handler = path.join(repo, FEATURE, "book-room.handler.ts");
  await rm(handler);
  await symlink(path.join(top, "outside.ts"), handler);
  await rename(path.join(repo, "src/shared/domain"), path.join(top, "outside-domain"));
  await symlink(path.join(top, "outside-domain"), path.join(repo, "src/shared/domain"));
  await rm(path.join(repo, "src/shared/testing/fixed-clock.ts"));
  const ports = path.join(repo, "src/shared/ports/ports.ts");
  await writeFile(path.join(repo, "src/shared/ports/ports-real.ts"), "export {};\n");
  await rm(ports);
  await symlink("ports-real.ts", ports);
  const performance = path.join(repo, FEATURE, "__tests__/book-room.performance.test.ts");
  await rm(performance, { force: true });
  execFileSync("mkfifo", [performance]);
  const index = path.join(repo, "src/shared/testing/index.ts");
  await rm(index);
  await mkdir(index);

  const walked: WalkSeen = { folders: new Map(), files: new Map() };
  const plans = await findPlans([], repo, walked);
  expect(plans).toHaveLength(1);
  expect(walked.files.size).toBeGreaterThan(0);
  const looked = checkAll(plans, repo);
  const seen = checkAll(plans, repo, [], walked);
  expect(seen).toEqual(looked);
  // The cases are there: refusals for the links leading outside, the pipe and the folder; the missing file missing.
  const reasons = seen[0]!.refused.map((r) => r.reason);
  expect(reasons).toEqual(expect.arrayContaining(["leads outside the repository through a symbolic link", "is not a regular file", "is a folder, not a file"]));
  expect(seen[0]!.missing.some((m) => m.endsWith("src/shared/testing/fixed-clock.ts"))).toBe(true);
  expect(seen[0]!.missing.some((m) => m.endsWith("ports.ts"))).toBe(false);
  // Run from another repository, with the repository named: the plan's root is the one named, whose linked files are
  // looked at with what the walk saw too, and the findings are the same.
  const elsewhere = path.join(top, "elsewhere");
  await mkdir(elsewhere);
  await writeFile(path.join(elsewhere, "package.json"), JSON.stringify({ name: "elsewhere", private: true }));
  expect(checkAll(plans, elsewhere, [repo])).toEqual(looked);
  expect(checkAll(plans, elsewhere, [repo], walked)).toEqual(looked);
});
