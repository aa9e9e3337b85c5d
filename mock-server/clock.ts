/**
 * The mock's notion of "now". Token expiry and ad dates follow it, so tests can move time forward
 * instead of waiting an hour.
 */
export class MockClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowDate(): Date {
    return new Date(this.now());
  }

  advance(deltaMs: number): void {
    this.offsetMs += deltaMs;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
