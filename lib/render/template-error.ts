/**
 * A team's template that cannot render: the team's input, so exit 2, named as
 * an editor names a compile error (`file:line:column: what`), with the parser's
 * context lines below when there are some.
 */
import path from "node:path";
import { InputError } from "../errors.js";

export interface Position {
  line: number;
  column: number;
}

/** The file as the person running sees it: relative to the working folder when below it. */
export function shownFile(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export class TemplateError extends InputError {
  /** The parser's own picture of the spot (the line, a caret under it), printed as is below the message. */
  readonly context: readonly string[];

  constructor(file: string, at: Position | undefined, problem: string, context: readonly string[] = []) {
    super(`${shownFile(file)}${at ? `:${at.line}:${at.column}` : ""}`, problem);
    this.name = "TemplateError";
    this.context = context;
  }
}
