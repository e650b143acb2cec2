/**
 * Two 32-bit FNV-1a hashes of a text (each UTF-16 code unit taken whole), as 16 hex digits: cheap, and
 * with no node:crypto to load on the bin's start-up path. Not a defence against a crafted collision; its
 * callers say what one would cost them (a rejected code cache; the built-in template rendered for a
 * same-length copy; a file taken as untouched and replaced).
 */
export function fnvPair(text: string): string {
  const lanes: [number, number] = [FNV_A, FNV_B];
  fnvRange(text, 0, text.length, lanes);
  return hexOfLanes(lanes);
}

/** The lanes' offset bases (the second is the first's murmur-style companion). */
const FNV_A = 0x811c9dc5;
const FNV_B = 0x2f4a7c15;

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

/**
 * fnvRange's loop in WebAssembly: `fnv(from, to, a, b)` over the UTF-16LE code units in its memory from byte `from`
 * to byte `to`, returning the two lanes. Assembled (wabt) from:
 *
 *   (module (memory (export "memory") 1)
 *     (func (export "fnv") (param $from i32) (param $to i32) (param $a i32) (param $b i32) (result i32 i32)
 *       (local $c i32)
 *       (block $done (loop $next
 *         (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
 *         (local.set $c (i32.load16_u (local.get $from)))
 *         (local.set $a (i32.mul (i32.xor (local.get $a) (local.get $c)) (i32.const 0x01000193)))
 *         (local.set $b (i32.mul (i32.xor (local.get $b) (local.get $c)) (i32.const 0x5bd1e995)))
 *         (local.set $from (i32.add (local.get $from) (i32.const 2)))
 *         (br $next)))
 *       (local.get $a) (local.get $b)))
 *
 * Why: a run hashes every file it writes (lib/merge/written-stamp.ts), ~155,000 characters for one use-case. A short
 * run's JavaScript stays in V8's interpreter, where that loop took 5-8 ms of a ~160 ms run; compiled once (~1 ms), the
 * same loop over the same code units takes well under one. Same code units, same arithmetic: the same hashes, so the
 * hashes plans already keep still match (__tests__/text-hash.test.ts compares the two on every kind of text).
 */
const FNV_WASM = "AGFzbQEAAAABCgFgBH9/f38Cf38DAgEABQMBAAEHEAIGbWVtb3J5AgADZm52AAAKQgFAAQF/AkADQCAAIAFPDQEgAC8BACEEIAIgBHNBk4OACGwhAiADIARzQZXTx94FbCEDIABBAmohAAwACwsgAiADCw==";

/** Below this many code units the interpreter's loop costs less than compiling the module (~1 ms, once a process). */
export const WASM_FROM = 16_384;
/** Once the module is compiled, a text this long is hashed there too: a plan's other files (~59,000 code units). */
export const WASM_AFTER = 256;

interface FnvModule {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  fnv: (from: number, to: number, a: number, b: number) => [number, number];
}
/** The part of the WebAssembly global used here (the project's types are Node's, which declare none on Node 20's). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
const WASM = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let wasm: FnvModule | undefined;

/** `text`'s code units in the module's memory, from byte 0 (the memory grown to hold them). */
function intoWasm(api: WasmApi, text: string): FnvModule {
  wasm ??= new api.Instance(new api.Module(Buffer.from(FNV_WASM, "base64"))).exports as FnvModule;
  const need = text.length * 2;
  const have = wasm.memory.buffer.byteLength;
  if (have < need) wasm.memory.grow(Math.ceil((need - have) / 65_536));
  // Buffer's utf16le writes each code unit as it is (a lone surrogate too), little-endian as wasm reads it on any machine.
  Buffer.from(wasm.memory.buffer).write(text, 0, "utf16le");
  return wasm;
}

/**
 * fnvPair over the parts of `text` given as [from, to) ranges in ascending, non-overlapping order: the hash of those
 * parts one after the other (a text with gaps left out). A long text is hashed in WebAssembly, a short one here.
 */
export function fnvOfRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  const lanes: [number, number] = [FNV_A, FNV_B];
  if (WASM === undefined || text.length < (wasm === undefined ? WASM_FROM : WASM_AFTER)) {
    for (const [from, to] of ranges) fnvRange(text, from, to, lanes);
    return hexOfLanes(lanes);
  }
  const { fnv } = intoWasm(WASM, text);
  for (const [from, to] of ranges) [lanes[0], lanes[1]] = fnv(from * 2, to * 2, lanes[0], lanes[1]);
  return hexOfLanes(lanes);
}
