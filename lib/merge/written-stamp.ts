/**
 * What mjoplan wrote, kept in the plan: a hash of each of the use-case's files as the run rendered it,
 * in a comment after the kept answers (`<!-- mjoplan:written {"src/...":"<hash>",...} -->`).
 *
 * Planning again merges each file three ways from a base, the kept answers rendered by the mjoplan that
 * runs. After an upgrade (or a team template's change) that base is not what was written: every line the
 * new version writes differently would count as the person's, and a file nobody touched would keep its
 * old text for ever. With the hash, a file still exactly as mjoplan wrote it is known to be untouched and
 * is replaced whole by the new rendering; a file edited since is merged as before.
 *
 * The hash is of the rendering, never of a merge: a file holding a person's lines never matches it, so it
 * is merged again next time, never replaced. A plan's own hash leaves out its embedded test code (a copy of
 * the test files, which have hashes of their own, refreshed by `sync`) and this comment.
 */
import { fileOfBytes, type PlannedFile } from "../write/planned-file.js";
import { fnvOfRanges } from "../text-hash.js";

const MARK = "<!-- mjoplan:written ";

/** Where the comment's line starts in `plan`, or -1. */
const stampAt = (plan: string): number => {
  const at = plan.lastIndexOf(`\n${MARK}`);
  return at < 0 ? -1 : at + 1;
};

/** The plan without its written-files comment line. */
export function withoutStamp(plan: string): string {
  const at = stampAt(plan);
  if (at < 0) return plan;
  const end = plan.indexOf("\n", at);
  return plan.slice(0, at) + (end < 0 ? "" : plan.slice(end + 1));
}

/** The hashes a plan keeps, by path below --dest; undefined for a plan without them (an older mjoplan's) or one whose comment does not read. */
export function writtenHashes(plan: string): Map<string, string> | undefined {
  const at = stampAt(plan);
  if (at < 0) return undefined;
  const end = plan.indexOf(" -->", at);
  if (end < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(plan.slice(at + MARK.length, end));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    return new Map(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    // A comment edited into something else: no file is known untouched, so every one is merged (nothing lost).
    return undefined;
  }
}

/**
 * Where each embedded test's code lies in a plan (`[`file`](link)`, a blank line, a ```ts fence, the code, the
 * closing fence), as [from, to) ranges: the code between the opening fence's line and the closing fence's.
 * A scan for the fences, not a parse of the links: a hash is taken of every plan a run writes.
 */
function embeddedCode(plan: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = plan.indexOf("\n\n```ts\n"); at >= 0; at = plan.indexOf("\n\n```ts\n", at + 1)) {
    const lineStart = plan.lastIndexOf("\n", at - 1) + 1;
    if (!plan.startsWith("[`", lineStart) || plan[at - 1] !== ")") continue;
    const from = at + 8; // after "\n\n```ts\n"
    let to = from;
    if (!plan.startsWith("```\n", from)) {
      const close = plan.indexOf("\n```\n", from);
      if (close < 0) break;
      to = close + 1;
    }
    out.push([from, to]);
    at = to;
  }
  return out;
}

/** A file's hash as the stamp keeps it: a plan's without its embedded test code and without the stamp. */
export function hashOf(content: string, isPlan: boolean | undefined): string {
  if (!isPlan) return fnvOfRanges(content, [[0, content.length]]);
  const stamp = stampAt(content);
  const lineEnd = stamp < 0 ? -1 : content.indexOf("\n", stamp);
  const skip: [number, number][] = [...embeddedCode(content), ...(stamp < 0 ? [] : [[stamp, lineEnd < 0 ? content.length : lineEnd + 1] as [number, number]])].sort((x, y) => x[0] - y[0]);
  // The parts between the skipped ranges, in order.
  const kept: [number, number][] = [];
  let at = 0;
  for (const [from, to] of skip) {
    if (from < at) continue;
    kept.push([at, from]);
    at = to;
  }
  kept.push([at, content.length]);
  return fnvOfRanges(content, kept);
}

/** Hashes taken on the main thread, by file: a batch's clash check (lib/write/changes.ts) and the stamp take the same one. */
const taken = new WeakMap<PlannedFile, string>();

/** `file`'s hash as the stamp keeps it: the render thread's where it took one, else taken here (once a file). */
export function writtenHashOf(file: PlannedFile): string {
  if (file.writtenHash !== undefined) return file.writtenHash;
  let hash = taken.get(file);
  if (hash === undefined) taken.set(file, (hash = hashOf(file.content, file.isPlan)));
  return hash;
}

/**
 * The use-case's files, each plan among them ending with the hashes of `rendered` (this run's own rendering of
 * each file, formatted, before any merge). Files shared by use-cases (create-only: the kernel) are left out.
 */
export function stampWritten(files: readonly PlannedFile[], rendered: readonly PlannedFile[]): PlannedFile[] {
  if (!files.some((f) => f.isPlan)) return [...files];
  const hashes: Record<string, string> = {};
  // The plan first: the longest text, whose hash compiles the WebAssembly loop that then hashes the rest (text-hash.ts).
  for (const f of rendered) if (f.isPlan && f.mode !== "create-only") writtenHashOf(f);
  for (const f of rendered) if (f.mode !== "create-only") hashes[f.path] = writtenHashOf(f);
  const line = `${MARK}${JSON.stringify(hashes).replace(/</g, "\\u003c").replace(/>/g, "\\u003e")} -->\n`;
  return files.map((f) => {
    if (!f.isPlan) return f;
    const bytes = f.bytes && withLineAppended(f.bytes, line, f.roomAfter === true);
    if (bytes) return fileOfBytes(f, bytes, { ...(f.placeholders !== undefined ? { placeholders: f.placeholders } : {}) });
    const plan = withoutStamp(f.content);
    return { ...f, content: `${plan}${plan.endsWith("\n") ? "" : "\n"}${line}` };
  });
}

/** Plans' bytes whose room after them (PlannedFile.roomAfter) holds a stamp already: a second stamp of one is a copy. */
const roomUsed = new WeakSet<Uint8Array>();

/**
 * A plan that came as bytes (a batch's render thread) with `line` after it, as the text path would make it, without
 * decoding it: undefined where it holds a stamp already (a template that writes one), which the text path replaces.
 * `roomAfter`: the bytes after the plan's in its buffer are free (PlannedFile.roomAfter): the line is written there
 * and the plan's view lengthened, once; else plan and line are copied into a new buffer.
 */
function withLineAppended(bytes: Uint8Array, line: string, roomAfter = false): Uint8Array | undefined {
  const plan = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (plan.lastIndexOf(`\n${MARK}`) >= 0) return undefined;
  const tail = `${plan.length > 0 && plan[plan.length - 1] === 0x0a ? "" : "\n"}${line}`;
  const end = bytes.byteOffset + bytes.byteLength;
  if (roomAfter && !roomUsed.has(bytes) && bytes.buffer.byteLength - end >= Buffer.byteLength(tail, "utf8")) {
    roomUsed.add(bytes);
    const written = Buffer.from(bytes.buffer, end, bytes.buffer.byteLength - end).write(tail, 0, "utf8");
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength + written);
  }
  return Buffer.concat([plan, Buffer.from(tail, "utf8")]);
}
