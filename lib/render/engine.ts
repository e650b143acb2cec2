/**
 * Renders templates in memory. Templates compile with noEscape (escaping is
 * per output context, through helpers) and strict (a missing value is an
 * error, not an empty string), once per process.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { GenerationError } from "../errors.js";
import { helpers } from "./helpers.js";

export interface TemplateSource {
  /** Folder holding the templates, by relative path. */
  dir: string;
}

export class Renderer {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();
  private readonly dir: string;

  constructor(source: TemplateSource, partials: Record<string, string> = {}) {
    this.dir = source.dir;
    for (const [name, fn] of Object.entries(helpers)) this.hbs.registerHelper(name, fn);
    for (const [name, rel] of Object.entries(partials)) this.hbs.registerPartial(name, this.read(rel));
  }

  private read(rel: string): string {
    try {
      return readFileSync(path.join(this.dir, rel), "utf8");
    } catch (e) {
      throw new GenerationError(`template ${rel} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }

  render(rel: string, context: object): string {
    let template = this.compiled.get(rel);
    if (!template) {
      template = this.hbs.compile(this.read(rel), { noEscape: true, strict: true });
      this.compiled.set(rel, template);
    }
    try {
      return template(context);
    } catch (e) {
      throw new GenerationError(`template ${rel}: ${(e as Error).message}`, { cause: e });
    }
  }
}
