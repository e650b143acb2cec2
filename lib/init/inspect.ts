/**
 * What `mjoplan init` reads from a repository: its module system and import
 * style, test runner and test-file suffix, formatter and layout. Each finding
 * carries the evidence it rests on, so a person can check it. Reads files
 * only; never loads the repository's code.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { biomeConfigFor, PRETTIER_CONFIG_FILES, usesPrettier } from "../format/format-files.js";
import { OWN_KERNEL_VALUE_OBJECT } from "../own-kernel.js";
import { readTextOrUndefined as read } from "../read-text.js";
import { foldersUpTo, searchTop } from "../search-top.js";
import { jestFolders, runnerSees, testsPathIn, vitestFolders } from "./test-folders.js";
import { projectsRunner } from "./project-runners.js";

export interface Finding {
  /** What was decided, e.g. `importExtension ""`. */
  what: string;
  /** Why: the files and facts it rests on. */
  evidence: string;
}

export interface Inspection {
  /** Config keys to set, as init would write them. */
  settings: Record<string, unknown>;
  findings: Finding[];
}

interface PackageJson {
  name?: string;
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  jest?: unknown;
  prettier?: unknown;
  workspaces?: unknown;
}

/** JSON with comments and trailing commas (tsconfig.json, biome.jsonc), read leniently. */
export function readJsonc(text: string): unknown {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      out += text.slice(start, i + 1);
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      i = text.indexOf("*/", i + 2) + 1;
      if (i === 0) break;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, "$1"));
}

const SKIP = new Set(["node_modules", ".git", "dist", "build", "coverage", ".next", "out", ".mjoplan"]);

/** TypeScript files below `dir`, breadth-first, at most `limit` (a big repository is sampled, not read whole). */
function tsFiles(root: string, limit = 400): string[] {
  const out: string[] = [];
  const queue = [""];
  while (queue.length && out.length < limit) {
    const rel = queue.shift()!;
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith(".")) queue.push(child);
      else if (e.isFile() && /\.(c|m)?tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(child);
    }
  }
  return out;
}

/** The folder whose node_modules holds `pkg` as the repository at `root` resolves it: the nearest, up to the repository's root (a workspace package's tools are installed at the root). */
export const holderOf = (root: string, pkg: string): string | undefined => foldersUpTo(root, searchTop(root)).find((d) => existsSync(path.join(d, "node_modules", pkg, "package.json")));

const versionOf = (root: string, pkg: string): string | undefined => {
  const holder = holderOf(root, pkg);
  const text = holder === undefined ? undefined : read(path.join(holder, "node_modules", pkg, "package.json"));
  return text ? (JSON.parse(text) as { version?: string }).version : undefined;
};

const firstExisting = (root: string, names: string[]): string | undefined => names.find((n) => existsSync(path.join(root, n)));

/** `testsDefault`: where a plan writes tests when the config does not say (the plan generator's paths.tests default). */
export function inspectRepository(root: string, testsDefault = "src/features/{use-case}/__tests__"): Inspection {
  const settings: Record<string, unknown> = {};
  const findings: Finding[] = [];
  const pkgText = read(path.join(root, "package.json"));
  const pkg: PackageJson = pkgText ? (JSON.parse(pkgText) as PackageJson) : {};
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const files = tsFiles(root);
  const sources = files.map((f) => ({ file: f, text: read(path.join(root, f)) ?? "" }));

  // Module system and import extension.
  const esm = pkg.type === "module";
  let tsconfig: { compilerOptions?: { module?: string; moduleResolution?: string; verbatimModuleSyntax?: boolean; types?: unknown } } = {};
  // A monorepo's root has tsconfig.base.json (Nx) for its projects' tsconfigs to extend, often no tsconfig.json.
  const tsconfigName = ["tsconfig.json", "tsconfig.base.json"].find((f) => existsSync(path.join(root, f))) ?? "tsconfig.json";
  const tsconfigText = read(path.join(root, tsconfigName));
  if (tsconfigText) {
    try {
      tsconfig = readJsonc(tsconfigText) as typeof tsconfig;
    } catch {
      findings.push({ what: `${tsconfigName} not read`, evidence: "it does not parse as JSON with comments" });
    }
  }
  const mod = String(tsconfig.compilerOptions?.module ?? "").toLowerCase();
  const resolution = String(tsconfig.compilerOptions?.moduleResolution ?? "").toLowerCase();
  let withJs = 0;
  let without = 0;
  for (const { text } of sources) {
    for (const m of text.matchAll(/\bfrom\s+["'](\.{1,2}\/[^"']+)["']/g)) {
      if (/\.(c|m)?js$/.test(m[1]!)) withJs++;
      else if (!/\.(json|css|svg)$/.test(m[1]!)) without++;
    }
  }
  const moduleEvidence = [`package.json ${pkg.type ? `"type": "${pkg.type}"` : 'has no "type" (CommonJS)'}`, tsconfigText ? `${tsconfigName} module ${mod || "unset"}, moduleResolution ${resolution || "unset"}` : "no tsconfig.json"];
  let ext: ".js" | "";
  if (withJs + without > 0) {
    ext = withJs >= without ? ".js" : "";
    moduleEvidence.push(`${withJs} relative import(s) end in .js, ${without} have no extension, in ${sources.length} TypeScript file(s)`);
  } else ext = resolution === "bundler" || mod === "commonjs" || mod === "preserve" || (!esm && !mod.startsWith("node")) ? "" : ".js";
  settings["importExtension"] = ext;
  findings.push({ what: `${esm ? "ES modules" : "CommonJS"}; importExtension ${JSON.stringify(ext)}`, evidence: moduleEvidence.join("; ") });

  // Test runner, its globals, and the test-file suffix.
  const testScript = pkg.scripts?.["test"] ?? "";
  const vitestConfig = firstExisting(root, ["vitest.config.ts", "vitest.config.mts", "vitest.config.js", "vitest.config.mjs", "vite.config.ts", "vite.config.js"]);
  const jestConfig = firstExisting(root, ["jest.config.ts", "jest.config.js", "jest.config.cjs", "jest.config.mjs", "jest.config.json"]);
  // The test script says what actually runs; dependencies and config files decide when it does not.
  const inScript = /\bvitest\b/.test(testScript) ? "vitest" : /\bjest\b/.test(testScript) ? "jest" : /\bnode\b[^&|;]*--test\b/.test(testScript) ? "node" : undefined;
  const hasVitest = Boolean(deps["vitest"] || vitestConfig);
  const hasJest = Boolean(deps["jest"] || pkg.jest !== undefined || jestConfig);
  // A monorepo's root often names no runner: its projects' own package.json or project.json do (USER19 U6).
  const workspace = existsSync(path.join(root, "src")) ? undefined : workspaceOf(root, pkg);
  const fromProjects = !inScript && !hasVitest && !hasJest && workspace ? projectsRunner(root, workspace.dir, workspace.projects) : undefined;
  const runner: "jest" | "vitest" | "node" | undefined = inScript ?? (hasVitest && !hasJest ? "vitest" : hasJest ? "jest" : fromProjects?.runner);
  const runnerEvidence: string[] = [];
  if (inScript) runnerEvidence.push(`test script: ${testScript}`);
  if (fromProjects) runnerEvidence.push(fromProjects.evidence);
  if (runner === "vitest") runnerEvidence.push(...[deps["vitest"] ? `vitest ${deps["vitest"]} in package.json` : "", vitestConfig ?? ""].filter(Boolean));
  if (runner === "jest") runnerEvidence.push(...[deps["jest"] ? `jest ${deps["jest"]} in package.json` : "", jestConfig ?? (pkg.jest !== undefined ? 'package.json "jest" key' : "")].filter(Boolean));
  if (!inScript && hasVitest && hasJest) runnerEvidence.push("both jest and vitest are installed and the test script names neither: jest assumed");
  if (runner) {
    settings["testRunner"] = runner;
    let globals = false;
    if (runner === "vitest" && vitestConfig && /\bglobals\s*:\s*true\b/.test(read(path.join(root, vitestConfig)) ?? "")) {
      // globals: true lets tests run without imports, but tsc knows the globals only through vitest/globals types.
      // Imports compile either way: with contrary evidence, imports are kept.
      const importing = sources.filter(({ file, text }) => /\.(test|spec)\.[cm]?tsx?$/.test(file) && /from\s+["']vitest["']/.test(text)).length;
      const types = tsconfig.compilerOptions?.types;
      const typed = Array.isArray(types) && types.includes("vitest/globals");
      const typesHide = Array.isArray(types) && !typed;
      if (importing > 0 && !typed) runnerEvidence.push(`${vitestConfig} sets globals: true, but ${importing} test file(s) import from "vitest": imports kept`);
      else if (typesHide) runnerEvidence.push(`${vitestConfig} sets globals: true, but tsconfig.json's types (${types.join(", ") || "none"}) leave out vitest/globals, so tsc would not know describe/it: imports kept`);
      else {
        globals = true;
        runnerEvidence.push(`${vitestConfig} sets globals: true${typed ? "; tsconfig.json's types include vitest/globals" : ""}`);
      }
    }
    if (runner === "jest") {
      const importsGlobals = sources.some(({ text }) => text.includes('from "@jest/globals"') || text.includes("from '@jest/globals'"));
      if (!importsGlobals && deps["@types/jest"]) {
        globals = true;
        runnerEvidence.push("@types/jest in package.json and no test imports @jest/globals: tests use jest's globals");
      } else if (!importsGlobals) {
        // Globals only on evidence that the repository's tests use them: without @types/jest tsc knows no describe or it,
        // while @jest/globals comes installed with jest (TRIAL5 U5: a repository with neither got 345 tsc errors).
        // A file that imports describe or it from a module (vitest, node:test) uses no globals: one written for vitest
        // counted as "no import" and made a repository moving to jest get globals (USER20 U9).
        const importsThem = (text: string): boolean => /import\s*\{[^}]*\b(?:describe|it|test)\b[^}]*\}\s*from\s*["'][^"']+["']/.test(text);
        const usingGlobals = sources.filter(({ file, text }) => /\.(test|spec)\.[cm]?tsx?$/.test(file) && /\b(?:describe|it|test)\s*\(/.test(text) && !importsThem(text)).length;
        if (usingGlobals > 0) {
          globals = true;
          runnerEvidence.push(`${usingGlobals} test file(s) call describe or it with no import: tests use jest's globals`);
        } else if (!deps["@jest/globals"]) runnerEvidence.push("neither @types/jest nor @jest/globals in package.json and no test to follow: tests import from @jest/globals, installed with jest");
      }
    }
    if (globals) settings["testGlobals"] = true;
    findings.push({ what: `test runner ${runner}${globals ? " with globals" : ""}`, evidence: runnerEvidence.join("; ") });
  } else findings.push({ what: "test runner not found; jest assumed", evidence: "no jest, vitest or node --test in package.json" });

  const spec = files.filter((f) => /\.spec\.(c|m)?tsx?$/.test(f)).length;
  const test = files.filter((f) => /\.test\.(c|m)?tsx?$/.test(f)).length;
  const configText = [jestConfig, vitestConfig].filter(Boolean).map((f) => read(path.join(root, f!)) ?? "").join("\n") + JSON.stringify(pkg.jest ?? "");
  const specByConfig = /spec/.test(configText) && !/test\\?\.[tj]s|\.test\./.test(configText);
  if (spec > test || (spec === test && specByConfig)) {
    settings["suffixes"] = { test: ".spec.ts" };
    findings.push({ what: 'test files end in ".spec.ts"', evidence: spec || test ? `${spec} *.spec.ts against ${test} *.test.ts` : "the test runner's config matches spec files" });
  } else findings.push({ what: 'test files end in ".test.ts"', evidence: `${test} *.test.ts against ${spec} *.spec.ts` });

  // Formatter: decided as a run decides it (lib/format/format-files.ts), so what init reports is what runs.
  const biomeConfig = biomeConfigFor(root);
  // Biome as a dependency alone does not format a run's output: only a biome.json makes a run use it.
  const biomeUnused = !biomeConfig && deps["@biomejs/biome"] ? `@biomejs/biome ${deps["@biomejs/biome"]} in package.json but no biome.json, so runs do not format with Biome` : "";
  if (biomeConfig) {
    const version = versionOf(root, "@biomejs/biome");
    findings.push({ what: `formatter Biome${version ? ` ${version}` : ""}`, evidence: [path.relative(root, biomeConfig), deps["@biomejs/biome"] ? `@biomejs/biome ${deps["@biomejs/biome"]} in package.json` : "", version ? `node_modules/@biomejs/biome is ${version}` : "not installed"].filter(Boolean).join("; ") });
  } else if (usesPrettier(root)) {
    const version = versionOf(root, "prettier");
    const prettierConfig = firstExisting(root, PRETTIER_CONFIG_FILES);
    findings.push({ what: `formatter Prettier${version ? ` ${version}` : ""}`, evidence: [prettierConfig ?? (pkg.prettier !== undefined ? 'package.json "prettier" key' : deps["prettier"] ? "" : "a Prettier config or dependency in a folder above"), deps["prettier"] ? `prettier ${deps["prettier"]} in package.json` : "", version ? `node_modules/prettier is ${version}` : "not installed", biomeUnused].filter(Boolean).join("; ") });
  } else findings.push({ what: "no formatter", evidence: biomeUnused || "no Prettier or Biome config or dependency; output is written as the templates make it" });

  // Layout: where sources and modules live, and whether there is a context level.
  const modulesDir = ["src/modules", "src/contexts", "src/domains"].find((d) => dirs(root, d).length > 0);
  if (modulesDir) {
    const contexts = dirs(root, modulesDir);
    const has = (sub: string) => contexts.some((c) => existsSync(path.join(root, modulesDir, c, sub)));
    const domain = has("domain") ? "domain" : "";
    // Folders below a module that are use-cases (billing/create-invoice/), not layers (billing/domain/).
    const useCaseDirs = contexts.flatMap((c) => useCaseFoldersOf(root, `${modulesDir}/${c}`).map((u) => `${c}/${u}`));
    const perUseCase = useCaseDirs.length > 0 && !domain;
    const base = `${modulesDir}/{context}${domain ? "/domain" : perUseCase ? "/{use-case}" : ""}`;
    const paths: Record<string, string> = { plan: `docs/features/{context}/{use-case}-plan.md`, source: base, tests: `${modulesDir}/{context}/{use-case}` };
    const evidence = [`${modulesDir}/ has ${contexts.length} module folder(s): ${contexts.slice(0, 5).join(", ")}${contexts.length > 5 ? ", ..." : ""}`];
    if (useCaseDirs.length) {
      const shown = `${useCaseDirs.slice(0, 3).map((u) => `${modulesDir}/${u}/`).join(", ")}${useCaseDirs.length > 3 ? ", ..." : ""}`;
      if (perUseCase) evidence.push(`use-case folders inside the modules (${shown}): each use-case's value objects, events, handler and tests go in its own folder, so use-cases of one module never share a stub`);
      else {
        // Shared domain layer, use-case folders beside it: the handler goes with its use-case, not in the module's root.
        paths["handler"] = `${modulesDir}/{context}/{use-case}`;
        evidence.push(`use-case folders inside the modules (${shown}): the handler goes in the use-case's folder`);
      }
    } else if (!domain) {
      // Flat modules: the handler beside the module's other files, never in ${modulesDir}/ among the modules.
      paths["handler"] = `${modulesDir}/{context}`;
    }
    for (const [key, sub] of [["valueObjects", "value-objects"], ["events", "events"]] as const) {
      if (domain && has(`domain/${sub}`)) {
        paths[key] = `${base}/${sub}`;
        evidence.push(`${modulesDir}/*/domain/${sub}/ exists`);
      }
    }
    if (sources.some(({ file }) => file.endsWith(".domain-event.ts"))) {
      settings["suffixes"] = { ...(settings["suffixes"] as object), event: ".domain-event.ts" };
      evidence.push("events end in .domain-event.ts");
    }
    settings["paths"] = paths;
    findings.push({ what: `layout: modules with a context level (${base})`, evidence: evidence.join("; ") });
  } else if (workspace) {
    // A monorepo's projects (Nx's libs/<name>/src/lib, a workspace's packages/<name>/src): a src/ of the root's own
    // would be part of none of them, its tests run by no project's jest and its code type-checked by nothing.
    const base = `${workspace.dir}/{context}/src${workspace.lib ? "/lib" : ""}`;
    settings["paths"] = { plan: "docs/features/{context}/{use-case}-plan.md", source: `${base}/{use-case}`, tests: `${base}/{use-case}`, kernel: `${base}/shared/domain` };
    const shown = `${workspace.projects.slice(0, 5).join(", ")}${workspace.projects.length > 5 ? ", ..." : ""}`;
    findings.push({
      what: `layout: a monorepo's projects, the context naming the project (${base})`,
      evidence: [workspace.marker, `${workspace.dir}/ has ${workspace.projects.length} project(s) with src/: ${shown}`, ...workspace.sourceRoots, `give each use-case the --context of its project (--context ${workspace.projects[0]}): another is a new folder outside every project`].join("; "),
    });
  } else if (existsSync(path.join(root, "src"))) {
    findings.push({ what: "layout: sources in src/, no context level; the default paths (src/features/{use-case}/...) fit", evidence: "src/ exists; no src/modules, src/contexts or src/domains" });
  } else findings.push({ what: "layout: no src/ folder; the default paths are kept", evidence: "no src/" });

  // Tests where the runner never looks are never run: moved below the folders its config names (not in a monorepo,
  // whose projects each have their own runner config).
  if (!workspace) {
    const jestText = jestConfig ? read(path.join(root, jestConfig)) : pkg.jest !== undefined ? JSON.stringify(pkg.jest) : undefined;
    const looks = runner === "jest" && jestText !== undefined ? jestFolders(jestText, jestConfig ?? 'package.json "jest"') : runner === "vitest" && vitestConfig ? vitestFolders(read(path.join(root, vitestConfig)) ?? "", vitestConfig) : undefined;
    const paths = (settings["paths"] ?? {}) as Record<string, string>;
    const tests = paths["tests"] ?? testsDefault;
    if (looks && !runnerSees(tests, looks.folders)) {
      const folder = looks.folders.find((f) => existsSync(path.join(root, f))) ?? looks.folders[0]!;
      const moved = testsPathIn(folder, tests, looks.bySuffix);
      settings["paths"] = { ...paths, tests: moved };
      findings.push({ what: `tests in ${folder}/ (paths.tests ${JSON.stringify(moved)})`, evidence: `${looks.evidence}: ${runner} looks for tests only in ${looks.folders.map((f) => `${f}/`).join(", ")}; in ${tests} they would never run` });
    }
  }

  // The system every plan names (front matter, overview, "in the Core context of ..."): the package's own name,
  // not mjoplan's demo product, which is the schema's fallback.
  const system = systemOf(pkg.name);
  if (system) {
    settings["system"] = system;
    findings.push({ what: `system ${JSON.stringify(system)}`, evidence: `package.json "name": ${JSON.stringify(pkg.name)}${system === pkg.name ? "" : String(pkg.name).endsWith(`/${system}`) ? " (without its npm scope)" : " (its scope: the workspace root's own name says nothing)"}` });
  } else findings.push({ what: 'system not found: plans name "MjoMeet" until the config\'s "system" names yours', evidence: pkgText ? 'package.json has no "name"' : "no package.json in this folder" });

  const base = ownValueObjectOf(sources);
  if (base) findings.push({ what: "a ValueObject base class of the repository's own", evidence: `${base}; see "The shared kernel and a team's own base classes" in mjoplan's README to build the kernel on it` });
  return { settings, findings };
}

/**
 * The system a package.json name stands for: the name; a scoped one's name without its npm scope (`@acme/billing-api`:
 * billing-api, which a plan's sentences read as a system, TRIAL4 V19), or its scope where the name is a workspace
 * root's placeholder (Nx's @acme/source: acme).
 */
function systemOf(name: string | undefined): string | undefined {
  if (typeof name !== "string" || !name.trim()) return undefined;
  const scoped = /^@([^/]+)\/(.+)$/.exec(name.trim());
  if (!scoped) return name.trim();
  return ["source", "root", "monorepo", "workspace", "repo"].includes(scoped[2]!) ? scoped[1] : scoped[2];
}

/** The file of a ValueObject base class of the repository's own among `sources`; mjoplan's own kernel (which a plan writes where none is) is not the team's. */
function ownValueObjectOf(sources: readonly { file: string; text: string }[]): string | undefined {
  return sources.find(({ file, text }) => !/\.(test|spec)\.[cm]?tsx?$/.test(file) && /^export abstract class ValueObject\b/m.test(text) && !OWN_KERNEL_VALUE_OBJECT.test(text))?.file;
}

/** The repository's own ValueObject base below `root`, as init finds it (a sample of its TypeScript files), or undefined. `skip`: files not to read (a run's own). */
export function ownValueObjectBase(root: string, skip: ReadonlySet<string> = new Set()): string | undefined {
  return ownValueObjectOf(
    tsFiles(root)
      .filter((f) => !skip.has(f))
      .map((f) => ({ file: f, text: read(path.join(root, f)) ?? "" })),
  );
}


/** The marker of a monorepo: Nx's nx.json, npm's or Yarn's workspaces, pnpm's or Lerna's file. */
function monorepoMarker(root: string, pkg: PackageJson): string | undefined {
  if (existsSync(path.join(root, "nx.json"))) return "nx.json";
  if (pkg.workspaces !== undefined) return 'package.json "workspaces"';
  return ["pnpm-workspace.yaml", "lerna.json"].find((f) => existsSync(path.join(root, f)));
}

/**
 * A monorepo's projects with sources of their own: the folder of libs/ and packages/ that holds most
 * (`<dir>/<name>/src`), whether they keep their code in src/lib (Nx's libraries), and the sourceRoot
 * their project.json files give, as evidence. Undefined where the repository is none.
 */
function workspaceOf(root: string, pkg: PackageJson): { marker: string; dir: string; projects: string[]; lib: boolean; sourceRoots: string[] } | undefined {
  const marker = monorepoMarker(root, pkg);
  if (!marker) return undefined;
  const found = ["libs", "packages"]
    .map((dir) => ({ dir, projects: dirs(root, dir).filter((p) => existsSync(path.join(root, dir, p, "src"))) }))
    .filter((w) => w.projects.length > 0)
    .sort((a, b) => b.projects.length - a.projects.length)[0];
  if (!found) return undefined;
  const lib = found.projects.every((p) => existsSync(path.join(root, found.dir, p, "src/lib")));
  const sourceRoots = found.projects.slice(0, 2).flatMap((p) => {
    const file = `${found.dir}/${p}/project.json`;
    const text = read(path.join(root, file));
    if (!text) return [];
    try {
      const sourceRoot = (readJsonc(text) as { sourceRoot?: unknown }).sourceRoot;
      return typeof sourceRoot === "string" ? [`${file} sourceRoot ${sourceRoot}`] : [];
    } catch {
      return [];
    }
  });
  return { marker, ...found, lib, sourceRoots };
}

/** Folder names that are a module's layers or kinds of file, not its use-cases. */
const LAYER_FOLDERS = new Set(["domain", "application", "app", "infrastructure", "infra", "adapters", "adapter", "ports", "api", "http", "rest", "graphql", "web", "presentation", "controllers", "services", "repositories", "entities", "models", "model", "value-objects", "events", "commands", "queries", "handlers", "dto", "dtos", "shared", "common", "core", "lib", "utils", "types", "interfaces", "config", "persistence", "db", "database", "migrations", "tests", "test", "__tests__", "spec", "specs", "mocks", "__mocks__", "fixtures", "usecases", "use-cases", "use_cases"]);

/** The use-case folders of one module: sub-folders that are no layer and hold TypeScript files of their own. */
function useCaseFoldersOf(root: string, moduleDir: string): string[] {
  return dirs(root, moduleDir)
    .filter((d) => !LAYER_FOLDERS.has(d.toLowerCase()))
    .filter((d) => {
      try {
        return readdirSync(path.join(root, moduleDir, d)).some((f) => /\.(c|m)?tsx?$/.test(f) && !f.endsWith(".d.ts"));
      } catch {
        return false;
      }
    });
}

function dirs(root: string, rel: string): string[] {
  try {
    return readdirSync(path.join(root, rel), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}
