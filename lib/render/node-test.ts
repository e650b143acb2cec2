/**
 * Test code as templates write it (jest's `expect`, `it.each`), rewritten for
 * node's own runner, which has neither: `expect(a).toBe(b)` becomes
 * `assert.equal(a, b)` (node:assert's strict mode), and
 * `it.each(table)(title, (x) => ...)` a loop of `it` over the table with the
 * title's `%p`/`%s` filled in. One pure `string -> string` step after
 * rendering, so every template (a team's ejected copy too) is written once, for
 * all three runners. A matcher with no node:assert form is refused by name.
 */

/** Index just past the bracket that closes the one at `open`, skipping strings, template literals and comments. */
export function closeOf(code: string, open: number): number {
  const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<": ">" };
  const stack = [pairs[code[open]!]!];
  for (let i = open + 1; i < code.length; i++) {
    const c = code[i]!;
    if (c === "\\") {
      i++; // outside strings only a regular expression escapes: its `\/` neither ends it nor starts a comment
    } else if (c === '"' || c === "'") {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === "\\") i++;
    } else if (c === "`") {
      for (i++; i < code.length && code[i] !== "`"; i++) {
        if (code[i] === "\\") i++;
        else if (code[i] === "$" && code[i + 1] === "{") i = closeOf(code, i + 1) - 1;
      }
    } else if (c === "/" && code[i + 1] === "/") {
      while (i < code.length && code[i] !== "\n") i++;
    } else if (c === "/" && code[i + 1] === "*") {
      i = code.indexOf("*/", i + 2) + 1;
      if (i === 0) break;
    } else if (c === "=" && code[i + 1] === ">" && stack[stack.length - 1] === ">") {
      i++; // an arrow inside a generic is not its end
    } else if (c in pairs && (c !== "<" || stack[stack.length - 1] === ">")) {
      stack.push(pairs[c]!);
    } else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced ${code[open]} at offset ${open}`);
}

/** Top-level comma-separated parts of an argument list (without its brackets). */
function splitArgs(list: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c === "\\") i++; // an escaped character of a regular expression: not a bracket or a quote
    else if ("([{\"'`".includes(c)) {
      const end = c === '"' || c === "'" || c === "`" ? closeString(list, i) : closeOf(list, i);
      i = end - 1;
    } else if (c === ",") {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = list.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

function closeString(code: string, open: number): number {
  const q = code[open]!;
  let i = open + 1;
  for (; i < code.length && code[i] !== q; i++) {
    if (code[i] === "\\") i++;
    else if (q === "`" && code[i] === "$" && code[i + 1] === "{") i = closeOf(code, i + 1) - 1;
  }
  return i + 1;
}

const wrap = (expr: string): string => (/^[\w.$]+$/.test(expr) ? expr : `(${expr})`);

/** `expect(actual)[.not].matcher(args)` as the node:assert statement that checks the same. */
function assertOf(actual: string, not: boolean, matcher: string, args: string[]): string {
  const [b] = args;
  const one = (form: string): string => {
    if (b === undefined) throw new Error(`expect(...).${matcher}() needs a value`);
    return form;
  };
  const forms: Record<string, () => string> = {
    toBe: () => one(`assert.${not ? "notEqual" : "equal"}(${actual}, ${b})`),
    toEqual: () => one(`assert.${not ? "notDeepEqual" : "deepEqual"}(${actual}, ${b})`),
    toStrictEqual: () => one(`assert.${not ? "notDeepEqual" : "deepEqual"}(${actual}, ${b})`),
    // Every key the expected object names has the expected value (top level), as jest's toMatchObject checks.
    toMatchObject: () => one(`assert.${not ? "notDeepEqual" : "deepEqual"}({ ...${wrap(actual)}, ...${wrap(b!)} }, ${actual})`),
    toContain: () => one(`assert.ok(${not ? "!" : ""}${wrap(actual)}.includes(${b}))`),
    toHaveLength: () => one(`assert.${not ? "notEqual" : "equal"}(${wrap(actual)}.length, ${b})`),
    toBeUndefined: () => `assert.${not ? "notEqual" : "equal"}(${actual}, undefined)`,
    toBeDefined: () => `assert.${not ? "equal" : "notEqual"}(${actual}, undefined)`,
    toBeNull: () => `assert.${not ? "notEqual" : "equal"}(${actual}, null)`,
    toBeTruthy: () => `assert.ok(${not ? "!" : ""}${wrap(actual)})`,
    toBeFalsy: () => `assert.ok(${not ? "" : "!"}${wrap(actual)})`,
    toBeGreaterThan: () => one(`assert.ok(${not ? "!" : ""}(${actual} > ${b}))`),
    toBeGreaterThanOrEqual: () => one(`assert.ok(${not ? "!" : ""}(${actual} >= ${b}))`),
    toBeLessThan: () => one(`assert.ok(${not ? "!" : ""}(${actual} < ${b}))`),
    toBeLessThanOrEqual: () => one(`assert.ok(${not ? "!" : ""}(${actual} <= ${b}))`),
    toBeInstanceOf: () => one(`assert.ok(${not ? "!" : ""}(${actual} instanceof ${b}))`),
    toMatch: () => one(`assert.${not ? "doesNotMatch" : "match"}(${actual}, ${b!.startsWith("/") ? b : `new RegExp(${b})`})`),
    // toThrow("text") checks the message: node's assert takes it as { message } (the whole message, not a part of it).
    toThrow: () => (not ? `assert.doesNotThrow(${actual})` : `assert.throws(${actual}${b === undefined ? "" : `, ${/^["'`]/.test(b) ? `{ message: ${b} }` : b}`})`),
  };
  const form = forms[matcher];
  if (!form) throw new Error(`expect(...).${not ? "not." : ""}${matcher} has no node:assert form (use one of ${Object.keys(forms).join(", ")})`);
  return form();
}

/** Every `expect(...)...matcher(...)` rewritten, innermost code first. */
function rewriteExpects(code: string): string {
  const re = /(?<![\w.$])expect\(/g;
  let out = "";
  let from = 0;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const open = m.index + "expect".length;
    const close = closeOf(code, open);
    const chain = /^\s*\.(not\.)?(\w+)\(/.exec(code.slice(close));
    if (!chain) throw new Error(`expect(...) at offset ${m.index} is not followed by a matcher call`);
    const argsOpen = close + chain[0].length - 1;
    const argsClose = closeOf(code, argsOpen);
    const actual = rewriteExpects(code.slice(open + 1, close - 1).trim());
    const args = splitArgs(code.slice(argsOpen + 1, argsClose - 1)).map(rewriteExpects);
    out += code.slice(from, m.index) + assertOf(actual, Boolean(chain[1]), chain[2]!, args);
    from = argsClose;
    re.lastIndex = argsClose;
  }
  return out + code.slice(from);
}

/** A title literal with jest's printf tokens as a template literal over the row's names. */
function titleOver(literal: string, params: string[]): string {
  let text: string;
  try {
    text = literal.startsWith('"') ? (JSON.parse(literal) as string) : literal.startsWith("'") ? (JSON.parse(`"${literal.slice(1, -1).replace(/"/g, '\\"').replace(/\\'/g, "'")}"`) as string) : "";
  } catch {
    text = "";
  }
  if (!literal.startsWith('"') && !literal.startsWith("'")) throw new Error(`it.each title ${literal} must be a plain string for node's runner`);
  let k = 0;
  const body = text.replace(/[`\\]|\$\{|%[psdifjo#%]/g, (t) => {
    if (t === "%%") return "%";
    if (t === "`" || t === "\\") return `\\${t}`;
    if (t === "${") return "\\${";
    if (t === "%#") throw new Error(`it.each title ${literal}: %# has no node form`);
    const name = params[k++];
    if (name === undefined) throw new Error(`it.each title ${literal} has more tokens than the test has parameters`);
    return t === "%p" || t === "%o" || t === "%j" ? `\${inspect(${name})}` : t === "%s" ? `\${String(${name})}` : `\${Number(${name})}`;
  });
  return `\`${body}\``;
}

/** `it.each<T>(table)(title, (a, b) => body)` as `for (const [a, b] of table as T[]) { it(title, () => body); }`. */
function rewriteEach(code: string): string {
  const re = /(?<![\w.$])(it|test)\.each(?=[<(])/g;
  let out = "";
  let from = 0;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    let i = m.index + m[0].length;
    let rowType: string | undefined;
    if (code[i] === "<") {
      const end = closeOf(code, i);
      rowType = code.slice(i + 1, end - 1).trim();
      i = end;
    }
    const tableClose = closeOf(code, i);
    const table = code.slice(i + 1, tableClose - 1).trim();
    if (code[tableClose] !== "(") throw new Error(`${m[1]}.each at offset ${m.index}: expected (title, fn) after the table`);
    const callClose = closeOf(code, tableClose);
    const [title, fn, ...rest] = splitArgs(code.slice(tableClose + 1, callClose - 1));
    const arrow = fn === undefined ? null : /^(?:async\s*)?\(([^()]*)\)\s*=>\s*/.exec(fn);
    if (!title || !fn || !arrow || rest.length) throw new Error(`${m[1]}.each at offset ${m.index}: expected a title and an arrow function`);
    const params = arrow[1]!.split(",").map((p) => p.trim()).filter(Boolean);
    if (!params.every((p) => /^[\w$]+$/.test(p))) throw new Error(`${m[1]}.each at offset ${m.index}: parameters must be plain names for node's runner`);
    const body = fn.slice(arrow[0].length);
    const async = fn.startsWith("async") ? "async " : "";
    const lineStart = code.lastIndexOf("\n", m.index) + 1;
    const indent = /^\s*/.exec(code.slice(lineStart, m.index))![0];
    const typed = rowType ? `${table} as ${rowType}[]` : table;
    const inner = `it(${titleOver(title, params)}, ${async}() => ${body.replace(/\n/g, "\n  ")})`;
    out += `${code.slice(from, m.index)}for (const [${params.join(", ")}] of ${typed}) {\n${indent}  ${inner};\n${indent}}`;
    from = code[callClose] === ";" ? callClose + 1 : callClose;
    re.lastIndex = from;
  }
  return out + code.slice(from);
}

/** Adds an import after the last import line unless one names the same thing. */
function withImport(code: string, line: string): string {
  if (code.includes(line)) return code;
  const lines = code.split("\n");
  let last = -1;
  lines.forEach((l, i) => {
    if (l.startsWith("import ")) last = i;
  });
  lines.splice(last + 1, 0, line);
  return lines.join("\n");
}

/** Test code written for jest's API, rewritten for node:test with node:assert. */
export function toNodeTest(code: string): string {
  let out = rewriteExpects(rewriteEach(code));
  if (/\binspect\(/.test(out)) out = withImport(out, 'import { inspect } from "node:util";');
  const assertImport = 'import { strict as assert } from "node:assert";';
  if (/\bassert\./.test(out)) out = withImport(out, assertImport);
  else out = out.replace(`${assertImport}\n`, "");
  return out;
}
