import type { Clock } from "../ports/ports.js";

/** A clock that moves only when a test says so. */
export class FixedClock implements Clock {
  private at: number;

  constructor(iso = "2026-01-01T00:00:00.000Z") {
    this.at = Date.parse(iso);
  }

  now(): Date {
    return new Date(this.at);
  }

  advance(seconds: number): void {
    this.at += seconds * 1000;
  }
}
