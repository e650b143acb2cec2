/**
 * Renders templates in memory. Templates compile with noEscape (escaping is
 * per output context, through helpers) and strict (a missing value is an
 * error, not an empty string). Built-in templates come compiled to plain
 * JavaScript by the build (scripts/compile-templates.mjs), which needs no part of
 * Handlebars at run time. The package's own templates folder is
 * trusted to be what the build compiled, like the rest of dist/ (a run neither
 * lists nor reads it: after editing a built-in template, `npm run build`); a
 * team's copy, or a template of another folder, is read and compared with the
 * compiled one's key, and where any differs all are compiled with the full
 * Handlebars, loaded only then.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type HandlebarsNamespace from "handlebars";
import { GenerationError, InputError } from "../errors.js";
import { requireCached } from "../compile-cache.js";
import { PACKAGE_ROOT, TEMPLATES_DIR } from "../paths.js";
import { helpers } from "./helpers.js";
import { checkTemplate, describeFailure, keepParseLocation, PROTOTYPE_NAMES, type PartialRef } from "./template-check.js";
import { TemplateError } from "./template-error.js";
import { templateKey } from "./template-key.js";

type Env = typeof HandlebarsNamespace;
type Template = (context: object) => string;
type Helper = (...all: unknown[]) => unknown;
/** A built-in template compiled by the build: its context, and the caller's data (@root) when it runs as a partial. */
type CompiledTemplate = (context: unknown, data?: object) => string;

const require = createRequire(import.meta.url);
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;
/** Every helper a renderer registers (the build precompiles the built-in templates knowing them). */
export const RUNTIME_HELPERS: readonly string[] = [...Object.keys(helpers), "lookup"];

/** The build's compiled templates (scripts/build-assets.mjs, scripts/compile-templates.mjs). */
interface CompiledFile {
  /** Each template's templateKey of the text it was compiled from. */
  templates: Record<string, { key: string }>;
  /** The templates' functions, calling these helpers, and `partial` for a partial by name. */
  create(helpers: Record<string, Helper>, partial: (name: unknown, context: unknown, data: object) => string): Record<string, CompiledTemplate>;
}

function loadCompiled(): CompiledFile | undefined {
  try {
    return requireCached(path.join(PACKAGE_ROOT, "dist/templates.compiled.cjs")) as CompiledFile;
  } catch {
    return undefined;
  }
}

/**
 * The templates of `dir` under the folder `under` (relative paths): the build's list where `dir` is the package's own
 * folder, which a run trusts and does not list (see above), else the folder's listing.
 */
export function templatesUnder(dir: string, under: string): string[] {
  const file = path.resolve(dir) === TEMPLATES_DIR ? loadCompiled() : undefined;
  if (file === undefined) return listTemplates(dir, under);
  return Object.keys(file.templates).filter((rel) => rel.startsWith(`${under}/`));
}

function listTemplates(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? listTemplates(dir, child) : e.name.endsWith(".hbs") ? [child] : [];
  });
}

/**
 * `path.join(dir, rel)`, `dir` normalized, for a relative path of clean segments (a template's name: no ".", "..", or
 * empty segment), by concatenation: a run joins every template's name, and path.join's
 * normalizing, not yet compiled at that point of a short run, took milliseconds for them.
 */
function joinClean(dir: string, rel: string): string {
  const tail = path.sep === "/" ? rel : rel.replaceAll("/", path.sep);
  if (dir === ".") return tail;
  return dir.endsWith(path.sep) ? dir + tail : `${dir}${path.sep}${tail}`;
}

/** Every template a renderer knows, and where its source comes from: built in, or the team's folder. `names`: the built-in ones, when known without listing `dir`. */
export function templateOrigins(dir: string, overrideDir?: string, names: readonly string[] = listTemplates(dir)): Map<string, string> {
  const base = path.normalize(dir);
  const origins = new Map(names.map((rel) => [rel, joinClean(base, rel)]));
  if (overrideDir && existsSync(overrideDir)) {
    for (const rel of listTemplates(overrideDir)) {
      if (!origins.has(rel)) throw new InputError(path.join(overrideDir, rel), "is not a built-in template, so it overrides nothing (mjoplan templates lists them)");
      origins.set(rel, path.join(overrideDir, rel));
    }
  }
  return origins;
}

/** Deeper than any template nests on purpose: partials that include each other without end stop here, named. */
const MAX_PARTIAL_DEPTH = 64;

export class Renderer {
  /** Handlebars, where a template is not the build's; undefined where all are. */
  private readonly env: Env | undefined;
  private readonly sources = new Map<string, string>();
  private readonly origins: Map<string, string>;
  private readonly compiled = new Map<string, Template>();
  /** The build's functions, where every template is the build's. */
  private readonly builtIns: Record<string, CompiledTemplate> | undefined;
  /** The partials of compiled templates, by name. */
  private readonly compiledPartials = new Map<string, (context: unknown, data: object) => string>();
  /** The team's copies (templates not from `dir`), by relative path: their errors are the team's to fix (exit 2). */
  private readonly teamFiles = new Set<string>();
  /** The partials being rendered, outermost first: an error is the innermost one's, and a loop is named by them. */
  private readonly stack: string[] = [];

  /** Templates from `dir`, each replaced by the file of the same relative path in `overrideDir`, if any. */
  constructor(readonly dir: string, partials: Record<string, string> = {}, overrideDir?: string) {
    const file = loadCompiled();
    const own = file !== undefined && path.resolve(dir) === TEMPLATES_DIR;
    this.origins = templateOrigins(dir, overrideDir, own ? Object.keys(file.templates) : undefined);
    const base = path.normalize(dir);
    const builtIn = (rel: string, origin: string): boolean => origin === joinClean(base, rel);
    const compiledFor = (rel: string, origin: string): boolean =>
      file !== undefined && Object.hasOwn(file.templates, rel) && ((own && builtIn(rel, origin)) || file.templates[rel]!.key === templateKey(this.source(rel)));
    const allCompiled = file !== undefined && [...this.origins].every(([rel, origin]) => compiledFor(rel, origin));
    // Handlebars' own lookup, refusing a name computed while rendering that reads the prototype (which it would render as nothing).
    const all: Record<string, Helper> = { ...Object.fromEntries(Object.entries(helpers).map(([name, fn]) => [name, located(name, fn)])), lookup: located("lookup", lookup) };
    if (allCompiled) {
      this.env = undefined;
      this.builtIns = file.create(all, (name, context, data) => this.runPartial(name, context, data));
      for (const [name, rel] of Object.entries(partials)) {
        this.template(rel); // a partial naming no template fails here, as Handlebars' registration does
        const fn = this.builtIns[rel]!;
        this.compiledPartials.set(name, this.partial(name, rel, (context: unknown, data: object) => fn(context, data)));
      }
      return;
    }
    this.builtIns = undefined;
    this.env = (require("handlebars") as { default: Env }).default.create();
    for (const [name, fn] of Object.entries(all)) this.env.registerHelper(name, fn);
    keepParseLocation(this.env);
    for (const [rel, origin] of this.origins) if (!builtIn(rel, origin)) this.teamFiles.add(rel);
    this.checkTeamTemplates(partials);
    for (const [name, rel] of Object.entries(partials)) {
      const template = this.template(rel) as (context: object, options?: object) => string;
      const partial = this.partial(name, rel, template);
      // Handlebars calls a partial only if it is `instanceof Function` of its own realm, which a function made here is
      // not where the runtime is loaded outside the caller's realm (jest's VM modules): it takes the template's prototype.
      this.env.registerPartial(name, Object.setPrototypeOf(partial, Object.getPrototypeOf(template) as object) as unknown as HandlebarsNamespace.Template);
    }
  }

  /** A compiled template's partial by name, as Handlebars finds one: a name no partial has is an error. */
  private runPartial(name: unknown, context: unknown, data: object): string {
    const partial = name ? this.compiledPartials.get(String(name)) : undefined;
    if (!partial) throw new Error(`The partial ${String(name)} could not be found`);
    return partial(context, data);
  }

  /**
   * A team's templates are parsed and checked before anything renders: a parse error, an
   * unknown helper, a read of the prototype, or partials including each other (followed through
   * the built-in ones too) stop the run with the team's file, line and column.
   */
  private checkTeamTemplates(partials: Record<string, string>): void {
    if (this.teamFiles.size === 0) return;
    const refs = new Map<string, PartialRef[]>();
    const refsOf = (rel: string): PartialRef[] => {
      let found = refs.get(rel);
      if (!found) {
        const checked = checkTemplate(this.env!, this.origins.get(rel)!, this.source(rel), Object.keys(helpers));
        // A partial the template defines inline is its own, not one of the renderer's.
        refs.set(rel, (found = checked.partials.filter((p) => !checked.inline.includes(p.name))));
      }
      return found;
    };
    for (const rel of this.teamFiles) refsOf(rel);
    // Depth first over the fixed partial names, from each team template: a name met again on the way is a loop.
    const byName = new Map(Object.entries(partials));
    const nameOf = new Map(Object.entries(partials).map(([name, rel]) => [rel, name]));
    const visit = (rel: string, path: string[], seen: Set<string>): void => {
      for (const ref of refsOf(rel)) {
        const target = byName.get(ref.name);
        if (target === undefined) {
          const sections = [...byName.keys()].filter((n) => !n.includes("/"));
          throw new TemplateError(this.origins.get(rel)!, ref.at, `no partial is named "${ref.name}" (partials are the plan's sections, ${sections.join(", ")}, and the test bodies, tests/bodies/<name>)`);
        }
        const chain = [...path, ref.name];
        if (chain.indexOf(ref.name) < chain.length - 1) {
          throw new TemplateError(this.origins.get(rel)!, ref.at, endlessPartials(chain.slice(chain.indexOf(ref.name))));
        }
        if (!seen.has(`${rel}>${ref.name}`)) {
          seen.add(`${rel}>${ref.name}`);
          visit(target, chain, seen);
        }
      }
    };
    for (const rel of this.teamFiles) visit(rel, nameOf.has(rel) ? [nameOf.get(rel)!] : [], new Set());
  }

  /** A template's text, read when first needed (never for a compiled built-in one). */
  private source(rel: string): string {
    let source = this.sources.get(rel);
    if (source === undefined) {
      const file = this.origins.get(rel);
      if (file === undefined) throw new GenerationError(`template ${rel} not found in ${this.dir}`);
      this.sources.set(rel, (source = readFileSync(file, "utf8")));
    }
    return source;
  }

  private template(rel: string): Template {
    let template = this.compiled.get(rel);
    if (template) return template;
    if (!this.origins.has(rel)) throw new GenerationError(`template ${rel} not found in ${this.dir}`);
    if (this.builtIns) {
      const fn = this.builtIns[rel]!;
      template = (context: object) => fn(context);
    } else {
      try {
        template = this.env!.compile(this.source(rel), COMPILE_OPTIONS) as Template;
      } catch (e) {
        throw this.failure(rel, e);
      }
    }
    this.compiled.set(rel, template);
    return template;
  }

  /** A partial that says whose error is whose, and stops a loop of partials that only rendering reveals. */
  private partial<C, O>(name: string, rel: string, template: (context: C, options: O) => string): (context: C, options: O) => string {
    return (context: C, options: O): string => {
      this.stack.push(name);
      try {
        if (this.stack.length > MAX_PARTIAL_DEPTH) {
          // The loop is the stretch from the name's previous time on the stack to now.
          throw new TemplateError(this.origins.get(rel)!, undefined, endlessPartials(this.stack.slice(this.stack.lastIndexOf(name, -2))));
        }
        return template(context, options);
      } catch (e) {
        throw this.failure(rel, e);
      } finally {
        this.stack.pop();
      }
    };
  }

  render(rel: string, context: object): string {
    const template = this.template(rel);
    try {
      return template(context);
    } catch (e) {
      throw this.failure(rel, e);
    }
  }

  /** An error of the template `rel` (unless an inner partial already named its own): the team's (exit 2) or ours (exit 1). */
  private failure(rel: string, e: unknown): Error {
    if (e instanceof TemplateError || e instanceof GenerationError) return e;
    const file = this.origins.get(rel)!;
    const { at, problem, context } = describeFailure(e);
    if (this.teamFiles.has(rel)) return new TemplateError(file, at, problem, context);
    return new GenerationError(`template ${file}${at ? `:${at.line}:${at.column}` : ""}: ${problem}`, { cause: e });
  }
}

/** Handlebars' lookup helper (the object's value under a name), but a prototype read is an error, not an empty string. */
function lookup(...all: unknown[]): unknown {
  const [obj, field, options] = all as [unknown, unknown, { lookupProperty(o: unknown, f: unknown): unknown }];
  if (typeof field === "string" && PROTOTYPE_NAMES.has(field)) throw new Error(`lookup of "${field}" reads the prototype, which templates may not do; use a value of the plan model`);
  return obj ? options.lookupProperty(obj, field) : obj;
}

/** A loop of partials, from the first to itself again. */
function endlessPartials(loop: string[]): string {
  return loop.length === 2 ? `partial "${loop[0]}" includes itself, without end` : `partials include each other without end: ${loop.join(" -> ")}`;
}

/** A helper's error carries the spot that called it (Handlebars passes it as options.loc), like Handlebars' own errors. */
function located(name: string, fn: (...all: unknown[]) => unknown): (...all: unknown[]) => unknown {
  return (...all) => {
    try {
      return fn(...all);
    } catch (e) {
      const loc = (all[all.length - 1] as { loc?: { start?: { line: number; column: number } } } | undefined)?.loc?.start;
      if (e instanceof Error && (e as { lineNumber?: number }).lineNumber === undefined) {
        if (loc) Object.assign(e, { lineNumber: loc.line, column: loc.column });
        e.message = e.message.replace(/^a helper was given a value that is not defined$/, `helper "${name}" was given a value that is not defined (no such value in the plan model at this point)`);
      }
      throw e;
    }
  };
}
