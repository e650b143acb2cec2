/** One domain event, normalized: used by the plan generator and by the event sub-generator alike. */
import { eventFieldPrimitiveOf } from "./field-types.js";
import type { EventModel, FileRef, ValueObjectModel } from "./model.js";
import { namesOf } from "./names.js";
import type { EventInput } from "./schema.js";

/**
 * Fields named like a value object carry its primitive; personal data (`pii`) is
 * left out of the payload and recorded as excluded.
 */
export function eventModel(
  { name, fields, emitter }: EventInput,
  dir: string,
  ref: (path: string) => FileRef,
  fromTests: (path: string) => string,
  piiCamels: ReadonlySet<string>,
  voByCamel: ReadonlyMap<string, ValueObjectModel>,
  suffix = ".event.ts",
): EventModel {
  const names = namesOf(name);
  const filePath = `${dir}/${names.kebab}${suffix}`;
  const all = fields.map(namesOf);
  return {
    names,
    file: ref(filePath),
    importFromTests: fromTests(filePath),
    excluded: all.filter((f) => piiCamels.has(f.camel)),
    ...(emitter ? { emitter } : {}),
    fields: all
      .filter((f) => !piiCamels.has(f.camel))
      .map((f) => {
        // A field named for a list input (TrackIds: uuid[](1..500)) carries that list, an array of its items' primitive,
        // as the API contract says; anything else is one primitive (TRIAL12 Z7).
        const vo = voByCamel.get(f.camel);
        const primitive = vo?.primitive ?? eventFieldPrimitiveOf(f.camel, names.pascal) ?? "string";
        const list = vo?.list === true;
        const sample = vo?.valid[0]?.expr ?? (primitive === "number" ? "1" : primitive === "boolean" ? "true" : JSON.stringify(`sample ${f.camel}`));
        const wrongSample = list || primitive !== "string" ? '"42"' : "42";
        return { names: f, primitive, tsType: list ? `readonly ${primitive}[]` : primitive, shown: list ? `${primitive}[]` : primitive, sample, wrongSample, ...(list ? { list: true as const } : {}), ...(vo ? { valueObject: vo.names.pascal } : {}) };
      }),
  };
}

/** The functional requirement an event adds to the plan. */
export const eventRequirement = (ev: EventModel, bulkRecords?: string): string =>
  (ev.emitter
    ? `${/\s/.test(ev.emitter) ? `The ${ev.emitter}` : ev.emitter} emits ${ev.names.pascal} (version 1) when it runs, not the request: the event records what the job did.`
    : bulkRecords
      ? // A bulk change emits per record it changed, none for an id that failed (TRIAL10 X13).
        `A successful request emits one ${ev.names.pascal} (version 1) per ${bulkRecords} it changed, after that ${bulkRecords}'s change, through the outbox; none for an id that failed.`
      : `A successful request emits ${ev.names.pascal} (version 1) after the state change, through the outbox.`) +
  (ev.excluded.length ? ` Its payload leaves out personal data (${ev.excluded.map((p) => p.camel).join(", ")}).` : "");
