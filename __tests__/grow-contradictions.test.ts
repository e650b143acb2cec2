/**
 * The grow commands judge the answers a use-case grows into by `plan`'s own rules (F23, F24):
 * what `plan` refuses up front, `event` and `value-object` refuse too, with exit 2, one line
 * naming the flag, and nothing written.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

let dest: string;

beforeAll(async () => {
  dest = await tempDir();
  const plans = [
    ["--name", "List my meetings", "--method", "GET", "--route", "/api/me/meetings", "--auth", "authenticated", "--value-object", "PageSize?:int(1..100)", "--tests", "domain,integration"],
    ["--name", "Export recording", "--method", "POST", "--route", "/api/recordings/:recordingId/exports", "--auth", "authenticated", "--value-object", "RecordingId:uuid", "--async", "--scheduled-command", "RunRecordingExport", "--event", "RecordingExported:recordingId@RunRecordingExport", "--tests", "domain,integration"],
  ];
  for (const flags of plans) expect((await cli(["plan", ...flags, "--dest", dest, "--date", "2026-01-01"])).exitCode).toBe(0);
}, 60_000);

describe.each([
  ["an event on a GET", ["event", "--use-case", "List my meetings", "--event", "MeetingsListed:count"], /^mjoplan: --event: MeetingsListed: --method GET only reads and emits no events/],
  ["an event of a command the use-case does not have", ["event", "--use-case", "Export recording", "--event", "Foo:x@NoSuchCommand"], /^mjoplan: --event: Foo@NoSuchCommand: no scheduled command NoSuchCommand emits it \(--scheduled-command RunRecordingExport\)/],
  ["a path input the route does not name", ["value-object", "--use-case", "Export recording", "--value-object", "Y:string@path"], /^mjoplan: --value-object: Y@path: the route \/api\/recordings\/:recordingId\/exports names no :y/],
])("growing by %s", (_what, args, message) => {
  it("is refused as plan refuses it: exit 2, one line, nothing written", async () => {
    const before = await readTree(dest);
    const run = await cli([...args, "--dest", dest]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(String(run.stderr).trim().split("\n")).toHaveLength(1);
    expect(await readTree(dest)).toEqual(before);
  });
});

describe("answers plan accepts", () => {
  it("grow as before: an event of the use-case's own command", async () => {
    const run = await cli(["event", "--use-case", "Export recording", "--event", "RecordingExportFailed:recordingId@RunRecordingExport", "--dest", dest]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect((await readTree(dest)).has(path.posix.join("src/features/export-recording/domain/recording-export-failed.event.ts"))).toBe(true);
  });
});
