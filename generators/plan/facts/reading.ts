/**
 * A reading the caller reports of itself, stamped with when it was taken: a driver's location with its RecordedAt, a
 * device's temperature with its MeasuredAt (LEAD21 D1); a photo's TakenAt is a fact of the photo, not a reading.
 * Readings arrive late and out of order (a phone's queue sent when it reconnects, a retry), so the newest by its own
 * time is kept, never the last to arrive; If-Match would ask a device to read before each write, which a stream of
 * readings never does. Pure.
 */
import type { Names } from "../names.js";
import type { UseCaseFacts } from "./use-case-facts.js";

/** An input naming the moment a reading was taken, not when something happens (a booking's StartsAt, a RunAt). */
const TAKEN_AT = /^(?:recorded|measured|observed|sampled|sensed)(?:At|Time)$/i;

/** The input that stamps a signed-in change's reading with the moment it was taken, if the change reports one. */
export const readingTimeOf = (f: Pick<UseCaseFacts, "flow" | "auth" | "inputs">): Names | undefined =>
  f.flow === "change" && f.auth !== "anonymous" ? f.inputs.find((i) => i.location === "body" && TAKEN_AT.test(i.names.camel))?.names : undefined;
