// Part of the build (scripts/build-assets.mjs): the built-in templates compiled to plain JavaScript, one
// function per template that concatenates strings, instead of Handlebars' precompiled form run by its
// runtime. A short run rendered its dozen files through the runtime's machinery (a program wrapper per
// block, an options object and a property-access check per lookup, partials resolved through two
// layers), and read, and deserialized the cached code of, half a megabyte of precompiled specs and
// runtime. The code written here does what that machinery does, for the part of Handlebars the
// built-in templates use, with the same options (strict, noEscape, every helper known):
// - a lookup reads own properties only (Handlebars' prototype-access rule, its warning included);
//   a plain mustache's last segment must be there (strict), a helper's or block's argument need not;
// - {{#if}}, {{#unless}}, {{#each}} (arrays, iterables, objects; @index, @key, @first, @last) and
//   {{#with}} with Handlebars' tests of emptiness; `../` through the same stack of contexts;
// - helpers called with the options object a helper reads (its name and location, lookupProperty);
// - partials by name or by expression, with the caller's data (@root) and the standalone indent;
// - white space as Handlebars' parser leaves it (standalone lines and ~ stripped before compiling).
// Anything else (block parameters, hashes, decorators, partial blocks, other block helpers) fails the
// build, naming the template: compile it here first. __tests__/compiled-templates.test.ts holds the
// output to Handlebars' own for the examples and fixtures.
import Handlebars from "handlebars";

/** What the compiled file runs on: Handlebars' lookups, emptiness, frames and errors, as its runtime has them. */
const RUNTIME = String.raw`
const hasOwn = Object.prototype.hasOwnProperty;
const NULL_CONTEXT = Object.seal({});
const denied = Object.create(null);
const ALLOWED = Object.assign(Object.create(null), { __proto__: false });
const METHODS = Object.assign(Object.create(null), { constructor: false, __defineGetter__: false, __defineSetter__: false, __lookupGetter__: false, __lookupSetter__: false });
/** Handlebars' lookupProperty: own properties (not a prototype's own constructor), else nothing, said once per name. */
function get(parent, name) {
  const value = parent[name];
  if (value == null) return value;
  if (hasOwn.call(parent, name) && !(name === "constructor" && typeof value === "function" && parent === value.prototype)) return value;
  const list = typeof value === "function" ? METHODS : ALLOWED;
  if (list[name] !== undefined) return list[name] === true ? value : undefined;
  if (denied[name] !== true) {
    denied[name] = true;
    console.error('Handlebars: Access has been denied to resolve the property "' + name + '" because it is not an "own property" of its parent.\n' + "You can add a runtime option to disable the check or this warning:\n" + "See https://handlebarsjs.com/api-reference/runtime-options.html#options-to-control-prototype-access for details");
  }
  return undefined;
}
/**
 * Each helper call and plain mustache, by number: its helper's name and where it is in its template ("name line column
 * endLine endColumn", | between them), read where a call is first made or a mustache fails.
 */
let sites;
const site = (i) => (sites ??= SITES.split("|"))[i].split(" ");
/** A plain mustache's last segment (strict mode): there, or an error as Handlebars' Exception has it, with the mustache's location. */
function strict(obj, name, i) {
  if (!obj || !(name in obj)) {
    const [, line, column, endLine, endColumn] = site(i).map(Number);
    const e = new Error('"' + name + '" not defined in ' + obj + " - " + line + ":" + column);
    Object.assign(e, { lineNumber: line, endLineNumber: endLine, column, endColumn });
    throw e;
  }
  return get(obj, name);
}
const K = [];
/** The options helper call i is made with, at its first use: the helper's name, where the call is, and Handlebars' lookupProperty. */
function o(i) {
  if (K[i]) return K[i];
  const [name, line, column, endLine, endColumn] = site(i);
  return (K[i] = { name, hash: {}, loc: { start: { line: +line, column: +column }, end: { line: +endLine, column: +endColumn } }, lookupProperty: get });
}
/** A mustache's value as text: a function value called with the context (Handlebars' lambda), nothing for null and undefined. */
const text = (value, context) => {
  if (typeof value === "function") value = value.call(context);
  return value != null ? value : "";
};
/** A helper's result as text. */
const shown = (value) => (value != null ? value : "");
/** {{#if}}'s argument, called where it is a function. */
const test = (context, value) => truthy(typeof value === "function" ? value.call(self(context)) : value);
const self = (context) => (context != null ? context : NULL_CONTEXT);
/** {{#if}}'s test: false, empty and zero are false (no includeZero), as is an empty array. */
const truthy = (value) => !(!value || (Array.isArray(value) && value.length === 0));
/** Handlebars' isEmpty ({{#with}}): zero is not empty. */
const empty = (value) => (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
function frame(data) {
  const copy = {};
  for (const key in data) if (hasOwn.call(data, key)) copy[key] = data[key];
  copy._parent = data;
  return copy;
}
const deeper = (depths, context) => (depths && context != depths[0] && !(context === NULL_CONTEXT && depths[0] === null) ? [context].concat(depths) : depths);
/** {{#each}}: its body per item with @key, @index, @first and @last, or its else where there is none. */
function each(context, value, data, depths, body, otherwise) {
  if (typeof value === "function") value = value.call(self(context));
  const f = frame(data);
  let out = "";
  let i = 0;
  const step = (key, index, last, item) => {
    f.key = key;
    f.index = index;
    f.first = index === 0;
    f.last = !!last;
    out = out + body(item, f, deeper(depths, item));
  };
  if (value && typeof value === "object") {
    if (Array.isArray(value)) {
      for (const n = value.length; i < n; i++) if (i in value) step(i, i, i === value.length - 1, value[i]);
    } else if (typeof Symbol === "function" && value[Symbol.iterator]) {
      const iterator = value[Symbol.iterator]();
      let current = iterator.next();
      while (!current.done) {
        const next = iterator.next();
        try {
          step(i, i, next.done, current.value);
        } catch (e) {
          if (!next.done) {
            try {
              if (typeof iterator.return === "function") iterator.return();
            } catch {}
          }
          throw e;
        }
        current = next;
        i++;
      }
    } else {
      let prior;
      for (const key of Object.keys(value)) {
        if (prior !== undefined) step(prior, i - 1, false, value[prior]);
        prior = key;
        i++;
      }
      if (prior !== undefined) step(prior, i - 1, true, value[prior]);
    }
  }
  return i === 0 ? otherwise(context, data, depths) : out;
}
/** {{#with}}: its body with the value as context, or its else where the value is empty. */
function withBlock(context, value, data, depths, body, otherwise) {
  if (typeof value === "function") value = value.call(self(context));
  return empty(value) ? otherwise(context, data, depths) : body(value, data, deeper(depths, value));
}
/** A partial's text, indented as its standalone tag was. */
function indented(text, indent) {
  const lines = text.split("\n");
  for (let i = 0, l = lines.length; i < l; i++) {
    if (!lines[i] && i + 1 === l) break;
    lines[i] = indent + lines[i];
  }
  return lines.join("\n");
}
`;

const BUILT_IN_BLOCKS = new Set(["if", "unless", "each", "with"]);

/**
 * One file of CommonJS: `create(helpers, partial)` gives each template's function (context, data?) => text.
 * `helpers`: the renderer's, by name; `partial(name, context, data)`: the renderer's partial of that name, run.
 * `templates`: name -> { key }, the key of the text each was compiled from.
 */
export function compileTemplates(entries, helperNames) {
  const helpers = new Set(helperNames);
  const functions = [];
  let fnCount = 0;
  const sitesTable = [];
  const mains = [];
  /** A call or mustache's number in SITES. */
  const siteOf = (name, node) => sitesTable.push(`${name} ${node.loc.start.line} ${node.loc.start.column} ${node.loc.end.line} ${node.loc.end.column}`) - 1;

  for (const { name, source } of entries) {
    const fail = (node, what) => {
      const at = node?.loc ? `:${node.loc.start.line}:${node.loc.start.column + 1}` : "";
      throw new Error(`compile-templates: ${name}${at}: ${what} is not compiled to JavaScript (scripts/compile-templates.mjs); compile it there, or use what the other templates use`);
    };
    const ast = Handlebars.parse(source);
    let usesDepths = false;

    /** The value of a path: the context (or a parent's, or the data) and a lookup per segment; `strict`: the last must be there. */
    const pathValue = (path, strictLast) => {
      if (path.type !== "PathExpression") fail(path, path.type);
      let base;
      if (path.data) {
        if (path.depth > 0) fail(path, "a parent's data (@../)");
        base = "d";
      } else if (path.depth > 0) {
        usesDepths = true;
        base = `ds[${path.depth}]`;
      } else base = "c";
      const parts = path.parts;
      if (parts.length === 0) return base;
      let js = base;
      const last = strictLast ? parts.length - 1 : parts.length;
      for (let i = 0; i < last; i++) js = `get(${js}, ${JSON.stringify(parts[i])})`;
      return strictLast ? `strict(${js}, ${JSON.stringify(parts[last])}, ${siteOf("-", path)})` : js;
    };
    // Handlebars' simpleId: one segment, not this/./.., (data paths included, as its classifySexpr has them).
    const isSimpleId = (path) => path.type === "PathExpression" && path.parts.length === 1 && !/^\.|this\b/.test(path.original) && !path.depth;
    const helperCall = (node) => {
      const helper = node.path.parts[0];
      if (!helpers.has(helper)) fail(node, `the helper "${node.path.original}"`);
      if (node.hash) fail(node, "a hash argument");
      return `h[${JSON.stringify(helper)}](${[...node.params.map(value), `o(${siteOf(helper, node)})`].join(", ")})`;
    };
    /** An argument: literal, path (no strict check), or a helper's result. */
    const value = (node) => {
      switch (node.type) {
        case "StringLiteral":
          return JSON.stringify(node.value);
        case "NumberLiteral":
          return String(node.value);
        case "BooleanLiteral":
          return String(node.value);
        case "UndefinedLiteral":
          return "undefined";
        case "NullLiteral":
          return "null";
        case "PathExpression":
          return pathValue(node, false);
        case "SubExpression":
          if (node.path.type !== "PathExpression" || !isSimpleId(node.path)) fail(node, "a subexpression of this form");
          return helperCall(node);
        default:
          return fail(node, node.type);
      }
    };
    /** A mustache is a helper's call where it has arguments, or its name is a helper's (Handlebars' classifySexpr). */
    const isHelperCall = (node) => node.params.length > 0 || node.hash !== undefined || (isSimpleId(node.path) && (helpers.has(node.path.parts[0]) || BUILT_IN_BLOCKS.has(node.path.parts[0])));

    /**
     * A program's output as one JavaScript expression in the scope (c, d, ds): its parts joined by +, as Handlebars
     * joins them (two numbers side by side at a program's start are added, as there; a template's result is made
     * text at the end, as Handlebars' template function does).
     */
    const expression = (program) => {
      if (!program) return '""';
      if (program.blockParams) fail(program, "block parameters (as |x|)");
      const parts = [];
      for (const node of program.body) {
        switch (node.type) {
          case "ContentStatement":
            if (node.value) parts.push(JSON.stringify(node.value));
            break;
          case "CommentStatement":
            break;
          case "MustacheStatement":
            if (isHelperCall(node)) {
              if (node.path.type !== "PathExpression" || !isSimpleId(node.path) || BUILT_IN_BLOCKS.has(node.path.parts[0])) fail(node, `the mustache {{${node.path.original ?? node.path.type}}}`);
              parts.push(`shown(${helperCall(node)})`);
            } else parts.push(`text(${pathValue(node.path, true)}, c)`);
            break;
          case "BlockStatement":
            parts.push(block(node));
            break;
          case "PartialStatement": {
            if (node.hash) fail(node, "a partial with a hash");
            if (node.params.length > 1) fail(node, "a partial with more than one argument");
            const nameJs = node.name.type === "SubExpression" ? value(node.name) : node.name.type === "PathExpression" || node.name.type === "StringLiteral" ? JSON.stringify(node.name.original ?? node.name.value) : fail(node, "this partial name");
            const contextJs = node.params.length ? value(node.params[0]) : "c";
            const call = `partial(${nameJs}, ${contextJs}, d)`;
            parts.push(node.indent ? `indented(${call}, ${JSON.stringify(node.indent)})` : call);
            break;
          }
          default:
            fail(node, node.type);
        }
      }
      if (parts.length === 0) return '""';
      return parts.length === 1 ? parts[0] : `(${parts.join(" +\n")})`;
    };
    /** A program run with a context of its own: a function (c, d, ds) => text. */
    const programFunction = (program) => {
      const id = `p${fnCount++}`;
      functions.push(`function ${id}(c, d, ds) {\nreturn ${expression(program)};\n}`);
      return id;
    };
    const block = (node) => {
      const helper = node.path.type === "PathExpression" && isSimpleId(node.path) ? node.path.parts[0] : undefined;
      if (!helper || !BUILT_IN_BLOCKS.has(helper)) fail(node, `the block {{#${node.path.original}}}`);
      if (node.params.length !== 1) fail(node, `{{#${helper}}} without exactly one argument`);
      if (node.hash) fail(node, "a hash argument");
      if (node.program?.blockParams || node.inverse?.blockParams) fail(node, "block parameters (as |x|)");
      const arg = value(node.params[0]);
      switch (helper) {
        case "if":
          return `(test(c, ${arg}) ? ${expression(node.program)} : ${expression(node.inverse)})`;
        case "unless":
          return `(test(c, ${arg}) ? ${expression(node.inverse)} : ${expression(node.program)})`;
        case "with":
          return `withBlock(c, ${arg}, d, ds, ${programFunction(node.program)}, ${programFunction(node.inverse)})`;
        case "each":
          return `each(c, ${arg}, d, ds, ${programFunction(node.program)}, ${programFunction(node.inverse)})`;
      }
      return fail(node, helper);
    };

    const body = expression(ast);
    // Depths (`../`) as Handlebars keeps them: only a template that uses them pays for them.
    const id = `t${mains.length}`;
    functions.push(`function ${id}(c, d) {\nif (!d || !("root" in d)) { d = d ? frame(d) : {}; d.root = c; }\nconst ds = ${usesDepths ? "[c]" : "undefined"};\nreturn "" + ${body};\n}`);
    mains.push([name, id]);
  }
  const keys = entries.map(({ name, key }) => `${JSON.stringify(name)}: { key: ${JSON.stringify(key)} }`).join(",\n");
  if (sitesTable.some((entry) => /[|]/.test(entry))) throw new Error("compile-templates: a helper's name holds |");
  return `"use strict";\n${RUNTIME}\nconst SITES = ${JSON.stringify(sitesTable.join("|"))};\nmodule.exports.templates = {\n${keys}\n};\nmodule.exports.create = function (h, partial) {\n${functions.join("\n")}\nreturn { ${mains.map(([name, id]) => `${JSON.stringify(name)}: ${id}`).join(", ")} };\n};\n`;
}
