/**
 * Where a use-case's files go. Paths are templates with {UseCase}, {use-case}
 * and {useCase}; they are expanded once per use-case and kept below --dest.
 */
import path from "node:path";
import type { Names } from "./names.js";
import type { FileRef } from "./model.js";

export interface Layout {
  plan: string;
  source: string;
  tests: string;
  kernel: string;
}

export const DEFAULT_LAYOUT: Layout = {
  plan: "docs/features/api/{UseCase}/{UseCase}-plan.md",
  source: "src/features/{use-case}/domain",
  tests: "src/features/{use-case}/__tests__",
  kernel: "src/shared/domain",
};

export function expand(template: string, names: Names): string {
  return template.replaceAll("{UseCase}", names.pascal).replaceAll("{use-case}", names.kebab).replaceAll("{useCase}", names.camel);
}

/** A file below --dest and its link from the plan's folder. */
export function fileRef(planPath: string, filePath: string): FileRef {
  return { path: filePath, link: path.posix.relative(path.posix.dirname(planPath), filePath) };
}

/** An import specifier from one folder to a .ts file: ending in .js as NodeNext wants, or with none for bundler resolution. */
export function importPath(fromDir: string, toFile: string, extension: ".js" | "" = ".js"): string {
  const rel = path.posix.relative(fromDir, toFile.replace(/\.ts$/, extension));
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** Where the domain stubs import the kernel from: the team's own module, or the kernel files below --dest. */
export function kernelImports(sourceDir: string, kernelDir: string, extension: ".js" | "", kernelImport?: string): { result: string; validationError: string; valueObject: string; domainEvent: string } {
  const from = (name: string) => kernelImport ?? importPath(sourceDir, `${kernelDir}/${name}.ts`, extension);
  return { result: from("result"), validationError: from("validation-error"), valueObject: from("value-object"), domainEvent: from("domain-event") };
}
