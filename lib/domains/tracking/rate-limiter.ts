/**
 * Per-key request limit over a sliding minute, in memory (per app instance): the previous fixed
 * window's count is weighted by how much of it still overlaps the last 60 s. Memory holds at most
 * two windows of keys.
 */
export class SlidingWindowLimiter {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();
  private windowStart: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    now = Date.now(),
  ) {
    this.windowStart = now - (now % windowMs);
  }

  /** Counts one request; returns 0 when allowed, else the seconds to wait (Retry-After). */
  hit(key: string, now = Date.now()): number {
    this.roll(now);
    const elapsed = (now - this.windowStart) / this.windowMs;
    const previous = this.previous.get(key) ?? 0;
    const current = this.current.get(key) ?? 0;
    const estimate = previous * (1 - elapsed) + current;
    if (estimate >= this.limit)
      return Math.max(1, Math.ceil(this.waitMs(elapsed, previous, current) / 1000));
    this.current.set(key, current + 1);
    return 0;
  }

  /** How long until the estimate drops below the limit again (nothing more being counted). */
  private waitMs(elapsed: number, previous: number, current: number): number {
    if (current < this.limit && previous > 0) {
      const inThisWindow = 1 - (this.limit - current) / previous;
      if (inThisWindow <= 1) return Math.max(inThisWindow - elapsed, 0) * this.windowMs;
    }
    // In the next window this window's count is the previous one, sliding out.
    const inNextWindow = Math.max(1 - this.limit / Math.max(current, 1), 0);
    return (1 - elapsed + inNextWindow) * this.windowMs;
  }

  private roll(now: number): void {
    const start = now - (now % this.windowMs);
    if (start === this.windowStart) return;
    this.previous = start - this.windowStart === this.windowMs ? this.current : new Map();
    this.current = new Map();
    this.windowStart = start;
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
