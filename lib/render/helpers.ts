/**
 * The Handlebars helpers templates may use: escapers for each output context,
 * and small formatting helpers. No helper holds logic of the generator itself.
 */
import path from "node:path";
import { cellPipes, code, fenceFor, md, mermaid, ts, tsComment, yaml } from "./escape.js";
import { withOneNewline } from "./tidy-markdown.js";
import { indefiniteArticle } from "../article.js";

type Args = unknown[];
/** Handlebars passes an options object last; helpers use only the arguments before it. */
const args = (all: Args): unknown[] => all.slice(0, -1);
/** Strict mode does not check helper arguments; a value that is not there is a template error here too. */
const str = (v: unknown): string => {
  if (v === undefined) throw new Error("a helper was given a value that is not defined");
  return v === null ? "" : String(v);
};

export const helpers: Record<string, (...all: Args) => unknown> = {
  md: (text) => md(str(text)),
  cell: (markdown) => cellPipes(str(markdown)),
  code: (text) => code(str(text)),
  codeCell: (text) => cellPipes(code(str(text))),
  ts: (value) => ts(typeof value === "number" || typeof value === "boolean" ? value : str(value)),
  tsComment: (text) => tsComment(str(text)),
  mermaid: (text) => mermaid(str(text)),
  yaml: (text) => yaml(str(text)),
  concat: (...all) => args(all).map(str).join(""),
  /** The article a word takes: {{a name}} {{name}} is "an Avatar", "a Meeting". */
  a: (word) => indefiniteArticle(str(word)),
  eq: (a, b) => a === b,
  inc: (n) => Number(n) + 1,
  basename: (p) => path.posix.basename(str(p)),
  /** IDs as a comma list, or "none" so a reviewer sees the gap. */
  join: (list) => (Array.isArray(list) && list.length ? list.join(", ") : "none"),
  joinNames: (list) => (Array.isArray(list) ? list.map((x: { names: { pascal: string } }) => x.names.pascal).join(", ") : ""),
  /** A fenced block long enough that the content cannot close it. */
  fence: (content, lang) => {
    const body = withOneNewline(str(content)).slice(0, -1);
    const f = fenceFor(body);
    return `${f}${str(lang)}\n${body}\n${f}`;
  },
};
