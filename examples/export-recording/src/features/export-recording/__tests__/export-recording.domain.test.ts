import { describe, expect, it } from "@jest/globals";
import { RecordingId } from "../domain/recording-id.value-object.js";
import { Format } from "../domain/format.value-object.js";
import { RecordingExportCompleted } from "../domain/recording-export-completed.event.js";
import { RunRecordingExport } from "../domain/run-recording-export.command.js";

const meta = {
  id: "event-1",
  occurredAt: "2026-01-01T00:00:00.000Z",
  aggregateId: "aggregate-1",
  correlationId: "correlation-1",
};

describe("RecordingId (value object)", () => {
  it.each<[unknown]>([["123e4567-e89b-42d3-a456-426614174000"]])("DOM-1 RecordingId accepts %p", (raw) => {
    const result = RecordingId.create(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.value).toBe(raw);
    }
  });

  it.each<[string, unknown, string]>([
    ["a number", 42, "RecordingId must be a string"],
    ["not hex", "not-a-uuid", "RecordingId must be a UUID"],
  ])("DOM-2 RecordingId rejects %s with a clear error", (_label, raw, message) => {
    const result = RecordingId.create(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe("RecordingId");
      expect(result.error.message).toBe(message);
    }
  });

  it("DOM-3 RecordingId parses the text of its path", () => {
    for (const [text, value] of [["123e4567-e89b-42d3-a456-426614174000", "123e4567-e89b-42d3-a456-426614174000"]] as const) {
      const result = RecordingId.fromText(text);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.value?.value).toBe(value);
      }
    }
    const absent = RecordingId.fromText(undefined);
    expect(absent.ok).toBe(false);
    if (!absent.ok) {
      expect(absent.error.message).toBe("RecordingId is required");
    }
  });
});

describe("Format (value object)", () => {
  it.each<[unknown]>([["mp4"], ["webm"]])("DOM-4 Format accepts %p", (raw) => {
    const result = Format.create(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.value).toBe(raw);
    }
  });

  it.each<[string, unknown, string]>([
    ["a number", 42, "Format must be a string"],
    ["a value outside the list", "not-a-member", "Format must be one of mp4, webm"],
  ])("DOM-5 Format rejects %s with a clear error", (_label, raw, message) => {
    const result = Format.create(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe("Format");
      expect(result.error.message).toBe(message);
    }
  });
});

describe("RecordingExportCompleted (domain event)", () => {
  const event = RecordingExportCompleted.create({ recordingId: "123e4567-e89b-42d3-a456-426614174000", format: "mp4" }, meta);

  it("DOM-6 RecordingExportCompleted round-trips through JSON", () => {
    const parsed = RecordingExportCompleted.fromJSON(JSON.parse(JSON.stringify(event)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.toJSON()).toEqual(event.toJSON());
    }
    expect(event.toJSON()).toMatchObject({ ...meta, name: "RecordingExportCompleted", version: 1 });
  });

  it("DOM-7 RecordingExportCompleted refuses another event's name, an unknown version and a malformed payload", () => {
    const json = event.toJSON();
    expect(RecordingExportCompleted.fromJSON({ ...json, name: "SomethingElse" }).ok).toBe(false);
    expect(RecordingExportCompleted.fromJSON({ ...json, version: 2 }).ok).toBe(false);
    expect(RecordingExportCompleted.fromJSON({ ...json, payload: null }).ok).toBe(false);
    expect(RecordingExportCompleted.fromJSON({ ...json, correlationId: "" }).ok).toBe(false);
    expect(RecordingExportCompleted.fromJSON({ ...json, payload: { ...json.payload, recordingId: 42 } }).ok).toBe(false);
    expect(RecordingExportCompleted.fromJSON({ ...json, payload: { ...json.payload, format: 42 } }).ok).toBe(false);
    expect(RecordingExportCompleted.fromJSON("not an event").ok).toBe(false);
  });
});

describe("RunRecordingExport (scheduled command)", () => {
  const command = RunRecordingExport.create(
    { aggregateId: "aggregate-1", correlationId: "correlation-1", runAt: "2026-01-01T09:00:00.000Z" },
    "command-1",
  );

  it("DOM-8 RunRecordingExport round-trips through its serialized form", () => {
    const back = RunRecordingExport.deserialize(command.serialize());
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.value.data).toEqual(command.data);
    }
  });

  it("DOM-9 RunRecordingExport refuses unknown types, unknown versions and malformed text", () => {
    const data = JSON.parse(command.serialize()) as Record<string, unknown>;
    const unknownType = RunRecordingExport.deserialize(JSON.stringify({ ...data, type: "DropAllTables" }));
    expect(unknownType.ok).toBe(false);
    if (!unknownType.ok) {
      expect(unknownType.error.field).toBe("type");
    }
    const unknownVersion = RunRecordingExport.deserialize(JSON.stringify({ ...data, version: 2 }));
    expect(unknownVersion.ok).toBe(false);
    if (!unknownVersion.ok) {
      expect(unknownVersion.error.field).toBe("version");
    }
    expect(RunRecordingExport.deserialize("{not json").ok).toBe(false);
    expect(RunRecordingExport.deserialize(JSON.stringify({ ...data, runAt: "soon" })).ok).toBe(false);
  });
});
