/**
 * An additive upgrade of a module written once and then the team's (the ports and their fakes beside
 * the kernel): what a newer version of the module declares and the file on disk lacks is added, and
 * nothing already there is changed, moved or removed. A project planned before a port existed gets the
 * port when a later plan needs it, with the team's own edits left as they are (the way an Nx migration
 * adds to a shared file rather than rewriting it).
 *
 * It adds, at the level the generated modules use:
 * - import statements of modules the file does not import yet (after its last import);
 * - top-level declarations (interface, type, class, function, const, enum, `export { X } from`)
 *   whose name the file does not declare, with their doc comments, at the end;
 * - properties of an object literal a function returns (`return { clock, ... };`) that the file's
 *   function of the same name lacks, before the literal's closing line.
 * Where the file's function no longer returns such a literal, what it would have added is reported as
 * left out, for a person to add. Pure: text in, text out.
 */

export interface AdditiveMerge {
  content: string;
  /** What was added, by name: declarations, and properties as `fn().name`. */
  added: string[];
  /** What the file lacks but could not be added without changing what is there. */
  leftOut: string[];
}

const IMPORT = /^import\s[^;]*?from\s+(["'])([^"']+)\1;?[^\S\n]*$/gm;
const DECLARED = /^[^\S\n]*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:interface|type|class|function\*?|async\s+function|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/gm;
const REEXPORT = /^[^\S\n]*export\s+(?:type\s+)?\{([^}]*)\}\s*from\s/gm;

/** The names a module declares or re-exports at any level a person may have put them. */
function declaredNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(DECLARED)) names.add(m[1]!);
  for (const m of text.matchAll(REEXPORT)) for (const part of m[1]!.split(",")) names.add(part.trim().split(/\s+as\s+/).pop()!.trim());
  return names;
}

/** The module specifiers a file imports from. */
const importedModules = (text: string): Set<string> => new Set([...text.matchAll(IMPORT)].map((m) => m[2]!));

interface Block {
  name: string;
  text: string;
}

/**
 * The top-level statements of a generated module after its imports, each with the doc comment above it:
 * a statement starts at a line in the first column that is not a closing brace or a continuation.
 */
function topLevelBlocks(text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const body = lines.slice(start, end).join("\n").replace(/\s+$/, "");
    const name = [...body.matchAll(DECLARED)][0]?.[1] ?? [...body.matchAll(REEXPORT)][0]?.[1]?.split(",")[0]?.trim().split(/\s+as\s+/).pop();
    if (name && !/^import\s/.test(body)) blocks.push({ name, text: body });
    start = -1;
  };
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opensComment = !inComment && line.startsWith("/**");
    // A new statement: a doc comment or a declaration in the first column (a comment's own lines and closing braces are not).
    if ((opensComment || (!inComment && /^(?:export|interface|type|class|function|const|let|enum|declare|abstract)\b/.test(line))) && !(start >= 0 && lines[start]!.startsWith("/**") && !blockHasCode(lines, start, i))) {
      flush(i);
      start = i;
    } else if (!inComment && /^import\s/.test(line)) flush(i);
    if (opensComment && !line.includes("*/")) inComment = true;
    else if (inComment && line.includes("*/")) inComment = false;
  }
  flush(lines.length);
  return blocks;
}

/** Whether the lines from a doc comment's start up to `end` hold code after the comment (then a new statement begins at `end`). */
function blockHasCode(lines: string[], start: number, end: number): boolean {
  let closed = false;
  for (let i = start; i < end; i++) {
    if (!closed) {
      if (lines[i]!.includes("*/")) closed = true;
      continue;
    }
    if (lines[i]!.trim() !== "") return true;
  }
  return false;
}

/** The properties of the object literal a function returns, each as its line, and where that literal closes. */
function returnedLiteral(text: string, fn: string): { props: Map<string, string>; close: number; indent: string } | undefined {
  const head = new RegExp(`^(?:export\\s+)?(?:async\\s+)?function\\s+${fn}\\b[^\\n]*$`, "m").exec(text);
  if (!head) return undefined;
  const lines = text.slice(head.index).split("\n");
  const offset = text.slice(0, head.index).split("\n").length - 1;
  const open = lines.findIndex((l) => /^\s+return\s*\{\s*$/.test(l));
  // The function's own end: the first line in the first column closing it.
  const end = lines.findIndex((l, i) => i > 0 && /^\}/.test(l));
  if (open < 0 || (end >= 0 && open > end)) return undefined;
  const indent = /^(\s*)/.exec(lines[open]!)![1]!;
  const close = lines.findIndex((l, i) => i > open && new RegExp(`^${indent}\\};?\\s*$`).test(l));
  if (close < 0) return undefined;
  const props = new Map<string, string>();
  for (const line of lines.slice(open + 1, close)) {
    const m = /^\s+([A-Za-z_$][\w$]*)\s*(?:[:,]|$)/.exec(line);
    if (m) props.set(m[1]!, line);
  }
  return { props, close: offset + close, indent };
}

/** `existing` with what `newer` declares and it lacks added; `existing` itself, unchanged, when it lacks nothing. */
export function addMissing(existing: string, newer: string): AdditiveMerge {
  const added: string[] = [];
  const leftOut: string[] = [];
  let lines = existing.split("\n");

  // Properties of returned literals first: their line numbers are those of the file as it is.
  const have = declaredNames(existing);
  for (const block of topLevelBlocks(newer)) {
    if (!have.has(block.name) || !/\bfunction\b/.test(block.text.split("\n").find((l) => !/^\s*(\/\*\*|\*)/.test(l)) ?? "")) continue;
    const theirs = returnedLiteral(newer, block.name);
    if (!theirs) continue;
    const missing = [...theirs.props].filter(([name]) => !new RegExp(`\\b${name}\\b`).test(functionText(lines.join("\n"), block.name)));
    if (!missing.length) continue;
    const mine = returnedLiteral(lines.join("\n"), block.name);
    if (!mine) {
      leftOut.push(...missing.map(([name]) => `${block.name}().${name}`));
      continue;
    }
    // The line before the closing one ends with a comma in a generated literal; a person's last property may not.
    const before = lines[mine.close - 1]!;
    if (!/[,{]\s*$/.test(before) && before.trim() !== "") lines[mine.close - 1] = `${before},`;
    lines.splice(mine.close, 0, ...missing.map(([, line]) => (line.trimEnd().endsWith(",") ? line : `${line},`)));
    added.push(...missing.map(([name]) => `${block.name}().${name}`));
  }

  // Declarations the file does not have, at its end, in the newer module's order.
  const blocks = topLevelBlocks(newer).filter((b) => !have.has(b.name));
  if (blocks.length) {
    while (lines.length && lines[lines.length - 1]!.trim() === "") lines.pop();
    lines.push("", blocks.map((b) => b.text).join("\n\n"), "");
    added.push(...blocks.map((b) => b.name));
  }

  // Imports of modules the file does not import, after its last import (what the added code needs).
  let content = lines.join("\n");
  if (added.length) {
    const mine = importedModules(content);
    const imports = [...newer.matchAll(IMPORT)].filter((m) => !mine.has(m[2]!)).map((m) => m[0]);
    if (imports.length) {
      const last = [...content.matchAll(IMPORT)].pop();
      const at = last ? last.index! + last[0].length + 1 : 0;
      content = `${content.slice(0, at)}${imports.join("\n")}\n${content.slice(at)}`;
    }
  }
  return { content: added.length ? content : existing, added, leftOut };
}

/** A function's text, from its declaration to its closing brace in the first column. */
function functionText(text: string, fn: string): string {
  const head = new RegExp(`^(?:export\\s+)?(?:async\\s+)?function\\s+${fn}\\b`, "m").exec(text);
  if (!head) return "";
  const rest = text.slice(head.index);
  const end = /\n\}/.exec(rest);
  return end ? rest.slice(0, end.index + 2) : rest;
}
