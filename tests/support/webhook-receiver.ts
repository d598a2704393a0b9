/**
 * A real local HTTP server standing in for Slack / Teams incoming webhooks: it records every
 * request and can be told to answer the next N requests with an error status or slowly.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  host: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** The status this request was answered with. */
  answeredWith: number;
  at: number;
}

interface Script {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface WebhookReceiver {
  port: number;
  requests: ReceivedRequest[];
  /** Answer the next `count` requests with `status` (and headers, e.g. Retry-After). */
  failNext(count: number, status: number, headers?: Record<string, string>): void;
  /** Answer the next `count` requests after `delayMs` (then 200). */
  slowNext(count: number, delayMs: number): void;
  /** Requests answered 2xx. */
  delivered(): ReceivedRequest[];
  reset(): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let scripts: Script[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      const script = scripts.shift() ?? { status: 200 };
      // Recorded on arrival (a slow answer still counts as received when it came in).
      requests.push({
        method: req.method ?? "",
        host: req.headers.host ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        answeredWith: script.status,
        at: Date.now(),
      });
      const answer = () => {
        res.writeHead(script.status, { "content-type": "text/plain", ...script.headers });
        res.end(script.status < 300 ? "ok" : `error ${script.status}`);
      };
      if (script.delayMs) setTimeout(answer, script.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    failNext(count, status, headers) {
      for (let i = 0; i < count; i++) scripts.push({ status, headers });
    },
    slowNext(count, delayMs) {
      for (let i = 0; i < count; i++) scripts.push({ status: 200, delayMs });
    },
    delivered: () => requests.filter((r) => r.answeredWith >= 200 && r.answeredWith < 300),
    reset() {
      requests.length = 0;
      scripts = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
