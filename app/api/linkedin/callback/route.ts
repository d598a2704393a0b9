import { orgRoute } from "@/lib/access/route";
import { completeLinkedInConnect, profileUrl } from "@/lib/linkedin/connect-linkedin";

/** LinkedIn's OAuth redirect: back to the profile with an outcome code the page explains. */
export const GET = orgRoute("shares:create", async ({ req, access }) => {
  const outcome = await completeLinkedInConnect(access, new URL(req.url).searchParams);
  return new Response(null, {
    status: 302,
    headers: { Location: profileUrl(outcome), "Cache-Control": "no-store" },
  });
});
