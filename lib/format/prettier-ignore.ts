/**
 * The team's template folder kept out of the repository's own Prettier. Prettier reads a `*.hbs` file as a Glimmer
 * (Handlebars HTML) template, so the repository's `prettier --check .` fails on every ejected template, and its
 * `prettier --write .` folds a template's Markdown into paragraphs: the next plan loses its section headings and
 * tables (USER19 U1). `eject` therefore adds the folder to the `.prettierignore` Prettier reads where it runs, the
 * repository's root, once.
 */
import path from "node:path";
import { readTextOrUndefined } from "../read-text.js";
import { searchTop } from "../search-top.js";
import { usesPrettier } from "./format-files.js";

export const PRETTIER_IGNORE = ".prettierignore";

/** Lines of an ignore file that already keep `folder` (or every Handlebars file) out: the usual ways to write it. */
function ignores(text: string, folder: string): boolean {
  const wanted = new Set([folder, `${folder}/`, `/${folder}`, `/${folder}/`, `${folder}/**`, `/${folder}/**`, "*.hbs", "**/*.hbs"]);
  return text.split(/\r?\n/).some((line) => wanted.has(line.trim()));
}

export type PrettierIgnoreChange =
  /** The ignore file to write, below `dest`, with the folder added. */
  | { kind: "write"; path: string; content: string }
  /** The repository's root is above `dest`, where this run writes nothing: what to add there by hand. */
  | { kind: "outside"; file: string; line: string };

/**
 * What keeps `templatesDir` out of Prettier in the repository `dest` is in: undefined where the repository uses no
 * Prettier, or its `.prettierignore` keeps the folder out already.
 */
export function prettierIgnoreChange(dest: string, templatesDir: string): PrettierIgnoreChange | undefined {
  if (!usesPrettier(dest)) return undefined;
  const root = searchTop(dest);
  const folder = path.relative(root, templatesDir).split(path.sep).join("/");
  // A folder outside the repository (refused by the config) or the root itself: nothing sensible to ignore.
  if (!folder || folder.startsWith("..")) return undefined;
  const file = path.join(root, PRETTIER_IGNORE);
  const existing = readTextOrUndefined(file) ?? "";
  if (ignores(existing, folder)) return undefined;
  const line = `${folder}/`;
  const relToDest = path.relative(dest, file).split(path.sep).join("/");
  if (relToDest.startsWith("..")) return { kind: "outside", file, line };
  const separator = existing === "" || existing.endsWith("\n") ? "" : "\n";
  const why = "# mjoplan's team templates: Handlebars, which Prettier would reformat as HTML and break";
  return { kind: "write", path: relToDest, content: `${existing}${separator}${why}\n${line}\n` };
}
