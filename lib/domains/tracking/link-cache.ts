import type { DestinationTemplate } from "@/lib/domains/tracking/click-destination";
import type { LinkChange } from "@/lib/domains/tracking/link-events";

/** What a tracked link resolves to, ready for the redirect. */
export interface LinkTarget {
  shareId: string;
  orgId: string;
  destinationUrl: string;
  clickIdParam: string;
  timeZone: string;
  template: DestinationTemplate;
}

interface Entry {
  target: LinkTarget | null;
  expiresAt: number;
}

export interface LinkCacheOptions {
  /** Reads one code from the database (null = unknown code). */
  load: (code: string) => Promise<LinkTarget | null>;
  ttlMs: number;
  /** How long an unknown code is remembered (short: a link may be created right after). */
  negativeTtlMs: number;
  maxEntries: number;
}

/**
 * Tracked-link look-ups in memory: a warm redirect needs no database round trip. Entries live
 * `ttlMs` (the backstop when a change notice does not arrive) and are dropped at once by
 * `invalidate` (link-change bus / NOTIFY). Bounded: least recently used entries go first.
 * Concurrent misses of one code share one query. When the database cannot be reached, an expired
 * entry is served rather than failing the visitor (stale-if-error).
 */
export class LinkCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<LinkTarget | null>>();
  /** Bumped by every invalidation: a load that started before must not be cached. */
  private generation = 0;

  constructor(private readonly options: LinkCacheOptions) {}

  /** The fresh entry of `code`, without waiting; undefined = not cached (or expired). */
  peek(code: string, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(code);
    if (!entry || entry.expiresAt <= now) return undefined;
    // Recently used entries move to the end of the Map (insertion order = LRU order).
    this.entries.delete(code);
    this.entries.set(code, entry);
    return entry;
  }

  async get(code: string, now = Date.now()): Promise<LinkTarget | null> {
    const fresh = this.peek(code, now);
    if (fresh) return fresh.target;
    let pending = this.inflight.get(code);
    if (!pending) {
      const generation = this.generation;
      pending = this.options
        .load(code)
        .then((target) => {
          if (generation === this.generation) this.store(code, target, Date.now());
          return target;
        })
        .catch((error: unknown) => {
          const stale = this.entries.get(code);
          if (stale && generation === this.generation) return stale.target;
          throw error;
        })
        .finally(() => this.inflight.delete(code));
      this.inflight.set(code, pending);
    }
    return pending;
  }

  private store(code: string, target: LinkTarget | null, now: number) {
    this.entries.delete(code);
    this.entries.set(code, {
      target,
      expiresAt: now + (target ? this.options.ttlMs : this.options.negativeTtlMs),
    });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  invalidate(change: LinkChange): void {
    this.generation++;
    if (change.kind === "code") {
      this.entries.delete(change.code);
      return;
    }
    for (const [code, entry] of this.entries) {
      if (entry.target?.orgId === change.orgId) this.entries.delete(code);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
