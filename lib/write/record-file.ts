/**
 * An append-only list of text records (one line each) that lives on disk once it
 * outgrows a small buffer, so a batch's bookkeeping (the files it staged, the
 * paths it has seen) does not grow its memory with its size. The file is in the
 * system's temporary folder and is unlinked as soon as it is opened: it holds no
 * name anyone can see, and vanishes with the process however the process ends.
 * Where such a file cannot be made (a read-only temporary folder), the records
 * stay in memory: slower to grow, never wrong.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** What is kept in memory before it goes to disk (and what is read back at a time). */
const BUFFER_BYTES = 64 * 1024;

export class RecordFile {
  private fd: number | undefined;
  /** Lines not yet written (the whole list while it is small, or when no file could be made). */
  private pending: string[] = [];
  private pendingBytes = 0;
  /** Bytes written to the file. */
  private written = 0;
  private onDisk = true;
  private count = 0;
  /** The file's name where it could not be unlinked while open. */
  private leftName: string | undefined;

  /** How many records were appended. */
  get length(): number {
    return this.count;
  }

  /** Appends one record; it must hold no newline (JSON text does not). */
  append(line: string): void {
    this.pending.push(line);
    this.pendingBytes += line.length + 1;
    this.count++;
    if (this.pendingBytes >= BUFFER_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0 || !this.onDisk) return;
    if (this.fd === undefined) {
      const file = path.join(os.tmpdir(), `mjoplan-records-${process.pid}-${Math.random().toString(36).slice(2)}`);
      try {
        this.fd = openSync(file, "wx+", 0o600);
      } catch {
        this.onDisk = false;
        return;
      }
      // Unlinked at once: the open descriptor keeps the data; no name is left behind, even by a kill -9.
      try {
        unlinkSync(file);
      } catch {
        // a system that cannot unlink an open file (Windows): removed on close instead
        this.leftName = file;
      }
    }
    const text = Buffer.from(`${this.pending.join("\n")}\n`, "utf8");
    writeSync(this.fd, text, 0, text.length, this.written);
    this.written += text.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Every record in the order appended, read back a buffer at a time (appending while reading is not supported). */
  *lines(): Generator<string> {
    // A list that never outgrew its buffer is read from memory: a single use-case never touches the disk for it.
    if (this.fd !== undefined) this.flush();
    if (this.fd !== undefined) {
      const buffer = Buffer.alloc(BUFFER_BYTES);
      let rest = "";
      for (let at = 0; at < this.written; ) {
        const n = readSync(this.fd, buffer, 0, Math.min(buffer.length, this.written - at), at);
        if (n === 0) break;
        at += n;
        // A record cut by the buffer's end is completed by the next read; a cut UTF-8 sequence too (decoded with the rest of its line).
        const cut = buffer.lastIndexOf(10, n - 1);
        if (cut < 0) {
          rest += buffer.toString("latin1", 0, n);
          continue;
        }
        const head = rest === "" ? buffer.toString("utf8", 0, cut) : Buffer.concat([Buffer.from(rest, "latin1"), buffer.subarray(0, cut)]).toString("utf8");
        rest = buffer.toString("latin1", cut + 1, n);
        yield* head.split("\n");
      }
    }
    yield* [...this.pending];
  }

  /** Frees the file; the records are gone. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.leftName) {
      try {
        unlinkSync(this.leftName);
      } catch {
        // gone already
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.written = 0;
    this.count = 0;
  }
}
