import type { ScheduledCommand, Scheduler } from "../ports/ports.js";

/** Stores commands as the text it is given; claims each id once. */
export class InMemoryScheduler implements Scheduler {
  readonly stored: ScheduledCommand[] = [];
  private readonly claimed = new Set<string>();

  async schedule(command: ScheduledCommand): Promise<void> {
    this.stored.push({ id: command.id, runAt: command.runAt, serialized: command.serialized });
  }

  async claim(id: string): Promise<boolean> {
    if (this.claimed.has(id)) {
      return false;
    }
    this.claimed.add(id);
    return true;
  }

  /** The commands due at `now`, for a test to run. */
  due(now: Date): ScheduledCommand[] {
    return this.stored.filter((c) => Date.parse(c.runAt) <= now.getTime());
  }
}
