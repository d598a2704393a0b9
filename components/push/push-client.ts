import { apiFetch } from "@/components/api-fetch";

/** Browser side of Web Push: the permission, the service worker's PushManager and our API. */

export function pushSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

/** The service worker registration, waiting briefly for one still starting. */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  const existing = await navigator.serviceWorker.getRegistration();
  if (existing) return existing;
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000)),
  ]);
}

export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.getRegistration();
  return (await reg?.pushManager.getSubscription()) ?? null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export type PushResult = { ok: true; id: string } | { ok: false; message: string };

/**
 * Asks the browser's permission (only ever called from a click), subscribes this browser with
 * the server's VAPID key and hands the subscription to the server.
 */
export async function turnOnPush(publicKey: string): Promise<PushResult> {
  if (!pushSupported()) {
    return { ok: false, message: "This browser cannot receive push notifications." };
  }
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    return {
      ok: false,
      message:
        permission === "denied"
          ? "Notifications are blocked for Chorus in this browser. Allow them in the site settings, then try again."
          : "No notifications then. You can turn them on here any time.",
    };
  }
  const reg = await registration();
  if (!reg) {
    return {
      ok: false,
      message: "The Chorus app is still loading on this device. Reload the page and try again.",
    };
  }
  let subscription: PushSubscription;
  try {
    subscription =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      }));
  } catch {
    return {
      ok: false,
      message: "This browser's push service did not answer. Check your connection and try again.",
    };
  }
  const saved = await apiFetch<{ id: string }>("/api/push/subscriptions", {
    method: "POST",
    body: subscription.toJSON(),
  });
  if (!saved.ok) return { ok: false, message: saved.message };
  return { ok: true, id: saved.data.id };
}

/** Unsubscribes this browser and forgets its subscription on the server. */
export async function turnOffPush(id: string): Promise<{ ok: boolean; message?: string }> {
  const subscription = await currentPushSubscription();
  await subscription?.unsubscribe().catch(() => undefined);
  const removed = await apiFetch(`/api/push/subscriptions/${encodeURIComponent(id)}`, {
    method: "DELETE",
  });
  // Already gone on the server (e.g. the push service said so): off all the same.
  if (!removed.ok && removed.status !== 404) return { ok: false, message: removed.message };
  return { ok: true };
}
