/**
 * Where a use-case's files go. Paths are templates with placeholders for every
 * naming form of the use-case and of its bounded context; they are expanded
 * once per use-case and kept below --dest. File names end in configurable
 * suffixes, so a repository's `*.spec.ts` or `*.value-object.ts` conventions hold.
 */
import path from "node:path";
import { namesOf, type Names } from "./names.js";
import type { FileRef } from "./model.js";
import { linkTo } from "../../lib/link-text.js";

export interface Layout {
  plan: string;
  /** The default folder of every domain stub. */
  source: string;
  /** Folders of each kind of stub; the source folder unless a config says otherwise. */
  valueObjects?: string;
  events?: string;
  commands?: string;
  states?: string;
  tests: string;
  kernel: string;
  /** Folder of the handler contract; unset: the use-case's own folder in `source` (see handlerDirOf). */
  handler?: string;
}

export interface Suffixes {
  valueObject: string;
  event: string;
  command: string;
  state: string;
  /** After `<use-case>.<kind>`: `.test.ts` or `.spec.ts`. */
  test: string;
}

export const DEFAULT_LAYOUT: Layout = {
  plan: "docs/features/api/{UseCase}/{UseCase}-plan.md",
  source: "src/features/{use-case}/domain",
  tests: "src/features/{use-case}/__tests__",
  kernel: "src/shared/domain",
};

export const DEFAULT_SUFFIXES: Suffixes = { valueObject: ".value-object.ts", event: ".event.ts", command: ".command.ts", state: ".state.ts", test: ".test.ts" };

/** The layout a config's paths give: what the team set, the defaults for the rest (the config holds only what was set). */
export function layoutOf(paths: Readonly<Record<string, string>>): Layout {
  const optional = (["valueObjects", "events", "commands", "states", "handler"] as const).flatMap((k) => (paths[k] ? [[k, paths[k]] as const] : []));
  return { plan: paths["plan"] ?? DEFAULT_LAYOUT.plan, source: paths["source"] ?? DEFAULT_LAYOUT.source, tests: paths["tests"] ?? DEFAULT_LAYOUT.tests, kernel: paths["kernel"] ?? DEFAULT_LAYOUT.kernel, ...Object.fromEntries(optional) };
}

/** The suffixes a config gives: what the team set, the defaults for the rest. */
export function suffixesOf(suffixes: Readonly<Record<string, string>>): Suffixes {
  return { valueObject: suffixes["valueObject"] ?? DEFAULT_SUFFIXES.valueObject, event: suffixes["event"] ?? DEFAULT_SUFFIXES.event, command: suffixes["command"] ?? DEFAULT_SUFFIXES.command, state: suffixes["state"] ?? DEFAULT_SUFFIXES.state, test: suffixes["test"] ?? DEFAULT_SUFFIXES.test };
}

const snake = (n: Names): string => n.kebab.replaceAll("-", "_");

/** Every placeholder a path may hold, and the naming form it stands for. */
export const PLACEHOLDERS: Record<string, { what: string; of: (useCase: Names, context: Names) => string }> = {
  "{UseCase}": { what: "use-case, PascalCase", of: (u) => u.pascal },
  "{useCase}": { what: "use-case, camelCase", of: (u) => u.camel },
  "{use-case}": { what: "use-case, kebab-case", of: (u) => u.kebab },
  "{use_case}": { what: "use-case, snake_case", of: (u) => snake(u) },
  "{Context}": { what: "context, PascalCase", of: (_u, c) => c.pascal },
  "{contextCamel}": { what: "context, camelCase", of: (_u, c) => c.camel },
  "{context}": { what: "context, kebab-case", of: (_u, c) => c.kebab },
  "{context_snake}": { what: "context, snake_case", of: (_u, c) => snake(c) },
};

/** The placeholders of a path that mjoplan does not know, e.g. ["{module}"]. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]).filter((p) => !(p in PLACEHOLDERS));
}

export function expand(template: string, useCase: Names, context: Names = namesOf("Core")): string {
  const out = template.replace(/\{[^{}]*\}/g, (p) => PLACEHOLDERS[p]?.of(useCase, context) ?? p);
  // `a/../b` is fine; the result must still stay below --dest (checked where files are written).
  return path.posix.normalize(out).replace(/\/$/, "");
}

/** The folder of each kind of stub, after the source folder's default. */
export function stubDirs(layout: Layout, useCase: Names, context: Names): { valueObjects: string; events: string; commands: string; states: string } {
  const dir = (p: string | undefined): string => expand(p ?? layout.source, useCase, context);
  return { valueObjects: dir(layout.valueObjects), events: dir(layout.events), commands: dir(layout.commands), states: dir(layout.states) };
}

const USE_CASE_PLACEHOLDER = /\{(?:UseCase|useCase|use-case|use_case)\}/;

/** Whether the layout gives a kind of stub one folder for several use-cases (a context's shared `domain/`): no use-case in its path. */
export const sharedByUseCases = (layout: Layout, kind: "valueObjects" | "states"): boolean => !USE_CASE_PLACEHOLDER.test(layout[kind] ?? layout.source);

/**
 * The folder of the handler contract: `paths.handler`, else the use-case's own folder, i.e. `source` up to
 * its last segment naming the use-case (`src/features/{use-case}/domain` -> `src/features/{use-case}`;
 * `src/modules/{context}/{use-case}` stays itself, so the handler sits beside its value objects and tests,
 * not among the context's other use-cases). A source naming no use-case keeps its parent folder.
 */
export function handlerDirOf(layout: Layout, useCase: Names, context: Names): string {
  if (layout.handler) return expand(layout.handler, useCase, context);
  const segments = layout.source.split("/");
  const last = segments.map((s) => USE_CASE_PLACEHOLDER.test(s)).lastIndexOf(true);
  return last < 0 ? path.posix.dirname(expand(layout.source, useCase, context)) : expand(segments.slice(0, last + 1).join("/"), useCase, context);
}

const plainSegments = (segments: string[]): boolean => segments.every((s) => s !== "" && s !== "." && s !== "..");

/**
 * path.posix.relative for two relative paths of plain segments (no "", "." or ".."): the same
 * result, without resolving both against the working folder first, which a run did for every
 * link and import it wrote. Other paths go to path.posix.relative. Pairs are not remembered: in a
 * batch each use-case links from its own folders, so a pair is rarely asked for twice, and a key
 * made and hashed per call cost more than the answer; the last folder's split is (a plan's hundred
 * links and imports come from a few folders in runs).
 */
export function relativePath(from: string, to: string): string {
  if (from.startsWith("/") || to.startsWith("/") || from.includes("\0") || to.includes("\0")) return path.posix.relative(from, to);
  const a = segmentsOf(from);
  const b = to.split("/");
  if (a === undefined || !plainSegments(b)) return path.posix.relative(from, to);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  let rel = "";
  for (let i = same; i < a.length; i++) rel += rel === "" ? ".." : "/..";
  for (let i = same; i < b.length; i++) rel += rel === "" ? b[i] : `/${b[i]}`;
  return rel;
}

/** The folder a use-case links from, split, for the run of calls that share it (a plan's links, a test file's imports). */
let lastFrom: { from: string; segments: string[] | undefined } = { from: "", segments: undefined };

/** A relative path's segments, or undefined where one is "", "." or "..". */
function segmentsOf(from: string): string[] | undefined {
  if (lastFrom.from !== from) {
    const segments = from.split("/");
    lastFrom = { from, segments: plainSegments(segments) ? segments : undefined };
  }
  return lastFrom.segments;
}

/** A file below --dest and its link from the plan's folder (percent-encoded where a path has a space: lib/link-text.ts). */
export function fileRef(planPath: string, filePath: string): FileRef {
  return { path: filePath, link: linkTo(relativePath(path.posix.dirname(planPath), filePath)) };
}

/** An import specifier from one folder to a .ts file: ending in .js as NodeNext wants, or with none for bundler resolution. */
export function importPath(fromDir: string, toFile: string, extension: ".js" | "" = ".js"): string {
  const rel = relativePath(fromDir, toFile.replace(/\.ts$/, extension));
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** Where the domain stubs import the kernel from: the team's own module, or the kernel files below --dest. */
export function kernelImports(sourceDir: string, kernelDir: string, extension: ".js" | "", kernelImport?: string): { result: string; validationError: string; valueObject: string; domainEvent: string } {
  const from = (name: string) => kernelImport ?? importPath(sourceDir, `${kernelDir}/${name}.ts`, extension);
  return { result: from("result"), validationError: from("validation-error"), valueObject: from("value-object"), domainEvent: from("domain-event") };
}
