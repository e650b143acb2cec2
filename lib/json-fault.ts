/**
 * Where a JSON file a person wrote goes wrong, said on one line with its line and column
 * (`backlog.json:2:35: not valid JSON (trailing comma before "]")`). V8's own message gives no
 * position for most mistakes and quotes a slice of the file, line breaks included, which would
 * print as several fragments. Run only once JSON.parse has failed, so its cost never counts.
 */
import { InputError } from "./errors.js";

/** The first syntax fault of `text`, as an offset and what is wrong there; undefined if there is none. */
export function jsonFault(text: string): { at: number; problem: string } | undefined {
  let i = 0;
  const fault = (at: number, problem: string): never => {
    throw { at, problem };
  };
  const shown = (at: number): string => (at >= text.length ? "the end of the file" : JSON.stringify(text[at]));
  const space = (): void => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const string = (): void => {
    const start = i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const next = text[i + 1] ?? "";
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fault(i, "a \\u escape needs four hex digits");
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== "") i += 2;
        else fault(i, `unknown escape \\${next}`);
        continue;
      }
      if (c < " ") fault(i, c === "\n" || c === "\r" ? "a line break inside a string (a closing quote missing?)" : "a control character inside a string");
      i++;
    }
    fault(start, "a string that is never closed");
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (c !== undefined && /[-0-9]/.test(c) && number.test(text)) {
      i = number.lastIndex;
      return;
    }
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fault(i, c === undefined ? "the file ends where a value belongs" : c === "'" ? "a single quote: JSON strings and keys take double quotes" : `unexpected ${shown(i)} where a value belongs`);
  };
  const object = (): void => {
    i++;
    space();
    if (text[i] === "}") {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] === "}") fault(i, 'trailing comma before "}"');
      if (text[i] !== '"') fault(i, `expected a key in double quotes, found ${shown(i)}`);
      string();
      space();
      if (text[i] !== ":") fault(i, `expected ":" after the key, found ${shown(i)}`);
      i++;
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return;
      }
      fault(i, `expected "," or "}", found ${shown(i)}`);
    }
  };
  const array = (): void => {
    i++;
    space();
    if (text[i] === "]") {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] === "]") fault(i, 'trailing comma before "]"');
      value();
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return;
      }
      fault(i, `expected "," or "]", found ${shown(i)}`);
    }
  };
  try {
    value();
    space();
    if (i < text.length) fault(i, `${shown(i)} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (typeof e === "object" && e !== null && "at" in e && "problem" in e) return e as { at: number; problem: string };
    throw e;
  }
}

/** Line and column (both from 1) of an offset. */
function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let n = text.indexOf("\n"); n >= 0 && n < at; n = text.indexOf("\n", n + 1)) {
    line++;
    start = n + 1;
  }
  return { line, column: at - start + 1 };
}

/** The bad input of a file whose `text` JSON.parse refused with `error`: `file:line:column: not valid JSON (what)`, one line. */
export function notValidJson(file: string, text: string, error: unknown): InputError {
  const found = error instanceof SyntaxError ? jsonFault(text) : undefined;
  if (!found) return new InputError(file, `not valid JSON (${String((error as Error).message).replace(/\s+/g, " ")})`);
  const { line, column } = lineColumn(text, found.at);
  return new InputError(`${file}:${line}:${column}`, `not valid JSON (${found.problem})`);
}
