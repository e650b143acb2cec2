/**
 * Reads an --answers file (JSON, or YAML by extension): one use-case object or
 * an array of them. Each entry is checked for unknown keys here; values are
 * parsed by the schema with their position in the file as `where`. A JSON list
 * is held as the places of its entries: each is read from the file again and
 * parsed when it is asked for (and must be what was checked), so a batch holds
 * neither its entries as objects nor the file's text.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { GenerationError, InputError } from "../errors.js";
import { isObject } from "../is-object.js";
import type { Schema } from "../schema/field.js";
import type { GivenSet } from "../schema/resolve.js";
import { arrayElements } from "./json-elements.js";
import { duplicateKey } from "./json-duplicate-key.js";
import { notValidJson } from "../json-fault.js";
import { nearest } from "../measure/nearest.js";
import { JSON_VALUES, valueWordsOf } from "../answer-words.js";

/** The largest answers file read (tens of thousands of use-cases): what a batch holds in memory stays bounded. */
export const MAX_ANSWERS_BYTES = 32 * 1024 * 1024;

/** One use-case of an answers file: its answers, and where it is (`backlog.json[2]`, or the file for a single object). */
export interface AnswersEntry<S extends Schema> {
  at: string;
  given: GivenSet<S>;
}

/**
 * An answers file's use-cases, each made on demand: a JSON batch keeps where each entry
 * is in the file and a hash of it, no more (every entry is checked for its shape and keys
 * when the file is read).
 */
export interface AnswersFile<S extends Schema> {
  count: number;
  entry(i: number): AnswersEntry<S>;
}

export async function readAnswersFile<S extends Schema>(file: string, schema: S, cwd: string): Promise<AnswersFile<S>> {
  const full = path.resolve(cwd, file);
  let bytes: Buffer;
  let converted = false;
  let seekable = true;
  try {
    // Synchronous: nothing else runs yet, and the thread pool's round trips (a readFile is four) cost a short run more than the reads.
    const stat = statSync(full);
    if (stat.size > MAX_ANSWERS_BYTES) throw tooLarge(file);
    // A pipe (`--answers /dev/stdin`, `<(...)`) or a device has no size to check beforehand, and /dev/zero never ends
    // (it ate gigabytes, USER21 V2): read to the cap and no further; and it cannot be read again by places (USER21 V3).
    seekable = stat.isFile();
    const stored = seekable ? readFileSync(full) : readCapped(full, file);
    bytes = asUtf8(stored);
    converted = bytes !== stored;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`--answers ${file}`, code === "ENOENT" ? "file not found" : `cannot read it (${code ?? String(e)})`);
  }
  const yaml = /\.ya?ml$/i.test(file);
  // A plan mjoplan wrote keeps the answers it was made with: its own answers file, so a re-plan changes only what flags give.
  const plan = /\.md$/i.test(file);
  // A JSON list is kept as the places of its entries, each parsed when asked for (a batch holds no thousands of objects);
  // YAML, and JSON the scan does not follow (a single object, a syntax error), are parsed whole.
  const ranges = yaml || plan ? undefined : arrayElements(bytes);
  const list = ranges !== undefined ? ranges.length / 2 : undefined;
  // A YAML batch's entries that only hold shared answers (`- &base {context: Rooms}`) are no use-cases: left out, the
  // others keeping their places in the file for messages (backlog.yaml[2] is the file's third entry).
  const parsedYaml = list === undefined && !plan && yaml ? await parseYaml(bytes.toString("utf8"), file) : undefined;
  const whole = list === undefined ? (plan ? answersOfPlan(bytes.toString("utf8"), file) : parsedYaml ? parsedYaml.value : parseJson(bytes.toString("utf8"), file)) : undefined;
  const places = parsedYaml?.places;
  const entries: unknown[] | undefined = list !== undefined ? undefined : Array.isArray(whole) ? whole : [whole];
  const isList = list !== undefined || Array.isArray(whole);
  const count = list ?? entries!.length;
  // The first pass reads the bytes in memory; later ones read each entry from the file again, checked against a hash of what was checked.
  let inMemory: Buffer | undefined = bytes;
  const sums: number[] = [];
  const textOf = (i: number): string => {
    const start = ranges![2 * i]!;
    const end = ranges![2 * i + 1]!;
    if (inMemory) {
      const text = inMemory.toString("utf8", start, end);
      sums[i] = hash30(text);
      return text;
    }
    const text = readRange(full, start, end);
    if (hash30(text) !== sums[i]) throw new GenerationError(`--answers ${file} changed while the batch ran; nothing was written`);
    return text;
  };
  // The first pass also refuses a key given twice in an entry, which JSON.parse would settle by keeping the last (USER21 V6).
  let checking = true;
  const parsedEntry = (i: number): unknown => {
    const text = textOf(i);
    const value: unknown = JSON.parse(text);
    if (checking) refuseDuplicateKey(text, `${file}[${i}]`);
    return value;
  };
  const raw = (i: number): unknown => (entries ? entries[i] : parsedEntry(i));
  if (count === 0) throw new InputError(file, "holds an empty list; expected at least one use-case");
  const known = Object.keys(schema);
  const atOf = (i: number): string => (isList ? `${file}[${places?.[i] ?? i}]` : file);
  // Every entry checked now, all or nothing; a JSON syntax error anywhere comes first, as the whole file's parse gives it.
  let fault: InputError | undefined;
  for (let i = 0; i < count; i++) {
    let entry: unknown;
    try {
      entry = raw(i);
    } catch (e) {
      if (e instanceof InputError) throw e;
      parseJson(inMemory!.toString("utf8"), file);
      throw new InputError(`${atOf(i)}`, "not valid JSON");
    }
    if (fault) continue;
    const at = atOf(i);
    if (!isObject(entry)) fault = new InputError(at, "expected an object with the use-case's answers");
    else
      for (const key of Object.keys(entry)) {
        if (known.includes(key)) continue;
        const meant = nearest(key, known);
        fault ??= new InputError(`${at}.${key}`, `unknown key${meant ? `; did you mean "${meant}"?` : ""} (expected one of ${known.join(", ")})`);
      }
  }
  if (fault) throw fault;
  checking = false;
  // Re-encoded text has no places in the file on disk, and a pipe cannot be read again: either stays in memory (a UTF-16
  // file is a small one typed by hand; a pipe is capped as a file is).
  if (!converted && seekable) inMemory = undefined;
  return {
    count,
    entry(i) {
      const at = atOf(i);
      const given: GivenSet<S> = {};
      // A bad value is named as the file writes it (fit13b): nobody in a YAML file; JSON's way, every message's default, in a JSON one.
      const words = valueWordsOf(file);
      const written = words === JSON_VALUES ? undefined : words;
      for (const [key, value] of Object.entries(raw(i) as Record<string, unknown>)) {
        if (value === null || value === undefined) continue;
        given[key as keyof S] = { raw: value, where: `${at}.${key}`, ...(written ? { written } : {}) };
      }
      return { at, given };
    },
  };
}

/**
 * The file's bytes as UTF-8. Windows PowerShell 5's `>` and Out-File write UTF-16 with a byte-order
 * mark: such a file is decoded and re-encoded once, so the rest reads it as any other (its entries'
 * places are then in these bytes, and a batch keeps them in memory rather than reading them again).
 */
function asUtf8(bytes: Buffer): Buffer {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.from(bytes.subarray(2).toString("utf16le"), "utf8");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return Buffer.from(swapped.swap16().toString("utf16le"), "utf8");
  }
  return bytes;
}

const tooLarge = (file: string): InputError => new InputError(`--answers ${file}`, `is larger than ${MAX_ANSWERS_BYTES / 1024 / 1024} MiB; split the batch`);

/** All of a file that is no regular file (a pipe, a device), read up to the cap: past it, refused as a large file is. */
function readCapped(full: string, file: string): Buffer {
  const fd = openSync(full, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_ANSWERS_BYTES) throw tooLarge(file);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Bytes `start` to `end` of `file`, as text. */
function readRange(file: string, start: number, end: number): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(end - start);
    let got = 0;
    while (got < buffer.length) {
      const n = readSync(fd, buffer, got, buffer.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return buffer.toString("utf8", 0, got);
  } finally {
    closeSync(fd);
  }
}

/** FNV-1a over UTF-16 units, 30 bits: enough to see that an entry is not the one checked. */
function hash30(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

const MARK = "<!-- mjoplan:answers ";

/** The answers a plan keeps in its `<!-- mjoplan:answers {...} -->` comment; a plan without one is no answers file. */
function answersOfPlan(text: string, file: string): unknown {
  const at = text.lastIndexOf(MARK);
  const close = at < 0 ? -1 : text.indexOf(" -->", at);
  // Closed before the next mjoplan comment (the written-files one after it), or not at all.
  const next = at < 0 ? -1 : text.indexOf("\n<!-- mjoplan:", at);
  const end = next >= 0 && next < close ? -1 : close;
  if (end < 0) throw new InputError(`--answers ${file}`, `keeps no answers (a ${MARK.trim()} ... --> comment): only a plan mjoplan wrote reads as an answers file`);
  try {
    return JSON.parse(text.slice(at + MARK.length, end));
  } catch (e) {
    throw new InputError(file, `its stored answers comment does not parse as JSON (${String((e as Error).message).replace(/\s+/g, " ")})`);
  }
}

function parseJson(text: string, file: string): unknown {
  const json = text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw notValidJson(file, json, e);
  }
  refuseDuplicateKey(json, file);
  return value;
}

function refuseDuplicateKey(json: string, where: string): void {
  const key = duplicateKey(json);
  if (key !== undefined) throw new InputError(where, `key ${JSON.stringify(key)} is given twice in one object; which one holds is a guess, so the answers are refused`);
}

/**
 * A YAML answers file's value; in a list, the places in the file of the entries kept. An entry with an anchor and
 * no name (`- &base {context: Rooms, owner: rooms-team}`, then `- <<: *base` with an entry's own keys) holds answers
 * other entries share, not a use-case of its own: it is left out (TRIAL6 U7). One with a name is a use-case, anchored or not.
 */
async function parseYaml(text: string, file: string): Promise<{ value: unknown; places?: number[] }> {
  // Loaded only for YAML files: most runs never pay for the parser.
  const { parseDocument, isMap, isSeq } = await import("yaml");
  try {
    // merge: YAML 1.1 merge keys (`<<: *base`), the usual way to share answers across a backlog's entries.
    // A byte-order mark (Notepad, PowerShell) is how the file is stored, not YAML.
    const doc = parseDocument(text.replace(/^\uFEFF/, ""), { merge: true });
    if (doc.errors.length) throw doc.errors[0];
    const value: unknown = doc.toJS();
    if (!isSeq(doc.contents) || !Array.isArray(value)) return { value };
    const shared = (node: unknown): boolean => isMap(node) && node.anchor !== undefined && !node.has("name");
    const places = doc.contents.items.flatMap((node, i) => (shared(node) ? [] : [i]));
    if (places.length === value.length) return { value };
    // A file of shared answers alone is an empty list of use-cases, and said so.
    return { value: places.map((i) => value[i] as unknown), places };
  } catch (e) {
    // As JSON's faults are named (`backlog.yaml:4:1: not valid YAML (what)`): the place in the file's form, the
    // parser's reason without its own "at line N, column M:" and the snippet after it (TRIAL4 V9).
    const first = (e as Error).message.split("\n")[0]!;
    const at = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const reason = first.replace(/ at line \d+, column \d+:?$/, "").replace(/:$/, "");
    throw new InputError(at ? `${file}:${at.line}:${at.col}` : file, `not valid YAML (${reason})`);
  }
}
