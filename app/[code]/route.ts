import { notFoundPage } from "@/lib/core/http/not-found-page";
import { clientIp } from "@/lib/core/http/client-ip";
import { LINK_UNAVAILABLE_HTML, TOO_MANY_CLICKS_HTML } from "@/lib/domains/tracking/click-pages";
import { getClickPath, REDIRECT_HEADERS } from "@/lib/domains/tracking/click-path";

export const dynamic = "force-dynamic";

/**
 * A tracked link: /{code} → 302 to the share's destination (stored at share time; nothing from
 * the request is ever used as a target, so it cannot become an open redirect) with the click id
 * added for conversion attribution. In production the custom server (scripts/server.ts) answers
 * known codes itself and only hands unknown ones here; this route is the same path for plain
 * `next start` / `next dev` and renders the friendly 404.
 */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const answer = await getClickPath().answer({
    code,
    method: req.method,
    clientAddress: clientIp(req.headers),
    userAgent: req.headers.get("user-agent") ?? "",
    referer: req.headers.get("referer"),
    now: Date.now(),
  });
  switch (answer.kind) {
    case "redirect":
      // Buffering is a push onto an in-memory array; the write happens later, in a batch.
      answer.record();
      return new Response(null, {
        status: 302,
        headers: { location: answer.location, ...REDIRECT_HEADERS },
      });
    case "not-found":
      return notFoundPage();
    case "rate-limited":
      return html(TOO_MANY_CLICKS_HTML, 429, { "retry-after": String(answer.retryAfterSeconds) });
    case "unavailable":
      return html(LINK_UNAVAILABLE_HTML, 503, { "retry-after": "5" });
  }
}

function html(body: string, status: number, headers: Record<string, string>) {
  return new Response(body, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
  });
}
