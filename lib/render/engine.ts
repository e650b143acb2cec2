/**
 * Renders templates in memory. Templates compile with noEscape (escaping is
 * per output context, through helpers) and strict (a missing value is an
 * error, not an empty string). Built-in templates come precompiled by the build
 * and run on the small Handlebars runtime; any template whose file differs from
 * its precompiled copy (a team's override, a template being edited) is compiled
 * with the full Handlebars, loaded only then.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type HandlebarsNamespace from "handlebars";
import { GenerationError, InputError } from "../errors.js";
import { requireCached } from "../compile-cache.js";
import { PACKAGE_ROOT } from "../paths.js";
import { helpers } from "./helpers.js";

type Env = typeof HandlebarsNamespace;
type Template = (context: object) => string;
interface Precompiled {
  source: string;
  spec: object;
}

const require = createRequire(import.meta.url);
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** The build's precompiled templates, with the Handlebars runtime bundled beside them (scripts/build-assets.mjs). */
interface PrecompiledFile {
  runtime: Env;
  templates: Record<string, Precompiled>;
}

function loadPrecompiled(): PrecompiledFile | undefined {
  try {
    return requireCached(path.join(PACKAGE_ROOT, "dist/templates.precompiled.cjs")) as PrecompiledFile;
  } catch {
    return undefined;
  }
}

function listTemplates(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? listTemplates(dir, child) : e.name.endsWith(".hbs") ? [child] : [];
  });
}

/** Every template a renderer knows, and where its source comes from: built in, or the team's folder. */
export function templateOrigins(dir: string, overrideDir?: string): Map<string, string> {
  const origins = new Map(listTemplates(dir).map((rel) => [rel, path.join(dir, rel)]));
  if (overrideDir && existsSync(overrideDir)) {
    for (const rel of listTemplates(overrideDir)) {
      if (!origins.has(rel)) throw new InputError(path.join(overrideDir, rel), "is not a built-in template, so it overrides nothing (mjoplan templates lists them)");
      origins.set(rel, path.join(overrideDir, rel));
    }
  }
  return origins;
}

export class Renderer {
  private readonly env: Env;
  private readonly sources = new Map<string, string>();
  private readonly origins: Map<string, string>;
  private readonly compiled = new Map<string, Template>();
  private readonly precompiled: Record<string, Precompiled>;

  /** Templates from `dir`, each replaced by the file of the same relative path in `overrideDir`, if any. */
  constructor(readonly dir: string, partials: Record<string, string> = {}, overrideDir?: string) {
    this.origins = templateOrigins(dir, overrideDir);
    for (const [rel, file] of this.origins) this.sources.set(rel, readFileSync(file, "utf8"));
    const file = loadPrecompiled();
    const allPrecompiled = file !== undefined && [...this.sources].every(([rel, source]) => file.templates[rel]?.source === source);
    this.precompiled = allPrecompiled ? file.templates : {};
    this.env = (allPrecompiled ? file.runtime : (require("handlebars") as { default: Env }).default).create();
    for (const [name, fn] of Object.entries(helpers)) this.env.registerHelper(name, fn);
    for (const [name, rel] of Object.entries(partials)) this.env.registerPartial(name, this.template(rel) as HandlebarsNamespace.Template);
  }

  private template(rel: string): Template {
    let template = this.compiled.get(rel);
    if (template) return template;
    const source = this.sources.get(rel);
    if (source === undefined) throw new GenerationError(`template ${rel} not found in ${this.dir}`);
    const pre = this.precompiled[rel];
    try {
      template = pre ? (this.env.template(pre.spec as never) as Template) : (this.env.compile(source, COMPILE_OPTIONS) as Template);
    } catch (e) {
      throw new GenerationError(`template ${this.origins.get(rel)}: ${firstLine(e)}`, { cause: e });
    }
    this.compiled.set(rel, template);
    return template;
  }

  render(rel: string, context: object): string {
    const template = this.template(rel);
    try {
      return template(context);
    } catch (e) {
      throw new GenerationError(`template ${this.origins.get(rel)}: ${firstLine(e)}`, { cause: e });
    }
  }
}

/** Handlebars' parse errors span several lines (the line, a caret); the first says what and where. */
const firstLine = (e: unknown): string => String((e as Error).message ?? e).split("\n")[0]!;
