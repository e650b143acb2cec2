/** A file a run wants to write, rendered in memory before anything touches the disk. */
export interface PlannedFile {
  /** Below --dest, forward slashes. */
  path: string;
  content: string;
  /**
   * `create-only`: written only where missing, and an existing copy is kept as
   * the team's own (the shared domain kernel). `owned`: the run's output, subject
   * to the conflict policy. `update`: an existing file merged with its
   * current content (lib/merge, a grown use-case's files), so replacing it loses nothing.
   */
  mode: "owned" | "create-only" | "update";
  /**
   * With `create-only`: an existing copy lacking what this one declares (a port added since the file was
   * written) gets it added, and nothing in it changes (lib/merge/additive); otherwise it is kept.
   */
  additive?: true;
  /** A plan (the summary counts its placeholders), wherever the team's config puts it. */
  isPlan?: boolean;
  /**
   * What the file was rendered as before (a use-case grown: its old answers), so the run merges its
   * new content with the file on disk three ways and keeps what a person changed (lib/merge).
   */
  base?: string;
  /**
   * The content as UTF-8 bytes, where it arrived so (from a batch's render thread): written as they are,
   * and `content` is decoded from them only if something reads it. Not enumerable: a copy made with a
   * spread (`{ ...file, content }`, a formatted file) has its own content and no stale bytes.
   */
  readonly bytes?: Uint8Array;
  /** The TODO(plan) markers of a plan's content, where counted already (by the render thread). Not enumerable, like bytes. */
  readonly placeholders?: number;
  /**
   * The file's hash as a plan's written-files stamp keeps it (lib/merge/written-stamp.ts), where taken already: by a
   * batch's render thread, which has the text, so the main thread neither decodes nor walks it. Not enumerable: a copy
   * with other content (a formatted file) has none, and is hashed again.
   */
  readonly writtenHash?: string;
  /**
   * The bytes after `bytes` in its buffer are free, and this file's to use (a batch's plan, which its render thread puts
   * after the use-case's other files): its written-files stamp is appended there, not into a copy of the plan (a copy is a
   * fresh 200 KB allocation a use-case, whose pages cost the main thread over a millisecond on a machine where a page
   * first touched is slow). Not enumerable, like bytes.
   */
  readonly roomAfter?: true;
}

/** What a file brings beyond its content, kept on a copy made from bytes (not enumerable, as on PlannedFile). */
type Carried = Pick<PlannedFile, "placeholders" | "writtenHash" | "roomAfter">;

/**
 * `file` with `bytes` (UTF-8) as its content, decoded only if something reads `content`. A content `file` has is left
 * unread (it may be bytes' own getter: a batch's plan given its stamp).
 */
export function fileOfBytes(file: Omit<PlannedFile, "content" | "bytes" | "placeholders" | "writtenHash"> & { content?: string }, bytes: Uint8Array, carried: Carried = {}): PlannedFile {
  // Copied key by key: a rest pattern (`{ content, ...rest } = file`) would call content's getter, decoding the text.
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(file)) if (key !== "content") rest[key] = (file as Record<string, unknown>)[key];
  let text: string | undefined;
  const out = Object.defineProperty(rest as unknown as PlannedFile, "content", {
    enumerable: true,
    configurable: true,
    get: () => (text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")),
  });
  return Object.defineProperties(out, {
    bytes: { value: bytes },
    ...(carried.placeholders !== undefined ? { placeholders: { value: carried.placeholders } } : {}),
    ...(carried.writtenHash !== undefined ? { writtenHash: { value: carried.writtenHash } } : {}),
    ...(carried.roomAfter ? { roomAfter: { value: true } } : {}),
  });
}
