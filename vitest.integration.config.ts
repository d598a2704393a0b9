import path from "node:path";
import { defineConfig } from "vitest/config";
import IntegrationSequencer from "./tests/setup/integration-sequencer";

const root = path.resolve(import.meta.dirname);

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    // One database per worker (TEST_DATABASE_URL/DATABASE_URL server: copies of one migrated
    // template; else one embedded PGlite each), created and dropped by the global setup; each
    // worker gets its own as process.env.DATABASE_URL (tests/setup/integration-env.ts). Files run
    // two at a time, each alone on its worker's database.
    globalSetup: ["tests/setup/integration-global-setup.ts"],
    setupFiles: ["tests/setup/integration-env.ts"],
    // Session cookies in tests are signed with this unless the environment provides one.
    // Stored tokens are encrypted with a fixed test key (lib/core/crypto/token-cipher.ts).
    env: {
      AUTH_SECRET: process.env.AUTH_SECRET ?? "chorus-integration-tests-secret-0123456789",
      TOKEN_ENCRYPTION_KEYS: "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      // /api/metrics is exposed in tests (tests/integration/metrics/metrics-disabled.test.ts unsets it).
      METRICS_TOKEN: "chorus-integration-metrics-token-0123456789",
    },
    fileParallelism: true,
    // Two test files at a time (VITEST_MAX_WORKERS or --maxWorkers change it), longest first.
    maxWorkers: 2,
    sequence: { sequencer: IntegrationSequencer },
    // next-auth imports "next/server" without an extension, which only Vite's resolver accepts:
    // inlined, the Auth.js route handlers load in tests (bad-input suite).
    server: { deps: { inline: ["next-auth"] } },
    // Two files share the machine's cores now: the longest single tests (51 sign-ins, each a
    // 32 MiB scrypt; schema-engine diffs; embedded PostgreSQL starts) took 15–25 s alone on a busy
    // 2-core machine, so a hang is caught after 60 s rather than 30 s.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
