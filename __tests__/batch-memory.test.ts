/**
 * A batch's memory does not grow with its size (issue 10 point 5): the run keeps
 * no record per use-case or per file in memory. Its bookkeeping (the files staged,
 * the paths seen) lives in record files on disk; what stays in memory is a few
 * bytes per file. Asserted on behaviour (the records come back whole, clashes are
 * still found once the paths are on disk, the heap a batch retains while it
 * renders), never on time.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "@jest/globals";
import { planGenerator } from "../generators/plan/index.js";
import { readAnswersFile } from "../lib/cli/answers-file.js";
import { arrayElements } from "../lib/cli/json-elements.js";
import { planSchema } from "../generators/plan/schema.js";
import { DEFAULT_CONFIG } from "../lib/config/config.js";
import { InputError } from "../lib/errors.js";
import type { Inputs } from "../lib/generator.js";
import { TEMPLATES_DIR } from "../lib/paths.js";
import { runGenerator } from "../lib/run/pipeline.js";
import { withFallbacks } from "../lib/schema/resolve.js";
import { BatchFiles, pathHash } from "../lib/write/changes.js";
import { RecordFile } from "../lib/write/record-file.js";
import { tempDir } from "./support/project.js";

const context = { today: "2026-01-01", version: "test", templatesDir: TEMPLATES_DIR, config: DEFAULT_CONFIG };

describe("record files: a batch's bookkeeping on disk", () => {
  it("gives back every record in order, across many buffers, non-ASCII text included, and leaves no file behind", async () => {
    const before = (await readdir(os.tmpdir())).filter((n) => n.startsWith(`mjoplan-records-${process.pid}-`));
    const records = new RecordFile();
    const made = Array.from({ length: 40_000 }, (_, i) => JSON.stringify(`docs/features/é${"x".repeat(i % 97)}/Ünïcode ${i} 🚀.md`));
    for (const r of made) records.append(r);
    expect(records.length).toBe(made.length);
    // More than fits in memory went to disk, under no name anyone can see.
    expect((await readdir(os.tmpdir())).filter((n) => n.startsWith(`mjoplan-records-${process.pid}-`))).toEqual(before);
    expect([...records.lines()]).toEqual(made);
    // Read twice: the file is read again, not consumed.
    expect([...records.lines()].length).toBe(made.length);
    records.close();
    expect([...records.lines()]).toEqual([]);
  });

  it("a short list never touches the disk and reads back the same", () => {
    const records = new RecordFile();
    records.append("a");
    records.append("");
    records.append("c");
    expect([...records.lines()]).toEqual(["a", "", "c"]);
    records.close();
  });
});

describe("an answers file read an entry at a time", () => {
  const elements = (text: string): string[] | undefined => {
    const bytes = Buffer.from(text);
    const ranges = arrayElements(bytes);
    return ranges && Array.from({ length: ranges.length / 2 }, (_, i) => bytes.toString("utf8", ranges[2 * i], ranges[2 * i + 1]));
  };

  it("finds each element of a JSON list, through strings with quotes, brackets and escapes, and nesting", () => {
    expect(elements(' [ {"name": "a \\"]}, \\\\"}, {"x": [1, {"y": "]"}]} ,3 ]\n')).toEqual(['{"name": "a \\"]}, \\\\"}', '{"x": [1, {"y": "]"}]}', "3"]);
    expect(elements('\uFEFF[{"é": "ü 🚀"}]')).toEqual(['{"é": "ü 🚀"}']);
    expect(elements("[]")).toEqual([]);
  });

  it("gives up on anything but one well-formed list (the whole file is then parsed, for JSON's own message)", () => {
    for (const text of ['{"name": "a"}', "[1,]", "[1,,2]", "[1] x", '["a]', "[{}", "[}]"]) expect({ text, found: elements(text) }).toEqual({ text, found: undefined });
  });

  it("each entry is read from the file again when asked for, and must be the entry that was checked", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "batch.json");
    await writeFile(file, JSON.stringify([{ name: "Book room" }, { name: "Cancel booking", summary: "Cancels it." }]));
    const answers = await readAnswersFile(file, planSchema, dir);
    expect(answers.count).toBe(2);
    expect(answers.entry(1)).toEqual({ at: `${file}[1]`, given: { name: { raw: "Cancel booking", where: `${file}[1].name` }, summary: { raw: "Cancels it.", where: `${file}[1].summary` } } });
    await writeFile(file, JSON.stringify([{ name: "Book room" }, { name: "Cancel bookinG", summary: "Cancels it." }]));
    expect(answers.entry(0).given.name?.raw).toBe("Book room");
    expect(() => answers.entry(1)).toThrow(/changed while the batch ran; nothing was written/);
  });
});

describe("one rule for a batch's files (BatchFiles)", () => {
  const file = (p: string, content = "x", mode: "owned" | "create-only" = "owned") => ({ path: p, content, mode });
  const plan = (p: string) => ({ ...file(p), isPlan: true });

  it("writes the shared kernel once, and a file two use-cases bring once where it is the same, else refuses it, also after the paths went to disk", () => {
    const batch = new BatchFiles();
    expect(batch.fresh([file("src/shared/result.ts", "k", "create-only"), file("a/one.ts")]).map((f) => f.path)).toEqual(["src/shared/result.ts", "a/one.ts"]);
    expect(batch.fresh([file("src/shared/result.ts", "k", "create-only"), file("b/two.ts")]).map((f) => f.path)).toEqual(["b/two.ts"]);
    // Enough paths that the first ones are on disk, not in memory.
    for (let i = 0; i < 20_000; i++) batch.fresh([plan(`features/use-case-${i}/plan.md`)]);
    // The same content (a context's shared value object): written by the first use-case only.
    expect(batch.fresh([file("a/one.ts"), file("d/four.ts")]).map((f) => f.path)).toEqual(["d/four.ts"]);
    expect(batch.fresh([file("a/one.ts")])).toEqual([]);
    expect(() => batch.fresh([file("a/one.ts", "y")])).toThrow(InputError);
    expect(() => batch.fresh([file("a/one.ts", "y")])).toThrow(/two use-cases of this batch share this file and write it differently/);
    // A plan is one use-case's: the same plan twice is the same entry twice.
    expect(() => batch.fresh([plan("features/use-case-3/plan.md")])).toThrow(/would write the same file/);
    expect(() => batch.fresh([file("src/shared/result.ts", "other", "create-only")])).toThrow(/would write different content to the same file/);
    expect(() => batch.fresh([file("c/three.ts"), file("c/three.ts")])).toThrow(/would write the same file/);
    batch.close();
  });

  it("a path that only shares its hash with one seen before is fresh: the hash is confirmed against the paths themselves", () => {
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const p = `src/${(Math.imul(i, 2654435761) >>> 0).toString(36)}.ts`;
      const seen = byHash.get(pathHash(p));
      if (seen) pair = [seen, p];
      else byHash.set(pathHash(p), p);
    }
    const batch = new BatchFiles();
    batch.fresh([file(pair[0])]);
    for (let i = 0; i < 10_000; i++) batch.fresh([file(`other/${i}.ts`)]);
    expect(batch.fresh([file(pair[1])]).map((f) => f.path)).toEqual([pair[1]]);
    expect(() => batch.fresh([file(pair[0], "y")])).toThrow(/write it differently/);
    batch.close();
  });
});

/** The plan generator's inputs, parsed one at a time as the run reaches them (as the CLI gives a batch from a file). */
function lazyInputs(n: number): Inputs<typeof planSchema> {
  return {
    length: n,
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) yield withFallbacks(planSchema, { name: `Book room ${i}`, summary: "Books a room." });
    },
  };
}

describe("a batch run keeps no state per use-case", () => {
  it("the heap a batch retains while it renders grows by less than 1.5 KiB per use-case (it grew by 2.2 KiB: a record per file kept in memory)", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const retained = (): number => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    // From a point where the run's bounded caches (folders looked at: FOLDERS_REMEMBERED) have filled up.
    const FROM = 300;
    const TO = 1300;
    const heap = new Map<number, number>();
    const dest = await tempDir();
    const report = await runGenerator(planGenerator, lazyInputs(TO), { dest, dryRun: false, onConflict: "fail", format: "never", listEveryFile: false }, {
      ...context,
      progress: (done) => {
        if (done === FROM || done === TO) heap.set(done, retained());
      },
    });
    const perUseCase = (heap.get(TO)! - heap.get(FROM)!) / (TO - FROM);
    expect(perUseCase).toBeLessThan(1536);
    // The report counts every file, and lists none of a fresh batch's (nothing overwritten or skipped).
    expect(report.summary.plans).toBe(TO);
    expect(report.summary.byAction.create).toBe(report.summary.files);
    expect(report.changes).toEqual([]);
    expect(report.labels.length).toBe(TO);
    const plan = await readFile(path.join(dest, "docs/features/api/BookRoom_1299/BookRoom_1299-plan.md"), "utf8");
    expect(plan).toContain("Book room 1299");
  });
});
