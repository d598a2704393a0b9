import type { NextConfig } from "next";
import { COMMON_SECURITY_HEADERS } from "./lib/core/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only Node packages (database drivers, the job queue): keep them out of the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pg-boss"],
  typedRoutes: false,
  // `npm run check` type-checks the whole project (CI runs it before anything else); the build
  // does not repeat it (it took ~75 s of every first `npm start` and of every CI run).
  typescript: { ignoreBuildErrors: true },
  // Build output skips proxy.ts (which sets these on pages and route handlers): same headers here.
  async headers() {
    const headers = Object.entries(COMMON_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: "/_next/:path*", headers }];
  },
};

export default nextConfig;
