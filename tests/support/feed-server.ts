/**
 * A real HTTP server on 127.0.0.1 that serves feeds and pages for the content-source tests (and
 * the e2e spec): each path answers what `routes` says at the time of the request, so a test can
 * change a feed between polls. Every request is recorded (headers included: conditional GETs).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FeedRoute = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface FeedServer {
  origin: string;
  port: number;
  routes: Map<string, FeedRoute>;
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

export async function startFeedServer(port = 0): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    const route = routes.get(req.url ?? "/");
    if (route) route(req, res);
    else res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    routes,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `body` with a content type (XML by default) and optional headers. */
export const serve =
  (body: string | Buffer, type = "application/rss+xml; charset=utf-8", headers = {}): FeedRoute =>
  (_req, res) =>
    res.writeHead(200, { "content-type": type, ...headers }).end(body);

export interface RssItem {
  title: string;
  link: string;
  guid?: string;
  description?: string;
  pubDate?: Date;
  image?: string;
}

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An RSS 2.0 document (test data built from strings; Chorus itself parses with fast-xml-parser). */
export function rss(items: RssItem[], title = "Fernhill Energy blog"): string {
  const body = items
    .map(
      (i) => `<item>
  <title>${escape(i.title)}</title>
  <link>${escape(i.link)}</link>
  ${i.guid ? `<guid isPermaLink="false">${escape(i.guid)}</guid>` : ""}
  ${i.description ? `<description>${escape(i.description)}</description>` : ""}
  ${i.pubDate ? `<pubDate>${i.pubDate.toUTCString()}</pubDate>` : ""}
  ${i.image ? `<enclosure url="${escape(i.image)}" type="image/jpeg" length="1000"/>` : ""}
</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escape(title)}</title><link>https://fernhill.example/</link>
<description>News</description>
${body}
</channel></rss>`;
}
