/**
 * What tells a template's text from another without keeping the text: its length and two 32-bit
 * FNV-1a hashes. The build stores it beside each precompiled built-in template
 * (scripts/build-assets.mjs), so a run compares a team's copy or another folder's file with the
 * built-in one without loading the built-in's source. Not a defence against a crafted collision:
 * a template is the team's own file, and the worst a collision could do is render the built-in.
 */
export function templateKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x2f4a7c15;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${text.length}:${(a >>> 0).toString(16).padStart(8, "0")}${(b >>> 0).toString(16).padStart(8, "0")}`;
}
