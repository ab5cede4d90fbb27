/**
 * The mock's clock. Every expiry the mock checks reads it, so that support can move it
 * forward (expire a token, a code, a certificate) without waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the mock sees them. */
  now(): number;
}

export class MockClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): number {
    return this.realNow() + this.offsetMs;
  }

  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to real time. */
  reset(): void {
    this.offsetMs = 0;
  }

  get offset(): number {
    return this.offsetMs;
  }
}

export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}
