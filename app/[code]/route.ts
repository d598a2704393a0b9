import { resolveShareCode } from "@/lib/sharing/resolve-share-code";
import { notFoundPage } from "@/lib/http/not-found-page";

export const dynamic = "force-dynamic";

/**
 * A tracked link: /{code} → 302 to the share's destination (stored at share time; nothing from
 * the request is ever used as a target, so it cannot become an open redirect).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const destination = await resolveShareCode(code);
  if (!destination) return notFoundPage();
  return new Response(null, {
    status: 302,
    headers: {
      location: destination,
      "cache-control": "private, no-store",
      "referrer-policy": "unsafe-url",
    },
  });
}
