/**
 * Keeps a use-case's handler contract, and the tests that call it, in step when the use-case
 * grows: a value object becomes an input of the request and of the parsed input (and of the tests'
 * valid request); an event the request emits needs the outbox port (the job's, for an event its
 * scheduled command emits). Each edit adds lines to the declarations the plan wrote and leaves
 * every other line as it is, an implementation too. A contract whose declaration is no longer
 * there (rewritten by hand) is left alone: its type-check then names what to add.
 */
import path from "node:path";
import { tsComment } from "../../lib/render/escape.js";
import { closeOf } from "../../lib/render/node-test.js";
import { importPath } from "../plan/layout.js";
import type { EventModel, ValueObjectModel } from "../plan/model.js";
import { namesOf, type Names } from "../plan/names.js";

export interface Edited {
  content: string;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Inserts `lines` before the closing brace of `export interface <name> {`; undefined when there is no such block. */
function intoInterface(code: string, name: string, lines: string[]): string | undefined {
  const open = new RegExp(`^export interface ${escapeRe(name)} \\{\\n`, "m").exec(code);
  if (!open) return undefined;
  const close = code.indexOf("\n}", open.index);
  if (close < 0) return undefined;
  return `${code.slice(0, close)}\n${lines.join("\n")}${code.slice(close)}`;
}

/** Adds an import line after the last one, unless it is there. */
function withImportLine(code: string, line: string): string {
  if (code.includes(line)) return code;
  const last = [...code.matchAll(/^import .*;$/gm)].pop();
  const at = last ? last.index + last[0].length : 0;
  return `${code.slice(0, at)}${at ? "\n" : ""}${line}${at ? "" : "\n"}${code.slice(at)}`;
}

/** Adds a type to the contract's `import type { ... } from "<ports>"` line. */
function withPortType(code: string, type: string): string {
  return code.replace(/^import type \{ ([^}]*) \} from ("[^"]*ports[^"]*");$/m, (line, names: string, from: string) => {
    const all = new Set(names.split(",").map((n) => n.trim()).filter(Boolean));
    if (all.has(type)) return line;
    all.add(type);
    return `import type { ${[...all].sort().join(", ")} } from ${from};`;
  });
}

/** The request's field for a value object, as the handler template writes it. */
function inputLines(vo: ValueObjectModel): { request: string[]; input: string[] } {
  const text = vo.text !== undefined;
  return {
    request: [
      `  /** From the ${vo.location}${text ? " as text" : ""}, ${vo.required ? "required" : "optional"}: parsed by ${vo.names.pascal}${text ? ".fromText" : ".create"} (${tsComment(vo.ruleText)}). */`,
      `  readonly ${vo.names.camel}${vo.required ? "" : "?"}: ${text ? "string" : "unknown"};`,
    ],
    input: [`  readonly ${vo.names.camel}: ${vo.names.pascal}${vo.required ? "" : " | undefined"};`],
  };
}

/** The contract with a value object added as an input of the request. */
export function contractWithInput(code: string, useCase: Names, handlerPath: string, vo: ValueObjectModel, ext: ".js" | ""): Edited {
  const request = `${useCase.pascal}Request`;
  const input = `${useCase.pascal}Input`;
  const lines = inputLines(vo);
  const imported = withImportLine(code, `import type { ${vo.names.pascal} } from ${JSON.stringify(importPath(path.posix.dirname(handlerPath), vo.file.path, ext))};`);
  // A use-case without inputs declares the request as an empty record: it becomes the two interfaces.
  const empty = new RegExp(`^/\\*\\* The use-case takes no inputs beyond who calls it\\. \\*/\\nexport type ${request} = Readonly<Record<string, never>>;$`, "m");
  if (empty.test(imported)) {
    return {
      content: imported.replace(
        empty,
        () =>
          `/** The inputs as the client sent them; each is parsed by its value object. */\nexport interface ${request} {\n${lines.request.join("\n")}\n}\n\n/** The inputs once every value object accepted them. */\nexport interface ${input} {\n${lines.input.join("\n")}\n}`,
      ),
    };
  }
  const withRequest = intoInterface(imported, request, lines.request);
  const withBoth = withRequest && intoInterface(withRequest, input, lines.input);
  if (!withBoth) return { content: code };
  return { content: withBoth };
}

/** A test file whose valid request gets the new input's valid example; unchanged when it has none. */
export function testsWithInput(code: string, useCase: Names, vo: ValueObjectModel, valid: string | undefined): string {
  if (valid === undefined) return code;
  // The object the valid request returns, on one line or laid out by the repository's formatter.
  const head = new RegExp(`const validRequest = \\(\\): ${escapeRe(useCase.pascal)}Request => \\(\\{`).exec(code);
  if (!head) return code;
  const open = head.index + head[0].length - 1;
  const close = closeOf(code, open) - 1;
  const inner = code.slice(open + 1, close);
  const field = `${vo.names.camel}: ${valid}`;
  if (!inner.includes("\n")) {
    const kept = inner.trim().replace(/,$/, "");
    return `${code.slice(0, open + 1)} ${kept ? `${kept}, ` : ""}${field} ${code.slice(close)}`;
  }
  // One field a line: the new one after the last, indented alike, the last given its comma.
  const lines = inner.replace(/\s+$/, "").split("\n");
  const last = lines[lines.length - 1]!;
  const indent = /^\s*/.exec(last)![0];
  lines[lines.length - 1] = last.endsWith(",") ? last : `${last},`;
  const closing = /\n[ \t]*$/.exec(inner)?.[0] ?? "\n";
  return `${code.slice(0, open + 1)}${lines.join("\n")}\n${indent}${field},${closing}${code.slice(close)}`;
}

/** The contract with the outbox among the ports of whoever emits the event (the request, or the command's job). */
export function contractWithEvent(code: string, useCase: Names, ev: EventModel): Edited {
  const deps = ev.emitter ? `${namesOf(ev.emitter).pascal}JobDeps` : `${useCase.pascal}Deps`;
  const block = new RegExp(`^export interface ${escapeRe(deps)} \\{\\n([\\s\\S]*?)\\n\\}`, "m").exec(code);
  if (!block) return { content: code };
  if (/^\s*readonly outbox: Outbox;$/m.test(block[1]!)) return { content: code };
  // Where the handler template puts it: after the id source, before the scheduler, audit log and telemetry.
  const fields = block[1]!.split("\n");
  const before = fields.findIndex((f) => /^\s*readonly (scheduler|audit|telemetry):/.test(f));
  fields.splice(before < 0 ? fields.length : before, 0, "  readonly outbox: Outbox;");
  const content = `${code.slice(0, block.index)}export interface ${deps} {\n${fields.join("\n")}\n}${code.slice(block.index + block[0].length)}`;
  return { content: withPortType(content, "Outbox") };
}
