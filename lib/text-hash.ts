/**
 * Two 32-bit FNV-1a hashes of a text, as 16 hex digits: cheap, and with no node:crypto to load on
 * the bin's start-up path. Not a defence against a crafted collision; its callers say what one
 * would cost them (a rejected code cache; the built-in template rendered for a same-length copy).
 */
export function fnvPair(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x2f4a7c15;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16).padStart(8, "0")}${(b >>> 0).toString(16).padStart(8, "0")}`;
}
