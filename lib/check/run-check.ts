/**
 * `check` over the disk: reads each plan and the files it links. Synchronous
 * reads on purpose: for thousands of small files they beat promise-based ones
 * (no thread-pool round trips), and files shared by many plans (the kernel) are
 * looked at once. Every read goes through confined-read.ts: a plan decides
 * nothing about what is read.
 */
import { lstatSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { isInside } from "../is-inside.js";
import { checkPlan, type PlanFindings } from "./check-plan.js";
import { bytesAsText, readsAlikeAsBytes } from "./bytes-as-text.js";
import { decodeText, MAX_PLAN_BYTES, probeConfined, readConfined, readConfinedBytes, realFolder, realOr, repositoryRoot, scratch, type ConfinedRead, type FolderCache, type Scratch, WalkedFolders } from "./confined-read.js";
import type { TextForm } from "../text-form.js";
import type { TestStatus } from "./sync-plan.js";
import { listedFiles, type WalkSeen } from "./find-plans.js";
import { inFolder, isNormalAbsolute, linkJoiner } from "./join-link.js";
import { readPlanForCheck, type PlanFacts } from "./plan-facts.js";

/** A plan as read: its text, its facts, the tests its test plan marks (todo) or (pending), and how it is stored. */
interface LoadedPlan {
  text: string;
  facts: PlanFacts;
  marked: Map<string, TestStatus>;
  asBytes: boolean;
  form?: TextForm;
}

/**
 * A plan's text and facts; a plan that is not a regular file in the repository, too large, or with a key given twice is bad input.
 * `asBytes`: read it as its bytes where that reads alike (bytes-as-text.ts), as check does; `text` is then those bytes, one character each.
 * `into`: read it into that scratch buffer (check's run reads every plan into one).
 */
export function loadPlan(root: string, planFile: string, base: string, folders: FolderCache = new Map(), asBytes = false, into?: Scratch, listed?: (folder: string, name: string) => boolean): LoadedPlan {
  const read = readConfinedBytes(root, planFile, MAX_PLAN_BYTES, folders, into, listed);
  // Where the plan is, said only when it is bad input (a path made relative is a cost every plan would pay).
  const where = (): string => path.relative(base, planFile) || planFile;
  if (read.kind === "missing") throw new InputError(where(), "no such plan");
  if (read.kind === "refused") throw new InputError(where(), `not read: the plan ${read.reason}`);
  const latin1 = asBytes ? read.bytes.toString("latin1") : undefined;
  const bytesMode = latin1 !== undefined && readsAlikeAsBytes(read.bytes, latin1);
  const text = bytesMode ? latin1! : decodeText(read.bytes);
  const { facts, marked } = readPlanForCheck(text, bytesMode);
  if (facts.duplicateKey !== undefined) throw new InputError(where(), `front matter: key "${facts.duplicateKey}" is given twice; which one holds is a guess, so the plan is refused`);
  return { text, facts, marked, asBytes: bytesMode, ...(read.form ? { form: read.form } : {}) };
}

/**
 * A test file as check reads it: its text, one character per byte where its bytes read alike (`alike`), else decoded;
 * or, `asEmbedded`, only that its bytes are the plan's embedded copy (see readTest).
 */
type TestRead = { kind: "file"; text: string; alike: boolean; asEmbedded?: false } | { kind: "file"; asEmbedded: true } | { kind: "missing" } | { kind: "refused"; reason: string };

/**
 * `embedded`: the plan's first embedded copy of this file, where the plan was read as its bytes. A test file whose bytes
 * are that copy's, but for the newlines at the end, is not made into a string of its own, nor looked at for what reads
 * alike: its text is the copy's (which its bytes already passed as part of the plan's: a stretch of valid UTF-8 between
 * two line ends is valid UTF-8), and nothing check reads from a test file (its drift, its test calls) differs between
 * two texts that differ only in their last newlines. Most test files are their plan's copy: one memory comparison each.
 */
function readTest(root: string, file: string, folders: FolderCache, into: Scratch, embedded: string | undefined, spare: Scratch, listed?: (folder: string, name: string) => boolean): TestRead {
  const read = readConfinedBytes(root, file, undefined, folders, into, listed);
  if (read.kind !== "file") return read;
  if (embedded !== undefined && sameBytes(read.bytes, embedded, spare)) return { kind: "file", asEmbedded: true };
  const latin1 = read.bytes.toString("latin1");
  const alike = readsAlikeAsBytes(read.bytes, latin1);
  return { kind: "file", text: alike ? latin1 : decodeText(read.bytes), alike };
}

/** Whether `bytes` and `text` (one character per byte) hold the same bytes once the newlines at their ends are cut. */
function sameBytes(bytes: Buffer, text: string, spare: Scratch): boolean {
  let n = bytes.length;
  while (n > 0 && bytes[n - 1] === 10) n--;
  let m = text.length;
  while (m > 0 && text.charCodeAt(m - 1) === 10) m--;
  if (n !== m) return false;
  if (spare.buffer.length < m) spare.buffer = Buffer.allocUnsafe(Math.max(m, spare.buffer.length * 2));
  // Every character of a plan read as its bytes is below 256: latin1 writes each back as its byte.
  spare.buffer.write(text, 0, m, "latin1");
  return bytes.compare(spare.buffer, 0, m, 0, n) === 0;
}

/**
 * What a run keeps between plans: the buffers it reads the plans and their test files into, and one to compare in; and
 * `listed`, what its walk saw (find-plans.ts listedFiles): a plan or test file listed there is read without an fstat.
 */
export interface Buffers {
  plan: Scratch;
  test: Scratch;
  spare?: Scratch;
  listed?: (folder: string, name: string) => boolean;
}

export function checkOne(root: string, planFile: string, base: string, probe?: (file: string) => ConfinedRead, folders: FolderCache = new Map(), buffers: Buffers = { plan: scratch(), test: scratch() }): PlanFindings {
  const plan = loadPlan(root, planFile, base, folders, true, buffers.plan, buffers.listed);
  probe ??= (f) => probeConfined(root, f, folders);
  const dir = path.dirname(planFile);
  const resolve = linkJoiner(dir);
  // Test files are read to compare with their embedded copy; the rest need only exist. Arrays and plain loops, not
  // for-of over a map's entries: check's first plans run while V8 compiles these functions, and destructured
  // iteration makes the largest of its compile jobs.
  const testFiles: string[] = [];
  const testLinks: string[] = [];
  const testReads: TestRead[] = [];
  // The embedded copy each test file was compared with (its index in `embedded`).
  const testFirst: number[] = [];
  const embedded = plan.facts.embedded;
  const spare = (buffers.spare ??= { buffer: Buffer.allocUnsafe(64 * 1024) });
  for (let i = 0; i < embedded.length; i++) {
    const link = embedded[i]!.link;
    const full = resolve(link);
    if (testFiles.includes(full)) continue;
    testFiles.push(full);
    testLinks.push(link);
    testFirst.push(i);
    testReads.push(readTest(root, full, folders, buffers.test, plan.asBytes ? embedded[i]!.code : undefined, spare, buffers.listed));
  }
  // The plan and its test files are compared as bytes only when all of them read alike so; else all as text (bytes that
  // read alike are valid UTF-8: bytesAsText decodes them as decodeText does).
  let asBytes = plan.asBytes;
  for (let i = 0; i < testReads.length; i++) {
    const read = testReads[i]!;
    if (asBytes && read.kind === "file" && !read.asEmbedded && !read.alike) asBytes = false;
  }
  const text = plan.asBytes && !asBytes ? bytesAsText(plan.text) : plan.text;
  const reread = plan.asBytes && !asBytes ? readPlanForCheck(text) : undefined;
  const facts = reread?.facts ?? plan.facts;
  const files = new Map<string, string | undefined>();
  const refused = new Map<string, string>();
  for (const link of facts.badLinks) refused.set(link, "is not valid URI text");
  // A link from the file system's root is none of the repository's files: joined to the plan's folder it named a
  // "missing file" nobody wrote (docs/.../tmp/secret.txt for /tmp/secret.txt, USER21 V7). Said as what it is.
  for (const link of facts.links) if (link.charCodeAt(0) === 47) refused.set(link, "is an absolute path; a plan links its files by paths relative to its own folder");
  for (let i = 0; i < facts.embedded.length; i++) {
    const link = facts.embedded[i]!.link;
    if (link.charCodeAt(0) === 47) refused.set(link, "is an absolute path; a plan links its files by paths relative to its own folder");
  }
  const take = (full: string, link: string, read: ConfinedRead): void => {
    if (read.kind === "refused") refused.set(link, read.reason);
    files.set(full, read.kind === "file" ? read.content : undefined);
  };
  for (let i = 0; i < testReads.length; i++) {
    const read = testReads[i]!;
    // A file that is its embedded copy reads as that copy does: as bytes, or as the plan read again as text has it.
    const content = read.kind !== "file" ? undefined : read.asEmbedded ? facts.embedded[testFirst[i]!]!.code : asBytes || !read.alike ? read.text : bytesAsText(read.text);
    take(testFiles[i]!, testLinks[i]!, content === undefined ? (read as Exclude<TestRead, { kind: "file" }>) : { kind: "file", content });
  }
  // A plan whose config leaves out the test plan embeds no tests: its linked files are read to find them (the rare path).
  const read = facts.sections?.testPlan === false ? (file: string) => readConfined(root, file, undefined, folders) : probe;
  for (const link of facts.links) {
    const full = resolve(link);
    if (!files.has(full)) take(full, link, read(full));
  }
  // checkPlan joins as path.posix does: the same joins, where path.join is path.posix.join.
  return checkPlan(planFile, facts, files, refused, reread?.marked ?? plan.marked, path.sep === "/" ? resolve : undefined);
}

/** realOr(planFile), with the plan's folder looked up through `dirs` (realFolder: once per run, from its parent's). */
function realPlanPath(planFile: string, dirs: FolderCache, listed?: (folder: string, name: string) => boolean): string {
  // The walk's paths are absolute and normal already: path.resolve and path.join would normalize them again, every plan.
  const full = isNormalAbsolute(planFile) ? planFile : path.resolve(planFile);
  const dir = realFolder(path.dirname(full), dirs);
  if (!("real" in dir)) return realOr(full);
  const name = path.basename(full);
  const candidate = inFolder(dir.real, name);
  if (listed?.(dir.real, name)) return candidate;
  try {
    return lstatSync(candidate).isSymbolicLink() ? realOr(full) : candidate;
  } catch {
    return realOr(full);
  }
}

/**
 * The folder a plan's links must stay in: the repository above --dest, or, for a
 * plan named outside it on the command line, the repository above the path named.
 */
export function rootFor(roots: readonly string[], planFile: string, dirs: FolderCache = new Map(), listed?: (folder: string, name: string) => boolean): string {
  const real = realPlanPath(planFile, dirs, listed);
  return roots.find((r) => isInside(r, real)) ?? repositoryRoot(path.dirname(planFile));
}

/**
 * `named`: the paths given on the command line (resolved), each a root for the plans below it. `walked`: what the walk
 * that found the plans saw (find-plans.ts): the folders' realpaths and the regular files, so that a linked file the walk
 * listed costs no lstat. The refusals are the same with it or without it.
 */
export function checkAll(planFiles: readonly string[], base: string, named: readonly string[] = [], walked?: WalkSeen): PlanFindings[] {
  return planFiles.map(checkRun(base, named, walked));
}

/** A run's check of one plan after another, with what the run learns about folders and shared files kept between them. */
export function checkRun(base: string, named: readonly string[] = [], walked?: WalkSeen): (planFile: string) => PlanFindings {
  const destRoot = repositoryRoot(base);
  const roots = [destRoot, ...named.map((p) => repositoryRoot(p))];
  // Folder realpaths once per run and root: the plans of a batch share their few folders' parents. The walk's folders
  // are known already (a folder it reached through folders that are no links).
  const walkedFolders = (): FolderCache => new WalkedFolders(walked?.folders);
  const foldersOf = new Map<string, FolderCache>();
  const folders = (root: string): FolderCache => foldersOf.get(root) ?? foldersOf.set(root, walkedFolders()).get(root)!;
  const listed = walked && listedFiles(walked);
  const buffers: Buffers = listed ? { plan: scratch(), test: scratch(), listed } : { plan: scratch(), test: scratch() };
  // Each root's look at the files its plans link (files shared by many plans, the kernel, looked at once), with what the
  // walk saw: the plans below a path named on the command line that lies outside the repository of the folder check
  // runs in (their root is the path's own repository) are looked at as cheaply as those inside it.
  const probes = new Map<string, (file: string) => ConfinedRead>();
  const probeOf = (root: string): ((file: string) => ConfinedRead) => {
    let probe = probes.get(root);
    if (probe === undefined) {
      const known = new Map<string, ConfinedRead>();
      const inRoot = folders(root);
      probes.set(
        root,
        (probe = (file) => {
          let seen = known.get(file);
          if (seen === undefined) known.set(file, (seen = probeConfined(root, file, inRoot, listed)));
          return seen;
        }),
      );
    }
    return probe;
  };
  // The plans' own folders, for rootFor: not bound to a root.
  const dirs: FolderCache = walkedFolders();
  return (f) => {
    const root = rootFor(roots, f, dirs, listed);
    return checkOne(root, f, base, probeOf(root), folders(root), buffers);
  };
}
