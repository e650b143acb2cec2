import type { Clock, RateDecision, RateLimiter, RateLimitPolicy } from "../ports/ports.js";

/** Fixed windows per key, timed by the given clock. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  async consume(key: string, policy: RateLimitPolicy): Promise<RateDecision> {
    const now = this.clock.now().getTime();
    const span = policy.windowSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now >= window.start + span) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= policy.limit) {
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((window.start + span - now) / 1000) };
  }
}
