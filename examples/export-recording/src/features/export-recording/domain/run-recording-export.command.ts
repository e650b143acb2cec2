import { err, ok, type Result } from "../../../shared/domain/result.js";
import { ValidationError } from "../../../shared/domain/validation-error.js";

/** The serialized form. `type` and `version` let the deserializer refuse what this service cannot run. */
export interface RunRecordingExportData {
  readonly type: "RunRecordingExport";
  readonly version: 1;
  readonly id: string;
  readonly aggregateId: string;
  readonly correlationId: string;
  readonly runAt: string;
}

const STRING_FIELDS = ["id", "aggregateId", "correlationId", "runAt"] as const;

/** RunRecordingExport: scheduled for later, stored serialized, run once per id. */
export class RunRecordingExport {
  static readonly type = "RunRecordingExport";
  static readonly version = 1;

  readonly data: RunRecordingExportData;

  private constructor(data: RunRecordingExportData) {
    this.data = data;
  }

  static create(fields: { aggregateId: string; correlationId: string; runAt: string }, id: string): RunRecordingExport {
    return new RunRecordingExport({ type: RunRecordingExport.type, version: 1, id, ...fields });
  }

  serialize(): string {
    return JSON.stringify(this.data);
  }

  /** Accepts only this command's type and known versions; anything else is refused, never guessed at. */
  static deserialize(text: string): Result<RunRecordingExport, ValidationError> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return err(new ValidationError("command", "RunRecordingExport is not valid JSON"));
    }
    if (typeof parsed !== "object" || parsed === null) {
      return err(new ValidationError("command", "RunRecordingExport must be an object"));
    }
    const data = parsed as { readonly [K in "type" | "version" | (typeof STRING_FIELDS)[number]]?: unknown };
    if (data.type !== RunRecordingExport.type) {
      return err(new ValidationError("type", `unknown command type ${String(data.type)}`));
    }
    if (data.version !== RunRecordingExport.version) {
      return err(new ValidationError("version", `${RunRecordingExport.type} version ${String(data.version)} is not supported`));
    }
    for (const key of STRING_FIELDS) {
      if (typeof data[key] !== "string" || data[key] === "") {
        return err(new ValidationError(key, `${RunRecordingExport.type}.${key} must be a non-empty string`));
      }
    }
    if (Number.isNaN(Date.parse(data.runAt as string))) {
      return err(new ValidationError("runAt", `${RunRecordingExport.type}.runAt must be a date-time`));
    }
    return ok(
      RunRecordingExport.create(
        {
          aggregateId: data.aggregateId as string,
          correlationId: data.correlationId as string,
          runAt: data.runAt as string,
        },
        data.id as string,
      ),
    );
  }
}
