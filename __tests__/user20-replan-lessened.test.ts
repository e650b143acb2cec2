/**
 * USER20 U1: a use-case planned already, planned again with answers that leave out what its plan keeps, was re-planned
 * without a word: an agent's second `plan` call (a new session, "/plan-use-case Request password reset" with what it
 * guessed) took the secret link, the message and the enumeration defence out of the plan, the handler and the tests,
 * while the prompt file `init --agents` writes promised "plan reports a conflict". The run now says what goes, on the
 * command line and in the MCP tool's `warnings`; the same answers again, or more, say nothing.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { BIN, cli, tempDir } from "./support/project.js";

const PLAN = "docs/features/api/RequestPasswordReset/RequestPasswordReset-plan.md";
const FULL = ["--name", "Request password reset", "--auth", "anonymous", "--value-object", "Email:email", "--enumeration-sensitive", "--capability", "secret-link", "--capability", "sends-message", "--audit"];
const FEWER = ["--name", "Request password reset", "--auth", "anonymous", "--value-object", "Email:email"];
const plan = async (dest: string, flags: string[]) => {
  const r = await cli(["plan", "--dest", dest, "--date", "2026-01-01", "--format", "never", ...flags]);
  return { exitCode: r.exitCode, stderr: String(r.stderr) };
};

describe("planning a use-case again from answers that leave out what its plan keeps", () => {
  it("says in one warning line what leaves the plan; the same answers again say nothing", async () => {
    const dest = await tempDir("mjoplan-u20-");
    expect(await plan(dest, FULL)).toEqual({ exitCode: 0, stderr: "" });
    const again = await plan(dest, FEWER);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toBe(
      `mjoplan: warning: ${PLAN}: planned again from answers that leave out what the plan was made with: capabilities secret-link, sends-message; enumeration account; the audit trail; what they brought (requirements, threats, tests) leaves the plan: give them again to keep it`,
    );
    // What it says is what happened: the plan no longer has the secret link.
    expect(await readFile(path.join(dest, PLAN), "utf8")).not.toContain("secret-link");
    expect(await plan(dest, FEWER)).toEqual({ exitCode: 0, stderr: "" });
    // Adding answers (the README's way to change a plan) says nothing either.
    expect(await plan(dest, [...FEWER, "--audit", "--rate-limit", "5/15m"])).toEqual({ exitCode: 0, stderr: "" });
  });

  it("a use-case planned for the first time gets no such line", async () => {
    const dest = await tempDir("mjoplan-u20-");
    expect((await plan(dest, FEWER)).stderr).toBe("");
  });
});

describe("through the MCP server, as an agent's second session calls plan", () => {
  let client: Client;
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempDir("mjoplan-u20-mcp-");
    client = new Client({ name: "user20", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp"], cwd, stderr: "pipe" }));
  });
  afterAll(async () => {
    await client?.close();
  });

  it("returns the line in warnings, in a result that is no error", async () => {
    const base = { name: "Request password reset", auth: "anonymous", valueObjects: ["Email:email"], date: "2026-01-01", format: "never" };
    const first = (await client.callTool({ name: "plan", arguments: { ...base, enumerationSensitive: true, capabilities: ["secret-link", "sends-message"] } })) as { isError?: boolean; structuredContent?: { warnings?: string[] } };
    expect(first.isError).toBeFalsy();
    expect(first.structuredContent?.warnings).toBeUndefined();
    const second = (await client.callTool({ name: "plan", arguments: { ...base, dryRun: true } })) as { isError?: boolean; structuredContent?: { warnings?: string[] } };
    expect(second.isError).toBeFalsy();
    expect(second.structuredContent?.warnings).toEqual([
      `${PLAN}: planned again from answers that leave out what the plan was made with: capabilities secret-link, sends-message; enumeration account; what they brought (requirements, threats, tests) leaves the plan: give them again to keep it`,
    ]);
  });
});
