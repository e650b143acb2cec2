/** The MCP server's pure parts: gap markers, schemas as JSON Schema, and the stdout guard. */
import { describe, expect, it } from "@jest/globals";
import { gapMarkers, hintAfter } from "../lib/check/gap-markers.js";
import { readPlan } from "../lib/check/plan-facts.js";
import { fieldJsonSchema, objectJsonSchema } from "../lib/mcp/json-schema.js";
import { reserveStdout } from "../lib/mcp/stdout-guard.js";
import { choice, flag, list, multi, text } from "../lib/schema/fields.js";

describe("gap markers", () => {
  const plan = [
    "---",
    'status: "draft"',
    "---",
    "## 1. Feature definition",
    "",
    "TODO(plan): list what this use-case deliberately does not do.",
    "### Requirements",
    "| FR-1 | it works (TODO(plan): say in one line what it does) | DOM-1 |",
    "| role | TODO(plan): name the roles | x |",
    "## 5. Test plan",
    "```ts",
    "## not a heading inside code",
    "// TODO(plan): counted like check counts it",
    "```",
    "Roles (a, b): TODO(plan): confirm (with the owner) the roles",
  ].join("\n");

  it("finds each with its line, column, section and hint", () => {
    const found = gapMarkers(plan);
    expect(found.map(({ line, column, section, subsection, hint }) => ({ line, column, section, subsection, hint }))).toEqual([
      { line: 6, column: 1, section: "1. Feature definition", subsection: undefined, hint: "list what this use-case deliberately does not do." },
      { line: 8, column: 20, section: "1. Feature definition", subsection: "Requirements", hint: "say in one line what it does" },
      { line: 9, column: 10, section: "1. Feature definition", subsection: "Requirements", hint: "name the roles" },
      { line: 13, column: 4, section: "5. Test plan", subsection: undefined, hint: "counted like check counts it" },
      { line: 15, column: 15, section: "5. Test plan", subsection: undefined, hint: "confirm (with the owner) the roles" },
    ]);
  });

  it("counts exactly what check counts", () => {
    expect(gapMarkers(plan)).toHaveLength(readPlan(plan).placeholders);
  });

  it("ends a hint at an escaped pipe only when unescaped", () => {
    const line = "| x | TODO(plan): pick a \\| b | y |";
    expect(hintAfter(line, line.indexOf("TODO"))).toBe("pick a \\| b");
  });
});

describe("field schemas as JSON Schema", () => {
  it("maps every kind, with defaults and choices from the field", () => {
    expect(fieldJsonSchema(text({ flag: "owner", description: "Who owns it", fallback: "unassigned" }))).toEqual({ type: "string", description: "Who owns it. (CLI: --owner)", default: "unassigned" });
    expect(fieldJsonSchema(text({ flag: "route", description: "HTTP route", valueHint: "/api/..." }))).toEqual({ type: "string", description: "HTTP route. Form: /api/.... (CLI: --route)" });
    expect(fieldJsonSchema(choice({ flag: "auth", description: "Who", choices: ["a", "b"], fallback: "b" }))).toMatchObject({ type: "string", enum: ["a", "b"], default: "b" });
    expect(fieldJsonSchema(multi({ flag: "tests", description: "Kinds", choices: ["x", "y"], fallback: ["x", "y"] }))).toMatchObject({ type: "array", items: { type: "string", enum: ["x", "y"] }, default: ["x", "y"], minItems: 1 });
    expect(fieldJsonSchema(list({ flag: "event", description: "An event", valueHint: "Name[:field]", parseItem: String }))).toMatchObject({ type: "array", items: { type: "string", description: "Name[:field]" } });
    expect(fieldJsonSchema(flag({ flag: "audit", description: "Audited" }))).toEqual({ type: "boolean", description: "Audited. (CLI: --audit)", default: false });
  });

  it("makes one object of several schemas, required where the field is, nothing else allowed", () => {
    const schema = objectJsonSchema({ name: text({ flag: "name", description: "Name", required: true }) }, { dest: text({ flag: "dest", description: "Where", fallback: "." }) });
    expect(Object.keys(schema.properties!)).toEqual(["name", "dest"]);
    expect(schema.required).toEqual(["name"]);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe("the stdout guard", () => {
  it("sends stray writes to stderr and protocol writes to stdout, until released", async () => {
    const written = { out: "", err: "" };
    const stdout = { write: ((s: string, _e?: unknown, cb?: () => void) => ((written.out += s), cb?.(), true)) as NodeJS.WriteStream["write"] };
    const stderr = { write: ((s: string) => ((written.err += s), true)) as NodeJS.WriteStream["write"] };
    const { protocol, release } = reserveStdout(stdout, stderr);
    stdout.write("stray line\n");
    await new Promise<void>((resolve) => protocol.write('{"jsonrpc":"2.0"}\n', () => resolve()));
    expect(written).toEqual({ out: '{"jsonrpc":"2.0"}\n', err: "stray line\n" });
    release();
    stdout.write("after\n");
    expect(written.out).toBe('{"jsonrpc":"2.0"}\nafter\n');
  });
});
