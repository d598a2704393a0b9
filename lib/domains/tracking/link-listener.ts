import pg from "pg";
import {
  emitLinkChangeLocally,
  LINK_CHANGE_CHANNEL,
  type LinkChange,
} from "@/lib/domains/tracking/link-events";

/**
 * Hears link changes made by other app instances: LISTEN on `chorus_link_changed` with a dedicated
 * connection, re-emitted on this process's link bus. Reconnects with backoff (1 s doubling to
 * 30 s); after a reconnection `onReconnect` runs (the cache is cleared, as notices may have been
 * missed). On the embedded PGlite server notices may not be delivered: the cache TTL is the
 * backstop there. `ready` settles after the first attempt (listening, or failed and retrying), so a
 * server can start answering only once it hears changes.
 */
export function startLinkListener(options: {
  connectionString: string;
  onReconnect: () => void;
  log?: (message: string) => void;
}): { ready: Promise<void>; stop: () => Promise<void> } {
  const log = options.log ?? ((m: string) => console.error(`[links] ${m}`));
  let client: pg.Client | null = null;
  let stopped = false;
  let backoff = 1000;
  let timer: NodeJS.Timeout | null = null;
  let connectedBefore = false;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: options.connectionString });
    client = c;
    c.on("error", () => {}); // followed by "end"
    c.on("end", () => {
      if (client === c) client = null;
      if (!stopped) retry();
    });
    c.on("notification", (message) => {
      if (message.channel !== LINK_CHANGE_CHANNEL || !message.payload) return;
      try {
        const change = JSON.parse(message.payload) as LinkChange;
        if (change.kind === "code" || change.kind === "org") emitLinkChangeLocally(change);
      } catch {
        // not ours
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LINK_CHANGE_CHANNEL}`);
      backoff = 1000;
      if (connectedBefore) options.onReconnect();
      connectedBefore = true;
    } catch (error) {
      log(
        `cannot listen for link changes (${error instanceof Error ? error.message : error}); retrying`,
      );
      await c.end().catch(() => {});
    }
  };

  const retry = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, backoff);
    timer.unref();
    backoff = Math.min(backoff * 2, 30_000);
  };

  const ready = connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
