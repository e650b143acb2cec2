import type { JobRecord, JobStore } from "../ports/ports.js";

/** Jobs by id, in the order accepted; `seed` puts jobs in place for a test. */
export class InMemoryJobStore implements JobStore {
  readonly jobs = new Map<string, JobRecord>();

  seed(...jobs: JobRecord[]): void {
    for (const job of jobs) {
      this.jobs.set(job.id, job);
    }
  }

  /** Every job done, as if the workers caught up: for a test of something other than the cap on running jobs. */
  finishAll(): void {
    for (const [id, job] of this.jobs) {
      this.jobs.set(id, { ...job, state: "done" });
    }
  }

  async save(job: JobRecord): Promise<void> {
    this.jobs.set(job.id, { ...job });
  }

  async findById(id: string): Promise<JobRecord | null> {
    return this.jobs.get(id) ?? null;
  }

  async statusOf(ownerId: string, id: string): Promise<JobRecord | null> {
    const job = this.jobs.get(id);
    return job && job.ownerId === ownerId ? job : null;
  }

  async active(ownerId: string): Promise<JobRecord[]> {
    return [...this.jobs.values()].filter((j) => j.ownerId === ownerId && (j.state === "pending" || j.state === "running"));
  }
}
