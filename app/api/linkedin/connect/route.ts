import { orgRoute } from "@/lib/domains/access/route";
import { startLinkedInConnect } from "@/lib/domains/linkedin/connect-linkedin";

/**
 * "Connect LinkedIn": redirects to LinkedIn's consent page with a fresh single-use state.
 * `?returnTo=/share/<id>` (a page of this app; anything else is ignored) is where the person
 * lands afterwards — the post they were sharing — instead of their profile.
 */
export const GET = orgRoute("shares:create", async ({ req, access }) => {
  const returnTo = new URL(req.url).searchParams.get("returnTo");
  const { url } = await startLinkedInConnect(access, new Date(), returnTo);
  return new Response(null, {
    status: 302,
    headers: { Location: url, "Cache-Control": "no-store" },
  });
});
