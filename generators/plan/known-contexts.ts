/**
 * Where the layout gives each bounded context a folder of its own (`src/modules/{context}/...`), the
 * contexts already there are that folder's sub-folders. A context that is none of them founds a new
 * module: one edit away from one is a typo (refused, with the name meant, as for a capability), any
 * other is said in a warning, and so is the default context a run took without --context.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { nearest } from "../../lib/measure/nearest.js";
import { namesOf } from "./names.js";
import { PLACEHOLDERS, type Layout } from "./layout.js";

const CONTEXT_PLACEHOLDERS = Object.keys(PLACEHOLDERS).filter((p) => PLACEHOLDERS[p]!.what.startsWith("context"));

/** The folder whose sub-folders are the contexts, and the placeholder that names one: from the first path with a whole segment for the context and nothing variable before it. */
export function contextsFolderOf(layout: Layout): { parent: string; placeholder: string } | undefined {
  for (const template of [layout.source, layout.tests, layout.handler, layout.valueObjects, layout.events]) {
    if (!template) continue;
    const segments = template.split("/");
    const at = segments.findIndex((s) => s.includes("{"));
    if (at > 0 && CONTEXT_PLACEHOLDERS.includes(segments[at]!)) return { parent: segments.slice(0, at).join("/"), placeholder: segments[at]! };
  }
  return undefined;
}

/** The sub-folders of `rel` below `dest`, sorted; none where it is missing. */
export function foldersIn(dest: string, rel: string): string[] {
  try {
    return readdirSync(path.join(dest, rel), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

export interface ContextFinding {
  /** A typo of an existing context: bad input. */
  problem?: string;
  /** A new context beside existing ones: a warning. */
  warning?: string;
}

/**
 * What to say of `context` (the schema's fallback where none was given) where `existing` are the folders of
 * the contexts there are, below the folder's parent; nothing where it is one of them or there are none yet.
 */
export function contextFinding(context: string, fallback: string, folder: { parent: string; placeholder: string }, existing: readonly string[]): ContextFinding {
  const name = context.trim() || fallback;
  if (!existing.length) return {};
  const form = PLACEHOLDERS[folder.placeholder]!.of(namesOf("x"), namesOf(name));
  if (existing.includes(form)) return {};
  const here = `${folder.parent}/ has ${existing.slice(0, 6).join(", ")}${existing.length > 6 ? ", ..." : ""}`;
  const meant = nearest(form, existing);
  if (meant) return { problem: `${JSON.stringify(name)} names no module in ${folder.parent}/; did you mean ${JSON.stringify(meant)}? (for a new module of that name, create ${folder.parent}/${form} first)` };
  const given = name === fallback ? "the default where none is given, " : "";
  return { warning: `--context ${JSON.stringify(name)}: ${given}founds a new module ${folder.parent}/${form} (${here}); give the use-case's own context if it belongs to one of them` };
}
