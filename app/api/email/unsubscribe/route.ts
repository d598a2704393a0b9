import { publicRoute } from "@/lib/domains/access/route";
import { unsubscribeWithToken } from "@/lib/domains/email/unsubscribe-with-token";
import { readBoundedBody } from "@/lib/core/http/read-bounded-body";

/**
 * Unsubscribes from one email category with a signed token: the List-Unsubscribe one-click POST
 * of mail clients (RFC 8058, token in the URL), and the confirm button of /unsubscribe (token in
 * the form). A browser form gets a redirect to the confirmation page; others get JSON.
 */
export const POST = publicRoute(async ({ req }) => {
  const url = new URL(req.url);
  let token = url.searchParams.get("token");
  const type = req.headers.get("content-type") ?? "";
  if (!token && type.includes("application/x-www-form-urlencoded")) {
    const body = new TextDecoder().decode(await readBoundedBody(req, 8 * 1024));
    token = new URLSearchParams(body).get("token");
  } else if (!token && type.includes("application/json")) {
    const body = new TextDecoder().decode(await readBoundedBody(req, 8 * 1024));
    try {
      const parsed = JSON.parse(body) as { token?: unknown };
      token = typeof parsed.token === "string" ? parsed.token : null;
    } catch {
      token = null;
    }
  }
  const result = await unsubscribeWithToken(token);
  if ((req.headers.get("accept") ?? "").includes("text/html")) {
    return new Response(null, {
      status: 303,
      headers: { location: `/unsubscribe?done=${encodeURIComponent(result.category)}` },
    });
  }
  return { unsubscribed: true, category: result.category };
});

/** A GET (a link opened in a browser) leads to the confirmation page: GET never changes anything. */
export const GET = publicRoute(async ({ req }) => {
  const token = new URL(req.url).searchParams.get("token") ?? "";
  return new Response(null, {
    status: 303,
    headers: { location: `/unsubscribe?token=${encodeURIComponent(token)}` },
  });
});
