import { VersionConflict, type Repository, type StoredRecord } from "../ports/ports.js";

const matches = <R extends StoredRecord>(record: R, where: Partial<R>): boolean =>
  Object.entries(where).every(([key, value]) => record[key] === value);

/** Records by id, in insertion order; `failing` makes every call throw, as a database that is down; `reads` counts the queries run. */
export class InMemoryRepository<R extends StoredRecord> implements Repository<R> {
  readonly records = new Map<string, R>();
  failing = false;
  reads = 0;
  private concurrent: R | undefined;

  /** Puts records in place for a test, without going through the port. */
  seed(...records: R[]): void {
    for (const record of records) {
      this.records.set(record.id, record);
    }
  }

  /** The next read is followed by this save, as another request changing the record in between would. */
  interleave(record: R): void {
    this.concurrent = record;
  }

  private read<T>(found: T): T {
    this.reads++;
    if (this.concurrent) {
      this.records.set(this.concurrent.id, this.concurrent);
      this.concurrent = undefined;
    }
    return found;
  }

  private up(): void {
    if (this.failing) {
      throw new Error("repository unavailable");
    }
  }

  async findById(id: string): Promise<R | null> {
    this.up();
    return this.read(this.records.get(id) ?? null);
  }

  async findOne(where: Partial<R>): Promise<R | null> {
    this.up();
    return this.read([...this.records.values()].find((r) => matches(r, where)) ?? null);
  }

  async list(where: Partial<R>, page: { readonly limit: number; readonly after?: string }): Promise<R[]> {
    this.up();
    this.reads++;
    const all = [...this.records.values()].filter((r) => matches(r, where));
    const from = page.after === undefined ? 0 : all.findIndex((r) => r.id === page.after) + 1;
    return all.slice(from, from + page.limit);
  }

  async save(record: R): Promise<void> {
    this.up();
    const { version } = record;
    const { version: stored } = this.records.get(record.id) ?? { version: undefined };
    if (typeof version === "number" && typeof stored === "number" && stored !== version - 1) {
      throw new VersionConflict(record.id);
    }
    this.records.set(record.id, record);
  }

  async delete(id: string): Promise<boolean> {
    this.up();
    return this.records.delete(id);
  }
}
