import type { EventEnvelope } from "../domain/domain-event.js";
import type { Outbox } from "../ports/ports.js";

/** Keeps appended events in order, as JSON, the way a real outbox stores them. */
export class InMemoryOutbox implements Outbox {
  readonly events: EventEnvelope<unknown>[] = [];

  async append(event: EventEnvelope<unknown>): Promise<void> {
    this.events.push(JSON.parse(JSON.stringify(event)) as EventEnvelope<unknown>);
  }

  named(name: string): EventEnvelope<unknown>[] {
    return this.events.filter((e) => e.name === name);
  }
}
