import path from "node:path";
import pg from "pg";
import { env } from "@/lib/core/env";
import { resolveShareCode } from "@/lib/domains/tracking/resolve-share-code";
import { ClickRecorder } from "@/lib/domains/tracking/click-buffer";
import { newClickId } from "@/lib/domains/tracking/click-id";
import { locationFor } from "@/lib/domains/tracking/click-destination";
import { classifyUserAgent, referrerHost } from "@/lib/domains/tracking/classify-user-agent";
import { LinkCache, type LinkTarget } from "@/lib/domains/tracking/link-cache";
import { onLinkChange } from "@/lib/domains/tracking/link-events";
import { SlidingWindowLimiter } from "@/lib/domains/tracking/rate-limiter";
import { VisitorSalts } from "@/lib/domains/tracking/visitor-key";

/** One request to `/{code}`, as both the custom server and the Next route see it. */
export interface ClickRequest {
  code: string;
  method: string;
  /** The client address (socket, or X-Forwarded-For behind a trusted proxy). */
  clientAddress: string;
  userAgent: string;
  referer: string | null;
  now: number;
}

export type ClickAnswer =
  | {
      kind: "redirect";
      location: string;
      /** Buffers the click; call after the response is sent. */
      record: () => void;
    }
  | { kind: "not-found" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "unavailable" };

export const REDIRECT_HEADERS = {
  "cache-control": "private, no-store",
  "referrer-policy": "unsafe-url",
} as const;

/**
 * The tracked-link click path of this process: link cache, visitor salts, rate limiter, click
 * recorder and their database pool. One per process, kept on globalThis: the custom server
 * (scripts/server.ts) and Next's bundle (app/[code]/route.ts) load separate copies of this module
 * but must share the cache and, above all, the click buffer that is flushed on shutdown.
 */
export interface ClickPath {
  cache: LinkCache;
  recorder: ClickRecorder;
  salts: VisitorSalts;
  limiter: SlidingWindowLimiter;
  pool: pg.Pool;
  answer(request: ClickRequest): ClickAnswer | Promise<ClickAnswer>;
  /** Flushes every buffered click (or spools it) and closes the pool. */
  close(): Promise<void>;
}

const KEY = Symbol.for("chorus.clickPath");

export interface ClickPathHooks {
  /** After clicks were written (the server asks for a rollup: scripts/server.ts). */
  onClicksWritten?: (rows: number) => void;
}

/**
 * This process's click path, created on first use; `hooks` count only for that first call (the
 * server makes it before Next.js loads, so Next's copy of this module gets the same one).
 */
export function getClickPath(hooks: ClickPathHooks = {}): ClickPath {
  const holder = globalThis as unknown as Record<symbol, ClickPath | undefined>;
  holder[KEY] ??= createClickPath(hooks);
  return holder[KEY];
}

/** The path of this process if one was created (used on shutdown). */
export function existingClickPath(): ClickPath | undefined {
  return (globalThis as unknown as Record<symbol, ClickPath | undefined>)[KEY];
}

function createClickPath(hooks: ClickPathHooks): ClickPath {
  const config = env();
  if (!config.DATABASE_URL) throw new Error("DATABASE_URL is not set.");
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: 4,
    allowExitOnIdle: true,
    connectionTimeoutMillis: 3000,
    statement_timeout: 15_000,
    query_timeout: 20_000,
  });
  pool.on("error", () => {}); // an idle connection dropped (database restart): the pool replaces it
  const ttlMs = config.LINK_CACHE_TTL_SECONDS * 1000;
  const cache = new LinkCache({
    load: (code) => resolveShareCode(pool, code),
    ttlMs,
    negativeTtlMs: Math.min(ttlMs, 5000),
    maxEntries: 100_000,
  });
  onLinkChange((change) => cache.invalidate(change));
  const recorder = new ClickRecorder({
    pool,
    spoolDir: path.resolve(config.CLICK_SPOOL_DIR),
    flushMs: config.CLICK_FLUSH_MS,
    batchSize: config.CLICK_BATCH_SIZE,
    bufferMax: config.CLICK_BUFFER_MAX,
    onWritten: hooks.onClicksWritten,
  });
  recorder.start();
  const salts = new VisitorSalts(pool);
  const syncSalts = () => void salts.sync().catch(() => {});
  syncSalts();
  setInterval(syncSalts, 10 * 60_000).unref();
  const limiter = new SlidingWindowLimiter(config.CLICK_RATE_LIMIT_PER_MINUTE);

  const decide = (request: ClickRequest, target: LinkTarget | null): ClickAnswer => {
    if (!target) return { kind: "not-found" };
    const { now, clientAddress, userAgent } = request;
    const visitorKey = salts.keyFor(now, clientAddress, userAgent);
    const wait = limiter.hit(`${request.code}\n${visitorKey}`, now);
    if (wait > 0) return { kind: "rate-limited", retryAfterSeconds: wait };
    const id = newClickId();
    return {
      kind: "redirect",
      location: locationFor(target.template, id),
      record: () => {
        const ua = classifyUserAgent(userAgent);
        // HEAD requests are link checkers and unfurlers, not people: recorded as bots.
        const isBot = ua.isBot || request.method === "HEAD";
        recorder.push({
          id,
          shareId: target.shareId,
          at: now,
          isBot,
          visitorKey,
          device: isBot ? "bot" : ua.device,
          browser: ua.browser,
          referrerHost: referrerHost(request.referer),
        });
      },
    };
  };

  return {
    cache,
    recorder,
    salts,
    limiter,
    pool,
    answer(request) {
      const cached = cache.peek(request.code, request.now);
      if (cached) return decide(request, cached.target);
      return cache.get(request.code, request.now).then(
        (target) => decide(request, target),
        (): ClickAnswer => ({ kind: "unavailable" }),
      );
    },
    async close() {
      const holder = globalThis as unknown as Record<symbol, ClickPath | undefined>;
      if (holder[KEY] === this) holder[KEY] = undefined;
      await recorder.close();
      await pool.end().catch(() => {});
    },
  };
}
