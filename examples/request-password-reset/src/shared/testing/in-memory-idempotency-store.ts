import type { IdempotencyClaim, IdempotencyStore } from "../ports/ports.js";

/** A claimed key: the hash of the request that claimed it, and its answer once that request's change was saved. */
export interface KeptKey {
  readonly requestHash: string;
  readonly answer?: { readonly value: unknown };
}

/** Keys by caller and key, as a unique index holds them: a claim is one synchronous check-and-insert, so two at once cannot both win. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly keys = new Map<string, KeptKey>();

  async claim(callerId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const id = `${callerId}\n${key}`;
    const kept = this.keys.get(id);
    if (!kept) {
      this.keys.set(id, { requestHash });
      return "claimed";
    }
    if (kept.requestHash !== requestHash) return "other-request";
    return kept.answer ? { answer: kept.answer.value } : "in-flight";
  }

  async complete(callerId: string, key: string, answer: unknown): Promise<void> {
    const id = `${callerId}\n${key}`;
    const kept = this.keys.get(id);
    if (!kept) throw new Error(`idempotency key completed without a claim: ${key}`);
    this.keys.set(id, { requestHash: kept.requestHash, answer: { value: answer } });
  }

  async release(callerId: string, key: string): Promise<void> {
    const id = `${callerId}\n${key}`;
    // A completed key keeps its answer: only a claim still in flight is dropped.
    if (this.keys.get(id)?.answer === undefined) this.keys.delete(id);
  }
}
