/**
 * The Model Context Protocol server over stdio, on the official SDK. It serves
 * the tools of tools.ts; a failing call becomes a tool error with the CLI's
 * one-line message, and never ends the server. Only the `mcp` command loads
 * this module (and the SDK with it).
 *
 * The SDK's low-level Server is used rather than McpServer: McpServer wants
 * zod shapes, while these tools' input schemas are JSON Schema derived from
 * the generators' own field schemas, which must stay the one source.
 */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Readable, Writable } from "node:stream";
import { GenerationError, InputError } from "../errors.js";
import { Interrupted } from "../write/commit.js";
import { ToolFailure, type Tool } from "./tools.js";

export const INSTRUCTIONS = [
  "mjoplan writes the deterministic part of a feature plan; you fill only what needs judgement.",
  "The loop: call plan for the use-case (dryRun first if you like); call open_items for its plan; fill each TODO(plan) marker by editing the plan file, using this repository's code;",
  "a use-case planned already (the dry run lists its plan file as overwrite or unchanged, not create) is planned again from the arguments, losing what they leave out: do not call plan again unless asked to change its answers;",
  "call check until it reports no placeholders and no inconsistencies; then stop and ask a person to review.",
  "Do not implement the use-case: the plan's status is draft until a person sets it to approved.",
].join(" ");

/** What a failed call says: the CLI's one line for the errors it knows; a stack only in the log. */
export function errorMessage(error: unknown, log: { write(s: string): unknown }): string {
  if (error instanceof InputError || error instanceof GenerationError || error instanceof Interrupted || error instanceof ToolFailure) return error.message;
  log.write(`mjoplan mcp: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

export interface ServeOptions {
  name: string;
  version: string;
  stdin: Readable;
  /** The protocol's stream: nothing else may write to it. */
  stdout: Writable;
  /** The log (clients show it in their output panel). */
  stderr: { write(s: string): unknown };
  signal?: AbortSignal;
}

/** Serves until stdin ends or the signal aborts. */
export async function serve(tools: readonly Tool[], options: ServeOptions): Promise<void> {
  const byName = new Map(tools.map((t) => [t.name, t]));
  const inFlight = new Set<Promise<CallToolResult>>();
  const server = new Server({ name: options.name, version: options.version }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map(({ name, title, description, inputSchema, outputSchema, annotations }) => ({ name, title, description, inputSchema, outputSchema, annotations: { ...annotations, title } })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    // An unknown tool is a protocol error (the client asked for something that is not there), not a failed run.
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `unknown tool ${JSON.stringify(request.params.name)} (expected one of ${[...byName.keys()].join(", ")})`);
    const call = (async (): Promise<CallToolResult> => {
      try {
        const data = await tool.call(request.params.arguments ?? {}, extra.signal);
        return { content: [{ type: "text", text: JSON.stringify(data, null, 2) }], structuredContent: data };
      } catch (error) {
        // A conflict also comes as data (the files), so an agent can act on it without parsing the sentence.
        return { content: [{ type: "text", text: errorMessage(error, options.stderr) }], ...(error instanceof ToolFailure ? { structuredContent: error.structured } : {}), isError: true };
      }
    })();
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
    return call;
  });
  server.onerror = (error) => options.stderr.write(`mjoplan mcp: ${error.message}\n`);

  const closed = new Promise<void>((resolve) => (server.onclose = resolve));
  const close = (): void => void server.close();
  // The transport does not watch for the end of stdin; without this the bin would wait forever on a gone
  // client. Calls already made are answered first (a client may write its requests and close stdin).
  const drainThenClose = async (): Promise<void> => {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
    await new Promise((resolve) => setImmediate(resolve));
    close();
  };
  const onEnd = (): void => void drainThenClose();
  options.stdin.once("end", onEnd);
  options.signal?.addEventListener("abort", close, { once: true });
  await server.connect(new StdioServerTransport(options.stdin, options.stdout));
  await closed;
  options.stdin.off("end", onEnd);
  options.signal?.removeEventListener("abort", close);
}
