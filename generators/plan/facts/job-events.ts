/**
 * Who emits an event the answers give no emitter: in an accepted-now, done-later use-case (`--async`) the request only
 * accepts the work, so an event that records the work done (ContactsImported with its counts) exists only when the job
 * finishes, and the job emits it (TRIAL19C F16). An event named for the acceptance itself (ImportRequested,
 * ExportQueued) stays the request's. Elsewhere the request emits what it is given.
 */
import { namesOf } from "../names.js";
import { REQUEST_EMITTER } from "../schema.js";

const ACCEPTANCE = /(?:Requested|Accepted|Queued|Scheduled|Started|Submitted|Received)$/;

/**
 * The emitter of an event: the one given, else the async job (its scheduled command, or `<UseCase> job` as the plan's
 * flows name it) for a result event, else the request.
 */
export function emitterOf(
  event: { name: string; emitter?: string },
  useCase: { name: string; async: boolean; scheduledCommand?: string },
): string {
  if (event.emitter) return event.emitter;
  if (!useCase.async || ACCEPTANCE.test(namesOf(event.name).pascal)) return REQUEST_EMITTER;
  return useCase.scheduledCommand ? namesOf(useCase.scheduledCommand).pascal : `${namesOf(useCase.name).pascal} job`;
}
