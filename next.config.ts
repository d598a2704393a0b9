import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Server-only Node packages (database drivers, the job queue): keep them out of the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pg-boss"],
  typedRoutes: false,
};

export default nextConfig;
