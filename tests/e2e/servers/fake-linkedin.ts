/**
 * The fake LinkedIn as a standalone process (Playwright webServer): port from E2E_LINKEDIN_PORT
 * (default 3198), client id/secret from E2E_LINKEDIN_CLIENT_ID / E2E_LINKEDIN_CLIENT_SECRET.
 * Point the app at it with LINKEDIN_AUTH_URL=http://127.0.0.1:<port>/oauth/v2 and
 * LINKEDIN_API_URL=http://127.0.0.1:<port>.
 */
import { startFakeLinkedIn } from "../../support/fake-linkedin";

const port = Number(process.env.E2E_LINKEDIN_PORT ?? 3198);
const fake = await startFakeLinkedIn({
  port,
  // Browser tests in another process inject failures and read posts through /__fake/*.
  control: true,
  ...(process.env.E2E_LINKEDIN_CLIENT_ID ? { clientId: process.env.E2E_LINKEDIN_CLIENT_ID } : {}),
  ...(process.env.E2E_LINKEDIN_CLIENT_SECRET
    ? { clientSecret: process.env.E2E_LINKEDIN_CLIENT_SECRET }
    : {}),
});
console.log(`[fake-linkedin] listening on ${fake.url} (client ${fake.clientId})`);

const stop = () => {
  void fake.stop().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
