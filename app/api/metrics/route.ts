import { publicRoute } from "@/lib/domains/access/route";
import { authorizeScrape } from "@/lib/domains/metrics/authorize-scrape";
import { renderMetrics } from "@/lib/domains/metrics/render-metrics";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this instance, for a scraper holding METRICS_TOKEN (README, Monitoring). */
export const GET = publicRoute(async ({ req }) => {
  const refusal = authorizeScrape(req);
  if (refusal) return refusal;
  const { contentType, body } = await renderMetrics();
  return new Response(body, {
    headers: { "content-type": contentType, "cache-control": "no-store" },
  });
});
