/**
 * In server mode stdout carries protocol messages only: one stray line (a
 * library's console.log, a progress bar) and the client drops the connection.
 * The protocol gets its own stream onto fd 1; everything else that writes to
 * process.stdout (console.log included) goes to stderr, which clients log.
 */
import { Writable } from "node:stream";

interface WriteStream {
  write: NodeJS.WriteStream["write"];
}

export function reserveStdout(stdout: WriteStream = process.stdout, stderr: WriteStream = process.stderr): { protocol: Writable; release(): void } {
  const original = stdout.write;
  const protocol = new Writable({
    write(chunk: Buffer | string, encoding: BufferEncoding, callback: (error?: Error | null) => void) {
      original.call(stdout, chunk, encoding, callback);
    },
  });
  stdout.write = ((...args: Parameters<NodeJS.WriteStream["write"]>) => (stderr.write as (...a: unknown[]) => boolean).apply(stderr, args)) as NodeJS.WriteStream["write"];
  return {
    protocol,
    release() {
      stdout.write = original;
    },
  };
}
