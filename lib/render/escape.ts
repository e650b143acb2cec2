/**
 * Escaping for each place user text lands. Handlebars' own escaping is for HTML
 * and wrong everywhere here, so templates compile with noEscape and every value
 * goes through one of these helpers.
 */
import { isAscii } from "../is-ascii.js";

/**
 * Inline Markdown text: characters CommonMark or GitHub read as markup anywhere
 * are backslash-escaped, and those that only matter at the start of a line
 * (headings, lists, quotes) only there. `$` is GitHub's math.
 */
export function md(text: string): string {
  // "$&" is the match: no call into a function per character escaped (md runs on every text a plan shows).
  return text.replace(/[\\`*_[\]<>|~&$]/g, "\\$&").replace(/^[#+=-]/, "\\$&").replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Markdown made by mjoplan (escaped text, links, code spans) placed in a table
 * cell: GitHub splits rows on | even inside code spans, and reads \| back as |.
 */
export function cellPipes(markdown: string): string {
  return markdown.replace(/(?<!\\)\|/g, "\\|");
}

/** The longest backtick run among the matches; a loop, since spreading thousands of them into Math.max overflows the stack. */
function longestRun(runs: RegExpMatchArray | null): number {
  let longest = 0;
  for (const run of runs ?? []) longest = Math.max(longest, run.trim().length);
  return longest;
}

/** A Markdown code span that holds any text. In a table cell, pass it through cellPipes too. */
export function code(text: string): string {
  // Most text has no backtick: no pattern run over it.
  const longest = text.includes("`") ? longestRun(text.match(/`+/g)) : 0;
  const ticks = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text === "" ? " " : "";
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** The opening (and closing) fence for a code block that contains `content`. */
export function fenceFor(content: string): string {
  // Without three backticks in a row anywhere no line can close a fence of three: the pattern, which tries every
  // position of the text (a plan embeds its test files, each tens of kilobytes), is not run.
  const longest = content.includes("```") ? Math.max(2, longestRun(content.match(/^ {0,3}`+/gm))) : 2;
  return "`".repeat(longest + 1);
}

/**
 * Characters a reader of the code cannot see or that reorder what they see:
 * controls, format characters (the bidirectional overrides and isolates of the
 * "Trojan Source" attack, zero-width marks, the BOM) and line/paragraph separators.
 */
let INVISIBLE: RegExp | undefined;
/** INVISIBLE for ASCII text (lib/is-ascii.ts); the Unicode pattern is made only for text beyond ASCII (making it costs a run 0.2 ms). */
const INVISIBLE_ASCII = /[\x00-\x1f\x7f]/g;
const invisibleIn = (text: string): RegExp => (isAscii(text) ? INVISIBLE_ASCII : (INVISIBLE ??= /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu));
/** Anything but printable ASCII: text without it has no invisible character, and most text a run escapes has none (one scan instead of two). */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const showInvisible = (text: string): string => (NOT_PRINTABLE_ASCII.test(text) ? text.replace(invisibleIn(text), unicodeEscape) : text);

/** `\u` escape text for one code point: what a reviewer sees instead of the character itself. */
export const unicodeEscape = (ch: string): string => {
  const cp = ch.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16).toUpperCase()}}` : `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;
};

/** A TypeScript string literal. JSON's escaping is valid TypeScript, and Prettier's default quotes are double; every invisible character is a \u escape. */
export function ts(text: string | number | boolean): string {
  return showInvisible(JSON.stringify(text));
}

/** Text inside a TypeScript block or line comment: line breaks become spaces, other invisible characters show as \u escapes. */
export function tsComment(text: string): string {
  return showInvisible(text.replace(/\*\//g, "*\\/").replace(/[\r\n\u2028\u2029]+/g, " "));
}

/** A Mermaid label: everything but letters, digits and spaces becomes an entity code, so no text can end the label or the statement. */
export function mermaid(text: string): string {
  return text.replace(isAscii(text) ? /[^A-Za-z0-9 ]/g : /[^\p{L}\p{N} ]/gu, (ch) => `#${ch.codePointAt(0)};`);
}

/** A YAML scalar: a JSON string is a valid double-quoted YAML scalar. */
export function yaml(text: string): string {
  return JSON.stringify(text);
}
