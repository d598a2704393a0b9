import {
  buildServiceWorker,
  SERVICE_WORKER_FILE,
} from "@/lib/core/service-worker/build-service-worker";

/**
 * The service worker, /serwist/sw.js (source: lib/pwa/sw.ts): built once by `next build` with
 * that build's precache list (lib/core/service-worker/build-service-worker.ts), then served as a
 * static file. It may control the whole origin (Service-Worker-Allowed); next.config.ts adds
 * `Cache-Control: no-cache` so browsers always check it with the server.
 */
export const dynamic = "force-static";
export const dynamicParams = false;
export const revalidate = false;

export function generateStaticParams() {
  return [{ path: SERVICE_WORKER_FILE }];
}

export async function GET(_req: Request, { params }: { params: Promise<{ path: string }> }) {
  const { path } = await params;
  if (path !== SERVICE_WORKER_FILE) {
    return Response.json(
      { error: { code: "NOT_FOUND", message: "There is no such file here." } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  return new Response(await buildServiceWorker(), {
    headers: {
      "Content-Type": "application/javascript; charset=utf-8",
      "Service-Worker-Allowed": "/",
    },
  });
}
