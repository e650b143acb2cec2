/**
 * On a terminal, conflicts are asked about one by one instead of failing the
 * run: overwrite, skip, show the diff, or the same for all that are left.
 * Nothing is written until every answer is in (the writes stay all or nothing).
 */
import type { Change } from "../write/changes.js";
import type { Inquirer } from "./ask.js";

type Decision = "overwrite" | "skip";

export async function askConflicts(inquirer: Inquirer, conflicts: Change[], diffOf: (c: Change) => string, print: (s: string) => void): Promise<Map<string, Decision>> {
  const decisions = new Map<string, Decision>();
  let forAll: Decision | undefined;
  for (const change of conflicts) {
    if (forAll) {
      decisions.set(change.path, forAll);
      continue;
    }
    for (;;) {
      const { action } = await inquirer.prompt([
        {
          type: "list",
          name: "action",
          message: `${change.path} exists and differs:`,
          choices: ["overwrite", "skip", "show diff", "overwrite all", "skip all"],
          default: "skip",
        },
      ]);
      if (action === "show diff") {
        print(diffOf(change));
        continue;
      }
      const decision: Decision = String(action).startsWith("overwrite") ? "overwrite" : "skip";
      if (String(action).endsWith(" all")) forAll = decision;
      decisions.set(change.path, decision);
      break;
    }
  }
  return decisions;
}
