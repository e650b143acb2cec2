/**
 * file-download without --audit: the pack records every signed URL in the audit trail, so the plan
 * is audited throughout; it never also says there is no audit trail, nor asks whether it needs one
 * (trial2 T7).
 */
import { describe, expect, it } from "@jest/globals";
import { cli, readTree, tempDir } from "./support/project.js";

describe("file-download without --audit", () => {
  it("plans an audit trail and nothing that says there is none", async () => {
    const dest = await tempDir();
    const run = await cli(["plan", "--name", "Export attendance", "--method", "POST", "--route", "/api/meetings/:meetingId/attendance-exports", "--resource", "Meeting", "--relation", "host", "--async", "--scheduled-command", "RunAttendanceExport", "--capability", "file-download", "--event", "AttendanceExported@RunAttendanceExport", "--dest", dest, "--date", "2026-01-01", "--format", "never"]);
    expect(run.exitCode).toBe(0);
    const plan = (await readTree(dest)).get("docs/features/api/ExportAttendance/ExportAttendance-plan.md")!;
    expect(plan).toContain("Every attempt, successful or not, is written to the audit trail");
    expect(plan).toContain("In the audit trail, the record of a download (a signed URL issued, or the file served) also names the file");
    expect(plan).not.toContain("No audit trail asked for");
    expect(plan).not.toContain("without an audit trail");
    expect(plan).not.toMatch(/need an audit trail/);
    expect(plan).toMatch(/Repudiation \| Use-case handler \| .* \| Audit trail of every attempt/);
    expect((await cli(["check", "--dest", dest])).exitCode).toBe(0);
  });
});
