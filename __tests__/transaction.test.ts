/**
 * All or nothing: a failure at any single file-system call of a commit, or a
 * Ctrl-C during a real run, leaves the destination byte for byte as it was.
 */
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { execa } from "execa";
import { planGenerator } from "../generators/plan/index.js";
import { planSchema } from "../generators/plan/schema.js";
import { DEFAULT_CONFIG } from "../lib/config/config.js";
import { TEMPLATES_DIR } from "../lib/paths.js";
import { withFallbacks } from "../lib/schema/resolve.js";
import { decide, mergeBatch } from "../lib/write/changes.js";
import { commit, nodeIo, Staging, type CommitIo } from "../lib/write/commit.js";
import { BIN, tempDir } from "./support/project.js";
import { copyTree, snapshot } from "./support/tree.js";

const context = { today: "2026-01-01", version: "test", templatesDir: TEMPLATES_DIR, config: DEFAULT_CONFIG };

/** The real file system, failing at the n-th call that changes the disk. */
function failingAt(n: number): { io: CommitIo; calls: () => number } {
  let count = 0;
  const tick = (): void => {
    if (++count === n) throw Object.assign(new Error(`injected failure at call ${n}`), { code: "EIO" });
  };
  const io: CommitIo = {
    ...nodeIo,
    mkdir: async (p) => (tick(), nodeIo.mkdir(p)),
    writeFile: async (p, d, o) => (tick(), nodeIo.writeFile(p, d, o)),
    rename: async (a, b) => (tick(), nodeIo.rename(a, b)),
  };
  return { io, calls: () => count };
}

async function baseline(): Promise<string> {
  // A destination with an older copy of some outputs (to overwrite), a team's own kernel file (to keep), and an unrelated file.
  const dir = await tempDir();
  const older = withFallbacks(planSchema, { name: "Book room", summary: "old", valueObjects: [{ name: "RoomId", rule: { kind: "uuid" } }] });
  const [files] = planGenerator.build([older], context);
  for (const f of files!.filter((x) => x.path.endsWith("-plan.md") || x.path.endsWith(".value-object.ts"))) {
    await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
    await writeFile(path.join(dir, f.path), f.content);
  }
  await mkdir(path.join(dir, "src/shared/domain"), { recursive: true });
  await writeFile(path.join(dir, "src/shared/domain/result.ts"), "// the team's own result type\nexport type Result = unknown;\n");
  await writeFile(path.join(dir, "README.md"), "untouched\n");
  return dir;
}

function newChanges(existing: Map<string, string>) {
  const inputs = ["Book room", "Cancel booking"].map((name) =>
    withFallbacks(planSchema, { name, summary: "new", valueObjects: [{ name: "RoomId", rule: { kind: "uuid" } }], events: [{ name: "RoomBooked", fields: ["roomId"] }], scheduledCommand: "Remind" }),
  );
  return decide(mergeBatch(planGenerator.build(inputs, context)), existing, "overwrite");
}

async function existingOf(dir: string, paths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of paths) {
    try {
      out.set(p, await readFile(path.join(dir, p), "utf8"));
    } catch {
      // missing: a create
    }
  }
  return out;
}

describe("all-or-nothing commit", () => {
  it("rolls back completely when any single write, rename or mkdir fails", async () => {
    const base = await baseline();
    const before = await snapshot(base);
    const probe = await tempDir();
    await copyTree(base, probe);
    const changes = newChanges(await existingOf(probe, newChanges(new Map()).map((c) => c.path)));
    expect(changes.filter((c) => c.action === "overwrite").length).toBeGreaterThan(0);
    expect(changes.find((c) => c.path === "src/shared/domain/result.ts")?.action).toBe("keep");

    const counter = failingAt(Number.POSITIVE_INFINITY);
    await commit(probe, changes, { io: counter.io });
    const total = counter.calls();
    expect(total).toBeGreaterThan(30);

    for (let n = 1; n <= total; n++) {
      const dir = await tempDir();
      await copyTree(base, dir);
      await expect(commit(dir, changes, { io: failingAt(n).io })).rejects.toThrow(`injected failure at call ${n}`);
      expect({ n, tree: await snapshot(dir) }).toEqual({ n, tree: before });
    }
  });

  it("a completed commit holds every new file and keeps the team's own kernel file", async () => {
    const dir = await baseline();
    const changes = newChanges(await existingOf(dir, newChanges(new Map()).map((c) => c.path)));
    await commit(dir, changes);
    for (const c of changes) {
      const onDisk = await readFile(path.join(dir, c.path), "utf8");
      expect(onDisk).toBe(c.action === "keep" ? c.before : c.after);
    }
    expect((await snapshot(dir)).has("README.md")).toBe(true);
    expect([...(await snapshot(dir)).keys()].filter((k) => k.includes(".mjoplan-"))).toEqual([]);
  });
});

describe("a batch staged step by step (use-case by use-case, as rendered)", () => {
  it("a failure at any call of any step, or an abort before the commit, undoes every step", async () => {
    const base = await baseline();
    const before = await snapshot(base);
    const changes = newChanges(await existingOf(base, newChanges(new Map()).map((c) => c.path)));
    const steps = [changes.slice(0, Math.floor(changes.length / 2)), changes.slice(Math.floor(changes.length / 2))];
    const counter = failingAt(Number.POSITIVE_INFINITY);
    const probe = await tempDir();
    await copyTree(base, probe);
    const staging = new Staging(probe, { io: counter.io });
    for (const step of steps) await staging.stage(step);
    await staging.commit();
    const total = counter.calls();
    for (const c of changes) expect(await readFile(path.join(probe, c.path), "utf8")).toBe(c.action === "keep" ? c.before : c.after);
    for (const n of [1, 2, 7, Math.floor(total / 2), total - 3, total - 1, total]) {
      const dir = await tempDir();
      await copyTree(base, dir);
      const failing = new Staging(dir, { io: failingAt(n).io });
      await expect(
        (async () => {
          for (const step of steps) await failing.stage(step);
          await failing.commit();
        })(),
      ).rejects.toThrow(`injected failure at call ${n}`);
      expect({ n, tree: await snapshot(dir) }).toEqual({ n, tree: before });
    }
    const dir = await tempDir();
    await copyTree(base, dir);
    const aborted = new Staging(dir);
    for (const step of steps) await aborted.stage(step);
    await aborted.abort();
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe("interrupting a real run", () => {
  it("Ctrl-C while a large batch is being written leaves the folder as it was, exit 130", async () => {
    const dest = await baseline();
    const before = await snapshot(dest);
    const answers = path.join(await tempDir(), "batch.json");
    const batch = Array.from({ length: 400 }, (_, i) => ({ name: `Use case ${i}`, valueObjects: ["RoomId:uuid", "Name:string(1..60)"], events: ["Happened:roomId,name"], scheduledCommand: "Later" }));
    await writeFile(answers, JSON.stringify(batch));
    const child = execa("node", [BIN, "plan", "--answers", answers, "--dest", dest, "--force"], { stdin: "ignore", reject: false });
    // Wait until the run has started writing (its staging creates folders), then interrupt it.
    const started = Date.now();
    const firstFolder = path.join(dest, "src/features/use-case-0");
    while (!(await access(firstFolder).then(() => true, () => false)) && Date.now() - started < 30000) await new Promise((r) => setTimeout(r, 1));
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain("interrupted; nothing was written");
    expect(await snapshot(dest)).toEqual(before);
  });
});
