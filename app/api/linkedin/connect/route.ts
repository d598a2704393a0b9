import { orgRoute } from "@/lib/domains/access/route";
import { startLinkedInConnect } from "@/lib/domains/linkedin/connect-linkedin";

/** "Connect LinkedIn": redirects to LinkedIn's consent page with a fresh single-use state. */
export const GET = orgRoute("shares:create", async ({ access }) => {
  const { url } = await startLinkedInConnect(access);
  return new Response(null, {
    status: 302,
    headers: { Location: url, "Cache-Control": "no-store" },
  });
});
