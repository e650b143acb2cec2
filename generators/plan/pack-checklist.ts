/**
 * A team pack's `checklist` entry links an item of the review checklist (the feature-planning prompt's, word for word)
 * to what covers it: checklist.ts finds an entry by its exact text. Any other text (a new item, "Threat model complete")
 * linked nothing and nothing said so, where every other mistake in a pack stops the run (USER20 U3). Pure.
 */
import path from "node:path";
import { nearest } from "../../lib/measure/nearest.js";
import type { LoadedPack } from "../../lib/packs/pack.js";
import { PROMPT_CHECKLIST } from "./checklist.js";

const ITEMS: readonly string[] = Object.values(PROMPT_CHECKLIST).flat();

/** The first team pack's checklist entry whose item the review checklist does not have: where it is and what is wrong; undefined where there is none. */
export function unknownChecklistItem(packs: readonly LoadedPack[], packFolder: string): { where: string; problem: string } | undefined {
  for (const pack of packs) {
    if (pack.source !== "team") continue;
    const entries = pack.checklist ?? [];
    for (let i = 0; i < entries.length; i++) {
      const item = entries[i]!.item;
      if (ITEMS.includes(item)) continue;
      const meant = nearest(item, ITEMS);
      return {
        where: `${path.posix.join(packFolder.split(path.sep).join("/"), pack.file)}: checklist[${i}].item`,
        problem: `${JSON.stringify(item)} is no item of the review checklist, so it would link nothing${meant ? `; did you mean ${JSON.stringify(meant)}?` : ""} (a pack links one of the feature-planning prompt's items to what covers it; a new item goes in the config's checklist)`,
      };
    }
  }
  return undefined;
}
