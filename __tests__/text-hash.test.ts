/**
 * The written-files stamp's hash is taken in WebAssembly for long texts (lib/text-hash.ts). Plans already keep hashes
 * taken by the JavaScript loop: the two must agree on every text, or an untouched file would look edited after an
 * upgrade. The reference here is the JavaScript loop itself, over the same ranges.
 */
import { fnvOfRanges, fnvRange, hexOfLanes, WASM_AFTER, WASM_FROM } from "../lib/text-hash.js";

const reference = (text: string, ranges: readonly (readonly [number, number])[]): string => {
  const lanes: [number, number] = [0x811c9dc5, 0x2f4a7c15];
  for (const [from, to] of ranges) fnvRange(text, from, to, lanes);
  return hexOfLanes(lanes);
};

/** A text of `length` code units drawn from `alphabet`, the same every run (a fixed linear congruential sequence). */
function textOf(length: number, alphabet: readonly string[], seed = 7): string {
  let x = seed;
  let out = "";
  while (out.length < length) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[x % alphabet.length];
  }
  return out.slice(0, length);
}

const ALPHABETS: Record<string, readonly string[]> = {
  ascii: ["a", "Z", " ", "\n", "{", "}", "`", "0"],
  latin1: ["é", "ÿ", "\u0080", "a"],
  bmp: ["€", "中", "\uffff", "x"],
  astral: ["😀", "𝄞", "a"],
  "lone surrogates": ["\ud800", "\udfff", "a", "😀"],
};

describe("fnvOfRanges", () => {
  for (const [name, alphabet] of Object.entries(ALPHABETS)) {
    it(`gives the JavaScript loop's hash for ${name} text, short and long, whole and in parts`, () => {
      // The short lengths again last: once the module is compiled, texts from WASM_AFTER units are hashed there too.
      for (const length of [0, 1, 100, WASM_AFTER, WASM_FROM - 1, WASM_FROM, WASM_FROM * 3 + 5, WASM_AFTER - 1, WASM_AFTER, 1000, 0]) {
        const text = textOf(length, alphabet);
        const whole: [number, number][] = [[0, text.length]];
        expect(fnvOfRanges(text, whole)).toBe(reference(text, whole));
        const parts: [number, number][] = [
          [0, Math.floor(length / 5)],
          [Math.floor(length / 3), Math.floor(length / 2)],
          [Math.floor((length * 2) / 3), length],
        ];
        expect(fnvOfRanges(text, parts)).toBe(reference(text, parts));
      }
    });
  }

  it("is not confused by a longer text hashed before a shorter one (the module's memory keeps the old bytes)", () => {
    const long = textOf(WASM_FROM * 8, ALPHABETS["bmp"]!, 3);
    const short = textOf(WASM_FROM + 1, ALPHABETS["ascii"]!, 5);
    fnvOfRanges(long, [[0, long.length]]);
    expect(fnvOfRanges(short, [[0, short.length]])).toBe(reference(short, [[0, short.length]]));
  });

  it("tells texts apart that differ in one code unit, anywhere", () => {
    const text = textOf(WASM_FROM * 2, ALPHABETS["ascii"]!, 11);
    const seen = new Set([fnvOfRanges(text, [[0, text.length]])]);
    for (const at of [0, 1, WASM_FROM, text.length - 1]) {
      const changed = `${text.slice(0, at)}${text[at] === "a" ? "b" : "a"}${text.slice(at + 1)}`;
      seen.add(fnvOfRanges(changed, [[0, changed.length]]));
    }
    expect(seen.size).toBe(5);
  });
});
