/**
 * The shared domain kernel the stubs import: its files, and the index module
 * `mjoplan kernel` adds so a team's `kernelImport` (a path alias or package
 * name) can point at one module. Its own imports honour importExtension like
 * every other generated import.
 */
import type { Renderer } from "../../lib/render/engine.js";
import type { PlannedFile } from "../../lib/write/planned-file.js";
import { kernelImports } from "./layout.js";

export const KERNEL_FILES = ["result", "validation-error", "value-object", "domain-event"] as const;

// The kernel depends on nothing a use-case says: a batch renders it once per renderer and import style, not once per use-case.
const rendered = new WeakMap<Renderer, Map<string, string[]>>();

export function kernelFiles(renderer: Renderer, kernelDir: string, extension: ".js" | "", mode: PlannedFile["mode"], withIndex = false): PlannedFile[] {
  // The kernel's files import each other: from its own folder to its own folder.
  const kernel = kernelImports(kernelDir, kernelDir, extension);
  const byExtension = rendered.get(renderer) ?? new Map<string, string[]>();
  rendered.set(renderer, byExtension);
  let contents = byExtension.get(extension);
  if (!contents) byExtension.set(extension, (contents = KERNEL_FILES.map((name) => renderer.render(`kernel/${name}.ts.hbs`, { kernel }))));
  const files: PlannedFile[] = KERNEL_FILES.map((name, i) => ({ path: `${kernelDir}/${name}.ts`, content: contents[i]!, mode }));
  if (withIndex) {
    const index = Object.values(kernel).map((from) => `export * from ${JSON.stringify(from)};`);
    files.push({ path: `${kernelDir}/index.ts`, content: `${index.join("\n")}\n`, mode });
  }
  return files;
}
