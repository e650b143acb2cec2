/**
 * Growing a use-case in a repository whose Prettier leaves semicolons out and uses single
 * quotes (standard style): the grow commands find the handler contract's ports and the
 * integration test file's describe block whatever the formatting, so the code still compiles
 * and every test the plan lists is in a file.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { cells } from "../lib/check/plan-facts.js";
import { asProject, checkJson, cli, tempDir, typecheck } from "./support/project.js";

const HANDLER = "src/features/export-recording/export-recording.handler.ts";
const INTEGRATION = "src/features/export-recording/__tests__/export-recording.integration.test.ts";

/** The lines of `export interface <name> { ... }` declaring `member`. */
function members(code: string, name: string, member: string): string[] {
  const start = code.indexOf(`export interface ${name} {`);
  const body = code.slice(start, code.indexOf("\n}", start));
  return body.split("\n").filter((l) => new RegExp(`^\\s*readonly ${member}\\b`).test(l));
}

describe("event in a repository formatted with semi: false and single quotes", () => {
  let dest: string;
  beforeAll(async () => {
    dest = await tempDir();
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "team", type: "module", devDependencies: { prettier: "^3.0.0" } }));
    await writeFile(path.join(dest, ".prettierrc"), JSON.stringify({ singleQuote: true, semi: false, printWidth: 100 }));
    const plan = await cli([
      "plan", "--name", "Export recording", "--method", "POST", "--route", "/api/recordings/:recordingId/exports", "--auth", "authenticated",
      "--value-object", "RecordingId:uuid", "--async", "--scheduled-command", "RunRecordingExport",
      "--event", "RecordingExported:recordingId@RunRecordingExport", "--tests", "domain,integration", "--dest", dest, "--date", "2026-01-01",
    ]);
    expect(plan.exitCode).toBe(0);
    const handler = await readFile(path.join(dest, HANDLER), "utf8");
    // The premise: the formatter really left the semicolons out.
    expect(handler).toMatch(/^ {2}readonly outbox: Outbox$/m);
    const grow = await cli(["event", "--use-case", "Export recording", "--event", "RecordingExportFailed:recordingId@RunRecordingExport", "--dest", dest]);
    expect(grow.stderr).toBe("");
    expect(grow.exitCode).toBe(0);
  }, 60_000);

  it("keeps one outbox in the job's ports (F10: no duplicate identifier)", async () => {
    const handler = await readFile(path.join(dest, HANDLER), "utf8");
    expect(members(handler, "RunRecordingExportJobDeps", "outbox")).toHaveLength(1);
  });

  it("adds the integration test the plan lists to the formatted test file (F9); check passes", async () => {
    const integration = await readFile(path.join(dest, INTEGRATION), "utf8");
    const plan = await readFile(path.join(dest, "docs/features/api/ExportRecording/ExportRecording-plan.md"), "utf8");
    const listed = plan.split("\n").filter((l) => l.startsWith("|")).map(cells).filter((c) => /^INT-\d+$/.test(c[0] ?? "") && c[1] === "integration");
    // The grown event brought an integration test, and every one the plan lists is in the file.
    expect(listed.some((c) => /RecordingExportFailed/.test(c[2] ?? ""))).toBe(true);
    for (const [id] of listed) expect(integration).toMatch(new RegExp(`['"\`]${id} `));
    expect((await checkJson(dest)).code).toBe(0);
  });

  it("the grown code type-checks under the strictest flags", async () => {
    await asProject(dest, "module");
    const tsc = await typecheck(dest);
    expect(tsc.stdout).toBe("");
    expect(tsc.exitCode).toBe(0);
  }, 60_000);
});

describe("a request's event in a semicolon-free contract without an outbox yet", () => {
  it("adds the port once, imported in the file's own style, and compiles", async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "team", type: "module", devDependencies: { prettier: "^3.0.0" } }));
    await writeFile(path.join(dest, ".prettierrc"), JSON.stringify({ singleQuote: true, semi: false }));
    expect((await cli(["plan", "--name", "Rename room", "--method", "PATCH", "--route", "/api/rooms/:roomId", "--resource", "Room", "--value-object", "RoomId:uuid", "--tests", "domain,integration", "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
    const handlerPath = path.join(dest, "src/features/rename-room/rename-room.handler.ts");
    expect(members(await readFile(handlerPath, "utf8"), "RenameRoomDeps", "outbox")).toHaveLength(0);
    expect((await cli(["event", "--use-case", "Rename room", "--event", "RoomRenamed:roomId", "--dest", dest])).exitCode).toBe(0);
    expect((await cli(["event", "--use-case", "Rename room", "--event", "RoomClosed:roomId", "--dest", dest])).exitCode).toBe(0);
    expect((await cli(["value-object", "--use-case", "Rename room", "--value-object", "RoomName:string(1..60)", "--dest", dest])).exitCode).toBe(0);
    const handler = await readFile(handlerPath, "utf8");
    expect(members(handler, "RenameRoomDeps", "outbox")).toEqual(["  readonly outbox: Outbox"]);
    expect(handler.match(/import type \{ RoomName \}/g)).toHaveLength(1);
    expect((await checkJson(dest)).code).toBe(0);
    await asProject(dest, "module");
    const tsc = await typecheck(dest);
    expect(tsc.stdout).toBe("");
  }, 90_000);
});
