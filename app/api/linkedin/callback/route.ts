import { orgRoute } from "@/lib/domains/access/route";
import { appUrl } from "@/lib/core/http/app-url";
import {
  completeLinkedInConnect,
  connectLandingUrl,
} from "@/lib/domains/linkedin/connect-linkedin";

/**
 * LinkedIn's OAuth redirect: back to the page "Connect LinkedIn" was started from (the post being
 * shared), else the profile, with an outcome code the page explains.
 */
const completeConnect = orgRoute("shares:create", async ({ req, access }) => {
  const { outcome, returnTo } = await completeLinkedInConnect(
    access,
    new URL(req.url).searchParams,
  );
  return new Response(null, {
    status: 302,
    headers: { Location: connectLandingUrl(outcome, returnTo), "Cache-Control": "no-store" },
  });
});

/**
 * A browser arrives here from LinkedIn: when the session ended during the consent (401), send the
 * person to sign in and back here — the state is bound to them, so the connection then completes.
 */
export async function GET(req: Request, segment: { params: Promise<Record<string, string>> }) {
  const response = await completeConnect(req, segment);
  if (response.status !== 401) return response;
  const url = new URL(req.url);
  const back = encodeURIComponent(`${url.pathname}${url.search}`);
  return new Response(null, {
    status: 302,
    headers: { Location: `${appUrl()}/signin?callbackUrl=${back}`, "Cache-Control": "no-store" },
  });
}
