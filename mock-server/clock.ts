import type { ClockState } from '../lib/admin-client/admin-types.js';

/**
 * The mock's notion of "now". Token expiry, ad dates and reward windows follow it, so tests can
 * move time (directly, or through the admin API's `POST /clock`) instead of waiting an hour.
 */
export class MockClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowDate(): Date {
    return new Date(this.now());
  }

  /** Moves forward (or back, for a negative delta). */
  advance(deltaMs: number): void {
    this.offsetMs += deltaMs;
  }

  /** Jumps to a moment; the clock keeps running from there. */
  setTo(epochMs: number): void {
    this.offsetMs = epochMs - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }

  describe(): ClockState {
    return { now: this.nowDate().toISOString(), offsetMs: Math.round(this.offsetMs) };
  }
}
