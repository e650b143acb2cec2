import type { IdSource } from "../ports/ports.js";

/** Predictable ids: id-1, id-2, ... */
export class SequentialIds implements IdSource {
  private count = 0;

  next(): string {
    this.count += 1;
    return `id-${this.count}`;
  }
}
