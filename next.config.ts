import type { NextConfig } from "next";
import { COMMON_SECURITY_HEADERS } from "./lib/core/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only Node packages (database drivers, the job queue): keep them out of the bundler.
  // esbuild and @serwist/build make the service worker during the build (app/serwist/[path]/route.ts).
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "pg-boss",
    "esbuild",
    "@serwist/build",
  ],
  typedRoutes: false,
  // `npm run check` type-checks the whole project (CI runs it before anything else); the build
  // does not repeat it (it took ~75 s of every first `npm start` and of every CI run).
  typescript: { ignoreBuildErrors: true },
  // Build output skips proxy.ts (which sets these on pages and route handlers): same headers here.
  async headers() {
    const headers = Object.entries(COMMON_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/:path*", headers },
      // The service worker (app/serwist/[path]/route.ts): checked with the server on every update
      // check, so a deploy reaches phones on their next reload.
      { source: "/serwist/:path*", headers: [{ key: "Cache-Control", value: "no-cache" }] },
    ];
  },
};

export default nextConfig;
