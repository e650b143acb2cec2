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

/** The `export interface <name> { ... }` block: where its body starts and where its closing brace is; undefined when there is none. */
function interfaceBlock(code: string, name: string): { head: number; open: number; close: number } | undefined {
  // However the repository's formatter lays it out: found by its name, closed by bracket matching (strings and comments skipped).
  const head = new RegExp(`^export interface ${escapeRe(name)}\\s*\\{`, "m").exec(code);
  if (!head) return undefined;
  const open = head.index + head[0].length - 1;
  return { head: head.index, open, close: closeOf(code, open) - 1 };
}

/** Whether an interface body declares a member `name`, with or without `readonly`, `?` or a `;` after it. */
function declares(body: string, name: string): boolean {
  const bare = body.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  return new RegExp(`(^|[;{,\\s])(readonly\\s+)?${escapeRe(name)}\\??\\s*:`).test(bare);
}

/** The statement end the file uses: none where its formatter leaves semicolons out. */
function semicolonOf(code: string): ";" | "" {
  return /^import[^\n]*["'];$/m.test(code) || /;\n/.test(code) ? ";" : "";
}

/** Inserts `lines` before the closing brace of `export interface <name> {`; undefined when there is no such block. */
function intoInterface(code: string, name: string, lines: string[]): string | undefined {
  const block = interfaceBlock(code, name);
  if (!block) return undefined;
  const close = code.lastIndexOf("\n", block.close);
  if (close < block.open) return undefined;
  const semi = semicolonOf(code);
  return `${code.slice(0, close)}\n${lines.map((l) => (semi ? l : l.replace(/;$/, ""))).join("\n")}${code.slice(close)}`;
}

/** Adds an import line after the last import statement (one line or laid out over several), unless one already imports `name` from `from`. */
function withImportLine(code: string, name: string, from: string): string {
  const imports = [...code.matchAll(/^import\b[^;]*?\bfrom\s*(["'])([^"'\n]*)\1;?/gm)];
  if (imports.some((m) => m[2] === from && new RegExp(`\\b${escapeRe(name)}\\b`).test(m[0]))) return code;
  const last = imports.pop();
  const quote = last?.[1] ?? '"';
  const line = `import type { ${name} } from ${quote}${from}${quote}${last ? semicolonOf(code) : ";"}`;
  const at = last ? last.index + last[0].length : 0;
  return `${code.slice(0, at)}${at ? "\n" : ""}${line}${at ? "" : "\n"}${code.slice(at)}`;
}

/** Adds a type to the contract's `import type { ... } from "<ports>"` statement (on one line or several, either quote). */
function withPortType(code: string, type: string): string {
  return code.replace(/^import type \{([^}]*)\} from (["'][^"'\n]*ports[^"'\n]*["'])(;?)/m, (statement, names: string, from: string, semi: string) => {
    const all = new Set(names.split(",").map((n) => n.trim()).filter(Boolean));
    if (all.has(type)) return statement;
    all.add(type);
    return `import type { ${[...all].sort().join(", ")} } from ${from}${semi}`;
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
  const imported = withImportLine(code, vo.names.pascal, importPath(path.posix.dirname(handlerPath), vo.file.path, ext));
  // A use-case without inputs declares the request as an empty record: it becomes the two interfaces.
  const empty = new RegExp(`^/\\*\\* The use-case takes no inputs beyond who calls it\\. \\*/\\nexport type ${request} = Readonly<Record<string, never>>;?$`, "m");
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
  const block = interfaceBlock(code, deps);
  if (!block) return { content: code };
  const body = code.slice(block.open + 1, block.close);
  // The port may be there already, written by the plan or a formatter (with or without `;`): never a second one.
  if (declares(body, "outbox")) return { content: code };
  // Where the handler template puts it: after the id source, before the scheduler, audit log and telemetry.
  const fields = body.replace(/^\n/, "").replace(/\n$/, "").split("\n");
  const before = fields.findIndex((f) => /^\s*readonly (scheduler|audit|telemetry)\??\s*:/.test(f));
  const indent = /^\s*/.exec(fields.find((f) => f.trim()) ?? "  ")![0] || "  ";
  fields.splice(before < 0 ? fields.length : before, 0, `${indent}readonly outbox: Outbox${semicolonOf(code)}`);
  const content = `${code.slice(0, block.open + 1)}\n${fields.filter((f, i) => f.trim() || i > 0).join("\n")}\n${code.slice(block.close)}`;
  return { content: withPortType(content, "Outbox") };
}
