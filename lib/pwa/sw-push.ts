/**
 * The service worker's push handlers: `push` shows the notification, `notificationclick` opens
 * its page. The service worker (its source file imports this) calls it once at start-up.
 *
 * The server sends JSON `{ title, body, url, tag }` (lib/domains/push/send-push-delivery.ts),
 * encrypted for this browser. `url` is a same-origin path; anything else opens the feed, so a
 * message can never send someone to another site.
 */

/** The parts of the service worker's global scope these handlers use. */
interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
}
interface PushScope extends EventTarget {
  location: { origin: string };
  registration: { showNotification(title: string, options?: NotificationOptions): Promise<void> };
  clients: {
    matchAll(options: {
      type: "window";
      includeUncontrolled: boolean;
    }): Promise<readonly WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
}
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEventLike extends ExtendableEventLike {
  data: { json(): unknown; text(): string } | null;
}
interface NotificationEventLike extends ExtendableEventLike {
  notification: { data: unknown; close(): void };
}

export const PUSH_ICON = "/icons/icon-192.png";
export const PUSH_BADGE = "/icons/icon-192.png";
const FALLBACK_TITLE = "Chorus";
const FALLBACK_URL = "/feed";

export interface ShownNotification {
  title: string;
  options: NotificationOptions & { data: { url: string } };
}

/** A same-origin path from the message's url, else the feed. */
export function safePath(url: unknown): string {
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) return FALLBACK_URL;
  if (url.startsWith("/\\")) return FALLBACK_URL;
  return url;
}

/** What to show for a push message's data (a message that is not our JSON still shows). */
export function notificationFor(data: PushEventLike["data"]): ShownNotification {
  let message: Record<string, unknown> = {};
  try {
    const parsed: unknown = data?.json();
    if (parsed && typeof parsed === "object") message = parsed as Record<string, unknown>;
  } catch {
    const text = data?.text();
    if (text) message = { body: text };
  }
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);
  const tag = text(message.tag);
  return {
    title: text(message.title) ?? FALLBACK_TITLE,
    options: {
      body: text(message.body) ?? "",
      icon: PUSH_ICON,
      badge: PUSH_BADGE,
      data: { url: safePath(message.url) },
      ...(tag ? { tag } : {}),
    },
  };
}

/** Focuses a window already on the page, else opens it. */
export async function openPage(scope: PushScope, path: string): Promise<void> {
  const target = new URL(safePath(path), scope.location.origin).href;
  const windows = await scope.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((w) => w.url === target);
  if (open) {
    await open.focus();
    return;
  }
  await scope.clients.openWindow(target);
}

export function installPushHandlers(scope: EventTarget): void {
  const sw = scope as PushScope;
  sw.addEventListener("push", (event) => {
    const e = event as PushEventLike;
    const { title, options } = notificationFor(e.data);
    e.waitUntil(sw.registration.showNotification(title, options));
  });
  sw.addEventListener("notificationclick", (event) => {
    const e = event as NotificationEventLike;
    e.notification.close();
    const data = e.notification.data as { url?: unknown } | null;
    e.waitUntil(openPage(sw, safePath(data?.url)));
  });
}
