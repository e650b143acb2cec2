/**
 * `mjoplan mcp`: the Model Context Protocol server over stdio, for coding
 * agents. Loaded only when this command runs, so the SDK costs other commands
 * nothing. While it serves, stdout carries protocol messages only.
 */
import path from "node:path";
import { serve } from "../mcp/server.js";
import { reserveStdout } from "../mcp/stdout-guard.js";
import { mcpTools } from "../mcp/tools.js";
import { PACKAGE_VERSION } from "../paths.js";
import { catchingSignals } from "../run/interrupts.js";
import { text, flag } from "../schema/fields.js";
import { InputError } from "../errors.js";
import { parseCommand } from "./command-options.js";
import type { Registry } from "../generator.js";
import type { Terminal } from "./terminal.js";

const mcpSchema = {
  dest: text({ flag: "dest", description: "Folder the tools' relative paths (their dest argument) start from", valueHint: "dir", fallback: ".", ask: false }),
  help: flag({ flag: "help", description: "Show the flags", ask: false }),
};

export async function mcpCommand(argv: readonly string[], term: Terminal, generators: Registry, signal?: AbortSignal): Promise<number> {
  const command = parseCommand(argv, mcpSchema, "mcp", "Serve coding agents over the Model Context Protocol on stdin/stdout. An MCP client (an editor's agent) starts it; see the README's Agents section.", term);
  if (!command) return 0;
  if (command.positionals.length) throw new InputError(JSON.stringify(command.positionals[0]), "unexpected argument (mcp takes only --dest)");
  const cwd = path.resolve(term.cwd, command.options.dest);
  const { protocol, release } = reserveStdout();
  try {
    // A server waits on its input: a signal closes it cleanly (each tool call's writes are rolled back by their own run).
    await catchingSignals(() => serve(mcpTools(generators, cwd), { name: "mjoplan", version: PACKAGE_VERSION, stdin: process.stdin, stdout: protocol, stderr: process.stderr, ...(signal ? { signal } : {}) }));
  } finally {
    release();
  }
  return 0;
}
