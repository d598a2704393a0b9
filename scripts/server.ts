/**
 * The app server (spawned by scripts/start.ts; `--dev` for development): a plain Node `http`
 * server in front of Next.js.
 *
 * - `GET|HEAD /{code}` (10 base62 characters) takes a fast path that never enters Next: link cache
 *   look-up (no database round trip when warm) → 302 to the stored destination with the click id →
 *   the click is buffered after the response is sent (lib/domains/tracking/click-path.ts). Codes the cache
 *   does not know are handed to Next, whose app/[code]/route.ts renders the friendly 404 (so a real
 *   10-character page route keeps working).
 * - `GET|HEAD /_next/static/*.{js,css}` with `Accept-Encoding: br`: the build's file, brotli-compressed
 *   once at start-up (lib/core/http/brotli-static-assets.ts; Next only gzips).
 * - Everything else goes to Next's request handler. With `--links-only` Next is not loaded at all
 *   and anything else answers the friendly 404: an instance that serves only tracked links (a
 *   custom short domain, SHORT_LINK_BASE_URL), starting in well under a second.
 * - A request Next.js cannot route safely is refused (logged, with the security headers) before
 *   anything else: a 400 for a path segment that is not valid percent-encoded UTF-8, an encoded
 *   control character, a missing or malformed Host, a target that is not a path; a 405 for a
 *   method no page or route serves (lib/core/http/find-request-problem.ts). What Node's HTTP
 *   parser itself refuses (a broken request line, an unknown method, headers over 16 KB, a broken
 *   chunked body) and CONNECT get the same headers and page instead of Node's bare answer.
 * - Without TRUST_PROXY, X-Forwarded-For is overwritten with the socket address (and X-Real-IP
 *   dropped) before anything reads it, so per-address rate limits cannot be dodged by a header.
 * - Background jobs: with JOBS_ENABLED they run in this process, unless `--no-jobs` (what
 *   `npm start` passes: it runs them in a worker process of its own, scripts/worker.ts).
 * - SIGTERM/SIGINT: stop accepting, let open requests finish (≤ 5 s), write every buffered click
 *   (spool it if the database is down), stop background jobs, exit.
 */
import http from "node:http";
import type { Duplex } from "node:stream";
import path from "node:path";
import next from "next";
import { badRequestHtml } from "@/lib/core/http/bad-request-page";
import { brotliStaticAssets } from "@/lib/core/http/brotli-static-assets";
import { findRequestProblem, type RequestProblem } from "@/lib/core/http/find-request-problem";
import { originFormTarget } from "@/lib/core/http/origin-form-target";
import { notFoundPage } from "@/lib/core/http/not-found-page";
import { securityHeaders, servedOverHttps } from "@/lib/core/http/security-headers";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import { processConfig } from "./process-config";
import { LINK_UNAVAILABLE_HTML, TOO_MANY_CLICKS_HTML } from "@/lib/domains/tracking/click-pages";
import {
  getClickPath,
  REDIRECT_HEADERS,
  type ClickAnswer,
} from "@/lib/domains/tracking/click-path";
import { startLinkListener } from "@/lib/domains/tracking/link-listener";
import { requestRollup } from "@/lib/domains/analytics/request-rollup";
import { atMostEvery } from "@/lib/core/time/at-most-every";
import { observeRequest } from "@/lib/core/metrics/observe-request";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const linksOnly = process.argv.includes("--links-only");
/**
 * `--no-jobs`: background jobs run elsewhere even with JOBS_ENABLED (`npm start` runs them in a
 * worker process of their own, scripts/worker.ts). Without it, JOBS_ENABLED runs them here.
 */
const jobsHere = !process.argv.includes("--no-jobs");
const log = (line: string) => console.log(`[chorus] ${line}`);
/** A share code, with or without a query string (apps append tracking parameters to links). */
const CODE_PATH = /^\/([0-9A-Za-z]{10})(?:\?|$)/;
const GRACE_MS = 5000;

const config = processConfig(
  "DATABASE_URL is not set: start the app with `npm start` or `npm run dev`.",
);
const trustProxy = config.TRUST_PROXY;
/**
 * After clicks are written, a rollup is asked for at once, then at most once per this interval
 * while clicks keep coming (a burst's last request still goes out at the interval's end): a sharer
 * sees a visit within seconds, and a viral spike costs at most one rollup run per interval per
 * instance instead of one per batch. The every-minute schedule stays the safety net.
 */
const ROLLUP_REQUEST_INTERVAL_MS = 5000;
const clickPath = getClickPath({
  onClicksWritten: atMostEvery(ROLLUP_REQUEST_INTERVAL_MS, () => void requestRollup()),
});
/** The small pages served here (429, 503, 404) have one inline style and nothing else. */
const STATIC_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Whether the browser reached us over https (HSTS): APP_URL, or a trusted proxy says so. */
function overHttps(req: http.IncomingMessage): boolean {
  const proto = req.headers["x-forwarded-proto"];
  return servedOverHttps({
    appUrl: config.APP_URL,
    trustProxy,
    forwardedProto: Array.isArray(proto) ? proto[0] : proto,
  });
}

/** Security headers of responses that never enter Next (lib/core/http/security-headers.ts). */
function fastPathHeaders(req: http.IncomingMessage): Record<string, string> {
  return securityHeaders({ https: overHttps(req) });
}

function clientAddress(req: http.IncomingMessage): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

// The Host check is ours (findRequestProblem): Node's own answers a bare 400 without our headers.
const server = http.createServer({ requireHostHeader: false });
const app = linksOnly
  ? null
  : next({ dev, dir: root, hostname: "localhost", port: config.PORT, httpServer: server });
const handle = app?.getRequestHandler();
/** The production build's JS and CSS, brotli-compressed once (Next's own compression is gzip). */
const brotliAssets = app && !dev ? brotliStaticAssets(path.join(root, ".next")) : null;
/** Next's headers for build assets (content-hashed names), plus next.config.ts's common ones. */
const STATIC_CACHE_CONTROL = "public, max-age=31536000, immutable";
const notFoundHtml = notFoundPage().text();

function toNext(req: http.IncomingMessage, res: http.ServerResponse) {
  if (!handle) {
    void notFoundHtml.then((html) => {
      res.writeHead(404, {
        ...fastPathHeaders(req),
        "content-security-policy": STATIC_PAGE_CSP,
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-length": Buffer.byteLength(html),
      });
      res.end(html);
    });
    return;
  }
  // Next answers some requests before proxy.ts runs (its trailing- and double-slash redirects, its
  // own errors): the common headers are set here first, and what Next sets later wins.
  for (const [name, value] of Object.entries(fastPathHeaders(req))) res.setHeader(name, value);
  handle(req, res).catch((error: unknown) => {
    console.error("[chorus] request failed:", error);
    if (!res.headersSent) res.writeHead(500, fastPathHeaders(req)).end();
  });
}

function page(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  html: string,
  retryAfter: number,
) {
  res.writeHead(status, {
    ...fastPathHeaders(req),
    "content-security-policy": STATIC_PAGE_CSP,
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(retryAfter),
    "content-length": Buffer.byteLength(html),
  });
  res.end(html);
}

/** The fast path's security headers as flat lists (http, https), without the referrer policy. */
const REDIRECT_SECURITY_HEADERS = [false, true].map((https) =>
  Object.entries(securityHeaders({ https })).flatMap(([name, value]) =>
    name === "Referrer-Policy" ? [] : [name, value],
  ),
);
function securityHeaderList(req: http.IncomingMessage): string[] {
  return REDIRECT_SECURITY_HEADERS[overHttps(req) ? 1 : 0]!;
}

function respond(answer: ClickAnswer, req: http.IncomingMessage, res: http.ServerResponse) {
  switch (answer.kind) {
    case "redirect":
      // A flat header list: the cheapest form for Node to write. The tracked link keeps its own
      // referrer policy (the destination sees where the visit came from).
      res.writeHead(302, [
        ...securityHeaderList(req),
        "location",
        answer.location,
        "cache-control",
        REDIRECT_HEADERS["cache-control"],
        "referrer-policy",
        REDIRECT_HEADERS["referrer-policy"],
        "content-length",
        "0",
      ]);
      res.end();
      answer.record(); // after the response is handed to the socket
      return;
    case "not-found":
      return toNext(req, res);
    case "rate-limited":
      return page(req, res, 429, TOO_MANY_CLICKS_HTML, answer.retryAfterSeconds);
    case "unavailable":
      return page(req, res, 503, LINK_UNAVAILABLE_HTML, 5);
  }
}

/** A request's target for the log: cut short and quoted (it is whatever the client sent). */
function quoted(text: string | undefined): string {
  return JSON.stringify((text ?? "").slice(0, 300));
}

/** Answers a request that must not reach Next (see findRequestProblem) and logs it. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, problem: RequestProblem) {
  console.warn(
    `[chorus] refused (${problem.status}) ${problem.reason}: ${quoted(req.method)} ${quoted(req.url)} from ${req.socket.remoteAddress}`,
  );
  const html = badRequestHtml(problem.status);
  res.writeHead(problem.status, {
    ...fastPathHeaders(req),
    ...(problem.allow ? { allow: problem.allow } : {}),
    "content-security-policy": STATIC_PAGE_CSP,
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(html),
    connection: "close",
  });
  res.end(html);
}

/** A raw response on a socket Node's HTTP layer no longer serves (parser errors, CONNECT). */
function refuseOnSocket(socket: Duplex, status: number, reason: string) {
  const address = (socket as Duplex & { remoteAddress?: string }).remoteAddress;
  console.warn(`[chorus] refused (${status}) ${reason} from ${address}`);
  const html = badRequestHtml(status);
  const headers: Record<string, string | number> = {
    ...securityHeaders({ https: servedOverHttps({ appUrl: config.APP_URL, trustProxy: false }) }),
    "Content-Security-Policy": STATIC_PAGE_CSP,
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Length": Buffer.byteLength(html),
    Connection: "close",
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${head.join("")}\r\n${html}`, () =>
    socket.destroy(),
  );
}

/**
 * What Node's parser refuses (a broken request line or header, headers over 16 KB, a broken
 * chunked body, too slow a client): Node's own answer has no headers at all, so this one is
 * written here, with the security headers and the small page, as long as nothing of a response
 * has been sent on the socket yet.
 */
server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
  const inFlight = (socket as Duplex & { _httpMessage?: http.ServerResponse | null })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? 431
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? 408
        : 400;
  refuseOnSocket(socket, status, `a malformed request (${error.code})`);
});

// CONNECT (a proxy tunnel) is nothing we serve: without this Node drops the connection unanswered.
server.on("connect", (_req: http.IncomingMessage, socket: Duplex) => {
  refuseOnSocket(socket, 405, "a CONNECT request");
});

server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
  observeRequest(req, res);
  const problem = findRequestProblem({
    method: req.method ?? "",
    url: req.url ?? "",
    hosts: req.headersDistinct.host,
    httpVersion: req.httpVersion,
  });
  if (problem) return refuse(req, res, problem);
  // A proxy's absolute-form target (`GET http://host/path`): Next gets the path, routed by Host.
  if (!req.url!.startsWith("/")) req.url = originFormTarget(req.url!)!;
  if (!trustProxy) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    delete req.headers["x-real-ip"];
  }
  const read = req.method === "GET" || req.method === "HEAD";
  const asset = read ? brotliAssets?.find(req.url!, req.headers["accept-encoding"]) : null;
  if (asset) {
    res.writeHead(200, {
      ...fastPathHeaders(req),
      "content-type": asset.contentType,
      "content-encoding": "br",
      "content-length": asset.body.length,
      "cache-control": STATIC_CACHE_CONTROL,
      vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : asset.body);
    return;
  }
  const match = read && req.url ? CODE_PATH.exec(req.url) : null;
  if (!match) return toNext(req, res);
  try {
    const referer = req.headers.referer;
    const answer = clickPath.answer({
      code: match[1]!,
      method: req.method!,
      clientAddress: clientAddress(req),
      userAgent: req.headers["user-agent"] ?? "",
      referer: referer ?? null,
      now: Date.now(),
    });
    if (answer instanceof Promise) {
      answer.then(
        (a) => respond(a, req, res),
        () => page(req, res, 503, LINK_UNAVAILABLE_HTML, 5),
      );
    } else {
      respond(answer, req, res);
    }
  } catch (error) {
    console.error("[chorus] tracked link failed:", error);
    if (!res.headersSent) page(req, res, 503, LINK_UNAVAILABLE_HTML, 5);
  }
});

let stopListener: () => Promise<void> = async () => {};
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping (finishing open requests, writing buffered clicks)…`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((r) => (timer = setTimeout(r, GRACE_MS)))]);
  clearTimeout(timer);
  server.closeAllConnections();
  await stopListener();
  if (config.JOBS_ENABLED && jobsHere)
    await stopJobs().catch((e) => console.error("[chorus] jobs:", e));
  const { stats } = clickPath.recorder;
  await clickPath.close();
  log(
    `clicks: ${stats.written} written, ${stats.spooledEvents} spooled` +
      (clickPath.recorder.databaseUp ? "" : " (database unreachable: replayed on next start)"),
  );
  await app?.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

async function main() {
  await clickPath.salts
    .sync()
    .catch(() => log("visitor salts: database unreachable, using a local salt until it is back"));
  const listener = startLinkListener({
    connectionString: config.DATABASE_URL!,
    onReconnect: () => clickPath.cache.clear(),
  });
  stopListener = listener.stop;
  // Answer only once link changes of other instances are heard (at most 5 s: a database that is
  // down must not keep the server from serving cached links later).
  await Promise.race([listener.ready, new Promise((r) => setTimeout(r, 5000).unref())]);
  await app?.prepare();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, () => resolve());
  });
  log(
    `listening on port ${config.PORT}${dev ? " (development)" : ""}${linksOnly ? " (tracked links only)" : ""}`,
  );
  if (config.JOBS_ENABLED && jobsHere) await startJobs();
}

main().catch((error) => {
  console.error(
    "[chorus] could not start the server:",
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
