/**
 * A Windows checkout (Git's core.autocrlf=true) stores every file with CRLF line ends, and some
 * editors start a file with a UTF-8 byte-order mark: check, sync, a plan re-run and a grow read
 * such files as the LF files they are, and whatever they write back keeps the file's own form.
 * TRIAL2 T17.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { checkJson, cli, readTree, repoWith, tempDir } from "./support/project.js";
import { inForm, readForm, readFormBytes } from "../lib/text-form.js";

const PLAN = "docs/features/api/BookRoom/BookRoom-plan.md";
const SEC = "src/features/book-room/__tests__/book-room.security.test.ts";
const PLAN_ARGS = ["plan", "--name", "Book room", "--value-object", "RoomId:uuid", "--event", "RoomBooked:roomId", "--criteria", "Given a free room, when booked, then it is taken", "--date", "2026-01-01"];
const BOM = "\ufeff";

const crlf = (s: string): string => s.replace(/\r?\n/g, "\r\n");
/** Lines that end in a bare LF: none in a file that stayed CRLF. */
const bareLf = (s: string): number => s.split("\n").length - 1 - (s.split("\r\n").length - 1);

/** What autocrlf does on checkout: every text file mjoplan wrote, CRLF. */
async function toCrlf(dest: string): Promise<Map<string, string>> {
  const tree = await readTree(dest);
  for (const [rel, text] of tree) if (/\.(md|ts)$/.test(rel)) await writeFile(path.join(dest, rel), crlf(text));
  return readTree(dest);
}

describe("text form (line ends and byte-order mark)", () => {
  const text = fc.array(fc.constantFrom("a", "é", " ", "\n", "|", "```", "\r", "---", "\u2028"), { maxLength: 40 }).map((p) => p.join(""));
  it("a file read in any stored form reads as its LF text, and writing it back gives the stored bytes", () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (raw, asCrlf, bom) => {
        const lf = raw.replace(/\r/g, "");
        const form = { crlf: asCrlf, bom };
        const stored = inForm(lf, form);
        const read = readForm(stored);
        expect(read.text).toBe(lf);
        // CRLF shows where the text has a line end; without one, LF and CRLF are the same bytes.
        const seen = { crlf: asCrlf && lf.includes("\n"), bom };
        if (seen.crlf || seen.bom) expect(read.form).toEqual(seen);
        else expect(read.form).toBeUndefined();
        expect(inForm(read.text, read.form)).toBe(stored);
        // The byte reader (check's) agrees with the text reader.
        const bytes = readFormBytes(Buffer.from(stored, "utf8"));
        expect(bytes.bytes.toString("utf8")).toBe(read.text);
        expect(bytes.form).toEqual(read.form);
      }),
    );
  });

  it("LF text without a mark is handed back as it is (no copy)", () => {
    const buffer = Buffer.from("---\nstatus: draft\n---\n");
    expect(readFormBytes(buffer).bytes).toBe(buffer);
    expect(readForm("a\nb")).toEqual({ text: "a\nb" });
  });
});

describe("a scaffold checked out with CRLF line ends (and a byte-order mark)", () => {
  let lfFindings: Awaited<ReturnType<typeof checkJson>>;
  let dest: string;
  let crlfTree: Map<string, string>;

  beforeAll(async () => {
    const lfDest = await tempDir();
    expect((await cli([...PLAN_ARGS, "--dest", lfDest])).exitCode).toBe(0);
    lfFindings = await checkJson(lfDest);
    dest = await tempDir();
    expect((await cli([...PLAN_ARGS, "--dest", dest])).exitCode).toBe(0);
    crlfTree = await toCrlf(dest);
    // The plan and a test file also start with a byte-order mark.
    for (const rel of [PLAN, SEC]) await writeFile(path.join(dest, rel), BOM + crlfTree.get(rel)!);
    crlfTree = await readTree(dest);
  }, 60_000);

  it("check finds exactly what it finds in the LF scaffold: status read, no test lost, no drift", async () => {
    expect(lfFindings.code).toBe(0);
    const findings = await checkJson(dest);
    expect(findings.code).toBe(0);
    expect(findings.plans).toEqual(lfFindings.plans);
    expect(findings.plans[0]).toMatchObject({ status: "draft", lostTests: [], drift: [], missing: [], failed: false });
  });

  it("sync changes nothing, and re-running plan with the same answers reports no conflict and changes nothing", async () => {
    const sync = await cli(["sync", "--dest", dest]);
    expect(sync.exitCode).toBe(0);
    expect(String(sync.stdout)).toContain("1 plan(s), 0 synced");
    const again = await cli([...PLAN_ARGS, "--dest", dest]);
    expect(String(again.stderr)).toBe("");
    expect(again.exitCode).toBe(0);
    expect(await readTree(dest)).toEqual(crlfTree);
  }, 60_000);

  it("what sync rewrites stays CRLF with its mark; a grow keeps every file it changes CRLF; check then passes", async () => {
    // A person adds a test by hand (CRLF, as their editor saves it): sync embeds it and stays CRLF.
    const sec = await readFile(path.join(dest, SEC), "utf8");
    await writeFile(path.join(dest, SEC), sec.replace(/\r\n\}\);\r\n$/, '\r\n  it("SEC-99 refuses a booking by hand (FR-1)", () => {\r\n    expect(1).toBe(1);\r\n  });\r\n});\r\n'));
    const sync = await cli(["sync", "--dest", dest]);
    expect(String(sync.stdout)).toContain("1 plan(s), 1 synced");
    const plan = await readFile(path.join(dest, PLAN), "utf8");
    expect(plan.startsWith(BOM + "---\r\n")).toBe(true);
    expect(plan).toContain("SEC-99 refuses a booking by hand (FR-1)");
    expect(bareLf(plan)).toBe(0);
    // Traceability survives: the requirements still name their tests.
    expect(plan).not.toMatch(/\| FR-1 \|[^\r]*\| none \|\r/);

    const grow = await cli(["value-object", "--use-case", "Book room", "--value-object", "Seats:int(1..50)", "--dest", dest]);
    expect(String(grow.stderr)).toBe("");
    expect(grow.exitCode).toBe(0);
    const after = await readTree(dest);
    const changed = [...after].filter(([rel, text]) => crlfTree.get(rel) !== text && /\.(md|ts)$/.test(rel));
    expect(changed.length).toBeGreaterThan(2);
    for (const [rel, text] of changed) if (crlfTree.has(rel)) expect([rel, bareLf(text)]).toEqual([rel, 0]);
    expect(after.get(PLAN)!.startsWith(BOM)).toBe(true);
    expect(after.get(PLAN)).toContain("Seats");
    const findings = await checkJson(dest);
    expect(findings.code).toBe(0);
    expect(findings.plans[0]).toMatchObject({ status: "draft", lostTests: [], drift: [], failed: false });
  }, 90_000);
});

describe("a repository whose Prettier writes CRLF (endOfLine: crlf)", () => {
  it("a plan re-run with the same answers is unchanged, not a conflict, and check and sync agree", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, ".prettierrc"), JSON.stringify({ endOfLine: "crlf" }));
    expect((await cli([...PLAN_ARGS, "--dest", dest])).exitCode).toBe(0);
    const first = await readTree(dest);
    expect(bareLf(first.get(PLAN)!)).toBe(0);
    const again = await cli([...PLAN_ARGS, "--dest", dest, "--json"]);
    expect(again.exitCode).toBe(0);
    const report = JSON.parse(String(again.stdout)) as { files: { action: string }[] };
    expect(new Set(report.files.map((f) => f.action))).toEqual(new Set(["unchanged"]));
    expect((await checkJson(dest)).code).toBe(0);
    expect(String((await cli(["sync", "--dest", dest])).stdout)).toContain("1 plan(s), 0 synced");
    expect(await readTree(dest)).toEqual(first);
  }, 60_000);

  it("files a grow creates follow the formatter's CRLF as the plan's files do, in a folder that is no package (the config found from --dest)", async () => {
    // No package.json and no .git: --dest is the repository, and its .prettierrc holds for every folder below it.
    const dest = await tempDir();
    await writeFile(path.join(dest, ".prettierrc"), JSON.stringify({ endOfLine: "crlf" }));
    expect((await cli([...PLAN_ARGS, "--dest", dest])).exitCode).toBe(0);
    const before = await readTree(dest);
    const vo = await cli(["value-object", "--use-case", "Book room", "--value-object", "Seats:int(1..50)", "--dest", dest]);
    expect(String(vo.stderr)).toBe("");
    expect(vo.exitCode).toBe(0);
    const ev = await cli(["event", "--use-case", "Book room", "--event", "RoomReleased:roomId", "--dest", dest]);
    expect(String(ev.stderr)).toBe("");
    expect(ev.exitCode).toBe(0);
    const after = await readTree(dest);
    const created = [...after.keys()].filter((rel) => !before.has(rel));
    expect(created.sort()).toEqual(["src/features/book-room/domain/room-released.event.ts", "src/features/book-room/domain/seats.value-object.ts"]);
    for (const [rel, text] of after) if (/\.(md|ts)$/.test(rel)) expect([rel, bareLf(text)]).toEqual([rel, 0]);
    expect((await checkJson(dest)).code).toBe(0);
  }, 90_000);
});

describe("a config saved with a byte-order mark and CRLF (Notepad)", () => {
  it("is read as the JSON it holds", async () => {
    const dest = await repoWith({ "package.json": "{}", "mjoplan.config.json": `${BOM}{\r\n  "paths": { "plan": "plans/{UseCase}.md" }\r\n}\r\n` });
    const run = await cli(["plan", "--name", "Book room", "--dest", dest, "--dry-run", "--json"]);
    expect(String(run.stderr)).toBe("");
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(String(run.stdout)) as { files: { path: string }[] }).files.map((f) => f.path)).toContain("plans/BookRoom.md");
  });
});
