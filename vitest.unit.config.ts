import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Pure logic: worker threads start faster than child processes, and two files run at a time
    // even on a 2-core machine (vitest's default there is one). Each file still gets a fresh module
    // graph (isolate) and its own copy of process.env.
    pool: "threads",
    maxWorkers: 2,
    // Stored tokens are encrypted in tests too (lib/core/crypto/token-cipher.ts); a fixed test key.
    env: { TOKEN_ENCRYPTION_KEYS: "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" },
  },
});
