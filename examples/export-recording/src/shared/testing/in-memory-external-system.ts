import type { BreakerPolicy, CircuitBreaker, Clock, Delay, ExternalAnswer, ExternalCall, ExternalSystem } from "../ports/ports.js";

// The fakes of an external call: the system, its circuit breaker, and the wait between retries.

/**
 * An external system that answers what the test tells it: the scripted answers first, in order, then
 * `otherwise` for every call after. It records each call, so a test can count them and read their keys.
 * A "timeout" answer is the client giving up at the call's timeoutMs: the test does not wait for it.
 */
export class InMemoryExternalSystem implements ExternalSystem {
  readonly calls: ExternalCall[] = [];
  otherwise: ExternalAnswer;
  private readonly script: ExternalAnswer[] = [];

  constructor(otherwise: ExternalAnswer = { kind: "answered", status: 200, body: {} }) {
    this.otherwise = otherwise;
  }

  /** The next calls' answers, in order. */
  answers(...answers: ExternalAnswer[]): this {
    this.script.push(...answers);
    return this;
  }

  async call(call: ExternalCall): Promise<ExternalAnswer> {
    this.calls.push({ ...call });
    return this.script.shift() ?? this.otherwise;
  }
}

/** A breaker per system, timed by the given clock: open after the policy's failures in a row, for its openSeconds; then calls pass again and the first failure re-opens it, a success closes it. */
export class InMemoryCircuitBreaker implements CircuitBreaker {
  private readonly states = new Map<string, { failures: number; openUntil: number }>();
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  async allow(system: string): Promise<boolean> {
    const state = this.states.get(system);
    return !state || this.clock.now().getTime() >= state.openUntil;
  }

  async record(system: string, succeeded: boolean, policy: BreakerPolicy): Promise<void> {
    if (succeeded) {
      this.states.delete(system);
      return;
    }
    const state = this.states.get(system) ?? { failures: 0, openUntil: 0 };
    state.failures += 1;
    // Once opened, a failed probe re-opens it at once.
    if (state.failures >= policy.failureThreshold || state.openUntil > 0) {
      state.openUntil = this.clock.now().getTime() + policy.openSeconds * 1000;
    }
    this.states.set(system, state);
  }

  /** Whether the system's breaker is open now. */
  isOpen(system: string): boolean {
    const state = this.states.get(system);
    return state !== undefined && this.clock.now().getTime() < state.openUntil;
  }
}

/** Records each wait and returns at once, so a test reads the backoff without sleeping. */
export class RecordedDelay implements Delay {
  readonly waits: number[] = [];

  async wait(ms: number): Promise<void> {
    this.waits.push(ms);
  }
}
