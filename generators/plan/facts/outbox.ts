/**
 * Whether a request writes outbox entries: an event it emits itself, a message it sends (through the send job), a
 * change of the caller's own email or phone (its confirmation link and notice), an export of the caller's own data
 * (its notice). The handler contract's outbox port is there for these; a change that writes none (mark a notification
 * as read) saves the record alone, and its plan says no outbox (TRIAL8 V3).
 */
import { contactInputsOf } from "./accounts.js";
import { selfExportOf } from "./files.js";
import { REQUEST_EMITTER } from "../schema.js";
import type { UseCaseFacts } from "./use-case-facts.js";

export const writesOutboxOf = (f: UseCaseFacts, useCase: string): boolean =>
  [...f.emitters.values()].includes(REQUEST_EMITTER) || f.capabilities.includes("sends-message") || contactInputsOf(f).length > 0 || selfExportOf(f, useCase);
