import { fnvPair } from "../text-hash.js";

/**
 * What tells a template's text from another without keeping the text: its length and two 32-bit
 * FNV-1a hashes. The build stores it beside each precompiled built-in template
 * (scripts/build-assets.mjs), so a run compares a team's copy or another folder's file with the
 * built-in one without loading the built-in's source. Not a defence against a crafted collision:
 * a template is the team's own file, and the worst a collision could do is render the built-in.
 */
export function templateKey(text: string): string {
  return `${text.length}:${fnvPair(text)}`;
}
