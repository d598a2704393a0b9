/**
 * A real HTTP receiver on loopback for developer webhooks: keeps every request's raw body and
 * headers (signatures are checked on the exact bytes), answers with scripted statuses.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SignedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  answeredWith: number;
}

export interface SignedReceiver {
  url: string;
  requests: SignedRequest[];
  /** Answer the next `count` requests with `status`. */
  failNext(count: number, status: number): void;
  /** Answer every request with `status` from now on (null: back to 200). */
  alwaysAnswer(status: number | null): void;
  close(): Promise<void>;
}

export async function startSignedReceiver(): Promise<SignedReceiver> {
  const requests: SignedRequest[] = [];
  const scripts: number[] = [];
  let always: number | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = scripts.shift() ?? always ?? 200;
      requests.push({
        path: req.url ?? "",
        headers: req.headers,
        raw: Buffer.concat(chunks).toString("utf8"),
        answeredWith: status,
      });
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status < 300 ? "ok" : `error ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/chorus`,
    requests,
    failNext(count, status) {
      for (let i = 0; i < count; i++) scripts.push(status);
    },
    alwaysAnswer(status) {
      always = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
