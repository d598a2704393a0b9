/**
 * "A tracked link changed" — heard by every link cache in this process (Next's bundle and the
 * custom server load separate copies of our modules, so the bus lives on globalThis) and, through
 * PostgreSQL NOTIFY on the `chorus_link_changed` channel, by every other app instance.
 */
export type LinkChange = { kind: "code"; code: string } | { kind: "org"; orgId: string };

type Listener = (change: LinkChange) => void;

const BUS = Symbol.for("chorus.linkEvents");
type Bus = { listeners: Set<Listener> };

function bus(): Bus {
  const holder = globalThis as unknown as Record<symbol, Bus | undefined>;
  holder[BUS] ??= { listeners: new Set() };
  return holder[BUS];
}

export function onLinkChange(listener: Listener): () => void {
  bus().listeners.add(listener);
  return () => bus().listeners.delete(listener);
}

/** Tells this process's caches at once. Other instances: see `notifyLinkChange`. */
export function emitLinkChangeLocally(change: LinkChange): void {
  for (const listener of bus().listeners) listener(change);
}

export const LINK_CHANGE_CHANNEL = "chorus_link_changed";
