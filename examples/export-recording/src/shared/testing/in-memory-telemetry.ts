import type { TelemetrySink } from "../ports/ports.js";

/** Everything emitted, so a test can search it for what must not be there. */
export class InMemoryTelemetry implements TelemetrySink {
  readonly records: { name: string; fields: Readonly<Record<string, string | number | boolean>> }[] = [];

  emit(name: string, fields: Readonly<Record<string, string | number | boolean>>): void {
    this.records.push({ name, fields: { ...fields } });
  }

  /** All of it as one text. */
  text(): string {
    return JSON.stringify(this.records);
  }
}
