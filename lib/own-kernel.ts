/**
 * Whether a kernel file is mjoplan's own: init reports a team's own ValueObject base, and a run that
 * keeps a team's own (the file exists, so it is not overwritten) says so, since the stubs it writes
 * are made for mjoplan's kernel and may not compile against another.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** The opening of mjoplan's own ValueObject (its kernel template's doc comment), however formatted. */
export const OWN_KERNEL_VALUE_OBJECT = /Base of value objects: immutable, compared by type and value \(never by\s*\*?\s*JSON\.stringify, whose result depends on key order\)/;

/**
 * The warning for a kept `value-object.ts` that is not mjoplan's, or undefined. `changes`: a run's files and
 * actions, below `dest`, with the text the run read (`before`) where its report keeps it (a single use-case,
 * a dry run); a batch's report keeps none, and the file is read again.
 */
export function foreignKernelWarning(dest: string, changes: readonly { path: string; action: string; before?: string }[]): string | undefined {
  const kept = changes.find((c) => c.action === "keep" && /(^|\/)value-object\.ts$/.test(c.path));
  if (!kept) return undefined;
  let text: string;
  try {
    text = kept.before ?? readFileSync(path.join(dest, kept.path), "utf8");
  } catch {
    return undefined;
  }
  if (OWN_KERNEL_VALUE_OBJECT.test(text)) return undefined;
  return `${kept.path} is kept and is not mjoplan's ValueObject: the value-object stubs are written for mjoplan's kernel and may not compile against it; see ${README_KERNEL}`;
}

const README_KERNEL = `"The shared kernel and a team's own base classes" in the README (kernelImport, or eject the templates)`;

/**
 * The warning for mjoplan's kernel created beside a ValueObject base the repository has elsewhere
 * (`ownBase`, as init finds it, asked only when a run creates the kernel), or undefined: two base
 * classes and two Results a few folders apart, which editors' auto-import then both offer.
 */
export function secondKernelWarning(changes: readonly { path: string; action: string }[], ownBase: () => string | undefined): string | undefined {
  const created = changes.find((c) => c.action === "create" && /(^|\/)value-object\.ts$/.test(c.path));
  if (!created) return undefined;
  const base = ownBase();
  if (base === undefined || base === created.path) return undefined;
  return `${created.path} is mjoplan's kernel, written beside the repository's own ValueObject (${base}); to build on yours instead, see ${README_KERNEL}`;
}
