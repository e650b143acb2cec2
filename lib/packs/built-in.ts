/**
 * The built-in packs: packs/*.yaml, validated and compiled to dist/packs.json by
 * the build (scripts/build-assets.mjs), so a run reads JSON and parses no YAML.
 */
import { openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { GenerationError } from "../errors.js";
import { PACKAGE_ROOT } from "../paths.js";
import type { LoadedPack } from "./pack.js";

/** The packs' source folder (shipped for reading: a team learns the format from it). */
export const PACKS_DIR = path.join(PACKAGE_ROOT, "packs");
/** Where the build writes them. */
export const COMPILED_PACKS = path.join(PACKAGE_ROOT, "dist", "packs.json");
/** What a run reads first: each pack's name, `when` and settings, and where the rest of it is in COMPILED_PACKS. */
export const PACKS_INDEX = path.join(PACKAGE_ROOT, "dist", "packs-index.json");

/** A pack as the index has it: the parts every run reads, its keys in their order, and its text's byte range in packs.json. */
interface IndexEntry {
  keys: string[];
  at: [number, number];
  name: string;
  source: "built-in";
  file: string;
  when?: LoadedPack["when"];
  settings?: LoadedPack["settings"];
}

let cached: LoadedPack[] | undefined;

const notCompiled = (file: string, cause: unknown): GenerationError =>
  new GenerationError(`the built-in packs are not compiled (${path.relative(PACKAGE_ROOT, file)} is missing or out of date: run npm run build)`, { cause });

/** Every built-in pack, in file-name order (a new list each call; the packs themselves are shared, not to be changed). */
export function builtInPacks(): LoadedPack[] {
  if (cached) return [...cached];
  let index: IndexEntry[];
  try {
    index = (JSON.parse(readFileSync(PACKS_INDEX, "utf8")) as { packs: IndexEntry[] }).packs;
  } catch (e) {
    throw notCompiled(PACKS_INDEX, e);
  }
  cached = index.map(withBodyOnFirstUse);
  return [...cached];
}

/**
 * The pack of an index entry: what the index holds as it is, every other key a getter that reads the pack's text from
 * packs.json at its first use and puts all of them in place as plain values (same keys, same order as a parse of the
 * whole file). Most packs never apply to a use-case: their texts are never read (~250 pages of fresh memory and ~4 ms of
 * a run's start on a machine where a page first touched costs ~30 us). The getters are one per key, shared by every
 * pack, so packs with the same keys share their shape too (a getter per pack gave each its own: ~160 pages more).
 */
function withBodyOnFirstUse(entry: IndexEntry): LoadedPack {
  const pack: Record<string, unknown> = {};
  const given = entry as unknown as Record<string, unknown>;
  for (const key of entry.keys) {
    if (key in given) pack[key] = given[key];
    else Object.defineProperty(pack, key, { get: getterOf(key), enumerable: true, configurable: true });
  }
  entries.set(pack, entry);
  return pack as unknown as LoadedPack;
}

/** The index entry of each pack whose text is not read yet. */
const entries = new WeakMap<object, IndexEntry>();
const getters = new Map<string, (this: object) => unknown>();

function getterOf(key: string): (this: object) => unknown {
  let getter = getters.get(key);
  if (!getter) getters.set(key, (getter = function (this: object) { return bodyOf(this)[key]; }));
  return getter;
}

/** Reads the pack's text and makes each of its getters a plain value. */
function bodyOf(pack: object): Record<string, unknown> {
  const entry = entries.get(pack);
  if (!entry) throw new GenerationError("a built-in pack's items were asked of a copy made before they were read");
  const whole = readPackText(entry);
  const given = entry as unknown as Record<string, unknown>;
  for (const key of entry.keys) if (!(key in given)) Object.defineProperty(pack, key, { value: whole[key], writable: true, enumerable: true, configurable: true });
  entries.delete(pack);
  return whole;
}

/**
 * The descriptor packs.json is read through, opened at the first pack read and kept for the process: a password reset
 * reads 19 packs, which were 19 opens and closes. A run that reads no pack's text opens nothing. The process's exit
 * closes it; a failed open is not kept, so the next read tries again.
 */
let packsFd: number | undefined;
const packsFile = (): number => (packsFd ??= openSync(COMPILED_PACKS, "r"));

/** One pack's JSON text from packs.json, parsed; it must be the pack the index names. */
function readPackText(entry: IndexEntry): Record<string, unknown> {
  const [from, to] = entry.at;
  let whole: Record<string, unknown>;
  try {
    const fd = packsFile();
    const bytes = Buffer.allocUnsafe(to - from);
    let read = 0;
    for (let n = -1; read < bytes.length && n !== 0; read += n) n = readSync(fd, bytes, read, bytes.length - read, from + read);
    // The build writes packs.json as ASCII (JSON escapes beyond it).
    whole = JSON.parse(bytes.toString("latin1", 0, read)) as Record<string, unknown>;
  } catch (e) {
    throw notCompiled(COMPILED_PACKS, e);
  }
  if (whole["name"] !== entry.name) throw notCompiled(COMPILED_PACKS, new Error(`${entry.name} is not at ${from}-${to}`));
  return whole;
}

/** The settings the built-in packs state, by name: what a run falls back on when the pack stating one is switched off. */
export function builtInSettings(): Record<string, number> {
  return Object.fromEntries(builtInPacks().flatMap((p) => (p.settings ?? []).map((s) => [s.name, s.value] as const)));
}
