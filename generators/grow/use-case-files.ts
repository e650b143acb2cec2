/** An existing use-case, as the sub-generators that grow it see it: its paths, its plan, its value objects. */
import { InputError } from "../../lib/errors.js";
import { text } from "../../lib/schema/fields.js";
import type { BuildContext } from "../../lib/generator.js";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { findPlans } from "../../lib/check/find-plans.js";
import { expand, fileRef, importPath, kernelImports, layoutOf, stubDirs, suffixesOf, type Suffixes } from "../plan/layout.js";
import type { FileRef, ValueObjectModel } from "../plan/model.js";
import { namesOf, validateUseCaseName, type Names } from "../plan/names.js";
import { parseRule } from "../plan/rules.js";
import { valueObjectModel } from "../plan/value-object-model.js";
import { valueObjectRows } from "./value-object-rows.js";
import { testingOf, type TestingModel } from "../plan/testing.js";

/** The field every sub-generator starts from: which use-case to grow. */
export const useCaseField = text({
  flag: "use-case",
  description: "The use-case to grow, by the name its plan was made with",
  valueHint: '"Rename room"',
  required: true,
  validate: validateUseCaseName,
});

/** The use-case's bounded context, where the config's paths name it ({context}, {Context}, ...). */
export const contextField = text({ flag: "context", description: "Bounded context or module of the use-case, where the config's paths name it", fallback: "Core", ask: false });

export interface UseCaseFiles {
  useCase: Names;
  planPath: string;
  plan: string;
  /** Folders of value objects and events. */
  dirs: ReturnType<typeof stubDirs>;
  testsDir: string;
  /** The handler contract, beside the folder of the domain stubs. */
  handlerPath: string;
  /** Extension of relative imports (".js" for NodeNext). */
  ext: ".js" | "";
  suffixes: Suffixes;
  /** Where a stub at this path imports the kernel from. */
  kernelFor: (file: string) => ReturnType<typeof kernelImports>;
  ref: (path: string) => FileRef;
  fromTests: (path: string) => string;
  testPath: (kind: string) => string;
  read: (path: string) => string | undefined;
  testing: TestingModel;
  valueObjectStyle: "result" | "throw";
  kernelFromTests: { validationError: string };
}

export function openUseCase(name: string, context: BuildContext, contextName = "Core"): UseCaseFiles {
  const { config } = context;
  const useCase = namesOf(name);
  const ctx = namesOf(contextName);
  const suffixes = suffixesOf(config.suffixes);
  const layout = layoutOf(config.paths);
  const planPath = expand(layout.plan, useCase, ctx);
  const read = context.read ?? (() => undefined);
  const plan = read(planPath);
  const contextHint = /\{(context|Context|contextCamel|context_snake)\}/.test(layout.plan) ? `, or give the use-case's --context (${JSON.stringify(contextName)} was used)` : "";
  if (plan === undefined) throw new InputError(`--use-case ${JSON.stringify(name)}`, `no plan at ${planPath} (make it with mjoplan plan first${contextHint})`);
  const testsDir = expand(layout.tests, useCase, ctx);
  const kernelDir = expand(layout.kernel, useCase, ctx);
  return {
    useCase,
    planPath,
    plan,
    dirs: stubDirs(layout, useCase, ctx),
    testsDir,
    handlerPath: `${path.posix.dirname(expand(layout.source, useCase, ctx))}/${useCase.kebab}.handler.ts`,
    ext: config.importExtension,
    suffixes,
    kernelFor: (file) => kernelImports(path.posix.dirname(file), kernelDir, config.importExtension, config.kernelImport),
    ref: (p) => fileRef(planPath, p),
    fromTests: (p) => importPath(testsDir, p, config.importExtension),
    testPath: (kind) => `${testsDir}/${useCase.kebab}.${kind}${suffixes.test}`,
    read,
    testing: testingOf(config.testRunner, config.testGlobals),
    valueObjectStyle: config.valueObjectStyle,
    kernelFromTests: { validationError: kernelImports(testsDir, kernelDir, config.importExtension, config.kernelImport).validationError },
  };
}

/** The use-cases planned below `dest`, by the name in each plan's front matter (`useCase: "Rename room"`). */
export async function useCasesBelow(dest: string): Promise<string[]> {
  const plans = await findPlans([dest], dest).catch(() => []);
  const names = await Promise.all(
    plans.map(async (file) => {
      const head = (await readFile(file, "utf8").catch(() => "")).slice(0, 2000);
      const quoted = /^useCase: ("(?:[^"\\]|\\.)*")$/m.exec(head)?.[1];
      try {
        return quoted ? [JSON.parse(quoted) as string] : [];
      } catch {
        return [];
      }
    }),
  );
  return names.flat();
}

/** The value objects the plan's domain model lists (`| Name | \`rule\` | ...`), so new events can type their fields. */
export function valueObjectsOf(files: UseCaseFiles): ValueObjectModel[] {
  const out: ValueObjectModel[] = [];
  for (const row of valueObjectRows(files.plan)) {
    try {
      out.push(valueObjectModel({ name: row.name, rule: parseRule(row.rule.replace(/\\\|/g, "|")) }, files.dirs.valueObjects, files.ref, files.fromTests, undefined, files.suffixes.valueObject));
    } catch {
      // a row that is not a value object (another table with a code span)
    }
  }
  return out;
}
