/** Runs in every integration-test worker before each test file: points the app code at this
 * worker's test database (created by integration-global-setup.ts; one per worker, so files that
 * run at the same time never share one). */
import path from "node:path";
import { inject } from "vitest";

const urls = inject("databaseUrls");
const poolId = Number(process.env.VITEST_POOL_ID ?? "1");
const url = urls[poolId - 1];
if (!url) {
  throw new Error(
    `No test database for worker ${poolId} (${urls.length} created): the global setup makes one per worker.`,
  );
}
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdefghijklmnop";
// Links the app builds (invitations, tracked links) use APP_URL, never the request's Host header.
process.env.APP_URL ??= "http://chorus.test";
// Files on disk stay per worker and out of the developer's .data folder (click spool, uploads).
const scratch = path.join(inject("scratchDir"), `worker-${poolId}`);
process.env.CLICK_SPOOL_DIR ??= path.join(scratch, "click-spool");
// UPLOADS_DIR is left to the files that need one (they set their own): set here for every file, it
// made the embedded backup/restore round trip see ContentItem rows change (cause not yet found).
