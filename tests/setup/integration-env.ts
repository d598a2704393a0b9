/** Runs in every integration-test worker before the test files: points the app code at the run's
 * test database (created by integration-global-setup.ts). */
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdefghijklmnop";
// Links the app builds (invitations, tracked links) use APP_URL, never the request's Host header.
process.env.APP_URL ??= "http://chorus.test";
