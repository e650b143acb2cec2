/**
 * Real runs of the built CLI into temporary folders, and the real tsc and jest
 * over what it wrote: the generated TypeScript must compile and its tests pass.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa, type Result } from "execa";
import type { PlanFindings } from "../../lib/check/check-plan.js";

/** A plan as `check --json` reports it. */
export type CheckedPlan = PlanFindings & { failed: boolean };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(ROOT, "dist/bin/mjoplan.js");
export const NODE_MODULES = path.join(ROOT, "node_modules");

export async function tempDir(prefix = "mjoplan-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A temporary repository holding `files` (relative path -> content). */
export async function repoWith(files: Record<string, string>, prefix = "mjoplan-repo-"): Promise<string> {
  const dir = await tempDir(prefix);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

/** The CLI as a script runs it: no terminal, stdin closed. */
export function cli(args: string[], options: { cwd?: string } = {}): Promise<Result> {
  return execa("node", [BIN, ...args], { cwd: options.cwd ?? ROOT, stdin: "ignore", reject: false, env: { NO_COLOR: "1" } });
}

/** Every file below `dir` (node_modules and project scaffolding aside), by relative path. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === "node_modules") continue;
      if (entry.isDirectory()) await walk(child);
      else out.set(child, await readFile(path.join(dir, child), "utf8"));
    }
  };
  await walk("");
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Makes `dir` a project of the given module kind that can type-check and test what mjoplan wrote.
 * `include` widens it when several runs wrote side by side (r0/src, r1/src, ...).
 */
export async function asProject(dir: string, kind: "module" | "commonjs", include: string[] = ["src/**/*.ts"]): Promise<void> {
  await rm(path.join(dir, "node_modules"), { force: true });
  await symlink(NODE_MODULES, path.join(dir, "node_modules"), "dir");
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "generated", private: true, type: kind }));
  await writeFile(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        // The strictest flags a team may have on: generated code must pass them all.
        noUnusedLocals: true,
        noUnusedParameters: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        // Import syntax is ES-module syntax, which this flag refuses in a CommonJS project.
        verbatimModuleSyntax: kind === "module",
      },
      include,
    }),
  );
}

export function typecheck(dir: string): Promise<Result> {
  return execa("node", [path.join(NODE_MODULES, "typescript/bin/tsc"), "-p", dir, "--pretty", "false"], { reject: false });
}

/** Jest over what mjoplan wrote in `dir`; `swc` and `moduleNameMapper` for projects laid out otherwise (CommonJS, a path alias). */
export function runGeneratedTests(dir: string, options: { swc?: object; moduleNameMapper?: Record<string, string> } = {}): Promise<Result> {
  const config = {
    rootDir: dir,
    testEnvironment: "node",
    transform: { "^.+\\.ts$": ["@swc/jest", options.swc ?? {}] },
    moduleNameMapper: options.moduleNameMapper ?? { "^(\\.{1,2}/.*)\\.js$": "$1" },
  };
  return execa("node", [path.join(NODE_MODULES, "jest/bin/jest.js"), "--config", JSON.stringify(config), "--ci", "--json"], { cwd: dir, reject: false });
}

/** Jest's own summary of a run: how many passed, failed and were todo. */
export function jestSummary(result: Result): { passed: number; failed: number; todo: number; suites: number } {
  const json = JSON.parse(String(result.stdout)) as { numPassedTests: number; numFailedTests: number; numTodoTests: number; numTotalTestSuites: number };
  return { passed: json.numPassedTests, failed: json.numFailedTests, todo: json.numTodoTests, suites: json.numTotalTestSuites };
}

/** `mjoplan check --json` over `dest`: its exit code and the findings per plan, as scripts read them. */
export async function checkJson(dest: string, flags: string[] = []): Promise<{ code: number | undefined; plans: CheckedPlan[] }> {
  const run = await cli(["check", "--dest", dest, "--json", ...flags]);
  return { code: run.exitCode, plans: (JSON.parse(String(run.stdout)) as { plans: CheckedPlan[] }).plans };
}

/** One Mermaid block as Mermaid's own parser judged it. */
export interface MermaidResult {
  file: string;
  ok: boolean;
  error?: string;
  diagram?: string;
}

/** Every Mermaid block of `files`, parsed by Mermaid in a child process (its ESM graph is too much for jest's sandbox). */
export async function parseMermaid(files: string[]): Promise<MermaidResult[]> {
  const run = await execa("node", [path.join(ROOT, "__tests__/support/mermaid-parse.mjs"), ...files], { reject: false });
  if (run.exitCode !== 0) throw new Error(`mermaid-parse failed: ${String(run.stderr)}`);
  return JSON.parse(String(run.stdout)) as MermaidResult[];
}
