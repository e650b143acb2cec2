/**
 * The job function of an async use-case is `run` + its scheduled command, except for a command named for
 * running already: RunRecordingExport's job is runRecordingExport, not runRunRecordingExport (TRIAL3 U8,
 * in the README's own example).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cli, tempDir } from "./support/project.js";

async function handlerOf(command: string): Promise<string> {
  const dest = await tempDir();
  const run = await cli(["plan", "--name", "Export catalog", "--method", "POST", "--route", "/api/catalog/exports", "--async", "--scheduled-command", command, "--dest", dest, "--date", "2026-01-01", "--format", "never"]);
  expect(String(run.stderr)).toBe("");
  expect(run.exitCode).toBe(0);
  return readFile(path.join(dest, "src/features/export-catalog/export-catalog.handler.ts"), "utf8");
}

describe("the job function's name", () => {
  it.each([
    ["RunCatalogExport", "runCatalogExport"],
    ["ExportCatalog", "runExportCatalog"],
    ["RunnerCleanup", "runRunnerCleanup"],
  ])("%s -> %s", async (command, fn) => {
    const handler = await handlerOf(command);
    expect(handler).toContain(`export async function ${fn}(`);
    expect(handler).not.toMatch(/\brunRun[A-Z]/);
  });
});
