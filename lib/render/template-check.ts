/**
 * A team's template, read before anything is rendered: parsed with the
 * parser's location kept, then checked for what Handlebars would only notice
 * while rendering, or never: a helper that does not exist, and reads of the
 * prototype (`constructor`, `__proto__`), which Handlebars' runtime blocks by
 * printing nothing. Either is refused with the file, line and column.
 */
import type HandlebarsNamespace from "handlebars";
import { TemplateError, type Position } from "./template-error.js";

type Env = typeof HandlebarsNamespace;
type Node = { type?: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

/** Handlebars' own helpers, callable beside the registered ones. */
export const BUILT_IN_HELPERS = ["if", "unless", "each", "with", "lookup", "log", "helperMissing", "blockHelperMissing"];

/** What the runtime refuses to read (its proto-access lists), refused here instead of rendered as nothing. */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(["constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]);

/** A partial the template includes by a fixed name, and where. */
export interface PartialRef {
  name: string;
  at: Position;
}

export interface CheckedTemplate {
  partials: PartialRef[];
  /** Partials the template defines itself (`{{#*inline "name"}}`), which its own `{{> name}}` may use. */
  inline: string[];
}

interface JisonHash {
  loc?: { first_line: number; first_column: number; last_line: number; last_column: number };
}

/**
 * Handlebars' parser (jison) throws a plain Error whose message holds the line but
 * not the column; the location it knows is passed to parseError and dropped. This
 * keeps it on the error. The parser is one object shared by every Handlebars
 * environment, so the replacement is installed once and only adds information.
 */
export function keepParseLocation(env: Env): void {
  const parser = (env as unknown as { Parser?: { parseError: (str: string, hash: JisonHash) => never; keepsLocation?: boolean } }).Parser;
  if (!parser || parser.keepsLocation) return;
  parser.parseError = (str: string, hash: JisonHash) => {
    throw Object.assign(new Error(str), { hash });
  };
  parser.keepsLocation = true;
}

/** What went wrong in a template, where (when known), and the parser's picture of the spot. */
export interface Failure {
  at: Position | undefined;
  problem: string;
  context: string[];
}

/**
 * Any error Handlebars or a helper throws, in words a template's author can act on:
 * - jison's "Parse error on line 3:\n<context>\n---^\nExpecting ..." -> the expectation, the two context lines, the position;
 * - Handlebars' own checks and strict lookups, which end with " - line:column";
 * - a helper's error, which the renderer gives the helper's location.
 */
export function describeFailure(e: unknown): Failure {
  const error = e as Error & { hash?: JisonHash; lineNumber?: number; column?: number };
  const message = String(error?.message ?? e);
  const lines = message.split("\n");
  const loc = error.hash?.loc;
  if (lines.length >= 4 && /^Parse error on line \d+:$/.test(lines[0]!)) {
    const line = loc?.last_line ?? Number(/\d+/.exec(lines[0]!)![0]);
    // jison counts columns from 0; an editor (and a reader) from 1.
    return { at: loc ? { line, column: loc.last_column + 1 } : undefined, problem: `parse error: ${lines.slice(3).join(" ")}`, context: lines.slice(1, 3) };
  }
  const at = typeof error.lineNumber === "number" ? { line: error.lineNumber, column: (error.column ?? 0) + 1 } : undefined;
  const missing = /^"([^"]+)" not defined in .* - \d+:\d+$/s.exec(message);
  if (missing) return { at, problem: `"${missing[1]}" is not defined here: no such value in the plan model at this point, and no such helper`, context: [] };
  const problem = lines[0]!.replace(/ - \d+:\d+$/, "");
  return { at, problem: e instanceof RangeError ? `${problem} (partials including each other?)` : problem, context: [] };
}

const positionOf = (node: Node): Position | undefined => (node.loc ? { line: node.loc.start.line, column: node.loc.start.column + 1 } : undefined);

/** Every node of the tree, depth first, each with its own location (locations themselves are not nodes). */
function* nodes(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const v of value) yield* nodes(v);
  } else if (value !== null && typeof value === "object") {
    const node = value as Node;
    if (typeof node.type === "string") yield node;
    for (const [key, child] of Object.entries(node)) if (key !== "loc") yield* nodes(child);
  }
}

/** Parses and checks one team template; throws TemplateError naming the file, line and column of the first problem. */
export function checkTemplate(env: Env, file: string, source: string, helpers: readonly string[]): CheckedTemplate {
  keepParseLocation(env);
  let ast: unknown;
  try {
    ast = env.parse(source);
  } catch (e) {
    const failure = describeFailure(e);
    throw new TemplateError(file, failure.at, failure.problem, failure.context);
  }
  const known = new Set([...BUILT_IN_HELPERS, ...helpers]);
  const partials: PartialRef[] = [];
  const inline: string[] = [];
  for (const node of nodes(ast)) {
    const at = positionOf(node);
    if (node.type === "PathExpression") {
      const bad = (node["parts"] as unknown[]).find((p) => typeof p === "string" && PROTOTYPE_NAMES.has(p));
      if (bad !== undefined) throw new TemplateError(file, at, `"${String(node["original"])}" reads the prototype ("${String(bad)}"), which templates may not do; use a value of the plan model`);
    }
    if (node.type === "MustacheStatement" || node.type === "SubExpression" || node.type === "BlockStatement") {
      const callee = node["path"] as Node & { parts?: string[]; original?: string; data?: boolean };
      const params = (node["params"] as Node[] | undefined) ?? [];
      const called = params.length > 0 || node["hash"] !== undefined;
      if (called && callee.type === "PathExpression" && !callee.data && callee.parts?.length === 1 && !known.has(callee.parts[0]!)) {
        throw new TemplateError(file, at, `unknown helper "${callee.original}" (the helpers are ${[...known].filter((h) => !h.endsWith("Missing")).join(", ")})`);
      }
      const name = callee.type === "PathExpression" ? callee.original : undefined;
      const literal = params.find((p) => p.type === "StringLiteral" && PROTOTYPE_NAMES.has(String(p["value"])));
      if (name === "lookup" && literal) throw new TemplateError(file, at, `lookup of "${String(literal["value"])}" reads the prototype, which templates may not do; use a value of the plan model`);
    }
    if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") {
      const name = node["name"] as Node & { original?: string; value?: string };
      // A partial named by an expression ({{> (concat this)}}) is known only while rendering; the renderer guards those.
      const fixed = name.type === "PathExpression" ? name.original : name.type === "StringLiteral" ? name.value : undefined;
      // @partial-block is the block a partial was called with, not a partial by name.
      if (fixed !== undefined && !fixed.startsWith("@") && at) partials.push({ name: fixed, at });
    }
    if (node.type === "DecoratorBlock" && (node["path"] as { original?: string }).original === "inline") {
      const first = (node["params"] as Node[] | undefined)?.[0];
      if (first?.type === "StringLiteral") inline.push(String(first["value"]));
    }
  }
  return { partials, inline };
}
