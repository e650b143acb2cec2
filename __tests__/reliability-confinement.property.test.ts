/**
 * Issue 10 point 10, the property behind point 1: for random hostile plans (links climbing out with
 * `..`, absolute paths, percent-encoded traversals, links that are not URI text, symbolic links out
 * of the repository to a file, a folder or /dev/zero, pipes, folders and oversized files inside it),
 * `check` and `sync` read and write nothing outside the repository and finish in time. A canary
 * file beside the repository holds a unique secret: it must never show up in the repository or in
 * what the commands print, and nothing outside the repository may change. The commands run in
 * process (the same functions the bin calls, on the real disk), so the case count stays affordable.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { checkCommand, syncCommand } from "../lib/cli/check-command.js";
import type { Terminal } from "../lib/cli/terminal.js";
import { cli, tempDir } from "./support/project.js";
import { snapshot } from "./support/tree.js";

/** Cases tried per run of the suite; the README's reliability section reports this figure. */
export const CASES = 60;
const PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";
const TESTS = "src/features/book-room/__tests__";
const CANARY = `CANARY-${process.pid}-e7f3a1`;
/** Generous: a run reading /dev/zero or looping over a crafted link would take minutes or never end. */
const MAX_MS_PER_CASE = 10_000;

let top: string;
let template: string;

beforeAll(async () => {
  top = await tempDir("mjoplan-confine-");
  template = path.join(top, "template");
  await mkdir(template);
  await writeFile(path.join(template, "package.json"), JSON.stringify({ name: "victim", private: true }));
  const made = await cli(["plan", "--name", "Book room", "--dest", template, "--date", "2026-01-01", "--format", "never"]);
  expect(made.exitCode).toBe(0);
  // Outside every repository of the test: the canary, a folder holding another copy, a plan-like file.
  await writeFile(path.join(top, "canary.txt"), `${CANARY}\n`);
  await mkdir(path.join(top, "outside"));
  await writeFile(path.join(top, "outside", "book-room.security.test.ts"), `// ${CANARY}\n`);
});

afterAll(async () => {
  await rm(top, { recursive: true, force: true });
});

/** Where a hostile link may point, from the plan's folder (four levels below the repository). */
const target = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => `${"../".repeat(n)}canary.txt`),
  fc.integer({ min: 5, max: 40 }).map((n) => `${"../".repeat(n)}dev/zero`),
  fc.constantFrom("/dev/zero", "/proc/self/environ", "/etc/passwd", "CANARY_ABS", "file:///etc/passwd"),
  fc.constantFrom("..%2F..%2F..%2F..%2F..%2Fcanary.txt", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/canary.txt", "..\\..\\..\\..\\..\\canary.txt", "../../../../../canary.txt%00.ts", "../../../../../canary.txt#x", "../../../../../canary.txt?y"),
  fc.constantFrom("%E0%A4%A", "%", "%zz", "%C0%AE%C0%AE/canary.txt", "%FF"),
  // Inside the repository, through a link out of it, or to something that is not a readable file.
  fc.constantFrom("to-canary", "to-outside-dir", "to-zero", "fifo", "folder", "huge").map((n) => `../../../../${TESTS}/${n}${n === "to-outside-dir" ? "/book-room.security.test.ts" : ".test.ts"}`),
  // Legitimate links, so a case mixes the hostile with the ordinary.
  fc.constant(`../../../../${TESTS}/book-room.domain.test.ts`),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[()\n\r\]`]/g, "")),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${"../".repeat(5)}${"a/".repeat(n)}canary.txt`),
);

/** A plan whose four embedded-test links and, optionally, extra links in its text point at `targets`. */
function hostilePlan(original: string, embedded: string[], extra: string[]): string {
  let i = 0;
  const text = original.replace(/^(\[`[^`\n]*\.test\.ts`\]\()([^)\n]*)(\)\n\n```)/gm, (m, open: string, _link: string, close: string) => (i < embedded.length ? `${open}${embedded[i++]}${close}` : m));
  return `${text}\n## Links\n\n${extra.map((l, n) => `- [extra ${n}](${l})`).join("\n")}\n`;
}

/** A fresh repository for one case: a copy of the template with the case's links, links to outside and odd files. */
async function repositoryFor(embedded: string[], extra: string[]): Promise<string> {
  const repo = await tempDir("mjoplan-confine-case-");
  await cp(template, repo, { recursive: true });
  const tests = path.join(repo, TESTS);
  await symlink(path.join(top, "canary.txt"), path.join(tests, "to-canary.test.ts"));
  await symlink(path.join(top, "outside"), path.join(tests, "to-outside-dir"));
  await symlink("/dev/zero", path.join(tests, "to-zero.test.ts"));
  execFileSync("mkfifo", [path.join(tests, "fifo.test.ts")]);
  await mkdir(path.join(tests, "folder.test.ts"));
  await writeFile(path.join(tests, "huge.test.ts"), "x".repeat(1024 * 1024 + 1));
  const resolve = (l: string): string => (l === "CANARY_ABS" ? path.join(top, "canary.txt") : l);
  const planFile = path.join(repo, PLAN);
  await writeFile(planFile, hostilePlan(await readFile(planFile, "utf8"), embedded.map(resolve), extra.map(resolve)));
  return repo;
}

function collector(cwd: string): { term: Terminal; text: () => string } {
  const out: string[] = [];
  const sink = { write: (s: string) => out.push(s) };
  return { term: { stdout: sink, stderr: sink, stdinIsTTY: false, cwd }, text: () => out.join("") };
}

/** Everything outside the case's repository, as bytes: the canary, the folder beside it, the template. */
async function outsideOf(): Promise<Map<string, string>> {
  return snapshot(top);
}

describe("point 10: confinement of check and sync, as a property", () => {
  it(`for ${CASES} random hostile plans, check and sync read and write nothing outside the repository, and finish in time`, async () => {
    const outsideBefore = await outsideOf();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(target, { minLength: 1, maxLength: 4 }), fc.array(target, { maxLength: 6 }), async (embedded, extra) => {
        cases++;
        const repo = await repositoryFor(embedded, extra);
        try {
          const started = Date.now();
          const check = collector(repo);
          const checked = await checkCommand(["--json"], check.term).catch((e: Error) => `threw ${e.message}`);
          const sync = collector(repo);
          const synced = await syncCommand([], sync.term).catch((e: Error) => `threw ${e.message}`);
          const again = collector(repo);
          await checkCommand([], again.term).catch(() => undefined);
          const ms = Date.now() - started;
          // The commands end with a verdict (0 or 1), or refuse bad input with a clear error; they never crash.
          expect([0, 1]).toContain(typeof checked === "number" ? checked : 1);
          expect(typeof synced === "number" || /^threw /.test(String(synced))).toBe(true);
          for (const printed of [check.text(), sync.text(), again.text()]) expect(printed).not.toContain(CANARY);
          // The snapshot reads every file: the pipe would block it (the commands themselves never opened it).
          await rm(path.join(repo, TESTS, "fifo.test.ts"));
          const inside = await snapshot(repo);
          for (const [file, bytes] of inside) expect({ file, leaked: Buffer.from(bytes, "base64").toString("utf8").includes(CANARY) }).toEqual({ file, leaked: false });
          expect(ms).toBeLessThan(MAX_MS_PER_CASE);
        } finally {
          await rm(repo, { recursive: true, force: true });
        }
        expect(await outsideOf()).toEqual(outsideBefore);
      }),
      { numRuns: CASES, seed: 20261126, endOnFailure: true },
    );
    expect(cases).toBe(CASES);
  });
});
