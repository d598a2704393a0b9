"use client";

import { useEffect } from "react";

/** The worker's URL (app/serwist/[path]/route.ts); it may control the whole origin. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";

/**
 * Registers the service worker (lib/pwa/sw.ts) once the page has loaded, so it never competes
 * with the first paint. Production builds only: in development a worker left over from a
 * production run on the same address is removed, so it cannot answer for `next dev`.
 * `updateViaCache: "none"`: the browser asks the server for the worker on every navigation check,
 * never its HTTP cache, so a deploy is picked up on the next reload.
 */
export function RegisterServiceWorker({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (!enabled) {
      void navigator.serviceWorker
        .getRegistrations()
        .then((registrations) => registrations.forEach((r) => void r.unregister()));
      return;
    }
    const register = () => {
      navigator.serviceWorker
        .register(SERVICE_WORKER_URL, { scope: "/", updateViaCache: "none" })
        .catch((error: unknown) => console.warn("[chorus] service worker not registered:", error));
    };
    if (document.readyState === "complete") {
      register();
      return;
    }
    window.addEventListener("load", register, { once: true });
    return () => window.removeEventListener("load", register);
  }, [enabled]);
  return null;
}
