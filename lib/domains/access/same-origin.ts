import { forbidden } from "@/lib/core/errors/app-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What a person sees when a form or script on another site tried to act as them. */
export const CROSS_SITE_MESSAGE =
  "This request came from another website, so Chorus refused it to protect your account. Open Chorus directly and try again.";

/**
 * CSRF defence for cookie-authenticated mutations: browsers send Origin (and Sec-Fetch-Site) on
 * every cross-origin write, so a write whose Origin is another site is refused. Clients that send
 * neither (curl, server-to-server) carry no ambient browser cookies to abuse.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw forbidden(CROSS_SITE_MESSAGE);
  }
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host =
    req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden(CROSS_SITE_MESSAGE);
  }
  if (originHost !== host) throw forbidden(CROSS_SITE_MESSAGE);
}
