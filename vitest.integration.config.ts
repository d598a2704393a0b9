import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    // One database per run (TEST_DATABASE_URL/DATABASE_URL server, else embedded PGlite), created
    // and dropped by the global setup; each worker gets it as process.env.DATABASE_URL.
    globalSetup: ["tests/setup/integration-global-setup.ts"],
    setupFiles: ["tests/setup/integration-env.ts"],
    // Session cookies in tests are signed with this unless the environment provides one.
    // Stored tokens are encrypted with a fixed test key (lib/crypto/token-cipher.ts).
    env: {
      AUTH_SECRET: process.env.AUTH_SECRET ?? "chorus-integration-tests-secret-0123456789",
      TOKEN_ENCRYPTION_KEYS: "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    },
    fileParallelism: false,
    // next-auth imports "next/server" without an extension, which only Vite's resolver accepts:
    // inlined, the Auth.js route handlers load in tests (bad-input suite).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
