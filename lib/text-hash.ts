/**
 * Two 32-bit FNV-1a hashes of a text, as 16 hex digits: cheap, and with no node:crypto to load on
 * the bin's start-up path. Not a defence against a crafted collision; its callers say what one
 * would cost them (a rejected code cache; the built-in template rendered for a same-length copy).
 */
export function fnvPair(text: string): string {
  const lanes: [number, number] = [0x811c9dc5, 0x2f4a7c15];
  fnvRange(text, 0, text.length, lanes);
  return hexOfLanes(lanes);
}

/** The same two hashes over `text` from `from` to `to`, carried on in `lanes` (a text hashed in pieces, gaps left out). */
export function fnvRange(text: string, from: number, to: number, lanes: [number, number]): void {
  let [a, b] = lanes;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  lanes[0] = a;
  lanes[1] = b;
}

/** Two lanes as fnvPair writes them: 16 hex digits. */
export const hexOfLanes = ([a, b]: readonly [number, number]): string => `${(a >>> 0).toString(16).padStart(8, "0")}${(b >>> 0).toString(16).padStart(8, "0")}`;
