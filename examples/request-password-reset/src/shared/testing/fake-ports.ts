import { FixedClock } from "./fixed-clock.js";
import { InMemoryAuditLog } from "./in-memory-audit-log.js";
import { InMemoryCircuitBreaker, InMemoryExternalSystem, RecordedDelay } from "./in-memory-external-system.js";
import { InMemoryFileStorage } from "./in-memory-file-storage.js";
import { InMemoryIdempotencyStore } from "./in-memory-idempotency-store.js";
import { InMemoryJobStore } from "./in-memory-job-store.js";
import { InMemoryMessageSender } from "./in-memory-message-sender.js";
import { InMemoryOutbox } from "./in-memory-outbox.js";
import { InMemoryRateLimiter } from "./in-memory-rate-limiter.js";
import { InMemoryScheduler } from "./in-memory-scheduler.js";
import { InMemoryTelemetry } from "./in-memory-telemetry.js";
import { SequentialIds } from "./sequential-ids.js";

/** A fresh fake of every port but the repository (whose record type is the use-case's), on one clock. */
export function fakePorts(start?: string) {
  const clock = new FixedClock(start);
  return {
    clock,
    rateLimiter: new InMemoryRateLimiter(clock),
    ids: new SequentialIds(),
    outbox: new InMemoryOutbox(),
    idempotency: new InMemoryIdempotencyStore(),
    scheduler: new InMemoryScheduler(),
    jobs: new InMemoryJobStore(),
    audit: new InMemoryAuditLog(),
    telemetry: new InMemoryTelemetry(),
    storage: new InMemoryFileStorage(),
    messages: new InMemoryMessageSender(),
    external: new InMemoryExternalSystem(),
    breaker: new InMemoryCircuitBreaker(clock),
    delay: new RecordedDelay(),
  };
}
