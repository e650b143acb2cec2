/**
 * The test runner of a monorepo's projects, where the root says none: in npm, pnpm or Yarn workspaces each project
 * has its own `test` script and dependencies, and Nx's project.json its test target's executor. A root with no jest or
 * vitest of its own had init assume jest, and a vitest workspace got tests importing @jest/globals, which none of its
 * projects could run (USER19 U6). Reads files only.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readTextOrUndefined as read } from "../read-text.js";

export type Runner = "jest" | "vitest" | "node";

/** The runner one project's own files name, with the file and fact it rests on; undefined where they name none. */
function runnerOfProject(root: string, project: string): { runner: Runner; evidence: string } | undefined {
  const pkgFile = `${project}/package.json`;
  const text = read(path.join(root, pkgFile));
  let pkg: { scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = {};
  try {
    if (text) pkg = JSON.parse(text) as typeof pkg;
  } catch {
    // A package.json that does not parse says nothing; its project's other files may.
  }
  const script = pkg.scripts?.["test"] ?? "";
  // The test script says what runs, as at the root (lib/init/inspect.ts).
  if (/\bvitest\b/.test(script)) return { runner: "vitest", evidence: `${pkgFile} test script: ${script}` };
  if (/\bjest\b/.test(script)) return { runner: "jest", evidence: `${pkgFile} test script: ${script}` };
  if (/\bnode\b[^&|;]*--test\b/.test(script)) return { runner: "node", evidence: `${pkgFile} test script: ${script}` };
  // Nx: the test target's executor (@nx/vite:test, @nx/vitest:test, @nx/jest:jest).
  const projectJson = read(path.join(root, project, "project.json")) ?? "";
  const executor = /"executor"\s*:\s*"(@nx\/(?:vite|vitest|jest)[^"]*)"/.exec(projectJson)?.[1];
  if (executor) return { runner: /jest/.test(executor) ? "jest" : "vitest", evidence: `${project}/project.json executor ${executor}` };
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const config = (names: string[]) => names.find((n) => existsSync(path.join(root, project, n)));
  const vitest = deps["vitest"] ? `vitest in ${pkgFile}` : config(["vitest.config.ts", "vitest.config.mts", "vitest.config.js", "vitest.config.mjs", "vite.config.ts"]);
  const jest = deps["jest"] ? `jest in ${pkgFile}` : config(["jest.config.ts", "jest.config.js", "jest.config.cjs", "jest.config.mjs", "jest.config.json"]);
  if (vitest && !jest) return { runner: "vitest", evidence: vitest.includes(" in ") ? vitest : `${project}/${vitest}` };
  if (jest && !vitest) return { runner: "jest", evidence: jest.includes(" in ") ? jest : `${project}/${jest}` };
  return undefined;
}

/**
 * The runner a monorepo's projects (`<dir>/<name>` for each name) name, the one most of them name, with the evidence
 * of each (at most three shown) and, where they differ, how many name another; undefined where none names one.
 */
export function projectsRunner(root: string, dir: string, projects: readonly string[]): { runner: Runner; evidence: string } | undefined {
  const found = projects.flatMap((p) => {
    const r = runnerOfProject(root, `${dir}/${p}`);
    return r ? [r] : [];
  });
  if (!found.length) return undefined;
  const count = (runner: Runner) => found.filter((f) => f.runner === runner).length;
  const runner = (["vitest", "jest", "node"] as const).reduce((best, r) => (count(r) > count(best) ? r : best), found[0]!.runner);
  const agreeing = found.filter((f) => f.runner === runner);
  const shown = agreeing.slice(0, 3).map((f) => f.evidence);
  if (agreeing.length > 3) shown.push(`${agreeing.length - 3} more project(s)`);
  const others = found.length - agreeing.length;
  if (others) shown.push(`${others} project(s) name another runner, and get tests written for ${runner} too`);
  return { runner, evidence: shown.join("; ") };
}
