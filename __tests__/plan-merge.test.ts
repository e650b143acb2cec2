/**
 * Planning a use-case again with changed answers (`--audit`, `--rate-limit`, `--capability`: answers
 * no grow command adds) after a person filled its plan: `plan` merges three ways as the grow commands
 * do (base: what the answers the plan keeps render to; ours: the disk; theirs: the new answers'
 * rendering). The person's edits stay, the new answers' sections appear, byte for byte what a
 * fresh plan with the new flags writes around those edits, `check` passes, the code type-checks and
 * its tests run; a second identical run changes nothing. A line both changed is a conflict: exit 1
 * naming file and line, nothing written, in --dry-run and --json too; --force takes the run's line
 * there and keeps the person's other edits.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { asProject, cli, jestSummary, readTree, repoWith, runGeneratedTests, typecheck } from "./support/project.js";

interface UseCase {
  title: string;
  plan: string;
  handler: string;
  flags: string[];
  /** The answers changed at the second `plan`. */
  changed: string[];
  /** What only the changed answers write into the plan. */
  appears: string[];
}

const USE_CASES: UseCase[] = [
  {
    title: "Archive room",
    plan: "docs/features/api/ArchiveRoom/ArchiveRoom-plan.md",
    handler: "src/features/archive-room/archive-room.handler.ts",
    flags: ["--name", "Archive room", "--method", "POST", "--route", "/api/rooms/:roomId/archive", "--resource", "Room", "--value-object", "RoomId:uuid"],
    changed: ["--audit", "--rate-limit", "5/15m"],
    appears: ["is written to the audit trail", "At most 5 requests per 15m"],
  },
  {
    title: "Request password reset",
    plan: "docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md",
    handler: "src/features/request-password-reset/request-password-reset.handler.ts",
    flags: [
      "--name", "Request password reset", "--method", "POST", "--route", "/api/auth/password-reset-requests", "--auth", "anonymous",
      "--value-object", "Email:email", "--scheduled-command", "ExpirePasswordResetToken", "--pii", "email", "--enumeration-sensitive",
      "--tests", "security,domain,integration",
    ],
    changed: ["--capability", "sends-message", "--rate-limit", "3/1h"],
    appears: ["At most 3 requests per 1h"],
  },
];

const FORMATTERS = [
  { name: "no formatter", files: {} as Record<string, string> },
  // A repository that uses Prettier: its tables padded to their widest cell.
  { name: "Prettier", files: { "package.json": JSON.stringify({ name: "team", devDependencies: { prettier: "^3.0.0" } }) } as Record<string, string> },
];

const DATE = ["--date", "2026-01-01"];
const SUMMARY_TODO = /^TODO\(plan\): say in one or two sentences what .* does and why\.$/m;
const OUT_OF_SCOPE = "TODO(plan): list what this use-case deliberately does not do.";
// The handler's stub body, on one line or as a formatter breaks it.
const NOT_IMPLEMENTED = /throw new Error\(\s*"not implemented: [^"]*",?\s*\);/;

const project = (files: Record<string, string>): Promise<string> => repoWith(files, "mjoplan-replan-");

/** A person's work on a plan and its handler: TODOs filled, the handler begun. */
function fill(uc: UseCase, tree: Map<string, string>): Map<string, string> {
  const out = new Map(tree);
  const plan = tree.get(uc.plan)!;
  const handler = tree.get(uc.handler)!;
  expect(plan).toMatch(SUMMARY_TODO);
  expect(plan).toContain(OUT_OF_SCOPE);
  expect(handler).toMatch(NOT_IMPLEMENTED);
  out.set(uc.plan, plan.replace(SUMMARY_TODO, `${uc.title} as the support team asked for it (MY TEXT).`).replace(OUT_OF_SCOPE, "Nothing by phone (MY SCOPE)."));
  out.set(uc.handler, handler.replace(NOT_IMPLEMENTED, 'throw new Error("begun by hand");'));
  return out;
}

async function writeEdits(dest: string, uc: UseCase): Promise<void> {
  const edited = fill(uc, await readTree(dest));
  for (const file of [uc.plan, uc.handler]) await writeFile(path.join(dest, file), edited.get(file)!);
}

describe.each(FORMATTERS)("plan again with changed answers merges with a person's edits ($name)", ({ files }) => {
  it.each(USE_CASES)("$title: edits stay, the new answers' sections appear, check passes, code compiles and its tests run; a second run changes nothing", async (uc) => {
    const dest = await project(files);
    const fresh = await project(files);
    expect((await cli(["plan", ...uc.flags, ...DATE, "--dest", dest])).exitCode).toBe(0);
    await writeEdits(dest, uc);

    const again = await cli(["plan", ...uc.flags, ...uc.changed, ...DATE, "--dest", dest]);
    expect(again.stderr).toBe("");
    expect(again.exitCode).toBe(0);
    const plan = await readFile(path.join(dest, uc.plan), "utf8");
    for (const text of ["(MY TEXT)", "(MY SCOPE)", ...uc.appears]) expect({ text, found: plan.includes(text) }).toEqual({ text, found: true });

    // Every file is what a fresh plan with the new answers writes, with the person's edits on top.
    expect((await cli(["plan", ...uc.flags, ...uc.changed, ...DATE, "--dest", fresh])).exitCode).toBe(0);
    const expected = fill(uc, await readTree(fresh));
    const actual = await readTree(dest);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, content] of expected) expect({ file, content: actual.get(file) }).toEqual({ file, content });
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);

    // The same answers once more: nothing to do.
    const third = await cli(["plan", ...uc.flags, ...uc.changed, ...DATE, "--dest", dest, "--json"]);
    expect(third.exitCode).toBe(0);
    const actions = (JSON.parse(String(third.stdout)) as { files: { action: string }[] }).files.map((f) => f.action);
    expect(new Set(actions)).toEqual(new Set(["unchanged"]));
    expect(await readTree(dest)).toEqual(actual);

    await asProject(dest, "module");
    const tsc = await typecheck(dest);
    expect(tsc.stdout).toBe("");
    expect(tsc.exitCode).toBe(0);
    const tests = jestSummary(await runGeneratedTests(dest));
    expect(tests.suites).toBeGreaterThan(0);
    expect(tests.failed).toBe(0);
  }, 240_000);
});

describe("a line the person and the new answers both changed", () => {
  const uc = USE_CASES[0]!;
  const RATE = "At most 10 requests per 1m per account; request 11 gets 429 with Retry-After.";

  it.each(FORMATTERS)("is a conflict naming file and line, nothing written (also in --dry-run and --json); --force takes the new line and keeps the other edits ($name)", async ({ files }) => {
    const dest = await project(files);
    expect((await cli(["plan", ...uc.flags, ...DATE, "--dest", dest])).exitCode).toBe(0);
    await writeEdits(dest, uc);
    const planPath = path.join(dest, uc.plan);
    const text = await readFile(planPath, "utf8");
    expect(text).toContain(RATE);
    await writeFile(planPath, text.replace(RATE, "At most 10 requests per 1m per account and per IP (MY LIMIT)."));
    const line = (await readFile(planPath, "utf8")).split("\n").findIndex((l) => l.includes("MY LIMIT")) + 1;
    const before = await readTree(dest);
    const replan = ["plan", ...uc.flags, "--rate-limit", "3/1h", ...DATE, "--dest", dest];

    const run = await cli(replan);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `mjoplan: 1 file changed by you where this run changes it too, nothing was written: ${uc.plan} (line ${line}) (--force takes this run's lines there and keeps your other edits; --dry-run shows the diffs)\n`.trimEnd(),
    );
    expect(await readTree(dest)).toEqual(before);

    const dry = await cli([...replan, "--dry-run"]);
    expect(dry.exitCode).toBe(1);
    expect(dry.stdout).toMatch(new RegExp(`conflict\\s+${uc.plan}`));
    expect(await readTree(dest)).toEqual(before);

    const json = await cli([...replan, "--json"]);
    expect(json.exitCode).toBe(1);
    const data = JSON.parse(String(json.stdout)) as { ok: boolean; files: { path: string; action: string }[] };
    expect(data.ok).toBe(false);
    expect(data.files.find((f) => f.path === uc.plan)?.action).toBe("conflict");
    expect(await readTree(dest)).toEqual(before);

    const forced = await cli([...replan, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toBe(`mjoplan: ${uc.plan}: took this run's lines where you changed them too (line ${line}); your other edits are kept`);
    const plan = await readFile(planPath, "utf8");
    expect(plan).not.toContain("MY LIMIT");
    expect(plan).toContain("At most 3 requests per 1h");
    expect(plan).toContain("(MY TEXT)");
    expect(plan).toContain("(MY SCOPE)");
    expect(await readFile(path.join(dest, uc.handler), "utf8")).toContain('throw new Error("begun by hand");');
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);
  }, 120_000);

  it("--on-conflict skip keeps the conflicting plan as the person left it and merges the rest", async () => {
    const dest = await project({});
    expect((await cli(["plan", ...uc.flags, ...DATE, "--dest", dest])).exitCode).toBe(0);
    await writeEdits(dest, uc);
    const planPath = path.join(dest, uc.plan);
    await writeFile(planPath, (await readFile(planPath, "utf8")).replace(RATE, "At most 10 requests per 1m per account and per IP (MY LIMIT)."));
    const plan = await readFile(planPath, "utf8");
    const run = await cli(["plan", ...uc.flags, "--rate-limit", "3/1h", ...DATE, "--dest", dest, "--on-conflict", "skip"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${path.posix.basename(uc.plan)}\\s+skip\\n`));
    expect(await readFile(planPath, "utf8")).toBe(plan);
    const handler = await readFile(path.join(dest, uc.handler), "utf8");
    expect(handler).toContain('throw new Error("begun by hand");');
    expect(handler).toContain("limit: 3");
  }, 120_000);
});
