/**
 * The packs a run uses: the built-in ones, then the team's from its pack folder
 * (config `packs`, default .mjoplan/packs), less those the config switches off
 * (`disablePacks`: names, or a trailing-`*` prefix). A team pack named like a built-in one replaces it, as a team
 * template replaces the built-in template of the same path.
 */
import path from "node:path";
import type { LoadedConfig } from "../config/load-config.js";
import { InputError, InputErrors } from "../errors.js";
import { nearest } from "../measure/nearest.js";
import { builtInPacks } from "./built-in.js";
import { loadPackDir, otherPackTestProblems } from "./load.js";
import type { LoadedPack } from "./pack.js";

export interface PackSet {
  /** What the engine applies, in order: built-in ones (file order), then the team's. */
  active: LoadedPack[];
  /** Switched off by the config. */
  disabled: LoadedPack[];
  /** Built-in packs a team pack of the same name replaces. */
  replaced: LoadedPack[];
  /** The team's pack folder as the user names it (relative to the working folder). */
  teamFolder: string;
}

export function packSetOf(loaded: LoadedConfig, cwd: string = process.cwd()): PackSet {
  const dir = path.resolve(loaded.dir, loaded.config.packs);
  const teamFolder = path.relative(cwd, dir) || ".";
  const team = loadPackDir(dir, "team", teamFolder);
  const teamNames = new Set(team.map((p) => p.name));
  const builtIn = builtInPacks();
  const replaced = builtIn.filter((p) => teamNames.has(p.name));
  const all = [...builtIn.filter((p) => !teamNames.has(p.name)), ...team];
  // A team pack's test named as another pack's (pack/key) names one there is, a built-in one's or the team's; and where a
  // team pack replaces a built-in one, the built-in packs citing its tests still find them (the build checked the rest).
  const crossed = [
    ...otherPackTestProblems(team, all, (p) => path.join(teamFolder, p.file)),
    ...(replaced.length ? otherPackTestProblems(all.filter((p) => p.source === "built-in"), all, (p) => `packs/${p.file}`) : []),
  ];
  if (crossed.length) throw new InputErrors(crossed);
  const off = loaded.config.disablePacks;
  off.forEach((entry, i) => {
    if (!all.some((p) => switchesOff(entry, p.name))) {
      // A name one typo off a pack's is said with the name meant (USER20 U11), as a capability's is.
      const meant = entry.endsWith("*") ? undefined : nearest(entry, all.map((p) => p.name));
      throw new InputError(`${loaded.keySources?.["disablePacks"] ?? loaded.config.source ?? "config"}.disablePacks[${i}]`, `${entry.endsWith("*") ? `no pack's name begins with "${entry.slice(0, -1)}"` : `no pack is named "${entry}"${meant ? `; did you mean "${meant}"?` : ""}`} (mjoplan packs lists them)`);
    }
  });
  const isOff = (p: LoadedPack): boolean => off.some((entry) => switchesOff(entry, p.name));
  return { active: all.filter((p) => !isOff(p)), disabled: all.filter(isOff), replaced, teamFolder };
}

/**
 * Whether a `disablePacks` entry switches a pack off: its name, or a name ending in `*` (capability-sends-message-*)
 * every pack whose name begins with what comes before it, so a team that turns a capability off keeps it off when a
 * new pack for that capability comes.
 */
export const switchesOff = (entry: string, name: string): boolean => (entry.endsWith("*") ? name.startsWith(entry.slice(0, -1)) : name === entry);

/** The packs a run applies. */
export function packsOf(loaded: LoadedConfig): LoadedPack[] {
  return packSetOf(loaded).active;
}

/** The last list knownCapabilities was asked about, and its answer: a batch asks about the same packs for every use-case (builtInPacks gives a new list of the same packs each call). */
let lastKnown: { packs: readonly LoadedPack[]; capabilities: readonly string[] } | undefined;

/** Every capability some pack's when names: the built-in ones and those a team pack adds (`--capability payment`). */
export function knownCapabilities(packs: readonly LoadedPack[]): string[] {
  if (lastKnown && lastKnown.packs.length === packs.length && lastKnown.packs.every((p, i) => p === packs[i])) return [...lastKnown.capabilities];
  const capabilities = [...new Set(packs.flatMap((p) => (p.when?.capability === undefined ? [] : [p.when.capability].flat())))].sort();
  lastKnown = { packs: [...packs], capabilities };
  return [...capabilities];
}
