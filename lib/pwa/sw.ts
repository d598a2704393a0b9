/// <reference lib="webworker" />
/**
 * The service worker (served at /serwist/sw.js by app/serwist/[path]/route.ts, bundled at build
 * time by lib/core/service-worker/build-service-worker.ts, the precache list injected as
 * `self.__SW_MANIFEST`).
 *
 * - Precache: the build's static assets (/_next/static, content-hashed), the icons and the offline
 *   page (revision = the build id). A new deploy is a new worker: it takes over at once
 *   (skipWaiting + clientsClaim) and drops the entries the new build no longer lists.
 * - /_next/static and /icons: cache first (hashed or revisioned, so never stale).
 * - Page navigations: network only, the offline page when the network fails. HTML is never cached:
 *   pages are per person (a cached one could be shown to the next person on a shared phone) and a
 *   cached page would point at the chunks of an old build.
 * - Not handled at all (the browser goes to the network as if there were no worker): API routes
 *   (downloads, sign-out, JSON), tracked links `/{code}` (redirects that count a click), POSTs
 *   (server actions, forms), other origins.
 */
import {
  CacheableResponsePlugin,
  CacheFirst,
  ExpirationPlugin,
  NetworkOnly,
  Serwist,
  type PrecacheEntry,
  type SerwistGlobalConfig,
} from "serwist";
import { installPushHandlers } from "@/lib/pwa/sw-push";
import { OFFLINE_PAGE, swHandlesNavigation } from "@/lib/pwa/sw-scope";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const sameOrigin = (url: URL) => url.origin === self.location.origin;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, request }) =>
        sameOrigin(url) &&
        request.method === "GET" &&
        (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")),
      handler: new CacheFirst({
        cacheName: "static-assets",
        plugins: [
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 60 * 60 }),
        ],
      }),
    },
    {
      matcher: ({ url, request }) =>
        request.mode === "navigate" && sameOrigin(url) && swHandlesNavigation(url.pathname),
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.mode === "navigate" }],
  },
});

installPushHandlers(self);
serwist.addEventListeners();
