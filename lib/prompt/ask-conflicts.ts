/**
 * On a terminal, conflicts are asked about one by one instead of failing the
 * run: overwrite, skip, show the diff, or the same for all that are left.
 * Nothing is written until every answer is in (the writes stay all or nothing).
 */
import type { Change } from "../write/changes.js";
import type { Inquirer } from "./ask.js";

type Decision = "overwrite" | "skip";

/** The choices for a file that exists and differs, and for one merged where the person and the run changed the same lines (`places`). */
const WHOLE = { overwrite: "overwrite", skip: "skip", diff: "show diff", overwriteAll: "overwrite all", skipAll: "skip all" };
const MERGED = { overwrite: "take this run's lines there (your other edits are kept)", skip: "keep the file as it is", diff: "show the diff", overwriteAll: "take this run's lines in every file left", skipAll: "keep every file left as it is" };

/** `merged`: path -> the places a merged file's person and run both changed ("line 60"), as the run found them. */
export async function askConflicts(inquirer: Inquirer, conflicts: Change[], diffOf: (c: Change) => string, print: (s: string) => void, merged: ReadonlyMap<string, string> = new Map()): Promise<Map<string, Decision>> {
  const decisions = new Map<string, Decision>();
  let forAll: Decision | undefined;
  for (const change of conflicts) {
    if (forAll) {
      decisions.set(change.path, forAll);
      continue;
    }
    const places = merged.get(change.path);
    const words = places ? MERGED : WHOLE;
    for (;;) {
      const { action } = await inquirer.prompt([
        {
          type: "list",
          name: "action",
          message: places ? `${change.path}: you and this run changed ${places}:` : `${change.path} exists and differs:`,
          choices: [words.overwrite, words.skip, words.diff, words.overwriteAll, words.skipAll],
          default: words.skip,
        },
      ]);
      if (action === words.diff) {
        print(diffOf(change));
        continue;
      }
      const decision: Decision = action === words.overwrite || action === words.overwriteAll ? "overwrite" : "skip";
      if (action === words.overwriteAll || action === words.skipAll) forAll = decision;
      decisions.set(change.path, decision);
      break;
    }
  }
  return decisions;
}
