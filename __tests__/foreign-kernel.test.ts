/** A run that keeps a team's own ValueObject (not mjoplan's) says so in one warning line (trial2 T19). */
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, repoWith, tempDir } from "./support/project.js";
import { foreignKernelWarning } from "../lib/own-kernel.js";

const THEIRS = "export abstract class ValueObject<P extends object> {\n  protected constructor(protected readonly props: P) {}\n}\n";

describe("a team's own src/shared/domain/value-object.ts", () => {
  it("is kept, with a warning naming it and where the README says what to do", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ type: "module" }), "src/shared/domain/value-object.ts": THEIRS });
    const run = await cli(["plan", "--name", "Kernel clash", "--value-object", "Title:string", "--dest", dir, "--format", "never"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr).trim()).toMatch(/^mjoplan: warning: src\/shared\/domain\/value-object\.ts is kept and is not mjoplan's ValueObject: .*"The shared kernel and a team's own base classes".*kernelImport/);
  });

  it("says nothing when the kept one is mjoplan's own, edited", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ type: "module" }) });
    expect((await cli(["plan", "--name", "First", "--value-object", "Title:string", "--dest", dir, "--format", "never"])).exitCode).toBe(0);
    await appendFile(path.join(dir, "src/shared/domain/value-object.ts"), "// edited by the team\n");
    const second = await cli(["plan", "--name", "Second", "--value-object", "Title:string", "--dest", dir, "--format", "never"]);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toMatch(/value-object\.ts\s+keep/);
    expect(second.stderr).toBe("");
  });

  it("elsewhere (src/shared/kernel/, as init finds it): the run that writes mjoplan's kernel beside it says so once (TRIAL3 U9)", async () => {
    const dir = await repoWith({ "package.json": JSON.stringify({ type: "module" }), "src/shared/kernel/value-object.ts": THEIRS, "src/shared/kernel/index.ts": 'export * from "./value-object.js";\n' });
    const run = await cli(["plan", "--name", "Place order", "--value-object", "Quantity:int(1..99)", "--dest", dir, "--format", "never"]);
    expect(run.exitCode).toBe(0);
    expect(String(run.stderr).trim().split("\n")).toEqual([
      `mjoplan: warning: src/shared/domain/value-object.ts is mjoplan's kernel, written beside the repository's own ValueObject (src/shared/kernel/value-object.ts); to build on yours instead, see "The shared kernel and a team's own base classes" in the README (kernelImport, or eject the templates)`,
    ]);
    // Said once: the next use-case keeps the kernel written then.
    const second = await cli(["plan", "--name", "Cancel order", "--route", "/api/cancel-order", "--value-object", "OrderId:uuid", "--dest", dir, "--format", "never"]);
    expect(second.exitCode).toBe(0);
    expect(second.stderr).toBe("");
  });

  it("is judged from the text the run read, not read again after the run", async () => {
    // The run's report holds the kept file as the run read it: the warning needs no file (here there is none).
    const empty = await tempDir();
    const kept = [{ path: "src/shared/domain/value-object.ts", action: "keep", before: THEIRS }];
    expect(foreignKernelWarning(empty, kept)).toMatch(/^src\/shared\/domain\/value-object\.ts is kept and is not mjoplan's ValueObject/);
    // A batch's report keeps no text: then the file is read.
    expect(foreignKernelWarning(empty, [{ path: kept[0]!.path, action: "keep" }])).toBeUndefined();
  });
});
